import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { statusFor } from "../../src/server/errors.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

const STATEMENT = `Joint Statement between Viet Nam and Japan

Hanoi, May 10, 2025 – The two Prime Ministers met in Hà Nội.

Both sides agreed to strengthen cooperation in renewable energy and infrastructure in Đà Nẵng.

Both sides agreed to expand trade and investment, including a new port in Hải Phòng.

Both sides agreed to promote people-to-people exchanges, tourism and education.
`;

const NEWS = `Da Nang welcomes record tourists

Đà Nẵng (VNA) – The central city of Đà Nẵng welcomed more than one million visitors in April 2025, the municipal tourism department said on Monday.

Hotels in Hội An and Đà Nẵng were fully booked during the holiday, officials said.
`;

const HOSTILE = `<script>alert("x")</script> Both sides agreed to "quote" \\ and </json> in Huế.`;

let dir: string;
let store: Store;
let app: FastifyInstance;
let statementId: string;
let newsId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dossier-server-"));
  store = openSqliteStore(join(dir, "t.db"));
  app = buildApp({ store, bodyLimit: 64 * 1024 });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload: unknown) =>
  app.inject({ method: "POST", url, payload: payload as object });
const get = (url: string) => app.inject({ method: "GET", url });

describe("server API", () => {
  it("GET /health", async () => {
    const r = await get("/health");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true });
  });

  it("POST /analyze analyses without storing", async () => {
    const r = await post("/analyze", { text: STATEMENT, title: "JS", published: "2025-05-10" });
    expect(r.statusCode).toBe(200);
    const { document, analysis } = r.json();
    expect(document.title).toBe("JS");
    expect(document.published).toBe("2025-05-10");
    // The date given wins over the text's, and says so.
    expect(document.publishedFrom).toMatchObject({ via: "metadata", monthDay: "--05-10" });
    expect(analysis.provisions.length).toBeGreaterThanOrEqual(3);
    expect(analysis.places.map((p: { text: string }) => p.text)).toContain("Đà Nẵng");
    expect((await get("/stats")).json().documents).toBe(0);
  });

  it("POST /documents stores once (201), then 200 with added false", async () => {
    const first = await post("/documents", { text: STATEMENT, source: "js.txt" });
    expect(first.statusCode).toBe(201);
    expect(first.json().added).toBe(true);
    statementId = first.json().id;
    const again = await post("/documents", { text: STATEMENT, source: "js.txt" });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: statementId, added: false });
    const news = await app.inject({
      method: "POST",
      url: "/documents",
      headers: { "content-type": "text/plain; charset=utf-8", "x-requested-with": "test" },
      payload: NEWS,
    });
    expect(news.statusCode).toBe(201);
    newsId = news.json().id;
    const html = await app.inject({
      method: "POST",
      url: "/documents",
      headers: { "content-type": "text/html" },
      payload: `<html><head><title>Huế festival</title></head><body><article><h1>Huế festival</h1><p>The festival in Huế drew crowds from Quảng Trị and Đà Nẵng on Sunday, organisers said.</p></article></body></html>`,
    });
    expect(html.statusCode).toBe(201);
  });

  it("GET /documents lists and GET /documents/:id returns document and analysis", async () => {
    const list = await get("/documents?limit=2&offset=0");
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(3);
    expect(list.json().results).toHaveLength(2);
    const one = await get(`/documents/${statementId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().document.id).toBe(statementId);
    expect(one.json().analysis.provisions.length).toBeGreaterThanOrEqual(3);
  });

  it("GET /search with and without diacritics, and with filters", async () => {
    const withMarks = (await get(`/search?q=${encodeURIComponent("Đà Nẵng")}`)).json();
    const without = (await get("/search?q=da%20nang")).json();
    expect(withMarks.total).toBeGreaterThanOrEqual(2);
    expect(without.total).toBe(withMarks.total);
    const ids = without.results.map((h: { id: string }) => h.id);
    expect(ids).toEqual(expect.arrayContaining([statementId, newsId]));
    const filtered = await get(`/search?province=${encodeURIComponent("Hải Phòng")}&limit=5`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().results.map((h: { id: string }) => h.id)).toEqual([statementId]);
  });

  it("GET /search refuses a province filter that names no province, 400 naming it", async () => {
    const bad = await get("/search?province=Atlantis");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "E_USAGE" });
    expect(bad.json().error.message).toContain("Atlantis");
    const byName = await get(`/search?province=${encodeURIComponent("đà nẵng")}`);
    const byCode = await get("/search?province=48");
    expect(byName.json().total).toBe(byCode.json().total);
    expect(byCode.json().total).toBeGreaterThan(0);
  });

  it("GET /search counts undated documents, and filters on them on request", async () => {
    const stated = (await get(`/documents/${statementId}`)).json().document;
    // "Hanoi, May 10, 2025 – …" under the title dates the statement.
    expect(stated.published).toBe("2025-05-10");
    expect(stated.publishedFrom).toMatchObject({ via: "text", year: "stated" });
    const all = (await get("/search")).json();
    const undated = all.facets.month.find((f: { value: string }) => f.value === "undated");
    expect(undated.count).toBeGreaterThan(0);
    expect(all.facets.month.at(-1)).toEqual(undated);
    const dated = (await get("/search?from=2025-01-01")).json();
    expect(dated.undatedExcluded).toBe(undated.count);
    const withUndated = (await get("/search?from=2025-01-01&undated=include")).json();
    expect(withUndated.total).toBe(dated.total + undated.count);
    const only = (await get("/search?undated=only")).json();
    expect(only.total).toBe(undated.count);
    expect(only.results.every((r: { published: string | null }) => r.published === null)).toBe(
      true,
    );
    const both = await get("/search?undated=only&from=2025");
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toMatchObject({ code: "E_USAGE" });
    expect((await get("/search?undated=sometimes")).statusCode).toBe(400);
  });

  it("GET /provinces counts old and new provinces", async () => {
    const old = await get("/provinces");
    expect(old.statusCode).toBe(200);
    expect(old.json().level).toBe("old");
    const dn = old.json().provinces.find((p: { code: string }) => p.code === "48");
    expect(dn.count).toBeGreaterThanOrEqual(3);
    // Every province of the level is listed, named, 0 included, busiest first.
    expect(old.json().provinces).toHaveLength(63);
    expect(dn.nameVi).toBe("Đà Nẵng");
    const neu = await get("/provinces?level=new&q=tourists");
    const provinces = neu.json().provinces as { code: string; count: number }[];
    expect(provinces).toHaveLength(34);
    expect(provinces[0]?.count).toBeGreaterThan(0);
    expect(provinces.at(-1)?.count).toBe(0);
    const counts = provinces.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await get("/provinces?level=mid")).statusCode).toBe(400);
  });

  it("GET /compare compares two stored documents, 404 when one is missing", async () => {
    const r = await get(`/compare?a=${statementId}&b=${statementId}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toHaveProperty("pairs");
    const missing = await get(`/compare?a=${statementId}&b=nope`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("E_NOT_FOUND");
  });

  it("GET /stats", async () => {
    const r = await get("/stats");
    expect(r.json()).toMatchObject({ documents: 3 });
    expect(r.json().provisions).toBeGreaterThanOrEqual(3);
  });

  it("404s as JSON errors", async () => {
    const doc = await get("/documents/does-not-exist");
    expect(doc.statusCode).toBe(404);
    expect(doc.json()).toEqual({ error: { code: "E_NOT_FOUND", message: expect.any(String) } });
    expect((await get("/nowhere")).statusCode).toBe(404);
  });

  it("400 on invalid input", async () => {
    const cases = [
      await post("/analyze", {}),
      await post("/analyze", { text: 42 }),
      await post("/analyze", { text: "x", title: ["a"] }),
      await post("/analyze", { text: "   " }),
      await post("/documents", { source: "no text" }),
      await post("/documents", { text: { nested: true } }),
      await get("/search?limit=0"),
      await get("/search?limit=101"),
      await get("/documents?limit=abc"),
      await get("/documents?offset=-1"),
      await get("/compare?a=x"),
      await app.inject({
        method: "POST",
        url: "/analyze",
        headers: { "content-type": "application/json" },
        payload: "{not json",
      }),
    ];
    for (const r of cases) {
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toMatch(/^E_/);
    }
    expect(cases[0]?.json().error.code).toBe("E_VALIDATION");
    expect(cases[3]?.json().error.code).toBe("E_EMPTY");
  });

  it("413 over the body limit", async () => {
    const r = await post("/analyze", { text: "Đà Nẵng ".repeat(20_000) });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe("E_TOO_LARGE");
  });

  it("returns untrusted text as JSON data, never as HTML", async () => {
    const r = await post("/analyze", { text: HOSTILE });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    expect(r.json().document.text).toContain(`<script>alert("x")</script>`);
  });

  it("/openapi.json describes every route", async () => {
    const spec = (await get("/openapi.json")).json();
    expect(spec.openapi).toMatch(/^3\.1/);
    const paths = Object.keys(spec.paths);
    const routes = ["/health", "/analyze", "/documents", "/documents/{id}", "/search"];
    expect(paths).toEqual(
      expect.arrayContaining([...routes, "/provinces", "/compare", "/stats", "/openapi.json"]),
    );
    expect(Object.keys(spec.paths["/documents"])).toEqual(expect.arrayContaining(["get", "post"]));
    const { Document, Analysis, SearchResult } = spec.components.schemas;
    expect(Document.properties.publishedFrom.properties.year.enum).toEqual([
      "stated",
      "inferred",
      "unknown",
    ]);
    expect(Object.keys(Analysis.properties.captions.items.properties)).toEqual(
      expect.arrayContaining(["places", "entities", "dates"]),
    );
    expect(SearchResult.properties.undatedExcluded.type).toBe("integer");
    const params = spec.paths["/search"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toContain("undated");
  });

  it("maps error codes to statuses in one place", () => {
    expect(statusFor("E_USAGE")).toBe(400);
    expect(statusFor("E_NOT_FOUND")).toBe(404);
    expect(statusFor("E_TOO_LARGE")).toBe(413);
    expect(statusFor("E_DATA")).toBe(500);
  });
});

describe("JSON Lines uploads", () => {
  it("POST /documents takes JSON Lines: good records stored, a bad line reported by number", async () => {
    const lines = [
      JSON.stringify({
        title: "Rice harvest in Cần Thơ",
        text: "Farmers in Cần Thơ began the harvest.",
      }),
      "{not json",
      JSON.stringify({ title: "No text here" }),
      JSON.stringify({ html: "<p>Storm warning for Quảng Ninh and Hải Phòng.</p>" }),
    ].join("\n");
    const own = openSqliteStore(":memory:");
    const app = buildApp({ store: own });
    const upload = (type: string) =>
      app.inject({
        method: "POST",
        url: "/documents",
        headers: { "content-type": type },
        payload: lines,
      });
    const first = await upload("application/x-ndjson");
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.added).toBe(2);
    expect(body.documents.map((d: { source: string }) => d.source)).toEqual([
      "upload:1",
      "upload:4",
    ]);
    expect(body.errors.map((e: { source: string }) => e.source)).toEqual(["upload:2", "upload:3"]);
    const found = await app.inject({ method: "GET", url: `/documents/${body.documents[0].id}` });
    expect(found.json().analysis.provinces[0].name).toBe("Can Tho");
    // The same upload again stores nothing new.
    const again = await upload("application/jsonl");
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ added: 0, skipped: 2 });
    const none = await app.inject({
      method: "POST",
      url: "/documents",
      headers: { "content-type": "application/x-ndjson" },
      payload: "{bad\n[1]\n",
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe("E_FORMAT");
    await app.close();
    own.close();
  });
});
