import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDates, inferYear, parseDocumentDate } from "../../src/extract/dates/index.js";

const DOC = "2025-05-11T18:57:00+07:00";
/**
 * One case a line: "<document date> <sentence> => <mention> ; <mention> …", each mention as
 * "text | kind | value | resolution" ("null" for no value). Document date "-" is none and
 * "DOC" is DOC; a line ending in "=>" expects no mentions.
 */
const TABLE = `
- Talks were held on May 10, 2025 in Hanoi. => May 10, 2025 | date | 2025-05-10 | explicit
DOC The deal was signed on 10 May 2025. => 10 May 2025 | date | 2025-05-10 | explicit
DOC The forum ran May 8-11 in Da Nang. => May 8-11 | range | 2025-05-08/2025-05-11 | inferred
- The forum ran May 8–11. => May 8–11 | range | null | open
- Delegates met May 8 to 11, 2025. => May 8 to 11, 2025 | range | 2025-05-08/2025-05-11 | explicit
DOC The visit lasted from May 8 to May 11. => May 8 to May 11 | range | 2025-05-08/2025-05-11 | inferred
2025-01-15 Applications closed on January 14th. => January 14th | date | 2025-01-14 | inferred
- Applications closed on January 14th. => January 14th | date | null | open
2025-01-15 It takes effect on the 14th of January. => 14th of January | date | 2025-01-14 | inferred
- Exports rose in January 2025. => January 2025 | month | 2025-01 | explicit
- GDP grew 7.1% in 2025. => 2025 | year | 2025 | explicit
- The 2021-2025 plan was completed. => 2021-2025 | years | 2021/2025 | explicit
DOC Growth averaged 6% over 2021–2025. => 2021–2025 | years | 2021/2025 | explicit
- From 2021 to 2025, exports doubled. => 2021 to 2025 | years | 2021/2025 | explicit
- Targets for the 2021–2030 period were set. => 2021–2030 | years | 2021/2030 | explicit
DOC Exports hit a record this year. => this year | relative | 2025 | inferred
DOC Exports fell last year but will recover next year. => last year | relative | 2024 | inferred ; next year | relative | 2026 | inferred
- This year's target is 8%. => This year | relative | null | open
DOC Ten years of ties (May 29, 2015 – May 29, 2025). => May 29, 2015 – May 29, 2025 | range | 2015-05-29/2025-05-29 | explicit
- Ngày 10/5/2025, Thủ tướng tiếp đoàn. => Ngày 10/5/2025 | date | 2025-05-10 | explicit
- Hội nghị diễn ra 10/5/2025 tại Hà Nội. => 10/5/2025 | date | 2025-05-10 | explicit
- Luật có hiệu lực từ ngày 10 tháng 5 năm 2025. => ngày 10 tháng 5 năm 2025 | date | 2025-05-10 | explicit
- Hội nghị khai mạc ngày 15 tháng Giêng năm 2025. => ngày 15 tháng Giêng năm 2025 | date | 2025-01-15 | explicit
DOC Lễ hội diễn ra vào tháng Giêng. => tháng Giêng | month | 2025-01 | inferred
2025-01-15 Ngày 20 tháng chạp, đoàn về Huế. => Ngày 20 tháng chạp | date | 2024-12-20 | inferred
- Từ tháng Giêng đến tháng 3 năm 2025, giá tăng. => tháng Giêng đến tháng 3 năm 2025 | range | 2025-01/2025-03 | explicit
- Tháng giêngs và chạp không phải tháng. =>
- The accord of 15th January 2025 holds. => 15th January 2025 | date | 2025-01-15 | explicit
2025-02-01 Talks opened on January 15th. => January 15th | date | 2025-01-15 | inferred
- Trong tháng 5/2025, xuất khẩu tăng. => tháng 5/2025 | month | 2025-05 | explicit
- Năm 2025 là năm bản lề. => Năm 2025 | year | 2025 | explicit
- Kế hoạch giai đoạn 2021-2025 đã hoàn thành. => 2021-2025 | years | 2021/2025 | explicit
DOC Năm nay, tăng trưởng cao hơn năm ngoái. => Năm nay | relative | 2025 | inferred ; năm ngoái | relative | 2024 | inferred
- Năm nay giá tăng. => Năm nay | relative | null | open
- The firm paid USD 2,025, USD 2025 and $2025 for 2025 tons. =>
DOC The 10th anniversary was celebrated. =>
DOC Call 1900 1234 before 20:25, or see No. 2025 and số 2025. =>
DOC Under Decree 168/2024/ND-CP and Thông tư 01/2025/TT-BTC, fines rose. =>
DOC Sáng 12/5, đoàn công tác đến Huế. => 12/5 | date | 2025-05-12 | inferred
DOC Đoàn đến Việt Nam ngày 10/5. => ngày 10/5 | date | 2025-05-10 | inferred
DOC Tỷ lệ giảm từ 2/3 xuống 1/2, tỷ số 10/5. =>
DOC They may march 10 km in may. =>
DOC The summit is set for mid-May. => May | month | 2025-05 | inferred
2025-01-15 Prices have risen since August. => August | month | 2024-08 | inferred
2025-01-15 Floods hit on December 20. => December 20 | date | 2024-12-20 | inferred
DOC The event is on July 31. => July 31 | date | 2025-07-31 | inferred
DOC The fair opened on August 10. => August 10 | date | 2024-08-10 | inferred
DOC Between May 8 and 11, storms hit. => May 8 and 11 | range | 2025-05-08/2025-05-11 | inferred
DOC Rain fell on May 8 and 11. => May 8 | date | 2025-05-08 | inferred
- Between 2021 and 2025, output doubled. => 2021 and 2025 | years | 2021/2025 | explicit
- Hà Nội, ngày 8-11/5/2025 => ngày 8-11/5/2025 | range | 2025-05-08/2025-05-11 | explicit
DOC Từ ngày 8/5 đến ngày 11/5, mưa lớn. => ngày 8/5 đến ngày 11/5 | range | 2025-05-08/2025-05-11 | inferred
2025-01-10 Traffic surged (Dec 28 – Jan 3). => Dec 28 – Jan 3 | range | 2024-12-28/2025-01-03 | inferred
- Sales in January-March 2025 rose. => January-March 2025 | range | 2025-01/2025-03 | explicit
- The 2020-21 season and growth in the 1990s. => 2020-21 | years | 2020/2021 | explicit ; 1990s | years | 1990/1999 | explicit
DOC Hai năm nay giá tăng; năm sau đó giá giảm. =>
DOC Over the last year, prices rose. =>
DOC It was the hottest May 10 last year. => May 10 last year | date | 2024-05-10 | inferred
DOC Tháng 5 năm ngoái, giá giảm. => Tháng 5 năm ngoái | month | 2024-05 | inferred
- Published 2025-05-10 at noon. => 2025-05-10 | date | 2025-05-10 | explicit
- Updated 2025-05-11T18:57:00+07:00. => 2025-05-11T18:57:00+07:00 | date | 2025-05-11 | explicit
DOC Nghị quyết 57 ngày 22/12/2024 của Bộ Chính trị. => ngày 22/12/2024 | date | 2024-12-22 | explicit
DOC Output rose last month and tháng trước. => last month | relative | 2025-04 | inferred ; tháng trước | relative | 2025-04 | inferred
2025-12-05 Rates rise next month. => next month | relative | 2026-01 | inferred
2025-03-01 Feb 29 was rainy. => Feb 29 | date | null | open
- Born on Feb. 29, 2024 and Sept. 2, 1945. => Feb. 29, 2024 | date | 2024-02-29 | explicit ; Sept. 2, 1945 | date | 1945-09-02 | explicit
- Ngày 30/2/2025 không tồn tại. =>
- Work finishes by mid-2025. => 2025 | year | 2025 | explicit
- Từ năm 2021 đến năm 2025, GDP tăng. => năm 2021 đến năm 2025 | years | 2021/2025 | explicit
- The delegation arrives 8-11 May 2025. => 8-11 May 2025 | range | 2025-05-08/2025-05-11 | explicit
- Flights resume in June. => June | month | null | open
`;

