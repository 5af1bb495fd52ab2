import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { openingDate } from "../../src/ingest/opening/date.js";
import { defaultMetadataLexicon } from "../../src/ingest/opening/lexicon.js";
import { reportedTitle } from "../../src/ingest/opening/title.js";
import { yearFromText } from "../../src/ingest/opening/year.js";

const lexicon = defaultMetadataLexicon();

// "January" … "December", from the platform rather than a second list.
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Date(Date.UTC(2000, m, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" }),
);
const ordinal = (d: number) =>
  `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;
const day = fc
  .record({
    y: fc.integer({ min: 1950, max: 2090 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());
const words = fc
  .array(
    fc.constantFrom(
      "the",
      "ministry",
      "both",
      "sides",
      "agreed",
      "Hue",
      "rice",
      "2024",
      "this year",
      "(",
      ")",
      ",",
      ".",
    ),
    { maxLength: 30 },
  )
  .map((w) => w.join(" "));

describe("properties", () => {
  it("reads the day of any dateline sentence, and its year only when written", () => {
    fc.assert(
      fc.property(day, fc.nat(5), words, ({ y, m, d }, form, rest) => {
        const name = MONTHS[m - 1] as string;
        const vm = m === 1 ? "Giêng" : m === 12 ? "Chạp" : String(m);
        const forms: [string, number | null][] = [
          [`On ${name} ${ordinal(d)}, `, null],
          [`On ${name} ${d}, ${y}, `, y],
          [`On ${ordinal(d)} ${name} ${y}, `, y],
          [`Ngày ${d}/${m}/${y}, `, y],
          [`Ngày ${d} tháng ${vm} năm ${y}, `, y],
          [`Sáng ngày ${d}/${m}, `, null],
        ];
        const [head, year] = forms[form] as [string, number | null];
        const text = `${head}the ministry said ${rest}`;
        expect(openingDate(text, lexicon)).toMatchObject({ y: year, m, d });
      }),
    );
  });

  it("never throws; a date it gives is well formed, its evidence quoted from the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.tuple(day, words).map(([{ m, d }, w]) => `On ${MONTHS[m - 1]} ${ordinal(d)}, ${w}`),
        ),
        (text) => {
          const d = ingest(text.trim() === "" ? "x" : text);
          const from = d.publishedFrom;
          if (d.published !== null) expect(d.published).toMatch(/^\d{4}-\d\d-\d\d/);
          if (from === null) {
            expect(d.published).toBeNull();
            return;
          }
          expect(from.monthDay).toMatch(/^--\d\d-\d\d$/);
          expect(d.published === null).toBe(from.year === "unknown");
          if (d.published !== null) expect(d.published.slice(4, 10)).toBe(from.monthDay.slice(1));
          if (from.evidence !== null) expect(d.text).toContain(from.evidence);
        },
      ),
    );
  });

  it("finds a year only in the text, and only one the text names", () => {
    fc.assert(
      fc.property(
        words,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (text, m, d) => {
          const found = yearFromText(text, m, d, lexicon);
          if (found === null) return;
          expect(text).toContain(found.evidence);
          expect(found.evidence).toContain(String(found.year).slice(0, 2));
        },
      ),
    );
  });

  it("a reported title is part of the first line, capitalised and short", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          words.map((w) => `The ministry released a Joint Statement ${w}`),
          words.map((w) => `Bộ công bố Tuyên bố chung ${w}`),
        ),
        (text) => {
          const title = reportedTitle(text, lexicon);
          if (title === null) return;
          expect(text.split("\n")[0]).toContain(title);
          expect(title.length).toBeLessThanOrEqual(200);
          expect(title.charAt(0)).not.toBe(title.charAt(0).toLowerCase());
        },
      ),
    );
  });
});
