import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabase } from "./databases.js";

describe("the test run's PostgreSQL", () => {
  it("is a real PostgreSQL server with unaccent, and gives each test its own database", async () => {
    const a = await freshDatabase();
    const b = await freshDatabase();
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    try {
      const { rows } = await client.query("SHOW server_version_num");
      expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
      await client.query("CREATE EXTENSION IF NOT EXISTS unaccent");
      const folded = await client.query("SELECT unaccent('Đà Nẵng') AS v");
      expect(folded.rows[0].v).toBe("Da Nang");
      await client.query("CREATE TABLE t (x int)");
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: b });
    await other.connect();
    try {
      const { rows } = await other.query("SELECT to_regclass('t') AS t");
      expect(rows[0].t).toBeNull();
    } finally {
      await other.end();
    }
  });
});
