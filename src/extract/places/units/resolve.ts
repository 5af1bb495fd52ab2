import type { Gazetteer } from "../../../gazetteer/types.js";
import type { AdminUnit } from "../../../gazetteer/units.js";
import type { Span } from "../../../text/sentences.js";
import type { PlaceMention, ProvinceRef, SubUnit, UnitRef, UnresolvedPlace } from "../types.js";
import type { UnitCandidate } from "./matcher.js";

/** What resolution reads besides the candidates: the gazetteer and the province refs. */
export interface UnitResolver {
  g: Gazetteer;
  ref: (code: string) => ProvinceRef;
  ref2025: (code: string) => ProvinceRef;
}

/** A mention already tied to a province: a province, a city, a place, or a resolved unit. */
interface Anchor {
  start: number;
  old: string;
  new: string;
}

// Between the names of a list: ", ", " và ", " and ", "; ".
const LIST_GAP = /^\s*(?:[,;]\s*(?:và|and|or|hoặc)?|và|and|or|hoặc)\s*$/iu;

/**
 * 1. Chains: a unit word before the first name of a list, or after its last, types every name
 *    of the list ("các huyện Quảng Điền, Phong Điền", "Long Dien and Xuyen Moc districts").
 */
function shareUnitWords(text: string, cands: UnitCandidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const a = cands[i - 1] as UnitCandidate;
    const b = cands[i] as UnitCandidate;
    if (!LIST_GAP.test(text.slice(a.end, b.start))) continue;
    if (!b.unitWord && a.unitWord && !a.unitWordAfter) b.unitWord = a.unitWord;
  }
  for (let i = cands.length - 2; i >= 0; i--) {
    const a = cands[i] as UnitCandidate;
    const b = cands[i + 1] as UnitCandidate;
    if (!LIST_GAP.test(text.slice(a.end, b.start))) continue;
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
  const kept = c.units.filter((i) => (units[i] as AdminUnit).types.some((t) => word.types.has(t)));
  return kept.length > 0 ? kept : c.units;
}

/** The old districts a unit lay in: its own, or those of the old communes a 2025 commune took. */
function districtsOf(u: AdminUnit, units: AdminUnit[]): number[] {
  if (u.district !== undefined) return [u.district];
  return u.predecessors
    .map((p) => (units[p] as AdminUnit).district)
    .filter((d): d is number => d !== undefined);
}

const sentenceOf = (sentences: Span[], pos: number): Span => {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Span;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: pos, end: pos };
};

/**
 * The units in the province(s) the anchors name. An old unit must lie in an old province they
 * name; a 2025 commune in a 2025 province they name, and — unless a unit word says it is a
 * commune of today — in an old province they name too, so that a text of 2024 about old
 * Vĩnh Long does not take a commune of today's Vĩnh Long that lay in old Bến Tre.
 */
