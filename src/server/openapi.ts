import { analysisSchema, documentSchema } from "./openapi-documents.js";
import {
  analyzeBody,
  compareQuery,
  documentJsonBody,
  filterParams,
  limitParam,
  offsetParam,
  searchQuery,
} from "./schemas.js";

type Schema = Record<string, unknown>;

const query = (name: string, schema: Schema, required = false) => ({
  name,
  in: "query",
  required,
  schema,
});
const json = (schema: Schema, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});
const error = (description: string) => json({ $ref: "#/components/schemas/Error" }, description);
const page = [query("limit", limitParam), query("offset", offsetParam)];
const filters = Object.entries(filterParams).map(([name, schema]) => query(name, schema));
const searchResult = json({ $ref: "#/components/schemas/SearchResult" });
const object = { type: "object" };
const bad = {
  "400": error(
    "invalid input: E_VALIDATION (also for an unknown query parameter or body field, which it names), E_USAGE (a query of too many terms, a province filter naming no province), E_EMPTY, E_FORMAT (also a JSON body that is not UTF-8), E_BINARY",
  ),
};
const body = {
  "413": error("body over the limit, 10 MB by default (E_TOO_LARGE)"),
  "415": error("a content-type the route does not take (E_UNSUPPORTED_MEDIA_TYPE)"),
};
const missing = {
  "404": error('no such document (E_NOT_FOUND: "no document with id …", naming it)'),
};
const retryAfter = {
  "Retry-After": {
    description: "seconds to wait before trying again",
    schema: { type: "integer" },
  },
};
const withRetry = (description: string) => ({
  ...error(description),
  headers: retryAfter,
});
/** Answers any route may give. */
const always = {
  "403": error(
    "refused: a Host header this server does not answer to (E_FORBIDDEN_HOST, DNS rebinding), or a request from a page of another site (E_CROSS_SITE)",
  ),
  "500": error(
    "a bug (E_INTERNAL): the message names the request id under which standard error logs it",
  ),
};
/** Answers of the heavy routes: bounded in flight, in time and in memory. */
const heavy = {
  "408": error("the request did not arrive whole within the request timeout (E_TIMEOUT)"),
  "413": error(
    "too large (E_TOO_LARGE): a body over the limit (10 MB by default), a text over its length limit, a task that needed more memory than a worker may use, or a comparison of more than 1,000 provisions a side",
  ),
  "429": withRetry(
    "too many uploads, analyses and comparisons in flight at once (E_TOO_MANY_REQUESTS)",
  ),
  "503": withRetry(
    "the work took longer than the time limit, 60 s by default, and was stopped (E_TIME_LIMIT); or, for writes, another process holds the database's write lock (E_DB_BUSY)",
  ),
};
const writes = {
  "507": error("the database reached its size cap (--max-db-size) or its disk is full (E_DB_FULL)"),
};
const bearer = {
  "401": error("token missing or wrong (E_UNAUTHORIZED), when the server has one"),
};

const textUpload =
  "UTF-8, or the charset the content-type names; other bytes are decoded as files are " +
  "(a UTF-16 BOM, or Windows-1258/1252 guessed from the letters)";

