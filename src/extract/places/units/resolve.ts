import type { Gazetteer } from "../../../gazetteer/types.js";
import type { AdminUnit, UnitType } from "../../../gazetteer/units.js";
import { foldKey } from "../../../text/fold.js";
import { type Span, sentences } from "../../../text/sentences.js";
import type { PlaceMention, ProvinceRef, SubUnit, UnitRef, UnresolvedPlace } from "../types.js";
import type { UnitCandidate } from "./matcher.js";

/** What resolution reads besides the candidates: the gazetteer and the province refs. */
export interface UnitResolver {
  g: Gazetteer;
  ref: (code: string) => ProvinceRef;
  ref2025: (code: string) => ProvinceRef;
}

// Between the names of a list: ", ", " và ", " and ", "; ".
const LIST_GAP = /^\s*(?:[,;]\s*(?:và|and|or|hoặc)?|và|and|or|hoặc)\s*$/iu;
const listGap = (text: string, from: number, to: number) =>
  to - from <= 12 && LIST_GAP.test(text.slice(from, to));

/**
 * 1. Chains: a unit word before the first name of a list, or after its last, types every name
 *    of the list ("các huyện Quảng Điền, Phong Điền", "Long Dien and Xuyen Moc districts").
 */
function shareUnitWords(text: string, cands: UnitCandidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const a = cands[i - 1] as UnitCandidate;
    const b = cands[i] as UnitCandidate;
    if (!listGap(text, a.end, b.start)) continue;
    if (!b.unitWord && a.unitWord && !a.unitWordAfter) b.unitWord = a.unitWord;
  }
  for (let i = cands.length - 2; i >= 0; i--) {
    const a = cands[i] as UnitCandidate;
    const b = cands[i + 1] as UnitCandidate;
    if (!listGap(text, a.end, b.start)) continue;
    if (!a.unitWord && b.unitWord && b.unitWordAfter) {
      a.unitWord = b.unitWord;
      a.unitWordAfter = true;
    }
  }
}

/** The units of the candidate that its unit word allows (all of them when it allows none). */
function typed(c: UnitCandidate, units: AdminUnit[]): number[] {
  const word = c.unitWord;
  if (!word) return c.units;
  // A name dozens of units share is common: their types compared as bit masks, not as sets.
  const masks = typeMasksOf(units);
  const allowed = typeMask(word.types);
  const kept = c.units.filter((i) => ((masks[i] as number) & allowed) !== 0);
  return kept.length > 0 ? kept : c.units;
}

/** One bit per unit type, given as types are first seen (there are eight). */
const TYPE_BITS = new Map<string, number>();
function typeMask(types: Iterable<string>): number {
  let mask = 0;
  for (const t of types) {
    let bit = TYPE_BITS.get(t);
    if (bit === undefined) {
      if (TYPE_BITS.size === 31) throw new Error("more than 31 unit types");
      bit = 1 << TYPE_BITS.size;
      TYPE_BITS.set(t, bit);
    }
    mask |= bit;
  }
  return mask;
}

/** Each unit's types as a mask, built once per gazetteer. */
const unitTypeMasks = new WeakMap<AdminUnit[], Int32Array>();
function typeMasksOf(units: AdminUnit[]): Int32Array {
  let masks = unitTypeMasks.get(units);
  if (!masks || masks.length !== units.length) {
    masks = Int32Array.from(units, (u) => typeMask(u.types));
    unitTypeMasks.set(units, masks);
  }
  return masks;
}

/**
 * Whether one of the old districts a unit lay in passes `near`: its own, or those of the old
 * communes a 2025 commune took. Read in place: no list per unit per candidate.
 */
function inDistrict(u: AdminUnit, units: AdminUnit[], near: (d: number) => boolean): boolean {
  if (u.district !== undefined) return near(u.district);
  for (const p of u.predecessors) {
    const d = (units[p] as AdminUnit).district;
    if (d !== undefined && near(d)) return true;
  }
  return false;
}

/**
 * A key for the sentence of each placed mention and each candidate (both lists in text order):
 * the sentence's start. Only the lines that hold a candidate are read (a placed mention
 * elsewhere gets -1). The sentences are the whole text's, which the provisions read too
 * (`sentences` keeps the last text's): no sentence crosses a line break, so a line's are the
 * same as when split alone. Linear in the text.
 */
