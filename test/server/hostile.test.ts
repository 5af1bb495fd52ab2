/**
 * Hostile input over real HTTP on loopback: every bad request gets a 4xx `{ error: { code,
 * message } }` JSON answer with a stable code (or its text comes back as JSON data), and the
 * server keeps serving with its documents intact. A property at the end throws random queries at
 * /search through app.inject.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { startServer } from "../../src/server/index.js";
import { MAX_QUERY_TERMS } from "../../src/store/fts-query.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

const NEWS = `Da Nang welcomes record tourists

Đà Nẵng (VNA) – The central city of Đà Nẵng welcomed more than one million visitors in April 2025, the municipal tourism department said on Monday.

Hotels in Hội An and Đà Nẵng were fully booked during the holiday, officials said.
`;

const XSS_SCRIPT = "<script>alert(1)</script>";
const XSS_ATTR = `"><img src=x onerror=alert(1)>`;
const XSS = `Officials in Hà Nội met on Monday. ${XSS_SCRIPT} The note read ${XSS_ATTR} in Huế.`;

/** 10,000 characters; ASCII, so that %-escaped they fit Node's 16 KB of request line. */
const LONG_Q = "tourists ".repeat(1112).slice(0, 10_000);
/** 10,000 characters of Vietnamese are 2–3 UTF-8 bytes each, ×3 escaped: past 16 KB. */
const LONG_VI_Q = "đà nẵng ".repeat(1250);

let dir: string;
let app: FastifyInstance;
let port: number;
let base: string;
let newsId: string;
let xssId: string;
let baseline: unknown;

const J = { "content-type": "application/json" };

/** A request as a script sends it: with `X-Requested-With`, which text/plain uploads need. */
function text(method: string, path: string, body: string | Uint8Array, type?: string) {
  return fetch(base + path, {
    method,
    headers: {
      "x-requested-with": "test",
      ...(type === undefined ? {} : { "content-type": type }),
    },
    body,
  });
}

/** A 4xx answer: the status, JSON, nosniff, and exactly `{ error: { code, message } }`. */
async function expectError(response: Response, status: number, code: string, message?: RegExp) {
  const raw = await response.text();
  expect(response.status, raw).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  const body = JSON.parse(raw);
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  if (message) expect(body.error.message).toMatch(message);
  return body.error as { code: string; message: string };
}

/** A 200 JSON answer, parsed. */
async function expectJson(response: Response, status = 200) {
  const raw = await response.text();
  expect(response.status, raw).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  return JSON.parse(raw);
}

/** The server answers, and what was stored before is still there, unchanged in number. */
async function expectStillServing() {
  expect(await expectJson(await fetch(`${base}/health`))).toEqual({ ok: true });
  expect(await expectJson(await fetch(`${base}/stats`))).toEqual(baseline);
  for (const id of [newsId, xssId]) {
    const stored = await expectJson(await fetch(`${base}/documents/${id}`));
    expect(stored.document.id).toBe(id);
  }
}

async function store(body: unknown): Promise<string> {
  const r = await fetch(`${base}/documents`, {
    method: "POST",
    headers: J,
    body: JSON.stringify(body),
  });
  const json = await expectJson(r, 201);
  return json.id;
}

interface Streamed {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
  /** EPIPE or ECONNRESET when the server closed the connection before the answer was read. */
  error?: string;
  /** Bytes handed to the socket before the answer or the error. */
  sent: number;
}

/**
 * POSTs `total` bytes of "a" in 1 MB writes, waiting for the socket to drain between them, so
 * neither side ever holds the body (the same 1 MB buffer is written each time). Stops writing at
 * the first answer or error.
 */
