import { foldKey, UPPER, WORDCLASS } from "../../text/fold.js";
import { allSyllablesCapitalised } from "../../text/tokens.js";
import { buildTrie, type Candidates, type NameTrie, newCandidates, walk } from "../../text/trie.js";
import type { EntityMention, EntityRecord } from "./types.js";

/** One way of writing an entity, folded for the trie. */
export interface EntityKey {
  key: string;
  entity: number;
  text: string;
  /** Only with exactly these letters in this case ("UN", not "un"). */
  exact: boolean;
  /** An exact key's letters and digits (`lettersOf(text)`), compared with the text's. */
  letters: string;
  /** Only with every word capitalised ("Chad", "Nga"). */
  cap: boolean;
  variant: "name" | "alias" | "demonym";
}

const lettersOf = (s: string) => s.normalize("NFC").replace(/[^\p{L}\p{N}]/gu, "");

export interface EntityMatcher {
  trie: NameTrie<EntityKey>;
  entities: EntityRecord[];
}

export function buildEntityMatcher(
  entities: EntityRecord[],
  trie: NameTrie<EntityKey> = buildEntityTrie(entities),
): EntityMatcher {
  return { trie, entities };
}

/** The trie of every name of `entities` (the costly part of a matcher: a cache keeps it). */
export function buildEntityTrie(entities: EntityRecord[]): NameTrie<EntityKey> {
  const keys: EntityKey[] = [];
  entities.forEach((e, entity) => {
    for (const n of e.names) {
      const key = foldKey(n.text);
      if (key.replace(/ /g, "").length < 2) continue;
      const exact = n.flags.includes("exact");
      const k: EntityKey = {
        key,
        entity,
        text: n.text,
        exact,
        letters: exact ? lettersOf(n.text) : "",
        cap: n.flags.includes("cap"),
        variant: n.variant,
      };
      keys.push(k);
      // The run-together spelling too ("Vietnam" for "Viet Nam"), for names of up to three words.
      if (key.includes(" ") && key.split(" ").length <= 3 && !k.exact)
        keys.push({ ...k, key: key.replace(/ /g, "") });
    }
  });
  return buildTrie(keys);
}

/**
 * Whether the letters and digits of text[start, end) are `letters`, as `lettersOf` would say,
 * without building a string when the span is ASCII (NFC leaves ASCII as it is, and its letters
 * and digits are A–Z, a–z and 0–9).
 */
function sameLetters(text: string, start: number, end: number, letters: string): boolean {
  let j = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return lettersOf(text.slice(start, end)) === letters;
    const lower = c | 0x20;
    if (!((c >= 48 && c <= 57) || (lower >= 97 && lower <= 122))) continue;
    if (j >= letters.length || letters.charCodeAt(j) !== c) return false;
    j++;
  }
  return j === letters.length;
}

function accepts(text: string, start: number, end: number, k: EntityKey): boolean {
  if (k.exact) return sameLetters(text, start, end, k.letters);
  if (!k.cap) return true;
  if (!allSyllablesCapitalised(text, start, end)) return false;
  // A one-word name among capitalised words is part of a longer name: "Đức" in "Nguyễn Minh
  // Đức", "Mỹ" in "Mỹ Tho".
  return (
    k.key.includes(" ") ||
    !(capitalisedNeighbour(text, start, -1) || capitalisedNeighbour(text, end, 1))
  );
}

/** Whether the word just before `pos` (dir -1) or after it (dir 1), across one space, is capitalised. */
function capitalisedNeighbour(text: string, pos: number, dir: -1 | 1): boolean {
  const gap = dir < 0 ? pos - 1 : pos;
  if (text.charAt(gap) !== " ") return false;
  if (dir > 0) return UPPER[text.charCodeAt(pos + 1)] === 1;
  let i = gap;
  while (i > 0 && (WORDCLASS[text.charCodeAt(i - 1)] as number) !== 0) i--;
  return i < gap && UPPER[text.charCodeAt(i)] === 1;
}

// One scratch for every call: two typed arrays a document cost more than the walk of a short
// one, and no call runs inside another (the loop calls nothing that matches entities).
const CANDIDATES: Candidates = newCandidates();

/**
 * Every listed entity named in `text`, longest name first at each word start: "UN Security
 * Council" is one mention, not "UN" and another. Acronyms match only in their own case.
 */
export function matchEntities(text: string, m: EntityMatcher): EntityMention[] {
  const out: EntityMention[] = [];
  const candidates = CANDIDATES;
  const words = WORDCLASS;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const w = words[text.charCodeAt(i)] as number;
    if (w === 0 || w === 3) {
      i++;
      continue;
    }
    walk(m.trie, text, i, candidates);
    let matched = -1;
    for (let c = candidates.count - 1; c >= 0 && matched < 0; c--) {
      const end = candidates.ends[c] as number;
      for (const k of m.trie.groups[candidates.groups[c] as number] ?? []) {
        if (!accepts(text, i, end, k)) continue;
        const e = m.entities[k.entity] as EntityRecord;
        out.push({
          text: text.slice(i, end),
          start: i,
          end,
          id: e.id,
          type: e.type,
          name: e.name,
          kind: e.kind,
          variant: k.variant,
          ...(e.year !== null ? { year: e.year } : {}),
        });
        matched = end;
        break;
      }
    }
    if (matched > 0) {
      i = matched;
      continue;
    }
    for (i++; i < n; i++) {
      const x = words[text.charCodeAt(i)] as number;
      if (x === 0) break;
    }
  }
  return out;
}
