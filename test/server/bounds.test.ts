/**
 * Costly requests are bounded and done off the event loop: /health answers while an analysis
 * runs; too many at once is a 429, a task past its time a 503, past its memory a 413; a
 * comparison of documents with too many provisions a 413; a body that never arrives is closed
 * with a 408. All JSON. Real HTTP on loopback, real worker threads.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { MAX_COMPARE_PROVISIONS } from "../../src/server/heavy-routes.js";
import type { HeavyOptions } from "../../src/server/pool.js";
import { MAX_ANALYZE_CHARS } from "../../src/server/schemas.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-bounds-"));
const running: { app: FastifyInstance; store: Store }[] = [];
afterAll(async () => {
  for (const { app, store } of running) {
    await app.close();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const PARA =
  "Officials in Hà Nội and Đà Nẵng met on Monday to discuss trade with Japan and ASEAN. ";
const text = (n: number) => PARA.repeat(Math.ceil(n / PARA.length)).slice(0, n);

async function serve(heavy: HeavyOptions = {}, requestTimeoutMs?: number) {
  const store = openSqliteStore(join(dir, `${running.length}.db`));
  const app = buildApp({ store, ui: false, heavy, requestTimeoutMs });
  running.push({ app, store });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as { port: number };
  return { app, store, port, base: `http://127.0.0.1:${port}` };
}

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function expectError(r: Response, status: number, code: string, message: RegExp) {
  const raw = await r.text();
  expect(r.status, raw).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  expect(JSON.parse(raw)).toEqual({ error: { code, message: expect.stringMatching(message) } });
  return r;
}

/** A POST whose headers arrive and whose body does not (yet): admitted, then waiting. */
function hangingPost(port: number, path: string) {
  const socket = connect(port, "127.0.0.1");
  let answer = "";
  socket.setEncoding("utf8");
  socket.on("data", (c: string) => {
    answer += c;
  });
  const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(answer)));
  socket.on("error", () => {});
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":`,
  );
  return { socket, closed };
}

describe("heavy work off the event loop", () => {
  it("/health and a search answer while a long analysis runs", async () => {
    const { base } = await serve();
    let analysed = false;
    const analysis = fetch(`${base}/analyze`, json({ text: text(MAX_ANALYZE_CHARS) })).then((r) => {
      analysed = true;
      return r;
    });
    // Give the analysis time to reach its worker.
    await new Promise((r) => setTimeout(r, 300));
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect((await fetch(`${base}/search?q=hanoi`)).status).toBe(200);
    expect(analysed).toBe(false);
    const r = await analysis;
    expect(r.status).toBe(200);
    expect(
      ((await r.json()) as { analysis: { places: unknown[] } }).analysis.places.length,
    ).toBeGreaterThan(1000);
  });

  it("past its time, a task is stopped: 503 E_TIME_LIMIT", async () => {
    // A quarter of a second: a million characters of places take several times that, on a
    // fast machine too (one second was not always enough any more).
    const { base } = await serve({ timeoutMs: 250, threads: 1 });
    const r = await fetch(`${base}/analyze`, json({ text: text(MAX_ANALYZE_CHARS) }));
    await expectError(r, 503, "E_TIME_LIMIT", /more than 0\.25 s .*dossier analyze/);
    expect(r.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("past its memory, a task is stopped: 413 E_TOO_LARGE", async () => {
    const { base } = await serve({ maxMemoryMb: 40, threads: 1 });
    // A short text fits in 40 MB; eight million characters of places do not.
    expect((await fetch(`${base}/analyze`, json({ text: "Rain in Huế." }))).status).toBe(200);
    const r = await fetch(`${base}/documents`, json({ text: text(8 * MAX_ANALYZE_CHARS) }));
    await expectError(r, 413, "E_TOO_LARGE", /more than 40 MB of memory/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("a text over the /analyze limit is a 413 naming the limit", async () => {
    const { base } = await serve();
    const r = await fetch(`${base}/analyze`, json({ text: text(MAX_ANALYZE_CHARS + 1) }));
    await expectError(r, 413, "E_TOO_LARGE", new RegExp(`${MAX_ANALYZE_CHARS} characters`));
  });
});

describe("concurrency", () => {
  it("past the requests in flight: 429 E_TOO_MANY_REQUESTS with Retry-After, before the body is read", async () => {
    const { base, port, store } = await serve({ maxInFlight: 2 }, 5000);
    const first = hangingPost(port, "/analyze");
    const second = hangingPost(port, "/documents");
    await new Promise((r) => setTimeout(r, 200));
    const third = await fetch(`${base}/documents`, json({ text: "Rain in Huế." }));
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    await expectError(third, 429, "E_TOO_MANY_REQUESTS", /try again/);
    expect((await fetch(`${base}/compare?a=x&b=y`)).status).toBe(429);
    // Reads are not heavy work: they go on.
    expect((await fetch(`${base}/stats`)).status).toBe(200);
    expect((await store.stats()).documents).toBe(0);
    // A client that goes away frees its place.
    first.socket.destroy();
    second.socket.destroy();
    await Promise.all([first.closed, second.closed]);
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${base}/documents`, json({ text: "Rain in Huế." }))).status).toBe(201);
  });
});

describe("a body that never arrives", () => {
  it("is a 408 E_TIMEOUT and the connection closed", async () => {
    const { port, base } = await serve({}, 500);
    const { closed } = hangingPost(port, "/documents");
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual({
      error: { code: "E_TIMEOUT", message: expect.any(String) },
    });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

describe("comparisons", () => {
  it(`of a document with more than ${MAX_COMPARE_PROVISIONS} provisions: 413, naming it and the CLI`, async () => {
    const { base } = await serve();
    const statement = (n: number) =>
      [
        "JOINT STATEMENT between Viet Nam and Japan",
        "",
        ...Array.from(
          { length: n },
          (_, i) => `${i + 1}. Both sides agreed to strengthen cooperation in trade number ${i}.`,
        ),
      ].join("\n");
    const post = async (n: number) => {
      const r = await fetch(`${base}/documents`, json({ text: statement(n) }));
      expect(r.status).toBe(201);
      return ((await r.json()) as { id: string }).id;
    };
    const big = await post(MAX_COMPARE_PROVISIONS + 1);
    const small = await post(3);
    await expectError(
      await fetch(`${base}/compare?a=${small}&b=${big}`),
      413,
      "E_TOO_LARGE",
      new RegExp(`\\(b\\) has ${MAX_COMPARE_PROVISIONS + 1} provisions.*dossier compare`),
    );
    const ok = await fetch(`${base}/compare?a=${small}&b=${small}`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { pairs: unknown[] }).pairs.length).toBeGreaterThan(0);
  });
});

describe("requests through a closing client", () => {
  it("an analysis whose client went away frees the worker for the next", async () => {
    const { port, base } = await serve({ threads: 1, maxInFlight: 1 });
    const body = JSON.stringify({ text: text(MAX_ANALYZE_CHARS) });
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/analyze",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      });
      req.on("error", () => resolve());
      req.end(body, () =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300),
      );
    });
    await new Promise((r) => setTimeout(r, 100));
    const next = await fetch(`${base}/analyze`, json({ text: "Rain in Huế." }));
    expect(next.status).toBe(200);
  });
});
