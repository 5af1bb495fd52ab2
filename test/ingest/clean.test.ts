import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import { sourceLineUrl } from "../../src/ingest/clean/07-source-lines.js";
import { defaultChromeLexicon } from "../../src/ingest/clean/index.js";
import { cleanText, ingest } from "../../src/ingest/index.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), "utf8");

/** The kept text and the removed spans together are the whole input, in order. */
function reassemble(
  original: string,
  text: string,
  removed: { start: number; end: number; text: string }[],
): boolean {
  let pos = 0;
  let kept = "";
  for (const r of removed) {
    if (r.start < pos || original.slice(r.start, r.end) !== r.text) return false;
    kept += original.slice(pos, r.start);
    pos = r.end;
  }
  kept += original.slice(pos);
  return kept === text;
}

describe("cleanText on a government news page (English)", () => {
  const original = fixture("en-gov-page.txt");
  const cleaned = cleanText(original);
  const reasons = cleaned.removed.map((r) => r.reason);

  it("removes the province picker at the top, with a reason", () => {
    const picker = cleaned.removed[0];
    expect(picker?.start).toBe(0);
    expect(picker?.reason).toMatch(
      /picker at the top of the page \(12 short lines, 12 place names/,
    );
    expect(picker?.text.split("\n").filter((l) => l.trim()).length).toBe(12);
  });

  it("moves the caption and its credit out, drops the photo marker, the dateline and the dangling link", () => {
    expect(cleaned.captions).toEqual([
      {
        text: "The two foreign ministers at the talks in Tokyo, March 3, 2026",
        credit: "VGP/Nhat Bac",
      },
    ]);
    expect(cleaned.text).not.toMatch(/Ảnh 1|Photo:|here:|Comment \(0\)|GMT\+7/);
    expect(reasons).toEqual(
      expect.arrayContaining([
        "photo marker",
        "dangling link",
        "counter",
        "dateline (moved to published)",
      ]),
    );
    expect(cleaned.published).toBe("2026-03-03T09:15:00+07:00");
  });

  it("keeps the article, from its title to its last paragraph", () => {
    expect(
      cleaned.text.startsWith(
        "Viet Nam and Japan agree to deepen cooperation on green energy\n\nVGP – ",
      ),
    ).toBe(true);
    expect(cleaned.text.trimEnd().endsWith("in the second half of the year.")).toBe(true);
    expect(cleaned.text).not.toMatch(/\n\n\n/);
  });

  it("accounts for every character", () => {
    expect(reassemble(original, cleaned.text, cleaned.removed)).toBe(true);
  });

  it("reads title, lede, publisher and date as a Document", () => {
    const d = ingest(original, { source: "en-gov-page.txt" });
    expect(d).toMatchObject({
      title: "Viet Nam and Japan agree to deepen cooperation on green energy",
      publisher: "VGP",
      published: "2026-03-03T09:15:00+07:00",
      language: "en",
      format: "text",
    });
    expect(d.lede).toMatch(/^Viet Nam and Japan agreed on Tuesday/);
    expect(d.id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("cleanText on a Vietnamese news page", () => {
  const original = fixture("vi-news.txt");
  const d = ingest(original, { source: "vi-news.txt" });

  it("drops the menu, the comment counter and the related-news tail", () => {
    expect(d.text).not.toMatch(
      /Trang chủ|Thời sự\n|Bình luận|Tin liên quan|Dự báo thời tiết ngày mai/,
    );
    expect(d.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^navigation menu at the top/),
        "counter",
        expect.stringMatching(/^page tail after "Tin liên quan"/),
      ]),
    );
  });

  it("reads the Vietnamese metadata", () => {
    expect(d).toMatchObject({
      title: "Mưa lớn gây ngập nhiều tuyến phố ở miền Trung",
      publisher: "VNA",
      published: "2026-03-10T08:30:00+07:00",
      language: "vi",
    });
    expect(d.lede).toMatch(/^Mưa lớn kéo dài từ đêm qua/);
    expect(d.captions).toEqual([
      { text: "Lực lượng cứu hộ hỗ trợ người dân di chuyển đến nơi an toàn", credit: "TTXVN" },
    ]);
  });
});

describe("what is article, not chrome", () => {
  const d = ingest(fixture("storm-list.txt"), { source: "storm-list.txt" });

  it("keeps a list of provinces inside the article and takes the byline", () => {
    for (const p of ["Quang Ninh", "Hai Phong", "Thai Binh", "Nam Dinh", "Ninh Binh"])
      expect(d.text).toContain(p);
    expect(d.authors).toEqual(["Jane Nguyen"]);
    expect(d.text).not.toMatch(/Related|Farmers count losses|By Jane/);
  });

  it("keeps a document that is nothing but a list of provinces", () => {
    const list = "Ha Noi\nHai Phong\nDa Nang\nCan Tho\nHue\nHo Chi Minh City\n";
    expect(cleanText(list).text).toBe(list);
  });

  it("leaves unknown metadata null rather than guessing", () => {
    const plain = ingest(
      "On Monday the two sides met in the capital and agreed to meet again next year, officials said.",
    );
    expect(plain).toMatchObject({ title: null, publisher: null, published: null, authors: [] });
  });
});

const pieces = fc.constantFrom(
  "Comment (0)",
  "Share",
  "  • Ha Noi",
  "  • Da Nang",
  "Hue",
  "Read more",
  "Related",
  "Tags: energy, trade",
  "May 11, 2025 6:57 PM GMT+7",
  "A photo of the meeting - Photo: VNA",
  "The two sides agreed to expand trade and investment ties in the coming years.",
  "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực năng lượng và giáo dục.",
  "View the full text here:",
  "",
  "   ",
  "Title of a story about a bridge",
  "Source: https://news.example/a/united-states-b.html",
  "Nguồn: www.example.vn/ha-noi",
);
const page = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: pieces },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    ),
    { maxLength: 60 },
  )
  .map((ls) => ls.join("\n"));

