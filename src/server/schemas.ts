import { MAX_QUERY_TERMS } from "../store/fts-query.js";
import { MAX_STORED_CHARS } from "../store/limits.js";

/**
 * JSON Schemas of the routes' inputs, shared by the validator and /openapi.json. Every object
 * is closed (`additionalProperties: false`, which the app enforces rather than strips): an
 * unknown query parameter or body field is a 400 E_VALIDATION naming it.
 */

const text = (maxLength: number) => ({ type: "string", minLength: 1, maxLength }) as const;

/** Query values arrive as strings (type coercion is off so bodies are strictly typed). */
export const limitParam = {
  type: "string",
  pattern: "^(100|[1-9][0-9]?)$",
  description: "1–100, default 20",
} as const;
export const offsetParam = {
  type: "string",
  pattern: "^[0-9]{1,9}$",
  description: "0 or more, default 0",
} as const;

const isoDate = {
  type: "string",
  pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
  maxLength: 40,
} as const;

/**
 * The longest full-text query, in characters: longer is a 400 E_VALIDATION naming the limit. A
 * query is a few words. The store also caps its terms (`MAX_QUERY_TERMS`; more is a 400
 * E_USAGE), which is what bounds the cost of the costliest one.
 */
export const MAX_QUERY_CHARS = 1000;

export const filterParams = {
  province: { ...text(200), description: 'old (63) province code or name: "48", "Đà Nẵng"' },
  province2025: { ...text(200), description: "new (34) province code or name" },
  entity: { ...text(200), description: 'canonical entity id, e.g. "org:asean"' },
  domain: { ...text(100), description: 'topic domain, e.g. "energy"' },
  source: text(2000),
  publisher: {
    ...text(200),
    description: 'publisher from metadata, e.g. "VGP" (case and diacritics aside)',
  },
  language: { type: "string", enum: ["en", "vi", "other"] },
  from: { ...isoDate, description: "ISO date (or date-time), inclusive" },
  to: { ...isoDate, description: "ISO date (or date-time), inclusive" },
  undated: {
    type: "string",
    enum: ["include", "only"],
    description:
      "documents without a date: include them in a from/to filter, or only them (with no from/to); a date filter otherwise leaves them out and counts them in undatedExcluded",
  },
} as const;

export const pageQuery = {
  type: "object",
  properties: { limit: limitParam, offset: offsetParam },
  additionalProperties: false,
} as const;

export const searchQuery = {
  type: "object",
  properties: {
    q: {
      ...text(MAX_QUERY_CHARS),
      description: `full text, diacritics optional; "quoted phrases", AND/OR/NOT, a trailing * for a prefix; at most ${MAX_QUERY_CHARS} characters (longer is a 400 E_VALIDATION) and ${MAX_QUERY_TERMS} words or phrases (more is a 400 E_USAGE). Other FTS5 syntax (NEAR, column:, ^) is read as plain words, never an error`,
    },
    ...filterParams,
    limit: limitParam,
    offset: offsetParam,
  },
  additionalProperties: false,
} as const;

export const provincesQuery = {
  type: "object",
  properties: {
    level: { type: "string", enum: ["old", "new"], default: "old" },
    q: searchQuery.properties.q,
    ...filterParams,
  },
  additionalProperties: false,
} as const;

export const idParams = {
  type: "object",
  required: ["id"],
  // Fastify's router refuses a path parameter over 100 characters first (400 E_VALIDATION).
  properties: { id: text(100) },
} as const;

export const compareQuery = {
  type: "object",
  required: ["a", "b"],
  properties: { a: text(200), b: text(200) },
  additionalProperties: false,
} as const;

/**
 * The longest text POST /analyze takes, in characters (longer: 413). Analysis takes about 5 s
 * a million characters and its answer is ten times the text: `dossier analyze` takes more.
 */
export const MAX_ANALYZE_CHARS = 1_000_000;
/** HTML shrinks to its text; the body limit (10 MB by default) bounds it first anyway. */
const MAX_HTML_CHARS = 10_000_000;

export const analyzeBody = {
  type: "object",
  required: ["text"],
  properties: {
    text: text(MAX_ANALYZE_CHARS),
    title: { type: "string", maxLength: 2000 },
    published: { type: "string", maxLength: 100, description: "ISO 8601" },
  },
  additionalProperties: false,
} as const;

export const documentJsonBody = {
  type: "object",
  properties: {
    text: text(MAX_STORED_CHARS),
    html: text(MAX_HTML_CHARS),
    source: { type: "string", minLength: 1, maxLength: 2000 },
  },
  anyOf: [{ required: ["text"] }, { required: ["html"] }],
  additionalProperties: false,
} as const;

/** JSON `{ text | html, source? }`, or the raw text/plain or text/html upload as a string. */
export const documentBody = {
  anyOf: [{ type: "string", minLength: 1 }, documentJsonBody],
} as const;
