/**
 * `dossier search` as a user runs it, a whole process, beside the sqlite3 command-line shell
 * running the same full-text query on the same library (issue 15: within 3x):
 *   tsx bench/search-cli.ts <db> [runs]
 * The shell gets the expression the store matches (folded words, known names as phrases, word
 * forms, spellings), the count and the best 20 by bm25: no ranking rules, facets or snippets.
 * Prints one JSON line; `skipped` when the machine has no sqlite3 (a Debian package, which
 * Dossier never needs).
 */
import { spawnSync } from "node:child_process";
import { parseFtsQuery } from "../dist/store/fts-query.js";
import { knownNameLength, otherSpellings } from "../dist/store/known-names.js";
import { type Run, runWhole } from "./whole.js";

const [db, runsArg] = process.argv.slice(2) as [string, string | undefined];
const runs = Number(runsArg ?? 3);
const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
const QUERIES = ["Đà Nẵng", "ASEAN", "mangrove"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const medianRun = (make: () => Run) => {
  const all = Array.from({ length: runs }, make);
  return {
    wallMs: median(all.map((r) => r.wallMs)),
    maxRssMB: Math.max(...all.map((r) => r.maxRssMB)),
  };
};

if (spawnSync("sqlite3", ["-version"]).status !== 0) {
  process.stdout.write(`${JSON.stringify({ skipped: "no sqlite3 command on this machine" })}\n`);
} else {
  const parse = { phrase: knownNameLength, stems: true, spellings: otherSpellings };
  const rows = QUERIES.map((q) => {
    const match = (parseFtsQuery(q, parse).match ?? "").replaceAll("'", "''");
    const sql = `SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '${match}';
      SELECT rowid, bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH '${match}'
      ORDER BY 2 LIMIT 20;`;
    return {
      q,
      dossier: medianRun(() => runWhole(process.execPath, [cli, "search", q, "--db", db])),
      sqlite3: medianRun(() => runWhole("sqlite3", ["-readonly", db, sql])),
    };
  });
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
}
