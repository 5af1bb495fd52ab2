import type { Gazetteer } from "../../../gazetteer/types.js";
import type { AdminUnit } from "../../../gazetteer/units.js";
import { CHAR, FOLD, foldKey, MARK, UPPER } from "../../../text/fold.js";
import { isVietnameseSyllable } from "../../../text/syllable.js";
import {
  allSyllablesCapitalised,
  diacriticSignature,
  hasDiacritics,
  isSyllableToken,
  type NearToken,
  readTokenAfter,
  readTokensBefore,
} from "../../../text/tokens.js";
import { buildTrie, type Candidates, mayStart, type NameTrie, walk } from "../../../text/trie.js";
import { personReason } from "../context.js";
import type { ContextLexicon } from "../lexicon.js";
import type { UnitLexicon, UnitWord } from "./lexicon.js";

/** One spelling of one unit, folded for the trie. */
export interface UnitKey {
  key: string;
  unit: number;
  /** The spelling as written in the data, and its diacritic signature, which a marked surface must share. */
  name: string;
  signature: string;
  syllables: number;
  /** It opens with a landform word ("Hòn Tre"): `UnitCandidate.generic`, known once. */
  generic: boolean;
}

/** What the scan reads to find names below the province, built once per geoparser. */
export interface UnitMatcher {
  trie: NameTrie<UnitKey>;
  units: AdminUnit[];
  lexicon: UnitLexicon;
  context: ContextLexicon;
}

/**
 * A name below the province found in the text and checked against the words around it, not
 * yet tied to a province (that needs the whole text: `resolveUnits`).
 */
export interface UnitCandidate {
  start: number;
  end: number;
  text: string;
  /** Indices into `gazetteer.units` of every unit the surface can name. */
  units: number[];
  /** The unit word that types it ("huyện", "district"), and on which side. */
  unitWord: UnitWord | null;
  unitWordAfter: boolean;
  /** A feature word next to it ("Hot Spring", "chùa"): a place, named after its unit. */
  feature: boolean;
  /** It opens with a landform word ("Hòn", "Mũi"): a name many places share. */
  generic: boolean;
  syllables: number;
  /**
   * Written with diacritics no unit of the name has ("huyện Tiến Hải" for Tiền Hải): a slip of
   * the keyboard, taken only after a unit word and with the province named beside it.
   */
  loose: boolean;
  /**
   * No unit has the name, but a unit or settlement word says it is one ("xã Nà Mơ", "Buôn Ja
   * village"): a village, or a commune spelt otherwise. `units` is empty; it is tied only to
   * the one province its sentence names.
   */
  unlisted: boolean;
  /** A town's name among the names of a list of features ("A, B and C beaches"): the site's own. */
  inFeatureList?: true;
  /** A capitalised Vietnamese syllable follows: the name may be part of a longer one ("Vinh Trang"). */
  continued: boolean;
}

export function buildUnitMatcher(
  g: Gazetteer,
  lexicon: UnitLexicon,
  context: ContextLexicon,
  trie: NameTrie<UnitKey> = buildUnitTrie(g, lexicon),
): UnitMatcher {
  return {
    trie,
    // Read when a candidate is found, not here: the gazetteer of the data cache makes its units
    // on first use, and a text may name none.
    get units() {
      return g.units;
    },
    lexicon,
    context,
  };
}

/** The trie of every spelling of every unit (the costly part of a matcher: a cache keeps it). */
export function buildUnitTrie(g: Gazetteer, lexicon: UnitLexicon): NameTrie<UnitKey> {
  const keys: UnitKey[] = [];
  g.units.forEach((u, unit) => {
    const seen = new Set<string>();
    for (const name of u.names) {
      const key = foldKey(name);
      // One-letter keys ("A") cannot be told from initials; the trie refuses them anyway.
      if (key.replace(/ /g, "").length < 2 || seen.has(`${key}|${name}`)) continue;
      seen.add(`${key}|${name}`);
      keys.push({
        key,
        unit,
        name,
        signature: diacriticSignature(name),
        syllables: key.split(" ").length,
        generic: lexicon.landforms.has(key.split(" ")[0] as string),
      });
    }
  });
  return buildTrie(keys);
}

