import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { freshDatabase } from "../pg/databases.js";

const TEXTS = [
  "Đà Nẵng (VNA) – The central city of Đà Nẵng welcomed a record number of tourists in April 2025.",
  "Hanoi (VGP) – Prime Minister met the Japanese ambassador in Hà Nội to discuss trade and investment.",
  "Quảng Ninh – Offshore wind power and tourism in Hạ Long Bay drew investors this summer.",
];

describe("several servers on one PostgreSQL library", () => {
  it("answer the same, whichever of them stored the documents", async () => {
    const url = await freshDatabase("servers");
    const stores = [await openPostgresStore(url), await openPostgresStore(url)];
    const apps: FastifyInstance[] = stores.map((store) => buildApp({ store }));
    try {
      const [a, b] = apps as [FastifyInstance, FastifyInstance];
      const search = async (app: FastifyInstance, query: string) => {
        const r = await app.inject({ method: "GET", url: `/search?${query}` });
        expect(r.statusCode, r.body).toBe(200);
        return r.json();
      };
      // Each server searches first (its facet index loaded), then the other one writes.
      expect((await search(a, "q=tourism")).total).toBe(0);
      expect((await search(b, "q=tourism")).total).toBe(0);
      for (const [i, text] of TEXTS.entries()) {
        const r = await (i % 2 === 0 ? a : b).inject({
          method: "POST",
          url: "/documents",
          payload: { text, source: `t${i}.txt` },
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      for (const query of ["q=tourism", "q=Da%20Nang", "province=Quang%20Ninh", "", "q=investment"])
        expect(await search(b, query), query).toEqual(await search(a, query));
      expect((await search(a, "")).total).toBe(3);
      expect((await search(b, "q=investment")).total).toBe(2);
    } finally {
      for (const app of apps) await app.close();
      for (const store of stores) await store.close();
    }
  });
});
