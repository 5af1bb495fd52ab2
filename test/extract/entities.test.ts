import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findEntities } from "../../src/extract/entities/index.js";
import { analyze, ingest } from "../../src/index.js";

const ids = (text: string) => findEntities(text).map((e) => `${e.text}=${e.id}`);

describe("entities from the bundled lists", () => {
  it.each([
    [
      "The Russian Federation and Viet Nam signed.",
      ["Russian Federation=country:RUS", "Viet Nam=country:VNM"],
    ],
    [
      "Vietnam, Việt Nam and Viet Nam",
      ["Vietnam=country:VNM", "Việt Nam=country:VNM", "Viet Nam=country:VNM"],
    ],
    [
      "the UN Security Council and the UN General Assembly",
      ["UN Security Council=org:unsc", "UN General Assembly=org:unga"],
    ],
    ["members of the UN, un-named", ["UN=org:un"]],
    [
      "ASEAN, the EAS, the ARF and the ADMM-Plus",
      ["ASEAN=org:asean", "EAS=org:eas", "ARF=org:arf", "ADMM-Plus=org:admm-plus"],
    ],
    ["the Eurasian Economic Union (EAEU)", ["Eurasian Economic Union=org:eaeu", "EAEU=org:eaeu"]],
    [
      "UNCLOS 1982 and the 1982 United Nations Convention on the Law of the Sea",
      [
        "UNCLOS 1982=instr:unclos-1982",
        "1982 United Nations Convention on the Law of the Sea=instr:unclos-1982",
      ],
    ],
    [
      "the Treaty of Amity and Cooperation in Southeast Asia",
      [
        "Treaty of Amity and Cooperation in Southeast Asia=instr:tac-1976",
        "Southeast Asia=place:southeast-asia",
      ],
    ],
    [
      "the Treaty of Friendship and Cooperation in Southeast Asia",
      [
        "Treaty of Friendship and Cooperation in Southeast Asia=instr:tac-1976",
        "Southeast Asia=place:southeast-asia",
      ],
    ],
    [
      "the East Sea, the South China Sea and Biển Đông",
      [
        "East Sea=place:south-china-sea",
        "South China Sea=place:south-china-sea",
        "Biển Đông=place:south-china-sea",
      ],
    ],
    [
      "Prime Minister Pham Minh Chinh and MV Mishustin",
      ["Pham Minh Chinh=person:pham-minh-chinh", "MV Mishustin=person:mikhail-mishustin"],
    ],
  ])("%s", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("keeps variant names apart from the canonical name", () => {
    const [east, south] = findEntities("East Sea; South China Sea");
    expect(east).toMatchObject({
      id: "place:south-china-sea",
      variant: "alias",
      name: "South China Sea",
    });
    expect(south).toMatchObject({ id: "place:south-china-sea", variant: "name" });
  });

  it("attaches titles and finds people the lists do not hold", () => {
    const found = findEntities(
      "General Secretary To Lam met President Vladimir Putin and Deputy Minister Hoang Van Nam.",
    );
    expect(
      found.filter((e) => e.type === "person").map((e) => [e.name, e.title, e.unlisted ?? false]),
    ).toEqual([
      ["To Lam", "General Secretary", false],
      ["Vladimir Putin", "President", false],
      ["Hoang Van Nam", "Deputy Minister", true],
    ]);
  });

  it("demonyms are the country as an actor", () => {
    expect(findEntities("The Russian side agreed.")[0]).toMatchObject({
      id: "country:RUS",
      variant: "demonym",
    });
  });

  it("a name inside a Vietnamese place is the place, not the country or person", () => {
    const a = analyze({ text: "Floods hit Lào Cai; Ho Chi Minh City was dry." });
    expect(a.entities.map((e) => e.id)).toEqual([]);
    expect(a.places.map((p) => p.province.name)).toEqual(["Lao Cai", "Ho Chi Minh"]);
  });

  it("a province name inside a longer place abroad is part of it: Thái Bình Dương is the Pacific", () => {
    const text = "Hợp tác châu Á - Thái Bình Dương và Thái Bình Dương; mưa ở Thái Bình.";
    const a = analyze({ text });
    expect(a.entities.map((e) => e.id)).toEqual(["place:asia-pacific", "place:pacific-ocean"]);
    expect(a.places.map((p) => p.start)).toEqual([text.lastIndexOf("Thái Bình")]);
  });
});

describe("analyze", () => {
  it("photographers from captions are kept apart from the text's people", () => {
    const doc = ingest(
      "Leaders meet\n\nVGP – The two leaders met in Ha Noi on Monday to discuss trade and investment ties.\n\nThe leaders at the talks - Photo: VGP/Nhat Bac\n",
    );
    const a = analyze(doc);
    expect(a.captions).toEqual([
      expect.objectContaining({
        text: "The leaders at the talks",
        agencies: ["VGP"],
        photographers: ["Nhat Bac"],
      }),
    ]);
    expect(a.entities.some((e) => e.name === "Nhat Bac")).toBe(false);
  });

  it("never throws, offsets slice, and is deterministic", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const a = analyze({ text });
        for (const x of [...a.places, ...a.entities, ...a.dates, ...a.provisions])
          expect(text.slice(x.start, x.end)).toBe(x.text);
        expect(analyze({ text })).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("garbage in: no super-linear blow-up on 2 MB without a full stop or repeated phrases", () => {
    // Finishing at all is the check (vitest's timeout); speed itself is measured by npm run bench.
    const noStop = "Both sides agreed to cooperate in the field of energy and ".repeat(35_000);
    const repeated = "President President President Minister ".repeat(50_000);
    const random = Array.from({ length: 200_000 }, (_, i) =>
      String.fromCharCode(32 + ((i * 7919) % 5000)),
    ).join("");
    for (const text of [noStop, repeated, random]) expect(() => analyze({ text })).not.toThrow();
  });
});
