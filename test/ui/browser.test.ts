import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.js";

/**
 * The whole product as a new user meets it: `dossier serve --seed samples` on an empty
 * database (what `npm start` runs), driven in headless Chromium (scripts/chromium.ts: Debian's, or the one npm installs). Screenshots are kept in
 * test-output/ui/ for a person to look at.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const SHOTS = join(ROOT, "test-output", "ui");

let dir = "";
let server: ChildProcess | null = null;
let base = "";
let browser: Browser | null = null;

async function startServer(db: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "bin", "dossier.js"),
      "serve",
      "--db",
      db,
      "--port",
      "0",
      "--seed",
      join(ROOT, "samples"),
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  server = child;
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /running at (http:\/\/\S+\/)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    child.on("exit", (code) => reject(new Error(`dossier serve exited ${code}: ${stderr}`)));
  });
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, base));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A page that records every request leaving for another host, and every dialog. */
async function openPage(): Promise<{
  page: Page;
  foreign: string[];
  dialogs: string[];
  errors: string[];
}> {
  if (!browser) throw new Error("no browser");
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const foreign: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).origin !== new URL(base).origin) foreign.push(r.url());
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, foreign, dialogs, errors };
}

/** Waits until the results on the page are those of the search in the URL. */
async function settled(page: Page): Promise<void> {
  // A function, not a string: the UI's Content-Security-Policy forbids eval, as it should.
  await page.waitForFunction(
    () => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): { getAttribute(n: string): string | null } | null };
        location: { hash: string };
      };
      const shown = g.document.querySelector(".results")?.getAttribute("data-for");
      return shown === (g.location.hash || "#/");
    },
    undefined,
    { timeout: 15_000 },
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  dir = await mkdtemp(join(tmpdir(), "dossier-ui-"));
  base = await startServer(join(dir, "ui.db"));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("web UI in Chromium", () => {
  it("starts with the sample corpus loaded", async () => {
    const stats = await api<{ documents: number }>("/stats");
    expect(stats.documents).toBeGreaterThanOrEqual(30);
  });

  it("searches with and without diacritics, with highlighted snippets and facets", async () => {
    const { page, foreign, errors } = await openPage();
    await page.goto(base);
    await expect.poll(() => page.locator(".hit").count()).toBeGreaterThan(0);
    const input = page.getByRole("searchbox", { name: "Search text" });
    await input.fill('"da nang"');
    await input.press("Enter");
    await expect.poll(() => decodeURIComponent(page.url())).toContain('q="da+nang"');
    await settled(page);
    await expect.poll(() => page.locator(".total strong").textContent()).not.toBe("0");
    const plain = Number(await page.locator(".total strong").textContent());
    // The snippets mark the match whatever the spelling in the text.
    const marks = await page.locator(".snippet mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks)
      expect(m.normalize("NFD").replace(/\p{M}/gu, "").replace("Đ", "D").toLowerCase()).toMatch(
        /da\s*nang/,
      );
    expect(await page.locator('.facets [data-facet="province"]').count()).toBeGreaterThan(0);
    // Long facet lists open in full on request.
    const shown = await page.locator('.facets [data-facet="province"]').count();
    const more = page
      .locator(".facets details", { has: page.locator('[data-facet="province"]') })
      .locator("button.more");
    if ((await more.count()) > 0) {
      await more.click();
      await expect
        .poll(() => page.locator('.facets [data-facet="province"]').count())
        .toBeGreaterThan(shown);
    }
    await shot(page, "search");

    await input.fill('"Đà Nẵng"');
    await input.press("Enter");
    await expect.poll(() => decodeURIComponent(page.url())).toContain("Đà");
    await settled(page);
    await expect
      .poll(async () => Number(await page.locator(".total strong").textContent()))
      .toBe(plain);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws 63 and 34 provinces, shades them by the search, and filters on a click", async () => {
    const { page, foreign, errors } = await openPage();
    await page.goto(base);
    await expect.poll(() => page.locator("svg path.province").count()).toBe(63);
    await page.getByRole("button", { name: /34 provinces/ }).click();
    await expect.poll(() => page.locator("svg path.province").count()).toBe(34);
    // The counts arrive after the shapes: wait until the map is shaded.
    await expect
      .poll(() => page.locator('svg path.province:not([data-count="0"])').count())
      .toBeGreaterThan(10);
    // The busiest province: clicking it filters the results to exactly its documents.
    const busiest = await page.locator("svg path.province").evaluateAll(
      (paths) =>
        paths
          .map((p) => ({
            code: p.getAttribute("data-code"),
            count: Number(p.getAttribute("data-count")),
          }))
          .sort((a, b) => b.count - a.count)[0],
    );
    expect(busiest?.count).toBeGreaterThan(0);
    const shaded = await page.locator('svg path.province:not([data-count="0"])').count();
    expect(shaded).toBeGreaterThan(10);
    await page.locator(`svg path.province[data-code="${busiest?.code}"]`).click();
    await expect.poll(() => page.url()).toContain(`province2025=${busiest?.code}`);
    await settled(page);
    await expect
      .poll(async () => Number(await page.locator(".total strong").textContent()))
      .toBe(busiest?.count);
    await expect.poll(() => page.locator("svg path.province.selected").count()).toBe(1);
    expect(await page.locator(".chips").textContent()).toContain("province (34)");
    await shot(page, "map");
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the map in longitude and latitude: the mainland fills the frame, archipelagos in insets, labels", async () => {
    const { page, errors } = await openPage();
    await page.goto(base);
    await expect
      .poll(() => page.locator('svg path.province:not([data-count="0"])').count())
      .toBeGreaterThan(10);
    const geometry = await page.locator("figure.map svg").evaluate((svg) => {
      type Box = { x: number; y: number; width: number; height: number };
      const el = svg as unknown as {
        viewBox: { baseVal: Box };
        querySelectorAll(
          s: string,
        ): ArrayLike<{ getBBox(): Box; getAttribute(n: string): string | null }>;
      };
      const box = (s: string) => Array.from(el.querySelectorAll(s)).map((e) => e.getBBox());
      const union = (boxes: Box[]) => ({
        top: Math.min(...boxes.map((b) => b.y)),
        bottom: Math.max(...boxes.map((b) => b.y + b.height)),
        left: Math.min(...boxes.map((b) => b.x)),
      });
      const insets = box(".inset rect");
      // Provinces whose shapes lie wholly left of the insets: the mainland and its near islands.
      const left = Math.min(...insets.map((b) => b.x));
      const mainland = box("path.province").filter((b) => b.x + b.width <= left);
      return {
        frame: { width: el.viewBox.baseVal.width, height: el.viewBox.baseVal.height },
        insets: insets.length,
        mainland: union(mainland),
        spanning: box("path.province").filter((b) => b.x + b.width > left).length,
        labels: Array.from(el.querySelectorAll("text.map-label")).map((t) =>
          t.getAttribute("data-label"),
        ),
      };
    });
    // Mercator in degrees: the country from its northern tip to Cà Mau fills the height.
    expect(geometry.mainland.bottom - geometry.mainland.top).toBeGreaterThan(
      0.9 * geometry.frame.height,
    );
    // Hoàng Sa and Trường Sa, drawn apart in two boxes, each with its province's parts.
    expect(geometry.insets).toBe(2);
    expect(geometry.spanning).toBe(2);
    // The busiest provinces carry their names; pointing at one (or focusing it) names it too.
    expect(geometry.labels.length).toBeGreaterThanOrEqual(3);
    const codes = await page
      .locator("svg path.province")
      .evaluateAll((paths) => paths.map((p) => p.getAttribute("data-code")));
    const code = codes.find((c) => !geometry.labels.includes(c));
    await page.locator(`svg path.province[data-code="${code}"]`).focus();
    await expect.poll(() => page.locator(`text.map-label[data-label="${code}"]`).count()).toBe(1);
    await shot(page, "map-lonlat");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a document with its places, entities, provisions and removed chrome", async () => {
    const { page, foreign, errors } = await openPage();
    await page.goto(`${base}#/?q=${encodeURIComponent('"joint statement"')}`);
    await expect.poll(() => page.locator(".hit").count()).toBeGreaterThan(0);
    await page
      .locator(".hit a.title", { hasText: /Joint Statement/ })
      .first()
      .click();
    await expect.poll(() => page.locator("article.document-view h1").count()).toBe(1);
    await expect.poll(() => page.locator("mark.hl").count()).toBeGreaterThan(0);
    // The search that led here is marked in the text too, as the search matched it.
    expect(await page.locator("mark.hl.match").count()).toBeGreaterThan(0);
    for (const m of await page.locator("mark.hl.match").allTextContents())
      expect(m.toLowerCase()).toMatch(/^joint\s+statement$/);
    expect(await page.locator("mark.hl.country").count()).toBeGreaterThan(0);
    expect(await page.locator(".provisions li").count()).toBeGreaterThan(5);
    expect(await page.locator(".provisions .stance").first().textContent()).toMatch(/^[a-z]+$/);
    await shot(page, "document");
    await page.getByRole("link", { name: /Show removed chrome/ }).click();
    await expect.poll(() => page.locator("section.removed").count()).toBe(1);
    // Its entities, each a way into the documents that name it.
    const japan = page.locator('.entities a[title="country:JPN"]');
    expect(await japan.count()).toBe(1);
    await japan.click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain("entity=country:JPN");
    await settled(page);
    expect(Number(await page.locator(".total strong").textContent())).toBeGreaterThanOrEqual(2);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a hostile document's text as text: no script runs, no markup is made", async () => {
    const hostile =
      'Ha Noi <script>alert("x")</script> and "><img src=x onerror=alert(1)> near Hue <b>bold</b>';
    const response = await fetch(new URL("/documents", base), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `A hostile page\n\n${hostile}\n`, source: "hostile.txt" }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const { page, foreign, dialogs, errors } = await openPage();
    await page.goto(`${base}#/doc/${id}`);
    await expect.poll(() => page.locator(".doc-text").textContent()).toContain("<script>");
    expect(await page.locator(".doc-text script, .doc-text img, .doc-text b").count()).toBe(0);
    expect(await page.locator(".doc-text").textContent()).toContain("onerror=alert(1)>");
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows undated documents as undated, in the month facet and the document, and captions' places", async () => {
    // An invented report: dated "March 3rd" with no year the text tells; only its caption
    // names Phu Quoc.
    const text =
      "On March 3rd, the two ministers opened a rice fair in Can Tho.\nBoth sides agreed to meet again next spring.\nBoats at the pier in Phu Quoc - Photo: VNA\n";
    const response = await fetch(new URL("/documents", base), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, source: "undated-fair.txt" }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const { page, foreign, errors } = await openPage();
    await page.goto(`${base}#/doc/${id}`);
    await expect
      .poll(() => page.locator("dd.published").textContent())
      .toBe("3 March (year unknown)");
    await expect
      .poll(() => page.locator(".captions .caption-text mark.hl.place").allTextContents())
      .toEqual(["Phu Quoc"]);
    expect(await page.locator(".provinces").textContent()).toContain("Kiên Giang");
    await shot(page, "document-undated");

    await page.goto(base);
    const undated = page.locator('.facets [data-facet="month"][data-value="undated"]');
    await expect.poll(() => undated.count()).toBe(1);
    const count = Number(await undated.locator(".count").textContent());
    expect(count).toBeGreaterThanOrEqual(1);
    await undated.click();
    await expect.poll(() => page.url()).toContain("undated=only");
    await settled(page);
    expect(Number(await page.locator(".total strong").textContent())).toBe(count);
    expect(await page.locator(".hit .meta .undated").count()).toBe(
      await page.locator(".hit").count(),
    );

    // A date filter says how many undated documents it leaves out, and lets them in.
    await page.goto(`${base}#/?from=1900-01-01`);
    await settled(page);
    await expect.poll(() => page.locator(".undated-note").textContent()).toContain(String(count));
    const dated = Number(await page.locator(".total strong").textContent());
    await page.getByRole("button", { name: "Include undated" }).click();
    await expect.poll(() => page.url()).toContain("undated=include");
    await settled(page);
    expect(Number(await page.locator(".total strong").textContent())).toBe(dated + count);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("compares two statements side by side", async () => {
    const found = await api<{ results: { id: string; title: string | null }[] }>(
      `/search?q=${encodeURIComponent('"joint statement"')}&language=en&limit=50`,
    );
    const statements = found.results.filter((r) => /joint statement/i.test(r.title ?? ""));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    const [a, b] = statements as [{ id: string; title: string }, { id: string; title: string }];
    const { page, foreign, errors } = await openPage();
    await page.goto(`${base}#/doc/${a.id}`);
    await page.getByRole("button", { name: "Compare with…" }).click();
    await page.locator(".picker input").fill('"joint statement"');
    await page.locator(".picker").getByRole("button", { name: "Find" }).click();
    await page.locator(`.picker-hits button[data-id="${b.id}"]`).click();
    await expect.poll(() => page.url()).toContain("#/compare/");
    await expect.poll(() => page.locator("table.compare tr.pair").count()).toBeGreaterThan(5);
    const classes = await page
      .locator("table.compare tr.pair")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-class")));
    expect(new Set(classes).size).toBeGreaterThan(1);
    // Side by side: A's column left of B's, both wide enough to read.
    const [left, right] = await Promise.all([
      page.locator("table.compare thead th").first().boundingBox(),
      page.locator("table.compare thead th").last().boundingBox(),
    ]);
    expect(left && right && left.x + left.width <= right.x).toBe(true);
    expect(left && left.width > 300).toBe(true);
    await shot(page, "compare");
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("compares the user's way: Compare tab, pick A, then pick B, with no reload", async () => {
    const docs = await api<{ results: { id: string; source: string }[] }>("/documents?limit=100");
    const idOf = (file: string): string => {
      const id = docs.results.find((d) => d.source.endsWith(file))?.id;
      if (!id) throw new Error(`${file} is not stored`);
      return id;
    };
    const a = idOf("vn-japan-joint-statement-2023.txt");
    const b = idOf("vn-japan-joint-statement-2025.txt");
    const { page, foreign, errors } = await openPage();
    await page.goto(base);
    await page.locator("header.top nav").getByRole("link", { name: "Compare" }).click();
    await expect.poll(() => page.url()).toMatch(/#\/compare$/);

    // Each document through its picker, as a user finds it: a search, then a click on the hit.
    const pick = async (label: string, id: string) => {
      const picker = page.locator("form.picker", { hasText: label });
      await picker.locator("input").fill("Japan joint statement");
      await picker.getByRole("button", { name: "Find" }).click();
      await picker.locator(`.picker-hits button[data-id="${id}"]`).click();
    };
    await pick("Document A", a);
    await expect.poll(() => page.url()).toContain(`#/compare/${a}/`);
    await pick("Document B", b);
    await expect.poll(() => page.url()).toContain(`#/compare/${a}/${b}`);

    // The comparison renders in place: the summary of what changed, then the pairs.
    // A page error (the blank page this path once gave) fails at once, naming the error.
    const summary = page.locator("section.what-changed");
    await expect
      .poll(async () =>
        errors.length > 0 ? errors : await page.locator("table.compare").isVisible(),
      )
      .toBe(true);
    expect(await summary.isVisible()).toBe(true);
    await expect.poll(() => page.locator("table.compare tr.pair").count()).toBeGreaterThan(5);
    expect(await page.locator("table.compare").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    const count = async (kind: string) =>
      Number(await summary.locator(`.totals [data-kind="${kind}"]`).getAttribute("data-count"));
    expect(await count("added")).toBeGreaterThanOrEqual(1);
    expect(await count("dropped")).toBeGreaterThanOrEqual(1);
    // The counts are those of the API for this pair of documents.
    const comparison = await api<{
      pairs: unknown[];
      summary: { changes: Record<string, number | unknown[]> };
    }>(`/compare?a=${a}&b=${b}`);
    for (const kind of ["kept", "strengthened", "weakened", "reversed", "added", "dropped"])
      expect(await count(kind)).toBe(comparison.summary.changes[kind]);
    expect(await page.locator("table.compare tr.pair").count()).toBe(comparison.pairs.length);
    // By domain, one row each, and the whole summary fits the screen above the pairs.
    expect(await summary.locator("table.changes-by-domain tbody tr").count()).toBeGreaterThan(3);
    const box = await summary.boundingBox();
    expect(box && box.y + box.height <= 1000).toBe(true);
    await shot(page, "compare-summary");

    // Every pair shows its confidence; aligned ones why they were paired, and how the force moved.
    const pairs = page.locator("table.compare tr.pair");
    for (const text of await pairs.locator(".confidence").allTextContents())
      expect(text).toMatch(/\d+%/);
    expect(await pairs.locator(".confidence").count()).toBe(comparison.pairs.length);
    expect(await pairs.locator(".reasons").count()).toBeGreaterThan(0);
    expect(await pairs.locator(".reasons").first().textContent()).toMatch(/shared|stance/);
    expect(await pairs.locator(".force").count()).toBeGreaterThan(0);
    for (const text of await pairs.locator(".force").allTextContents())
      expect(text).toMatch(/strengthened|weakened|reversed/);

    // A domain's count shows exactly those pairs; "Show all" brings the rest back.
    const added = summary.locator('table.changes-by-domain button[data-kind="added"]').first();
    const focused = Number(await added.textContent());
    expect(focused).toBeGreaterThan(0);
    await added.click();
    await expect.poll(() => pairs.count()).toBe(focused);
    for (const cls of await pairs.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute("data-class")),
    ))
      expect(cls).toBe("only_b");
    await page.getByRole("button", { name: "Show all pairs" }).click();
    await expect.poll(() => pairs.count()).toBe(comparison.pairs.length);

    // The class filters still hide and show their rows.
    await page.locator(".filters label.pair-key.same input").uncheck();
    await expect
      .poll(() => page.locator('table.compare tr.pair[data-class="same"]').count())
      .toBe(0);
    expect(await pairs.count()).toBeGreaterThan(0);
    await page.locator(".filters label.pair-key.same input").check();
    await expect.poll(() => pairs.count()).toBe(comparison.pairs.length);

    // Swapping loads the other direction in place, and shows its own counts, not the last ones.
    const swapped = await api<{ summary: { changes: Record<string, number | unknown[]> } }>(
      `/compare?a=${b}&b=${a}`,
    );
    await page.getByRole("link", { name: "Swap A and B" }).click();
    await expect.poll(() => page.url()).toContain(`#/compare/${b}/${a}`);
    await expect.poll(() => count("added")).toBe(swapped.summary.changes.added);
    expect(await count("dropped")).toBe(swapped.summary.changes.dropped);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
