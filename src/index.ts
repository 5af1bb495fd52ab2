/** Dossier's library API: everything the CLI (and later the server and UI) uses. */
export {
  type Analysis,
  type AnalyzeOptions,
  analyze,
  type DocumentInput,
  placesAndEntities,
} from "./analyze.js";
export { compareHistory, type History, type Thread } from "./compare/history.js";
export {
  type Change,
  type CompareInput,
  type CompareOptions,
  type Comparison,
  compare,
  DEFAULT_COMPARE_OPTIONS,
  type DiffPart,
  type Pair,
  type PairClass,
  WEIGHTS,
} from "./compare/index.js";
export { indexStatements, nearestStatement, type StatementIndex } from "./compare/nearest.js";
export { comparisonHtml, comparisonsHtml } from "./compare/report-html.js";
export { comparisonMarkdown, comparisonText } from "./compare/report-text.js";
export { DossierError, type ErrorCode, errorCodes, isDossierError } from "./errors.js";
export { type EntityMention, type EntityType, findEntities } from "./extract/entities/index.js";
export {
  countProvinces,
  createGeoparser,
  defaultGeoparser,
  type FindPlacesOptions,
  findPlaces,
  type Geoparser,
  loadContextLexicon,
  type PlaceMention,
  type PlacesFound,
  type ProvinceCount,
  type ProvinceRef,
  type SubUnit,
  type UnitRef,
  type UnresolvedPlace,
} from "./extract/places/index.js";
export { findProvisions, type Provision, type Stance } from "./extract/provisions/index.js";
export { type TopicHit, topicsOf } from "./extract/topics/index.js";
export {
  checkGazetteer,
  defaultGazetteer,
  type Gazetteer,
  loadGazetteer,
  type Place,
  type PlaceKind,
  type Province,
  type Province2025,
  readGazetteerSources,
  validateGazetteer,
} from "./gazetteer/index.js";
export { type Dateline, findDateline, parseDateTime } from "./ingest/dates.js";
export { documentId } from "./ingest/identity.js";
export {
  type Caption,
  type Cleaned,
  cleanText,
  type Document,
  type DocumentFormat,
  DuplicateIndex,
  type DuplicateMatch,
  type IngestItem,
  type IngestOptions,
  ingest,
  ingestBytes,
  ingestPaths,
  type Language,
  type NearDuplicateOptions,
  type Removed,
} from "./ingest/index.js";
export type { FsPath } from "./io/fs-path.js";
export { foldKey, stripDiacritics } from "./text/fold.js";
