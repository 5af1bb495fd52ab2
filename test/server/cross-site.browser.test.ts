/**
 * The cross-site attack in a real browser: a page served from another port on this machine
 * tries to plant a document in a Dossier server on loopback, by fetch (no-cors, text/plain) and
 * by a form posting text/plain. Chromium sends what any visited page could; nothing is stored.
 * A page of the server's own origin still writes.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/chromium.js";
import { startServer } from "../../src/server/index.js";

let dir: string;
let dossier: FastifyInstance;
let evil: Server;
let browser: Browser;
let base: string;
let evilBase: string;

/** The attacker's page: two ways a page can send a body to another origin without asking. */
const attack = (target: string) => `<!doctype html>
<form id="f" method="POST" action="${target}/documents" enctype="text/plain" target="sink">
  <input name="planted by a form" value="Floods in Huế planted">
</form>
<iframe name="sink"></iframe>
<script>
  fetch("${target}/documents", {
    method: "POST",
    mode: "no-cors",
    headers: { "content-type": "text/plain" },
    body: "Floods in Đà Nẵng planted by fetch",
  }).finally(() => {
    document.getElementById("f").submit();
    document.title = "sent";
  });
</script>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dossier-browser-cross-"));
  dossier = await startServer({ dbPath: join(dir, "b.db"), port: 0 });
  base = `http://127.0.0.1:${(dossier.server.address() as { port: number }).port}`;
  evil = createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(attack(base));
  });
  await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
  evilBase = `http://127.0.0.1:${(evil.address() as { port: number }).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => evil?.close(resolve));
  await dossier?.close();
  rmSync(dir, { recursive: true, force: true });
});

const documents = async () =>
  ((await (await fetch(`${base}/stats`)).json()) as { documents: number }).documents;

describe("a page of another origin, in Chromium", () => {
  it("cannot plant a document by fetch or by form", async () => {
    const page = await browser.newPage();
    const refused: number[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(`${base}/documents`)) refused.push(r.status());
    });
    await page.goto(evilBase);
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { title: string } }).document.title === "sent",
    );
    // The form's answer loads in the iframe; both requests were answered, both refused.
    await expect.poll(() => refused.length).toBe(2);
    expect(refused).toEqual([403, 403]);
    expect(await documents()).toBe(0);
    await page.close();
  });

  it("while a page of the server's own origin writes", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/health`);
    const status = await page.evaluate(async () => {
      const r = await fetch("/documents", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Floods in Huế, written by the server's own page." }),
      });
      return r.status;
    });
    expect(status).toBe(201);
    expect(await documents()).toBe(1);
    await page.close();
  });
});
