import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEntityExtractor } from "../../src/extract/entities/index.js";
import type { EntityRecord } from "../../src/extract/entities/types.js";
import { findProvisions } from "../../src/extract/provisions/index.js";
import { units } from "../../src/extract/provisions/units.js";
import { sentences } from "../../src/text/sentences.js";

// Invented states and leaders, so the tests prove the rules and not the bundled lists.
const record = (
  id: string,
  type: EntityRecord["type"],
  names: [string, "name" | "alias" | "demonym"][],
  kind: string | null = null,
): EntityRecord => ({
  id,
  type,
  name: names[0]?.[0] ?? id,
  kind,
  year: null,
  titles: [],
  names: names.map(([text, variant]) => ({ text, flags: [], variant })),
});
const extractor = createEntityExtractor(
  [
    record(
      "country:FRD",
      "country",
      [
        ["Freedonia", "name"],
        ["Freedonian", "demonym"],
        ["Phờ-ri-đô-ni-a", "alias"],
      ],
      "country",
    ),
    record(
      "country:SYL",
      "country",
      [
        ["Sylvania", "name"],
        ["Sylvanian", "demonym"],
        ["Xin-va-ni-a", "alias"],
      ],
      "country",
    ),
    record(
      "country:GRN",
      "country",
      [
        ["Grand Fenwick", "name"],
        ["Fenwickian", "demonym"],
      ],
      "country",
    ),
    record("person:rufus-firefly", "person", [
      ["Rufus Firefly", "name"],
      ["Firefly", "alias"],
    ]),
    record("person:ambassador-trentino", "person", [
      ["Carlo Trentino", "name"],
      ["Trentino", "alias"],
    ]),
    record(
      "org:frd-mofa",
      "organisation",
      [["Freedonian Ministry of Foreign Affairs", "name"]],
      "body",
    ),
    record("org:fenwick-news", "organisation", [["Fenwick Daily", "name"]], "agency"),
  ],
  [
    "Prime Minister",
    "President",
    "Foreign Minister",
    "Vice Minister",
    "Minister of State",
    "Thủ tướng",
    "Tổng thống",
  ],
);
const find = (text: string, title?: string) =>
  findProvisions(text, extractor.find(text), { title });
const row = (p: ReturnType<typeof find>["provisions"][number]) =>
  [p.actor.kind, p.actor.ids.join("+"), p.stance].join(" ");

const statement = (...lines: string[]) =>
  find(
    ["Joint Statement between Freedonia and Sylvania", "", ...lines].join("\n"),
    "Joint Statement between Freedonia and Sylvania",
  );

