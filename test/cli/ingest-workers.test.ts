import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { writeCorpus } from "./corpus.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dossier-workers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = join(dir, "corpus");
writeCorpus(corpus, 400);

const ingest = (db: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, "ingest", corpus, "--db", db, ...args], { encoding: "utf8" });

const start = (db: string): ChildProcess =>
  spawn(process.execPath, [BIN, "ingest", corpus, "--db", db], { stdio: "ignore" });

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

/** What a library holds, runs aside: its counts, and every stored document and analysis by id. */
async function content(db: string) {
  const store = await openStore(db);
  try {
    const { runs: _runs, ...stats } = await store.stats();
    const { total } = await store.search({ limit: 1 });
    const ids: string[] = [];
    for (let offset = 0; offset < total; offset += 100)
      ids.push(...(await store.search({ limit: 100, offset })).results.map((r) => r.id));
    ids.sort();
    const documents = [];
    for (const id of ids) documents.push(await store.get(id));
    return { stats, ids, documents };
  } finally {
    await store.close();
  }
}

async function documentsIn(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return (await store.stats()).documents;
  } finally {
    await store.close();
  }
}

/** The ingest acceptance, on a library `fresh()` makes each call. */
export function workerSuite(name: string, fresh: () => Promise<string>): void {
  describe(`several ingest processes on one library: ${name}`, () => {
    let reference: Awaited<ReturnType<typeof content>>;
    it("one process, uninterrupted: the reference", async () => {
      const db = await fresh();
      const run = ingest(db);
      expect(run.status, run.stderr).toBe(0);
      reference = await content(db);
      expect(reference.stats.documents).toBe(400);
    });

    it("two processes at once: each document stored once, both exit 0", async () => {
      const db = await fresh();
      const a = start(db);
      const b = start(db);
      expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
      expect(await content(db)).toEqual(reference);
    });

    it("--workers 2: the work shared, one summary", async () => {
      const db = await fresh();
      const run = ingest(db, "--workers", "2");
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/400 documents read, 400 stored, 0 already there, 0 errors/);
      expect(await content(db)).toEqual(reference);
    });

    it("one of two killed halfway (SIGKILL), then a rerun: as if uninterrupted", async () => {
      const db = await fresh();
      const a = start(db);
      const b = start(db);
      // Halfway: once some documents are stored, and before all are.
      for (let stored = 0; stored < 50; ) {
        await new Promise((r) => setTimeout(r, 50));
        stored = await documentsIn(db).catch(() => 0);
        expect(stored).toBeLessThan(400);
      }
      a.kill("SIGKILL");
      expect(await exited(b)).toBe(0);
      await exited(a);
      const rerun = ingest(db);
      expect(rerun.status, rerun.stderr).toBe(0);
      expect(await content(db)).toEqual(reference);
    });
  });
}

let n = 0;
workerSuite("SQLite", async () => join(dir, `w${++n}.db`));