function within(
  ids: number[],
  units: AdminUnit[],
  old: ReadonlySet<string>,
  nu: ReadonlySet<string>,
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

const provincesOf = (ids: number[], units: AdminUnit[]) =>
  new Set(ids.map((i) => (units[i] as AdminUnit).provinceCode));

interface Decision {
  ids: number[];
  confidence: number;
  reason: string;
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
  sentence: { old: Set<string>; new: Set<string> },
  doc: { old: Map<string, number>; new: Map<string, number> },
): Decision | string {
  const units = r.g.units;
  const typedByWord = c.unitWord !== null;
  // The unit word first, then any unit of the name: news still calls Phong Điền a "huyện"
  // after it became a "thị xã".
  for (const set of ids.length < all.length ? [ids, all] : [ids]) {
    const inSentence = within(set, units, sentence.old, sentence.new, typedByWord);
    const ps = provincesOf(inSentence, units);
    if (ps.size === 1)
      return { ids: inSentence, confidence: 0.85, reason: "province named beside it" };
    if (ps.size > 1) return "several provinces named beside it have a unit of this name";
  }
  for (const set of ids.length < all.length ? [ids, all] : [ids]) {
    const inDoc = within(set, units, new Set(doc.old.keys()), new Set(doc.new.keys()), typedByWord);
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
  const provinces = provincesOf(ids, units);
  const spelled = c.syllables >= 2 && c.text !== stripped(c.text);
  const site = c.feature && c.syllables >= 2 && !c.generic;
  if (provinces.size === 1 && (typedByWord || spelled || site))
    return { ids, confidence: 0.65, reason: "the only unit of this name" };
  return provinces.size === 1
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
  if (unit.era === "new") {
    return {
      unit,
      sub: {
        level: "commune",
        era: "new",
        new: [unitRef(unit)],
        partial: false,
        ...(alternatives.length > 0 ? { alternatives: alternatives.map((u) => u.id) } : {}),
      },
    };
  }
  const successors = unit.successors.map((i) => units[i] as AdminUnit);
  const kept = successors.some((s) => s.nameVi === unit.nameVi);
  const district = unit.district === undefined ? undefined : (units[unit.district] as AdminUnit);
  const others = alternatives.filter((u) => !successors.includes(u));
  return {
    unit,
    sub: {
      level: unit.level,
      era: kept ? "both" : "old",
      old: { ...unitRef(unit), ...(district ? { district: unitRef(district) } : {}) },
      ...(successors.length > 0 ? { new: successors.map(unitRef) } : {}),
      partial: unit.partial,
      ...(others.length > 0 ? { alternatives: others.map((u) => u.id) } : {}),
    },
  };
}

/**
 * Ties the candidates of one text to their provinces, given the mentions already tied
 * (`anchors`, in text order) and the text's sentences. Returns the resolved mentions and the
 * names left undecided that a unit word marks as places (others, perhaps no place at all, are
 * dropped). Districts are decided first, so that communes can lean on them.
 */
export function resolveUnits(
  text: string,
  cands: UnitCandidate[],
  placed: PlaceMention[],
  sentences: Span[],
  r: UnitResolver,
): { mentions: PlaceMention[]; unresolved: UnresolvedPlace[] } {
  const units = r.g.units;
  shareUnitWords(text, cands);
  const anchors: Anchor[] = placed.map((m) => ({
    start: m.start,
    old: m.province.code,
    new: m.province2025.code,
  }));
  const doc = { old: new Map<string, number>(), new: new Map<string, number>() };
  for (const a of anchors) {
    doc.old.set(a.old, (doc.old.get(a.old) ?? 0) + 1);
    doc.new.set(a.new, (doc.new.get(a.new) ?? 0) + 1);
  }
  const inSentence = (s: Span) => {
    const out = { old: new Set<string>(), new: new Set<string>() };
    for (const a of anchors) {
      if (a.start < s.start || a.start >= s.end) continue;
      out.old.add(a.old);
      out.new.add(a.new);
    }
    return out;
  };

  const mentions: PlaceMention[] = [];
  const unresolved: UnresolvedPlace[] = [];
  const decided = new Map<UnitCandidate, Decision>();
  const reasons = new Map<UnitCandidate, string>();
  const districtFirst = [...cands].sort(
    (a, b) => Number(isCommune(a, units)) - Number(isCommune(b, units)) || a.start - b.start,
  );
  for (const c of districtFirst) {
    const s = sentenceOf(sentences, c.start);
    let ids = typed(c, units);
    // Narrowed to the districts decided or named in the same sentence ("xã A, huyện B").
    const near = new Set<number>();
    for (const [other, d] of decided) {
      if (other.start < s.start || other.start >= s.end) continue;
      for (const i of d.ids) if (units[i]?.level === "district") near.add(i);
    }
    for (const other of cands) {
      if (other === c || other.start < s.start || other.start >= s.end) continue;
      for (const i of other.units) if (units[i]?.level === "district") near.add(i);
    }
    const narrowed = ids.filter((i) =>
      districtsOf(units[i] as AdminUnit, units).some((d) => near.has(d)),
    );
    if (narrowed.length > 0 && provincesOf(narrowed, units).size === 1) ids = narrowed;
    const d = decide(c, ids, c.units, r, inSentence(s), doc);
    if (typeof d === "string") {
      reasons.set(c, d);
      continue;
    }
    decided.set(c, d);
    const u = units[d.ids[0] as number] as AdminUnit;
    anchors.push({ start: c.start, old: u.provinceCode, new: u.province2025Code });
  }

  for (const c of cands) {
    const d = decided.get(c);
    if (!d) {
      if (c.unitWord) unresolved.push(undecided(c, reasons.get(c) ?? "undecided", r));
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

const isCommune = (c: UnitCandidate, units: AdminUnit[]) =>
  !typed(c, units).some((i) => units[i]?.level === "district");

function undecided(c: UnitCandidate, reason: string, r: UnitResolver): UnresolvedPlace {
  const byProvince = new Map<string, string[]>();
  for (const i of typed(c, r.g.units)) {
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
