import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../../src/gazetteer/load.js";
import { gazetteerFromJson, gazetteerToJson } from "../../src/gazetteer/snapshot.js";

describe("the gazetteer as the data cache holds it", () => {
  const g = loadGazetteer();
  const back = () => gazetteerFromJson(JSON.parse(JSON.stringify(gazetteerToJson(g))));

  it("reads back the same gazetteer, units field for field and in order", () => {
    const read = back();
    expect(read.provinces).toEqual(g.provinces);
    expect(read.places).toEqual(g.places);
    expect(read.provinceByCode.get("48")).toBe(read.provinces.find((p) => p.code === "48"));
    expect(read.units.length).toBe(g.units.length);
    read.units.forEach((u, i) => {
      const original = g.units[i];
      expect(Object.keys(u)).toEqual(Object.keys(original ?? {}));
      expect(u).toEqual(original);
    });
  });

  it("makes its units once, on first use", () => {
    const read = back();
    expect(read.units).toBe(read.units);
    expect(Object.keys(read)).toEqual(Object.keys(g));
  });

  it("refuses units whose columns do not line up", () => {
    const json = JSON.parse(JSON.stringify(gazetteerToJson(g)));
    json.units.district.pop();
    expect(() => gazetteerFromJson(json)).toThrow();
  });
});
