export {
  BOUNDARIES_FILE,
  type BoundaryPoint,
  type BoundaryRing,
  formatBoundaryPath,
  type ProvinceBoundaries,
  parseBoundaryPath,
  validateBoundaries,
} from "./boundaries.js";
export { type NameKey, nameKeys } from "./keys.js";
export {
  checkGazetteer,
  DEFAULT_DATA_DIR,
  defaultGazetteer,
  loadGazetteer,
  readDataFile,
  readGazetteerSources,
} from "./load.js";
export type { GazetteerSources } from "./parse.js";
export type * from "./types.js";
export { validateGazetteer } from "./validate.js";
