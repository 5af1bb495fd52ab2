/**
 * What the API says when something is not there or goes wrong: every 404 names what was not
 * found; a 500 is logged with the request's id, which the answer gives; a `__proto__` key is
 * refused by name, and pollutes nothing.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

const NEWS = "Officials in Huế and Đà Nẵng met on Monday to discuss the festival.";

let store: Store;
let app: ReturnType<typeof buildApp>;
let id: string;

beforeAll(async () => {
  store = openSqliteStore(":memory:");
  app = buildApp({ store, ui: false });
  const r = await app.inject({ method: "POST", url: "/documents", payload: { text: NEWS } });
  id = r.json().id;
});

afterAll(async () => {
  await app.close();
  await store.close();
});

async function expect404(url: string, code: string, message: RegExp) {
  const r = await app.inject({ method: "GET", url });
  expect(r.statusCode, r.body).toBe(404);
  expect(r.headers["content-type"]).toMatch(/^application\/json/);
  expect(r.json()).toEqual({ error: { code, message: expect.stringMatching(message) } });
  expect(r.json().error.message).not.toMatch(/file or directory/);
}

describe("404s name what was not found", () => {
  it("an unknown document", async () => {
    await expect404("/documents/nope", "E_NOT_FOUND", /^no document with id "nope"/);
  });

  it("an unknown document to compare, as a or as b", async () => {
    await expect404(
      `/compare?a=nope&b=${id}`,
      "E_NOT_FOUND",
      /no document with id "nope" to compare \(a\)/,
    );
    await expect404(
      `/compare?a=${id}&b=gone`,
      "E_NOT_FOUND",
      /no document with id "gone" to compare \(b\)/,
    );
  });

  it("an unknown route, or a known path with another method", async () => {
    await expect404("/nowhere?x=1", "E_ROUTE", /^no route GET "\/nowhere" .*openapi\.json/);
    const del = await app.inject({ method: "DELETE", url: `/documents/${id}` });
    expect(del.statusCode).toBe(404);
    expect(del.json().error.message).toMatch(/^no route DELETE "\/documents\//);
  });
});

describe("500s", () => {
  it("are logged to the log with the request id the answer names", async () => {
    const lines: string[] = [];
    const broken = openSqliteStore(":memory:");
    const local = buildApp({ store: broken, ui: false, log: (line) => lines.push(line) });
    broken.close();
    try {
      const r = await local.inject({ method: "GET", url: "/stats" });
      expect(r.statusCode).toBe(500);
      const { code, message } = r.json().error;
      expect(code).toBe("E_INTERNAL");
      const requestId = /request ([\w-]+)/.exec(message)?.[1];
      expect(requestId).toBeDefined();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`request ${requestId} (GET /stats)`);
      expect(lines[0]).toMatch(/database connection is not open/);
      // The stack is in the log, not in the answer.
      expect(lines[0]).toMatch(/\n\s+at /);
      expect(message).not.toMatch(/database connection/);
    } finally {
      await local.close();
    }
  });
});

describe("__proto__ in a JSON body", () => {
  const post = (url: string, payload: string) =>
    app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload });

  it("is refused by name (400 E_VALIDATION), at any depth, not called 'not valid JSON'", async () => {
    for (const [url, body] of [
      ["/analyze", '{"text":"Huế","__proto__":{"admin":true}}'],
      ["/documents", '{"text":"Huế","source":"x","__proto__":{"polluted":1}}'],
      ["/documents", '[{"__proto__":{"polluted":1}}]'],
      ["/analyze", '{"text":"Huế","constructor":{"prototype":{"polluted":1}}}'],
    ] as const) {
      const r = await post(url, body);
      expect(r.statusCode, body).toBe(400);
      expect(r.json().error.code).toBe("E_VALIDATION");
      expect(r.json().error.message).toMatch(/"(__proto__|constructor)" is not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("a JSON Lines record's __proto__ field is kept as data, never as a prototype", async () => {
    const line = JSON.stringify({ text: "Storms hit Quảng Ninh on Sunday." }).replace(
      "{",
      '{"__proto__":{"polluted":1},',
    );
    const r = await app.inject({
      method: "POST",
      url: "/documents",
      headers: { "content-type": "application/x-ndjson" },
      payload: line,
    });
    expect(r.statusCode, r.body).toBe(201);
    const stored = await app.inject({
      method: "GET",
      url: `/documents/${r.json().documents[0].id}`,
    });
    const meta = stored.json().document.meta;
    expect(Object.getOwnPropertyDescriptor(meta, "__proto__")?.value).toEqual({ polluted: 1 });
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("malformed JSON says where it breaks; deep nesting is fine", async () => {
    const r = await post("/analyze", '{"text": "Huế",}');
    expect(r.json().error.code).toBe("E_FORMAT");
    expect(r.json().error.message).toMatch(/not valid JSON: .*position/);
    const deep = `{"text":"Huế","title":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const d = await post("/analyze", deep);
    expect(d.statusCode).toBe(400);
    expect(d.json().error.code).toBe("E_VALIDATION");
  });
});

describe("/openapi.json", () => {
  it("documents the refusals and limits each route may answer with", async () => {
    const spec = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const codes = (path: string, method: string) => Object.keys(spec.paths[path][method].responses);
    expect(codes("/documents", "post")).toEqual(
      expect.arrayContaining(["401", "403", "408", "413", "415", "429", "500", "503", "507"]),
    );
    expect(codes("/analyze", "post")).toEqual(
      expect.arrayContaining(["401", "403", "413", "429", "503"]),
    );
    expect(codes("/compare", "get")).toEqual(expect.arrayContaining(["404", "413", "429", "503"]));
    expect(codes("/stats", "get")).toEqual(expect.arrayContaining(["403", "500"]));
    expect(spec.paths["/documents"].post.responses["503"].headers).toHaveProperty("Retry-After");
    expect(spec.components.schemas.SearchResult.properties).toHaveProperty("note");
  });
});
