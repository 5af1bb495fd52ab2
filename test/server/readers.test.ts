/**
 * The server's reads in worker threads (`ReadWorkers`): the same answers, byte for byte, as the
 * event loop gives from the server's own store; documents written after the threads opened the
 * library are found; a library the threads cannot open is the same coded error.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DossierError } from "../../src/errors.js";
import { buildApp } from "../../src/server/app.js";
import { ReadWorkers } from "../../src/server/read-pool.js";
import { openStore } from "../../src/store/open.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { sampleDocuments } from "../store/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "dossier-readers-"));
const path = join(dir, "library.db");
let store: Store;
let readers: ReadWorkers;
let direct: FastifyInstance;
let threaded: FastifyInstance;

beforeAll(async () => {
  store = openSqliteStore(path);
  await store.add(sampleDocuments());
  readers = new ReadWorkers({ location: path, busyTimeoutMs: 250 }, 2);
  await readers.warm();
  direct = buildApp({ store, ui: false });
  threaded = buildApp({ store, ui: false, readers });
}, 60_000);

afterAll(async () => {
  await direct.close();
  await threaded.close();
  await readers.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function both(url: string) {
  const [a, b] = await Promise.all([direct.inject(url), threaded.inject(url)]);
  return { a, b };
}

const URLS = [
  "/search?q=Đà%20Nẵng",
  "/search?q=da%20nang&limit=1",
  "/search?q=energy&province=48",
  "/search?q=nothingatall",
  "/search?q=Japn",
  "/documents?limit=2&offset=1",
  "/provinces?level=new&q=ASEAN",
  "/provinces?level=old",
  "/search?limit=500",
  "/search?bogus=1",
];

describe("reads in worker threads", () => {
  it("answer as the event loop does: status, type and body", async () => {
    const ids = ((await store.search({ limit: 100 })).results ?? []).map((r) => r.id);
    expect(ids.length).toBe(5);
    for (const url of [...URLS, ...ids.map((id) => `/documents/${id}`), "/documents/none"]) {
      const { a, b } = await both(url);
      expect({ url, status: b.statusCode }).toEqual({ url, status: a.statusCode });
      expect(b.headers["content-type"]).toBe(a.headers["content-type"]);
      expect(b.body).toBe(a.body);
    }
  });

  it("find documents the server stored after the threads opened the library", async () => {
    const before = JSON.parse((await threaded.inject("/search?q=Mekong")).body).total;
    const { document, analysis } = sampleDocuments()[0] as { document: never; analysis: never };
    await store.add([
      {
        document: {
          ...(document as object),
          id: "mekong-1",
          text: "Rice farmers in the Mekong delta",
        } as never,
        analysis,
      },
    ]);
    const after = JSON.parse((await threaded.inject("/search?q=Mekong")).body).total;
    expect(after).toBe(before + 1);
    expect((await threaded.inject("/documents/mekong-1")).statusCode).toBe(200);
  });

  it("report a library they cannot open with the error the server's own store gives", async () => {
    const folder = join(dir, "a-folder");
    mkdirSync(folder);
    const expected = await openStore(folder).then(
      () => null,
      (error: unknown) => error as DossierError,
    );
    expect(expected).toBeInstanceOf(DossierError);
    const broken = new ReadWorkers({ location: folder, busyTimeoutMs: 250 }, 1);
    try {
      const error = await broken.search({ q: "x" }).then(
        () => null,
        (e: unknown) => e as DossierError,
      );
      expect(error).toBeInstanceOf(DossierError);
      expect(error?.code).toBe(expected?.code);
      expect(error?.message).toBe(expected?.message);
    } finally {
      await broken.close();
    }
  });
});
