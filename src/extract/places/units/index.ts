/**
 * Names below the province: the districts and communes of before 1 July 2025 and the communes
 * of after, matched apart from provinces and places because dozens share a name. In two steps:
 * 1. the scan (`unitAt`) finds a candidate where no province or place was accepted, and reads
 *    the words beside it: unit words ("huyện", "H.", "district"), features, streets, persons;
 * 2. once the text is read (`resolveUnits`), each candidate is tied to a province by the
 *    provinces and districts named in its sentence, then in the document, or left undecided.
 */
export { type ListItem, sitesInFeatureLists } from "./feature-lists.js";
export { loadUnitLexicon, parseUnitLexicon, type UnitLexicon } from "./lexicon.js";
export {
  buildUnitMatcher,
  buildUnitTrie,
  type CapitalisedRun,
  type UnitCandidate,
  type UnitKey,
  type UnitMatcher,
  unitAt,
  unlistedAt,
} from "./matcher.js";
export { resolveUnits, type UnitResolver } from "./resolve.js";
