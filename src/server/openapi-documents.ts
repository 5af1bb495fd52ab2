/**
 * OpenAPI schemas of a stored document and its analysis (src/ingest/types.ts, src/analyze.ts):
 * the fields a client reads, described; more may be added.
 */
const str = { type: "string" } as const;
const strOrNull = { type: ["string", "null"] } as const;
const array = (items: Record<string, unknown>) => ({ type: "array", items }) as const;
const mention = {
  type: "object",
  properties: { text: str, start: { type: "integer" }, end: { type: "integer" } },
} as const;

export const documentSchema = {
  type: "object",
  properties: {
    id: str,
    source: str,
    format: { enum: ["text", "markdown", "html", "jsonl"] },
    url: { ...strOrNull, description: 'the reader\'s URL, or a "Source: <url>" line of the text' },
    title: strOrNull,
    lede: strOrNull,
    publisher: strOrNull,
    published: {
      ...strOrNull,
      description: "ISO 8601; null for an undated document (no date, or no year the text tells)",
    },
    publishedFrom: {
      type: ["object", "null"],
      description: "where published was read and how sure its year is",
      properties: {
        via: { enum: ["metadata", "dateline", "text"] },
        text: str,
        year: { enum: ["stated", "inferred", "unknown"] },
        monthDay: { ...str, pattern: "^--[0-9]{2}-[0-9]{2}$" },
        evidence: strOrNull,
      },
    },
    language: { enum: ["en", "vi", "other"] },
    text: str,
    captions: array({ type: "object", properties: { text: str, credit: strOrNull } }),
  },
} as const;

export const analysisSchema = {
  type: "object",
  description: "offsets are UTF-16 code units into document.text, in captions into the caption",
  properties: {
    places: array(mention),
    provinces: { type: "array", description: "mentions per province, the captions' included" },
    provinces2025: { type: "array" },
    entities: array(mention),
    dates: array(mention),
    topics: { type: "array" },
    kind: { type: "object" },
    provisions: { type: "array" },
    captions: array({
      type: "object",
      properties: {
        text: str,
        credit: strOrNull,
        agencies: array(str),
        photographers: array(str),
        places: array(mention),
        entities: array(mention),
        dates: array(mention),
      },
    }),
  },
} as const;
