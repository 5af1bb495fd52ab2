import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  documentId,
  documentIdOfNormalised,
  normaliseForIdentity,
} from "../../src/ingest/identity.js";
import { chooseBands, DuplicateIndex } from "../../src/ingest/near-duplicates.js";
import { foldKey } from "../../src/text/fold.js";

// Invented news paragraphs: the same landslide told by two imagined outlets.
const LANDSLIDE = [
  "QUẢNG NGÃI — Traffic resumed on Tuesday along the coastal road linking Sa Huỳnh and Đức Phổ,",
  "four days after a landslide buried a 300-metre stretch under mud and rock, the provincial",
  "Department of Transport said.",
  "",
  "Crews worked through the night with twelve excavators to clear an estimated 18,000 cubic",
  "metres of earth. Engineers have reinforced the slope with steel mesh and temporary drainage",
  "channels, and a single lane will stay open to light vehicles while the embankment is monitored.",
  "",
  "The slide followed three days of heavy rain brought by a tropical depression, during which some",
  "stations in the mountainous west of the province recorded more than 400 millimetres. Local",
  "authorities evacuated 42 households from the hillside hamlet of Thạch Bi as a precaution.",
  "",
  "Nguyễn Văn Phúc, deputy director of the department, said the road carried about 6,000 vehicles",
  "a day in the dry season and was the main route for fishermen taking their catch to the market",
  "in Đức Phổ town. Heavy trucks have been diverted to National Highway 1 until further notice.",
  "",
  "The province plans to spend 35 billion đồng on a permanent retaining wall, with construction",
  "expected to start after the rainy season ends in December. Forecasters warned that another",
  "band of rain could reach the central coast by the weekend, and residents living near steep",
  "slopes were urged to follow evacuation orders without delay.",
].join("\n");

// The same article scraped again: site chrome around it, one sentence updated.
const RESCRAPED = [
  "Home | News | Society | Business | Sport",
  "Subscribe   Log in",
  "",
  LANDSLIDE.replace("evacuated 42 households", "evacuated 47 households").replace(
    "on Tuesday",
    "on Tuesday morning",
  ),
  "",
  "Comment (0)",
  "Share   Print",
].join("\n");

// A different article on the same event: same facts, its own words.
const OTHER_OUTLET = [
  "A landslide that cut the coastal route between Sa Huỳnh and Đức Phổ in Quảng Ngãi province has",
  "been cleared, and motorbikes and cars were allowed back on the road on Tuesday. Officials said",
  "rock and soil had covered roughly 300 metres of the route after torrential rain last week.",
  "",
  "Residents of Thạch Bi hamlet, who were moved to a school building during the storm, returned",
  "home on Monday. Many said they feared the hillside would collapse again in the next downpour.",
  "The provincial government has promised a retaining wall but has not yet announced a start date,",
  "while trucks must continue to use National Highway 1 for the time being.",
].join("\n");

/** The true Jaccard similarity of 5-word shingle sets, to check the MinHash estimate against. */
function jaccard(a: string, b: string): number {
  const shingles = (text: string) => {
    const words = normaliseForIdentity(text).split(" ");
    const set = new Set<string>();
    for (let i = 0; i + 5 <= words.length; i++) set.add(words.slice(i, i + 5).join(" "));
    return set;
  };
  const sa = shingles(a);
  const sb = shingles(b);
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

/** The article with its last paragraph swapped for another outlet's first: a pair near 0.6. */
const PARTLY_REWRITTEN = [
  ...LANDSLIDE.split("\n\n").slice(0, 4),
  ...OTHER_OUTLET.split("\n\n").slice(0, 1),
].join("\n\n");

describe("documentId", () => {
  it("is stable under whitespace, case and NFC/NFD changes", () => {
    const id = documentId(LANDSLIDE);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(documentId(LANDSLIDE.replace(/\s+/g, "  \t"))).toBe(id);
    expect(documentId(`\n  ${LANDSLIDE.toUpperCase()}  \n`)).toBe(id);
    expect(documentId(LANDSLIDE.normalize("NFD"))).toBe(id);
  });

  it("differs for different texts, including non-Latin ones", () => {
    expect(documentId(LANDSLIDE)).not.toBe(documentId(OTHER_OUTLET));
    expect(documentId(LANDSLIDE)).not.toBe(documentId(RESCRAPED));
    expect(documentId("Москва сегодня")).not.toBe(documentId("Киев сегодня"));
    expect(documentId("河内今天下雨")).not.toBe(documentId("胡志明市今天晴天"));
    expect(documentId("Москва")).toBe(documentId("МОСКВА"));
  });

  it("agrees with foldKey on Latin and Vietnamese text", () => {
    const letters = fc.constantFrom(..."aAđĐếẾưƯơ ̀ 9-.,\n\t".split(""));
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(normaliseForIdentity(text)).toBe(foldKey(text.normalize("NFC")));
      }),
    );
  });

  it("is stable for arbitrary word lists however they are spaced and cased", () => {
    const word = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 });
    const space = fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0", " \n ");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { maxLength: 20 }), (pairs) => {
        const single = pairs.map(([w]) => w).join(" ");
        const spaced = pairs.map(([w, s]) => w + s).join("");
        expect(documentId(spaced)).toBe(documentId(single));
        expect(documentId(single.normalize("NFD"))).toBe(documentId(single.normalize("NFC")));
      }),
    );
  });
});

