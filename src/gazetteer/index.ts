export {
  BOUNDARIES_FILE,
  type BoundaryLevel,
  type BoundaryProperties,
  defaultBoundaries,
  type ProvinceFeature,
  provinceFeatures,
  ringArea,
  VIETNAM_BBOX,
  validateBoundaryTopology,
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
