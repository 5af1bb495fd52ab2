/**
 * Search relevance: `npm run eval:search [-- --verbose] [--json] [--min-ndcg x] [--min-recall x]`.
 *
 * 1. Ingests samples/ (README.md left out) and eval/search/fixtures/ into a new SQLite store,
 *    through `dossier ingest`'s own code.
 * 2. Runs every query of eval/search/judged.tsv (written by us, judged by reading the texts:
 *    English and Vietnamese, with and without diacritics, names, typos, phrases, word forms).
 * 3. Scores each: nDCG@10 with graded relevance (2: about it, 1: holds it; gain 2^g − 1) and
 *    recall@20 (relevant documents in the first 20 / all relevant); prints the means.
 * With --min-ndcg / --min-recall floors (eval/floors.json `search`, gated in .ci/run) it exits 1
 * below either.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { runIngest } from "../src/cli/commands/ingest.js";
import { DEFAULT_MAX_BYTES } from "../src/io/read-bytes.js";
import { openSqliteStore } from "../src/store/sqlite.js";
import type { SearchResult } from "../src/store/types.js";

const { values } = parseArgs({
  options: {
    verbose: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "min-ndcg": { type: "string" },
    "min-recall": { type: "string" },
  },
});

const root = new URL("..", import.meta.url).pathname;
const judgedPath = join(root, "eval/search/judged.tsv");

interface Judged {
  q: string;
  relevant: Map<string, number>;
  why: string;
}

/** The judged queries: "query<TAB>doc[=grade] doc …<TAB>why", "#" lines are comments. */
function readJudged(text: string): Judged[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((line, i) => {
      const [q, docs, why] = line.split("\t");
      if (!q || !docs) throw new Error(`${judgedPath}: line ${i + 1} needs a query and documents`);
      const relevant = new Map<string, number>();
      for (const d of docs.split(/\s+/u).filter(Boolean)) {
        const [name, grade] = d.split("=");
        relevant.set(name as string, grade ? Number(grade) : 1);
      }
      return { q, relevant, why: why ?? "" };
    });
}

/** nDCG@k of a ranking, with gains 2^grade − 1. */
function ndcg(ranked: string[], relevant: Map<string, number>, k: number): number {
  const dcg = (grades: number[]) =>
    grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...relevant.values()].sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(ranked.map((d) => relevant.get(d) ?? 0)) / ideal;
}

function recall(ranked: string[], relevant: Map<string, number>, k: number): number {
  const found = ranked.slice(0, k).filter((d) => relevant.has(d)).length;
  return relevant.size === 0 ? 1 : found / relevant.size;
}

const judged = readJudged(readFileSync(judgedPath, "utf8"));
const dir = mkdtempSync(join(tmpdir(), "dossier-eval-search-"));
const db = join(dir, "eval.db");
try {
  const status = await runIngest([join(root, "samples"), join(root, "eval/search/fixtures")], {
    db,
    exclude: ["README.md"],
    maxBytes: DEFAULT_MAX_BYTES,
  });
  if (status !== 0) throw new Error(`ingest failed with status ${status}`);
  const store = openSqliteStore(db);
  const rows: {
    q: string;
    ndcg10: number;
    recall20: number;
    total: number;
    missed: string[];
    wrong: string[];
    reading: SearchResult["reading"];
  }[] = [];
  for (const j of judged) {
    const result = await store.search({ q: j.q, limit: 20 });
    const ranked = result.results.map((r) => basename(r.source));
    const missed = [...j.relevant.keys()].filter((d) => !ranked.includes(d));
    const wrong = ranked.slice(0, 10).filter((d) => !j.relevant.has(d));
    rows.push({
      q: j.q,
      ndcg10: ndcg(ranked, j.relevant, 10),
      recall20: recall(ranked, j.relevant, 20),
      total: result.total,
      missed,
      wrong,
      reading: result.reading,
    });
  }
  await store.close();
  const mean = (f: (r: (typeof rows)[number]) => number) =>
    rows.reduce((s, r) => s + f(r), 0) / rows.length;
  const summary = {
    queries: rows.length,
    ndcg10: mean((r) => r.ndcg10),
    recall20: mean((r) => r.recall20),
  };
  if (values.json) process.stdout.write(`${JSON.stringify({ ...summary, rows }, null, 2)}\n`);
  else {
    if (values.verbose) {
      for (const r of rows) {
        process.stdout.write(
          `${r.ndcg10.toFixed(3)} ${r.recall20.toFixed(2)}  ${r.q}  (${r.total} found)${r.missed.length ? `  missed: ${r.missed.join(" ")}` : ""}${r.wrong.length ? `  not relevant in top 10: ${r.wrong.join(" ")}` : ""}\n`,
        );
      }
    }
    process.stdout.write(
      `search: ${summary.queries} judged queries, nDCG@10 ${summary.ndcg10.toFixed(3)}, recall@20 ${summary.recall20.toFixed(3)}\n`,
    );
  }
  const floors: [string, number, number][] = [
    ["nDCG@10", summary.ndcg10, Number(values["min-ndcg"] ?? 0)],
    ["recall@20", summary.recall20, Number(values["min-recall"] ?? 0)],
  ];
  for (const [name, got, floor] of floors) {
    if (got < floor) {
      process.stderr.write(`search quality gate: ${name} ${got.toFixed(3)} below ${floor}\n`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
