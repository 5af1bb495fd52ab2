/**
 * `dossier ingest` is idempotent and resumable, through the real CLI (bin/dossier.js runs
 * dist/: `npm run build` first, as `npm test` does). A folder of a few thousand generated files
 * goes into database A in one run, then again (nothing new); into B with a SIGKILL a quarter of
 * the way, again with a SIGKILL halfway, then again to the end; and into C with a Ctrl-C
 * (SIGINT) a quarter of the way, then again. A, B and C must then hold exactly the same content.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/corpus.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
/** Files written; every DUPLICATE_EVERY-th repeats an earlier file's text (same id, stored once). */
const FILES = 4000;
const DUPLICATE_EVERY = 500;
const DOCUMENTS = FILES - Math.floor((FILES - 1) / DUPLICATE_EVERY);
/** Documents `dossier ingest` stores per transaction. */
const BATCH = 500;

const PLACES = [
  "Đà Nẵng",
  "Da Nang",
  "Hà Nội",
  "Hanoi",
  "Quảng Ninh",
  "Quang Ninh",
  "Cần Thơ",
  "Huế",
  "Lào Cai",
  "Nghệ An",
  "Cà Mau",
  "Hải Phòng",
  "Khánh Hòa",
  "Bình Dương",
];
const EN = [
  "Authorities in {P} said on Monday that the new bridge to {P} would open before the end of the year.",
  "ASEAN energy ministers met in {P} to discuss renewable energy, power grids and LNG investment.",
  "Farmers in {P} province expect a strong rice harvest; exports to Japan keep rising.",
  "The delegation travelled from {P} to {P} to inspect flood defences along the coast.",
];
const VI = [
  "Ủy ban nhân dân tỉnh {P} vừa tổ chức hội nghị tổng kết công tác năm.",
  "Đoàn công tác đã làm việc tại {P} và {P} về tình hình sản xuất nông nghiệp.",
  "Theo Sở Giao thông vận tải, tuyến đường nối {P} với {P} sẽ được nâng cấp.",
];
const STATEMENT = [
  "JOINT STATEMENT between Viet Nam and Japan",
  "Both sides agreed to strengthen cooperation in energy transition in {P}.",
  "The two sides reaffirmed the importance of ASEAN centrality and of trade with {P}.",
  "Viet Nam and Japan agreed to promote investment in offshore wind power.",
];

