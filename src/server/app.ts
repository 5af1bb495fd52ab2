import { createHash, timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { analyze } from "../analyze.js";
import { type CompareInput, compare } from "../compare/index.js";
import { DossierError, isDossierError } from "../errors.js";
import { defaultGazetteer } from "../gazetteer/load.js";
import { ingest, ingestBytes } from "../ingest/index.js";
import { givenDate } from "../ingest/opening/published.js";
import type { Document } from "../ingest/types.js";
import { assertStorable } from "../store/limits.js";
import type { SearchQuery, Store, StoredDocument } from "../store/types.js";
import { isJsonLines, jsonOnly, registerBodyParsers } from "./bodies.js";
import { clientErrorHandler, errorHandler, sendError } from "./errors.js";
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
import { registerUi } from "./ui.js";

export interface AppOptions {
  store: Store;
  /** When set, POST /documents needs `authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body in bytes; default 10 MB. */
  bodyLimit?: number;
  /** Folder of the built web UI served at `/` (default dist/ui); false serves the API alone. */
  ui?: string | false;
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

/**
 * A JSON Lines upload: every good record stored in one transaction, each bad one reported by
 * line ("upload:3") without stopping the rest. 201 when something new was stored, 200 when all
 * was known already, 400 when no record could be read.
 */
function storeJsonLines(body: string, store: Store, run: string, reply: FastifyReply) {
  const items: StoredDocument[] = [];
  const errors: { source: string; code: string; message: string }[] = [];
  for (const item of ingestBytes(Buffer.from(body, "utf8"), "upload", { format: "jsonl" })) {
    if ("error" in item) {
      errors.push({ source: item.source, code: item.error.code, message: item.error.message });
      continue;
    }
    try {
      assertStorable(item.document, item.source);
      items.push({ document: item.document, analysis: analyze(item.document) });
    } catch (error) {
      if (!isDossierError(error)) throw error;
      errors.push({ source: item.source, code: error.code, message: error.message });
    }
  }
  if (items.length === 0)
    return sendError(
      reply,
      "E_FORMAT",
      `no JSON Lines record could be read${errors[0] ? `: ${errors[0].message}` : ""}`,
    );
  const { added, skipped } = store.add(items, run);
  return reply.code(added > 0 ? 201 : 200).send({
    added,
    skipped,
    documents: items.map((i) => ({ id: i.document.id, source: i.document.source })),
    errors,
  });
}

/** The HTTP API over a store; the caller owns the store (closing the app does not close it). */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // No coercion: `{ "text": 5 }` is a 400, not the string "5". Query numbers are patterns.
    // Unknown query parameters and body fields are a 400 naming them, not silently dropped.
    ajv: { customOptions: { coerceTypes: false, allErrors: false, removeAdditional: false } },
    clientErrorHandler,
    frameworkErrors: errorHandler,
  });
  registerBodyParsers(app);
  // Every answer is JSON (or a UI file with its own type): browsers must not sniff it as HTML.
  app.addHook("onSend", (_request, reply, payload, done) => {
    reply.header("x-content-type-options", "nosniff");
    done(null, payload);
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, "E_ROUTE", `no route ${request.method} ${request.url.split("?")[0]}`),
  );

  if (options.ui !== false) registerUi(app, options.ui);

  app.get("/health", async () => ({ ok: true }));

  app.get("/openapi.json", async () => openapi);

  app.post("/analyze", { schema: { body: analyzeBody }, onRequest: jsonOnly }, async (request) => {
    const body = request.body as { text: string; title?: string; published?: string };
    const ingested = ingest(body.text, { source: "api" });
    const document: Document = {
      ...ingested,
      title: body.title ?? ingested.title,
      published: body.published ?? ingested.published,
      publishedFrom:
        body.published === undefined ? ingested.publishedFrom : givenDate(body.published),
    };
    return { document, analysis: analyze(document) };
  });

  app.post(
    "/documents",
    { schema: { body: documentBody }, onRequest: requireToken(options.token) },
    async (request, reply) => {
      const body = request.body as DocumentBody;
      const run = `api:${new Date().toISOString().slice(0, 10)}`;
      if (typeof body === "string" && isJsonLines(request.headers["content-type"]))
        return storeJsonLines(body, store, run, reply);
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
      const added = store.add([item], run).added > 0;
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
    const counts = new Map(
      store.provinceCounts(level, toSearch(query)).map((c) => [c.code, c.count]),
    );
    // Every province of the level, 0 included, so a map can name and draw them all.
    const g = defaultGazetteer();
    const provinces = (level === "old" ? g.provinces : g.provinces2025)
      .map(({ code, name, nameVi }) => ({ code, name, nameVi, count: counts.get(code) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return { level, provinces };
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