const BEFORE: NearToken[] = [];
const AFTER: NearToken = { start: 0, end: 0, word: -1, capitalised: false, spaced: false };

/**
 * The unit, feature or street phrase right before `start`, longest first, within the text from
 * `floor` on: a word inside a name already taken is that name's ("Cuc Phuong" is no "phường").
 */
function wordBefore(text: string, start: number, lex: UnitLexicon, floor: number): UnitWord | null {
  // Most words before a name are none of the lexicon's: one word read settles them.
  if (
    readTokensBefore(text, start, 1, lex.words, BEFORE) === 0 ||
    (BEFORE[0] as NearToken).word < 0 ||
    (BEFORE[0] as NearToken).start < floor
  )
    return null;
  const count = readTokensBefore(text, start, lex.lookback, lex.words, BEFORE);
  let found: UnitWord | null = null;
  let phrase = 0; // the phrase's code: see `UnitLexicon.beforeByCode`
  let scale = 1;
  for (let i = 0; i < count; i++) {
    const t = BEFORE[i] as NearToken;
    if (t.word < 0 || t.start < floor) break;
    phrase += (t.word + 1) * scale;
    scale *= lex.base;
    const w = lex.beforeByCode.get(phrase);
    if (!w) continue;
    const first = BEFORE[0] as NearToken;
    const stop = text.charCodeAt(first.end) === 0x2e;
    // "H." and "X." only with their full stop; "TP" with or without; "huyện" with a space.
    const ok = w.abbreviation ? stop || (first.end - first.start > 1 && first.spaced) : !stop;
    if (ok) found = w;
  }
  return found;
}

/** The unit word right after the name, or a feature or street word among the next three. */
function wordAfter(text: string, end: number, lex: UnitLexicon): UnitWord | null {
  let pos = end;
  for (let i = 0; i < 3; i++) {
    if (!readTokenAfter(text, pos, lex.words, AFTER)) return null;
    const w = AFTER.word < 0 ? undefined : lex.after.get(AFTER.word);
    if (w && (i === 0 || w.kind !== "unit")) return w;
    // Only through a capitalised name ("Floating Market", "Natural Preservation Zone").
    if (!AFTER.capitalised || AFTER.end - AFTER.start > 20) return null;
    pos = AFTER.end;
  }
  return null;
}

/** Whether the word at `pos` opens a sentence, line or clause, where any word is capitalised. */
function opensSentence(text: string, pos: number): boolean {
  let j = pos - 1;
  while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  return j < 0 || SENTENCE_OPENERS.has(text.charCodeAt(j));
}
// . ! ? : ; line break, quotes and brackets that open.
const SENTENCE_OPENERS = new Set([
  0x2e, 0x21, 0x3f, 0x3a, 0x3b, 10, 13, 0x22, 0x201c, 0x28, 0x2d, 0x2013, 0x2014,
]);

/**
 * Whether a capitalised Vietnamese syllable stands right before or after the name, with only a
 * space between: the name is part of a longer one, most often a person's ("Do Thanh Thinh",
 * where "Do" also opens English sentences and so escapes the family-name rule).
 */
function inLongerName(
  text: string,
  start: number,
  end: number,
  context: ContextLexicon,
  readAfter: boolean,
): boolean {
  const n = readTokensBefore(text, start, 1, context.words, BEFORE);
  const b = BEFORE[0] as NearToken;
  if (
    n === 1 &&
    b.spaced &&
    b.capitalised &&
    !opensSentence(text, b.start) &&
    isSyllableToken(text, b)
  ) {
    // A sentence's first word is capitalised anyway: "In", "The" are no part of a name.
    if (!context.notNames.has(b.word) || context.surnames.has(b.word)) return true;
  }
  // A feature word after it already read the words that follow ("Binh Chau Hot Spring").
  if (!readAfter || !readTokenAfter(text, end, context.words, AFTER)) return false;
  return AFTER.spaced && AFTER.capitalised && isSyllableToken(text, AFTER);
}

