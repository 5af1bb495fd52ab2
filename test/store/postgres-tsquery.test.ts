import Database from "better-sqlite3";
import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseFtsQuery } from "../../src/store/fts-query.js";
import { indexedText } from "../../src/store/index-text.js";
import { otherSpellings } from "../../src/store/known-names.js";
import { searchVectors } from "../../src/store/postgres-search.js";
import { parseSearch } from "../../src/store/search-common.js";
import { freshDatabase } from "../pg/databases.js";

const PARSE = { stems: true, spellings: otherSpellings };

describe("the tsquery of a parsed query", () => {
  it("renders phrases, prefixes, operators, stems and spellings as FTS5's match does", () => {
    expect(parseFtsQuery("Đà Nẵng").tsquery).toBe("(('da') & ('nang'))");
    // Side by side binds tighter than NOT in FTS5: "a NOT b c" is a NOT (b AND c).
    expect(parseFtsQuery("a NOT b c OR d").tsquery).toBe("('a') & !(('b') & ('c')) | ('d')");
    expect(parseFtsQuery('"Hà Nội" OR Huế').tsquery).toBe("('ha' <-> 'noi') | ('hue')");
    expect(parseFtsQuery("Bà-Rịa NOT vũng*").tsquery).toBe("('ba' <-> 'ria') & !('vung':*)");
    expect(parseFtsQuery('"ha no"*').tsquery).toBe("('ha' <-> 'no':*)");
    expect(parseFtsQuery("floods", PARSE).tsquery).toBe("('flood')");
    expect(parseSearch("ha noi").tsquery).toBe("('ha' <-> 'noi' | 'hanoi')");
    expect(parseFtsQuery("Đà Nẵng").tsExact).toMatch(/^\('da0\w+'\) & \('nang0\w+'\)$/u);
    expect(parseFtsQuery("Đà OR Nẵng").tsExact).toBeNull();
    expect(parseFtsQuery("* ()").tsquery).toBeNull();
  });

  it("finds in PostgreSQL what the FTS5 expression finds in SQLite, for any query", async () => {
    const texts = [
      "Storm floods Hà Nội; rice exports fall.",
      "Biển Đông: ships and storms near Ha Noi and Hanoi ports.",
      "Investing in durian exports from Đà Nẵng, not rice.",
      "Bão số 3 gây mưa lớn ở Hà Nội, biến động giá lúa gạo.",
      "Exported rice and exporters: a storm of investment.",
    ];
    const sqlite = new Database(":memory:");
    sqlite.exec(
      "CREATE VIRTUAL TABLE t USING fts5 (title, body, captions, stems, marks, tokenize = 'unicode61 remove_diacritics 2')",
    );
    const client = new pg.Client({ connectionString: await freshDatabase("tsquery") });
    await client.connect();
    try {
      await client.query("CREATE TABLE t (n int, words tsvector, marks tsvector)");
      for (const [n, text] of texts.entries()) {
        const t = indexedText({ title: null, text, language: n === 3 ? "vi" : "en" });
        sqlite
          .prepare(
            "INSERT INTO t (rowid, title, body, captions, stems, marks) VALUES (?, ?, ?, ?, ?, ?)",
          )
          .run(n + 1, t.title, t.body, t.captions, t.stems, t.marks);
        const v = searchVectors(t);
        await client.query("INSERT INTO t VALUES ($1, $2::tsvector, $3::tsvector)", [
          n + 1,
          v.words,
          v.marks,
        ]);
      }
      const fts5 = sqlite.prepare("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid").pluck();
      const words = fc.constantFrom(
        ...'storms exports durian Hanoi ha noi Biển Đông AND OR NOT ( ) " * rice bảo investing export* ports Đà Nẵng da nang'.split(
          " ",
        ),
      );
      const queries = fc.sample(fc.array(words, { minLength: 1, maxLength: 6 }), 400);
      for (const parts of queries) {
        const q = parts.join(" ");
        const fts = parseSearch(q);
        if (fts.match === null || fts.tsquery === null) continue;
        let expected: number[];
        try {
          expected = fts5.all(fts.match) as number[];
        } catch {
          continue; // FTS5 refused it: the store searches the plain words instead
        }
        const { rows } = await client.query<{ n: number }>(
          "SELECT n FROM t WHERE words @@ $1::tsquery ORDER BY n",
          [fts.tsquery],
        );
        expect(
          rows.map((r) => r.n),
          q,
        ).toEqual(expected);
        if (fts.exact !== null && fts.tsExact !== null) {
          const exact = fts5.all(`(${fts.match}) AND ${fts.exact}`) as number[];
          const marked = await client.query<{ n: number }>(
            "SELECT n FROM t WHERE words @@ $1::tsquery AND marks @@ $2::tsquery ORDER BY n",
            [fts.tsquery, fts.tsExact],
          );
          expect(
            marked.rows.map((r) => r.n),
            `${q} (as typed)`,
          ).toEqual(exact);
        }
      }
    } finally {
      await client.end();
      sqlite.close();
    }
  });
});