function streamBody(total: number, chunked: boolean): Promise<Streamed> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (chunked) headers["transfer-encoding"] = "chunked";
    else headers["content-length"] = String(total);
    const result: Streamed = { sent: 0 };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      request.destroy();
      resolve(result);
    };
    const guard = setTimeout(finish, 20_000);
    const request = httpRequest({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/documents",
      headers,
      agent: false,
    });
    request.on("response", (response) => {
      result.status = response.statusCode;
      result.headers = response.headers;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (data: string) => {
        body += data;
      });
      response.on("end", () => {
        result.body = body;
        finish();
      });
      response.on("error", finish);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      result.error ??= error.code ?? error.message;
      // An answer already on its way still counts.
      setTimeout(finish, 300);
    });
    const write = () => {
      while (result.sent < total && result.status === undefined && result.error === undefined) {
        result.sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", write);
          return;
        }
      }
      if (result.status === undefined && result.error === undefined) request.end();
    };
    write();
  });
}

/** Raw bytes to the port, for what fetch would refuse to send; the whole answer back. */
function rawRequest(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      data += chunk;
    });
    socket.on("error", reject);
    socket.on("close", () => {
      const split = data.indexOf("\r\n\r\n");
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]),
        headers: data.slice(0, split).toLowerCase(),
        body: data.slice(split + 4),
      });
    });
    socket.write(bytes);
  });
}