/** The folder: deterministic, English and Vietnamese, places, entities, some joint statements. */
function writeFolder(dir: string): void {
  const random = mulberry32(2025);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const fill = (line: string) => line.replace(/\{P\}/gu, () => pick(PLACES));
  const texts: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const folder = join(dir, `part-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    let text: string;
    if (i > 0 && i % DUPLICATE_EVERY === 0) text = texts[Math.floor(random() * i)] as string;
    else if (i % 10 === 3) text = `${STATEMENT.map(fill).join("\n\n")}\n\nNo. ${i}.\n`;
    else {
      const lines = [`${fill(pick(EN))} Report ${i}.`, fill(pick(VI)), fill(pick(EN))];
      text = `${lines.join("\n\n")}\n`;
    }
    texts.push(text);
    writeFileSync(join(folder, `doc-${String(i).padStart(5, "0")}.txt`), text);
  }
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}
const ingest = (folder: string, db: string): { child: ChildProcess; done: Promise<Exit> } => {
  const child = spawn(process.execPath, [BIN, "ingest", folder, "--db", db], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  const done = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, done };
};

/** Documents stored in `db` so far, read-only while another process writes; null until it exists. */
function countDocuments(db: string): number | null {
  try {
    const raw = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return raw.prepare("SELECT count(*) FROM documents").pluck().get() as number;
    } finally {
      raw.close();
    }
  } catch {
    return null; // not created yet, or its schema not yet committed
  }
}

/**
 * Starts an ingest into `db` and sends it `signal` once at least `atLeast` documents are stored,
 * after a random part of the time one batch takes (measured from the commits seen), so the signal
 * lands anywhere in a batch: while documents are read and analysed, or while a batch is being
 * written. Polls the database to know. Fails, saying so, when the run ended before the signal
 * could be sent, or stored everything anyway.
 */
async function stopHalfway(
  folder: string,
  db: string,
  signal: NodeJS.Signals,
  atLeast: number,
): Promise<Exit & { stored: number }> {
  const { child, done } = ingest(folder, db);
  let exited = false;
  void done.then(() => {
    exited = true;
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let sent = false;
  // The pace of this run's own commits: from the first one seen (what was stored before it
  // started, then its reading again of what is already stored, do not count).
  let before: number | null = null;
  let first: { count: number; at: number } | null = null;
  while (!exited && !sent) {
    const count = countDocuments(db);
    const now = performance.now();
    if (count !== null) before ??= count;
    if (count !== null && before !== null && count > before && !first) first = { count, at: now };
    if (count !== null && first && count >= atLeast && count > first.count) {
      const batchMs = ((now - first.at) / (count - first.count)) * BATCH;
      await sleep(Math.random() * batchMs);
      sent = child.kill(signal);
    } else await sleep(5);
  }
  const exit = await done;
  const stored = countDocuments(db) ?? 0;
  if (!sent) {
    throw new Error(
      `could not stop the ingest halfway: it ended (code ${exit.code}) with ${stored} of ${DOCUMENTS} documents before ${signal} was sent`,
    );
  }
  if (stored < atLeast || stored >= DOCUMENTS) {
    throw new Error(
      `${signal} did not stop the ingest halfway: ${stored} of ${DOCUMENTS} documents stored (${exit.code ?? exit.signal})`,
    );
  }
  return { ...exit, stored };
}

/** "… N documents read, X stored, Y already there …" → X and Y. */
function summary(stderr: string): { stored: number; already: number } {
  const m = /(\d+) stored, (\d+) already there/u.exec(stderr);
  if (!m) throw new Error(`no summary in: ${stderr}`);
  return { stored: Number(m[1]), already: Number(m[2]) };
}

type Row = Record<string, unknown>;
const runsOf = (db: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare("SELECT status, added, skipped FROM runs ORDER BY started").all() as Row[];
  } finally {
    raw.close();
  }
};

/**
 * Every table that holds content, as sorted rows (JSON), found from the schema so a table added
 * later is compared too. Left out, and why:
 * - `runs`: one row per ingest run, with its id (a start time), timestamps, process id, status
 *   and counts. A and B differ there by design (a killed run and its resumption, against a full
 *   run and a no-op rerun); the runs are checked on their own below. No other table refers to
 *   a run.
 * - the FTS5 shadow tables (`documents_fts_data`, `_idx`, `_content`, `_docsize`, `_config`):
 *   their b-tree segments and rowids depend on how the index was built, transaction by
 *   transaction, not on what it holds. What it holds is compared instead through the table
 *   itself (document id, folded title and body) and through fts5vocab (every indexed term with
 *   its number of documents and of occurrences); the index is checked by FTS5's integrity-check.
 * - `facet_snapshot`: a cache of what search loads from document_facets, keyed by rowids and
 *   written when a process happens to have read many rows; document_facets is compared.
 * - rowids: internal keys, never referred to (tables join on document ids); and likewise
 *   document_facets.fts_rowid (the document's rowid in documents_fts, which search reads), which
 *   is compared as the document id of the full-text row it points to.
 */
function dump(db: string): Record<string, string[]> {
  const raw = new Database(db);
  try {
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw
      .prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
      .run();
    const tables = raw
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT IN ('runs', 'facet_snapshot') AND name NOT LIKE 'documents_fts_%'
         ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const sortedRows = (sql: string) =>
      (raw.prepare(sql).all() as Row[]).map((r) => JSON.stringify(r)).sort();
    const out: Record<string, string[]> = {
      user_version: [String(raw.pragma("user_version", { simple: true }))],
    };
    for (const table of tables) {
      if (table !== "document_facets") out[table] = sortedRows(`SELECT * FROM "${table}"`);
    }
    out.document_facets = sortedRows(
      `SELECT (SELECT f.document_id FROM documents_fts f WHERE f.rowid = t.fts_rowid) AS fts_document,
       document_id, source, language, published, facets FROM document_facets t`,
    );
    const unlinked = raw
      .prepare(
        `SELECT count(*) FROM document_facets t WHERE document_id IS NOT
         (SELECT f.document_id FROM documents_fts f WHERE f.rowid = t.fts_rowid)`,
      )
      .pluck()
      .get();
    expect(unlinked).toBe(0);
    raw.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, row)");
    out.documents_fts_vocabulary = sortedRows("SELECT term, doc, cnt FROM temp.vocab");
    return out;
  } finally {
    raw.close();
  }
}

describe("dossier ingest: idempotent and resumable", () => {
  let dir: string;
  let folder: string;
  // Writing and deleting FILES files and three databases: seconds alone, far more under load.
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "dossier-resume-"));
    folder = join(dir, "corpus");
    writeFolder(folder);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 180_000);

  it("stores nothing new the second time; a run killed halfway and run again ends the same", async () => {
    // A: one uninterrupted run, then the same folder again.
    const a = join(dir, "a.db");
    const first = await ingest(folder, a).done;
    expect(first.code, first.stderr).toBe(0);
    expect(summary(first.stderr)).toEqual({ stored: DOCUMENTS, already: FILES - DOCUMENTS });
    const contentA = dump(a);
    const again = await ingest(folder, a).done;
    expect(again.code, again.stderr).toBe(0);
    expect(summary(again.stderr)).toEqual({ stored: 0, already: FILES });
    expect(dump(a)).toEqual(contentA);
    expect(runsOf(a)).toEqual([
      { status: "done", added: DOCUMENTS, skipped: FILES - DOCUMENTS },
      { status: "done", added: 0, skipped: FILES },
    ]);
    // What is compared holds something in every table.
    expect(contentA.documents).toHaveLength(DOCUMENTS);
    for (const table of [
      "analyses",
      "mentions",
      "entities",
      "topics",
      "provisions",
      "document_facets",
    ]) {
      expect(contentA[table]?.length, table).toBeGreaterThan(DOCUMENTS / 10);
    }
    expect(contentA.documents_fts).toHaveLength(DOCUMENTS);
    expect(contentA.facet_labels?.length).toBeGreaterThan(20);

    // B: SIGKILL a quarter of the way (no handler runs: a transaction in flight is simply never
    // committed), run again and SIGKILL it halfway, then run again to the end.
    const b = join(dir, "b.db");
    const killed = await stopHalfway(folder, b, "SIGKILL", DOCUMENTS / 4);
    expect(killed.signal).toBe("SIGKILL");
    expect(runsOf(b)).toEqual([
      { status: "running", added: killed.stored, skipped: expect.any(Number) },
    ]);
    const killedAgain = await stopHalfway(folder, b, "SIGKILL", DOCUMENTS / 2);
    expect(killedAgain.signal).toBe("SIGKILL");
    const resumed = await ingest(folder, b).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(summary(resumed.stderr)).toEqual({
      stored: DOCUMENTS - killedAgain.stored,
      already: FILES - DOCUMENTS + killedAgain.stored,
    });
    // The killed runs' processes are gone: the next runs marked them interrupted.
    expect(runsOf(b).map((r) => r.status)).toEqual(["interrupted", "interrupted", "done"]);
    expect(dump(b)).toEqual(contentA);

    // C: Ctrl-C halfway: the run stops soon, stores what it read, says it was interrupted.
    const c = join(dir, "c.db");
    const stopped = await stopHalfway(folder, c, "SIGINT", DOCUMENTS / 4);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted \(SIGINT\).*Run again to resume/u);
    expect(runsOf(c)).toEqual([
      { status: "interrupted", added: stopped.stored, skipped: expect.any(Number) },
    ]);
    const resumedC = await ingest(folder, c).done;
    expect(resumedC.code, resumedC.stderr).toBe(0);
    expect(runsOf(c).map((r) => r.status)).toEqual(["interrupted", "done"]);
    expect(dump(c)).toEqual(contentA);
    // Seven runs over FILES files: about a minute alone, several under load.
  }, 300_000);
});
