/** Dossier's library API: everything the CLI (and later the server and UI) uses. */
export { type Analysis, type AnalyzeOptions, analyze, type DocumentInput } from "./analyze.js";
export { DossierError, type ErrorCode, errorCodes, isDossierError } from "./errors.js";
export {
  countProvinces,
  createGeoparser,
  defaultGeoparser,
  type FindPlacesOptions,
  findPlaces,
  type Geoparser,
  loadContextLexicon,
  type PlaceMention,
  type ProvinceCount,
  type ProvinceRef,
} from "./extract/places/index.js";
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
export { foldKey, stripDiacritics } from "./text/fold.js";
