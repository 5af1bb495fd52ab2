/**
 * Comparison evaluation on a statements corpus (the format of ../shared/corpus/statements-dev):
 *   npm run eval:compare -- <corpus-dir> [--texts dir] [--verbose] [--threshold x]
 *     [--min-strong x] [--max-near-miss n]
 * `pairs.jsonl` holds one judged alignment a line: { "pair", "a_file", "b_file", "label", "a":
 * [sentences], "b": [sentences] }, label strong | partial | near-miss | only_a | only_b. Each
 * file is read through ingest and analyze, each statement pair compared with compare(), and a
 * gold sentence found among the provisions by containment (either way). Then, per label:
 * - strong: found when one of its A sentences and one of its B sentences are aligned (same or
 *   reworded): "both sides matching", as the issue counts it; "complete" when every sentence
 *   of the record is aligned, so a 1:2 split needs both of its links;
 * - partial: how many have any link (no claim either way: reported, not scored);
 * - near-miss: aligned when any link joins its two sides (each one is an error);
 * - only_a / only_b: found when the provision is left unaligned.
 * Precision: of the system's links between provisions the gold judges, the share the gold
 * holds (strong or partial) rather than refuses (near-miss, only_a/only_b).
 * Exits 1 when strong recall is below --min-strong or near-misses aligned exceed --max-near-miss.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compare } from "../src/compare/index.js";
import type { Comparison } from "../src/compare/types.js";
import { analyze, ingest } from "../src/index.js";
import { readJsonl, table } from "./statements-corpus.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    texts: { type: "string" },
    verbose: { type: "boolean", short: "v", default: false },
    threshold: { type: "string" },
    "min-strong": { type: "string" },
    "max-near-miss": { type: "string" },
  },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write(
    "usage: npm run eval:compare -- <corpus-dir> [--texts dir] [--verbose] [--min-strong x] [--max-near-miss n]\n",
  );
  process.exit(2);
}
interface Record {
  pair: string;
  a_file: string;
  b_file: string;
  label: "strong" | "partial" | "near-miss" | "only_a" | "only_b";
  a: string[];
  b: string[];
}
const records = readJsonl<Record>(join(dir, "pairs.jsonl"));
const say = (s: string) => values.verbose && process.stdout.write(`${s}\n`);
const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

const loaded = new Map<
  string,
  {
    source: string;
    title: string | null;
    published: string | null;
    provisions: ReturnType<typeof analyze>["provisions"];
  }
>();
const load = (file: string) => {
  let d = loaded.get(file);
  if (!d) {
    const document = ingest(readFileSync(join(values.texts ?? dir, file)), { source: file });
    d = {
      source: file,
      title: document.title,
      published: document.published,
      provisions: analyze(document).provisions,
    };
    loaded.set(file, d);
  }
  return d;
};
/** The provision holding a gold sentence (or held by it), or -1. */
const indexOf = (file: string, sentence: string) => {
  const g = norm(sentence);
  return load(file).provisions.findIndex((p) => {
    const t = norm(p.text);
    return t.includes(g) || g.includes(t);
  });
};

