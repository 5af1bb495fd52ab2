import { describe, expect, it } from "vitest";
import { comparisonHtml, comparisonsHtml, escapeHtml } from "../../src/compare/report-html.js";
import { summarise } from "../../src/compare/summary.js";
import type { Comparison, Pair } from "../../src/compare/types.js";

const EVIL = `Both sides <script>alert(1)</script> agreed to "respect" the O'Neill & Co. clause.`;

function pair(p: Partial<Pair> & Pick<Pair, "class">): Pair {
  return {
    a: null,
    b: null,
    aText: null,
    bText: null,
    score: 0,
    confidence: 0.5,
    reasons: null,
    diff: [],
    changes: [],
    domains: [],
    ...p,
  };
}

function comparison(): Comparison {
  const pairs: Pair[] = [
    pair({
      class: "same",
      a: 0,
      b: 0,
      aText: "The two sides agreed to deepen trade cooperation.",
      bText: "The two sides agreed to deepen trade cooperation.",
      score: 1,
      diff: [{ op: "keep", text: "The two sides agreed to deepen trade cooperation." }],
      domains: ["trade"],
    }),
    pair({
      class: "reworded",
      a: 1,
      b: 1,
      aText: "Both sides support peace in the East Sea.",
      bText: "Both sides welcome peace in the South China Sea.",
      score: 0.82,
      diff: [
        { op: "keep", text: "Both sides " },
        { op: "remove", text: "support" },
        { op: "add", text: "welcome" },
        { op: "keep", text: " peace in the " },
        { op: "remove", text: "East" },
        { op: "add", text: "South China" },
        { op: "keep", text: " Sea." },
      ],
      changes: [
        { kind: "variant", id: "south-china-sea", a: "East Sea", b: "South China Sea" },
        { kind: "stance", a: "support", b: "welcome" },
      ],
      domains: ["maritime", "security"],
    }),
    pair({ class: "only_a", a: 2, aText: EVIL, domains: ["law"] }),
    pair({
      class: "only_b",
      b: 2,
      bText: "Vietnam will host the 2025 forum.",
      domains: ["trade"],
    }),
  ];
  return {
    a: {
      source: "statements/2023-hanoi.txt",
      title: "Joint Statement <2023>",
      published: "2023-12-13",
      provisions: 3,
    },
    b: { source: "statements/2024-beijing.txt", title: null, published: null, provisions: 3 },
    pairs,
    summary: summarise(pairs),
  };
}

const count = (html: string, s: string) => html.split(s).length - 1;

describe("escapeHtml", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });
});

