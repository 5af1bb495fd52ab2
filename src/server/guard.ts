import { hostname, networkInterfaces } from "node:os";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendError } from "./errors.js";

/**
 * What keeps other web sites out of a server on loopback. A browser lets any page send a
 * request to 127.0.0.1; it only stops the page reading the answer. So:
 *
 * 1. **Host** must be one this server is known by (loopback names, the bound address, or those
 *    configured): a DNS-rebinding page reaches us under its own name and is refused (403).
 * 2. **Cross-site requests** (a browser says so with `Sec-Fetch-Site`, and with an `Origin`
 *    that is not this server) are refused before their body is read, except a plain GET
 *    navigation (a link to the UI). This covers every writing route and the costly ones.
 * 3. **A body a form can send** (text/plain is the only such type a route takes) must carry
 *    `X-Requested-With` or `Authorization`, headers no form can add: a browser too old to send
 *    `Origin` still cannot plant a document (`requireCustomHeader`, on POST /documents).
 */

/** Names of this machine's loopback interface, always allowed. */
const LOOPBACK = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|::1)$/u;

/** The host name of a Host header or URL host, lowercased, without port or IPv6 brackets. */
export function hostnameOf(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") === -1 ? undefined : h.indexOf("]"));
  const colon = h.indexOf(":");
  // One colon: name and port; more: a bare IPv6 address.
  return colon === -1 || h.indexOf(":", colon + 1) !== -1 ? h : h.slice(0, colon);
}

/** True for 127.0.0.0/8, ::1, "localhost" and names under ".localhost" (RFC 6761). */
export function isLoopbackName(host: string): boolean {
  return LOOPBACK.test(hostnameOf(host));
}

/**
 * The names a server bound to `host` answers to by default: loopback names, the bound address
 * and, on a wildcard address (0.0.0.0, ::), this machine's name and interface addresses.
 */
export function defaultAllowedHosts(host: string): string[] {
  const bound = hostnameOf(host);
  if (bound !== "0.0.0.0" && bound !== "::") return [bound];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .map((i) => i?.address.toLowerCase())
    .filter((a): a is string => a !== undefined);
  return [hostname().toLowerCase(), ...addresses];
}

export interface GuardOptions {
  /** Host names allowed besides loopback ones; `["*"]` allows any (no DNS-rebinding check). */
  allowedHosts?: readonly string[];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why a request is refused as coming from another site, or null. */
function crossSite(request: FastifyRequest): string | null {
  const site = request.headers["sec-fetch-site"];
  const navigation =
    SAFE_METHODS.has(request.method) && request.headers["sec-fetch-mode"] === "navigate";
  if ((site === "cross-site" || site === "same-site") && !navigation)
    return `a ${site} request from a page of another site (Sec-Fetch-Site: ${site})`;
  const origin = request.headers.origin;
  if (origin === undefined || SAFE_METHODS.has(request.method)) return null;
  let from: string | null = null;
  try {
    from = origin === "null" ? null : new URL(origin).host;
  } catch {
    // a malformed Origin is refused like a foreign one
  }
  const host = request.headers.host?.toLowerCase();
  return from !== null && from === host
    ? null
    : `a request from ${JSON.stringify(origin.slice(0, 200))}, not from this server's own pages`;
}

/** The onRequest hook for every route: Host allowlist, then cross-site refusal. */
export function requestGuard(options: GuardOptions = {}) {
  const allowed = new Set((options.allowedHosts ?? []).map(hostnameOf));
  const anyHost = allowed.has("*");
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const host = request.headers.host;
    // HTTP/1.0 may have no Host; browsers always send one.
    if (!anyHost && host !== undefined && !isLoopbackName(host) && !allowed.has(hostnameOf(host)))
      return sendError(
        reply,
        "E_FORBIDDEN_HOST",
        `this server does not answer to the host ${JSON.stringify(host.slice(0, 200))}: add it with --allowed-hosts if it is really this machine`,
      );
    const why = crossSite(request);
    if (why)
      return sendError(
        reply,
        "E_CROSS_SITE",
        `${why} is refused: this server takes writes only from its own web UI, curl and scripts`,
      );
  };
}

/** The mime type a form can send that a route takes; others need a CORS preflight we refuse. */
function formSendable(contentType: string | undefined): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  return essence === "text/plain";
}

/**
 * An onRequest hook for routes that take text/plain: such a body must come with a header no
 * HTML form can set (`X-Requested-With`, or the bearer token's `Authorization`).
 */
export async function requireCustomHeader(request: FastifyRequest, reply: FastifyReply) {
  const { headers } = request;
  if (
    formSendable(headers["content-type"]) &&
    headers["x-requested-with"] === undefined &&
    headers.authorization === undefined
  )
    return sendError(
      reply,
      "E_CROSS_SITE",
      "a text/plain upload needs an 'X-Requested-With' header (any value; e.g. curl -H 'X-Requested-With: curl'), which a web form cannot send",
    );
}