/** Whether the name's first syllable is a frequent family name, diacritics compared if written. */
function opensWithSurname(surface: string, marked: boolean, lex: UnitLexicon): boolean {
  const first = /^[\p{L}\p{M}]+/u.exec(surface.normalize("NFC"))?.[0] ?? "";
  return lex.frequentSurnames.has(marked ? first.toLowerCase() : foldKey(first));
}

/**
 * Looks for a name below the province at `i`, an uppercase word start where no province or
 * place was accepted. Returns the candidate, or null when there is none or its own words rule
 * it out: not every syllable capitalised, diacritics that no unit of the name has, a street or
 * a person, or a one-syllable name (or one opening with a family name) without a unit or
 * feature word to say it is a place.
 */
export function unitAt(
  text: string,
  i: number,
  m: UnitMatcher,
  found: Candidates,
  people: ReadonlySet<string>,
  floor = 0,
): UnitCandidate | null {
  const k = (CHAR[text.charCodeAt(i)] as number) & 127;
  if (k < 97 || !mayStart(m.trie, CHAR, text, i, k - 96)) return null;
  walk(m.trie, text, i, found);
  if (found.count === 0) return null;
  const end = found.ends[found.count - 1] as number;
  const group = m.trie.groups[found.groups[found.count - 1] as number] as UnitKey[];
  const first = group[0] as UnitKey;
  // The words around it first, the cheap rejections before any string is built: most
  // candidates are one syllable of a longer name or a person's name ("Văn Minh").
  const before = wordBefore(text, i, m.lexicon, floor);
  if (before?.kind === "street") return null;
  const after = before?.kind === "unit" ? null : wordAfter(text, end, m.lexicon);
  if (after?.kind === "street") return null;
  const unitWord = before?.kind === "unit" ? before : after?.kind === "unit" ? after : null;
  const feature = isFeature(before) || isFeature(after);
  const { syllables } = first;
  if (!unitWord) {
    if (syllables < 2 && !feature) return null;
    if (inLongerName(text, i, end, m.context, after === null)) return null;
  }
  if (!allSyllablesCapitalised(text, i, end)) return null;
  const surface = text.slice(i, end);
  // Most marked surfaces are a unit's own spelling: its signature is known, none computed.
  const sig = hasDiacritics(surface)
    ? (group.find((g) => g.name === surface)?.signature ?? diacriticSignature(surface))
    : null;
  const units: number[] = [];
  let mark = newMark(m.units.length);
  for (const g of group) {
    if ((sig === null || g.signature === sig) && SEEN[g.unit] !== mark) {
      SEEN[g.unit] = mark;
      units.push(g.unit);
    }
  }
  // Other diacritics than any unit of the name: a slip, if a unit word says it is one.
  const loose = units.length === 0;
  if (loose) {
    if (!unitWord || unitWord.abbreviation) return null;
    mark = newMark(m.units.length);
    for (const g of group) {
      if (SEEN[g.unit] !== mark) {
        SEEN[g.unit] = mark;
        units.push(g.unit);
      }
    }
  }
  if (!unitWord) {
    if (!feature && opensWithSurname(surface, sig !== null, m.lexicon)) return null;
    if (personReason(text, i, end, first.key, syllables, m.context, people)) return null;
  }
  return {
    start: i,
    end,
    text: surface,
    units,
    unitWord,
    unitWordAfter: unitWord !== null && unitWord === after,
    feature,
    generic: first.generic,
    syllables,
    loose,
    unlisted: false,
    // "Beach" spells like a syllable: a word of the lexicon ends the name instead.
    continued:
      readTokenAfter(text, end, m.lexicon.words, AFTER) &&
      AFTER.spaced &&
      AFTER.capitalised &&
      !m.lexicon.after.has(AFTER.word) &&
      isSyllableToken(text, AFTER),
  };
}