/** Windows-1258: vowels with circumflex, breve or horn are single bytes, tone marks combine. */
function windows1258(value: string): Buffer {
  const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
  let out = "";
  for (const cluster of value.normalize("NFD").match(/\P{M}\p{M}*/gu) ?? []) {
    const marks = [...cluster.slice(1)];
    out += `${cluster[0]}${marks.filter((m) => !TONE.test(m)).join("")}`.normalize("NFC");
    out += marks.filter((m) => TONE.test(m)).join("");
  }
  return iconv.encode(out, "windows-1258");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dossier-hostile-"));
  app = await startServer({ dbPath: join(dir, "hostile.db"), port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  port = address.port;
  base = `http://127.0.0.1:${port}`;
  newsId = await store({ text: NEWS, source: "news.txt" });
  xssId = await store({ text: XSS, source: "xss.txt" });
  baseline = await expectJson(await fetch(`${base}/stats`));
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hostile input over HTTP", () => {
  it("binds loopback", () => {
    expect(app.server.address()).toMatchObject({ address: "127.0.0.1" });
  });

  it("malformed JSON: 400 E_FORMAT (E_EMPTY when there is none)", async () => {
    await expectError(
      await text("POST", "/analyze", "{not json", J["content-type"]),
      400,
      "E_FORMAT",
    );
    await expectError(
      await text("POST", "/documents", '{"text": "Đà Nẵng', J["content-type"]),
      400,
      "E_FORMAT",
    );
    await expectError(await text("POST", "/documents", "[1,", J["content-type"]), 400, "E_FORMAT");
    // JSON.parse says where the JSON breaks.
    await expectError(
      await text("POST", "/documents", '{"text": 1,}', J["content-type"]),
      400,
      "E_FORMAT",
      /not valid JSON: .*position/,
    );
    await expectError(await text("POST", "/analyze", "", "application/json"), 400, "E_EMPTY");
    await expectError(
      await text("POST", "/analyze", "null", "application/json"),
      400,
      "E_VALIDATION",
    );
    await expectStillServing();
  });

  it("a 100 MB body with its length declared: 413 E_TOO_LARGE before the body is read", async () => {
    const r = await streamBody(100 * 1024 * 1024, false);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(413);
    expect(r.headers?.["content-type"]).toMatch(/^application\/json/);
    expect(r.headers?.connection).toBe("close");
    expect(JSON.parse(r.body ?? "")).toEqual({
      error: { code: "E_TOO_LARGE", message: expect.any(String) },
    });
    // Refused on the header: only what the socket buffers took was written.
    expect(r.sent).toBeLessThan(32 * 1024 * 1024);
    await expectStillServing();
  });

  it("a 100 MB chunked body: cut off just past the 10 MB limit, the server unharmed", async () => {
    const r = await streamBody(100 * 1024 * 1024, true);
    // The server stops reading at the limit, answers 413 and closes the connection; a client
    // still writing may see the close (EPIPE / ECONNRESET) before it reads the answer.
    if (r.status !== undefined) {
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body ?? "").error.code).toBe("E_TOO_LARGE");
    } else {
      expect(["EPIPE", "ECONNRESET"]).toContain(r.error);
    }
    expect(r.sent).toBeLessThan(48 * 1024 * 1024);
    await expectStillServing();
  });

  it("a wrong content type: 415 E_UNSUPPORTED_MEDIA_TYPE", async () => {
    const unsupported = /content-type/;
    await expectError(
      await text("POST", "/documents", "<doc>Hà Nội</doc>", "application/xml"),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
      /application\/xml/,
    );
    const form = new FormData();
    form.append("text", NEWS);
    await expectError(
      await fetch(`${base}/documents`, { method: "POST", body: form }),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
      /multipart\/form-data/,
    );
    // A Uint8Array body makes fetch send no content-type at all.
    await expectError(
      await text("POST", "/documents", new TextEncoder().encode(NEWS)),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
      unsupported,
    );
    await expectError(
      await text("POST", "/analyze", new TextEncoder().encode('{"text":"Huế"}')),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
      unsupported,
    );
    // /analyze takes JSON only; /documents takes JSON, text/plain and text/html.
    await expectError(
      await text("POST", "/analyze", NEWS, "text/plain"),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
      /send application\/json/,
    );
    await expectError(
      await text("POST", "/documents", NEWS, "application/octet-stream"),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
    );
    await expectError(
      await text("POST", "/documents", NEWS, "application/x-www-form-urlencoded"),
      415,
      "E_UNSUPPORTED_MEDIA_TYPE",
    );
    await expectStillServing();
  });

  it("unknown query parameters: 400 E_VALIDATION naming the parameter", async () => {
    const cases = [
      ["/search?q=hue&bogus=1", "bogus"],
      ["/documents?limit=5&sort=desc", "sort"],
      ["/provinces?level=new&evil=%3Cscript%3E", "evil"],
      ["/compare?a=x&b=y&c=z", "c"],
      ["/search?__proto__=x", "__proto__"],
      ["/search?constructor=x", "constructor"],
      ["/search?=x", ""],
    ] as const;
    for (const [url, name] of cases) {
      const error = await expectError(await fetch(base + url), 400, "E_VALIDATION");
      expect(error.message).toBe(`unknown query parameter ${JSON.stringify(name)}`);
    }
    // A parameter given twice is an array, not a string.
    await expectError(
      await fetch(`${base}/search?q=a&q=b`),
      400,
      "E_VALIDATION",
      /q must be string/,
    );
    await expectStillServing();
  });

  it("unknown JSON body fields: 400 E_VALIDATION naming the field", async () => {
    await expectError(
      await text(
        "POST",
        "/analyze",
        JSON.stringify({ text: NEWS, admin: true }),
        "application/json",
      ),
      400,
      "E_VALIDATION",
      /unknown field "admin"/,
    );
    await expectError(
      await text("POST", "/documents", JSON.stringify({ text: NEWS, id: "x" }), "application/json"),
      400,
      "E_VALIDATION",
      /unknown field "id"/,
    );
    await expectError(
      await text("POST", "/documents", JSON.stringify({ text: { nested: 1 } }), "application/json"),
      400,
      "E_VALIDATION",
    );
    await expectStillServing();
  });

  it("a 10,000-character q: 400 E_VALIDATION naming the 1000 limit, at once", async () => {
    expect(LONG_Q.length).toBe(10_000);
    const started = performance.now();
    await expectError(
      await fetch(`${base}/search?q=${encodeURIComponent(LONG_Q)}`),
      400,
      "E_VALIDATION",
      /q must NOT have more than 1000 characters/,
    );
    await expectError(
      await fetch(`${base}/provinces?q=${encodeURIComponent(LONG_Q)}`),
      400,
      "E_VALIDATION",
      /1000/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(LONG_VI_Q.length).toBe(10_000);
    await expectError(
      await fetch(`${base}/search?q=${encodeURIComponent(LONG_VI_Q)}`),
      431,
      "E_HEADERS_TOO_LARGE",
    );
    await expectStillServing();
  });

  it("a q of too many terms: 400 E_USAGE naming the limit; at the limit, a quick 200", async () => {
    const many = Array.from({ length: 300 }, () => "a*").join(" ");
    await expectError(
      await fetch(`${base}/search?q=${encodeURIComponent(many)}`),
      400,
      "E_USAGE",
      new RegExp(`300 terms; at most ${MAX_QUERY_TERMS}`),
    );
    const atLimit = Array.from({ length: MAX_QUERY_TERMS }, () => "a*").join(" OR ");
    const started = performance.now();
    const r = await expectJson(await fetch(`${base}/search?q=${encodeURIComponent(atLimit)}`));
    expect(r.total).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);
    await expectStillServing();
  });

  it("FTS5 syntax in q is plain words: always 200 JSON", async () => {
    const garbage = [
      '"unbalanced',
      'Đà "Nẵng',
      "NOT",
      "NOT NOT",
      "AND",
      "OR OR",
      "tourists NOT",
      "*",
      "**",
      "*a",
      "a**",
      "^",
      "^tourists",
      "NEAR(",
      "NEAR(tourists hotels, 2)",
      "tourists NEAR hotels",
      "title:x",
      "body:tourists",
      "document_id:x",
      "{title body}: tourists",
      "- tourists",
      "+",
      "(",
      ")",
      "((((",
      "tourists)",
      '""',
      '"""',
      "'",
      "\\",
      ":",
      ";",
      "%",
      "%25",
      "\u0000",
      "tourists\u0000hotels",
      "🙂",
      "\u202e",
      "SELECT * FROM documents; --",
      "' OR 1=1 --",
    ];
    for (const q of garbage) {
      const r = await fetch(`${base}/search?q=${encodeURIComponent(q)}`);
      const body = await expectJson(r);
      expect(Array.isArray(body.results), q).toBe(true);
      const p = await expectJson(await fetch(`${base}/provinces?q=${encodeURIComponent(q)}`));
      expect(Array.isArray(p.provinces), q).toBe(true);
    }
    // Bad %-escapes in the query string are read leniently, not a 500.
    for (const raw of ["%ZZ", "%", "%FF%FE", "%C0%AF", "%ED%A0%80", "%00"]) {
      const body = await expectJson(await fetch(`${base}/search?q=${raw}`));
      expect(Array.isArray(body.results), raw).toBe(true);
    }
    await expectStillServing();
  });

  it("non-UTF-8 bytes: a 400 for JSON, decoded for text uploads, E_BINARY for binary", async () => {
    // `{"text":"<ff fe c3 28>"}`: JSON must be UTF-8.
    const bad = Buffer.concat([
      Buffer.from('{"text":"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    await expectError(
      await text("POST", "/analyze", bad, "application/json"),
      400,
      "E_FORMAT",
      /not valid UTF-8/,
    );
    await expectError(
      await text("POST", "/documents", bad, "application/json; charset=utf-8"),
      400,
      "E_FORMAT",
    );
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff,
    ]);
    await expectError(await text("POST", "/documents", binary, "text/plain"), 400, "E_BINARY");
    await expectStillServing();

    // Vietnamese in Windows-1258, with and without the charset said: stored as text, not U+FFFD.
    const vietnamese =
      "Hà Nội (VNA) – Mưa lớn kéo dài ở Đà Nẵng và Thừa Thiên Huế trong ngày thứ Hai, theo cơ quan khí tượng.";
    for (const type of ["text/plain; charset=windows-1258", "text/plain"]) {
      const r = await text("POST", "/documents", windows1258(vietnamese), type);
      expect([200, 201]).toContain(r.status);
      const { id } = await expectJson(r, r.status);
      const stored = await expectJson(await fetch(`${base}/documents/${id}`));
      expect(stored.document.text, type).toContain(vietnamese);
      expect(stored.document.text).not.toContain("\ufffd");
    }
    baseline = await expectJson(await fetch(`${base}/stats`));
    await expectStillServing();
  });

  it("path traversal in an id is just an id that is not there: 404", async () => {
    await expectError(
      await fetch(`${base}/documents/..%2F..%2Fetc%2Fpasswd`),
      404,
      "E_NOT_FOUND",
      /\.\.\/\.\.\/etc\/passwd/,
    );
    await expectError(await fetch(`${base}/documents/%2e%2e%2f%2e%2e%2fstats`), 404, "E_NOT_FOUND");
    await expectError(await fetch(`${base}/documents/%00`), 404, "E_NOT_FOUND");
    await expectError(
      await fetch(`${base}/compare?a=..%2F..%2Fetc%2Fpasswd&b=${newsId}`),
      404,
      "E_NOT_FOUND",
    );
    // fetch resolves the dot segments itself: this asks for /etc/passwd, which is no route.
    await expectError(await fetch(`${base}/documents/../../etc/passwd`), 404, "E_ROUTE");
    const raw = await rawRequest(
      "GET /documents/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    expect(raw.status).toBe(404);
    expect(raw.headers).toContain("content-type: application/json");
    expect(JSON.parse(raw.body).error.code).toMatch(/^E_(NOT_FOUND|ROUTE)$/);
    // The router's own refusals: a malformed %-escape, an id over 100 characters.
    await expectError(await fetch(`${base}/documents/%E0%A4%A`), 400, "E_FORMAT", /%-escape/);
    await expectError(
      await fetch(`${base}/documents/${"x".repeat(500)}`),
      400,
      "E_VALIDATION",
      /100/,
    );
    await expectError(
      await fetch(`${base}/documents/${newsId}`, { method: "DELETE" }),
      404,
      "E_ROUTE",
    );
    await expectStillServing();
  });

  it("huge, negative and odd limit/offset: 400 E_VALIDATION; large in-range offsets 200", async () => {
    for (const query of [
      "limit=99999999999999999999",
      "offset=99999999999999999999",
      "limit=-5",
      "offset=-1",
      "limit=0",
      "limit=101",
      "limit=1e3",
      "limit=1.5",
      "limit=0x10",
      "limit=%201",
      "limit=",
      "offset=1e9",
      "offset=9999999999",
    ]) {
      for (const route of ["/search", "/documents"]) {
        await expectError(
          await fetch(`${base}${route}?${query}`),
          400,
          "E_VALIDATION",
          /limit|offset/,
        );
      }
    }
    const far = await expectJson(await fetch(`${base}/search?offset=999999999&limit=100`));
    expect(far.results).toEqual([]);
    expect(far.total).toBeGreaterThan(0);
    await expectStillServing();
  });

  it("a script in a document comes back as JSON data, never as HTML", async () => {
    for (const accept of ["application/json", "text/html", "*/*"]) {
      const r = await fetch(`${base}/documents/${xssId}`, { headers: { accept } });
      const stored = await expectJson(r);
      expect(r.headers.get("content-type")).not.toMatch(/html/);
      expect(stored.document.text).toContain(XSS_SCRIPT);
      expect(stored.document.text).toContain(XSS_ATTR);
    }
    const found = await expectJson(await fetch(`${base}/search?q=alert`));
    const hit = found.results.find((h: { id: string }) => h.id === xssId);
    expect(hit.snippet).toContain("<script>«alert»(1)</script>");
    expect(hit.snippet).toContain('"><img src=x onerror=«alert»(1)>');
    // The same markup as an HTML upload: stored as text with its scripts dropped, served as JSON.
    const html = `<html><head><title>Huế <script>alert(1)</script></title></head><body><article><p>Officials in Huế met on Monday ${XSS_ATTR.replace(/</g, "&lt;")} to plan the festival.</p><script>alert(2)</script><img src=x onerror=alert(3)></article></body></html>`;
    const r = await text("POST", "/documents", html, "text/html");
    const { id } = await expectJson(r, 201);
    const stored = await expectJson(await fetch(`${base}/documents/${id}`));
    expect(stored.document.text).toContain("Officials in Huế met on Monday");
    expect(stored.document.text).not.toContain("alert(2)");
    baseline = await expectJson(await fetch(`${base}/stats`));
    await expectStillServing();
  });

  it("every answer says nosniff, successes and errors alike", async () => {
    for (const path of ["/health", "/stats", "/openapi.json", "/search?q=hue", "/nowhere"]) {
      const r = await fetch(base + path);
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(r.headers.get("content-type"), path).toMatch(/^application\/json/);
    }
  });

  it("malformed HTTP and oversized headers: JSON errors from the HTTP parser too", async () => {
    const malformed = await rawRequest(
      "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n",
    );
    expect(malformed.status).toBe(400);
    expect(malformed.headers).toContain("content-type: application/json");
    expect(malformed.headers).toContain("x-content-type-options: nosniff");
    expect(JSON.parse(malformed.body)).toEqual({
      error: { code: "E_FORMAT", message: expect.any(String) },
    });
    // Request smuggling shape: both a length and chunked.
    const smuggle = await rawRequest(
      "POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /stats HTTP/1.1\r\n\r\n",
    );
    expect(smuggle.status).toBe(400);
    expect(JSON.parse(smuggle.body).error.code).toBe("E_FORMAT");
    // A 20,000-character q does not fit the 16 KB of request line and headers.
    const huge = await fetch(`${base}/search?q=${"x".repeat(20_000)}`);
    await expectError(huge, 431, "E_HEADERS_TOO_LARGE");
    await expectStillServing();
  });
});

