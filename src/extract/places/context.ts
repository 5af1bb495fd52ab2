import type { NameKey } from "../../gazetteer/keys.js";
import type { Place } from "../../gazetteer/types.js";
import { FOLD, UPPER } from "../../text/fold.js";
import {
  allSyllablesCapitalised,
  diacriticSignature,
  hasDiacritics,
  isSyllableToken,
  type NearToken,
  readTokenAfter,
  readTokensBefore,
  tokenAfter,
} from "../../text/tokens.js";
import type { ContextLexicon, ContextRole } from "./lexicon.js";
import type { ProvinceRef } from "./types.js";

/** What the words around a candidate say, and the verdict. */
export interface Verdict {
  accept: boolean;
  /** Rejected as a person's full name ("Ambassador Pham Quang Vinh"): later bare uses are that person too. */
  person?: boolean;
  confidence: number;
  /** Name kind and confirming context when accepted; the reason for rejection otherwise. */
  reason: string;
}

/** A place with what its mentions report and what the rules compare, prepared once. */
export interface PlaceInfo {
  place: Place;
  ref: PlaceMentionPlace;
  province: ProvinceRef;
  province2025: ProvinceRef;
  /**
   * Diacritic signatures of its Vietnamese spellings, made when a mention first needs them
   * (`signaturesOf`): a start makes none for the places a run never meets.
   */
  signatures: Set<string> | null;
}

/** The diacritic signatures of the place's Vietnamese spellings, made on first use. */
function signaturesOf(info: PlaceInfo): Set<string> {
  info.signatures ??= new Set(
    info.place.names.filter((n) => hasDiacritics(n.text)).map((n) => diacriticSignature(n.text)),
  );
  return info.signatures;
}
type PlaceMentionPlace = Pick<Place, "id" | "name" | "nameVi" | "kind" | "lat" | "lon">;

// Bullets and list markers that may open a list line: • ‣ ◦ ⁃ ∙ * · ▪ – — -
const BULLETS = new Set([
  0x2022, 0x2023, 0x25e6, 0x2043, 0x2219, 0x2a, 0xb7, 0x25aa, 0x2013, 0x2014, 0x2d,
]);
const isBlank = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 13;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The longest phrase of up to `max` words ending right before the match that the lexicon knows. */
function roleBefore(
  text: string,
  tokens: NearToken[],
  count: number,
  lexicon: ContextLexicon,
  table: "before" | "titles",
): ContextRole | "title" | undefined {
  // The nearest word by number (the common case, no string built); longer phrases only when
  // that word can end one ("phố" of "thành phố").
  const first = tokens[0];
  if (count === 0 || !first || first.word < 0) return undefined;
  let found: ContextRole | "title" | undefined =
    table === "titles"
      ? lexicon.titlesOne.has(first.word)
        ? "title"
        : undefined
      : lexicon.beforeOne.get(first.word);
  if (found === undefined && table === "before" && !first.spaced) {
    const role = lexicon.abbreviations.get(first.word);
    if (role && text.charCodeAt(first.end) === 0x2e) return role;
  }
  if (!lexicon.suffixOne.has(first.word)) return found;
  let phrase = String(first.word);
  for (let i = 1; i < count; i++) {
    const t = tokens[i] as NearToken;
    if (!lexicon.beforeSuffixes.has(phrase)) break;
    if (t.word < 0) break;
    phrase = `${t.word} ${phrase}`;
    if (table === "titles") {
      if (lexicon.titles.has(phrase)) found = "title";
    } else {
      const role = lexicon.before.get(phrase);
      if (role) found = role;
    }
  }
  return found;
}

/**
 * Whether the words before the match are the start of a person's name: a capitalised run of
 * Vietnamese syllables opening with a family name that, with the match, is no longer than a
 * Vietnamese full name (four syllables). Returns the run's length, 0 when it is no name:
 * "Pham Quang|Vinh" → 2, "Nguyen|Hoa Binh" → 1, "Phan Chu Trinh|Hà Nội" → 0 (five syllables),
 * "Song Lam|Nghe An" → 0 (the run opens with "Song").
 */
function personNameBefore(
  text: string,
  tokens: NearToken[],
  count: number,
  lexicon: ContextLexicon,
  matchStart: number,
  syllables: number,
): number {
  // Counted, not collected: the run's last token (its first word) is all the test needs.
  let n = 0;
  let gapEnd = matchStart;
  for (let i = 0; i < count; i++) {
    const t = tokens[i] as NearToken;
    // Only plain spaces may separate the words of one person's name from each other and the match.
    if (!t.spaced || t.end === gapEnd) break;
    if (!t.capitalised || lexicon.notNames.has(t.word) || !isSyllableToken(text, t)) break;
    n++;
    gapEnd = t.start;
  }
  if (n === 0 || n + syllables > 4) return 0;
  return lexicon.surnames.has((tokens[n - 1] as NearToken).word) ? n : 0;
}