/**
 * Which units a candidate already lists, by unit index: a name many units share ("Tân Thành")
 * has dozens of keys, and `includes` on the list made that quadratic. Each call takes a new
 * mark instead of clearing the array.
 */
let SEEN = new Uint32Array(0);
let lastMark = 0;
function newMark(units: number): number {
  if (SEEN.length < units || lastMark === 0xffffffff) {
    SEEN = new Uint32Array(Math.max(units, SEEN.length));
    lastMark = 0;
  }
  return ++lastMark;
}

const isFeature = (w: UnitWord | null) => w?.kind === "feature" || w?.kind === "settlement";

// Ede, Jarai and M'nông names spell with j, f, w, z and a glued apostrophe ("M'Drắk").
const MINORITY_INITIAL = /^[jfwz]/;
const APOSTROPHE = (c: number) => c === 0x27 || c === 0x2019;

/**
 * The end of the capitalised run at `i`: up to four capitalised words a space apart ("M’lieng"
 * glued by its apostrophe is one). Letters only are read, nothing folded: most runs are
 * dropped before their words are checked (`syllablesEnd`). -1 when it runs longer.
 */
function capitalisedRunEnd(text: string, i: number, lex: UnitLexicon): number {
  let pos = i;
  for (let words = 0; words < 5; words++) {
    let j = pos;
    while (j < text.length && isLetter(text.charCodeAt(j))) j++;
    // "M’lieng": a capital, an apostrophe, the syllable.
    if (APOSTROPHE(codeAt(text, j)) && j - pos <= 2 && isLetter(codeAt(text, j + 1))) {
      j++;
      while (j < text.length && isLetter(text.charCodeAt(j))) j++;
    }
    if (codeAt(text, j) !== 32 || UPPER[codeAt(text, j + 1)] !== 1) return j;
    // "Jo Village": the run ends before a word of the lexicon.
    let k = j + 1;
    while (k < text.length && isLetter(text.charCodeAt(k))) k++;
    if (lex.after.has(lex.words.lookup(text, j + 1, k))) return j;
    if (words === 3) return -1;
    pos = j + 1;
  }
  return -1;
}

/**
 * Whether every word of [i, end) is a Vietnamese syllable, or one spelt as minority languages
 * spell them ("Jun" as "dun", "M’lieng" as "lieng").
 */
function allSyllables(text: string, i: number, end: number): boolean {
  for (const word of text.slice(i, end).split(" ")) {
    const glued = APOSTROPHE(word.charCodeAt(1)) ? word.slice(2) : word;
    // "Thôn" or "THÔN", not "CuaOng" (two words run together).
    const rest = glued.slice(glued === word ? 1 : 0);
    if (rest !== rest.toLowerCase() && rest !== rest.toUpperCase()) return false;
    const folded = foldKey(glued).replace(MINORITY_INITIAL, "d");
    if (folded.includes(" ") || !isVietnameseSyllable(folded)) return false;
  }
  return true;
}

/** A number after the name, past spaces and dashes: a numbered ward ("Phường 1"), no name. */
function numberAfter(text: string, end: number): boolean {
  let j = end;
  for (
    let c = text.charCodeAt(j);
    c === 32 || c === 0x2d || c === 0x2013;
    c = text.charCodeAt(++j)
  );
  const c = text.charCodeAt(j);
  return c >= 48 && c <= 57;
}

/** The code unit at `j`, 0 past the end: not NaN, which sends the optimised reads down the slow path. */
const codeAt = (text: string, j: number) => (j < text.length ? text.charCodeAt(j) : 0);

function isLetter(code: number): boolean {
  const f = CHAR[code] as number;
  return (f & 127) >= 97 || (f & 127) === 1;
}

/** The run of capitalised words `unlistedAt` last read, and what it found after the run. */
export interface CapitalisedRun {
  start: number;
  end: number;
  /** A number follows the run ("Phường 1"): no name. */
  dropped: boolean;
  /** The unit or settlement word right after the run, if any. */
  word: UnitWord | null;
}