function sentenceKeys(text: string, placed: number[], cands: number[]): [number[], number[]] {
  const out: [number[], number[]] = [[], []];
  let lineEnd = -1;
  let candidateHere = false;
  let spans: readonly Span[] | null = null;
  let k = 0;
  let i = 0;
  let j = 0;
  while (i < placed.length || j < cands.length) {
    const fromPlaced =
      j >= cands.length || (i < placed.length && (placed[i] as number) < (cands[j] as number));
    const pos = fromPlaced ? (placed[i++] as number) : (cands[j++] as number);
    if (pos >= lineEnd) {
      const next = text.indexOf("\n", pos);
      lineEnd = next < 0 ? text.length : next;
      candidateHere = !fromPlaced || (j < cands.length && (cands[j] as number) < lineEnd);
      if (candidateHere) spans ??= sentences(text);
    }
    let key = -1;
    if (candidateHere && spans) {
      while (k < spans.length && (spans[k] as Span).end <= pos) k++;
      const span = spans[k];
      key = span && span.start <= pos ? span.start : -2 - pos;
    }
    out[fromPlaced ? 0 : 1].push(key);
  }
  return out;
}

/** What one sentence names: provinces (old and 2025 codes), and districts with how many names hold each. */
interface SentenceFacts {
  old: Codes;
  new: Codes;
  /** The old provinces of the provinces and places (not units) it names. */
  placed: Codes;
  districts: Map<number, number>;
}

/**
 * The units in the province(s) the anchors name. An old unit must lie in an old province they
 * name; a 2025 commune in a 2025 province they name, and — unless a unit word says it is a
 * commune of today — in an old province they name too, so that a text of 2024 about old
 * Vĩnh Long does not take a commune of today's Vĩnh Long that lay in old Bến Tre.
 */
function within(
  ids: number[],
  units: AdminUnit[],
  old: { has(code: string): boolean },
  nu: { has(code: string): boolean },
  typedByWord: boolean,
): number[] {
  // Old units against old provinces first: a 2025 commune that merely took the name (and lay
  // in a neighbouring old province) must not make the name ambiguous.
  const olds = ids.filter((i) => units[i]?.era === "old" && old.has(units[i]?.provinceCode ?? ""));
  if (olds.length > 0) return olds;
  return ids.filter((i) => {
    const u = units[i] as AdminUnit;
    return (
      u.era === "new" && nu.has(u.province2025Code) && (typedByWord || old.has(u.provinceCode))
    );
  });
}

/** A few province codes: a sentence names one or two, so an array beats a Set. */
class Codes {
  readonly list: string[] = [];
  add(code: string): void {
    if (!this.list.includes(code)) this.list.push(code);
  }
  has(code: string): boolean {
    return this.list.includes(code);
  }
}

const provincesOf = (ids: number[], units: AdminUnit[]) =>
  new Set(ids.map((i) => (units[i] as AdminUnit).provinceCode));

/** How many old provinces the units lie in: 0, 1, or 2 for several. No set built. */
function provinceCount(ids: number[], units: AdminUnit[]): 0 | 1 | 2 {
  if (ids.length === 0) return 0;
  const first = (units[ids[0] as number] as AdminUnit).provinceCode;
  for (const i of ids) if ((units[i] as AdminUnit).provinceCode !== first) return 2;
  return 1;
}

interface Decision {
  ids: number[];
  confidence: number;
  reason: string;
  /** For a name no unit of the province has (`ids` empty): the old province it lies in. */
  province?: string;
}

/**
 * Where a site lies whose name no unit of the text's provinces has: the one province the
 * sentence names (by a province or place, not a unit, which may itself be the text's slip),
 * else the document's main one. Null when neither says.
 */
function siteProvince(
  sentence: { placed: Codes },
  doc: { old: Map<string, number> },
): { code: string; reason: string } | null {
  if (sentence.placed.list.length === 1)
    return { code: sentence.placed.list[0] as string, reason: "province named beside it" };
  if (sentence.placed.list.length > 1) return null;
  const top = mainProvince(doc.old);
  return top ? { code: top, reason: "the document's main province" } : null;
}

