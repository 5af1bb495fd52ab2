import { InvalidArgumentError } from "commander";

/** A commander parser accepting one of `choices`. */
export function parseChoice<T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(", ")}`);
    }
    return value as T;
  };
}

/** A commander parser accepting a number within [min, max]. */
export function parseNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
    }
    return n;
  };
}

/**
 * A commander parser accepting a whole number within [min, max], written in decimal digits:
 * a port, a count or a size is never 1.5 (the server took `--port 1.5` to its listen call and
 * failed with an internal error), and `0x10` or `1e3` are more likely slips than intentions.
 */
export function parseInteger(min: number, max: number) {
  return (value: string): number => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

/**
 * The `-f, --format` option every data command shares: one of `formats`, the first by default.
 * Every data command takes text, json and jsonl (one result a line); some take more.
 */
export function formatOption<T extends string>(
  formats: readonly T[],
): [string, string, (value: string) => T, T] {
  return [
    "-f, --format <format>",
    `output format: ${formats.join(", ")}`,
    parseChoice(formats),
    formats[0] as T,
  ];
}
