import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEntityExtractor } from "../../src/extract/entities/index.js";
import type { EntityRecord } from "../../src/extract/entities/types.js";
import { findProvisions } from "../../src/extract/provisions/index.js";
import { sentences } from "../../src/text/sentences.js";

// Invented states, so the tests prove the rules and not the bundled lists.
const country = (id: string, name: string, demonym: string): EntityRecord => ({
  id,
  type: "country",
  name,
  kind: "country",
  year: null,
  titles: [],
  names: [
    { text: name, flags: [], variant: "name" },
    { text: demonym, flags: [], variant: "demonym" },
  ],
});
const extractor = createEntityExtractor(
  [
    country("country:FRD", "Freedonia", "Freedonian"),
    country("country:SYL", "Sylvania", "Sylvanian"),
  ],
  ["prime minister", "president"],
);
const provisions = (text: string, title?: string) =>
  findProvisions(text, extractor.find(text), { title });

const statement = [
  "Joint Statement between Freedonia and Sylvania",
  "",
  "Accordingly, the two countries underlined the need to keep up regular political dialogue.",
  "Both sides agreed to expand trade in grain and fertiliser.",
  "The two sides agreed not to support the imposition of unilateral sanctions.",
  "The Sylvanian side supports Freedonia's bid to host the regional summit.",
  "Freedonia also welcomed Sylvania's offer of scholarships.",
  "Freedonia and Sylvania will hold the next round of talks in the autumn.",
  "Both sides expressed their wish to open a direct air route.",
  "Both sides reaffirmed their commitment to the peaceful settlement of disputes.",
  "The leaders noted progress on the border demarcation.",
  "Freedonian experts said the harvest would be good.",
].join("\n");

describe("findProvisions", () => {
  const found = provisions(statement, "Joint Statement between Freedonia and Sylvania");
  const row = (p: (typeof found)[number]) => [
    p.actor.kind,
    p.actor.ids.join("+"),
    p.stance,
    p.modality,
  ];

  it("takes each sentence with an actor and a stance as a provision", () => {
    expect(found.map(row)).toEqual([
      ["both", "", "emphasise", "statement"],
      ["both", "", "agree", "commitment"],
      ["both", "", "oppose", "commitment"],
      ["side", "country:SYL", "support", "statement"],
      ["country", "country:FRD", "welcome", "statement"],
      ["both", "country:FRD+country:SYL", "agree", "future"],
      ["both", "", "readiness", "aspiration"],
      ["both", "", "affirm", "statement"],
      ["leaders", "", "note", "statement"],
    ]);
  });

  it("marks negation and keeps offsets that slice to the sentence", () => {
    const opposed = found[2];
    expect(opposed?.negated).toBe(true);
    expect(opposed?.verb).toBe("agreed");
    for (const p of found) expect(statement.slice(p.start, p.end)).toBe(p.text);
  });

  it("lists the entities inside each provision", () => {
    expect(found[3]?.entities.map((e) => e.id)).toEqual(["country:SYL", "country:FRD"]);
  });

  it("gives no provisions for ordinary news, even with a stray 'both sides'", () => {
    const news = [
      "Freedonia wins the football final",
      "",
      "The national team beat Sylvania two goals to one on Sunday in front of a full stadium.",
      "Both sides agreed that the referee had a good game, the coaches said afterwards.",
      "Fans celebrated late into the night in the capital.",
    ].join("\n");
    expect(provisions(news)).toEqual([]);
  });

  it("never throws and stays ordered on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.string({ maxLength: 50 }), (a, b) => {
        const text = `${a}\nBoth sides agreed to ${b}.\nThe two sides will ${b}.\n${a}`;
        const ps = provisions(text, "Joint Statement");
        for (let i = 1; i < ps.length; i++)
          expect(ps[i]?.start).toBeGreaterThanOrEqual(ps[i - 1]?.end ?? 0);
        for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("sentences", () => {
  it("splits at full stops and line breaks but not after abbreviations or initials", () => {
    const text = "Mr. Smith met U.S. officials. They agreed.\nNext line! And M.V. Mishustin spoke.";
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Mr. Smith met U.S. officials.",
      "They agreed.",
      "Next line!",
      "And M.V. Mishustin spoke.",
    ]);
  });

  it("is linear on 1 MB without a full stop (returns one sentence)", () => {
    const text = "word ".repeat(200_000);
    expect(sentences(text)).toHaveLength(1);
  });
});
