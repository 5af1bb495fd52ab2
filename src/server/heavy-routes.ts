import type { FastifyInstance, FastifyReply, onRequestHookHandler } from "fastify";
import type { CompareInput } from "../compare/index.js";
import type { Store, StoredDocument } from "../store/types.js";
import { isJsonLines, jsonOnly } from "./bodies.js";
import { HttpError, noDocument, sendError } from "./errors.js";
import { requireCustomHeader } from "./guard.js";
import type { HeavyWork } from "./pool.js";
import { analyzeBody, compareQuery, documentBody } from "./schemas.js";
import type { RecordError } from "./work.js";

/**
 * The most provisions a side of GET /compare may have: alignment grows faster than its inputs
 * (1,000 against 1,000 takes seconds). Statements have tens; `dossier compare` takes any.
 */
export const MAX_COMPARE_PROVISIONS = 1000;

type DocumentBody = string | { text?: string; html?: string; source?: string };

/** Sends JSON a worker serialised already. */
export function sendJson(reply: FastifyReply, json: string) {
  return reply.type("application/json; charset=utf-8").send(json);
}

/**
 * A JSON Lines upload, analysed: every good record stored in one transaction, each bad one
 * reported by line ("upload:3") without stopping the rest. 201 when something new was stored,
 * 200 when all was known already, 400 when no record could be read.
 */
async function storeJsonLines(
  { items, errors }: { items: StoredDocument[]; errors: RecordError[] },
  store: Store,
  run: string,
  reply: FastifyReply,
) {
  if (items.length === 0)
    return sendError(
      reply,
      "E_FORMAT",
      `no JSON Lines record could be read${errors[0] ? `: ${errors[0].message}` : ""}`,
    );
  const { added, skipped } = await store.add(items, run);
  return reply.code(added > 0 ? 201 : 200).send({
    added,
    skipped,
    documents: items.map((i) => ({ id: i.document.id, source: i.document.source })),
    errors,
  });
}

/**
 * The routes whose work is heavy: POST /analyze, POST /documents and GET /compare. Each is
 * admitted within the bound of requests in flight before its body is read, and does its work in
 * `heavy`'s worker threads; only the store's write stays on this thread.
 */
export function registerHeavyRoutes(
  app: FastifyInstance,
  { store, heavy, writer }: { store: Store; heavy: HeavyWork; writer: onRequestHookHandler },
): void {
  app.post(
    "/analyze",
    { schema: { body: analyzeBody }, onRequest: [writer, jsonOnly, heavy.admit] },
    async (request, reply) => {
      const body = request.body as { text: string; title?: string; published?: string };
      const result = await heavy.run({ kind: "analyze", ...body }, reply);
      if (!("json" in result)) throw new Error("an analysis task answered no JSON");
      return sendJson(reply, result.json);
    },
  );

  app.post(
    "/documents",
    { schema: { body: documentBody }, onRequest: [writer, requireCustomHeader, heavy.admit] },
    async (request, reply) => {
      const body = request.body as DocumentBody;
      const run = `api:${new Date().toISOString().slice(0, 10)}`;
      if (typeof body === "string" && isJsonLines(request.headers["content-type"])) {
        const result = await heavy.run({ kind: "jsonl", body }, reply);
        if (!("items" in result)) throw new Error("a JSON Lines task answered no records");
        return storeJsonLines(result, store, run, reply);
      }
      const html =
        typeof body === "string"
          ? request.headers["content-type"]?.toLowerCase().startsWith("text/html") === true
          : body.html !== undefined;
      const input = typeof body === "string" ? body : (body.html ?? body.text ?? "");
      const source = (typeof body === "string" ? undefined : body.source) ?? "api";
      const result = await heavy.run({ kind: "document", input, html, source }, reply);
      if (!("stored" in result)) throw new Error("an upload task answered no document");
      const added = (await store.add([result.stored], run)).added > 0;
      return reply.code(added ? 201 : 200).send({ id: result.stored.document.id, added });
    },
  );

  app.get(
    "/compare",
    { schema: { querystring: compareQuery }, onRequest: heavy.admit },
    async (request, reply) => {
      const { a, b } = request.query as { a: string; b: string };
      const input = async (id: string, role: "a" | "b"): Promise<CompareInput> => {
        const stored = await store.get(id);
        if (!stored) throw noDocument(id, `to compare (${role})`);
        const { source, title, published } = stored.document;
        const { provisions } = stored.analysis;
        if (provisions.length > MAX_COMPARE_PROVISIONS)
          throw new HttpError(
            "E_TOO_LARGE",
            `document ${JSON.stringify(id)} (${role}) has ${provisions.length} provisions; the API compares at most ${MAX_COMPARE_PROVISIONS} a side: run \`dossier compare\` on the command line`,
          );
        return { source, title, published, provisions };
      };
      const result = await heavy.run(
        { kind: "compare", a: await input(a, "a"), b: await input(b, "b") },
        reply,
      );
      if (!("json" in result)) throw new Error("a comparison task answered no JSON");
      return sendJson(reply, result.json);
    },
  );
}
