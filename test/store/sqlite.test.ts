import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { analyze, ingest } from "../../src/index.js";
import { MIGRATIONS } from "../../src/store/schema.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { SearchQuery } from "../../src/store/types.js";
import { foldKey } from "../../src/text/fold.js";
import { storeContract } from "./contract.js";
import { sampleDocuments } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-store-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract(
  "SQLite",
  async () => openSqliteStore(join(dir, `store-${++n}.db`)),
  async (store) => openSqliteStore(store.location),
);

describe("known names in a query", () => {
  it('"da nang" is the city, not "đã" and "năng" anywhere in a Vietnamese text', async () => {
    const store = openSqliteStore(":memory:");
    const doc = (text: string, source: string) => {
      const document = ingest(text, { source });
      return { document, analysis: analyze(document) };
    };
    await store.add([
      doc("Mưa lớn ở Đà Nẵng\n\nMưa lớn kéo dài ở Đà Nẵng từ sáng nay.\n", "city.txt"),
      doc("Năng suất lúa\n\nNông dân đã đạt năng suất cao trong vụ này.\n", "rice.txt"),
    ]);
    const sources = async (q: string) => (await store.search({ q })).results.map((r) => r.source);
    expect(await sources("da nang")).toEqual(["city.txt"]);
    expect(await sources("Đà Nẵng")).toEqual(["city.txt"]);
    // Listed without a query, a snippet starts past the title the result shows already.
    for (const hit of (await store.search({})).results)
      expect(hit.snippet.startsWith(hit.title ?? "\u0000")).toBe(false);
    // The result says how it read the query, for marking the matches elsewhere.
    // (A name is looked for however spaced: "danang" too.)
    expect((await store.search({ q: "da nang mưa" })).query).toBe(
      '("da nang" OR "danang") AND "mua"',
    );
    // Written apart on purpose, the words are searched apart.
    expect((await sources("da AND nang")).sort()).toEqual(["city.txt", "rice.txt"]);
    await store.close();
  });
});

describe("SQLite store file", () => {
  it("keeps its data when reopened, migrations run once", async () => {
    const path = join(dir, "reopen.db");
    const docs = sampleDocuments();
    const first = openSqliteStore(path);
    await first.add(docs);
    await first.close();
    const again = openSqliteStore(path);
    expect((await again.stats()).documents).toBe(5);
    expect((await again.search({ q: "Đà Nẵng" })).total).toBe(2);
    expect(await again.add(docs)).toEqual({ added: 0, skipped: 5 });
    await again.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    raw.close();
  });

  it("marks runs left running by a process that no longer exists interrupted", async () => {
    const path = join(dir, "runs.db");
    openSqliteStore(path).close();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid as number;
    const raw = new Database(path);
    const insert = raw.prepare(
      "INSERT INTO runs (id, started, finished, added, skipped, status, pid) VALUES (?, ?, ?, 0, 0, 'running', ?)",
    );
    insert.run("killed", "2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", gone);
    insert.run("live", "2025-01-01T00:00:02Z", "2025-01-01T00:00:03Z", process.ppid);
    raw.close();
    const store = openSqliteStore(path);
    try {
      expect((await store.runs()).map((r) => r.status)).toEqual(["running", "running"]);
      await store.startRun("next");
      expect((await store.runs()).map((r) => [r.id, r.status])).toEqual([
        ["killed", "interrupted"],
        ["live", "running"],
        ["next", "running"],
      ]);
    } finally {
      await store.close();
    }
  });

  it("counts runs recorded before run statuses existed as done", async () => {
    const path = join(dir, "v1.db");
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma("user_version = 1");
    raw.prepare("INSERT INTO runs VALUES ('old', '2025-01-01', '2025-01-01', 3, 0)").run();
    raw.close();
    const store = openSqliteStore(path);
    try {
      expect(await store.runs()).toEqual([
        {
          id: "old",
          started: "2025-01-01",
          finished: "2025-01-01",
          status: "done",
          added: 3,
          skipped: 0,
        },
      ]);
    } finally {
      await store.close();
    }
  });

  it("migrates a version 1 database: search, facets and documents as in a new one", async () => {
    const docs = sampleDocuments();
    const path = join(dir, "v1-full.db");
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma("user_version = 1");
    // What version 1 wrote for each document.
    for (const { document: d, analysis: a } of docs) {
      raw
        .prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(d.id, d.source, d.title, d.published, d.language, d.publisher, JSON.stringify(d));
      raw.prepare("INSERT INTO analyses VALUES (?, ?)").run(d.id, JSON.stringify(a));
      for (const m of a.places) {
        raw
          .prepare("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .run(
            d.id,
            m.start,
            m.end,
            m.place.id,
            m.province.code,
            m.province.name,
            m.province2025.code,
            m.province2025.name,
          );
      }
      const entities = new Map<string, { type: string; name: string; count: number }>();
      for (const e of a.entities) {
        const seen = entities.get(e.id);
        if (seen) seen.count++;
        else entities.set(e.id, { type: e.type, name: e.name, count: 1 });
      }
      for (const [id, e] of entities) {
        raw
          .prepare("INSERT INTO entities VALUES (?, ?, ?, ?, ?)")
          .run(d.id, id, e.type, e.name, e.count);
      }
      const domains = new Map<string, string>();
      for (const t of a.topics) for (const h of t.domains) domains.set(h.domain, h.label);
      for (const [domain, label] of domains) {
        raw.prepare("INSERT INTO topics VALUES (?, ?, ?)").run(d.id, domain, label);
      }
      a.provisions.forEach((p, i) => {
        raw
          .prepare("INSERT INTO provisions VALUES (?, ?, ?, ?, ?)")
          .run(d.id, i, p.stance, p.actor.kind, p.text);
      });
      raw
        .prepare("INSERT INTO documents_fts (document_id, title, body) VALUES (?, ?, ?)")
        .run(d.id, foldKey(d.title ?? ""), foldKey(d.text));
    }
    raw.prepare("INSERT INTO runs VALUES ('v1', '2025-01-01', '2025-01-01', 5, 0)").run();
    raw.close();
    const migrated = openSqliteStore(path);
    const fresh = openSqliteStore(join(dir, "v2-fresh.db"));
    await fresh.add(docs, "v1");
    try {
      const queries: SearchQuery[] = [
        {},
        { q: "Đà Nẵng" },
        { q: "energy OR năng" },
        { province: "Quảng Nam" },
        { province2025: "48", language: "en" },
        { entity: "org:asean" },
        { domain: "energy", to: "2025-05-08" },
      ];
      for (const query of queries)
        expect(await migrated.search(query)).toEqual(await fresh.search(query));
      for (const level of ["old", "new"] as const) {
        expect(await migrated.provinceCounts(level)).toEqual(await fresh.provinceCounts(level));
      }
      expect(await migrated.stats()).toEqual(await fresh.stats());
      for (const d of docs) expect(await migrated.get(d.document.id)).toEqual(d);
      expect(await migrated.add(docs)).toEqual({ added: 0, skipped: 5 });
    } finally {
      await migrated.close();
      await fresh.close();
    }
  });

  it("refuses a database from a newer Dossier", async () => {
    const path = join(dir, "newer.db");
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/newer/);
  });
});

