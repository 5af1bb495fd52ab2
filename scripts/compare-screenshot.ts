/**
 * Opens a comparison page in headless Chromium (scripts/chromium.ts) and checks what a reader sees:
 *   tsx scripts/compare-screenshot.ts <page.html> <out.png>
 * Both columns present, diffs highlighted (<del>/<ins> visible), no request leaves file://.
 * Saves a full-page screenshot; exits 1 with the reason when a check fails. Used by .ci/run on
 * the seed pair (`dossier compare 002 000 --format html`).
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.js";

const [html, png] = process.argv.slice(2);
if (!html || !png) {
  process.stderr.write("usage: tsx scripts/compare-screenshot.ts <page.html> <out.png>\n");
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("file://")) foreign.push(r.url());
  });
  await page.goto(pathToFileURL(resolve(html)).href);
  const a = await page.locator("table.pairs td.side.a").count();
  const b = await page.locator("table.pairs td.side.b").count();
  const del = await page.locator("table.pairs del").count();
  const ins = await page.locator("table.pairs ins").count();
  const visible =
    del > 0 &&
    (await page.locator("table.pairs del").first().isVisible()) &&
    (await page.locator("table.pairs ins").first().isVisible());
  await page.screenshot({ path: png, fullPage: true });
  const problems = [
    a === 0 || b === 0 ? `columns: ${a} A cells, ${b} B cells` : "",
    !visible ? `diffs: ${del} <del>, ${ins} <ins>, not visible` : "",
    foreign.length > 0 ? `requests outside the file: ${foreign.join(", ")}` : "",
  ].filter(Boolean);
  if (problems.length > 0) {
    process.stderr.write(`compare page check failed: ${problems.join("; ")}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(
      `compare page: ${a} rows, ${del} deletions and ${ins} insertions shown; screenshot ${png}\n`,
    );
  }
} finally {
  await browser.close();
}
