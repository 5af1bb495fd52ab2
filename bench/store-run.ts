/**
 * Store benchmark in its own process: `tsx bench/store-run.ts <docs>` ingests <docs> generated
 * news documents (analysed first, outside the timing) into a fresh SQLite store, then times
 * 200 full searches (match, rank, snippets, facets), and the matching step alone two ways:
 * the FTS5 index on folded text, and the baseline, a LIKE scan over the stored documents
 * (which, unlike the index, misses the diacritic forms). Prints
 * { docs, ingestMs, searchMs, ftsCountMs, likeCountMs, maxRssMB }.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { analyze, ingest } from "../src/index.js";
import { openSqliteStore } from "../src/store/sqlite.js";
import type { StoredDocument } from "../src/store/types.js";
import { mulberry32 } from "./corpus.js";

const count = Number(process.argv[2] ?? 2000);
const random = mulberry32(7);
const places = [
  "Đà Nẵng",
  "Hà Nội",
  "Quảng Ninh",
  "Cần Thơ",
  "Huế",
  "Lào Cai",
  "Nghệ An",
  "Cà Mau",
  "Hai Phong",
  "Nha Trang",
];
const topics = [
  "a new bridge",
  "rice exports",
  "an offshore wind farm",
  "flood defences",
  "a railway station",
  "a trade fair",
];
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
const items: StoredDocument[] = [];
for (let i = 0; i < count; i++) {
  const p = pick(places);
  const text = `${p} opens ${pick(topics)}\n\nVGP – Authorities in ${p} opened ${pick(topics)} on Monday, officials said, adding that ${pick(places)} would follow next year. Document ${i}.\n`;
  const document = ingest(text, { source: `doc-${i}.txt` });
  items.push({ document, analysis: analyze(document) });
}
const path = join(mkdtempSync(join(tmpdir(), "dossier-bench-")), "bench.db");
const store = openSqliteStore(path);
const t0 = process.hrtime.bigint();
for (let i = 0; i < items.length; i += 200) store.add(items.slice(i, i + 200), "bench");
const ingestMs = Number(process.hrtime.bigint() - t0) / 1e6;
const queries = Array.from({ length: 200 }, () =>
  pick(["da nang", "ha noi", "offshore wind", "rice exports", "flood", "railway"]),
);
const t1 = process.hrtime.bigint();
for (const q of queries) store.search({ q, limit: 20 });
const searchMs = Number(process.hrtime.bigint() - t1) / 1e6;
store.close();
const db = new Database(path, { readonly: true });
const fts = db.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?").pluck();
const like = db.prepare("SELECT count(*) FROM documents WHERE json LIKE ?").pluck();
const t2 = process.hrtime.bigint();
for (const q of queries) fts.get(`"${q}"`);
const ftsCountMs = Number(process.hrtime.bigint() - t2) / 1e6;
const t3 = process.hrtime.bigint();
for (const q of queries) like.get(`%${q}%`);
const likeCountMs = Number(process.hrtime.bigint() - t3) / 1e6;
db.close();
process.stdout.write(
  `${JSON.stringify({ docs: count, ingestMs, searchMs, ftsCountMs, likeCountMs, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
