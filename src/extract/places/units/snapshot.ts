import { countLines } from "../../../io/snapshot.js";
import type { UnitKey } from "./matcher.js";

/**
 * The unit trie's 14,000 keys as the data cache holds them (`io/data-cache.ts`): columns, one
 * `key` per group (all keys of a group share it), so that reading them back parses a few
 * strings and number lists, not 14,000 objects.
 */
export interface UnitKeyColumns {
  /** Keys per group, and each group's key, joined by line breaks. */
  sizes: number[];
  keys: string;
  /** Per key. */
  units: number[];
  names: string;
  signatures: string;
  syllables: number[];
  generic: number[];
}

export function unitKeyColumns(groups: UnitKey[][]): UnitKeyColumns {
  const flat = groups.flat();
  const lines = (values: string[]) => {
    // A value with a line break would read back as two: no cache then (the build stands).
    if (values.some((v) => v.includes("\n"))) throw new Error("snapshot: a line break in a key");
    return values.join("\n");
  };
  if (groups.some((g) => g.length === 0 || g.some((k) => k.key !== g[0]?.key)))
    throw new Error("snapshot: a group of several keys");
  return {
    sizes: groups.map((g) => g.length),
    keys: lines(groups.map((g) => (g[0] as UnitKey).key)),
    units: flat.map((k) => k.unit),
    names: lines(flat.map((k) => k.name)),
    signatures: lines(flat.map((k) => k.signature)),
    syllables: flat.map((k) => k.syllables),
    generic: flat.map((k) => (k.generic ? 1 : 0)),
  };
}

/**
 * The groups of `unitKeyColumns`, made when first read: a run that meets no district or commune
 * name never makes 14,000 keys. The columns are checked now (counted, not split), so a damaged
 * snapshot is refused where it is read.
 */
export function unitKeysFromColumns(c: UnitKeyColumns): () => UnitKey[][] {
  const sizes = c.sizes.reduce((a, b) => a + b, 0);
  if (
    countLines(c.keys) !== c.sizes.length ||
    countLines(c.names) !== c.units.length ||
    countLines(c.signatures) !== c.units.length ||
    sizes !== c.units.length
  )
    throw new Error("snapshot: unit keys are not columns");
  return () => makeKeys(c);
}

function makeKeys(c: UnitKeyColumns): UnitKey[][] {
  const keys = c.keys.split("\n");
  const names = c.names.split("\n");
  const signatures = c.signatures.split("\n");
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