const table = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [left = "", right = ""] = line.split(" =>").map((part) => part.trim());
    const space = left.indexOf(" ");
    const date = left.slice(0, space);
    const expected = right === "" ? [] : right.split(" ; ").map((m) => m.split(" | "));
    return [
      left.slice(space).trim(),
      date === "-" ? null : date === "DOC" ? DOC : date,
      expected,
    ] as const;
  });

const view = (text: string, documentDate: string | null) =>
  findDates(text, { documentDate }).map((m) => [m.text, m.kind, m.value ?? "null", m.resolution]);

describe("findDates table", () => {
  it("has at least 35 cases", () => expect(table.length).toBeGreaterThanOrEqual(35));

  it.each(table)("%s (document date %s)", (sentence, documentDate, expected) => {
    expect(view(sentence, documentDate)).toEqual(expected);
  });
});

describe("document date and year inference", () => {
  it("reads the document date as written, in several forms", () => {
    expect(parseDocumentDate(DOC)).toEqual({ y: 2025, m: 5, d: 11 });
    expect(parseDocumentDate("2025")).toEqual({ y: 2025, m: null, d: null });
    expect(parseDocumentDate("May 11, 2025 6:57 PM GMT+7")).toEqual({ y: 2025, m: 5, d: 11 });
    expect(parseDocumentDate("2025-13-01")).toBeNull();
    expect(parseDocumentDate("soon")).toBeNull();
    expect(parseDocumentDate(undefined)).toBeNull();
  });

  it("infers from a year-only document date only what needs no month", () => {
    expect(view("January 14th this year", "2025")).toEqual([
      ["January 14th this year", "date", "2025-01-14", "inferred"],
    ]);
    expect(view("January 14th, this year", "2025")).toEqual([
      ["January 14th", "date", "null", "open"],
      ["this year", "relative", "2025", "inferred"],
    ]);
    expect(view("this year", "not a date")).toEqual([["this year", "relative", "null", "open"]]);
  });

  it("takes the document year up to 2 months ahead, else last year within 10 months", () => {
    const doc = { y: 2025, m: 5, d: 11 };
    expect(inferYear(doc, 7, 31)).toBe(2025);
    expect(inferYear(doc, 1, 1)).toBe(2025);
    expect(inferYear(doc, 8, 1)).toBe(2024);
    expect(inferYear({ y: 2025, m: 1, d: 31 }, 4, 1)).toBe(2024);
    expect(inferYear({ y: 2025, m: 5, d: null }, 12, null)).toBe(2024);
    expect(inferYear({ y: 2025, m: null, d: null }, 5, 1)).toBeNull();
    expect(inferYear(null, 5, 1)).toBeNull();
  });
});

