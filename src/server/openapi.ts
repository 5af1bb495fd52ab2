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
const bad = { "400": error("invalid input (E_VALIDATION, E_EMPTY, E_FORMAT, E_BINARY)") };
const missing = { "404": error("no such document (E_NOT_FOUND)") };

/** OpenAPI 3.1 description of the API built by `buildApp`. */
export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Dossier API",
    version: "0.1.0",
    description:
      "Ingest, analyse, store and search news and diplomatic texts about Vietnam. " +
      "Errors are `{ error: { code, message } }`.",
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
        properties: { document: object, analysis: object },
      },
      SearchResult: {
        type: "object",
        required: ["total", "results", "facets"],
        properties: { total: { type: "integer" }, results: { type: "array" }, facets: object },
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
        requestBody: { required: true, content: { "application/json": { schema: analyzeBody } } },
        responses: { "200": json({ $ref: "#/components/schemas/Stored" }), ...bad },
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
            "text/plain": { schema: { type: "string" } },
            "text/html": { schema: { type: "string" } },
          },
        },
        responses: {
          "201": json({ type: "object", properties: { id: {}, added: { const: true } } }, "new"),
          "200": json({ type: "object", properties: { id: {}, added: { const: false } } }, "known"),
          ...bad,
          "401": error("token missing or wrong (E_UNAUTHORIZED), when the server has one"),
          "413": error("body over the limit (E_TOO_LARGE)"),
        },
      },
      get: {
        summary: "list stored documents",
        parameters: page,
        responses: { "200": searchResult, ...bad },
      },
    },
    "/documents/{id}": {
      get: {
        summary: "a stored document with its analysis",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json({ $ref: "#/components/schemas/Stored" }), ...missing },
      },
    },
    "/search": {
      get: {
        summary: "full-text search with filters and facets",
        parameters: [query("q", searchQuery.properties.q), ...filters, ...page],
        responses: { "200": searchResult, ...bad },
      },
    },
    "/provinces": {
      get: {
        summary: "matching documents per province, most first",
        parameters: [
          query("level", { type: "string", enum: ["old", "new"], default: "old" }),
          query("q", searchQuery.properties.q),
          ...filters,
        ],
        responses: {
          "200": json({
            type: "object",
            properties: { level: { enum: ["old", "new"] }, provinces: { type: "array" } },
          }),
          ...bad,
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
        responses: { "200": json(object), ...bad, ...missing },
      },
    },
    "/stats": {
      get: { summary: "rows stored", responses: { "200": json(object) } },
    },
  },
} as const;
