/**
 * The API over a database that is busy or full: a write locked out by another process is a 503
 * with Retry-After, at once rather than after seconds; a database at its size cap is a 507.
 * Both JSON, nothing stored lost, the server answering throughout.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/index.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-server-db-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NEWS = (n: number) =>
  `Report ${n}: officials in Huế and Đà Nẵng met on Monday to discuss the festival number ${n}.`;

async function start(name: string, maxDbBytes?: number) {
  const app = await startServer({ dbPath: join(dir, name), port: 0, maxDbBytes });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const post = (text: string) =>
    fetch(`${base}/documents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
  return { app, base, post };
}

describe("a busy database", () => {
  it("POST /documents: 503 E_DB_BUSY with Retry-After while another process holds the lock", async () => {
    const { app, base, post } = await start("busy.db");
    try {
      expect((await post(NEWS(1))).status).toBe(201);
      const other = new Database(join(dir, "busy.db"));
      other.exec("BEGIN IMMEDIATE");
      try {
        const r = await post(NEWS(2));
        expect(r.status).toBe(503);
        expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
        const body: unknown = await r.json();
        expect(body).toEqual({
          error: {
            code: "E_DB_BUSY",
            message: expect.stringMatching(/another process is writing/),
          },
        });
        // Reads go on while the lock is held.
        expect((await fetch(`${base}/health`)).status).toBe(200);
        const stats = (await (await fetch(`${base}/stats`)).json()) as { documents: number };
        expect(stats.documents).toBe(1);
      } finally {
        other.exec("ROLLBACK");
        other.close();
      }
      expect((await post(NEWS(2))).status).toBe(201);
    } finally {
      await app.close();
    }
  });
});

describe("a full database", () => {
  it("POST /documents past --max-db-size: 507 E_DB_FULL; what was stored stays readable", async () => {
    const { app, base, post } = await start("full.db", 512 * 1024);
    try {
      const first = await post(NEWS(0));
      expect(first.status).toBe(201);
      const { id } = (await first.json()) as { id: string };
      let status = 201;
      let body: { error?: { code: string; message: string } } = {};
      for (let n = 1; n < 200 && status === 201; n++) {
        const r = await post(NEWS(n).repeat(400));
        status = r.status;
        body = (await r.json()) as typeof body;
      }
      expect(status).toBe(507);
      expect(body.error?.code).toBe("E_DB_FULL");
      expect(body.error?.message).toMatch(/free disk space/);
      const stored = await fetch(`${base}/documents/${id}`);
      expect(stored.status).toBe(200);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