describe("provisions: subjects", () => {
  it.each([
    // joint actors
    ["Both sides agreed to expand trade in grain.", "joint country:FRD+country:SYL agree"],
    [
      "The two leaders welcomed the opening of a consulate.",
      "joint country:FRD+country:SYL welcome",
    ],
    ["Two sides held that dialogue should continue.", "joint country:FRD+country:SYL affirm"],
    [
      "Our two Governments undertake to deepen cooperation.",
      "joint country:FRD+country:SYL commit",
    ],
    [
      "The Prime Ministers of Freedonia and Sylvania reaffirmed their friendship.",
      "joint country:FRD+country:SYL affirm",
    ],
    ["Sylvania and Freedonia decided to open a rail link.", "joint country:FRD+country:SYL decide"],
    [
      "Freedonia and the Sylvanian side will hold talks each year.",
      "joint country:FRD+country:SYL commit",
    ],
    [
      "Prime Minister Rufus Firefly and President Anna Marsh of Sylvania stressed the value of trust.",
      "joint country:FRD+country:SYL emphasise",
    ],
    ["The two also noted progress on the border.", "joint country:FRD+country:SYL note"],
    ["Hai bên nhất trí tăng cường hợp tác thương mại.", "joint country:FRD+country:SYL agree"],
    [
      "Hai Thủ tướng nhấn mạnh tầm quan trọng của đối thoại.",
      "joint country:FRD+country:SYL emphasise",
    ],
    ["Lãnh đạo hai nước hoan nghênh kết quả hợp tác.", "joint country:FRD+country:SYL welcome"],
    [
      "Freedonian and Sylvanian leaders shared their views that trade should grow.",
      "joint country:FRD+country:SYL affirm",
    ],
    ["The PMs, therefore, agreed to reopen the ferry.", "joint country:FRD+country:SYL agree"],
    [
      "The two sides informed each other of the situation in their countries.",
      "joint country:FRD+country:SYL discuss",
    ],
    [
      "Freedonia and Sylvania have officially elevated their relations to a strategic partnership.",
      "joint country:FRD+country:SYL decide",
    ],
    [
      "Hai nhà lãnh đạo thông báo cho nhau về tình hình mỗi nước.",
      "joint country:FRD+country:SYL discuss",
    ],
    // one party
    ["Sylvanian leaders renewed their commitment to the canal.", "party country:SYL commit"],
    ["The Sylvanian side supports the bid to host the summit.", "party country:SYL support"],
    ["Freedonia also welcomed the offer of scholarships.", "party country:FRD welcome"],
    [
      "The Freedonian Government expressed its readiness to send experts.",
      "party country:FRD readiness",
    ],
    ["Phía Xin-va-ni-a ủng hộ sáng kiến này.", "party country:SYL support"],
    ["Grand Fenwick will provide new loans for railways.", "party country:GRN commit"],
    ["The Freedonian Ministry of Foreign Affairs noted the request.", "party org:frd-mofa note"],
    // people
    [
      "President Anna Marsh congratulated Prime Minister Rufus Firefly on his election.",
      "person person:anna-marsh congratulate",
    ],
    [
      "Prime Minister Firefly reaffirmed that Sylvania was a key partner.",
      "person person:rufus-firefly affirm",
    ],
    ["Tổng thống Anna Marsh ủng hộ sáng kiến này.", "person person:anna-marsh support"],
    [
      "Sylvania's Foreign Minister Ola Berg invited the delegation to visit.",
      "person person:ola-berg+country:SYL invite",
    ],
    [
      "H.E. Mr. Ola Berg, Foreign Minister of Sylvania, announced the elevation of ties.",
      "person person:ola-berg+country:SYL decide",
    ],
    ["Minister of State stressed the growing role of Freedonia.", "person  emphasise"],
  ])("%s", (sentence, expected) => {
    const { provisions } = statement(sentence);
    expect(provisions.map(row)).toEqual([expected]);
  });

  it("reads long subjects with appositions, asides and opening clauses", () => {
    const cases = [
      "On the occasion of the fifth Dialogue, H.E. Vice Minister of Foreign Affairs of Freedonia, Ola Berg, and Minister of State for Trade and Industry, Anna Marsh MP, welcome the progress made.",
      "The Prime Ministers of Freedonia and Sylvania, on the occasion of the first official visit from 2 to 4 May, reiterated their commitment to a strong relationship.",
      "Noting the strong foundation of the relationship, the two Prime Ministers agreed to elevate it.",
      "The number of scholarships has grown in recent years and both sides agreed to promote the scheme.",
    ];
    for (const c of cases)
      expect(statement(c).provisions.map((p) => p.actor.kind)).toEqual(["joint"]);
  });

  it("resolves pronouns and offices to the actor in force", () => {
    const { provisions } = find(
      [
        "Prime Minister Rufus Firefly of Freedonia met President Anna Marsh of Sylvania.",
        "Prime Minister Rufus Firefly welcomed the visit.",
        "He reaffirmed the invitation to the President.",
        "The leaders of Freedonia and Grand Fenwick agreed to open a consulate.",
        "They also agreed to simplify visas.",
        "The Prime Minister thanked his hosts.",
      ].join("\n"),
      "Joint Statement",
    );
    expect(provisions.map((p) => [p.actor.kind, p.actor.ids.join("+"), p.actor.via ?? ""])).toEqual(
      [
        ["person", "person:rufus-firefly", ""],
        ["person", "person:rufus-firefly", "pronoun"],
        ["joint", "country:FRD+country:GRN", ""],
        ["joint", "country:FRD+country:GRN", "pronoun"],
        ["person", "person:rufus-firefly", "office"],
      ],
    );
  });
});

