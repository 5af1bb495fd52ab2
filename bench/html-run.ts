/**
 * One benchmark phase in its own process, so its peak RSS is its own:
 *   tsx bench/html-run.ts <ingest|dossier|readability> <count>
 * Builds `count` synthetic news pages (20–40 KB each, deterministic: the HTML fixtures with
 * their article bodies grown from shuffled fixture sentences), then times the whole ingest
 * (`ingestBytes`: decode, detect, extract, clean, metadata), `readHtml` alone, or the baseline
 * `new Readability(parseHTML(html).document).parse()` alone.
 * Prints one JSON line: { phase, docs, bytes, ms, maxRssMB }.
 */
import { readFileSync } from "node:fs";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { readHtml } from "../dist/ingest/html.js";
import { ingestBytes } from "../dist/ingest/index.js";
import { mulberry32 } from "./corpus.js";

/** Fixture, the tag after which generated paragraphs go, and how a paragraph is written. */
const TEMPLATES = [
  { file: "html-gov-en.html", anchor: '<div class="detail-content">', lang: "en", br: false },
  { file: "html-news-vi.html", anchor: '<div class="article-body">', lang: "vi", br: false },
  { file: "html-div-article.html", anchor: '<div class="content-detail">', lang: "en", br: true },
  { file: "html-no-meta.html", anchor: "<article>", lang: "en", br: false },
] as const;

const fixture = (name: string): string =>
  readFileSync(new URL(`../test/fixtures/ingest/${name}`, import.meta.url), "utf8");

/** The sentences of a fixture's paragraphs, tags stripped. */
function sentences(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
    const text = (m[1] ?? "")
      .replace(/<[^>]*>/g, "")
      .replace(/\s+/g, " ")
      .trim();
    for (const s of text.split(/(?<=[.!?])\s+/)) if (s.length > 30) out.push(s);
  }
  return out;
}

export function syntheticPages(count: number): string[] {
  const rand = mulberry32(20250511);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const pools = {
    en: [...sentences(fixture("html-gov-en.html")), ...sentences(fixture("html-no-meta.html"))],
    vi: sentences(fixture("html-news-vi.html")),
  };
  const sources = TEMPLATES.map((t) => ({ ...t, html: fixture(t.file) }));
  const pages: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = pick(sources);
    const target = 20_000 + Math.floor(rand() * 20_000);
    const pool = pools[t.lang];
    let body = "";
    while (Buffer.byteLength(t.html) + Buffer.byteLength(body) < target) {
      const n = 2 + Math.floor(rand() * 4);
      const words = Array.from({ length: n }, () => pick(pool))
        .join(" ")
        .replace(/\d+(?:[.,]\d+)?/g, () => String(Math.floor(rand() * 1000)));
      body += t.br ? `${words}<br><br>\n` : `<p>${words}</p>\n`;
      if (rand() < 0.08) body += `<h2>${pick(pool).slice(0, 60)}</h2>\n`;
    }
    const at = t.html.indexOf(t.anchor) + t.anchor.length;
    pages.push(`${t.html.slice(0, at)}\n${body}${t.html.slice(at)}`);
  }
  return pages;
}

const [phase, countArg] = process.argv.slice(2);
const count = Number(countArg);
const PHASES = ["ingest", "dossier", "readability"];
if (!PHASES.includes(phase ?? "") || !Number.isInteger(count) || count < 1) {
  process.stderr.write("usage: html-run.ts <ingest|dossier|readability> <count>\n");
  process.exit(2);
}
const run =
  phase === "ingest"
    ? (html: string): number => {
        const [item] = ingestBytes(Buffer.from(html), "page.html");
        return item && "document" in item ? item.document.text.length : 0;
      }
    : phase === "dossier"
      ? (html: string): number => readHtml(html).text.length
      : (html: string): number => {
          const { document } = parseHTML(html) as unknown as { document: never };
          return new Readability(document).parse()?.textContent?.length ?? 0;
        };
const pages = syntheticPages(count);
for (const html of pages.slice(0, 5)) run(html); // warm up the JIT outside the timing
let bytes = 0;
let ms = 0;
let chars = 0;
for (const html of pages) {
  const t0 = process.hrtime.bigint();
  chars += run(html);
  ms += Number(process.hrtime.bigint() - t0) / 1e6;
  bytes += Buffer.byteLength(html);
}
if (chars === 0) throw new Error("no text extracted");
const maxRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ phase, docs: pages.length, bytes, ms, maxRssMB })}\n`);
