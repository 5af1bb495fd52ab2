import { columnsOf, linesOf, type Snapshot } from "../../../io/snapshot.js";
import type { UnitKey } from "./matcher.js";

/**
 * The unit trie's 14,000 keys as the data cache holds them (`io/data-cache.ts`): columns in the
 * snapshot's arrays under `prefix`, one `key` per group (all keys of a group share it): the
 * group sizes, and per key its unit, syllable count and generic flag as Int32Arrays, the keys,
 * names and signatures as UTF-8 bytes split by line breaks. Reading them back parses no JSON
 * and makes no object until a unit name is first met.
 */
const TEXT = ["keys", "names", "signatures"] as const;
const NUMBERS = ["sizes", "units", "syllables", "generic"] as const;
type Columns = Record<(typeof TEXT)[number], Uint8Array> &
  Record<(typeof NUMBERS)[number], Int32Array>;

export function unitKeyColumns(
  groups: UnitKey[][],
  prefix: string,
  arrays: Snapshot["arrays"],
): void {
  const flat = groups.flat();
  const lines = (values: string[]) => {
    // A value with a line break would read back as two: no cache then (the build stands).
    if (values.some((v) => v.includes("\n"))) throw new Error("snapshot: a line break in a key");
    return Buffer.from(values.join("\n"), "utf8");
  };
  if (groups.some((g) => g.length === 0 || g.some((k) => k.key !== g[0]?.key)))
    throw new Error("snapshot: a group of several keys");
  const columns: Columns = {
    sizes: Int32Array.from(groups, (g) => g.length),
    keys: lines(groups.map((g) => (g[0] as UnitKey).key)),
    units: Int32Array.from(flat, (k) => k.unit),
    names: lines(flat.map((k) => k.name)),
    signatures: lines(flat.map((k) => k.signature)),
    syllables: Int32Array.from(flat, (k) => k.syllables),
    generic: Int32Array.from(flat, (k) => (k.generic ? 1 : 0)),
  };
  for (const [name, array] of Object.entries(columns)) arrays[`${prefix}.${name}`] = array;
}

/**
 * What makes the groups `unitKeyColumns` stored under `prefix`, when first needed: a run that
 * meets no district or commune name never makes 14,000 keys. The number columns are checked now;
 * the text columns when they are decoded (the snapshot's digest and key vouch for them).
 */
export function unitKeysFromColumns(prefix: string, arrays: Snapshot["arrays"]): () => UnitKey[][] {
  const c: Columns = columnsOf(arrays, prefix, TEXT, NUMBERS);
  const keys = c.units.length;
  if (
    c.syllables.length !== keys ||
    c.generic.length !== keys ||
    c.sizes.reduce((a, b) => a + b, 0) !== keys
  )
    throw new Error("snapshot: unit keys are not columns");
  return () => makeKeys(c);
}

function makeKeys(c: Columns): UnitKey[][] {
  const keys = linesOf(c.keys);
  const names = linesOf(c.names);
  const signatures = linesOf(c.signatures);
  if (
    keys.length !== c.sizes.length ||
    names.length !== c.units.length ||
    signatures.length !== c.units.length
  )
    throw new Error("snapshot: unit keys are not columns");
  const groups: UnitKey[][] = new Array(keys.length);
  let k = 0;
  for (let g = 0; g < keys.length; g++) {
    const key = keys[g] as string;
    const group: UnitKey[] = new Array(c.sizes[g] as number);
    for (let i = 0; i < group.length; i++, k++) {
      group[i] = {
        key,
        unit: c.units[k] as number,
        name: names[k] as string,
        signature: signatures[k] as string,
        syllables: c.syllables[k] as number,
        generic: c.generic[k] === 1,
      };
    }
    groups[g] = group;
  }
  return groups;
}