describe("comparisonHtml", () => {
  const html = comparisonHtml(comparison());

  it("is a self-contained HTML5 page", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<title>[^<]*Joint Statement &lt;2023&gt;[^<]*<\/title>/);
    expect(html).toContain("--only-a:");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it("shows both documents with their sources and dates", () => {
    expect(html).toContain("statements/2023-hanoi.txt");
    expect(html).toContain("statements/2024-beijing.txt");
    expect(html).toContain("2023-12-13");
    expect(html).toContain('<th class="a">A · Joint Statement &lt;2023&gt;</th>');
    expect(html).toContain('<th class="b">B · statements/2024-beijing.txt</th>');
  });

  it("has one row a pair with both columns and a badge of its class", () => {
    expect(count(html, '<tbody class="pair ')).toBe(4);
    for (const cls of ["same", "reworded", "only_a", "only_b"])
      expect(count(html, `<tbody class="pair ${cls}">`)).toBe(1);
    expect(count(html, '<td class="side a')).toBe(4);
    expect(count(html, '<td class="side b')).toBe(4);
    expect(html).toContain('<span class="badge same">same</span>');
    expect(html).toContain('<span class="badge reworded">reworded</span>');
    expect(html).toContain('<span class="badge only_a">only in A</span>');
    expect(html).toContain('<span class="badge only_b">only in B</span>');
    expect(html).toContain("confidence 50%");
    expect(html).toContain("maritime, security");
  });

  it("leaves the other column of one-sided rows empty with a dash", () => {
    expect(count(html, '<td class="side b empty"><span class="none">—</span></td>')).toBe(1);
    expect(count(html, '<td class="side a empty"><span class="none">—</span></td>')).toBe(1);
  });

  it("marks removed words in A and added words in B", () => {
    expect(html).toContain("Both sides <del>support</del> peace in the <del>East</del> Sea.</td>");
    expect(html).toContain(
      "Both sides <ins>welcome</ins> peace in the <ins>South China</ins> Sea.</td>",
    );
    expect(count(html, "<del>")).toBe(2);
    expect(count(html, "<ins>")).toBe(2);
  });

  it("says what changed first: counts, a table by domain, the changed provisions escaped", () => {
    const what = html.slice(
      html.indexOf('<div class="what-changed">'),
      html.indexOf('<div class="summary">'),
    );
    expect(what).toContain("1 new · 1 dropped");
    expect(what).toContain('<tr data-domain="law"><td>law</td><td>0</td><td>1</td>');
    expect(what).toContain(
      '<li class="dropped"><span class="kind">dropped</span>Both sides &lt;script&gt;',
    );
    expect(what).toContain(
      '<li class="added"><span class="kind">new</span>Vietnam will host the 2025 forum.',
    );
    expect(what).not.toContain("<script>");
  });

  it("lists the changes under the row", () => {
    expect(html).toContain("<li>East Sea → South China Sea</li>");
    expect(html).toContain("<li>stance: support → welcome</li>");
  });

  it("summarises counts per class and per domain", () => {
    const n = (key: string) =>
      html.match(new RegExp(`data-count="${key}"><span class="n">(\\d+)<`))?.[1];
    expect(n("same")).toBe("1");
    expect(n("reworded")).toBe("1");
    expect(n("only_a")).toBe("1");
    expect(n("only_b")).toBe("1");
    expect(n("stance")).toBe("1");
    expect(html).toContain("<tr><td>trade</td><td>1</td><td>0</td><td>0</td><td>1</td></tr>");
    expect(html).toContain("<tr><td>law</td><td>0</td><td>0</td><td>1</td><td>0</td></tr>");
  });

  it("escapes injected markup and quotes in document text", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("alert(1)</script>");
    expect(html).toContain(
      "Both sides &lt;script&gt;alert(1)&lt;/script&gt; agreed to &quot;respect&quot; the O&#39;Neill &amp; Co. clause.",
    );
  });

  it("escapes text in diffs, changes, domains, titles and sources", () => {
    const c = comparison();
    const evil = "<img src=x onerror=alert(1)>";
    c.a.title = evil;
    c.a.source = evil;
    c.a.published = evil;
    c.summary.domains[evil] = { same: 1, reworded: 0, only_a: 0, only_b: 0 };
    const reworded = c.pairs[1] as Pair;
    reworded.diff.push({ op: "add", text: evil }, { op: "remove", text: evil });
    reworded.domains.push(evil);
    reworded.changes.push({ kind: "variant", id: "x", a: evil, b: evil });
    const out = comparisonHtml(c);
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("comparisonsHtml", () => {
  it("renders several comparisons one after the other in one page", () => {
    const second = comparison();
    second.a.title = "Second statement";
    const html = comparisonsHtml([comparison(), second]);
    expect(count(html, '<section class="comparison">')).toBe(2);
    expect(count(html, "<html")).toBe(1);
    expect(count(html, 'id="only-changes"')).toBe(1);
    expect(html.indexOf("Joint Statement &lt;2023&gt;")).toBeLessThan(
      html.indexOf("Second statement"),
    );
    expect(html).toContain("<title>Dossier comparison: 2 pairs of documents</title>");
  });

  it("renders an empty comparison", () => {
    const c = comparison();
    c.pairs = [];
    c.summary = summarise([]);
    const html = comparisonHtml(c);
    expect(html).toContain("No provisions on either side.");
    expect(html).toContain("no provisions");
  });
});
