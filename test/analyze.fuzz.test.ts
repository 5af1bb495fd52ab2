/**
 * analyze() over fuzzed documents made of the words it reacts to (places, entities, dates,
 * provision triggers, captions, links) and of noise: every span it reports lies inside the text
 * it read, and a span's `text` is exactly that slice, at any depth of the analysis (provision
 * clauses, caption entities…). What ingest makes of the same input never throws either.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDossierError } from "../src/errors.js";
import { analyze, defaultGazetteer, ingest } from "../src/index.js";

const names = defaultGazetteer()
  .places.flatMap((p) => p.names.map((n) => n.text))
  .filter((_, i) => i % 7 === 0);
const word = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(
    "Viet Nam",
    "Japan",
    "ASEAN",
    "the United States",
    "Prime Minister Pham Minh Chinh",
    "Both sides agreed to",
    "The two leaders welcomed",
    "Hai bên nhất trí",
    "will not",
    "strengthen cooperation in trade",
    "on May 10, 2025",
    "January 15th",
    "ngày 15 tháng 1 năm 2025",
    "15/1/2025",
    "tháng Giêng",
    "Hanoi (VNA) –",
    "Photo: VNA",
    "Ảnh: TTXVN",
    "https://example.org/da-nang",
    "Thái Bình Dương",
    "Hồ Chí Minh".normalize("NFD"),
    "😀",
    "\u0301",
    ".",
    ",",
    ";",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
  ),
  fc.string({ maxLength: 8 }),
);
const document = fc.array(word, { maxLength: 80 }).map((ws) => ws.join(" "));

type Span = { start: number; end: number; text?: unknown };
const isSpan = (v: unknown): v is Span =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Span).start === "number" &&
  typeof (v as Span).end === "number";

/** Every object with start/end under `value` lies in `text`, its `text` the very slice. */
function spansWithin(value: unknown, text: string, path: string): void {
  const stack: [unknown, string][] = [[value, path]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, where] = top;
    if (typeof v !== "object" || v === null) continue;
    if (isSpan(v)) {
      expect(v.start, where).toBeGreaterThanOrEqual(0);
      expect(v.end, where).toBeGreaterThanOrEqual(v.start);
      expect(v.end, where).toBeLessThanOrEqual(text.length);
      // A topic term's `text` is the lexicon's term ("invest*"), documented so: range only.
      if (typeof v.text === "string" && !/\.terms\.\d+$/.test(where))
        expect(v.text, where).toBe(text.slice(v.start, v.end));
    }
    for (const [k, child] of Object.entries(v)) stack.push([child, `${where}.${k}`]);
  }
}

describe("analyze() under fuzzing", () => {
  it("reports spans inside the text it read, each span's text its slice", () => {
    fc.assert(
      fc.property(document, (input) => {
        let doc: ReturnType<typeof ingest>;
        try {
          doc = ingest(input, { source: "fuzz" });
        } catch (error) {
          expect(isDossierError(error)).toBe(true);
          return;
        }
        const { captions, ...rest } = analyze(doc);
        spansWithin(rest, doc.text, "analysis");
        captions.forEach((c, i) => {
          spansWithin(c, c.text, `captions[${i}]`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("does the same on bare text, without ingest's cleaning", () => {
    fc.assert(
      fc.property(document, (text) => {
        const { captions: _, ...rest } = analyze({ text });
        spansWithin(rest, text, "analysis");
      }),
      { numRuns: 300 },
    );
  });
});
