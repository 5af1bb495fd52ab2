/**
 * Queries in any script search for what was typed: Han, Cyrillic, fullwidth Latin, Thai; a
 * query with nothing to search for (emoji, symbols) finds nothing and says why. Never the whole
 * corpus for a query that was not empty.
 */

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze, ingest } from "../../src/index.js";
import { parseFtsQuery } from "../../src/store/fts-query.js";
import { searchKey } from "../../src/store/search-key.js";
import { makeSnippet } from "../../src/store/snippet.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { foldKey } from "../../src/text/fold.js";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dossier-scripts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = (text: string, source: string) => {
  const document = ingest(text, { source });
  return { document, analysis: analyze(document) };
};

const TEXTS = {
  "zh.txt": "越南总理访问河内市的一所学校。\n\n这所学校有三百名学生。",
  "ru.txt": "Делегация посетила Ханой\n\nВ Ханое прошли переговоры о торговле.",
  "en.txt": "Talks in Hanoi\n\nOfficials met in Hanoi on Monday to discuss trade.",
  "wide.txt": "Ｔｒａｄｅ ｆａｉｒ\n\nＡ ｆａｉｒ ｉｎ ＤＡ ＮＡＮＧ ｏｐｅｎｓ ｔｏｄａｙ.",
  "th.txt": "การประชุมที่ฮานอย\n\nผู้แทนพบกันที่ฮานอยเมื่อวันจันทร์",
};

let store: Store;
beforeAll(async () => {
  store = openSqliteStore(":memory:");
  await store.add(Object.entries(TEXTS).map(([source, text]) => doc(text, source)));
});
afterAll(() => store.close());

const sources = async (q: string) =>
  (await store.search({ q })).results.map((r) => r.source).sort();

describe("searchKey", () => {
  it("folds Latin as foldKey does, keeps other scripts, splits unspaced ones into characters", async () => {
    expect(searchKey("Bà Rịa – Vũng Tàu")).toBe(foldKey("Bà Rịa – Vũng Tàu"));
    expect(searchKey("Ханой")).toBe("ханои");
    expect(searchKey("Ха\u0301ной")).toBe(searchKey("Ха́ной".normalize("NFC")));
    expect(searchKey("ｈａｎｏｉ ＨＡＮＯＩ")).toBe("hanoi hanoi");
    expect(searchKey("越南河内市")).toBe("越 南 河 内 市");
    expect(searchKey("Hanoi🙂河内 ✈ 2025")).toBe("hanoi 河 内 2025");
    expect(searchKey("🙂 ✈ ★ ™")).toBe("");
    expect(searchKey("𠀀𠀁")).toBe("𠀀 𠀁");
  });

  it("is idempotent, and agrees with foldKey wherever foldKey keeps everything", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme" }), async (text) => {
        const key = searchKey(text);
        expect(searchKey(key)).toBe(key);
        expect(key).not.toMatch(/^ | $| {2}|["*()]/u);
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme-ascii" }), async (text) => {
        expect(searchKey(text)).toBe(foldKey(text));
      }),
    );
  });
});

