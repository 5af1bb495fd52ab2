import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHAR } from "../../src/text/fold.js";
import { buildTrie, mayStart, newCandidates, walk } from "../../src/text/trie.js";

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
