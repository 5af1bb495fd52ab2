import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { ingest } from "../../src/ingest/index.js";

// Invented statements: the shapes of real ones (a dateline sentence that reports a document,
// a year given only elsewhere), with made-up events.
const REPORT =
  "On March 3rd, the Ministry of Foreign Affairs released a Joint Statement on cooperation in rice trade between Viet Nam and Chile, which the two ministers signed on the morning of March 2nd.\n" +
  "According to the Joint Statement, both sides agreed to expand rice exports and to open a trade office in Can Tho.\n";
const THIS_YEAR =
  "Both sides will mark the fifth anniversary of the rice accord this year (June 1, 2020 – June 1, 2025) with a fair.\n";

describe("a dateline sentence dates the document", () => {
  it("takes the year the text gives with 'this year (…)' and marks it inferred, with the evidence", () => {
    const d = ingest(REPORT + THIS_YEAR);
    expect(d.title).toBe("Joint Statement on cooperation in rice trade between Viet Nam and Chile");
    expect(d.published).toBe("2025-03-03");
    expect(d.publishedFrom).toEqual({
      via: "text",
      text: "March 3rd",
      year: "inferred",
      monthDay: "--03-03",
      evidence: "this year (June 1, 2020 – June 1, 2025)",
    });
  });

  it("leaves the year open, and says so, when nothing in the text tells it", () => {
    const d = ingest(REPORT);
    expect(d.published).toBeNull();
    expect(d.publishedFrom).toEqual({
      via: "text",
      text: "March 3rd",
      year: "unknown",
      monthDay: "--03-03",
      evidence: null,
    });
  });

  it("takes the year of a full date within a week of it", () => {
    const d = ingest(`${REPORT}The accord itself is dated March 1, 2026.\n`);
    expect(d.published).toBe("2026-03-03");
    expect(d.publishedFrom?.evidence).toBe("March 1, 2026");
  });

  it("leaves the year open when the clues disagree", () => {
    const text = `${REPORT}${THIS_YEAR}The accord is dated March 1, 2026.\nAnother fair is planned for this year (2024).\n`;
    const d = ingest(text);
    // The near date wins over 'this year'; two 'this year' clues that disagree would not.
    expect(d.published).toBe("2026-03-03");
    const split = ingest(`${REPORT}${THIS_YEAR}A second fair this year (2024) is planned.\n`);
    expect(split.published).toBeNull();
    expect(split.publishedFrom?.year).toBe("unknown");
  });

  it.each([
    [
      "On September 10, 2023, the two leaders adopted a plan on fisheries.",
      "2023-09-10",
      "September 10, 2023",
    ],
    ["On 10 September 2023 the two leaders met in Hue.", "2023-09-10", "10 September 2023"],
    ["On 15th January 2025, the two leaders met in Hue.", "2025-01-15", "15th January 2025"],
    [
      "Ngày 15 tháng Giêng năm 2025, hai Bộ trưởng đã gặp nhau tại Huế.",
      "2025-01-15",
      "Ngày 15 tháng Giêng năm 2025",
    ],
    ["Sáng 15/1/2025, hai Bộ trưởng đã gặp nhau tại Huế.", "2025-01-15", "15/1/2025"],
    ["HANOI, Jan. 15, 2025 (VNA) – The two ministers met in Hue.", "2025-01-15", "Jan. 15, 2025"],
  ])("%s", (line, published, text) => {
    const d = ingest(`${line}\nBoth sides agreed to meet again next spring in Da Nang.\n`);
    expect(d.published).toBe(published);
    expect(d.publishedFrom).toMatchObject({ via: "text", text, year: "stated" });
  });

  it.each([
    "On Monday, the two leaders met in Hue.",
    "2025 was a good year for rice exports, the ministry said.",
    "In 2024, exports rose by a tenth.",
    "The ministers met on May 10, 2025 in Hue.",
    "On May 8-11, the ministers met in Hue.",
  ])("no dateline in: %s", (line) => {
    const d = ingest(`${line}\nBoth sides agreed to meet again next spring in Da Nang.\n`);
    expect(d.published).toBeNull();
    expect(d.publishedFrom).toBeNull();
  });

  it("prefers the reader's date, then a dateline line, and says which", () => {
    const jsonl = ingest(
      `${JSON.stringify({ text: REPORT + THIS_YEAR, published: "2025-03-04T08:00:00+07:00" })}\n`,
    );
    expect(jsonl.published).toBe("2025-03-04T08:00:00+07:00");
    expect(jsonl.publishedFrom).toMatchObject({
      via: "metadata",
      year: "stated",
      monthDay: "--03-04",
    });
    const line = ingest(`Rice deal signed\n\nMarch 4, 2025 8:00 AM GMT+7\n\n${REPORT}`);
    expect(line.published).toBe("2025-03-04T08:00:00+07:00");
    expect(line.publishedFrom).toEqual({
      via: "dateline",
      text: "March 4, 2025 8:00 AM GMT+7",
      year: "stated",
      monthDay: "--03-04",
      evidence: null,
    });
  });

  it("lets analyze() resolve the text's yearless dates against the inferred year", () => {
    const a = analyze(ingest(REPORT + THIS_YEAR));
    expect(a.dates.find((x) => x.text === "March 2nd")).toMatchObject({
      value: "2025-03-02",
      resolution: "inferred",
    });
  });
});

describe("titles from the first lines", () => {
  it("joins capitalised heading lines, and does not take the place-and-date line for a title", () => {
    const d = ingest(
      "TUYÊN BỐ CHUNG\nVỀ HỢP TÁC LÚA GẠO GIỮA VIỆT NAM VÀ CHI-LÊ\nHà Nội, ngày 15 tháng 1 năm 2025\nHai bên nhất trí mở rộng xuất khẩu gạo và mở văn phòng thương mại tại Cần Thơ.\n",
    );
    expect(d.title).toBe("TUYÊN BỐ CHUNG VỀ HỢP TÁC LÚA GẠO GIỮA VIỆT NAM VÀ CHI-LÊ");
    expect(d.published).toBe("2025-01-15");
    expect(d.publishedFrom).toMatchObject({ via: "text", year: "stated" });
  });

  it("takes a headline line over running text, without blank lines between", () => {
    const d = ingest(
      "Viet Nam and Chile sign a rice accord\nThe two ministers signed the accord in Can Tho on Tuesday, officials said.\n",
    );
    expect(d.title).toBe("Viet Nam and Chile sign a rice accord");
    expect(d.lede).toBe(
      "The two ministers signed the accord in Can Tho on Tuesday, officials said.",
    );
  });

  it("does not take a list's first line for a title", () => {
    const d = ingest("Rice exports by port\nCan Tho 40\nDa Nang 12\nHai Phong 7\n");
    expect(d.title).toBeNull();
  });

  it("reads the name of a reported document in Vietnamese", () => {
    const d = ingest(
      "Ngày 15/1/2025, Bộ Ngoại giao công bố Thông cáo chung về hợp tác lúa gạo giữa Việt Nam và Chi-lê, trong đó hai bên nhất trí mở văn phòng thương mại.\n",
    );
    expect(d.title).toBe("Thông cáo chung về hợp tác lúa gạo giữa Việt Nam và Chi-lê");
    expect(d.published).toBe("2025-01-15");
  });

  it("does not make a common noun a title", () => {
    expect(
      ingest("On March 3rd, the ministry released a joint statement on rice, which was brief.\n")
        .title,
    ).toBeNull();
  });
});
