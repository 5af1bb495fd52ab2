/**
 * The option parsers under fuzzing: any string gives a value within the bounds or commander's
 * InvalidArgumentError (a usage error, exit 2), never anything else; whole-number options take
 * only decimal digits.
 */
import { spawnSync } from "node:child_process";
import { InvalidArgumentError } from "commander";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseChoice, parseInteger, parseNumber } from "../../src/cli/options.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;

/** Strings that look like numbers, and strings that do not. */
const numberish = fc.oneof(
  fc.string(),
  fc.double().map(String),
  fc.integer({ min: -100_000, max: 100_000 }).map(String),
  fc.constantFrom("0x10", "1e3", "1.5", "-0", " 7 ", "", "Infinity", "NaN", "0b1", "9".repeat(400)),
);

/** The parser's answer: its value, or the error it threw (rethrown unless it is commander's). */
function parsed<T>(parse: (v: string) => T, value: string): T | InvalidArgumentError {
  try {
    return parse(value);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
}

describe("option parsers", () => {
  it("parseNumber: a finite number within the bounds, or a usage error", () => {
    fc.assert(
      fc.property(numberish, fc.constantFrom([0, 1], [0, 10], [1, 100]), (value, [min, max]) => {
        const n = parsed(parseNumber(min as number, max as number), value);
        if (n instanceof InvalidArgumentError) return;
        expect(Number.isFinite(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(min as number);
        expect(n).toBeLessThanOrEqual(max as number);
      }),
      { numRuns: 1000 },
    );
  });

  it("parseInteger: decimal digits only, a safe integer within the bounds", () => {
    fc.assert(
      fc.property(numberish, fc.constantFrom([0, 65535], [1, 100], [1, 2 ** 31]), (v, [a, b]) => {
        const n = parsed(parseInteger(a as number, b as number), v);
        if (n instanceof InvalidArgumentError) return;
        expect(v.trim()).toMatch(/^\d+$/);
        expect(Number.isSafeInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(a as number);
        expect(n).toBeLessThanOrEqual(b as number);
      }),
      { numRuns: 1000 },
    );
    for (const bad of ["1.5", "0x10", "1e3", "-1", "65536", ""])
      expect(parsed(parseInteger(0, 65535), bad)).toBeInstanceOf(InvalidArgumentError);
    expect(parseInteger(0, 65535)(" 8080 ")).toBe(8080);
  });

  it("parseChoice: one of the choices, or a usage error", () => {
    const choices = ["text", "json", "csv"] as const;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...choices, "JSON", " json")), (v) => {
        const c = parsed(parseChoice(choices), v);
        if (!(c instanceof InvalidArgumentError)) expect(choices).toContain(c);
        else expect(choices).not.toContain(v);
      }),
    );
  });

  it("refuses --port 1.5 as a usage error, not an internal error", () => {
    // It used to reach the server's listen call: "internal error", exit 70.
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "1.5", "--db", ":memory:"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.stderr).toContain("expected a whole number from 0 to 65535");
    expect(r.status).toBe(2);
  });
});