describe("random queries at /search (app.inject)", () => {
  let memory: Store;
  let local: FastifyInstance;

  beforeAll(async () => {
    memory = openSqliteStore(":memory:");
    local = buildApp({ store: memory, ui: false });
    const r = await local.inject({ method: "POST", url: "/documents", payload: { text: NEWS } });
    expect(r.statusCode).toBe(201);
  });

  afterAll(async () => {
    await local.close();
    memory.close();
  });

  /** Every byte %-escaped: any string, lone surrogates included (as U+FFFD), makes a URL. */
  const percentEncode = (value: string) =>
    [...Buffer.from(value, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  const bytes = fc
    .uint8Array({ maxLength: 40 })
    .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, "0")}`).join(""));
  const ftsToken = fc.constantFrom(
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "(",
    ")",
    '"',
    "*",
    "^",
    ":",
    "title:",
    "body:",
    "{",
    "}",
    "-",
    "+",
    "đà",
    "nẵng",
    "Đà Nẵng",
    "tourists",
    "hotels",
    "a",
    "a*",
    "'",
    "\\",
    "\u0000",
    "🙂",
  );
  const query = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }).map(percentEncode),
    fc.array(ftsToken, { maxLength: 40 }).map((tokens) => percentEncode(tokens.join(" "))),
    fc.array(ftsToken, { maxLength: 40 }).map((tokens) => percentEncode(tokens.join(""))),
    fc.string({ maxLength: 1200 }).map(percentEncode),
    bytes,
  );

  async function expectSearchAnswer(url: string) {
    const r = await local.inject({ method: "GET", url });
    expect([200, 400], `${url} → ${r.statusCode} ${r.body}`).toContain(r.statusCode);
    expect(r.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(r.body);
    if (r.statusCode === 200) expect(Array.isArray(body.results)).toBe(true);
    else expect(body.error.code).toMatch(/^E_[A-Z_]+$/);
  }

  it("any q: 200 or 400, JSON", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => expectSearchAnswer(`/search?q=${q}`)),
      { numRuns: 50 },
    );
  });

  it("any query parameters: 200 or 400, JSON", async () => {
    const name = fc.oneof(
      fc.constantFrom(
        "q",
        "province",
        "province2025",
        "entity",
        "domain",
        "source",
        "language",
        "from",
        "to",
        "limit",
        "offset",
      ),
      fc.string({ unit: "binary", maxLength: 12 }).map(percentEncode),
      fc.constantFrom("__proto__", "constructor", "hasOwnProperty", "toString", "", "q[]", "q[a]"),
    );
    const value = fc.oneof(
      query,
      fc
        .constantFrom(
          "",
          "0",
          "1",
          "-1",
          "20",
          "100",
          "101",
          "1e3",
          "99999999999999999999",
          "2025",
          "2025-04-01",
          "2025-13-45T99",
          "en",
          "vi",
          "xx",
          "48",
          "Đà Nẵng",
          "org:asean",
          "energy",
        )
        .map(percentEncode),
    );
    const params = fc.array(fc.tuple(name, value), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(params, async (pairs) =>
        expectSearchAnswer(`/search?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`),
      ),
      { numRuns: 50 },
    );
  });
});