describe("provisions: predicates", () => {
  it.each([
    ["Both sides noted with satisfaction the growth of trade.", "welcome"],
    ["Both sides noted the growth of trade.", "note"],
    ["The two sides expressed their determination to expand relations.", "commit"],
    ["The two sides confirmed their willingness to meet more often.", "commit"],
    ["Both sides look forward to a new agreement.", "commit"],
    ["The two sides are strong advocates of free trade.", "support"],
    ["The two sides highly valued the friendship.", "welcome"],
    ["They both shared the perspective that the talks should be annual.", "agree"],
    ["The two sides expressed their expectation that ministers would meet in spring.", "call"],
    ["The two sides called on all parties to exercise restraint.", "call"],
    ["The two sides had a wide-ranging and productive discussion about trade.", "discuss"],
    ["The two sides exchanged views on regional issues.", "discuss"],
    [
      "Prime Minister Rufus Firefly extended respectfully to President Anna Marsh the invitation to visit Freedonia.",
      "invite",
    ],
    ["President Anna Marsh happily accepted the invitation.", "accept"],
    ["The leaders recalled the treaty of 1976.", "recall"],
    ["They looked back on forty years of ties.", "recall"],
    ["Both sides expressed concern over the floods.", "concern"],
    ["Both sides agreed not to support unilateral sanctions.", "oppose"],
    ["Both sides did not support the proposal.", "oppose"],
    ["The two countries will work closely together on climate.", "commit"],
    ["It was agreed that the commission would meet in May.", "agree"],
    ["There was a shared understanding of the importance of free trade.", "affirm"],
    ["Support for the full implementation of the code of conduct.", "support"],
  ])("%s", (sentence, stance) => {
    expect(statement(sentence).provisions.map((p) => p.stance)).toEqual([stance]);
  });

  it("gives the modality: commitment, future, aspiration or statement", () => {
    const modality = (s: string) => statement(s).provisions[0]?.modality;
    expect(modality("Both sides agreed to expand trade.")).toBe("commitment");
    expect(modality("Both sides will continue to support the plan.")).toBe("future");
    expect(modality("Both sides expressed their wish to open a route.")).toBe("aspiration");
    expect(modality("Both sides shared their intention to cooperate.")).toBe("aspiration");
    expect(modality("Both sides welcomed the plan.")).toBe("statement");
  });

  it("leaves protocol and background alone", () => {
    const none = [
      "Prime Minister Rufus Firefly paid an official visit to Sylvania from 2 to 4 May.",
      "President Anna Marsh held talks with Prime Minister Rufus Firefly and hosted a banquet.",
      "Prime Minister Rufus Firefly called on President Anna Marsh and laid a wreath.",
      "The two Prime Ministers witnessed the signing of six agreements.",
      "The leaders held constructive discussions on the occasion of the visit.",
      "Freedonia and Sylvania have built strong relations since 1973.",
      "The Freedonia-Sylvania Partnership, announced in 2009, supported the deepening of ties.",
      "The Strategic Dialogue covered global challenges and bilateral relations.",
      "This reflects the high level of ambition for the relationship.",
      "The Strategy will solidify the shared commitment to trade.",
      "Freedonian experts said the harvest would be good.",
      "Fenwick Daily welcomed its new editor.",
    ];
    for (const s of none) expect(statement(s).provisions.map((p) => p.text)).toEqual([]);
  });
});

