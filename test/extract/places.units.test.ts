import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGazetteer } from "../../src/gazetteer/parse.js";
import { validateUnits } from "../../src/gazetteer/validate-units.js";
import { createGeoparser, loadContextLexicon } from "../../src/index.js";

// An invented country with districts and communes, so these tests prove the rules rather than
// the bundled list. Two old provinces (01, 02) merged into 91; a third (03) became 92.
const T = (rows: string[][]) => `${rows.map((r) => r.join("\t")).join("\n")}\n`;
const { gazetteer, problems } = parseGazetteer({
  provinces63: T([
    ["01", "Xom Moi", "Xóm Mới", "province", "Ke", "Kẻ", "20", "105", "91", "", ""],
    ["02", "Lang Cu", "Làng Cũ", "province", "Ben Da", "Bến Đá", "21", "106", "91", "", ""],
    ["03", "Tan Phuong", "Tân Phương", "province", "Cho", "Chợ", "22", "107", "92", "", ""],
  ]),
  provinces34: T([
    ["91", "Xom Lang", "Xóm Làng", "province", "Ke", "Kẻ", "20.5", "105.5"],
    ["92", "Tan Phuong", "Tân Phương", "province", "Cho", "Chợ", "22", "107"],
  ]),
  places: T([["Ben Da", "Bến Đá", "city", "02", "21.1", "106.1", "", ""]]),
  ambiguous: "",
  districtsOld: T([
    ["101", "Đồng Xanh", "huyện", "01"],
    ["102", "Bãi Sậy", "huyện", "02"],
    ["103", "Đồng Xanh", "thị xã", "03"],
    ["104", "Xóm Mới", "huyện", "03"],
  ]),
  communesOld: T([
    // Suối Mơ: a commune of each of the three provinces.
    ["10001", "Suối Mơ", "xã", "101", "20001", "", ""],
    ["10002", "Suối Mơ", "xã", "102", "20002", "", ""],
    ["10003", "Suối Mơ", "thị trấn", "103", "20003", "", ""],
    // Gò Nổi: split between two new communes.
    ["10004", "Gò Nổi", "xã", "101", "20001|20004", "partial", ""],
    ["10005", "Trần Lâm", "phường", "102", "20002", "", ""],
    ["10006", "Hòn Rùa", "xã", "104", "20005", "", ""],
    ["10007", "Cát Vàng", "xã", "104", "20005", "", ""],
  ]),
  communes2025: T([
    ["20001", "Suối Mơ", "xã", "91", ""],
    ["20002", "Trần Lâm", "phường", "91", ""],
    ["20003", "Suối Mơ", "phường", "92", ""],
    ["20004", "Nước Trong", "xã", "91", ""],
    ["20005", "Cát Vàng", "xã", "92", ""],
  ]),
});
const parser = createGeoparser(gazetteer, loadContextLexicon());
const find = (text: string) => parser.find(text).map((m) => `${m.text}=${m.province.code}`);
const undecided = (text: string) => parser.findAll(text).unresolved.map((u) => u.text);

