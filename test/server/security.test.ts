import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { isLoopback, startServer } from "../../src/server/index.js";
import { openSqliteStore } from "../../src/store/sqlite.js";

const NEWS = `Hà Nội (VNA) – Officials in Hà Nội and Đà Nẵng met on Monday to discuss tourism.`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-server-sec-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("server security", () => {
  it("401 on POST /documents without the right bearer token", async () => {
    const store = openSqliteStore(join(dir, "token.db"));
    const app = buildApp({ store, token: "s3cret" });
    const postAs = (authorization?: string) =>
      app.inject({
        method: "POST",
        url: "/documents",
        headers: authorization ? { authorization } : {},
        payload: { text: NEWS },
      });
    try {
      const none = await postAs();
      expect(none.statusCode).toBe(401);
      expect(none.json().error.code).toBe("E_UNAUTHORIZED");
      expect((await postAs("Bearer nope")).statusCode).toBe(401);
      expect((await postAs("s3cret")).statusCode).toBe(401);
      expect((await postAs("Bearer s3cret")).statusCode).toBe(201);
      expect((await store.stats()).documents).toBe(1);
      expect((await app.inject({ method: "GET", url: "/stats" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it("refuses binary uploads and unknown media types", async () => {
    const store = openSqliteStore(":memory:");
    const app = buildApp({ store });
    try {
      const binary = await app.inject({
        method: "POST",
        url: "/documents",
        headers: { "content-type": "text/plain", "x-requested-with": "test" },
        payload: "\u0000\u0001\u0002binary\u0000\u0000\u0000",
      });
      expect(binary.statusCode).toBe(400);
      expect(binary.json().error.code).toBe("E_BINARY");
      const octets = await app.inject({
        method: "POST",
        url: "/documents",
        headers: { "content-type": "application/octet-stream" },
        payload: "abc",
      });
      expect(octets.statusCode).toBe(415);
      expect((await store.stats()).documents).toBe(0);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it("startServer refuses a non-loopback host without a token", async () => {
    await expect(startServer({ dbPath: join(dir, "s.db"), host: "0.0.0.0" })).rejects.toMatchObject(
      { code: "E_USAGE", message: expect.stringContaining("token") },
    );
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("localhost")).toBe(true);
    expect(isLoopback("192.168.1.2")).toBe(false);
  });

  it("startServer listens on loopback and serves /health", async () => {
    const app = await startServer({ dbPath: join(dir, "live.db"), port: 0 });
    try {
      const address = app.server.address();
      if (!address || typeof address === "string") throw new Error("no address");
      const r = await fetch(`http://127.0.0.1:${address.port}/health`);
      expect(await r.json()).toEqual({ ok: true });
    } finally {
      await app.close();
    }
  });
});
