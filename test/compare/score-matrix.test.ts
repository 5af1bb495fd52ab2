import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { featuresOf } from "../../src/compare/features.js";
import { partiesOf } from "../../src/compare/index.js";
import { scoreMatrix, scorePairs } from "../../src/compare/similarity.js";
import { defaultTermLexicon } from "../../src/compare/terms.js";
import { analyze } from "../../src/index.js";

// Invented provisions: shared frames, shared and distinct entities, visits, clauses, and one
// sentence with no word in common with the others.
const SENTENCES = [
  "Both sides agreed to expand cooperation in rice exports and fertiliser trade.",
  "Both sides support the full implementation of the Declaration on the Conduct of Parties in the East Sea.",
  "The two sides agreed to open a direct air route between the two capitals.",
  "Both sides welcomed the growth of student exchanges and scholarships, and agreed to double the number of scholarships.",
  "Japan invited the Prime Minister of Viet Nam to visit Japan at a convenient time.",
  "The Vietnamese side welcomed the role of ASEAN and supported the ASEAN Outlook on the Indo-Pacific.",
  "Both sides noted progress on railway logistics in Da Nang.",
  "Zebras yodel quietly.",
  "Both sides reaffirmed their commitment to freedom of navigation under UNCLOS 1982.",
];
const provisionsOf = (picks: number[]) =>
  analyze({
    text: ["Joint Statement", "", ...picks.map((k) => SENTENCES[k] as string)].join("\n"),
    title: "Joint Statement",
  }).provisions;

describe("scoreMatrix", () => {
  it("gives scorePairs' scores to the last bit, and the same full score on demand", () => {
    const lex = defaultTermLexicon();
    const pick = fc.array(fc.nat(SENTENCES.length - 1), { maxLength: 7 });
    fc.assert(
      fc.property(pick, pick, (x, y) => {
        const a = provisionsOf(x);
        const b = provisionsOf(y);
        const parties = partiesOf([...a, ...b]);
        const fa = a.map((p) => featuresOf(p, lex, parties));
        const fb = b.map((p) => featuresOf(p, lex, parties));
        const every = scorePairs(a, b, fa, fb);
        const m = scoreMatrix(a, b, fa, fb);
        expect(m.raw).toEqual(every.map((row) => row.map((s) => s.score)));
        every.forEach((row, i) => {
          row.forEach((s, j) => {
            expect(m.at(i, j)).toEqual(s);
          });
        });
      }),
      { numRuns: 40 },
    );
  });
});