/** The province a document names most, if twice as often as any other (and twice at least). */
function mainProvince(counts: Map<string, number>): string | null {
  let top = "";
  let best = 0;
  let next = 0;
  for (const [code, n] of counts) {
    if (n > best) {
      next = best;
      best = n;
      top = code;
    } else if (n > next) next = n;
  }
  return best >= 2 && best >= 2 * next ? top : null;
}

/**
 * 2. Decides one candidate: among its units (typed by its unit word, narrowed to the districts
 *    named beside it), those of the provinces named in its sentence; failing that, of the
 *    document's provinces (the most named when several, if it is named twice as often as the
 *    next); failing that, the only province that has the name, when a unit or feature word
 *    says it is a place or the text spells its diacritics. Anything else: undecided.
 */
function decide(
  c: UnitCandidate,
  ids: number[],
  all: number[],
  r: UnitResolver,
  sentence: { old: Codes; new: Codes; placed: Codes },
  doc: { old: Map<string, number>; new: Map<string, number> },
): Decision | string {
  const units = r.g.units;
  const typedByWord = c.unitWord !== null;
  if (c.unlisted) {
    // A name no unit has: only the one province its sentence names ties it.
    const [only] = sentence.old.list;
    return sentence.old.list.length === 1 && only
      ? { ids: [], confidence: 0.6, reason: "province named beside it", province: only }
      : "a name no unit has, and no one province named beside it";
  }
  // The unit word first, then any unit of the name: news still calls Phong Điền a "huyện"
  // after it became a "thị xã".
  for (const set of ids.length < all.length ? [ids, all] : [ids]) {
    const inSentence = within(set, units, sentence.old, sentence.new, typedByWord);
    const ps = provinceCount(inSentence, units);
    if (ps === 1) return { ids: inSentence, confidence: 0.85, reason: "province named beside it" };
    if (ps > 1) return "several provinces named beside it have a unit of this name";
  }
  // Diacritics no unit has: the province beside it or nothing.
  if (c.loose) return "diacritics of no unit of this name, and no province named beside it";
  for (const set of ids.length < all.length ? [ids, all] : [ids]) {
    const inDoc = within(set, units, doc.old, doc.new, typedByWord);
    const pd = [...provincesOf(inDoc, units)];
    if (pd.length === 1)
      return { ids: inDoc, confidence: 0.75, reason: "province named in the document" };
    if (pd.length > 1) {
      const count = (code: string) => doc.old.get(code) ?? 0;
      const [top = "", next = ""] = pd.sort((a, b) => count(b) - count(a));
      if (count(top) >= 2 && count(top) >= 2 * count(next)) {
        const chosen = inDoc.filter((i) => units[i]?.provinceCode === top);
        return { ids: chosen, confidence: 0.7, reason: "the document's main province" };
      }
      return "several provinces of the document have a unit of this name";
    }
  }
  // Named nowhere near: a name one province alone has is that province's with a unit word, its
  // exact Vietnamese spelling, or a feature word ("Cai Be Floating Market") — unless it opens
  // with a landform word ("Hòn Tre", islet Tre, names islets all along the coast).
  const provinces = provinceCount(ids, units);
  const spelled = () => c.syllables >= 2 && c.text !== stripped(c.text);
  const site = c.feature && c.syllables >= 2 && !c.generic;
  if (provinces === 1 && (typedByWord || site || spelled()))
    return { ids, confidence: 0.65, reason: "the only unit of this name" };
  // A feature ("Waterfall", "beaches") whose name units of other provinces have, or islets
  // all along the coast: a site of its own where the text is, if the name is all of its name
  // ("Vinh Trang farm" is no site named Vinh).
  const whole = c.syllables >= 2 && !c.continued;
  const where = c.feature && whole && !typedByWord ? siteProvince(sentence, doc) : null;
  if (where)
    return { ids: [], confidence: 0.55, reason: `site, ${where.reason}`, province: where.code };
  return provinces === 1
    ? "one unit of this name, nothing says it is a place"
    : "no province named";
}

const stripped = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d");

const unitRef = (u: AdminUnit): UnitRef => ({
  id: u.id,
  code: u.code,
  name: u.name,
  nameVi: u.nameVi,
  type: u.type,
});

