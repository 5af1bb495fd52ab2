import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ListWriter, Output } from "../../src/cli/output.js";

/** A stream that keeps every piece written to it, to see how the output was cut. */
function collector(): { stream: Writable; pieces: string[] } {
  const pieces: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      pieces.push(chunk.toString());
      done();
    },
  });
  return { stream, pieces };
}

async function written(
  values: unknown[],
  format: "json" | "jsonl",
  small = false,
): Promise<string[]> {
  const { stream, pieces } = collector();
  const list = new ListWriter(new Output(stream), format);
  for (const v of values) await list.add(v, small);
  await list.end();
  return pieces;
}

describe("streamed JSON", () => {
  it("is the same text JSON.stringify makes, element by element, chunked or whole", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        fc.boolean(),
        async (values, small) => {
          const json = (await written(values, "json", small)).join("");
          expect(json).toBe(`${JSON.stringify({ documents: values }, null, 2)}\n`);
          const lines = (await written(values, "jsonl", small)).join("");
          expect(lines).toBe(values.map((v) => `${JSON.stringify(v)}\n`).join(""));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("writes a huge document in small pieces, never as one string", async () => {
    // 200,000 mentions: about 20 MB of JSON, more than ten times the largest piece allowed.
    const mentions = Array.from({ length: 200_000 }, (_, i) => ({
      text: "Hà Nội",
      start: i * 10,
      end: i * 10 + 6,
      province: { code: "01", name: "Ha Noi" },
    }));
    for (const format of ["json", "jsonl"] as const) {
      const pieces = await written([{ source: "dense.txt", mentions }], format);
      const total = pieces.reduce((n, p) => n + p.length, 0);
      expect(total).toBeGreaterThan(10_000_000);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1 << 18);
      const parsed =
        format === "json" ? JSON.parse(pieces.join("")).documents[0] : JSON.parse(pieces.join(""));
      expect(parsed.mentions).toHaveLength(200_000);
      expect(parsed.mentions[199_999]).toEqual(mentions[199_999]);
    }
  });
});

describe("a small document", () => {
  it("goes out in one write, so it is whole before the next is read", async () => {
    const values = [{ a: [1, 2] }, { b: "x\ny" }, { c: {} }];
    for (const format of ["json", "jsonl"] as const) {
      const pieces = await written(values, format, true);
      expect(pieces).toHaveLength(format === "json" ? values.length + 1 : values.length);
      expect(pieces[1]).toBe(
        format === "json"
          ? `,\n    ${JSON.stringify(values[1], null, 2).replaceAll("\n", "\n    ")}`
          : `${JSON.stringify(values[1])}\n`,
      );
    }
  });
});
