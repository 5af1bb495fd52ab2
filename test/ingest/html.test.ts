import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { type HtmlArticle, readHtml, unwrapPlainInline } from "../../src/ingest/html.js";
import type { DomElement } from "../../src/ingest/html-meta.js";
import { stripSiteName } from "../../src/ingest/html-meta.js";
import { toText } from "../../src/ingest/html-text.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), "utf8");

const FIXTURES = [
  "html-gov-en.html",
  "html-news-vi.html",
  "html-no-meta.html",
  "html-truncated.html",
  "html-div-article.html",
  "html-short.html",
];
const read = (name: string, url?: string): HtmlArticle =>
  readHtml(fixture(name), url ? { url } : undefined);
const paragraphs = (a: HtmlArticle): string[] => a.text.split("\n\n");

describe("readHtml: metadata per fixture", () => {
  const GOV_URL =
    "https://news.gov.example.vn/deputy-pm-urges-faster-public-investment-disbursement-in-mekong-delta-112250511185700.htm";
  const cases: { file: string; expected: Partial<HtmlArticle> }[] = [
    {
      file: "html-gov-en.html",
      expected: {
        title: "Deputy PM urges faster public investment disbursement in Mekong Delta",
        publisher: "Government News",
        published: "2025-05-11T18:57:00+07:00",
        authors: ["Hoang Lan"],
        language: "en",
        url: GOV_URL,
        lede: "Deputy Prime Minister Tran Quoc Minh on Sunday asked Mekong Delta provinces to speed up the disbursement of public investment capital for transport and irrigation works.",
        meta: {
          "og:type": "article",
          "og:image": "https://img.gov.example.vn/2025/05/11/dpm-cantho.jpg",
          keywords: "public investment, Mekong Delta, disbursement, Can Tho",
          "article:section": "Government",
          "article:modified_time": "2025-05-11T20:05:00+07:00",
          "ld:type": "NewsArticle",
        },
        warnings: [],
      },
    },
    {
      // <title> minus " - Báo Tin Tức Mới"; publisher through a JSON-LD @graph @id reference
      // (the JSON-LD holds a raw newline inside a string); article:author is a URL: skipped.
      file: "html-news-vi.html",
      expected: {
        title: "Đồng bằng sông Cửu Long chủ động ứng phó xâm nhập mặn mùa khô",
        publisher: "Báo Tin Tức Mới",
        published: "2025-06-02T07:30:00+07:00",
        authors: ["Minh Châu"],
        language: "vi",
        url: null, // the canonical link is relative and no base URL was given
        lede: "Các tỉnh Đồng bằng sông Cửu Long đã triển khai nhiều giải pháp tích trữ nước ngọt, bảo đảm sản xuất và sinh hoạt cho người dân trong mùa khô năm nay.",
        meta: {
          "og:type": "article",
          "og:locale": "vi_VN",
          keywords: "xâm nhập mặn, Đồng bằng sông Cửu Long, Bến Tre, Trà Vinh",
          news_keywords: "xâm nhập mặn, nước ngọt",
          "article:tag": "xâm nhập mặn, thủy lợi",
          "article:section": "Xã hội",
          "ld:type": "ReportageNewsArticle",
        },
        warnings: [],
      },
    },
    {
      file: "html-no-meta.html",
      expected: {
        title: null,
        publisher: null,
        published: null,
        authors: [],
        language: null,
        url: null,
        lede: null,
        meta: {},
        warnings: [],
      },
    },
    {
      file: "html-truncated.html",
      expected: {
        title: "Hue opens festival week with boat race on the Perfume River",
        publisher: null,
        published: "2025-04-28",
        authors: ["Le Thu Trang"],
        language: "en",
        url: "https://travel.example.vn/hue-festival-boat-race.html",
        lede: null,
        meta: {},
        warnings: [],
      },
    },
    {
      // <meta name="date"> is not ISO-like ("31/03/2025 09:15"): the page's only <time> wins.
      // Broken JSON-LD is ignored; the WebSite JSON-LD is not an article.
      file: "html-div-article.html",
      expected: {
        title: "Hai Phong port handles record container volume in first quarter",
        publisher: "Port Daily",
        published: "2025-03-31T09:15:00+07:00",
        authors: [],
        language: "en",
        url: null,
        lede: "Container throughput at Hai Phong rose 14 percent year on year.",
        meta: { "og:locale": "en_GB", "twitter:site": "@portdaily" },
        warnings: [],
      },
    },
    {
      file: "html-short.html",
      expected: {
        title: "Thông báo",
        publisher: null,
        published: null,
        authors: [],
        language: "vi",
        url: null,
        lede: null,
        meta: {},
        warnings: ["short article text (74 characters)"],
      },
    },
  ];
  for (const { file, expected } of cases) {
    const got = read(file);
    for (const [field, value] of Object.entries(expected)) {
      it(`${file}: ${field}`, () => {
        expect(got[field as keyof HtmlArticle]).toEqual(value);
      });
    }
  }

  it("resolves a relative canonical link against options.url", () => {
    const got = read("html-news-vi.html", "https://tintucmoi.example.vn/some/page");
    expect(got.url).toBe(
      "https://tintucmoi.example.vn/xa-hoi/dong-bang-song-cuu-long-chu-dong-ung-pho-xam-nhap-man-20250602073000.html",
    );
  });

  it("falls back to options.url when the page names none", () => {
    expect(read("html-no-meta.html", "https://example.vn/a.html").url).toBe(
      "https://example.vn/a.html",
    );
  });
});

