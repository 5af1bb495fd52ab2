import { ambiguityRules, type NameKey, nameKeys } from "../../gazetteer/keys.js";
import type { Gazetteer, Place, Province, Province2025 } from "../../gazetteer/types.js";
import { CHAR, WORD, WORDCLASS } from "../../text/fold.js";
import {
  buildTrie,
  type Candidates,
  mayStart,
  type NameTrie,
  newCandidates,
  walk,
} from "../../text/trie.js";
import { judge, type PlaceInfo } from "./context.js";
import type { ContextLexicon } from "./lexicon.js";
import { resolveKey } from "./resolve.js";
import type { FindPlacesOptions, PlaceMention, ProvinceRef, UnresolvedPlace } from "./types.js";
import {
  buildUnitMatcher,
  buildUnitTrie,
  type CapitalisedRun,
  loadUnitLexicon,
  resolveUnits,
  sitesInFeatureLists,
  type UnitCandidate,
  type UnitKey,
  type UnitLexicon,
  type UnitMatcher,
  type UnitResolver,
  unitAt,
  unlistedAt,
} from "./units/index.js";

/** Every place a text names: those tied to a province, and the names below it left undecided. */
export interface PlacesFound {
  places: PlaceMention[];
  unresolved: UnresolvedPlace[];
}

/** A geoparser bound to one gazetteer and lexicon: build once, call `find` on many texts. */
export interface Geoparser {
  /** The mentions tied to a province, in text order. */
  find(text: string, options?: FindPlacesOptions): PlaceMention[];
  /** The same, and the names below the province that the text leaves undecided. */
  findAll(text: string, options?: FindPlacesOptions): PlacesFound;
}

const ref = (p: Province | Province2025): ProvinceRef => ({
  code: p.code,
  name: p.name,
  nameVi: p.nameVi,
});

/** The tries a geoparser matches with, built from the gazetteer alone: what a cache can keep. */
export interface GeoparserTries {
  names: NameTrie;
  /** Null when the gazetteer has no units below the province. */
  units: NameTrie<UnitKey> | null;
}

export function buildGeoparserTries(g: Gazetteer, unitLexicon: UnitLexicon): GeoparserTries {
  return {
    names: buildTrie(nameKeys(g)),
    units: g.units.length > 0 ? buildUnitTrie(g, unitLexicon) : null,
  };
}

export function createGeoparser(
  g: Gazetteer,
  lexicon: ContextLexicon,
  unitLexicon: UnitLexicon = loadUnitLexicon(),
  tries: GeoparserTries = buildGeoparserTries(g, unitLexicon),
): Geoparser {
  const trie = tries.names;
  const defaults = new Map([...ambiguityRules(g)].map(([key, a]) => [key, a.defaultId]));

  // Per place, what a mention reports and what the context rules compare: built once, shared
  // (frozen) by every mention of the place.
  const places: PlaceInfo[] = g.places.map((place: Place) => {
    const province = g.provinceByCode.get(place.provinceCode) as Province;
    const province2025 = g.province2025ByCode.get(province.code2025) as Province2025;
    const { id, name, nameVi, kind, lat, lon } = place;
    return {
      place,
      ref: Object.freeze({ id, name, nameVi, kind, lat, lon }),
      province: Object.freeze(ref(province)),
      province2025: Object.freeze(ref(province2025)),
      signatures: null,
    };
  });

  const refs = new Map(g.provinces.map((p) => [p.code, Object.freeze(ref(p))]));
  const refs2025 = new Map(g.provinces2025.map((p) => [p.code, Object.freeze(ref(p))]));
  const resolver: UnitResolver = {
    g,
    ref: (code) => refs.get(code) ?? { code, name: code, nameVi: code },
    ref2025: (code) => refs2025.get(code) ?? { code, name: code, nameVi: code },
  };
  const units = tries.units ? buildUnitMatcher(g, unitLexicon, lexicon, tries.units) : null;
  const scanner: Scanner = { trie, places, lexicon, g, defaults, units };
  const findAll = (text: string, options: FindPlacesOptions = {}): PlacesFound => {
    const minConfidence = options.minConfidence ?? 0;
    const found: UnitCandidate[] = [];
    const scanned = scan(text, scanner, minConfidence, found);
    const placed = units ? sitesInFeatureLists(text, scanned, found, units.lexicon) : scanned;
    if (found.length === 0) return { places: placed, unresolved: [] };
    const below = resolveUnits(text, found, placed, resolver);
    const kept = below.mentions.filter((m) => m.confidence >= minConfidence);
    return { places: merge(placed, kept), unresolved: below.unresolved };
  };
  return { find: (text, options) => findAll(text, options).places, findAll };
}