describe("cleanText properties", () => {
  it("removed spans and the kept text account for the whole input", () => {
    fc.assert(
      fc.property(page, (original) => {
        const c = cleanText(original);
        expect(reassemble(original, c.text, c.removed)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("is idempotent: cleaning clean text changes nothing", () => {
    fc.assert(
      fc.property(page, (original) => {
        const once = cleanText(original).text;
        const twice = cleanText(once);
        expect(twice.text).toBe(once);
        expect(twice.removed).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary bytes, and always gives NFC text", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        try {
          const d = ingest(bytes);
          expect(d.text).toBe(d.text.normalize("NFC"));
        } catch (error) {
          expect((error as { code?: string }).code).toMatch(/^E_(BINARY|EMPTY)$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("a source line is the document's URL", () => {
  const body =
    "Ministers agree to widen rail links\n\n" +
    "The two transport ministers agreed on Tuesday to study a new freight line and more flights.\n";

  it.each([
    [
      "Source: https://news.example/world/united-states-and-da-nang-1234.html",
      "https://news.example/world/united-states-and-da-nang-1234.html",
    ],
    [
      "Nguồn: https://bao.example.vn/tin-tuc/ha-noi.htm",
      "https://bao.example.vn/tin-tuc/ha-noi.htm",
    ],
    ["NGUỒN: <https://bao.example.vn/a>", "https://bao.example.vn/a"],
    ["Original article: www.example.org/story.", "www.example.org/story"],
  ])("%s", (line, url) => {
    const original = `${body}\n${line}\n`;
    const d = ingest(original);
    expect(d.url).toBe(url);
    expect(d.text).not.toContain(line.slice(0, 6));
    expect(d.removed.map((r) => r.reason)).toContain("source line (moved to url)");
    expect(reassemble(original, cleanText(original).text, cleanText(original).removed)).toBe(true);
  });

  it("keeps a source line in place when it is not one labelled URL", () => {
    for (const line of [
      "Source: VNA",
      "Source: https://a.example/x and https://b.example/y",
      "Source: press@example.vn",
      "Open source: https://example.org/x",
      "The data source: https://example.org/x is public.",
    ]) {
      const d = ingest(`${body}\n${line}\n`);
      expect(d.url, line).toBeNull();
      expect(d.text, line).toContain(line);
    }
  });

  it("lets the reader's URL win (HTML canonical, a JSON Lines field)", () => {
    const d = ingest(
      `{"text": ${JSON.stringify(`${body}\nSource: https://b.example/x\n`)}, "url": "https://a.example/y"}\n`,
    );
    expect(d.url).toBe("https://a.example/y");
  });

  it("finds no entity or place in the URL, whatever the line says", () => {
    const text = `${body}\nSee https://news.example/united-states-and-da-nang.html for more.\n`;
    const a = analyze(ingest(text));
    expect(a.entities.map((e) => e.text)).toEqual([]);
    expect(a.places).toEqual([]);
  });
});

describe("sourceLineUrl properties", () => {
  const lexicon = defaultChromeLexicon();
  const label = fc.constantFrom("Source", "source", "SOURCE", "Nguồn", "nguon", "Link gốc", "URL");

  it("reads back any web URL after any listed label", () => {
    fc.assert(
      fc.property(
        label,
        fc.constantFrom(":", " :", ": ", "："),
        // A full stop after the URL, or brackets around it, are the line's, not the URL's.
        fc
          .webUrl({ withQueryParameters: true, withFragments: true })
          .filter((u) => !/[.>)\]]$/u.test(u)),
        (l, colon, url) => {
          expect(sourceLineUrl(`${l}${colon}${url}`, lexicon)).toBe(url);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("never throws, and what it returns is part of the line", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.tuple(label, fc.string({ maxLength: 100 })).map(([l, rest]) => `${l}: ${rest}`),
          fc
            .tuple(label, fc.webUrl(), fc.string({ maxLength: 20 }))
            .map(([l, u, tail]) => `${l}: ${u}${tail}`),
        ),
        (line) => {
          const url = sourceLineUrl(line, lexicon);
          if (url !== null) expect(line).toContain(url);
        },
      ),
    );
  });
});