const comparisons = new Map<string, Comparison>();
const options = values.threshold ? { threshold: Number(values.threshold) } : {};
const counts = new Map<string, { total: number; hit: number; missing: number }>();
let complete = 0;
let linksRight = 0;
let linksWrong = 0;
const pairs = [...new Set(records.map((r) => r.pair))];
for (const pair of pairs) {
  const rs = records.filter((r) => r.pair === pair);
  const { a_file, b_file } = rs[0] as Record;
  const c = compare(load(a_file), load(b_file), options);
  comparisons.set(pair, c);
  const linked = (i: number, j: number) =>
    c.pairs.some((p) => p.a === i && p.b === j && (p.class === "same" || p.class === "reworded"));
  const judged = new Map<string, string>(); // "i:j" → label
  for (const r of rs) {
    const as = r.a.map((s) => indexOf(a_file, s));
    const bs = r.b.map((s) => indexOf(b_file, s));
    const tally = counts.get(r.label) ?? { total: 0, hit: 0, missing: 0 };
    counts.set(r.label, tally);
    tally.total++;
    if (as.includes(-1) || bs.includes(-1)) {
      tally.missing++;
      say(`  ${r.label} ${pair}: a gold sentence is no provision`);
      continue;
    }
    for (const i of as) for (const j of bs) judged.set(`${i}:${j}`, r.label);
    let hit: boolean;
    if (r.label === "only_a")
      hit = as.every((i) => !c.pairs.some((p) => p.a === i && p.b !== null));
    else if (r.label === "only_b")
      hit = bs.every((j) => !c.pairs.some((p) => p.b === j && p.a !== null));
    else if (r.label === "near-miss") hit = as.some((i) => bs.some((j) => linked(i, j)));
    else {
      hit = as.some((i) => bs.some((j) => linked(i, j)));
      const whole =
        as.every((i) => bs.some((j) => linked(i, j))) &&
        bs.every((j) => as.some((i) => linked(i, j)));
      if (r.label === "strong" && whole) complete++;
    }
    if (hit) tally.hit++;
    const shown = r.label === "near-miss" ? hit : !hit;
    if (shown)
      say(
        `  ${r.label === "near-miss" ? "ALIGNED" : "MISSED"} ${r.label} ${pair}\n    A: ${r.a.map((s) => s.slice(0, 90)).join(" | ")}\n    B: ${r.b.map((s) => s.slice(0, 90)).join(" | ")}\n    system: ${as
          .map((i) =>
            c.pairs
              .filter((p) => p.a === i)
              .map(
                (p) =>
                  `${p.class}→${p.b === null ? "-" : (p.bText ?? "").slice(0, 50)} (${p.score})`,
              )
              .join("; "),
          )
          .join(" / ")}`,
      );
  }
  for (const p of c.pairs) {
    if (p.a === null || p.b === null) continue;
    const label = judged.get(`${p.a}:${p.b}`);
    if (label === "strong" || label === "partial") linksRight++;
    else if (label === "near-miss") linksWrong++;
    else if (label === undefined) {
      // A link from a provision the gold leaves one-sided is wrong too.
      const oneSided = [...judged].some(
        ([k, l]) =>
          (l === "only_a" && k.startsWith(`${p.a}:`)) || (l === "only_b" && k.endsWith(`:${p.b}`)),
      );
      if (oneSided) linksWrong++;
    }
  }
}

const row = (label: string, what: string) => {
  const t = counts.get(label) ?? { total: 0, hit: 0, missing: 0 };
  return [
    label,
    String(t.total),
    String(t.hit),
    t.total ? (t.hit / t.total).toFixed(3) : "-",
    what,
    String(t.missing),
  ];
};
const strong = counts.get("strong") ?? { total: 0, hit: 0, missing: 0 };
const near = counts.get("near-miss") ?? { total: 0, hit: 0, missing: 0 };
process.stdout.write(
  `${pairs.length} statement pairs, ${records.length} judged records\n` +
    table(
      ["label", "gold", "found", "rate", "found means", "not provisions"],
      [
        row("strong", "aligned, every sentence"),
        row("partial", "any link (not scored)"),
        row("near-miss", "aligned: an error"),
        row("only_a", "left unaligned"),
        row("only_b", "left unaligned"),
      ],
    ) +
    `strong recall ${(strong.hit / Math.max(1, strong.total)).toFixed(3)} (complete, every sentence linked: ${complete}/${strong.total})  near-misses aligned ${near.hit}/${near.total}  link precision ${(linksRight / Math.max(1, linksRight + linksWrong)).toFixed(3)} (${linksRight} held, ${linksWrong} refused by the gold)\n`,
);
if (
  values["min-strong"] !== undefined &&
  strong.hit / Math.max(1, strong.total) < Number(values["min-strong"])
) {
  process.stderr.write(`quality gate: strong alignment recall below ${values["min-strong"]}\n`);
  process.exitCode = 1;
}
if (values["max-near-miss"] !== undefined && near.hit > Number(values["max-near-miss"])) {
  process.stderr.write(
    `quality gate: ${near.hit} near-misses aligned, more than ${values["max-near-miss"]}\n`,
  );
  process.exitCode = 1;
}