/**
 * 3. Which unit of the chosen province the mention names, in which era: an old unit first (a
 *    district before a commune, unless a unit word says otherwise), with the 2025 commune(s) it
 *    went into ("both" when one of them kept its name); else the 2025 commune.
 */
function describe(ids: number[], units: AdminUnit[]): { unit: AdminUnit; sub: SubUnit } {
  const list = ids.map((i) => units[i] as AdminUnit);
  const rank = (u: AdminUnit) => (u.era === "old" ? (u.level === "district" ? 0 : 1) : 2);
  const [unit = list[0] as AdminUnit] = [...list].sort((a, b) => rank(a) - rank(b));
  const alternatives = list.filter((u) => u !== unit);
  // Built field by field, not spread: one object per mention, keys in the same order.
  if (unit.era === "new") {
    const sub: SubUnit = { level: "commune", era: "new", new: [unitRef(unit)], partial: false };
    if (alternatives.length > 0) sub.alternatives = alternatives.map((u) => u.id);
    return { unit, sub };
  }
  const successors = unit.successors.map((i) => units[i] as AdminUnit);
  const kept = successors.some((s) => s.nameVi === unit.nameVi);
  const old: UnitRef & { district?: UnitRef } = unitRef(unit);
  if (unit.district !== undefined) old.district = unitRef(units[unit.district] as AdminUnit);
  const others = alternatives.filter((u) => !successors.includes(u));
  // `partial` goes after `new`, as before: the order of keys shows in JSON.
  const sub = { level: unit.level, era: kept ? "both" : "old", old } as SubUnit;
  if (successors.length > 0) sub.new = successors.map(unitRef);
  sub.partial = unit.partial;
  if (others.length > 0) sub.alternatives = others.map((u) => u.id);
  return { unit, sub };
}

/**
 * Ties the candidates of one text to their provinces, given the mentions already tied
 * (`placed`, in text order). Returns the resolved mentions and the
 * names left undecided that a unit word marks as places (others, perhaps no place at all, are
 * dropped). Districts are decided first, so that communes can lean on them.
 */
export function resolveUnits(
  text: string,
  cands: UnitCandidate[],
  placed: PlaceMention[],
  r: UnitResolver,
): { mentions: PlaceMention[]; unresolved: UnresolvedPlace[] } {
  const units = r.g.units;
  shareUnitWords(text, cands);
  const doc = { old: new Map<string, number>(), new: new Map<string, number>() };
  // Each sentence's facts, gathered once: every lookup below is then O(1), the whole linear.
  const facts = new Map<number, SentenceFacts>();
  const [placedKeys, candKeys] = sentenceKeys(
    text,
    placed.map((m) => m.start),
    cands.map((c) => c.start),
  );
  const factsOf = (key: number): SentenceFacts => {
    let f = facts.get(key);
    if (!f) {
      f = { old: new Codes(), new: new Codes(), placed: new Codes(), districts: new Map() };
      facts.set(key, f);
    }
    return f;
  };
  const anchor = (key: number, old: string, nu: string) => {
    const f = factsOf(key);
    f.old.add(old);
    f.new.add(nu);
  };
  placed.forEach((m, i) => {
    const { code: old } = m.province;
    const { code: nu } = m.province2025;
    doc.old.set(old, (doc.old.get(old) ?? 0) + 1);
    doc.new.set(nu, (doc.new.get(nu) ?? 0) + 1);
    const key = placedKeys[i] as number;
    if (key !== -1) {
      anchor(key, old, nu);
      factsOf(key).placed.add(old);
    }
  });
  // Per candidate (by index), computed once: its units its unit word allows, and its districts.
  const typedIds = cands.map((c) => typed(c, units));
  const ownDistricts = cands.map((c) => c.units.filter((i) => units[i]?.level === "district"));
  cands.forEach((_, c) => {
    const { districts } = factsOf(candKeys[c] as number);
    for (const i of ownDistricts[c] as number[]) districts.set(i, (districts.get(i) ?? 0) + 1);
  });

  const mentions: PlaceMention[] = [];
  const unresolved: UnresolvedPlace[] = [];
  const decided: (Decision | undefined)[] = new Array(cands.length);
  const reasons: (string | undefined)[] = new Array(cands.length);
  const isCommune = (c: number) =>
    !(typedIds[c] as number[]).some((i) => units[i]?.level === "district");
  // Districts, then communes, then names no unit has, each leaning on those before.
  const districtFirst: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    cands.forEach((c, i) => {
      const group = c.unlisted ? 2 : isCommune(i) ? 1 : 0;
      if (group === pass) districtFirst.push(i);
    });
  }
  for (const index of districtFirst) {
    const c = cands[index] as UnitCandidate;
    const key = candKeys[index] as number;
    const f = factsOf(key);
    let ids = typedIds[index] as number[];
    // Narrowed to the districts other names of the same sentence may be ("xã A, huyện B").
    const own = ownDistricts[index] as number[];
    const near = (d: number) => (f.districts.get(d) ?? 0) - (own.includes(d) ? 1 : 0) > 0;
    const narrowed = ids.filter((i) => inDistrict(units[i] as AdminUnit, units, near));
    if (provinceCount(narrowed, units) === 1) ids = narrowed;
    const d = decide(c, ids, c.units, r, f, doc);
    if (typeof d === "string") {
      reasons[index] = d;
      continue;
    }
    decided[index] = d;
    const u = units[d.ids[0] as number];
    if (u) anchor(key, u.provinceCode, u.province2025Code);
  }

  for (let index = 0; index < cands.length; index++) {
    const c = cands[index] as UnitCandidate;
    const d = decided[index];
    if (!d) {
      if (c.unitWord) {
        const reason = reasons[index] ?? "undecided";
        unresolved.push(undecided(c, typedIds[index] as number[], reason, r));
      }
      continue;
    }
    if (d.province !== undefined) {
      mentions.push(unlistedMention(c, d, r));
      continue;
    }
    const { unit, sub } = describe(d.ids, units);
    mentions.push({
      text: c.text,
      start: c.start,
      end: c.end,
      place: {
        id: unit.id,
        name: unit.name,
        nameVi: unit.nameVi,
        kind: unit.level,
        lat: null,
        lon: null,
      },
      province: r.ref(unit.provinceCode),
      province2025: r.ref2025(unit.province2025Code),
      confidence: d.confidence,
      reason: `${unit.level} name${c.unitWord ? ", unit word" : c.feature ? ", feature word" : ""}, ${d.reason}`,
      unit: sub,
    });
  }
  return { mentions, unresolved };
}