function speechVerbAfter(text: string, after: NearToken, lexicon: ContextLexicon): boolean {
  if (after.word < 0) return false;
  if (lexicon.personVerbs.has(String(after.word))) return true;
  const next = tokenAfter(text, after.end, lexicon.words);
  return next !== undefined && lexicon.personVerbs.has(`${after.word} ${next.word}`);
}

/** The name stands alone on its line, after at most a bullet or a number ("  • Vung Tau", "3. Hue,"). */
function isListItem(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (isBlank(text.charCodeAt(i)) || BULLETS.has(text.charCodeAt(i)))) i--;
  if (i >= 0 && (text.charCodeAt(i) === 0x2e || text.charCodeAt(i) === 0x29)) {
    let j = i - 1;
    while (j >= 0 && isDigit(text.charCodeAt(j))) j--;
    if (j < i - 1 && j >= i - 4) {
      i = j;
      while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
    }
  }
  if (i >= 0 && text.charCodeAt(i) !== 10) return false;
  let k = end;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!(isBlank(c) || c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a)) break;
  }
  return k === text.length || text.charCodeAt(k) === 10;
}

/** The folded first letter of the word after `pos` (after spaces), or 0. */
function nextInitial(text: string, pos: number): number {
  const n = text.length;
  let j = pos;
  // Past the end reads as 0 (OTHER), not charCodeAt's NaN, which would slow every read here.
  let c = j < n ? text.charCodeAt(j) : 0;
  while (c === 32 || c === 0xa0 || c === 9) c = ++j < n ? text.charCodeAt(j) : 0;
  const f = FOLD[c] as number;
  return f >= 97 ? f : 0;
}

function isAllLowercase(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (UPPER[s.charCodeAt(i)] === 1) return false;
  return true;
}

function diacriticsDiffer(surface: string, marked: boolean, info: PlaceInfo): boolean {
  // Most surfaces are the place's own Vietnamese name, NFC: a string compare settles them.
  return (
    marked && surface !== info.place.nameVi && !signaturesOf(info).has(diacriticSignature(surface))
  );
}

/** Scratch for the words before a candidate, reused by every call of `judge` (never re-entered). */
const BEFORE: NearToken[] = [];
const AFTER: NearToken = { start: 0, end: 0, word: -1, capitalised: false, spaced: false };

const reject = (reason: string): Verdict => ({ accept: false, confidence: 0, reason });

/**
 * Whether the words around a capitalised run at [start, end) make it a person's name rather
 * than a place: a title before it ("King Quang Trung", "ông Minh Khai"), a family-name run
 * before it, a name already seen as a person's in this text, or a speech verb after it. Returns
 * the reason, or null. For names below the province, which rule 1–4 of `judge` do not reach.
 */
export function personReason(
  text: string,
  start: number,
  end: number,
  key: string,
  syllables: number,
  lexicon: ContextLexicon,
  people: ReadonlySet<string>,
): string | null {
  const before = BEFORE;
  const count = readTokensBefore(text, start, lexicon.lookback, lexicon.words, before);
  if (roleBefore(text, before, count, lexicon, "titles") === "title")
    return "person: title before the name";
  if (personNameBefore(text, before, count, lexicon, start, syllables) > 0)
    return "person: family name before the name";
  if (people.has(key)) return "person named earlier in the text";
  const after = readTokenAfter(text, end, lexicon.words, AFTER) ? AFTER : undefined;
  if (after?.spaced && speechVerbAfter(text, after, lexicon))
    return "person: speech verb after the name";
  return null;
}

const BASE_CONFIDENCE: Partial<Record<Place["kind"], number>> = {
  province: 0.95,
  municipality: 0.95,
  city: 0.9,
  town: 0.9,
};

