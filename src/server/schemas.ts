/** JSON Schemas of the routes' inputs, shared by the validator and /openapi.json. */

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

export const filterParams = {
  province: { ...text(200), description: 'old (63) province code or name: "48", "Đà Nẵng"' },
  province2025: { ...text(200), description: "new (34) province code or name" },
  entity: { ...text(200), description: 'canonical entity id, e.g. "org:asean"' },
  domain: { ...text(100), description: 'topic domain, e.g. "energy"' },
  source: text(2000),
  language: { type: "string", enum: ["en", "vi", "other"] },
  from: { type: "string", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", description: "ISO date" },
  to: { type: "string", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", description: "ISO date" },
} as const;

export const pageQuery = {
  type: "object",
  properties: { limit: limitParam, offset: offsetParam },
  additionalProperties: false,
} as const;

export const searchQuery = {
  type: "object",
  properties: {
    q: { ...text(1000), description: "full text, diacritics optional; phrases, AND/OR/NOT" },
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
  properties: { id: text(200) },
} as const;

export const compareQuery = {
  type: "object",
  required: ["a", "b"],
  properties: { a: text(200), b: text(200) },
  additionalProperties: false,
} as const;

export const MAX_ANALYZE_CHARS = 5_000_000;

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
    text: text(MAX_ANALYZE_CHARS * 2),
    html: text(MAX_ANALYZE_CHARS * 2),
    source: { type: "string", minLength: 1, maxLength: 2000 },
  },
  anyOf: [{ required: ["text"] }, { required: ["html"] }],
  additionalProperties: false,
} as const;

/** JSON `{ text | html, source? }`, or the raw text/plain or text/html upload as a string. */
export const documentBody = {
  anyOf: [{ type: "string", minLength: 1 }, documentJsonBody],
} as const;
