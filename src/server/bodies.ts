import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import iconv from "iconv-lite";
import { DossierError } from "../errors.js";
import { decodeBytes } from "../ingest/decode.js";
import { sendError } from "./errors.js";

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
 * The body parsers: JSON must be UTF-8 (RFC 8259), so other bytes are a 400 E_FORMAT rather
 * than text with U+FFFD in it (Fastify's own JSON parsing, with its prototype-poisoning
 * checks, does the rest); text/plain and text/html are read as bytes and decoded as above.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new DossierError("E_FORMAT", "the JSON body is not valid UTF-8"), undefined);
      return;
    }
    parseJson(request, text, done);
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
