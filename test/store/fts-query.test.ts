import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFtsQuery } from "../../src/store/fts-query.js";
import { otherSpellings } from "../../src/store/known-names.js";
import { makeSnippet } from "../../src/store/snippet.js";

describe("parseFtsQuery", () => {
  it("folds words and phrases, keeps operators and prefixes", () => {
    expect(parseFtsQuery("Đà Nẵng").match).toBe('"da" "nang"');
    expect(parseFtsQuery('"Hà Nội" OR Huế').match).toBe('"ha noi" OR "hue"');
    expect(parseFtsQuery("Bà-Rịa NOT vũng*").match).toBe('"ba ria" NOT "vung"*');
    expect(parseFtsQuery("energy and trade").match).toBe('"energy" "and" "trade"');
  });

  it("searches known names as phrases: plain-word runs only, longest name first", () => {
    const names = new Set(["da nang", "ho chi minh", "ho chi minh city"]);
    const phrase = (words: string[]) => {
      for (let n = words.length; n >= 2; n--) if (names.has(words.slice(0, n).join(" "))) return n;
      return 0;
    };
    expect(parseFtsQuery("visit Đà Nẵng hotels", phrase).match).toBe('"visit" "da nang" "hotels"');
    expect(parseFtsQuery("ho chi minh city port", phrase).match).toBe('"ho chi minh city" "port"');
    // Operators, prefixes and quotes are the user's own: left as written.
    expect(parseFtsQuery("da AND nang", phrase).match).toBe('"da" AND "nang"');
    expect(parseFtsQuery("da nang*", phrase).match).toBe('"da" "nang"*');
    expect(parseFtsQuery("da nang", phrase).terms).toEqual([
      { words: ["da", "nang"], prefix: false },
    ]);
    expect(parseFtsQuery("da nang").match).toBe('"da" "nang"');
  });

  it("drops dangling operators and keeps the second of two in a row", () => {
    expect(parseFtsQuery("AND energy OR").match).toBe('"energy"');
    expect(parseFtsQuery("ASEAN AND NOT Japan").match).toBe('"asean" NOT "japan"');
    expect(parseFtsQuery("NOT OR").match).toBeNull();
    expect(parseFtsQuery('() "" * :').match).toBeNull();
  });

  it("lists the terms that must appear, not the negated ones", () => {
    expect(parseFtsQuery('"Đà Nẵng" NOT Huế').terms).toEqual([
      { words: ["da", "nang"], prefix: false, exact: [expect.any(String), expect.any(String)] },
    ]);
    expect(parseFtsQuery('a "b c"').fallback).toBe('"a" "b" "c"');
  });

  it("renders only quoted folded words and bare operators", () => {
    const term = '"[\\p{L}\\p{N}]+( [\\p{L}\\p{N}]+)*"\\*?';
    const expression = new RegExp(`^${term}( (AND |OR |NOT )?${term})*$`, "u");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (q) => {
        const { match } = parseFtsQuery(q);
        if (match !== null) expect(match).toMatch(expression);
      }),
    );
  });
});

describe("makeSnippet", () => {
  it("marks matches in the original text", () => {
    const terms = parseFtsQuery("da nang").terms;
    expect(makeSnippet("Ministers met in Đà Nẵng today.", terms)).toBe(
      "Ministers met in «Đà Nẵng» today.",
    );
  });

  it("cuts about 200 characters around the first match, at word boundaries", () => {
    const text = `${"lorem ipsum ".repeat(50)}the Đà-Nẵng meeting ${"dolor sit ".repeat(50)}`;
    const snippet = makeSnippet(text, parseFtsQuery('"Đà Nẵng"').terms);
    expect(snippet).toMatch(/^…lorem .*«Đà-Nẵng» meeting .* (dolor|sit)…$/);
    expect(snippet.length).toBeLessThan(240);
  });

  it("starts at the beginning without a match", () => {
    expect(makeSnippet("Short text.", [])).toBe("Short text.");
  });

  it("skips the title line without a match, but not a match inside it", () => {
    const text = "Floods in Hue\n\nRain fell for three days.";
    expect(makeSnippet(text, [], 200, "Floods in Hue".length)).toBe("Rain fell for three days.");
    const { terms } = parseFtsQuery("hue");
    expect(makeSnippet(text, terms, 200, "Floods in Hue".length)).toMatch(/^Floods in «Hue»/);
  });
});