describe("readHtml: article text", () => {
  const texts = Object.fromEntries(FIXTURES.map((f) => [f, read(f)]));

  it.each([
    [
      "html-gov-en.html",
      "Deputy Prime Minister Tran Quoc Minh speaks at the working session in Can Tho city on May 11 - Photo: VNA",
    ],
    [
      "html-news-vi.html",
      "Cống ngăn mặn trên sông Hàm Luông được vận hành để giữ nước ngọt. Ảnh: TTXVN",
    ],
    ["html-news-vi.html", "Nông dân Bến Tre tưới nước cho vườn dừa. Ảnh: TTXVN"],
    [
      "html-truncated.html",
      "Rowers from Phu Vang district cross the finish line near Truong Tien bridge - Photo: Le Thu Trang",
    ],
    [
      "html-div-article.html",
      "Ships wait to berth at the Lach Huyen terminal in Hai Phong - Photo: Port Daily",
    ],
  ])("%s: caption is its own paragraph: %s", (file, caption) => {
    expect(paragraphs(texts[file] as HtmlArticle)).toContain(caption);
  });

  it.each([
    [
      "html-gov-en.html",
      [
        "Home",
        "Foreign Affairs",
        "Select a locality",
        "Ho Chi Minh City",
        "Hai Phong",
        "Share",
        "Tweet",
        "Comment (0)",
        "Related news",
        "RELATED_SENTINEL",
        "FOOTER_SENTINEL",
        "Tags:",
      ],
    ],
    [
      "html-news-vi.html",
      [
        "Trang chủ",
        "Thời sự",
        "Tìm kiếm",
        "Chia sẻ",
        "Bình luận",
        "Tin liên quan",
        "RELATED_SENTINEL_VI",
        "SIDEBAR_SENTINEL",
        "Đọc nhiều",
        "FOOTER_SENTINEL_VI",
      ],
    ],
    ["html-no-meta.html", ["Contact"]],
    ["html-truncated.html", ["Travel", "Culture", "facebook", "sharer"]],
    [
      "html-div-article.html",
      [
        "Logistics",
        "Share:",
        "Zalo",
        "Other news",
        "OTHER_NEWS_SENTINEL",
        "Advertisement",
        "Port Daily ©",
      ],
    ],
    ["html-short.html", ["Trang chủ", "Liên hệ"]],
  ])("%s: no navigation, share, comment or related boxes", (file, chrome) => {
    const text = (texts[file] as HtmlArticle).text;
    for (const s of chrome) expect(text).not.toContain(s);
  });

  it.each(FIXTURES)("%s: no script, style or noscript content", (file) => {
    const text = (texts[file] as HtmlArticle).text;
    for (const s of [
      "SCRIPT_SENTINEL",
      "NOSCRIPT_SENTINEL",
      "dataLayer",
      "gaCode",
      "display:flex",
      "@context",
    ]) {
      expect(text).not.toContain(s);
    }
  });

  it.each(FIXTURES)("%s: every string in the output is NFC", (file) => {
    const a = texts[file] as HtmlArticle;
    const strings = [a.text, a.title, a.publisher, a.lede, ...a.authors, ...Object.values(a.meta)];
    for (const s of strings) if (s !== null) expect(s).toBe(s.normalize("NFC"));
  });

  it("composes decomposed (NFD) Vietnamese to NFC", () => {
    const raw = fixture("html-news-vi.html");
    expect(raw).toContain("Tại Trà Vinh".normalize("NFD")); // the fixture really holds NFD
    const text = (texts["html-news-vi.html"] as HtmlArticle).text;
    expect(text).toContain("Tại Trà Vinh, ngành chức năng đã lắp đặt thêm 35 trạm quan trắc");
  });

  it("keeps the standfirst, headings, quotes and list items as paragraphs", () => {
    const ps = paragraphs(texts["html-gov-en.html"] as HtmlArticle);
    expect(ps[0]).toMatch(/^VGP - Deputy Prime Minister Tran Quoc Minh on Sunday asked/);
    expect(ps).toContain("Sand supply remains a bottleneck");
    expect(ps).toContain("Can Tho: 21.2 percent of the yearly plan disbursed");
    expect(ps).toContain("Dong Thap: 16.1 percent");
    expect(ps.some((p) => p.startsWith('"Every week of delay'))).toBe(true);
    const vi = paragraphs(texts["html-news-vi.html"] as HtmlArticle);
    expect(vi[0]).toMatch(/^\(Tin Tức Mới\) - Các tỉnh Đồng bằng sông Cửu Long/);
  });

  it("decodes entities and collapses whitespace, nbsp included", () => {
    const gov = (texts["html-gov-en.html"] as HtmlArticle).text;
    expect(gov).toContain("only 18.4 percent of the capital");
    expect(gov).toContain("site clearance & compensation");
    expect(gov).toContain("Chau Doc – Can Tho – Soc Trang expressway");
    expect((texts["html-news-vi.html"] as HtmlArticle).text).toContain("độ mặn 4‰ đã xâm nhập");
    for (const a of Object.values(texts)) {
      expect(a.text).not.toMatch(/[ \t\u00a0]{2}|^\s|\s$|\n{3}/);
    }
  });

  it("turns <br> into line breaks, <br><br> into paragraphs, table rows into paragraphs", () => {
    const ps = paragraphs(texts["html-div-article.html"] as HtmlArticle);
    expect(ps[0]).toMatch(/^Container throughput at the ports of Hai Phong .* said on Monday\.$/);
    expect(ps[1]).toMatch(/a month\.\nOfficials expect the volume/);
    expect(ps).toContain("Terminal | TEU (Q1 2025) | Change");
    expect(ps).toContain("Lach Huyen | 920,000 | +21%");
    expect(ps).toContain("Source: Hai Phong Port Authority\nFigures are provisional.");
  });

  it("keeps the text of a page cut off mid-tag", () => {
    const ps = paragraphs(texts["html-truncated.html"] as HtmlArticle);
    expect(ps).toHaveLength(5);
    expect(ps[4]).toMatch(/said in a statement released on Sunday evening after the$/);
  });
});