/**
 * A mention of a place no unit of its province has: a village, a commune spelt otherwise, a
 * site. Its id says its province and name ("x63:42:lang-moi"); it has no unit.
 */
const COMMUNE_TYPES: UnitType[] = ["xã", "phường", "thị trấn"];

function unlistedMention(c: UnitCandidate, d: Decision, r: UnitResolver): PlaceMention {
  const code = d.province as string;
  const province = r.g.provinceByCode.get(code);
  const word = c.unitWord;
  const commune = word ? COMMUNE_TYPES.some((t) => word.types.has(t)) : false;
  const kind = !word ? "area" : commune ? "commune" : "district";
  const name = stripped(c.text);
  return {
    text: c.text,
    start: c.start,
    end: c.end,
    place: {
      id: `x63:${code}:${foldKey(c.text).replace(/ /g, "-")}`,
      name,
      nameVi: c.text,
      kind,
      lat: null,
      lon: null,
    },
    province: r.ref(code),
    province2025: r.ref2025(province?.code2025 ?? ""),
    confidence: d.confidence,
    reason: `${c.inFeatureList ? "name in a list of features" : c.unlisted ? "name of no unit" : "name of units elsewhere"}${word ? ", unit word" : ", feature word"}, ${d.reason}`,
  };
}

function undecided(
  c: UnitCandidate,
  typedIds: number[],
  reason: string,
  r: UnitResolver,
): UnresolvedPlace {
  const byProvince = new Map<string, string[]>();
  for (const i of typedIds) {
    const u = r.g.units[i] as AdminUnit;
    byProvince.set(u.provinceCode, [...(byProvince.get(u.provinceCode) ?? []), u.id]);
  }
  return {
    text: c.text,
    start: c.start,
    end: c.end,
    reason,
    candidates: [...byProvince]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, ids]) => {
        const p = r.g.provinceByCode.get(code);
        return { province: r.ref(code), province2025: r.ref2025(p?.code2025 ?? ""), ids };
      }),
  };
}
