import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./errors.js";

/** Where `npm run build` puts the web UI (the same place from src/ and from dist/). */
export const DEFAULT_UI_DIR = fileURLToPath(new URL("../../dist/ui/", import.meta.url));

/**
 * The UI's pages may run only the UI's own scripts and talk only to this server: even if
 * document text ever reached the page as markup, it could load and send nothing.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Serves the built web UI at `/`; without a build, `/` says how to make one. */
export function registerUi(app: FastifyInstance, dir: string = DEFAULT_UI_DIR): void {
  if (!existsSync(`${dir.replace(/\/?$/, "/")}index.html`)) {
    app.get("/", async (_request, reply) =>
      sendError(reply, "E_ROUTE", `the web UI is not built in ${dir}: run \`npm run build\``),
    );
    return;
  }
  app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    // One route per built file, found at start: no wildcard route shadowing the API's 404s.
    wildcard: false,
    index: ["index.html"],
    setHeaders(reply, path) {
      reply.header("content-security-policy", CSP);
      reply.header("x-frame-options", "DENY");
      // Asset names carry a content hash; the page itself must always be fetched fresh.
      reply.header(
        "cache-control",
        path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
      );
    },
  });
}