describe("readHtml: fallbacks and hostile input", () => {
  const para = (i: number): string =>
    `<p>Paragraph ${i}: farmers in Thai Binh and Nam Dinh have started cutting the spring rice crop early this year, the provincial agriculture department said on Friday.</p>`;

  it("falls back to the largest text block when Readability finds too little", () => {
    // Content hidden until a script reveals it: Readability skips invisible nodes.
    const html = `<html><body><div class="menu"><a>Home</a></div><div style="display:none">${[1, 2, 3].map(para).join("")}</div></body></html>`;
    const got = readHtml(html);
    expect(got.warnings).toEqual(["no article content found; used the largest text block"]);
    expect(paragraphs(got)).toHaveLength(3);
    expect(got.text).not.toContain("Home");
  });

  it("falls back to <body> text for absurdly nested pages", () => {
    const got = readHtml(`<html><body>${"<div>".repeat(5000)}<span>deep text</span></body></html>`);
    expect(got.text).toBe("deep text");
    expect(got.warnings).toContain("no article content found; used <body> text");
  });

  // Sizes past the Readability cap; how the cost grows with size is `npm run bench` (html-growth).
  it("reads 30,000 inline elements in one block as one paragraph", () => {
    // The paragraph used to be re-read at every append: 40,000 spans took half a minute. With
    // attributes the elements stay in the tree (the walk is what this guards); without, they
    // are unwrapped to their text before parsing, and Readability reads the page.
    for (const [item, text, skipped] of [
      ['<span class="w">Hanoi</span>', "Hanoi", true],
      ['<b title="x">Hanoi</b> ', "Hanoi ", true],
      ["<span>Hanoi</span>", "Hanoi", false],
      ["<b>Hanoi</b> ", "Hanoi ", false],
      ["<!-- c --><i>Hanoi</i>", "Hanoi", false],
    ] as const) {
      const got = readHtml(`<article>${item.repeat(30_000)}</article>`);
      expect(got.text).toBe(text.repeat(30_000).trim());
      expect(got.warnings.includes("over 10000 elements; skipped Readability")).toBe(skipped);
    }
  });

  it("unwraps plain inline elements only on pages past the element cap, keeping their text", () => {
    const small = `<p>A <b>bold</b> <span class="k">kept</span> word</p>`;
    expect(unwrapPlainInline(small)).toBe(small);
    const big = `<p>A <b>bold</b> <span class="k">kept</span> <i>x<u>y</u></i></p>${"<br>".repeat(10_001)}`;
    const out = unwrapPlainInline(big);
    expect(out.startsWith(`<p>A bold <span class="k">kept</span> <i>xy</i></p>`)).toBe(true);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom("<b>", "</b>", "<span>", "</span>", "<i>", "</i>", "<p>", "</p>"),
            fc.constantFrom('<span class="c">', "<br>", " ", "Hà Nội", "a&amp;b", "x"),
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const page = `<article>${parts.join("")}</article>`;
          const padded = `${page}${"<br>".repeat(10_001)}`;
          // The text walk over each parsed page: readHtml would unwrap both.
          const text = (html: string) =>
            toText(
              (parseHTML(html) as unknown as { document: { body: DomElement } }).document.body,
            );
          expect(text(unwrapPlainInline(padded))).toBe(text(padded));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("reads 30,000 <br>, <p> and table cells", () => {
    const brs = readHtml(`<article><p>${"Hanoi <br> ".repeat(30_000)}</p></article>`);
    expect(brs.text).toBe(Array(30_000).fill("Hanoi").join("\n"));
    const ps = readHtml(`<article>${"<p>Hue</p>".repeat(30_000)}</article>`);
    expect(paragraphs(ps)).toHaveLength(30_000);
    const cells = readHtml(`<table><tr>${"<td> Hue </td>".repeat(30_000)}</tr></table>`);
    expect(cells.text).toBe(Array(30_000).fill("Hue").join(" | "));
  });

  it("keeps the text of 100,000 nested elements and says they were flattened", () => {
    const got = readHtml(`<article>${"<div><b>".repeat(50_000)}deep text</article><p>after</p>`);
    expect(got.text).toBe("deep text\n\nafter");
    expect(got.warnings).toContain(
      "99489 elements nested over 512 deep; read as their parent's text",
    );
  });

  it("keeps a page whose class attribute holds 150,000 names", () => {
    // linkedom spreads class names as call arguments: the stack overflowed, the page was lost.
    const got = readHtml(`<article><p class="${"a ".repeat(150_000)}">${para(1)}</p></article>`);
    expect(got.text).toContain("Paragraph 1: farmers in Thai Binh");
    expect(got.warnings).toContain("1 class attribute over 4096 characters; cut");
  });

  it("skips 20,000 scripts and styles", () => {
    const got = readHtml(
      `<article>${"<script>var a='<p>x</p>';</script><style>p{}</style><p>Hue</p>".repeat(20_000)}</article>`,
    );
    expect(paragraphs(got)).toEqual(Array(20_000).fill("Hue"));
  });

  it("returns empty text and a warning for empty input", () => {
    for (const html of ["", "   \n"]) {
      const got = readHtml(html);
      expect(got.text).toBe("");
      expect(got.warnings).toEqual(["empty input"]);
    }
  });

  it("reads fragments, bare text and huge attribute values", () => {
    expect(readHtml("Just a line of text.").text).toBe("Just a line of text.");
    expect(readHtml("<p>a &amp; b</p><p>c</p>").text).toBe("a & b\n\nc");
    const huge = `<html><body><div class="${"x".repeat(1_000_000)}">${para(1)}${para(2)}</div></body></html>`;
    expect(paragraphs(readHtml(huge))).toHaveLength(2);
  });

  it("ignores JSON-LD that is not JSON and metadata that is not ISO", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"11/05/2025","author":"http://x.vn/a"</script>
      <meta name="pubdate" content="Chủ Nhật, 11/5/2025"></head><body>${para(1)}</body></html>`;
    const got = readHtml(html);
    expect(got.published).toBeNull();
    expect(got.authors).toEqual([]);
  });

  it("strips the site name only when the suffix (or prefix) is the site name", () => {
    expect(stripSiteName("Flood warning for Hue | VnNews", "VnNews")).toBe("Flood warning for Hue");
    expect(stripSiteName("Flood warning - Hue - VnNews", "vnnews")).toBe("Flood warning - Hue");
    expect(stripSiteName("VnNews - Flood warning for Hue", "VnNews")).toBe("Flood warning for Hue");
    expect(stripSiteName("Ha Noi - Hai Phong expressway opens", "VnNews")).toBe(
      "Ha Noi - Hai Phong expressway opens",
    );
    expect(stripSiteName("Flood warning | VnNews", null)).toBe("Flood warning | VnNews");
  });

  const wellFormed = (a: HtmlArticle): void => {
    expect(typeof a.text).toBe("string");
    expect(a.text).toBe(a.text.normalize("NFC"));
    expect(Array.isArray(a.warnings)).toBe(true);
    expect(Array.isArray(a.authors)).toBe(true);
    for (const v of Object.values(a.meta)) expect(typeof v).toBe("string");
  };

  it("never throws on arbitrary strings", () => {
    const tagSoup = fc
      .array(
        fc.constantFrom(
          "<",
          ">",
          "</",
          "/>",
          "p",
          "div",
          "html",
          "body",
          "head",
          "script",
          "<br>",
          "<figcaption>",
          '<meta property="og:title" content="',
          '<script type="application/ld+json">',
          '{"@graph":[',
          '"',
          "=",
          " ",
          "\n",
          "&amp;",
          "&#",
          "Ảnh: TTXVN",
          "e\u0301",
          "\ud800",
          "<!--",
          "<![CDATA[",
        ),
        { maxLength: 80 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), tagSoup), (s) => {
        wellFormed(readHtml(s));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on truncations and mutations of a fixture", () => {
    const pages = FIXTURES.map(fixture);
    const mutation = fc.record({
      page: fc.integer({ min: 0, max: pages.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 400 }),
      insert: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom("<", ">", '"', "</div>", "<p>", "<script>", ""),
      ),
      truncate: fc.boolean(),
    });
    fc.assert(
      fc.property(mutation, ({ page, at, cut, insert, truncate }) => {
        const src = pages[page] as string;
        const i = at % (src.length + 1);
        const html = truncate ? src.slice(0, i) : src.slice(0, i) + insert + src.slice(i + cut);
        wellFormed(readHtml(html));
      }),
      { numRuns: 150 },
    );
  });
});
