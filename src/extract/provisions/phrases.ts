import { foldKey } from "../../text/fold.js";
import type { Token } from "./tokens.js";

/** Stands for up to GAP_WORDS words of the same clause in a phrase ("extended … invitation"). */
const GAP = Symbol("gap");
const GAP_WORDS = 8;

/** Slots of the lexicons' phrase syntax, each expanded into its words ("" = the slot may be empty). */
const SLOTS: Record<string, string[]> = {
  "{poss}": ["", "their", "its", "his", "her", "our", "the", "a"],
  "{be}": ["is", "are", "was", "were", "be", "been", "remain", "remains", "remained"],
};

/**
 * A word of a phrase: folded, and as written in lowercase. A word of the text that has
 * diacritics must match the written form ("mời", to invite, is not "mới", new); a word
 * written without them matches on the folded form, so unaccented text is still read.
 */
export interface Word {
  key: string;
  exact: string;
}

export interface Phrase<T> {
  words: (Word | typeof GAP)[];
  value: T;
  /** The phrase as written in the lexicon. */
  source: string;
  /** How many words it names (the gap not counted): the more, the more specific. */
  literal: number;
}

export interface PhraseMatch<T> {
  phrase: Phrase<T>;
  /** Token index after the match. */
  end: number;
}

/** Expands a lexicon phrase into the literal word sequences it stands for. */
function expand(source: string): (Word | typeof GAP)[][] {
  let out: (Word | typeof GAP)[][] = [[]];
  for (const raw of source.trim().split(/\s+/)) {
    const options: (Word | typeof GAP)[][] =
      raw === "…" || raw === "..."
        ? [[GAP]]
        : SLOTS[raw]
          ? (SLOTS[raw] as string[]).map((w) => (w ? [{ key: w, exact: w }] : []))
          : [wordsOf(raw)];
    out = out.flatMap((prefix) => options.map((o) => [...prefix, ...o]));
  }
  return out.filter((w) => w.length > 0 && w[0] !== GAP);
}

/** The words of a written token ("H.E." is two, "Ô-xtrây-li-a" four), folded and as written. */
function wordsOf(raw: string): Word[] {
  const keys = foldKey(raw).split(" ").filter(Boolean);
  const written = raw
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
  return keys.map((key, i) => ({
    key,
    exact: written.length === keys.length ? (written[i] as string) : key,
  }));
}

/**
 * A set of phrases matched on tokens: indexed by first word, the most specific phrase (most
 * words, then the longest reach) wins at a position.
 */
export class PhraseSet<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();

  constructor(rows: Iterable<[T, string]>) {
    for (const [value, source] of rows) {
      for (const words of expand(source)) {
        const first = (words[0] as Word).key;
        const list = this.byFirst.get(first) ?? [];
        list.push({ words, value, source, literal: words.filter((w) => w !== GAP).length });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.literal - a.literal);
  }

  /** True when some phrase starts with this folded word. */
  starts(key: string): boolean {
    return this.byFirst.has(key);
  }

  /** How phrases open: their first two words, or the first alone when a gap or nothing follows. */
  openings(): Word[][] {
    return [...this.byFirst.values()].flatMap((list) =>
      list.map((p) => {
        const [a, b] = p.words as [Word, Word | typeof GAP | undefined];
        return b === undefined || b === GAP ? [a] : [a, b];
      }),
    );
  }

  /** The words phrases start with. */
  firstWords(): Word[] {
    return [...this.byFirst.values()].flatMap((list) => list.map((p) => p.words[0] as Word));
  }

  /** Every word of every phrase. */
  allWords(): Word[] {
    return [...this.byFirst.values()].flatMap((list) =>
      list.flatMap((p) => p.words.filter((w): w is Word => w !== GAP)),
    );
  }

  /** The best phrase starting at token `at`, matched within tokens[0, limit). */
  match(tokens: Token[], at: number, limit = tokens.length): PhraseMatch<T> | undefined {
    const first = tokens[at];
    if (!first || first.punct) return undefined;
    const list = this.byFirst.get(first.key);
    if (!list) return undefined;
    let best: PhraseMatch<T> | undefined;
    for (const phrase of list) {
      if (best && best.phrase.literal > phrase.literal) break;
      const end = matchFrom(tokens, at, limit, phrase.words, 0);
      // Among phrases as specific (the list is sorted), a gap reaching less far wins:
      // "expressed support for … and satisfaction" expresses support.
      if (end >= 0 && (!best || end < best.end)) best = { phrase, end };
    }
    return best;
  }
}

function matchFrom(
  tokens: Token[],
  at: number,
  limit: number,
  words: (Word | typeof GAP)[],
  k: number,
): number {
  let i = at;
  for (; k < words.length; k++) {
    const w = words[k];
    if (w === GAP) {
      // A gap crosses words and commas ("greetings, salutations and invitations") but no
      // other clause mark; the rest of the phrase must follow within GAP_WORDS words.
      let skipped = 0;
      for (let j = i; j < limit && skipped <= GAP_WORDS; j++) {
        const t = tokens[j] as Token;
        if (t.punct && t.key !== ",") break;
        const end = matchFrom(tokens, j, limit, words, k + 1);
        if (end >= 0) return end;
        if (!t.punct) skipped++;
      }
      return -1;
    }
    const t = tokens[i];
    if (
      !t ||
      !w ||
      i >= limit ||
      t.punct ||
      t.key !== w.key ||
      (t.exact !== null && t.exact !== w.exact)
    )
      return -1;
    i++;
  }
  return i;
}