/**
 * Whether the word before `pos` (past spaces and full stops, as `readTokensBefore` reads) may
 * end a unit or settlement phrase: its last letter tells for most words.
 */
function mayEndUnitWord(text: string, pos: number, lex: UnitLexicon): boolean {
  let j = pos;
  while (j > 0 && isInlineGap(text.charCodeAt(j - 1))) j--;
  if (j === 0) return false;
  const f = FOLD[text.charCodeAt(j - 1)] as number;
  return f === MARK || lex.unitBeforeFinals[f] === 1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
const isInlineGap = (c: number) => isSpace(c) || c === 0x2e;

/** The unit or settlement word right after a run that ends at `end`, a space apart. */
function unitWordAfter(text: string, end: number, lex: UnitLexicon): UnitWord | null {
  // After spaces, a word whose first letter begins no unit or settlement word: none.
  let j = end;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j === end || j === text.length) return null;
  const f = FOLD[text.charCodeAt(j)] as number;
  if (f !== MARK && lex.unitAfterInitials[f] !== 1) return null;
  if (!readTokenAfter(text, end, lex.words, AFTER) || !AFTER.spaced || AFTER.word < 0) return null;
  const w = lex.after.get(AFTER.word);
  return w && (w.kind === "unit" || w.kind === "settlement") ? w : null;
}

/**
 * A name that no unit has, at `i`, right after a unit or settlement word ("xã Nà Mơ", "thôn
 * Bản Mới") or right before one ("Ja village"): a village, or a commune spelt otherwise.
 * Cities are all listed, so "thành phố" and "city" alone do not count; nor does an ethnic group
 * ("a Hmong village"). Null otherwise.
 */
export function unlistedAt(
  text: string,
  i: number,
  m: UnitMatcher,
  floor = 0,
  run: CapitalisedRun = { start: -1, end: -1, dropped: false, word: null },
): UnitCandidate | null {
  // A word's start only: "DakToPang" is no name "Pang".
  if (i > 0 && isLetter(text.charCodeAt(i - 1))) return null;
  // The scan calls this at every capitalised word of a run ("Theo Sở Giao"): the later words
  // end where the first did, so the run and the word after it are read once.
  if (!(i > run.start && i < run.end)) {
    const end = capitalisedRunEnd(text, i, m.lexicon);
    if (end < 0) return null;
    run.start = i;
    run.end = end;
    run.dropped = numberAfter(text, end);
    run.word = run.dropped ? null : unitWordAfter(text, end, m.lexicon);
  }
  if (run.dropped) return null;
  const end = run.end;
  let word: UnitWord | null = run.word;
  const after = word !== null;
  if (!word && mayEndUnitWord(text, i, m.lexicon)) {
    const w = wordBefore(text, i, m.lexicon, floor);
    if (w && (w.kind === "unit" || w.kind === "settlement") && !w.abbreviation) word = w;
  }
  if (!word || (word.kind === "unit" && ![...word.types].some((t) => t !== "thành phố")))
    return null;
  if (!allSyllables(text, i, end)) return null;
  // A unit word written capitalised ("xã Phường …") is no name.
  const head = readTokenAfter(text, i, m.lexicon.words, AFTER) ? AFTER.word : -1;
  if (m.lexicon.beforeByCode.has(head + 1)) return null;
  const surface = text.slice(i, end);
  const key = foldKey(surface);
  if (m.lexicon.ethnicGroups.has(key)) return null;
  // "The village", "Then hamlet": a sentence's first word is capitalised anyway.
  const first = m.context.words.idOf(key.split(" ")[0] as string);
  if (m.context.notNames.has(first) || (after && !surface.includes(" ") && opensSentence(text, i)))
    return null;
  const unit = word.kind === "unit";
  return {
    start: i,
    end,
    text: surface,
    units: [],
    unitWord: unit ? word : null,
    unitWordAfter: unit && after,
    feature: !unit,
    generic: false,
    syllables: key.split(" ").length,
    loose: false,
    unlisted: true,
    continued: false,
  };
}
