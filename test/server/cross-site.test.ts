/**
 * Other web sites against a server on loopback, over real HTTP: a page the user visits can send
 * requests to 127.0.0.1 (it only cannot read the answers), and a DNS-rebinding page reaches it
 * under a name of its own. Writes from either are refused before anything is read or stored.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/index.js";

const NEWS = "Officials in Huế and Đà Nẵng met on Monday to discuss the festival.";

let dir: string;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dossier-cross-site-"));
  app = await startServer({
    dbPath: join(dir, "cross.db"),
    port: 0,
    allowedHosts: ["dossier.lan"],
  });
  port = (app.server.address() as { port: number }).port;
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Any request, headers as given (fetch would not let a test set Host or Origin). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method, path, headers, agent: false },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          data += c;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function documents(): Promise<number> {
  const stats = await send("GET", "/stats", {});
  return JSON.parse(stats.body).documents;
}

function expectRefused(answer: Answer, code: string, message: RegExp) {
  expect(answer.status, answer.body).toBe(403);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body);
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message).toMatch(message);
}

const own = () => `127.0.0.1:${port}`;

describe("cross-site requests", () => {
  it("a text/plain POST from another origin is refused, and nothing is stored", async () => {
    const before = await documents();
    const answer = await send(
      "POST",
      "/documents",
      { origin: "http://evil.example", "content-type": "text/plain" },
      "planted",
    );
    expectRefused(answer, "E_CROSS_SITE", /evil\.example/);
    expect(await documents()).toBe(before);
  });

  it("a page of another port on the same machine is refused too (same-site is not same-origin)", async () => {
    const before = await documents();
    const json = { "content-type": "application/json" };
    const body = JSON.stringify({ text: NEWS });
    expectRefused(
      await send("POST", "/documents", { ...json, origin: "http://127.0.0.1:1" }, body),
      "E_CROSS_SITE",
      /127\.0\.0\.1:1/,
    );
    expectRefused(
      await send("POST", "/documents", { ...json, "sec-fetch-site": "same-site" }, body),
      "E_CROSS_SITE",
      /same-site/,
    );
    expectRefused(
      await send("POST", "/analyze", { ...json, "sec-fetch-site": "cross-site" }, body),
      "E_CROSS_SITE",
      /cross-site/,
    );
    expectRefused(
      await send("POST", "/documents", { ...json, origin: "null" }, body),
      "E_CROSS_SITE",
      /"null"/,
    );
    expect(await documents()).toBe(before);
  });

  it("a text/plain upload without a header a form cannot send is refused; with one it is stored", async () => {
    const before = await documents();
    expectRefused(
      await send("POST", "/documents", { "content-type": "text/plain" }, NEWS),
      "E_CROSS_SITE",
      /X-Requested-With/,
    );
    expect(await documents()).toBe(before);
    const stored = await send(
      "POST",
      "/documents",
      { "content-type": "text/plain", "x-requested-with": "curl" },
      NEWS,
    );
    expect(stored.status, stored.body).toBe(201);
    expect(await documents()).toBe(before + 1);
  });

  it("the server's own pages may write: same-origin Origin and Sec-Fetch-Site", async () => {
    const r = await send(
      "POST",
      "/analyze",
      {
        "content-type": "application/json",
        origin: `http://${own()}`,
        "sec-fetch-site": "same-origin",
      },
      JSON.stringify({ text: NEWS }),
    );
    expect(r.status, r.body).toBe(200);
  });

  it("GETs: a link from another site opens the UI; another site's page cannot load the API", async () => {
    const link = await send("GET", "/health", {
      "sec-fetch-site": "cross-site",
      "sec-fetch-mode": "navigate",
    });
    expect(link.status).toBe(200);
    expectRefused(
      await send("GET", "/compare?a=x&b=y", {
        "sec-fetch-site": "cross-site",
        "sec-fetch-mode": "no-cors",
      }),
      "E_CROSS_SITE",
      /cross-site/,
    );
  });
});

describe("Host allowlist (DNS rebinding)", () => {
  it("a foreign Host is refused on every route, reads included", async () => {
    for (const path of ["/stats", "/documents", "/health", "/"]) {
      expectRefused(
        await send("GET", path, { host: "attacker.example" }),
        "E_FORBIDDEN_HOST",
        /attacker\.example.*--allowed-hosts/,
      );
    }
    expectRefused(
      await send("GET", "/stats", { host: `attacker.example:${port}` }),
      "E_FORBIDDEN_HOST",
      /attacker/,
    );
    expectRefused(
      await send(
        "POST",
        "/documents",
        { host: "127.0.0.1.attacker.example", "content-type": "application/json" },
        JSON.stringify({ text: NEWS }),
      ),
      "E_FORBIDDEN_HOST",
      /attacker/,
    );
  });

  it("loopback names, the bound address and configured names are answered", async () => {
    for (const host of [
      own(),
      `localhost:${port}`,
      "LOCALHOST",
      "[::1]:8787",
      "app.localhost",
      "dossier.lan:80",
    ]) {
      const r = await send("GET", "/stats", { host });
      expect(r.status, `${host}: ${r.body}`).toBe(200);
    }
  });
});
