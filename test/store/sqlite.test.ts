import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/schema.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { storeContract } from "./contract.js";
import { sampleDocuments } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-store-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract("SQLite", () => openSqliteStore(join(dir, `store-${++n}.db`)));

describe("SQLite store file", () => {
  it("keeps its data when reopened, migrations run once", () => {
    const path = join(dir, "reopen.db");
    const docs = sampleDocuments();
    const first = openSqliteStore(path);
    first.add(docs);
    first.close();
    const again = openSqliteStore(path);
    expect(again.stats().documents).toBe(5);
    expect(again.search({ q: "Đà Nẵng" }).total).toBe(2);
    expect(again.add(docs)).toEqual({ added: 0, skipped: 5 });
    again.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("refuses a database from a newer Dossier", () => {
    const path = join(dir, "newer.db");
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/newer/);
  });
});
