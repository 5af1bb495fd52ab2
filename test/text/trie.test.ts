import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSnapshot, encodeSnapshot, type SnapshotArray } from "../../src/io/snapshot.js";
import { CHAR } from "../../src/text/fold.js";
import {
  breadthFirst,
  buildTrie,
  mayStart,
  newCandidates,
  packTrie,
  reordered,
  unpackTrie,
  walk,
} from "../../src/text/trie.js";

const keys = [
  "ha noi",
  "hanoi",
  "hue",
  "ha",
  "sai gon",
  "saigon",
  "quan 1",
  "abc1",
  "bien hoa",
  "da nang",
];
const trie = buildTrie(keys.map((key) => ({ key })));

describe("mayStart", () => {
  it("never turns away a word start where the walk finds a name", () => {
    const piece = fc.constantFrom(
      ..."Ha Noi|HaNoi|hanoi|Hue|hue.|Huế|Sài Gòn|Saigon|said|this|biết|Quận 1|abc1|abcd|Biên Hòa|Đà  Nẵng|ha-noi|H|h|a|1|.|, |\u0301| ".split(
        "|",
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        const found = newCandidates();
        for (let i = 0; i < text.length; i++) {
          const k = (CHAR[text.charCodeAt(i)] as number) & 127;
          if (k < 97) continue;
          walk(trie, text, i, found);
          if (found.count > 0) expect(mayStart(trie, CHAR, text, i, k - 96)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("turns away words no key can begin with", () => {
    const text = "said this";
    expect(mayStart(trie, CHAR, text, 0, 19)).toBe(false);
    expect(mayStart(trie, CHAR, "Saigon", 0, 19)).toBe(true);
  });
});

describe("trie links", () => {
  const ends = (t: ReturnType<typeof buildTrie<{ key: string }>>, text: string) => {
    const found = newCandidates();
    walk(t, text, 0, found);
    return [...found.ends.subarray(0, found.count)];
  };

  it("take two bytes while the node numbers fit, and survive a snapshot", () => {
    expect(trie.next).toBeInstanceOf(Uint16Array);
    const arrays: Record<string, SnapshotArray> = {};
    const groups = packTrie(trie, "t", arrays);
    const back = decodeSnapshot(encodeSnapshot("k", { json: null, arrays }), "k");
    const restored = unpackTrie(groups, "t", back?.arrays ?? {});
    expect(restored.next).toBeInstanceOf(Uint16Array);
    expect(ends(restored, "Ha Noi is")).toEqual(ends(trie, "Ha Noi is"));
    expect(ends(restored, "Ha Noi is")).toEqual([2, 6]);
  });

  it("take four bytes past 65,535 nodes, and walk all the same", () => {
    // 12,000 keys of ten pseudo-random letters: about 85,000 nodes.
    const letters = "abcdefghijklmnopqrstuvwxyz";
    let seed = 42;
    const letter = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return letters[(seed >>> 16) % 26];
    };
    const many = Array.from({ length: 12000 }, () => ({
      key: Array.from({ length: 10 }, letter).join(""),
    }));
    const big = buildTrie([...many, { key: "ha noi" }]);
    expect(big.next).toBeInstanceOf(Int32Array);
    expect(big.term.length).toBeGreaterThan(0xffff);
    expect(ends(big, "Ha Noi is")).toEqual([6]);
    const sample = many[11999]?.key ?? "";
    expect(ends(big, `${sample} x`)).toEqual([10]);
  });
});

describe("breadthFirst", () => {
  it("numbers the root's children first, keeps every path, and carries per-node values over", () => {
    // Alphabet of 3 symbols; nodes numbered depth first: 0 -a-> 1 -b-> 2 -c-> 3, 0 -b-> 4.
    const next = new Int32Array(5 * 3);
    next[0 * 3 + 0] = 1;
    next[1 * 3 + 1] = 2;
    next[2 * 3 + 2] = 3;
    next[0 * 3 + 1] = 4;
    const values = Int32Array.of(10, 11, 12, 13, 14);
    const { next: links, order } = breadthFirst(next, 5, 3);
    expect(links).toBeInstanceOf(Uint16Array);
    expect([...order]).toEqual([0, 1, 4, 2, 3]);
    expect([...reordered(values, order)]).toEqual([10, 11, 14, 12, 13]);
    const path = (...syms: number[]) =>
      syms.reduce((node, s) => (node < 0 ? -1 : (links[node * 3 + s] as number) || -1), 0);
    expect(path(0, 1, 2)).toBe(4);
    expect(path(1)).toBe(2);
    expect(path(2)).toBe(-1);
  });
});
