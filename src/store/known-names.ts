import { defaultEntities } from "../extract/entities/index.js";
import { defaultGazetteer } from "../gazetteer/load.js";
import { searchKey } from "./search-key.js";

/** The longest name, in words, looked for in a query. */
const MAX_WORDS = 6;

let known: Set<string> | null = null;

/** Every name of several words Dossier knows (places, entities), folded: "da nang", "ho chi minh". */
function knownNames(): Set<string> {
  if (known) return known;
  const names = [
    ...defaultGazetteer().places.flatMap((p) => p.names.map((n) => n.text)),
    ...defaultEntities().flatMap((e) => e.names.map((n) => n.text)),
  ];
  known = new Set(names.map(searchKey).filter((key) => key.includes(" ")));
  return known;
}

/**
 * How many of `words` (folded, from the first) make a known name, longest first; 0 when they
 * make none. A query's "da nang" is then the phrase "Đà Nẵng", not "đã" anywhere and "năng"
 * anywhere, which in Vietnamese text would match half of everything.
 */
export function knownNameLength(words: string[]): number {
  const names = knownNames();
  for (let n = Math.min(MAX_WORDS, words.length); n >= 2; n--)
    if (names.has(words.slice(0, n).join(" "))) return n;
  return 0;
}