/**
 * Decides whether a name found in the text is the place, from the words around it. The rules,
 * in order:
 * 1. a ward or commune word next to it ("Tan An ward"), or a district word next to a province's
 *    name ("huyện Quảng Ninh"): another unit that shares the name;
 * 2. a river, street … word before it with other diacritics ("sông Kiến Giang"): another name;
 * 3. a title before a name that can be a person's ("Ambassador Vinh", "President Ho Chi Minh");
 * 4. a capitalised run opening with a family name before it ("Pham Quang Vinh", "Nguyen Hue"),
 *    a speech verb after a name that can be a given name ("…, Vinh said."), or a given name
 *    already seen in this text as a person's full name (`people`);
 * 5. a `cap` name not capitalised ("hue" the colour, "long an");
 * 6. a `listonly` name neither alone on a list line nor after a city word (Ho Chi Minh the man);
 * 7. a one-syllable name followed by another Vietnamese syllable ("Vinh Trang", "Vinh Hy").
 */
export function judge(
  text: string,
  start: number,
  end: number,
  surface: string,
  key: NameKey,
  info: PlaceInfo,
  lexicon: ContextLexicon,
  people: ReadonlySet<string>,
): Verdict {
  const { place } = info;
  const marked = hasDiacritics(surface);
  const differ = diacriticsDiffer(surface, marked, info);
  // The nearest word usually settles it ("in", "of", "tỉnh"); read further back only when it
  // could end a longer phrase ("thành phố") or a person's name (capitalised).
  const before = BEFORE;
  let count = readTokensBefore(text, start, 1, lexicon.words, before);
  const nearest = before[0] as NearToken;
  if (count === 1 && (nearest.capitalised || lexicon.suffixOne.has(nearest.word))) {
    count = readTokensBefore(text, start, lexicon.lookback, lexicon.words, before);
  }
  const { single } = key;
  const personLike = single || key.cap || key.listonly;
  // The word after matters for every name only when it can be a unit word ("district",
  // "province"); for names that can be a person's, always (speech verbs, longer names).
  const after =
    (personLike || lexicon.afterInitials[nextInitial(text, end)] === 1) &&
    readTokenAfter(text, end, lexicon.words, AFTER)
      ? AFTER
      : undefined;
  const roleB = roleBefore(text, before, count, lexicon, "before");
  const roleA =
    after?.spaced || (after && !after.spaced && after.capitalised)
      ? lexicon.after.get(after.word)
      : undefined;
  if (roleB === "lower" || roleA === "lower") return reject("lower-level unit with the same name");
  const isProvince = place.kind === "province" || place.kind === "municipality";
  if (isProvince && (roleB === "district" || roleA === "district")) {
    return reject("district with a province's name");
  }
  if (roleB === "feature" && differ) {
    return reject("feature whose name differs in diacritics");
  }
  const cityWord =
    roleB === "city" || roleB === "province" || roleA === "city" || roleA === "province";
  if (!cityWord) {
    const family = personNameBefore(text, before, count, lexicon, start, key.syllables);
    if (personLike && roleBefore(text, before, count, lexicon, "titles") === "title") {
      return {
        accept: false,
        person: true,
        confidence: 0,
        reason: "person: title before the name",
      };
    }
    if (family > 0) {
      const reason = "person: family name before the name";
      return { accept: false, person: family >= 2, confidence: 0, reason };
    }
    if (personLike && roleB !== "locative" && people.has(key.key)) {
      return reject("person named earlier in the text");
    }
    if (personLike && after?.spaced && speechVerbAfter(text, after, lexicon)) {
      return reject("person: speech verb after the name");
    }
  }
  if (key.cap && !allSyllablesCapitalised(text, start, end)) {
    return reject("common word: not capitalised");
  }
  // Vietnamese capitalises every proper name: written with diacritics but all in lowercase,
  // the syllables are ordinary words ("hai phòng" two rooms, "cần giờ", "đi ăn").
  if (!cityWord && marked && isAllLowercase(surface)) {
    return reject("common words: Vietnamese in lowercase");
  }
  const listItem = isListItem(text, start, end);
  if (key.listonly && !listItem && roleB !== "city") {
    return reject("person: bare name outside a list or city context");
  }
  if (single && !cityWord && after?.spaced && after.capitalised && isSyllableToken(text, after)) {
    return reject("part of a longer name");
  }

  let confidence = BASE_CONFIDENCE[place.kind] ?? 0.85;
  let reason: string = key.form;
  if (single) confidence -= 0.15;
  if (key.joined) confidence -= 0.05;
  if (cityWord) {
    confidence = Math.max(confidence, 0.97);
    reason += roleB ? `, after ${roleB} word` : `, before ${roleA} word`;
  } else if (listItem) {
    confidence = Math.max(confidence, 0.9);
    reason += ", list item";
  }
  if (differ) {
    confidence = Math.min(confidence, 0.5);
    reason += ", diacritics differ";
  }
  return { accept: true, confidence: Math.round(confidence * 100) / 100, reason };
}
