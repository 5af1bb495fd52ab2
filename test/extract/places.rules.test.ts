import { describe, expect, it } from "vitest";
import { parseGazetteer } from "../../src/gazetteer/parse.js";
import { createGeoparser, loadContextLexicon } from "../../src/index.js";

// An invented country, so these tests prove the rules rather than the bundled list.
const T = (rows: string[][]) => `${rows.map((r) => r.join("\t")).join("\n")}\n`;
const { gazetteer, problems } = parseGazetteer({
  provinces63: T([
    ["01", "Xom Moi", "Xóm Mới", "province", "Ke", "Kẻ", "20", "105", "91", "", ""],
    [
      "02",
      "Lang Cu",
      "Làng Cũ",
      "province",
      "Ben Da",
      "Bến Đá",
      "21",
      "106",
      "91",
      "cap,nojoin",
      "",
    ],
    [
      "03",
      "Tan Phuong",
      "Tân Phương",
      "municipality",
      "Tan Phuong",
      "Tân Phương",
      "22",
      "107",
      "92",
      "listonly",
      "Tan Phuong City",
    ],
  ]),
  provinces34: T([
    ["91", "Xom Lang", "Xóm Làng", "province", "Ke", "Kẻ", "20.5", "105.5"],
    ["92", "Tan Phuong", "Tân Phương", "municipality", "Tan Phuong", "Tân Phương", "22", "107"],
  ]),
  places: T([
    ["Ke", "Kẻ", "city", "01", "20.1", "105.1", "cap", ""],
    ["Ben Da", "Bến Đá", "city", "02", "21.1", "106.1", "", ""],
    ["Xom Moi Bay", "Vịnh Xóm Mới", "bay", "02", "21.2", "106.2", "", ""],
    ["Cau Tre", "Câu Trê", "town", "01", "20.2", "105.2", "", ""],
    ["Cau Tre", "Cầu Tre", "landmark", "03", "22.1", "107.1", "", ""],
  ]),
  ambiguous: T([["Cau Tre", "place:cau-tre", "the town is better known"]]),
});
const parser = createGeoparser(gazetteer, loadContextLexicon());
const find = (text: string) => parser.find(text).map((m) => `${m.text}=${m.province.code}`);

describe("geoparser rules (invented gazetteer)", () => {
  it("parses the invented data without problems", () => {
    expect(problems).toEqual([]);
    expect(gazetteer.province2025ByCode.get("91")?.members).toEqual(["01", "02"]);
  });

  it.each([
    ["cap: lowercase is a common word", "the lang cu and Lang Cu", ["Lang Cu=02"]],
    [
      "listonly: the bare name is a person",
      "Tan Phuong spoke in Tan Phuong City.",
      ["Tan Phuong City=03"],
    ],
    [
      "listonly: a list line",
      "Cities:\n  • Tan Phuong\n  • Ben Da\n",
      ["Tan Phuong=03", "Ben Da=02"],
    ],
    [
      "listonly: after a city word",
      "thành phố Tân Phương và TP. Tân Phương",
      ["Tân Phương=03", "Tân Phương=03"],
    ],
    ["run-together forms, unless nojoin", "Xommoi, Benda, Langcu", ["Xommoi=01", "Benda=02"]],
    ["one syllable then another: a longer name", "Ke Xanh farm, Ke Imperial Citadel", ["Ke=01"]],
    ["a family-name run before: a person", "Nguyen Van Ke and Tran Ke met in Ke.", ["Ke=01"]],
    ["a title before: a person", "Mr Ke and ông Kẻ", []],
    [
      "a district word: a unit that only shares the name",
      "huyện Xóm Mới, Xom Moi district, tỉnh Xóm Mới",
      ["Xóm Mới=01"],
    ],
    ["a river with other diacritics: another name", "sông Xôm Mới, sông Xóm Mới", ["Xóm Mới=01"]],
    ["longest match wins", "Xom Moi Bay and Xom Moi", ["Xom Moi Bay=02", "Xom Moi=01"]],
    [
      "ambiguous names: exact diacritics, else the default",
      "Cầu Tre, Câu Trê, Cau Tre",
      ["Cầu Tre=03", "Câu Trê=01", "Cau Tre=01"],
    ],
    ["not inside a word", "abenda, bendax, Benda1, Ben Da", ["Ben Da=02"]],
  ])("%s", (_rule, text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});
