import { describe, expect, it } from "vitest";
import { buildUnitTrie, loadUnitLexicon } from "../../src/extract/places/units/index.js";
import { unitKeyColumns, unitKeysFromColumns } from "../../src/extract/places/units/snapshot.js";
import { loadGazetteer } from "../../src/gazetteer/load.js";
import { decodeSnapshot, encodeSnapshot, type Snapshot } from "../../src/io/snapshot.js";

describe("the units trie's keys as the data cache holds them", () => {
  const groups = buildUnitTrie(loadGazetteer(), loadUnitLexicon()).groups;
  const stored = () => {
    const arrays: Snapshot["arrays"] = {};
    unitKeyColumns(groups, "k", arrays);
    return (decodeSnapshot(encodeSnapshot("key", { json: null, arrays }), "key") as Snapshot)
      .arrays;
  };

  it("reads back every group, key for key and in order", () => {
    expect(unitKeysFromColumns("k", stored())()).toEqual(groups);
  });

  it("refuses columns that do not line up, or are missing", () => {
    const cut = stored();
    const names = cut["k.names"] as Uint8Array;
    cut["k.names"] = names.subarray(0, names.lastIndexOf(10));
    // Text columns are read when the keys are made.
    expect(() => unitKeysFromColumns("k", cut)()).toThrow();
    const short = stored();
    short["k.generic"] = (short["k.generic"] as Int32Array).subarray(1);
    expect(() => unitKeysFromColumns("k", short)).toThrow();
    const missing = stored();
    delete missing["k.sizes"];
    expect(() => unitKeysFromColumns("k", missing)).toThrow();
  });
});
