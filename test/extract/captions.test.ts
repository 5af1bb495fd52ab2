import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, ingest } from "../../src/index.js";

// An invented report: the text names Can Tho; only the caption names Phu Quoc, a date and a
// person.
const CAPTION = "Minister Tran Van Nam visits the port of Phu Quoc on March 3, 2026";
const PAGE =
  "Rice exports rise\n\nVGP – Farmers in Can Tho sold more rice this spring than in any spring before.\n\n" +
  `${CAPTION} - Photo: VGP/Le Hoa\n`;

describe("captions are analysed", () => {
  const doc = ingest(PAGE);
  const a = analyze(doc);

  it("finds the caption's places, entities and dates, with offsets into the caption", () => {
    expect(doc.captions).toEqual([{ text: CAPTION, credit: "VGP/Le Hoa" }]);
    const [c] = a.captions;
    expect(c?.places.map((p) => [CAPTION.slice(p.start, p.end), p.province.name])).toEqual([
      ["Phu Quoc", "Kien Giang"],
    ]);
    expect(c?.dates.map((d) => [CAPTION.slice(d.start, d.end), d.value])).toEqual([
      ["March 3, 2026", "2026-03-03"],
    ]);
    expect(c?.entities.map((e) => CAPTION.slice(e.start, e.end))).toContain("Tran Van Nam");
    expect(c).toMatchObject({ agencies: ["VGP"], photographers: ["Le Hoa"] });
  });

  it("counts the caption's places in the document's provinces, not among the text's mentions", () => {
    expect(a.places.map((p) => p.text)).toEqual(["Can Tho"]);
    expect(a.provinces.map((p) => [p.name, p.count]).sort()).toEqual([
      ["Can Tho", 1],
      ["Kien Giang", 1],
    ]);
    expect(a.provinces2025.map((p) => p.name).sort()).toEqual(["An Giang", "Can Tho"]);
  });

  it("resolves a caption's yearless date against the document's date", () => {
    const b = analyze({
      text: "Talks ended.",
      published: "2026-03-05",
      captions: [{ text: "The ministers in Hue on March 3", credit: null }],
    });
    expect(b.captions[0]?.dates[0]).toMatchObject({ value: "2026-03-03", resolution: "inferred" });
  });

  it("offsets always slice a caption, and analyze stays deterministic", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.oneof(
              fc.string({ maxLength: 120 }),
              fc.constantFrom(CAPTION, "Đà Nẵng, ngày 3/3/2026", "https://example.vn/hue in Hue"),
            ),
            credit: fc.option(fc.string({ maxLength: 20 })),
          }),
          { maxLength: 3 },
        ),
        (captions) => {
          const x = analyze({ text: "Talks in Hanoi.", captions });
          expect(x).toEqual(analyze({ text: "Talks in Hanoi.", captions }));
          x.captions.forEach((c, i) => {
            const text = captions[i]?.text ?? "";
            for (const m of [...c.places, ...c.entities, ...c.dates])
              expect(text.slice(m.start, m.end)).toBe(m.text);
          });
          const counted = x.provinces.reduce((n, p) => n + p.count, 0);
          expect(counted).toBe(
            x.places.length + x.captions.reduce((n, c) => n + c.places.length, 0),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
