import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDateline, parseDateTime } from "../../src/ingest/dates.js";

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?$/;

describe("parseDateTime", () => {
  it.each<[string, string | null]>([
    // English, date only
    ["May 11, 2025", "2025-05-11"],
    ["11 May 2025", "2025-05-11"],
    ["May 11 2025", "2025-05-11"],
    ["may 11, 2025", "2025-05-11"],
    ["MAY 11, 2025", "2025-05-11"],
    ["Sunday, May 11, 2025", "2025-05-11"],
    ["Sun, 11 May 2025", "2025-05-11"],
    ["Jan. 5, 2024", "2024-01-05"],
    ["Sept 9, 2024", "2024-09-09"],
    ["Sep. 30, 2024", "2024-09-30"],
    ["December 31, 1999", "1999-12-31"],
    ["3rd of February, 2023", "2023-02-03"],
    ["January 15th, 2025", "2025-01-15"],
    // English with times and zones
    ["May 11, 2025 6:57 PM GMT+7", "2025-05-11T18:57:00+07:00"],
    ["May 11, 2025 6:57 pm", "2025-05-11T18:57:00"],
    ["May 11, 2025 12:05 AM", "2025-05-11T00:05:00"],
    ["May 11, 2025 12:30 PM", "2025-05-11T12:30:00"],
    ["May 11, 2025 6:57 p.m. (GMT+7)", "2025-05-11T18:57:00+07:00"],
    ["May 11, 2025 18:57", "2025-05-11T18:57:00"],
    ["May 11, 2025, 18:57:09 GMT+07:00", "2025-05-11T18:57:09+07:00"],
    ["Sun, 11 May 2025 18:57:09 UTC+7", "2025-05-11T18:57:09+07:00"],
    ["Sun, 11 May 2025 11:57:09 GMT", "2025-05-11T11:57:09+00:00"],
    ["May 11, 2025 at 6 PM ICT", "2025-05-11T18:00:00+07:00"],
    ["May 11, 2025 18:57 +0700", "2025-05-11T18:57:00+07:00"],
    ["May 11, 2025 | 18:57 -05:30", "2025-05-11T18:57:00-05:30"],
    // Vietnamese
    ["12/05/2025", "2025-05-12"],
    ["12-05-2025", "2025-05-12"],
    ["1/2/2025", "2025-02-01"],
    ["Thứ Hai, 12/05/2025 - 06:57", "2025-05-12T06:57:00"],
    ["thứ hai, 12/05/2025 - 06:57", "2025-05-12T06:57:00"],
    ["Thứ 7, 17/05/2025 - 21:05", "2025-05-17T21:05:00"],
    ["Thứ Năm, 15.05.2025 10:00 GMT+7", "2025-05-15T10:00:00+07:00"],
    ["Wed, 14 May 2025 02:15:00 +0000", "2025-05-14T02:15:00+00:00"],
    ["12/05/2025 06:57 (GMT+07:00)", "2025-05-12T06:57:00+07:00"],
    ["06:57 12/05/2025", "2025-05-12T06:57:00"],
    ["06:57 12/05/2025 (GMT+7)", "2025-05-12T06:57:00+07:00"],
    ["ngày 12 tháng 5 năm 2025", "2025-05-12"],
    ["Ngày 12 tháng 05 năm 2025", "2025-05-12"],
    ["12 tháng 5, 2025", "2025-05-12"],
    ["ngày 15 tháng Giêng năm 2025", "2025-01-15"],
    ["15 THÁNG CHẠP NĂM 2024", "2024-12-15"],
    ["15th January 2025", "2025-01-15"],
    ["January 15th, 2025", "2025-01-15"],
    ["15/1/2025", "2025-01-15"],
    ["Chủ nhật, 11/5/2025, 18:57 (GMT+7)", "2025-05-11T18:57:00+07:00"],
    ["CN, 11/5/2025", "2025-05-11"],
    ["11/5/2025 18h57", "2025-05-11T18:57:00"],
    ["11/5/2025 18h", "2025-05-11T18:00:00"],
    ["11/5/2025 lúc 18 giờ 57", "2025-05-11T18:57:00"],
    ["18 giờ 57 phút ngày 11/5/2025", "2025-05-11T18:57:00"],
    // ISO
    ["2025-05-11", "2025-05-11"],
    ["2025-05-11T18:57:00+07:00", "2025-05-11T18:57:00+07:00"],
    ["2025-05-11T18:57:00.250Z", "2025-05-11T18:57:00Z"],
    ["2025-05-11 18:57", "2025-05-11T18:57:00"],
    ["  2025-05-11\n", "2025-05-11"],
    // Not real dates, times or zones
    ["30/02/2025", null],
    ["29/02/2023", null],
    ["29/02/2024", "2024-02-29"],
    ["29/02/2100", null],
    ["29/02/2000", "2000-02-29"],
    ["31/04/2025", null],
    ["12/13/2025", null],
    ["00/05/2025", null],
    ["February 30, 2024", null],
    ["2025-13-01", null],
    ["12/05/1899", null],
    ["12/05/2101", null],
    ["12/05/2025 25:00", null],
    ["12/05/2025 18:60", null],
    ["May 11, 2025 13:05 PM", null],
    ["May 11, 2025 0:05 AM", null],
    ["May 11, 2025 18:57 GMT+15", null],
    // Not dates at all, or no year
    ["On January 15th, the Ministry", null],
    ["May 8-11", null],
    ["May 11", null],
    ["12/05", null],
    ["12/05/25", null],
    ["18:57", null],
    ["", null],
    ["Mayday 11, 2025", null],
    ["112/05/2025", null],
  ])("%j → %j", (input, iso) => expect(parseDateTime(input)).toBe(iso));

  it("returns null for non-strings and very long input", () => {
    expect(parseDateTime(undefined as unknown as string)).toBeNull();
    expect(parseDateTime(`May 11, 2025${" ".repeat(300)}x`)).toBeNull();
  });
});

