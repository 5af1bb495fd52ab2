/**
 * Store benchmark, one phase per process (so each peak RSS is its own), on a folder of generated
 * news articles (bench/corpus.ts `generateNewsFolder`). Prints one JSON line.
 *
 *   tsx bench/store-run.ts ingest <folder> <db>           `dossier ingest`'s own code (runIngest):
 *       read, decode, clean (ingest), analyze(), store.add() in batches of 500, one transaction
 *       each (in its writer thread), into a new SQLite store with its FTS5 index and facets.
 *   tsx bench/store-run.ts baseline-ingest <folder> <db>  the floor: read the same files and
 *       INSERT their raw text, unanalysed, into a plain table, batches of 500 per transaction.
 *   tsx bench/store-run.ts baseline-fts-ingest <folder> <db>  the floor issue 15 names: the same
 *       files read and INSERTed, unanalysed, into a plain FTS5 table (unicode61, diacritics
 *       removed), batches of 500 per transaction: what a skilled user would build instead.
 *   tsx bench/store-run.ts search <db>                    QUERIES through store.search() (match,
 *       bm25 rank, snippets, seven facets): one warm-up pass, then ROUNDS timed passes.
 *   tsx bench/store-run.ts baseline-fts <db>              the same text queries as one plain FTS5
 *       query each on the same database, the expression the store matches (folded words, known
 *       names as phrases, word forms, spellings) without ranking rules, filters, facets or the
 *       did-you-mean retry: count, then the best 20 by bm25. What those cost on top of FTS5.
 *   tsx bench/store-run.ts baseline-search <db>           the same queries as LIKE '%…%' scans of
 *       the raw table (count, then the first 20 rows), which match bytes, not words: no
 *       diacritic folding, no ranking, no facets. One warm-up pass, then LIKE_ROUNDS passes.
 */
import { readFileSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { runIngest } from "../dist/cli/commands/ingest.js";
import { walkPaths } from "../dist/ingest/paths.js";
import { DEFAULT_MAX_BYTES } from "../dist/io/read-bytes.js";
import { parseFtsQuery } from "../dist/store/fts-query.js";
import { knownNameLength, otherSpellings } from "../dist/store/known-names.js";
import { isPostgresUrl, openStore } from "../dist/store/open.js";
import type { SearchQuery } from "../dist/store/types.js";

/** Twenty typical searches, each with the LIKE patterns (all must match) that stand for it. */
export const QUERIES: { name: string; query: SearchQuery; like: string[] }[] = [
  { name: "place, diacritics", query: { q: "Đà Nẵng" }, like: ["%Đà Nẵng%"] },
  { name: "place, no diacritics", query: { q: "da nang" }, like: ["%da nang%"] },
  { name: "place, Vietnamese", query: { q: "Thừa Thiên Huế" }, like: ["%Thừa Thiên Huế%"] },
  { name: "place, ASCII", query: { q: "Quang Ninh" }, like: ["%Quang Ninh%"] },
  { name: "phrase", query: { q: '"offshore wind"' }, like: ["%offshore wind%"] },
  {
    name: "phrase, Vietnamese",
    query: { q: '"năng lượng tái tạo"' },
    like: ["%năng lượng tái tạo%"],
  },
  { name: "AND", query: { q: "rice AND exports" }, like: ["%rice%", "%exports%"] },
  { name: "OR", query: { q: "typhoon OR flooding" }, like: ["%typhoon%"] },
  { name: "NOT", query: { q: "coffee NOT pepper" }, like: ["%coffee%"] },
  { name: "prefix", query: { q: "touris*" }, like: ["%touris%"] },
  { name: "entity word", query: { q: "ASEAN" }, like: ["%ASEAN%"] },
  { name: "two words", query: { q: "solar farm investment" }, like: ["%solar farm%"] },
  { name: "rare word", query: { q: "mangrove" }, like: ["%mangrove%"] },
  {
    name: "q + province",
    query: { q: "expressway", province: "Quảng Ninh" },
    like: ["%expressway%", "%Quang Ninh%"],
  },
  {
    name: "q + new province",
    query: { q: "port", province2025: "Hải Phòng" },
    like: ["%port%", "%Hai Phong%"],
  },
  { name: "domain", query: { domain: "energy" }, like: ["%energy%"] },
  {
    name: "q + domain",
    query: { q: "investment", domain: "trade" },
    like: ["%investment%", "%trade%"],
  },
  {
    name: "entity filter",
    query: { entity: "org:asean", q: "summit" },
    like: ["%ASEAN%", "%summit%"],
  },
  {
    name: "q + language",
    query: { q: "hội nghị", language: "vi" },
    like: ["%hội nghị%"],
  },
  {
    name: "q + dates",
    query: { q: "Cần Thơ", from: "2023-01-01", to: "2023-12-31" },
    like: ["%Cần Thơ%", "%2023%"],
  },
  // Issue 12: word forms (the stems column), diacritics as typed (the marks column, texts with
  // the exact forms first), a typo in a name (nothing found, then the nearest name searched).
  { name: "word form", query: { q: "investing" }, like: ["%invest%"] },
  { name: "diacritics as typed", query: { q: "Hải Phòng" }, like: ["%Hải Phòng%"] },
  { name: "typo in a name", query: { q: "Quang Ngia" }, like: ["%Quang Ngai%"] },
];
const ROUNDS = 5;
const LIKE_ROUNDS = 2;

const [phase, ...args] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const maxRssMB = () => process.resourceUsage().maxRSS / 1024;
const print = (o: object) =>
  process.stdout.write(`${JSON.stringify({ phase, ...o, maxRssMB: maxRssMB() })}\n`);
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
/** Files `dossier ingest <folder>` reads, and their bytes. */
const files = (folder: string) => {
  const paths = [...walkPaths([folder])].filter((p): p is string => typeof p === "string");
  return { paths, bytes: paths.reduce((n, p) => n + statSync(p).size, 0) };
};

/** The library's size on disk: the SQLite file, or the PostgreSQL database. */
async function librarySize(db: string): Promise<number> {
  if (!isPostgresUrl(db)) return statSync(db).size;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pg_database_size(current_database()) AS n");
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function timeQueries(rounds: number, run: (i: number) => number | Promise<number>) {
  // An untimed first pass: the store's index loads, the page cache and V8's code warm up.
  const totals: number[] = [];
  for (let i = 0; i < QUERIES.length; i++) totals.push(await run(i));
  const ms: number[] = [];
  const perQuery = QUERIES.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < QUERIES.length; i++) {
      const t = now();
      await run(i);
      const elapsed = now() - t;
      ms.push(elapsed);
      perQuery[i]?.push(elapsed);
    }
  }
  return {
    queries: QUERIES.length,
    samples: ms.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: Math.max(...ms),
    perQuery: QUERIES.map((q, i) => ({
      name: q.name,
      ms: percentile(perQuery[i] as number[], 50),
      total: totals[i],
    })),
  };
}

