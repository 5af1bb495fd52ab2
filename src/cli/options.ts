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
