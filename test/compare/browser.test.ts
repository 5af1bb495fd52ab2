import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.js";
import { comparisonHtml } from "../../src/compare/report-html.js";
import { summarise } from "../../src/compare/summary.js";
import type { Comparison, Pair, PairClass } from "../../src/compare/types.js";

/** Where the screenshot is kept for a human to look at. */
const SCREENSHOT = join(tmpdir(), "dossier-test-output", "compare.png");

function pair(cls: PairClass, i: number, a: string | null, b: string | null): Pair {
  return {
    a: a === null ? null : i,
    b: b === null ? null : i,
    aText: a,
    bText: b,
    class: cls,
    score: cls === "same" ? 1 : cls === "reworded" ? 0.78 : 0,
    confidence: cls === "same" ? 0.99 : cls === "reworded" ? 0.8 : 0.7,
    reasons: null,
    diff: cls === "same" && a ? [{ op: "keep", text: a }] : [],
    changes: [],
    domains: cls === "only_b" ? ["economy"] : ["diplomacy"],
  };
}

function comparison(): Comparison {
  const same = "The two sides agreed to maintain regular high-level exchanges.";
  const reworded: Pair = {
    ...pair(
      "reworded",
      3,
      "Both sides support settling disputes in the East Sea by peaceful means.",
      "Both sides welcome settling disputes in the South China Sea by peaceful means, in line with UNCLOS.",
    ),
    diff: [
      { op: "keep", text: "Both sides " },
      { op: "remove", text: "support" },
      { op: "add", text: "welcome" },
      { op: "keep", text: " settling disputes in the " },
      { op: "remove", text: "East" },
      { op: "add", text: "South China" },
      { op: "keep", text: " Sea by peaceful means" },
      { op: "remove", text: "." },
      { op: "add", text: ", in line with UNCLOS." },
    ],
    changes: [
      { kind: "variant", id: "south-china-sea", a: "East Sea", b: "South China Sea" },
      { kind: "stance", a: "support", b: "welcome" },
    ],
    domains: ["maritime", "security"],
  };
  const reworded2: Pair = {
    ...pair(
      "reworded",
      4,
      "They will expand trade to 100 billion USD.",
      "They shall expand trade.",
    ),
    diff: [
      { op: "keep", text: "They " },
      { op: "remove", text: "will" },
      { op: "add", text: "shall" },
      { op: "keep", text: " expand trade" },
      { op: "remove", text: " to 100 billion USD" },
      { op: "keep", text: "." },
    ],
    changes: [{ kind: "modality", a: "will", b: "shall" }],
    domains: ["economy"],
  };
  const pairs: Pair[] = [
    pair("same", 0, same, same),
    pair(
      "same",
      1,
      "Both sides reaffirmed the one-China policy.",
      "Both sides reaffirmed the one-China policy.",
    ),
    pair(
      "same",
      2,
      "They agreed to cooperate on climate change.",
      "They agreed to cooperate on climate change.",
    ),
    reworded,
    reworded2,
    pair("only_a", 5, "Vietnam welcomed the opening of a consulate in Da Nang.", null),
    pair(
      "only_a",
      6,
      `The sides noted the "Two Corridors, One Belt" framework & <b>rail</b> links.`,
      null,
    ),
    pair("only_b", 5, null, "China supports Vietnam hosting APEC 2027."),
    pair("only_b", 6, null, "Both sides will open a new border gate at Lao Cai."),
    pair("only_b", 7, null, "They decided to set up a hotline between the navies."),
  ];
  return {
    a: {
      source: "statements/hanoi-2023.txt",
      title: "Joint Statement on Comprehensive Strategic Partnership",
      published: "2023-12-13",
      provisions: 8,
    },
    b: {
      source: "statements/beijing-2024.txt",
      title: `Joint Statement <script>alert("x")</script>`,
      published: "2024-08-19",
      provisions: 8,
    },
    pairs,
    summary: summarise(pairs),
  };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("comparison report in a real browser", () => {
  it("renders both columns, the diff and the summary in Chromium", {
    timeout: 60_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "dossier-compare-"));
    dirs.push(dir);
    const file = join(dir, "compare.html");
    await writeFile(file, comparisonHtml(comparison()), "utf8");

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      await page.goto(pathToFileURL(file).href);

      expect(await page.title()).toContain(
        "Joint Statement on Comprehensive Strategic Partnership",
      );
      // Both columns: one cell a side for each of the 10 pairs, A left of B.
      const aCells = page.locator("table.pairs td.side.a");
      const bCells = page.locator("table.pairs td.side.b");
      await expect.poll(() => aCells.count()).toBe(10);
      expect(await bCells.count()).toBe(10);
      expect(await page.locator("table.pairs th.a").isVisible()).toBe(true);
      expect(await page.locator("table.pairs th.b").isVisible()).toBe(true);
      const aBox = await aCells.first().boundingBox();
      const bBox = await bCells.first().boundingBox();
      expect(aBox && bBox && aBox.x + aBox.width <= bBox.x + 1).toBe(true);
      expect(aBox && aBox.width > 400).toBe(true);
      expect(await page.locator("td.side.a.empty").count()).toBe(3);
      expect(await page.locator("td.side.b.empty").count()).toBe(2);
      expect(await page.locator("td.side.b.empty").first().textContent()).toBe("—");

      // Badges, one a pair.
      expect(await page.locator(".badge.same").count()).toBe(3);
      expect(await page.locator(".badge.reworded").count()).toBe(2);
      expect(await page.locator(".badge.only_a").count()).toBe(2);
      expect(await page.locator(".badge.only_b").count()).toBe(3);
      expect(await page.locator(".badge.only_a").first().textContent()).toBe("only in A");

      // The diff: removed words in A's column, added words in B's.
      const del = page.locator("td.side.a del");
      const ins = page.locator("td.side.b ins");
      expect(await del.count()).toBe(5);
      expect(await ins.count()).toBe(4);
      await expect.poll(() => del.first().isVisible()).toBe(true);
      expect(await ins.first().isVisible()).toBe(true);
      expect(await del.first().textContent()).toBe("support");
      expect(await ins.nth(1).textContent()).toBe("South China");
      expect(await page.locator("td.side.b del, td.side.a ins").count()).toBe(0);
      // No DOM lib in tsconfig: the browser's getComputedStyle, typed by hand.
      type Win = { getComputedStyle(e: unknown): { textDecorationLine: string } };
      const style = await del
        .first()
        .evaluate((e) => (globalThis as unknown as Win).getComputedStyle(e).textDecorationLine);
      expect(style).toContain("line-through");
      expect(await page.locator("ul.changes li").allInnerTexts()).toEqual([
        "East Sea → South China Sea",
        "stance: support → welcome",
        "modality: will → shall",
      ]);

      // The summary.
      const n = (key: string) => page.locator(`[data-count="${key}"] .n`).textContent();
      expect(await n("same")).toBe("3");
      expect(await n("reworded")).toBe("2");
      expect(await n("only_a")).toBe("2");
      expect(await n("only_b")).toBe("3");
      expect(await n("stance")).toBe("1");
      expect(await page.locator("table.domains tbody tr").count()).toBe(4);

      // Untrusted text stayed text: no script ran, markup shows literally.
      expect(dialogs).toEqual([]);
      expect(await page.locator("table.pairs b, table.pairs script").count()).toBe(0);
      expect(await page.locator("th.b").textContent()).toContain('<script>alert("x")</script>');
      expect(requests.every((u) => u.startsWith("file://"))).toBe(true);

      // The screenshot, with every row shown, for a human to look at.
      await mkdir(join(tmpdir(), "dossier-test-output"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      const png = await readFile(SCREENSHOT);
      expect(png.length).toBeGreaterThan(1000);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

      // "Show only changes" hides the pairs worded the same, without any script.
      await page.locator("#only-changes").check();
      expect(await page.locator("tbody.pair.same").first().isVisible()).toBe(false);
      expect(await page.locator("tbody.pair.reworded").first().isVisible()).toBe(true);
      expect(await page.locator("tbody.pair.only_b").first().isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
