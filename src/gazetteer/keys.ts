import { foldKey } from "../text/fold.js";
import { isVietnameseSyllable } from "../text/syllable.js";
import type { Ambiguity, Gazetteer, NameFlag } from "./types.js";

/** One way of writing a place, folded for matching. */
export interface NameKey {
  /** Folded key: "ba ria vung tau", or the run-together "bariavungtau". */
  key: string;
  /** Index into `gazetteer.places`. */
  place: number;
  /** The name as written in the data. */
  name: string;
  flags: NameFlag[];
  /** True for the generated run-together spelling ("Danang" from "Da Nang"). */
  joined: boolean;
  /** Syllables of the written name: 2 for both "Da Nang" and "Danang". */
  syllables: number;
  /** A one-syllable name ("Vinh", "Hue"): such names are often given names or start longer names. */
  single: boolean;
  /** The `cap` and `listonly` flags, as booleans for the geoparser's hot path. */
  cap: boolean;
  listonly: boolean;
  /** How the key spells the place: its own name, an alias, or a generated run-together form. */
  form: "name" | "alias" | "run-together";
}

/**
 * Every matchable key of the gazetteer: each name and alias folded, plus its run-together
 * spelling unless the name is flagged `nojoin`. One key may stand for several places.
 */
export function nameKeys(g: Gazetteer): NameKey[] {
  const out: NameKey[] = [];
  const seen = new Set<string>();
  // Written names first, so a run-together form that is also written (Hanoi) counts as written.
  for (const joinedPass of [false, true]) {
    g.places.forEach((place, index) => {
      for (const n of place.names) {
        let key = foldKey(n.text);
        if (key === "") continue;
        const syllables = key.split(" ").length;
        if (joinedPass) {
          if (!key.includes(" ") || n.flags.includes("nojoin")) continue;
          key = key.replace(/ /g, "");
        }
        const id = `${key}\u0000${index}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const single = !joinedPass && syllables === 1 && isVietnameseSyllable(key);
        out.push({
          key,
          place: index,
          name: n.text,
          flags: n.flags,
          joined: joinedPass,
          syllables,
          single,
          cap: n.flags.includes("cap"),
          listonly: n.flags.includes("listonly"),
          form: joinedPass
            ? "run-together"
            : n.text === place.name || n.text === place.nameVi
              ? "name"
              : "alias",
        });
      }
    });
  }
  return out;
}

/** Groups keys by their folded form. */
export function keysByForm(keys: NameKey[]): Map<string, NameKey[]> {
  const map = new Map<string, NameKey[]>();
  for (const k of keys) {
    const list = map.get(k.key);
    if (list) list.push(k);
    else map.set(k.key, [k]);
  }
  return map;
}

/** The ambiguity rules by key, each under its written and its run-together form. */
export function ambiguityRules(g: Gazetteer): Map<string, Ambiguity> {
  const rules = new Map<string, Ambiguity>();
  for (const a of g.ambiguities) {
    rules.set(a.key, a);
    rules.set(a.key.replace(/ /g, ""), a);
  }
  return rules;
}