describe("parseFtsQuery: word forms and diacritics", () => {
  it("looks for a plain English word's stem too, never a Vietnamese syllable's", () => {
    expect(parseFtsQuery("floods", { stems: true }).match).toBe('"flood"');
    expect(parseFtsQuery("investing exports", { stems: true }).match).toBe('"invest" "export"');
    // Already a stem, a Vietnamese syllable, a phrase, a prefix or a word with marks: as typed.
    for (const q of ["flood", "quy", '"rice exports"', "export*", "bảo"])
      expect(parseFtsQuery(q, { stems: true }).match).toBe(parseFtsQuery(q).match);
    expect(parseFtsQuery("floods").match).toBe('"floods"');
  });

  it("asks for the words typed with diacritics as typed, not for those typed without", () => {
    expect(parseFtsQuery('"Biển Đông"').exact).toMatch(/^marks : "bien0\w+ dong0\w+"$/u);
    expect(parseFtsQuery("Biển Đông").exact).toMatch(
      /^marks : "bien0\w+" AND marks : "dong0\w+"$/u,
    );
    expect(parseFtsQuery("Biển Đông").exact).not.toBe(parseFtsQuery("biến động").exact);
    // Case and where the tone mark sits do not count.
    expect(parseFtsQuery("Thanh Hoá").exact).toBe(parseFtsQuery("thanh hóa").exact);
    expect(parseFtsQuery("bien dong").exact).toBeNull();
    // Only the marked words of a term: "Vịnh Hạ Long" asks for "vịnh hạ".
    expect(parseFtsQuery('"Vịnh Hạ Long"').exact).toMatch(/^marks : "vinh0\w+ ha0\w+"$/u);
    // OR reads as either: no word is required as typed.
    expect(parseFtsQuery("bảo OR bão").exact).toBeNull();
  });

  it("marks only the exact forms in a snippet when asked", () => {
    const { terms } = parseFtsQuery("Biển Đông");
    const text = "Những biến động của thị trường; tình hình Biển Đông.";
    expect(makeSnippet(text, terms, 200, 0, true)).toBe(
      "Những biến động của thị trường; tình hình «Biển Đông».",
    );
    expect(makeSnippet(text, terms)).toMatch(/^Những «biến động»/u);
  });
});

describe("parseFtsQuery: what FTS5 is given", () => {
  it("is always an expression FTS5 accepts, word forms and spellings included", () => {
    const db = new Database(":memory:");
    db.exec("CREATE VIRTUAL TABLE t USING fts5 (title, body, stems, marks)");
    db.prepare("INSERT INTO t VALUES ('storm', 'exports of rice', 'export', 'bao0x')").run();
    const search = db.prepare("SELECT count(*) FROM t WHERE t MATCH ?").pluck();
    const words = fc.constantFrom(
      "storms",
      "exports",
      "durian",
      "Hanoi",
      "ha",
      "noi",
      "Biển",
      "Đông",
      "AND",
      "OR",
      "NOT",
      "(",
      ")",
      '"',
      "*",
      "rice",
      "bảo",
      "investing",
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (parts) => {
        const fts = parseFtsQuery(parts.join(" "), { stems: true, spellings: otherSpellings });
        if (fts.match !== null) expect(() => search.get(fts.match)).not.toThrow();
        if (fts.match !== null && fts.exact !== null)
          expect(() => search.get(`(${fts.match}) AND ${fts.exact}`)).not.toThrow();
      }),
    );
    expect(search.get(parseFtsQuery("rice exports", { stems: true }).match)).toBe(1);
    db.close();
  });
});
