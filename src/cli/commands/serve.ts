import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Command } from "commander";
import { DossierError } from "../../errors.js";
import { DEFAULT_MAX_BYTES } from "../../io/read-bytes.js";
import { defaultDb, openStore, redactLocation as redact } from "../../store/open.js";
import { parseInteger, parseNumber } from "../options.js";
import { runIngest } from "./ingest.js";
import { DB_OPTION } from "./store.js";

interface ServeOptions {
  db?: string;
  host: string;
  port: number;
  token?: string;
  tokenFile?: string;
  allowedHosts?: string[];
  maxDbSize?: number;
  seed?: string;
}

/** The environment variable a token may come from (a command line shows in `ps`). */
export const TOKEN_ENV = "DOSSIER_TOKEN";

/**
 * The bearer token: from `--token-file` (its first line), `--token`, or $DOSSIER_TOKEN, in that
 * order; undefined when none is given. An empty one is a usage error, not "no token".
 */
export function resolveToken(options: { token?: string; tokenFile?: string }): string | undefined {
  let token: string | undefined;
  let from: string;
  if (options.tokenFile !== undefined) {
    from = options.tokenFile;
    try {
      token = readFileSync(options.tokenFile, "utf8").split(/\r?\n/u)[0];
    } catch (error) {
      throw new DossierError(
        "E_USAGE",
        `cannot read the token file ${options.tokenFile}: ${(error as Error).message}`,
        { input: options.tokenFile },
      );
    }
  } else if (options.token !== undefined) {
    from = "--token";
    token = options.token;
  } else {
    from = `$${TOKEN_ENV}`;
    token = process.env[TOKEN_ENV];
    if (token === undefined) return undefined;
  }
  token = token?.trim();
  if (!token) throw new DossierError("E_USAGE", `the token from ${from} is empty`, { input: from });
  return token;
}

const hostList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean),
];

/** True when the database holds no document yet (a new user's first start). */
async function isEmpty(db: string): Promise<boolean> {
  const store = await openStore(db);
  try {
    return (await store.stats()).documents === 0;
  } finally {
    await store.close();
  }
}

/** `dossier serve`: the web UI and the HTTP API on the embedded database (loopback unless a token is given). */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the web UI and the HTTP API (OpenAPI at /openapi.json) on the database")
    .option(...DB_OPTION)
    .option("--host <host>", "address to bind (a non-loopback address needs --token)", "127.0.0.1")
    .option("--port <n>", "port (0 picks a free one)", parseInteger(0, 65535), 8787)
    .option(
      "--token <token>",
      `bearer token required for writing endpoints (visible in ps: prefer --token-file or $${TOKEN_ENV})`,
    )
    .option("--token-file <file>", "read the token from the first line of this file")
    .option(
      "--allowed-hosts <names>",
      "host names the server answers to besides loopback names and --host (comma-separated; * for any)",
      hostList,
    )
    .option(
      "--max-db-size <MB>",
      "largest the database may grow through the API (uploads past it: 507)",
      parseNumber(1, 1e9),
    )
    .option("--seed <folder>", "when the database is empty, ingest this folder first")
    .action(async (options: ServeOptions) => {
      const token = resolveToken(options);
      const db = options.db ?? defaultDb();
      if (options.seed && (await isEmpty(db))) {
        process.stderr.write(`dossier serve: the database is empty; ingesting ${options.seed}\n`);
        // A sample folder's README describes the samples; it is not one of them.
        const status = await runIngest([options.seed], {
          db,
          maxBytes: DEFAULT_MAX_BYTES,
          exclude: ["README.md"],
        });
        if (status !== 0) {
          process.exitCode = status;
          return;
        }
      }
      const { startServer } = await import("../../server/index.js");
      const server = await startServer({
        dbPath: db,
        host: options.host,
        port: options.port,
        token,
        allowedHosts: options.allowedHosts,
        maxDbBytes: options.maxDbSize === undefined ? undefined : options.maxDbSize * 1024 * 1024,
      }).catch((error: NodeJS.ErrnoException) => {
        const where = `${options.host}:${options.port}`;
        if (error.code === "EADDRINUSE")
          throw new DossierError(
            "E_USAGE",
            `${where} is in use (another Dossier?): stop it, or choose another port with --port (0 picks a free one)`,
            { input: where },
          );
        if (error.code === "EACCES" || error.code === "EADDRNOTAVAIL")
          throw new DossierError("E_USAGE", `cannot listen on ${where}: ${error.message}`, {
            input: where,
          });
        throw error;
      });
      const { address, port } = server.server.address() as AddressInfo;
      const host = address.includes(":") ? `[${address}]` : address;
      // stdout, one line, so scripts (and the browser tests) can read where to connect.
      process.stdout.write(
        `Dossier is running at http://${host}:${port}/ (database ${redact(db)}; API description at /openapi.json)\n`,
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
