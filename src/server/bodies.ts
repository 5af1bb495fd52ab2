import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import iconv from "iconv-lite";
import { DossierError } from "../errors.js";
import { decodeBytes } from "../ingest/decode.js";
import { HttpError, sendError } from "./errors.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The `charset` parameter of a content-type header, lowercased, if any. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/iu.exec(contentType ?? "")?.[1]?.toLowerCase();
}

/**
 * A text/plain or text/html upload as a string. UTF-8 unless the header names another charset
 * iconv-lite knows; bytes that are not UTF-8 are then decoded as files are (`decodeBytes`: a
 * UTF-16 BOM, or Windows-1258/1252 guessed from the letters), not turned into U+FFFD.
 */
export function decodeTextBody(bytes: Buffer, contentType: string | undefined): string {
  const charset = charsetOf(contentType);
  if (charset && !/^(utf-?8|us-ascii)$/u.test(charset) && iconv.encodingExists(charset))
    return iconv.decode(bytes, charset);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeBytes(bytes, "request body").text;
  }
}

/** Media types a JSON Lines upload may carry: one record a line, as `dossier ingest` reads them. */
export const JSON_LINES_TYPES = [
  "application/x-ndjson",
  "application/jsonl",
  "application/jsonlines",
];

/** True when the request's content type is one of JSON_LINES_TYPES. */
export function isJsonLines(contentType: string | undefined): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return JSON_LINES_TYPES.includes(type);
}

/**
 * Refuses keys that could reach an object's prototype if a parsed body were ever merged into
 * another object (`Object.assign`, a deep merge), wherever they occur. JSON.parse keeps such a
 * key as an own property, harmless until then. The walk is iterative: any depth is fine.
 */
function refusePrototypeKeys(root: unknown): void {
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null) continue;
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const constructorPrototype =
        key === "constructor" &&
        typeof child === "object" &&
        child !== null &&
        "prototype" in child;
      if (key === "__proto__" || constructorPrototype)
        throw new HttpError(
          "E_VALIDATION",
          `body: the key ${JSON.stringify(key)} is not allowed in a JSON body (it could change the prototype of the objects it is merged into)`,
        );
      stack.push(child);
    }
  }
}

/**
 * A JSON body: UTF-8 (RFC 8259) or a 400 E_FORMAT rather than text with U+FFFD in it; a 400
 * E_FORMAT saying where it stops being JSON; a 400 E_VALIDATION naming a `__proto__` key.
 */
export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw new DossierError("E_FORMAT", "the JSON body is not valid UTF-8");
  }
  if (text.trim() === "") throw new DossierError("E_EMPTY", "the JSON body is empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DossierError("E_FORMAT", `the body is not valid JSON: ${(error as Error).message}`);
  }
  refusePrototypeKeys(value);
  return value;
}

/**
 * The body parsers: JSON as `parseJsonBody` reads it; text/plain and text/html are read as
 * bytes and decoded as above.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(
    ["text/plain", "text/html", ...JSON_LINES_TYPES],
    { parseAs: "buffer" },
    (request, body, done) =>
      done(null, decodeTextBody(body as Buffer, request.headers["content-type"])),
  );
}

/** An onRequest hook for routes that take JSON only: anything else is a 415 before it is read. */
export async function jsonOnly(request: FastifyRequest, reply: FastifyReply) {
  const type = request.headers["content-type"];
  if (type !== undefined && !/^\s*application\/json\s*(;|$)/iu.test(type))
    return sendError(
      reply,
      "E_UNSUPPORTED_MEDIA_TYPE",
      `unsupported content-type ${JSON.stringify(type.slice(0, 100))}: send application/json`,
    );
}