const fragment = fc.constantFrom(
  ...["May", "may", "8", "11", "2025", "2021", "-", "–", "to", "and", "between", "from", ","],
  ...["January", "14th", "of", "the", "this", "last", "year", "month", "(", ")", "USD", "."],
  ...["ngày", "tháng", "năm", "nay", "ngoái", "5", "/", "10/5/2025", "đến", "giai đoạn", "Sáng"],
  ...["Giêng", "chạp", "15th"],
);
const sentence = fc
  .array(fc.oneof(fragment, fc.integer({ min: 0, max: 2200 }).map(String)), { maxLength: 40 })
  .chain((words) => fc.constantFrom(words.join(" "), words.join("")));
const anyText = fc.oneof(sentence, fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));
const documentDate = fc.oneof(
  fc.constant(null),
  fc.constantFrom(DOC, "2025-01-15", "2024-12-31", "2025", "garbage"),
  fc.string(),
);

describe("findDates properties", () => {
  it("never throws; offsets slice to text; mentions are ordered and disjoint", () => {
    fc.assert(
      fc.property(anyText, documentDate, (text, date) => {
        const found = findDates(text, { documentDate: date });
        let last = 0;
        for (const m of found) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.value === null).toBe(m.resolution === "open");
          if (m.value !== null) {
            expect(m.value).toMatch(/^\d{4}(-\d\d){0,2}(\/\d{4}(-\d\d){0,2})?$/);
          }
          last = m.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(anyText, documentDate, (text, date) => {
        expect(findDates(text, { documentDate: date })).toEqual(
          findDates(text, { documentDate: date }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("tolerates bad input", () => {
    expect(findDates(undefined as unknown as string)).toEqual([]);
    expect(findDates("May 8-11", { documentDate: 42 as unknown as string })).toHaveLength(1);
  });

  it("returns on 10 MB of adversarial input (linear time)", () => {
    const size = 10 * 1024 * 1024;
    for (const unit of ["0123456789", "1-2-3-", "2021-2025-", "May ", "May 8-11 ", "ngày 1/"]) {
      const text = unit.repeat(Math.ceil(size / unit.length));
      expect(Array.isArray(findDates(text, { documentDate: DOC }))).toBe(true);
    }
  });
});