describe("names below the province (invented gazetteer)", () => {
  it("parses and validates the invented units", () => {
    expect(problems).toEqual([]);
    expect(validateUnits(gazetteer)).toEqual([]);
    expect(gazetteer.units).toHaveLength(4 + 7 + 5);
  });

  it.each([
    [
      "a province named in the sentence decides",
      "Mưa ở xã Suối Mơ, tỉnh Làng Cũ.",
      ["Suối Mơ=02", "Làng Cũ=02"],
    ],
    [
      "after the name too",
      "Suoi Mo commune of Tan Phuong province",
      ["Suoi Mo=03", "Tan Phuong=03"],
    ],
    [
      "the document's province, when the sentence names none",
      "Tan Phuong is green.\n\nVisitors love Suoi Mo Waterfall.",
      ["Tan Phuong=03", "Suoi Mo=03"],
    ],
    [
      "a district named beside a commune narrows it",
      "xã Suối Mơ, huyện Bãi Sậy",
      ["Suối Mơ=02", "Bãi Sậy=02"],
    ],
    [
      "a unit word types the name: the district, not the province",
      "huyện Xóm Mới ở Tân Phương",
      ["Xóm Mới=03", "Tân Phương=03"],
    ],
    ["an abbreviated unit word: H.", "Lũ ở H.Xóm Mới", ["Xóm Mới=03"]],
    [
      "abbreviations: TX., X., TT.",
      "TX. Đồng Xanh; X.Gò Nổi; TT.Suối Mơ",
      ["Đồng Xanh=03", "Gò Nổi=01", "Suối Mơ=03"],
    ],
    [
      "a unit word at the head of a list types all of it",
      "các huyện Bãi Sậy, Đồng Xanh thuộc tỉnh Làng Cũ và Xóm Mới",
      ["Bãi Sậy=02", "Đồng Xanh=01", "Làng Cũ=02", "Xóm Mới=01"],
    ],
    [
      "a plural unit word after a list types all of it",
      "Dong Xanh and Xom Moi districts of Tan Phuong",
      ["Dong Xanh=03", "Xom Moi=03", "Tan Phuong=03"],
    ],
    ["the one unit of its name, with a unit word", "phường Trần Lâm", ["Trần Lâm=02"]],
    ["the one unit of its name, spelled in Vietnamese", "Ghé Nước Trong.", ["Nước Trong=01"]],
    ["the one unit of its name, with a feature word", "Cat Vang Beach is quiet.", ["Cat Vang=03"]],
  ])("%s", (_rule, text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it.each([
    ["several provinces, nothing decides: undecided", "Mưa lớn ở xã Suối Mơ.", ["Suối Mơ"]],
    [
      "two provinces in the sentence both have one",
      "Xóm Mới và Làng Cũ có xã Suối Mơ.",
      ["Suối Mơ"],
    ],
  ])("%s, reported with its candidates and counted for none", (_rule, text, names) => {
    expect(find(text).filter((m) => names.some((n) => m.startsWith(n)))).toEqual([]);
    expect(undecided(text)).toEqual(names);
    const u = parser.findAll(text).unresolved[0];
    expect(u?.candidates.length).toBeGreaterThan(1);
  });

  it.each([
    ["a family name opens it: a person without a unit word", "Tan Phuong: Tran Lam spoke."],
    ["a family-name run before it: a person", "Ông Nguyễn Cát Vàng ở Tân Phương."],
    ["a street named after it says nothing", "Tan Phuong: Cat Vang Street is closed."],
    ["not capitalised: common words", "ở tân phương, cát vàng trải dài."],
    ["diacritics no unit has", "Tân Phương: Cát Văng."],
    ["a landform word opens it: a name many islets share", "Hon Rua Island is pretty."],
    ["one unit, nothing says it is a place", "Cat Vang is a word."],
  ])("%s", (_rule, text) => {
    expect(find(text).filter((m) => !/Tân Phương|Tan Phuong/.test(m))).toEqual([]);
    expect(undecided(text)).toEqual([]);
  });

  it.each([
    [
      "diacritics no unit has, after a unit word and beside the province: a slip",
      "huyện Bãi Sây, tỉnh Làng Cũ",
      ["Bãi Sây=02", "Làng Cũ=02"],
    ],
    [
      "a slip with the province only elsewhere in the document: nothing",
      "Làng Cũ mưa to.\n\nhuyện Bãi Sây ngập.",
      ["Làng Cũ=02"],
    ],
    [
      "a name no unit has after a unit word, tied by the province beside it",
      "xã Nà Mơ, huyện Bãi Sậy, tỉnh Làng Cũ",
      ["Nà Mơ=02", "Bãi Sậy=02", "Làng Cũ=02"],
    ],
    [
      "the same in English: 'town of'",
      "Past Ben Da lies the town of Ka Lum.",
      ["Ben Da=02", "Ka Lum=02"],
    ],
    [
      "a village word after it, spelt as minority languages spell",
      "From Ben Da, walk to Jo Village and M’nam village.",
      ["Ben Da=02", "Jo=02", "M’nam=02"],
    ],
    ["a village word before it", "thôn Bản Mới, xã Trần Lâm", ["Bản Mới=02", "Trần Lâm=02"]],
    [
      "a name no unit has, no province in its sentence: nothing",
      "Ben Da is green. Visitors see Ka Lum village.",
      ["Ben Da=02"],
    ],
    [
      "a name no unit has, two provinces in its sentence: nothing",
      "xã Nà Mơ giữa Tân Phương và Làng Cũ",
      ["Tân Phương=03", "Làng Cũ=02"],
    ],
    [
      "no name inside a word, before a number, or a capitalised unit word",
      "Ben Da: KaLum district, xã Nà 10, xã Thôn, xã NaMo.",
      ["Ben Da=02"],
    ],
    [
      "an ethnic group before a village word is no village's name",
      "Ben Da has a Hmong village.",
      ["Ben Da=02"],
    ],
    [
      "a site whose name only other provinces' units have lies where its sentence is",
      "Dong Xanh Waterfall is near Ben Da.",
      ["Dong Xanh=02", "Ben Da=02"],
    ],
    [
      "or in the document's main province",
      "Ben Da is lovely. We loved Ben Da.\n\nThen Dong Xanh Waterfall.",
      ["Ben Da=02", "Ben Da=02", "Dong Xanh=02"],
    ],
    [
      "not when a Vietnamese syllable goes on: part of a longer name",
      "Dong Xanh Tay Waterfall is near Ben Da.",
      ["Ben Da=02"],
    ],
    [
      "an islet name many coasts share, by a beach word, is the site beside it",
      "Swim at Hon Rua Beach, near Ben Da.",
      ["Hon Rua=02", "Ben Da=02"],
    ],
    [
      "a town's name in a list of features mostly unknown: a site where its sentence is",
      "In Tan Phuong there are Thuy Lam, Ben Da, Back and Front beaches.",
      ["Tan Phuong=03", "Ben Da=03"],
    ],
    [
      "a list of known places before a feature word: the places themselves",
      "Tourists love Ben Da, Tan Phuong and Xom Moi beaches.",
      ["Ben Da=02", "Tan Phuong=03", "Xom Moi=01"],
    ],
    [
      "a town named with a city word stays the town",
      "In Tan Phuong there are Thuy Lam, Ben Da City, Back and Front beaches.",
      ["Tan Phuong=03", "Ben Da=02"],
    ],
  ])("%s", (_rule, text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it("never reads a word of a name already taken as the unit word of the next", () => {
    // Without diacritics the province's last syllable spells "phường": it is the province's.
    expect(find("Tan Phuong Tran Lam")).toEqual(["Tan Phuong=03"]);
    expect(find("Tân Phương Trần Lâm")).toEqual(["Tân Phương=03"]);
    expect(find("Xom Moi, phuong Tran Lam")).toEqual(["Xom Moi=01", "Tran Lam=02"]);
  });

  it("reports a name no unit has as a place of its province, with no unit", () => {
    const [village] = parser.find("xã Nà Mơ, tỉnh Làng Cũ");
    expect(village).toMatchObject({
      text: "Nà Mơ",
      place: { id: "x63:02:na-mo", name: "Na Mo", kind: "commune", lat: null },
      province: { code: "02" },
      province2025: { code: "91" },
    });
    expect(village?.unit).toBeUndefined();
    const [site] = parser.find("Dong Xanh Waterfall is near Ben Da.");
    expect(site?.place.kind).toBe("area");
  });

  it("says which unit, in which era: old and new, split communes, new names", () => {
    const [both] = parser.find("xã Suối Mơ, huyện Đồng Xanh, tỉnh Xóm Mới");
    expect(both?.unit).toMatchObject({
      level: "commune",
      era: "both",
      old: { id: "c63:10001", type: "xã", district: { id: "d63:101" } },
      new: [{ id: "c34:20001" }],
      partial: false,
    });
    expect(both?.place).toMatchObject({ id: "c63:10001", kind: "commune", lat: null });
    expect(both?.province2025.code).toBe("91");
    const [split] = parser.find("xã Gò Nổi, tỉnh Xóm Mới");
    expect(split?.unit).toMatchObject({ era: "old", partial: true });
    expect(split?.unit?.new?.map((n) => n.code)).toEqual(["20001", "20004"]);
    const [created] = parser.find("xã Nước Trong");
    expect(created?.unit).toMatchObject({ era: "new", new: [{ code: "20004" }] });
    expect(created?.province.code).toBe("01");
    const [district] = parser.find("huyện Bãi Sậy");
    expect(district?.unit).toMatchObject({ level: "district", era: "old", old: { code: "102" } });
  });

  it("never throws, and every mention lies inside the text it came from", () => {
    const words = [
      "xã",
      "huyện",
      "H.",
      "Suối Mơ",
      "Suoi Mo",
      "Tân Phương",
      ",",
      "Beach",
      "Đồng Xanh",
      "\n",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (parts) => {
        const text = parts.join(" ");
        const { places, unresolved } = parser.findAll(text);
        for (const m of [...places, ...unresolved]) expect(text.slice(m.start, m.end)).toBe(m.text);
        for (let i = 1; i < places.length; i++)
          expect((places[i]?.start ?? 0) >= (places[i - 1]?.end ?? 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