const EN_PAGE = [
  "Prime Minister urges faster work on Mekong Delta expressways",
  "VGP – Ministries were told to hand over all cleared land for the three remaining sections",
  "by the end of the third quarter, after site visits held from May 8-11 along the route.",
  "May 11, 2025 6:57 PM GMT+7",
  "Engineers brief the delegation at a bridge site in Hau Giang. Photo: VGP",
  "The Ministry of Construction said on January 15th that contractors were short of sand.",
].join("\n");

const VI_PAGE = [
  "Thủ tướng làm việc với tỉnh Cà Mau về hạ tầng giao thông",
  "VGP – Sáng 12/5, Thủ tướng đề nghị tỉnh sớm hoàn thành giải phóng mặt bằng cho dự án.",
  "Thứ Hai, 12/05/2025 - 06:57 (GMT+7)",
  "Thủ tướng thăm công trường cầu vượt sông. Ảnh: VGP",
  "Theo kế hoạch, tuyến đường sẽ thông xe vào ngày 30 tháng 4 năm 2026.",
].join("\n");

describe("findDateline", () => {
  it("finds the dateline line of an English government news page", () => {
    const found = findDateline(EN_PAGE);
    expect(found?.iso).toBe("2025-05-11T18:57:00+07:00");
    expect(found && EN_PAGE.slice(found.start, found.end)).toBe("May 11, 2025 6:57 PM GMT+7");
  });

  it("finds the dateline line of a Vietnamese government news page", () => {
    const found = findDateline(VI_PAGE);
    expect(found?.iso).toBe("2025-05-12T06:57:00+07:00");
    expect(found && VI_PAGE.slice(found.start, found.end)).toBe(
      "Thứ Hai, 12/05/2025 - 06:57 (GMT+7)",
    );
  });

  it.each<[string, string, string | null]>([
    ["Cập nhật: 06:57 12/05/2025\nNội dung", "06:57 12/05/2025", "2025-05-12T06:57:00"],
    ["Hanoi, Sun, 11 May 2025 18:57:09 UTC+7.", "Sun, 11 May 2025 18:57:09 UTC+7", null],
    ["Published 2025-05-11T18:57:00Z by staff", "2025-05-11T18:57:00Z", null],
    ["Hà Nội, ngày 12 tháng 5 năm 2025\nQuyết định", "ngày 12 tháng 5 năm 2025", "2025-05-12"],
    ["Chủ nhật, 11/5/2025, 18:57 (GMT+7) | Thời sự", "Chủ nhật, 11/5/2025, 18:57 (GMT+7)", null],
    // An invalid date is skipped; an invalid time falls back to the date alone.
    ["Ngày 31/02/2025 sai, ngày đúng là 28/02/2025.", "28/02/2025", "2025-02-28"],
    ["Posted 12/05/2025 25:70 by the desk", "12/05/2025", "2025-05-12"],
    ["Updated May 11, 2025 (GMT+7)", "May 11, 2025", "2025-05-11"],
  ])("%j → %j", (text, matched, iso) => {
    const found = findDateline(text);
    expect(found).not.toBeNull();
    if (found === null) return;
    expect(text.slice(found.start, found.end)).toBe(matched);
    expect(found.iso).toBe(iso ?? parseDateTime(matched));
  });

  it.each([
    "On January 15th, the Ministry met provincial leaders.",
    "Delegations toured the region on May 8-11.",
    "Sáng 12/5, đoàn công tác làm việc tại tỉnh.",
    "Decree No. 112/05/2025 and code 1/12/05/2025/3",
    "Version v2025-05-11 shipped; ticket 12/05/20251.",
    "The Mayday 11, 2025 parade",
    "",
  ])("finds no dateline in %j", (text) => expect(findDateline(text)).toBeNull());

  it("searches only the first maxChars characters", () => {
    const text = `${"x".repeat(3500)}\nMay 11, 2025`;
    expect(findDateline(text)).toBeNull();
    expect(findDateline(text, { maxChars: 4000 })?.start).toBe(3501);
    expect(findDateline("ab May 11, 2025", { maxChars: 4 })?.iso).toBe("2025-05-11");
    expect(findDateline("ab May 11, 2025", { maxChars: 3 })).toBeNull();
  });

  it("is linear on a megabyte of digits and slashes", () => {
    const chars = "0123456789/";
    let big = "";
    for (let i = 0; i < 1 << 20; i++) big += chars[(i * 7919) % chars.length];
    const started = performance.now();
    findDateline(big, { maxChars: Number.POSITIVE_INFINITY });
    findDateline("12/05/20".repeat(1 << 17), { maxChars: Number.POSITIVE_INFINITY });
    findDateline("1 ".repeat(1 << 19), { maxChars: Number.POSITIVE_INFINITY });
    parseDateTime(big);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const pad = (n: number) => String(n).padStart(2, "0");

const dateTime = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  // Date.UTC's day 0 of the next month is the last day of this one: an independent oracle.
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());

describe("properties", () => {
  it("formats random valid dates in many forms and reads them back", () => {
    fc.assert(
      fc.property(dateTime, fc.nat(11), ({ y, m, d, h, mi, s }, form) => {
        const date = `${y}-${pad(m)}-${pad(d)}`;
        const hm = `${date}T${pad(h)}:${pad(mi)}:00`;
        const hms = `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`;
        const name = MONTH_NAMES[m - 1] as string;
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const ap = h < 12 ? "AM" : "pm";
        const cases: [string, string][] = [
          [`${name} ${d}, ${y}`, date],
          [`${d} ${name.slice(0, 3)} ${y}`, date],
          [`${pad(d)}/${pad(m)}/${y}`, date],
          [`ngày ${d} tháng ${m === 1 ? "Giêng" : m === 12 ? "chạp" : m} năm ${y}`, date],
          [`${hms}+07:00`, `${hms}+07:00`],
          [`${name} ${d}, ${y} ${h12}:${pad(mi)} ${ap} GMT+7`, `${hm}+07:00`],
          [`${pad(h)}:${pad(mi)} ${pad(d)}/${pad(m)}/${y}`, hm],
          [`${d}/${m}/${y}, ${h}h${pad(mi)}`, hm],
          [`Thứ Ba, ${pad(d)}-${pad(m)}-${y} - ${pad(h)}:${pad(mi)} (GMT+7)`, `${hm}+07:00`],
          [`${date} ${pad(h)}:${pad(mi)}:${pad(s)}Z`, `${hms}Z`],
          [`${d} tháng ${m}, ${y} ${h} giờ ${mi}`, hm],
          [`${name.slice(0, 3)}. ${d} ${y} ${pad(h)}:${pad(mi)} ICT`, `${hm}+07:00`],
        ];
        const [text, iso] = cases[form] as [string, string];
        expect(parseDateTime(text)).toBe(iso);
        const page = `Headline about ${name}\nVGP – A lede with no date.\n${text}\nPhoto: VNA`;
        const found = findDateline(page);
        expect(found?.iso).toBe(iso);
        expect(found && page.slice(found.start, found.end)).toBe(text);
      }),
    );
  });

  const tokens = fc.constantFrom(
    ..."May|11|,| |2025|/|-|:|PM|GMT+7|(|)|Thứ Hai|tháng|năm|T|Z|h|giờ|12|31|02|29|1900|2101|+07:00|\n|.|ngày|Sun|Giêng|chạp".split(
      "|",
    ),
  );
  const arbitraryText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.array(tokens, { maxLength: 40 }).map((parts) => parts.join("")),
  );

  it("never throws, and what it finds is well formed and parses back", () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const parsed = parseDateTime(text);
        expect(parsed === null || ISO.test(parsed)).toBe(true);
        const found = findDateline(text);
        if (found === null) return;
        expect(ISO.test(found.iso)).toBe(true);
        expect(0 <= found.start && found.start < found.end && found.end <= text.length).toBe(true);
        expect(parseDateTime(text.slice(found.start, found.end))).toBe(found.iso);
      }),
      { numRuns: 2000 },
    );
  });
});
