import { describe, expect, it } from "vitest";
import { parseTermLexicon } from "../../src/compare/terms.js";
import { checkProvisionLexicon, STANCES } from "../../src/extract/provisions/index.js";
import { DEFAULT_DATA_DIR, readDataFile } from "../../src/gazetteer/load.js";

const read = (f: string) => readDataFile(DEFAULT_DATA_DIR, f);

describe("the provision and comparison lexicons", () => {
  it("the bundled files validate and name every stance", () => {
    const { problems, lexicon } = checkProvisionLexicon({
      stances: read("lexicon/stances.tsv"),
      actors: read("lexicon/actors.tsv"),
      titles: read("lexicon/office-titles.txt"),
    });
    expect(problems).toEqual([]);
    const named = new Set(lexicon.verbs.firstWords().map((w) => w.key));
    expect(named.size).toBeGreaterThan(100);
    const stances = new Set(
      read("lexicon/stances.tsv")
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => l.split("\t")[0]),
    );
    expect([...stances].sort()).toEqual([...STANCES].sort());
    const terms = parseTermLexicon({
      concepts: read("lexicon/concepts.tsv"),
      stop: read("lexicon/function-words.txt"),
    });
    expect(terms.problems).toEqual([]);
    expect(terms.lexicon.stop.has("the")).toBe(true);
  });

  it("names the row of each problem: an unknown stance, form or role, a row without phrases", () => {
    const { problems } = checkProvisionLexicon({
      stances: "agree\tverb\tagreed\nbless\tverb\tblessed\nagree\tchant\tagreed\ncommit\tverb\t\n",
      actors: "joint\tboth sides\nsaints\tthe saints\n",
      titles: "President\n",
    });
    expect(problems).toEqual([
      'stances.tsv:2: unknown stance "bless"',
      'stances.tsv:3: unknown form "chant"',
      "stances.tsv:4: no phrases",
      'actors.tsv:2: unknown role "saints"',
    ]);
    const terms = parseTermLexicon({ concepts: "Bad Id\tx|y\nfine\t\n", stop: "the\n" });
    expect(terms.problems).toEqual([
      'concepts.tsv:1: bad concept id "Bad Id"',
      "concepts.tsv:2: no phrases",
    ]);
  });

  it("expands slots and gaps: {poss}, {be} and …", () => {
    const { lexicon } = checkProvisionLexicon({
      stances:
        "commit\tverb\texpressed {poss} determination|{be} committed\ninvite\tverb\textended … invitation\n",
      actors: "",
      titles: "",
    });
    const words = lexicon.verbs.allWords().map((w) => w.key);
    for (const w of [
      "their",
      "its",
      "our",
      "is",
      "are",
      "were",
      "remained",
      "committed",
      "extended",
      "invitation",
    ])
      expect(words).toContain(w);
  });
});

describe("the kind lexicon", () => {
  it("validates, and names a bad role's row", async () => {
    const { parseKindLexicon } = await import("../../src/extract/provisions/kind.js");
    expect(parseKindLexicon(read("lexicon/kinds.tsv")).problems).toEqual([]);
    expect(parseKindLexicon("statement-title\tjoint statement\ngossip\tsays\n").problems).toEqual([
      'kinds.tsv:2: unknown role "gossip"',
    ]);
    const { lexicon } = parseKindLexicon(
      "statement-title\tjoint statement|tuyên bố chung\nreporting\tsaid\n",
    );
    expect(lexicon.statementTitle("Joint   Statement on …")).toBe("Joint   Statement");
    expect(lexicon.statementTitle("Tuyên bố chung Việt Nam – Nhật Bản")).toBe("Tuyên bố chung");
    // Whole words only, and the first whole one when a glued one comes before it.
    expect(lexicon.statementTitle("a joint statementary note")).toBeNull();
    expect(lexicon.statementTitle("xjoint statement, then joint statement")).toBe(
      "joint statement",
    );
    expect("He said so; officials said more.".match(lexicon.reporting)).toHaveLength(2);
    expect("unsaid".match(lexicon.reporting)).toBeNull();
  });
});
