import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isDossierError } from "../errors.js";

/** Server-only error codes, next to the library's catalogue. */
export type HttpErrorCode =
  | "E_VALIDATION"
  | "E_UNAUTHORIZED"
  | "E_FORBIDDEN_HOST"
  | "E_CROSS_SITE"
  | "E_ROUTE"
  | "E_UNSUPPORTED_MEDIA_TYPE"
  | "E_TOO_MANY_REQUESTS"
  | "E_HEADERS_TOO_LARGE"
  | "E_TIMEOUT"
  | "E_TIME_LIMIT"
  | "E_INTERNAL";

/** An error of the server's own (a code above, or E_NOT_FOUND), its message said whole. */
export class HttpError extends Error {
  constructor(
    readonly code: HttpErrorCode | "E_NOT_FOUND" | "E_TOO_LARGE",
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** A 404 naming what was asked for: `no document with id "nope"`, and in what role. */
export function noDocument(id: string, role?: string): HttpError {
  return new HttpError(
    "E_NOT_FOUND",
    `no document with id ${JSON.stringify(id.slice(0, 200))}${role ? ` ${role}` : ""} (GET /documents lists the stored ones)`,
  );
}

/** Seconds a client should wait before trying again, for the statuses that say "not now". */
const RETRY_AFTER: Record<number, number> = { 429: 1, 503: 2 };

/** The one place an error code becomes an HTTP status. */
export function statusFor(code: string): number {
  switch (code) {
    case "E_USAGE":
    case "E_FORMAT":
    case "E_EMPTY":
    case "E_BINARY":
    case "E_VALIDATION":
      return 400;
    case "E_UNAUTHORIZED":
      return 401;
    case "E_FORBIDDEN_HOST":
    case "E_CROSS_SITE":
      return 403;
    case "E_NOT_FOUND":
    case "E_ROUTE":
      return 404;
    case "E_TIMEOUT":
      return 408;
    case "E_TOO_LARGE":
      return 413;
    case "E_UNSUPPORTED_MEDIA_TYPE":
      return 415;
    case "E_TOO_MANY_REQUESTS":
      return 429;
    case "E_HEADERS_TOO_LARGE":
      return 431;
    case "E_TIME_LIMIT":
    case "E_DB_BUSY":
    case "E_DB_CONNECT":
    case "E_DB_AUTH":
    case "E_DB_MISSING":
      return 503;
    case "E_DB_FULL":
      return 507;
    default:
      return 500;
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/**
 * Sends `{ error: { code, message } }` with the status `statusFor(code)`. It sets nosniff itself
 * (as the app's onSend hook does for every other answer): the router's errors skip the hooks.
 */
export function sendError(reply: FastifyReply, code: string, message: string): FastifyReply {
  const status = statusFor(code);
  const retry = RETRY_AFTER[status];
  if (retry !== undefined) reply.header("retry-after", String(retry));
  return reply
    .code(status)
    .header("x-content-type-options", "nosniff")
    .send({ error: { code, message } } satisfies ErrorBody);
}

/** Fastify's own errors (validation, body size, bad JSON, media type) mapped to the catalogue. */
function codeOf(error: FastifyError): string {
  // A text over its length limit is too large (413), as a body over the byte limit is.
  if (error.validationContext === "body" && error.validation?.[0]?.keyword === "maxLength")
    return "E_TOO_LARGE";
  if (error.validation) return "E_VALIDATION";
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "E_TOO_LARGE";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "E_UNSUPPORTED_MEDIA_TYPE";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_BODY":
      return "E_EMPTY";
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case "FST_ERR_BAD_URL":
      return "E_FORMAT";
    case "FST_ERR_MAX_PARAM_LENGTH":
      return "E_VALIDATION";
  }
  if (error.statusCode === 413) return "E_TOO_LARGE";
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return "E_FORMAT";
  return "E_INTERNAL";
}

/**
 * Ajv's message for an unknown parameter or field ("querystring must NOT have additional
 * properties") does not say which one: this one does.
 */
function messageOf(error: FastifyError, code: string, request: FastifyRequest): string {
  // Of a body that may be a string or an object, the first error is "body must be string".
  const unknown = error.validation?.find((e) => e.keyword === "additionalProperties");
  if (unknown) {
    const name = JSON.stringify(String(unknown.params.additionalProperty));
    const where = `${error.validationContext ?? "input"}${unknown.instancePath}`;
    return where === "querystring"
      ? `unknown query parameter ${name}`
      : `${where}: unknown field ${name}`;
  }
  // The router's own messages quote the whole path, however long.
  if (error.code === "FST_ERR_BAD_URL") return "the path has a malformed %-escape";
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") return "a path parameter is over 100 characters";
  if (code === "E_UNSUPPORTED_MEDIA_TYPE") {
    const type = request.headers["content-type"];
    return type === undefined
      ? "a request body needs a content-type header"
      : `unsupported content-type ${JSON.stringify(type.slice(0, 100))}`;
  }
  return error.message;
}

/** Where the server's internal errors are written: standard error, one block each. */
export type ErrorLog = (line: string) => void;

const stderrLog: ErrorLog = (line) => {
  process.stderr.write(line);
};

/**
 * The app's error handler, and Fastify's `frameworkErrors` (the router's, before any route).
 * An internal error (a bug) is logged with its stack and the request's id, which the answer
 * names so a user can find it in the log; its details stay out of the answer.
 */
export function errorHandler(log: ErrorLog = stderrLog) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isDossierError(error) || error instanceof HttpError)
      return sendError(reply, error.code, error.message);
    const code = codeOf(error);
    if (code !== "E_INTERNAL") return sendError(reply, code, messageOf(error, code, request));
    log(
      `dossier serve: internal error in request ${request.id} (${request.method} ${request.url.slice(0, 200)}): ${error.stack ?? error.message}\n`,
    );
    return sendError(
      reply,
      code,
      `internal error (request ${request.id}; the server's standard error has the details)`,
    );
  };
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a malformed request line or
 * header, headers over 16 KB, a request that took too long): the same `{ error }` JSON as every
 * other error, instead of Fastify's own shape, and the connection closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [code, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? ["E_HEADERS_TOO_LARGE", "request line and headers too large (16 KB by default)"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? ["E_TIMEOUT", "request took too long"]
        : ["E_FORMAT", "malformed HTTP request"];
  const status = statusFor(code);
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        "content-type: application/json; charset=utf-8\r\n" +
        "x-content-type-options: nosniff\r\n" +
        "connection: close\r\n" +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroySoon();
}