/**
 * A floor for ingest: the files read and INSERTed unanalysed into the table `create` makes
 * (named texts), batches of 500 per transaction; prints the time and the database's size.
 */
function plainIngest(args: string[], create: string): void {
  const [folder, db] = args as [string, string];
  const { paths, bytes } = files(folder);
  const t = now();
  const raw = new Database(db);
  raw.pragma("journal_mode = WAL");
  raw.exec(create);
  const insert = raw.prepare("INSERT INTO texts (source, text) VALUES (?, ?)");
  const addAll = raw.transaction((batch: string[]) => {
    for (const p of batch) insert.run(p, readFileSync(p, "utf8"));
  });
  for (let i = 0; i < paths.length; i += 500) addAll(paths.slice(i, i + 500));
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  print({
    files: paths.length,
    docs: paths.length,
    bytes,
    ms: now() - t,
    dbBytes: statSync(db).size,
  });
}

if (phase === "ingest") {
  const [folder, db] = args as [string, string];
  const { paths, bytes } = files(folder);
  const t = now();
  const status = await runIngest([folder], { db, maxBytes: DEFAULT_MAX_BYTES });
  const ms = now() - t;
  if (status !== 0) throw new Error(`runIngest: exit status ${status}`);
  const store = await openStore(db);
  const stats = await store.stats();
  await store.close();
  const dbBytes = await librarySize(db);
  print({ files: paths.length, docs: stats.documents, bytes, ms, dbBytes, stats });
} else if (phase === "baseline-ingest") {
  // A plain table: raw text, no index beyond the rowid.
  plainIngest(args, "CREATE TABLE texts (source TEXT NOT NULL, text TEXT NOT NULL)");
} else if (phase === "baseline-fts-ingest") {
  plainIngest(
    args,
    "CREATE VIRTUAL TABLE texts USING fts5 (source UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')",
  );
} else if (phase === "search") {
  // The first search of a new process (a server just started, `dossier search`): the store
  // opened, its facet index loaded, the query's known names read, then the query itself.
  const opened = now();
  const store = await openStore(args[0] as string);
  await store.search(QUERIES[0]?.query ?? {});
  const firstMs = now() - opened;
  const result = await timeQueries(
    ROUNDS,
    async (i) => (await store.search(QUERIES[i]?.query ?? {})).total,
  );
  await store.close();
  print({ ...result, firstMs });
} else if (phase === "baseline-fts") {
  const raw = new Database(args[0] as string, { readonly: true });
  const count = raw.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?");
  const rows = raw.prepare(
    `SELECT rowid, bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH ?
     ORDER BY 2 LIMIT 20`,
  );
  // The expression the store matches (word forms and spellings included), given to FTS5 alone.
  const parse = { phrase: knownNameLength, stems: true, spellings: otherSpellings };
  const matches = QUERIES.map(({ query }) => parseFtsQuery(query.q ?? "", parse).match);
  const result = await timeQueries(ROUNDS, (i) => {
    const match = matches[i];
    if (!match) return 0;
    rows.all(match);
    return count.pluck().get(match) as number;
  });
  raw.close();
  print(result);
} else if (phase === "baseline-search") {
  const raw = new Database(args[0] as string, { readonly: true });
  const statements = QUERIES.map(({ like }) => {
    const where = like.map(() => "text LIKE ?").join(" AND ");
    return {
      count: raw.prepare(`SELECT count(*) FROM texts WHERE ${where}`).pluck(),
      rows: raw.prepare(`SELECT source, substr(text, 1, 200) FROM texts WHERE ${where} LIMIT 20`),
      like,
    };
  });
  const result = await timeQueries(LIKE_ROUNDS, (i) => {
    const s = statements[i] as (typeof statements)[number];
    s.rows.all(...s.like);
    return s.count.get(...s.like) as number;
  });
  raw.close();
  print(result);
} else {
  throw new Error(
    `unknown phase ${phase}: ingest | baseline-ingest | baseline-fts-ingest | search | baseline-fts | baseline-search`,
  );
}
