import { describe, expect, it } from "vitest";
import { loadGazetteer } from "../../src/gazetteer/load.js";
import { gazetteerFromSnapshot, gazetteerToSnapshot } from "../../src/gazetteer/snapshot.js";
import { decodeSnapshot, encodeSnapshot, type Snapshot } from "../../src/io/snapshot.js";

describe("the gazetteer as the data cache holds it", () => {
  const g = loadGazetteer();
  /** The snapshot as a file holds it and gives it back: JSON and views on the bytes. */
  const stored = () => decodeSnapshot(encodeSnapshot("k", gazetteerToSnapshot(g)), "k") as Snapshot;
  const back = () => gazetteerFromSnapshot(stored());

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
    expect(Object.keys(read).sort()).toEqual(Object.keys(g).sort());
  });

  it("refuses units whose columns do not line up, or are missing", () => {
    const short = stored();
    short.arrays["units.district"] = (short.arrays["units.district"] as Int32Array).subarray(1);
    expect(() => gazetteerFromSnapshot(short)).toThrow();
    const cut = stored();
    const names = cut.arrays["units.nameVi"] as Uint8Array;
    cut.arrays["units.nameVi"] = names.subarray(0, names.lastIndexOf(10));
    // Text columns are read when the units are made.
    expect(() => gazetteerFromSnapshot(cut).units).toThrow();
    const missing = stored();
    delete missing.arrays["units.successors.values"];
    expect(() => gazetteerFromSnapshot(missing)).toThrow();
  });
});
