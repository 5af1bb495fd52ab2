import type { NameKey } from "../../gazetteer/keys.js";
import type { Place } from "../../gazetteer/types.js";
import { isVietnameseSyllable } from "../../text/syllable.js";
import {
  allSyllablesCapitalised,
  diacriticSignature,
  hasDiacritics,
  lineAround,
  type NearToken,
  tokenAfter,
  tokensBefore,
} from "../../text/tokens.js";
import type { ContextLexicon, ContextRole } from "./lexicon.js";

/** What the words around a candidate say, and the verdict. */
export interface Verdict {
  accept: boolean;
  /** Rejected as a person's full name ("Ambassador Pham Quang Vinh"): later bare uses are that person too. */
  person?: boolean;
  confidence: number;
  /** Name kind and confirming context when accepted; the reason for rejection otherwise. */
  reason: string;
}

const BULLET = /^[\s\u2022\u2023\u25e6\u2043\u2219*·•◦▪‣–—-]*(?:\d{1,3}[.)]\s*)?/u;
const TRAILING = /[\s.,;:]*$/u;

/** The longest phrase of up to `max` words ending right before the match that the lexicon knows. */
function roleBefore(
  tokens: NearToken[],
  lexicon: ContextLexicon,
  table: "before" | "titles",
): ContextRole | "title" | undefined {
  let phrase = "";
  let found: ContextRole | "title" | undefined;
  for (const t of tokens) {
    phrase = phrase === "" ? t.folded : `${t.folded} ${phrase}`;
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
  tokens: NearToken[],
  lexicon: ContextLexicon,
  matchStart: number,
  syllables: number,
): number {
  const run: NearToken[] = [];
  let gapEnd = matchStart;
  for (const t of tokens) {
    // Only plain spaces may separate the words of one person's name from each other and the match.
    if (!t.spaced || t.end === gapEnd) break;
    if (!t.capitalised || !isVietnameseSyllable(t.folded) || lexicon.notNames.has(t.folded)) break;
    run.push(t);
    gapEnd = t.start;
  }
  const n = run.length;
  if (n === 0 || n + syllables > 4) return 0;
  return lexicon.surnames.has((run[n - 1] as NearToken).folded) ? n : 0;
}

function syllableCount(key: string): number {
  return key.split(" ").length;
}

function speechVerbAfter(text: string, after: NearToken, lexicon: ContextLexicon): boolean {
  if (lexicon.personVerbs.has(after.folded)) return true;
  const next = tokenAfter(text, after.end);
  return next !== undefined && lexicon.personVerbs.has(`${after.folded} ${next.folded}`);
}

function isListItem(text: string, start: number, end: number): boolean {
  const line = lineAround(text, start, end).replace(BULLET, "").replace(TRAILING, "");
  return line === text.slice(start, end);
}

function diacriticsDiffer(surface: string, place: Place): boolean {
  if (!hasDiacritics(surface)) return false;
  const sig = diacriticSignature(surface);
  return !place.names.some((n) => hasDiacritics(n.text) && diacriticSignature(n.text) === sig);
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
 * 1. a district, ward or commune word next to it ("huyện Quảng Ninh", "Tan An ward"): another unit;
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
  key: NameKey,
  place: Place,
  lexicon: ContextLexicon,
  people: ReadonlySet<string>,
): Verdict {
  const surface = text.slice(start, end);
  const before = tokensBefore(text, start, Math.max(lexicon.maxBeforeWords, 4));
  const after = tokenAfter(text, end);
  const roleB = roleBefore(before, lexicon, "before");
  const roleA =
    after?.spaced || (after && !after.spaced && after.capitalised)
      ? lexicon.after.get(after.folded)
      : undefined;
  const single = !key.joined && !key.key.includes(" ") && isVietnameseSyllable(key.key);
  const personLike = single || key.flags.includes("cap") || key.flags.includes("listonly");
  const reject = (reason: string): Verdict => ({ accept: false, confidence: 0, reason });

  if (roleB === "lower" || roleA === "lower") return reject("lower-level unit with the same name");
  if (roleB === "feature" && diacriticsDiffer(surface, place)) {
    return reject("feature whose name differs in diacritics");
  }
  const cityWord =
    roleB === "city" || roleB === "province" || roleA === "city" || roleA === "province";
  if (!cityWord) {
    const family = personNameBefore(
      before,
      lexicon,
      start,
      key.joined ? 1 : syllableCount(key.key),
    );
    if (personLike && roleBefore(before, lexicon, "titles") === "title") {
      return { ...reject("person: title before the name"), person: true };
    }
    if (family > 0)
      return { ...reject("person: family name before the name"), person: family >= 2 };
    if (personLike && roleB !== "locative" && people.has(key.key)) {
      return reject("person named earlier in the text");
    }
    if (personLike && after?.spaced && speechVerbAfter(text, after, lexicon)) {
      return reject("person: speech verb after the name");
    }
  }
  if (key.flags.includes("cap") && !allSyllablesCapitalised(text, start, end)) {
    return reject("common word: not capitalised");
  }
  const listItem = isListItem(text, start, end);
  if (key.flags.includes("listonly") && !listItem && !(roleB === "city")) {
    return reject("person: bare name outside a list or city context");
  }
  if (
    single &&
    !cityWord &&
    after?.spaced &&
    after.capitalised &&
    isVietnameseSyllable(after.folded)
  ) {
    return reject("part of a longer name");
  }

  let confidence = BASE_CONFIDENCE[place.kind] ?? 0.85;
  const notes: string[] = [
    key.joined
      ? "run-together"
      : key.name === place.name || key.name === place.nameVi
        ? "name"
        : "alias",
  ];
  if (single) confidence -= 0.15;
  if (key.joined) confidence -= 0.05;
  if (cityWord) {
    confidence = Math.max(confidence, 0.97);
    notes.push(roleB ? `after ${roleB} word` : `before ${roleA} word`);
  } else if (listItem) {
    confidence = Math.max(confidence, 0.9);
    notes.push("list item");
  }
  if (diacriticsDiffer(surface, place)) {
    confidence = Math.min(confidence, 0.5);
    notes.push("diacritics differ");
  }
  return { accept: true, confidence: Math.round(confidence * 100) / 100, reason: notes.join(", ") };
}