describe("queries in other scripts", () => {
  it("河内 finds the Chinese text, and marks it in the snippet", async () => {
    const r = await store.search({ q: "河内" });
    expect(r.query).toBe('"河 内"');
    expect(r.results.map((h) => h.source)).toEqual(["zh.txt"]);
    expect(r.results[0]?.snippet).toContain("«河内»");
    expect(await sources("学校")).toEqual(["zh.txt"]);
    expect(await sources("北京")).toEqual([]);
  });

  it("ханой finds the Russian text, whatever the case", async () => {
    expect(await sources("ханой")).toEqual(["ru.txt"]);
    expect(await sources("ХАНОЙ")).toEqual(["ru.txt"]);
    expect(await sources("ханое")).toEqual(["ru.txt"]);
    expect(await sources("хан*")).toEqual(["ru.txt"]);
  });

  it("fullwidth ｈａｎｏｉ is hanoi (NFKC), and fullwidth text is found by ASCII", async () => {
    expect(await sources("ｈａｎｏｉ")).toEqual(["en.txt"]);
    expect(await sources("fair")).toEqual(["wide.txt"]);
    expect((await store.search({ q: "fair" })).results[0]?.snippet).toContain("«ｆａｉｒ»");
  });

  it("Thai, written without spaces, is found inside a longer run", async () => {
    expect(await sources("ฮานอย")).toEqual(["th.txt"]);
  });

  it("emoji or symbols alone find nothing, with a note, never everything", async () => {
    for (const q of ["🙂", "🙂🙂 ✈", "★", "—", "NOT", "* ( )"]) {
      const r = await store.search({ q });
      expect(r.total, q).toBe(0);
      expect(r.results).toEqual([]);
      expect(r.query).toBeNull();
      expect(r.note).toMatch(/nothing to search for .*letters or digits/);
      expect(await store.provinceCounts("old", { q })).toEqual([]);
    }
    // Beside a word, an emoji is no obstacle.
    expect(await sources("🙂 ханой")).toEqual(["ru.txt"]);
    // No query at all still lists everything.
    expect((await store.search({})).total).toBe(Object.keys(TEXTS).length);
    expect((await store.search({ q: "   " })).total).toBe(Object.keys(TEXTS).length);
  });

  it("property: a non-blank query never returns the whole corpus unless every text matches it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), async (q) => {
        fc.pre(q.trim() !== "");
        const { match, note } = parseFtsQuery(q);
        expect(match !== null || note !== undefined).toBe(true);
        const r = await store.search({ q });
        if (r.total === Object.keys(TEXTS).length) expect(match).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("property: a word of any script in a stored text is found by searching for it", async () => {
    const local = openSqliteStore(":memory:");
    // Letters of the scripts in use (SQLite's tokenizer knows Unicode 6.1's letters, not later
    // ones), composed or with combining marks after them.
    const RANGES = [
      [0xc0, 0x24f], // Latin with diacritics
      [0x370, 0x3ff], // Greek
      [0x400, 0x4ff], // Cyrillic
      [0x5d0, 0x5ea], // Hebrew
      [0x620, 0x64a], // Arabic
      [0x900, 0x97f], // Devanagari
      [0xe01, 0xe5b], // Thai
      [0x3041, 0x30fa], // kana
      [0x4e00, 0x9fff], // Han
      [0xac00, 0xd7a3], // Hangul
      [0xff10, 0xff5a], // fullwidth
      [0x300, 0x36f], // combining marks
    ] as const;
    const char = fc
      .constantFrom(...RANGES)
      .chain(([from, to]) => fc.integer({ min: from, max: to }))
      .map((cp) => String.fromCodePoint(cp));
    const word = fc
      .array(char, { minLength: 1, maxLength: 6 })
      .map((chars) => chars.join(""))
      .filter((w) => /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*$/u.test(w) && searchKey(w) !== "");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(word, async (w) => {
        const source = `w${++n}.txt`;
        await local.add([doc(`Report ${n}\n\nThe word ${w} appears here.`, source)]);
        const found = (await local.search({ q: `"${w}"`, limit: 100 })).results.map(
          (r) => r.source,
        );
        expect(found, w).toContain(source);
        const snippet = makeSnippet(`The word ${w} appears here.`, parseFtsQuery(`"${w}"`).terms);
        expect(snippet, w).toContain("«");
      }),
      { numRuns: 60 },
    );
    local.close();
  });
});

describe("dossier search in other scripts", () => {
  it("河内, ханой and ｈａｎｏｉ search for what was typed; 🙂 finds nothing and says so", async () => {
    const folder = join(dir, "texts");
    mkdirSync(folder);
    for (const [name, text] of Object.entries(TEXTS)) writeFileSync(join(folder, name), text);
    const db = join(dir, "cli.db");
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args, "--db", db], {
        encoding: "utf8",
        timeout: 60_000,
      });
    expect(cli("ingest", folder).status).toBe(0);
    const search = (q: string) => {
      const r = cli("search", q, "--format", "json");
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      return { ...json, sources: json.results.map((h: { source: string }) => basename(h.source)) };
    };
    expect(search("河内")).toMatchObject({ total: 1, query: '"河 内"', sources: ["zh.txt"] });
    expect(search("ханой")).toMatchObject({ total: 1, sources: ["ru.txt"] });
    // The city's name however spaced: "hanoi" or "ha noi".
    expect(search("ｈａｎｏｉ")).toMatchObject({
      total: 1,
      query: '("hanoi" OR "ha noi")',
      sources: ["en.txt"],
    });
    expect(search("🙂")).toMatchObject({
      total: 0,
      query: null,
      note: expect.stringMatching(/nothing to search for/),
    });
    const text = cli("search", "🙂");
    expect(text.stdout).toMatch(/^0 documents\n\(nothing to search for in "🙂"/);
  });
});

describe("a database indexed before every script was kept", () => {
  it("is indexed again on opening: its Cyrillic and Han words become searchable", async () => {
    const path = join(dir, "old.db");
    const first = openSqliteStore(path);
    await first.add([doc(TEXTS["ru.txt"], "ru.txt"), doc(TEXTS["en.txt"], "en.txt")]);
    await first.close();
    // As version 2 left it: the body folded by foldKey, which drops what is not Latin.
    const raw = new Database(path);
    const rows = raw.prepare("SELECT rowid, title, body FROM documents_fts").all() as {
      rowid: number;
      title: string;
      body: string;
    }[];
    for (const { rowid, title, body } of rows)
      raw
        .prepare("UPDATE documents_fts SET title = ?, body = ? WHERE rowid = ?")
        .run(foldKey(title), foldKey(body), rowid);
    raw.pragma("user_version = 2");
    raw.close();
    const stale = new Database(path);
    expect(
      stale
        .prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'ханой'")
        .pluck()
        .get(),
    ).toBe(0);
    stale.close();
    const store = openSqliteStore(path);
    expect((await store.search({ q: "ханой" })).results.map((r) => r.source)).toEqual(["ru.txt"]);
    expect((await store.search({ q: "hanoi" })).results.map((r) => r.source)).toEqual(["en.txt"]);
    await store.close();
  });
});