describe("provisions: documents", () => {
  it("takes list items as provisions, and items under a lead-in take its actor and stance", () => {
    const { provisions } = statement(
      "Both sides agreed to:",
      "- expand trade in grain;",
      "- open a direct air route;",
      "(c) simplify visas.",
      "- The Sylvanian side will send a trade mission in June.",
    );
    expect(provisions.map((p) => [p.text, p.actor.kind, p.actor.via ?? "", p.stance])).toEqual([
      ["expand trade in grain;", "joint", "list", "agree"],
      ["open a direct air route;", "joint", "list", "agree"],
      ["simplify visas.", "joint", "list", "agree"],
      ["The Sylvanian side will send a trade mission in June.", "party", "", "commit"],
    ]);
  });

  it("keeps offsets that slice to the provision and cuts paragraph numbers off", () => {
    const text =
      "Joint Statement\n\n1. Both sides agreed to expand trade.\n\n(2) The two sides noted progress.";
    const { provisions } = find(text, "Joint Statement");
    expect(provisions.map((p) => p.text)).toEqual([
      "Both sides agreed to expand trade.",
      "The two sides noted progress.",
    ]);
    for (const p of provisions) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("finds provisions in an excerpt with no title, and says it is a statement", () => {
    const found = find(
      [
        "Both sides welcomed the growth of trade.",
        "They agreed to open a consulate in the north.",
        "The two leaders emphasised the importance of regular dialogue.",
        "Sylvania supports Freedonia's candidacy to the council.",
      ].join("\n\n"),
    );
    expect(found.provisions).toHaveLength(4);
    expect(found.kind.kind).toBe("statement");
    expect(found.kind.evidence.join(" ")).toMatch(/4 of 4 sentences are provisions/);
  });

  it("keeps a news report's attributed provisions and says it is news", () => {
    const found = find(
      [
        "Freedonia and Sylvania agree to boost trade",
        "",
        "Capital City (FNA) – Prime Minister Rufus Firefly affirmed on Monday that Sylvania remained a key partner, officials said.",
        "Grand Fenwick will host the games next year, the organisers said.",
        "The two sides agreed to open a consulate.",
      ].join("\n"),
      "Freedonia and Sylvania agree to boost trade",
    );
    expect(found.kind.kind).toBe("news");
    expect(found.provisions.map(row)).toEqual([
      "person person:rufus-firefly affirm",
      "joint country:FRD+country:SYL agree",
    ]);
  });

  it("gives no provisions for ordinary news, even with a stray 'both sides'", () => {
    const found = find(
      [
        "The football final",
        "",
        "The national team beat the visitors two goals to one on Sunday in front of a full stadium.",
        "Both sides agreed that the referee had a good game, the coaches said afterwards.",
      ].join("\n"),
    );
    expect(found.provisions).toEqual([]);
    expect(found.kind.kind).toBe("news");
  });

  it("never throws, keeps provisions ordered, inside the text and each on its unit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 60 }), (a, b) => {
        const text = `${a}\nBoth sides agreed to ${b}.\n- The two sides will ${b}.\n${a}`;
        const { provisions } = find(text, "Joint Statement");
        for (let i = 1; i < provisions.length; i++)
          expect(provisions[i]?.start).toBeGreaterThanOrEqual(provisions[i - 1]?.end ?? 0);
        for (const p of provisions) expect(text.slice(p.start, p.end)).toBe(p.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("units and sentences", () => {
  it("splits at full stops and line breaks but not after abbreviations or initials", () => {
    const text = "Mr. Smith met U.S. officials. They agreed.\nNext line! And M.V. Mishustin spoke.";
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Mr. Smith met U.S. officials.",
      "They agreed.",
      "Next line!",
      "And M.V. Mishustin spoke.",
    ]);
  });

  it("cuts list markers but never the first letters of a sentence", () => {
    const text =
      "1.\n- a bullet\n(iv) a numeral\nb) a letter\nU.S. officials came.\nA. Smith spoke.";
    expect(units(text).map((u) => [text.slice(u.start, u.end), u.marker])).toEqual([
      ["a bullet", "bullet"],
      ["a numeral", "letter"],
      ["a letter", "letter"],
      ["U.S. officials came.", ""],
      ["A. Smith spoke.", ""],
    ]);
  });

  it("is linear on 1 MB without a full stop (returns one sentence)", () => {
    const text = "word ".repeat(200_000);
    expect(sentences(text)).toHaveLength(1);
  });
});