/** Two lists of mentions, each in text order, as one. */
function merge(a: PlaceMention[], b: PlaceMention[]): PlaceMention[] {
  if (b.length === 0) return a;
  const out: PlaceMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x as PlaceMention);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** What a scan reads, built once per geoparser. */
interface Scanner {
  trie: NameTrie;
  places: PlaceInfo[];
  lexicon: ContextLexicon;
  g: Gazetteer;
  defaults: Map<string, string>;
  /** Names below the province; null when the gazetteer has none. */
  units: UnitMatcher | null;
}

// One scratch for every scan: no scan runs inside another.
const CANDIDATES: Candidates = newCandidates();

/**
 * Visits each word start once: where a name can begin, tries the trie's candidates, longest
 * first, and keeps the first the context rules accept; otherwise skips to the next word.
 * Kept free of closures so the hot loop's variables stay in registers.
 */
function scan(
  text: string,
  s: Scanner,
  minConfidence: number,
  below: UnitCandidate[],
): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  const candidates = CANDIDATES;
  // Given names seen as part of a person's full name: their later bare uses are that person.
  const people = new Set<string>();
  const root = s.trie.next;
  const table = CHAR;
  const words = WORDCLASS;
  const n = text.length;
  // The end of the last name taken: its words cannot also be a unit word for the next one.
  let taken = 0;
  const run: CapitalisedRun = { start: -1, end: -1, dropped: false, word: null };
  let i = 0;
  while (i < n) {
    const raw = table[text.charCodeAt(i)] as number;
    const k = raw & 127;
    if (k < 48 && k !== WORD) {
      i++;
      continue;
    }
    if (k >= 97 && root[k - 96] !== 0 && mayStart(s.trie, table, text, i, k - 96)) {
      const end = matchAt(text, i, s, candidates, people, mentions, minConfidence);
      if (end > 0) {
        i = end;
        taken = end;
        continue;
      }
    }
    // An uppercase letter where no province or place was taken: perhaps a district or commune.
    if (raw >= 225 && s.units) {
      const unit =
        unitAt(text, i, s.units, candidates, people, taken) ??
        unlistedAt(text, i, s.units, taken, run);
      if (unit) {
        below.push(unit);
        i = unit.end;
        taken = unit.end;
        continue;
      }
    }
    // To the end of the word, or to a lowercase letter glued to an uppercase one ("VisitHanoi").
    let previous = words[text.charCodeAt(i)] as number;
    for (i++; i < n; i++) {
      const w = words[text.charCodeAt(i)] as number;
      if (w === 0 || (w === 2 && previous === 1)) break;
      if (w !== 3) previous = w;
    }
  }
  return mentions;
}

/** Tries the names starting at `i`, longest first; returns the end of the accepted one, or -1. */
function matchAt(
  text: string,
  i: number,
  s: Scanner,
  candidates: Candidates,
  people: Set<string>,
  mentions: PlaceMention[],
  minConfidence: number,
): number {
  walk(s.trie, text, i, candidates);
  for (let c = candidates.count - 1; c >= 0; c--) {
    const end = candidates.ends[c] as number;
    const surface = text.slice(i, end);
    const group = s.trie.groups[candidates.groups[c] as number] as NameKey[];
    const key =
      group.length === 1 ? (group[0] as NameKey) : resolveKey(group, surface, s.g, s.defaults);
    const info = s.places[key.place] as PlaceInfo;
    const verdict = judge(text, i, end, surface, key, info, s.lexicon, people);
    if (verdict.person) people.add(key.key);
    if (!verdict.accept) continue;
    if (verdict.confidence >= minConfidence) {
      mentions.push({
        text: surface,
        start: i,
        end,
        place: info.ref,
        province: info.province,
        province2025: info.province2025,
        confidence: verdict.confidence,
        reason: verdict.reason,
      });
    }
    return end;
  }
  return -1;
}
