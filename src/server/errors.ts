import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { isDossierError } from "../errors.js";

/** Server-only error codes, next to the library's catalogue. */
export type HttpErrorCode = "E_VALIDATION" | "E_UNAUTHORIZED" | "E_ROUTE" | "E_INTERNAL";

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
    case "E_NOT_FOUND":
    case "E_ROUTE":
      return 404;
    case "E_TOO_LARGE":
      return 413;
    case "E_UNSUPPORTED_MEDIA_TYPE":
      return 415;
    default:
      return 500;
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Sends `{ error: { code, message } }` with the status `statusFor(code)`. */
export function sendError(reply: FastifyReply, code: string, message: string): FastifyReply {
  return reply.code(statusFor(code)).send({ error: { code, message } } satisfies ErrorBody);
}

/** Fastify's own errors (validation, body size, bad JSON, media type) mapped to the catalogue. */
function codeOf(error: FastifyError): string {
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
      return "E_FORMAT";
  }
  if (error.statusCode === 413) return "E_TOO_LARGE";
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return "E_FORMAT";
  return "E_INTERNAL";
}

export function errorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (isDossierError(error)) return sendError(reply, error.code, error.message);
  const code = codeOf(error);
  const message = code === "E_INTERNAL" ? "internal error" : error.message;
  return sendError(reply, code, message);
}
