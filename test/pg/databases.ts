import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * A new, empty database on the test run's PostgreSQL server (see global-setup.ts), and its
 * URL: each test that needs a library gets its own, so tests never see each other's rows.
 */
export async function freshDatabase(prefix = "t"): Promise<string> {
  const admin = inject("pgUrl");
  const name = `dossier_${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
