import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../pg/databases.js";
import { writeCorpus } from "./corpus.js";
import { content } from "./library.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dossier-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = join(dir, "corpus");
writeCorpus(corpus, 30);
const dossier = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

/** `dossier migrate` from a library ingested into `from` to `to`, both made by the caller. */
function migrateSuite(name: string, libraries: () => Promise<[string, string]>): void {
  describe(`dossier migrate: ${name}`, () => {
    it("copies every document and analysis; run again, it copies nothing twice", async () => {
      const [from, to] = await libraries();
      expect(dossier("ingest", corpus, "--db", from).status).toBe(0);
      const first = dossier("migrate", "--from", from, "--to", to);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/30 documents read from .*, 30 stored in .*, 0 already there/);
      expect(await content(to)).toEqual(await content(from));
      const again = dossier("migrate", "--from", from, "--to", to);
      expect(again.stderr).toMatch(/0 stored in .*, 30 already there/);
      expect(await content(to)).toEqual(await content(from));
    });
  });
}

migrateSuite("SQLite to SQLite", async () => [join(dir, "a.db"), join(dir, "b.db")]);
migrateSuite("SQLite to PostgreSQL", async () => [join(dir, "p.db"), await freshDatabase("to")]);
migrateSuite("PostgreSQL to SQLite", async () => [await freshDatabase("from"), join(dir, "q.db")]);

describe("dossier migrate: bad input", () => {
  it("a missing source library is an error, and no library is made", () => {
    const missing = join(dir, "missing.db");
    const r = dossier("migrate", "--from", missing, "--to", join(dir, "c.db"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.db.*E_NOT_FOUND/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "c.db"))).toBe(false);
    expect(existsSync(missing)).toBe(false);
  });

  it("the same library on both sides is refused", () => {
    const r = dossier("migrate", "--from", join(dir, "a.db"), "--to", join(dir, "a.db"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/same library.*E_USAGE/);
  });
});