describe("DuplicateIndex", () => {
  it("picks bands from the threshold", () => {
    expect(chooseBands(128, 0.8)).toEqual({ bands: 32, rows: 4 });
    expect(chooseBands(128, 0.5)).toEqual({ bands: 64, rows: 2 });
    expect(chooseBands(128, 0.9)).toEqual({ bands: 16, rows: 8 });
    expect(chooseBands(128, 1)).toEqual({ bands: 1, rows: 128 });
  });

  it("finds a re-scraped article and not another article on the same topic", () => {
    expect(jaccard(LANDSLIDE, RESCRAPED)).toBeGreaterThan(0.85);
    expect(DuplicateIndex.similarity(LANDSLIDE, RESCRAPED)).toBeGreaterThanOrEqual(0.8);
    expect(DuplicateIndex.similarity(LANDSLIDE, OTHER_OUTLET)).toBeLessThan(0.1);
    const index = new DuplicateIndex();
    expect(index.add("a", LANDSLIDE)).toBeNull();
    expect(index.add("other", OTHER_OUTLET)).toBeNull();
    expect(index.add("b", RESCRAPED)).toMatchObject({ id: "a", exact: false });
    expect(index.size).toBe(3);
  });

  it("reports an exact copy as exact, ahead of near-duplicates", () => {
    const index = new DuplicateIndex();
    index.add("a", LANDSLIDE);
    index.add("b", RESCRAPED);
    const copy = LANDSLIDE.normalize("NFD").replace(/\n/g, "\r\n");
    expect(index.add("c", copy)).toEqual({ id: "a", similarity: 1, exact: true });
    expect(index.add("d", RESCRAPED)).toEqual({ id: "b", similarity: 1, exact: true });
  });

  it("respects the threshold option", () => {
    const truth = jaccard(LANDSLIDE, PARTLY_REWRITTEN);
    expect(truth).toBeGreaterThan(0.5);
    expect(truth).toBeLessThan(0.75);
    const estimate = DuplicateIndex.similarity(LANDSLIDE, PARTLY_REWRITTEN);
    expect(Math.abs(estimate - truth)).toBeLessThan(0.1);
    for (const [threshold, found] of [
      [0.5, true],
      [0.8, false],
    ] as const) {
      const index = new DuplicateIndex({ threshold });
      index.add("a", LANDSLIDE);
      expect(index.add("b", PARTLY_REWRITTEN) !== null).toBe(found);
    }
  });

  it("treats short documents as one shingle", () => {
    expect(DuplicateIndex.similarity("Flood warning", "FLOOD  warning!")).toBe(1);
    expect(DuplicateIndex.similarity("Flood warning", "Flood watch")).toBeLessThan(0.2);
  });

  it("rejects invalid options", () => {
    expect(() => new DuplicateIndex({ threshold: 1.5 })).toThrow(RangeError);
    expect(() => new DuplicateIndex({ shingle: 0 })).toThrow(RangeError);
    expect(() => new DuplicateIndex({ permutations: 2.5 })).toThrow(RangeError);
  });

  it("similarity is 1 on itself, symmetric and in [0, 1]", () => {
    const text = fc.string({ unit: "binary", maxLength: 200 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(DuplicateIndex.similarity(a, a)).toBe(1);
        const ab = DuplicateIndex.similarity(a, b, { shingle: 2 });
        expect(DuplicateIndex.similarity(b, a, { shingle: 2 })).toBe(ab);
        expect(ab >= 0 && ab <= 1).toBe(true);
      }),
    );
  });

  it("add never throws, on any strings including empty ones", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 80 }), { maxLength: 20 }),
        (texts) => {
          const index = new DuplicateIndex({ threshold: 0.5, shingle: 2 });
          texts.forEach((t, i) => {
            const match = index.add(String(i), t);
            if (match) expect(Number(match.id)).toBeLessThan(i);
          });
          expect(index.size).toBe(texts.length);
        },
      ),
    );
  });

  it("indexes 2,000 generated documents and finds the planted copies", () => {
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    const docs = Array.from({ length: 2000 }, () =>
      Array.from({ length: 150 }, () => vocabulary[Math.floor(random() * 3000)]).join(" "),
    );
    // Every 100th document repeats an earlier one with its last five words changed.
    for (let i = 100; i < docs.length; i += 100) {
      docs[i] = `${(docs[i - 50] as string).split(" ").slice(0, 145).join(" ")} a b c d e`;
    }
    const index = new DuplicateIndex();
    const matches = docs.map((d, i) => [i, index.add(String(i), d)] as const);
    const found = matches.filter(([, m]) => m !== null);
    expect(found.map(([i, m]) => [i, Number(m?.id)])).toEqual(
      Array.from({ length: 19 }, (_, k) => [(k + 1) * 100, (k + 1) * 100 - 50]),
    );
    expect(index.size).toBe(2000);
  });
});

describe("documentId hashes the normalised text without building it", () => {
  it("equals the hash of normaliseForIdentity, on any text", () => {
    const pieces = fc.constantFrom(
      "Đà Nẵng",
      "ĐÀ NẴNG",
      " ",
      "\n\t",
      "Москва",
      "北京",
      "straße",
      "😀",
      "\ud800",
      "\udc00x",
      "e\u0301",
      ",.;",
      "a",
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), pieces)),
        (parts) => {
          const text = parts.join("");
          expect(documentId(text)).toBe(documentIdOfNormalised(normaliseForIdentity(text)));
        },
      ),
    );
  });

  it("does so across its 16 KiB buffers", () => {
    const text = "Đà Nẵng và Москва 😀 ".repeat(5000);
    expect(documentId(text)).toBe(documentIdOfNormalised(normaliseForIdentity(text)));
  });
});
