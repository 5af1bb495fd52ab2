import { createHash, timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { analyze } from "../analyze.js";
import { type CompareInput, compare } from "../compare/index.js";
import { DossierError } from "../errors.js";
import { ingest } from "../ingest/index.js";
import type { Document } from "../ingest/types.js";
import { assertStorable } from "../store/limits.js";
import type { SearchQuery, Store, StoredDocument } from "../store/types.js";
import { errorHandler, sendError } from "./errors.js";
import { openapi } from "./openapi.js";
import {
  analyzeBody,
  compareQuery,
  documentBody,
  idParams,
  pageQuery,
  provincesQuery,
  searchQuery,
} from "./schemas.js";

export interface AppOptions {
  store: Store;
  /** When set, POST /documents needs `authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body in bytes; default 10 MB. */
  bodyLimit?: number;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
/** As in `dossier ingest`: a stored analysis is JSON and must fit in memory. */

type Query = Record<string, string | undefined>;
type DocumentBody = string | { text?: string; html?: string; source?: string };

/** Query strings to a store query: limit and offset were checked by the schema. */
function toSearch(query: Query): SearchQuery {
  const { limit, offset, level: _level, ...rest } = query;
  const out: SearchQuery = { ...rest };
  if (limit !== undefined) out.limit = Number(limit);
  if (offset !== undefined) out.offset = Number(offset);
  return out;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function requireToken(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!expected) return;
    const given = request.headers.authorization;
    if (typeof given !== "string" || !timingSafeEqual(digest(given), expected))
      return sendError(
        reply,
        "E_UNAUTHORIZED",
        "a valid 'authorization: Bearer <token>' is needed",
      );
  };
}

function notFound(what: string, id: string): DossierError {
  return new DossierError("E_NOT_FOUND", `${what} ${JSON.stringify(id)}`, { input: id });
}

/** The HTTP API over a store; the caller owns the store (closing the app does not close it). */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // No coercion: `{ "text": 5 }` is a 400, not the string "5". Query numbers are patterns.
    ajv: { customOptions: { coerceTypes: false, allErrors: false } },
  });
  app.addContentTypeParser("text/html", { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, "E_ROUTE", `no route ${request.method} ${request.url.split("?")[0]}`),
  );

  app.get("/health", async () => ({ ok: true }));

  app.get("/openapi.json", async () => openapi);

  app.post("/analyze", { schema: { body: analyzeBody } }, async (request) => {
    const body = request.body as { text: string; title?: string; published?: string };
    const ingested = ingest(body.text, { source: "api" });
    const document: Document = {
      ...ingested,
      title: body.title ?? ingested.title,
      published: body.published ?? ingested.published,
    };
    return { document, analysis: analyze(document) };
  });

  app.post(
    "/documents",
    { schema: { body: documentBody }, onRequest: requireToken(options.token) },
    async (request, reply) => {
      const body = request.body as DocumentBody;
      const html =
        typeof body === "string"
          ? request.headers["content-type"]?.toLowerCase().startsWith("text/html")
          : body.html !== undefined;
      const input = typeof body === "string" ? body : (body.html ?? body.text ?? "");
      const source = (typeof body === "string" ? undefined : body.source) ?? "api";
      // As bytes, so binary uploads are refused (E_BINARY) as they are from files.
      const bytes = Buffer.from(input, "utf8");
      const document = ingest(bytes, html ? { source, format: "html" } : { source });
      assertStorable(document, source);
      const item: StoredDocument = { document, analysis: analyze(document) };
      const added = store.add([item], `api:${new Date().toISOString().slice(0, 10)}`).added > 0;
      return reply.code(added ? 201 : 200).send({ id: document.id, added });
    },
  );

  app.get("/documents", { schema: { querystring: pageQuery } }, async (request) =>
    store.search(toSearch(request.query as Query)),
  );

  app.get("/documents/:id", { schema: { params: idParams } }, async (request) => {
    const { id } = request.params as { id: string };
    const stored = store.get(id);
    if (!stored) throw notFound("document", id);
    return stored;
  });

  app.get("/search", { schema: { querystring: searchQuery } }, async (request) =>
    store.search(toSearch(request.query as Query)),
  );

  app.get("/provinces", { schema: { querystring: provincesQuery } }, async (request) => {
    const query = request.query as Query;
    const level = query.level === "new" ? "new" : "old";
    return { level, provinces: store.provinceCounts(level, toSearch(query)) };
  });

  app.get("/compare", { schema: { querystring: compareQuery } }, async (request) => {
    const { a, b } = request.query as { a: string; b: string };
    const input = (id: string): CompareInput => {
      const stored = store.get(id);
      if (!stored) throw notFound("document", id);
      const { source, title, published } = stored.document;
      return { source, title, published, provisions: stored.analysis.provisions };
    };
    return compare(input(a), input(b));
  });

  app.get("/stats", async () => store.stats());

  return app;
}