describe("a library from before issue 12 (schema version 3)", () => {
  it("is upgraded on opening: captions, word forms, diacritics and publishers searchable", async () => {
    const path = join(dir, "v3.db");
    const raw = new Database(path);
    for (const m of MIGRATIONS.slice(0, 3)) {
      if (typeof m === "string") raw.exec(m);
      else m(raw);
    }
    raw.pragma("user_version = 3");
    const text =
      "Leaders meet\n\nVGP – The leaders discussed flooding and the Biển Đông on Friday.\n\nẢnh 1\n\nPresident Vladimir Putin welcomes the delegation - Photo: VNA\n\nBoth sides agreed to expand trade.";
    const document = ingest(text, { source: "old.txt" });
    const analysis = analyze(document);
    expect(document.publisher).toBe("VGP");
    // Stored as version 3 stored it: title and body folded, no captions, no publisher facet.
    raw
      .prepare(
        "INSERT INTO documents (id, source, title, published, language, publisher, json) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .run(
        document.id,
        document.source,
        document.title,
        null,
        "en",
        "VGP",
        JSON.stringify(document),
      );
    raw
      .prepare("INSERT INTO analyses (document_id, json) VALUES (?, ?)")
      .run(document.id, JSON.stringify(analysis));
    const fts = raw
      .prepare("INSERT INTO documents_fts (document_id, title, body) VALUES (?, ?, ?)")
      .run(document.id, foldKey(document.title ?? ""), foldKey(document.text));
    raw
      .prepare(
        "INSERT INTO document_facets (fts_rowid, document_id, source, language, published, facets) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        fts.lastInsertRowid,
        document.id,
        "old.txt",
        "en",
        null,
        JSON.stringify({ province: [], province2025: [], entity: [], domain: [] }),
      );
    raw.close();

    const store = openSqliteStore(path);
    try {
      expect((await store.search({ q: "Putin" })).total).toBe(1);
      expect((await store.search({ q: "floods" })).total).toBe(1);
      expect((await store.search({ q: "Biển Đông" })).reading?.diacritics).toBe("exact");
      const all = await store.search({});
      expect(all.facets.publisher).toEqual([{ value: "VGP", label: "VGP", count: 1 }]);
      expect(all.facets.entity.map((f) => f.value)).toContain("person:vladimir-putin");
    } finally {
      await store.close();
    }
    const after = new Database(path, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    after.close();
  });
});