/** OpenAPI 3.1 description of the API built by `buildApp`. */
const indices = { type: "array", items: { type: "integer" } } as const;
/** The comparison of two statements (src/compare/types.ts): what changed, then the pairs. */
const comparison = {
  type: "object",
  properties: {
    a: object,
    b: object,
    pairs: {
      type: "array",
      items: {
        type: "object",
        properties: {
          a: { type: ["integer", "null"] },
          b: { type: ["integer", "null"] },
          aText: { type: ["string", "null"] },
          bText: { type: ["string", "null"] },
          class: { enum: ["same", "reworded", "only_a", "only_b"] },
          score: { type: "number" },
          confidence: { type: "number", minimum: 0, maximum: 1 },
          reasons: {
            type: ["object", "null"],
            properties: {
              terms: { type: "array", items: { type: "string" } },
              concepts: { type: "array", items: { type: "string" } },
              entities: { type: "array", items: { type: "string" } },
              stance: { enum: ["same", "same family", "different"] },
              clauses: indices,
              clash: { type: "string" },
            },
          },
          force: { enum: ["strengthened", "weakened", "reversed", "kept"] },
          diff: { type: "array", items: object },
          changes: { type: "array", items: object },
          domains: { type: "array", items: { type: "string" } },
          split: { type: "boolean" },
        },
      },
    },
    summary: {
      type: "object",
      properties: {
        same: { type: "integer" },
        reworded: { type: "integer" },
        only_a: { type: "integer" },
        only_b: { type: "integer" },
        stanceChanges: { type: "integer" },
        domains: object,
        changes: {
          type: "object",
          description:
            "commitments kept, strengthened, weakened, reversed, added (only in B) and dropped (only in A), by domain; the arrays are indices into pairs",
          properties: {
            kept: { type: "integer" },
            strengthened: { type: "integer" },
            weakened: { type: "integer" },
            reversed: { type: "integer" },
            added: { type: "integer" },
            dropped: { type: "integer" },
            domains: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  domain: { type: "string" },
                  label: { type: "string" },
                  kept: indices,
                  strengthened: indices,
                  weakened: indices,
                  reversed: indices,
                  added: indices,
                  dropped: indices,
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Dossier API",
    version: "0.1.0",
    description:
      "Ingest, analyse, store and search news and diplomatic texts about Vietnam. " +
      "Errors are `{ error: { code, message } }` with a stable code, for every 4xx and 5xx " +
      "(even a malformed HTTP request: 400 E_FORMAT, or 431 E_HEADERS_TOO_LARGE). " +
      "Every response is `application/json` (document text is data in it, never markup) " +
      "and carries `x-content-type-options: nosniff`. Query parameters and JSON bodies are " +
      "closed: an unknown name is a 400. JSON bodies must be UTF-8, and a `__proto__` key in " +
      "one is a 400 E_VALIDATION. Requests from pages of other sites (Origin or " +
      "Sec-Fetch-Site) and Host headers the server does not answer to are a 403; a text/plain " +
      "upload needs an `X-Requested-With` header (any value), which no HTML form can send. " +
      "Uploads, /analyze and /compare run in worker threads, bounded in number (429), time " +
      "(503) and memory (413); a database locked by another process is a 503 with Retry-After, " +
      "and so is a PostgreSQL library the server cannot reach or is refused by (E_DB_CONNECT, " +
      "E_DB_AUTH, E_DB_MISSING).",
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string", pattern: "^E_" }, message: { type: "string" } },
          },
        },
      },
      Stored: {
        type: "object",
        required: ["document", "analysis"],
        properties: {
          document: { $ref: "#/components/schemas/Document" },
          analysis: { $ref: "#/components/schemas/Analysis" },
        },
      },
      Document: documentSchema,
      Analysis: analysisSchema,
      SearchResult: {
        type: "object",
        required: ["total", "results", "facets"],
        properties: {
          total: { type: "integer" },
          query: {
            type: ["string", "null"],
            description: "the text query as searched: folded, known names as phrases",
          },
          note: {
            type: "string",
            description:
              "why nothing was searched for: a q of only emoji or symbols finds nothing, and says so",
          },
          reading: {
            type: "object",
            description:
              'how the text query was read, in ranking order: diacritics ("exact": the texts holding the words as typed first, other Vietnamese words left out; "loose": none holds them, so hits match without them and say `loose`; "folded"), English word forms searched (stems), known names ranked first (names), and didYouMean when the query as typed found nothing and the results are for a known name near it',
            properties: {
              diacritics: { enum: ["exact", "loose", "folded"] },
              stems: { type: "array" },
              names: { type: "array", items: { type: "string" } },
              didYouMean: { type: "string" },
            },
          },
          results: {
            type: "array",
            description:
              "hits: id, title, source, publisher, score (bm25, higher is better, within the ranking rules), snippet, published, loose (true when matched only without the diacritics typed)",
          },
          undatedExcluded: {
            type: "integer",
            description:
              "undated documents matching everything but the date filter, which left them out (0 without from/to)",
          },
          facets: {
            type: "object",
            description:
              'value counts per facet; month values are "YYYY-MM", and "undated" (last) counts the documents without a date',
          },
        },
      },
    },
  },
  paths: {
    "/health": {
      get: { summary: "liveness", responses: { "200": json({ type: "object" }) } },
    },
    "/openapi.json": {
      get: { summary: "this description", responses: { "200": json(object) } },
    },
    "/analyze": {
      post: {
        summary: "ingest and analyse a text without storing it",
        security: [{ bearer: [] }, {}],
        requestBody: { required: true, content: { "application/json": { schema: analyzeBody } } },
        responses: {
          "200": json({ $ref: "#/components/schemas/Stored" }),
          ...bad,
          ...bearer,
          ...body,
          ...heavy,
          ...always,
        },
      },
    },
    "/documents": {
      post: {
        summary: "ingest, analyse and store a document (idempotent: same text, same id)",
        security: [{ bearer: [] }, {}],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: documentJsonBody },
            "text/plain": {
              schema: {
                type: "string",
                description: `${textUpload}; needs an X-Requested-With header (any value) or the bearer token`,
              },
            },
            "text/html": { schema: { type: "string", description: textUpload } },
            "application/x-ndjson": {
              schema: {
                type: "string",
                description:
                  "JSON Lines: one record a line ({text|html, title, url, published, …}); also application/jsonl. Answers { added, skipped, documents: [{ id, source }], errors: [{ source, code, message }] }: a bad line is reported by number, the rest stored",
              },
            },
          },
        },
        responses: {
          "201": json({ type: "object", properties: { id: {}, added: { const: true } } }, "new"),
          "200": json({ type: "object", properties: { id: {}, added: { const: false } } }, "known"),
          ...bad,
          ...bearer,
          ...body,
          ...heavy,
          ...writes,
          ...always,
        },
      },
      get: {
        summary: "list stored documents",
        parameters: page,
        responses: { "200": searchResult, ...bad, ...always },
      },
    },
    "/documents/{id}": {
      get: {
        summary: "a stored document with its analysis",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json({ $ref: "#/components/schemas/Stored" }), ...missing, ...always },
      },
    },
    "/search": {
      get: {
        summary: "full-text search with filters and facets",
        parameters: [query("q", searchQuery.properties.q), ...filters, ...page],
        responses: { "200": searchResult, ...bad, ...always },
      },
    },
    "/provinces": {
      get: {
        summary:
          "every province of the level (63 old, 34 new) with its matching documents, most first, 0 included",
        parameters: [
          query("level", { type: "string", enum: ["old", "new"], default: "old" }),
          query("q", searchQuery.properties.q),
          ...filters,
        ],
        responses: {
          "200": json({
            type: "object",
            properties: {
              level: { enum: ["old", "new"] },
              provinces: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    code: { type: "string" },
                    name: { type: "string" },
                    nameVi: { type: "string" },
                    count: { type: "integer" },
                  },
                },
              },
            },
          }),
          ...bad,
          ...always,
        },
      },
    },
    "/compare": {
      get: {
        summary: "compare the provisions of two stored documents",
        parameters: [
          query("a", compareQuery.properties.a, true),
          query("b", compareQuery.properties.b, true),
        ],
        responses: { "200": json(comparison), ...bad, ...missing, ...heavy, ...always },
      },
    },
    "/stats": {
      get: { summary: "rows stored", responses: { "200": json(object), ...always } },
    },
  },
} as const;
