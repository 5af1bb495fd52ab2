import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { defaultGazetteer } from "../gazetteer/load.js";
import type { SearchQuery, Store } from "../store/types.js";
import { registerBodyParsers } from "./bodies.js";
import {
  clientErrorHandler,
  type ErrorLog,
  errorHandler,
  noDocument,
  sendError,
} from "./errors.js";
import { requestGuard } from "./guard.js";
import { registerHeavyRoutes, sendJson } from "./heavy-routes.js";
import { openapi } from "./openapi.js";
import { type HeavyOptions, HeavyWork } from "./pool.js";
import type { ReadWorkers } from "./read-pool.js";
import { idParams, pageQuery, provincesQuery, searchQuery } from "./schemas.js";
import { registerUi } from "./ui.js";

export interface AppOptions {
  store: Store;
  /** When set, POST /documents and POST /analyze need `authorization: Bearer <token>`. */
  token?: string;
  /**
   * Host names the server answers to besides loopback ones (DNS-rebinding defence); `["*"]`
   * turns the check off. `startServer` adds the address it binds.
   */
  allowedHosts?: readonly string[];
  /** Where internal errors are logged (default: standard error). */
  log?: ErrorLog;
  /** Bounds of the heavy work (uploads, /analyze, /compare) done in worker threads. */
  heavy?: HeavyOptions;
  /**
   * How long a request may take to arrive whole, headers and body, in ms (default 60 s): a body
   * that never comes is a 408 and the connection closed, not a socket held for ever.
   */
  requestTimeoutMs?: number;
  /** Largest request body in bytes; default 10 MB. */
  bodyLimit?: number;
  /** Folder of the built web UI served at `/` (default dist/ui); false serves the API alone. */
  ui?: string | false;
  /**
   * Worker threads that answer searches, province counts and documents from their own
   * connections to `store`'s library (`startServer` starts them); without, the event loop does.
   */
  readers?: ReadWorkers;
}

export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

type Query = Record<string, string | undefined>;

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

/** The HTTP API over a store; the caller owns the store (closing the app does not close it). */
export function buildApp(options: AppOptions): FastifyInstance {
  const { store } = options;
  const onError = errorHandler(options.log);
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: false,
    requestTimeout,
    // Given to Node's server when it is made: set later, as Fastify sets them, a headers timeout
    // longer than the request's keeps requests past their time alive. Node looks for them every
    // `connectionsCheckingInterval` (30 s by default).
    http: {
      requestTimeout,
      headersTimeout: Math.min(60_000, requestTimeout),
      connectionsCheckingInterval: Math.max(50, Math.min(1000, requestTimeout / 4)),
    },
    genReqId: () => randomUUID().slice(0, 8),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // No coercion: `{ "text": 5 }` is a 400, not the string "5". Query numbers are patterns.
    // Unknown query parameters and body fields are a 400 naming them, not silently dropped.
    ajv: { customOptions: { coerceTypes: false, allErrors: false, removeAdditional: false } },
    clientErrorHandler,
    frameworkErrors: onError,
  });
  registerBodyParsers(app);
  app.addHook("onRequest", requestGuard({ allowedHosts: options.allowedHosts }));
  // Every answer is JSON (or a UI file with its own type): browsers must not sniff it as HTML.
  app.addHook("onSend", (_request, reply, payload, done) => {
    reply.header("x-content-type-options", "nosniff");
    done(null, payload);
  });
  app.setErrorHandler(onError);
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      "E_ROUTE",
      `no route ${request.method} ${JSON.stringify((request.url.split("?")[0] ?? "").slice(0, 200))} (GET /openapi.json lists the routes)`,
    ),
  );

  if (options.ui !== false) registerUi(app, options.ui);

  app.get("/health", async () => ({ ok: true }));

  app.get("/openapi.json", async () => openapi);

  const heavy = new HeavyWork(options.heavy);
  app.addHook("onClose", async () => heavy.close());
  registerHeavyRoutes(app, { store, heavy, writer: requireToken(options.token) });

  const { readers } = options;
  const search = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = toSearch(request.query as Query);
    return readers ? sendJson(reply, await readers.search(query)) : store.search(query);
  };
  app.get("/documents", { schema: { querystring: pageQuery } }, search);
  app.get("/search", { schema: { querystring: searchQuery } }, search);

  app.get("/documents/:id", { schema: { params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const stored = readers ? await readers.get(id) : await store.get(id);
    if (!stored) throw noDocument(id);
    return typeof stored === "string" ? sendJson(reply, stored) : stored;
  });

  app.get("/provinces", { schema: { querystring: provincesQuery } }, async (request) => {
    const query = request.query as Query;
    const level = query.level === "new" ? "new" : "old";
    const found = readers
      ? await readers.provinceCounts(level, toSearch(query))
      : await store.provinceCounts(level, toSearch(query));
    const counts = new Map(found.map((c) => [c.code, c.count]));
    // Every province of the level, 0 included, so a map can name and draw them all.
    const g = defaultGazetteer();
    const provinces = (level === "old" ? g.provinces : g.provinces2025)
      .map(({ code, name, nameVi }) => ({ code, name, nameVi, count: counts.get(code) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return { level, provinces };
  });

  app.get("/stats", async () => store.stats());

  return app;
}
