import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "dossier-serve-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) c.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `dossier serve`; resolves with its URL and what it said on standard error by then. */
function serve(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString();
      const url = /running at (http:\/\/\S+\/)/.exec(stdout)?.[1];
      if (url) resolve({ url, stderr });
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

describe("dossier serve", () => {
  it("--seed ingests the folder into an empty database only, leaving out its README", async () => {
    const seed = join(dir, "seed");
    mkdirSync(seed);
    writeFileSync(join(seed, "a.txt"), "Floods in Hue\n\nRain fell on Huế and Đà Nẵng for days.\n");
    writeFileSync(
      join(seed, "b.txt"),
      "Rice in Can Tho\n\nFarmers in Cần Thơ began the harvest.\n",
    );
    writeFileSync(join(seed, "README.md"), "# Samples\n\nTwo texts about Hanoi.\n");
    const db = join(dir, "seed.db");
    const first = await serve(["--db", db, "--seed", seed]);
    expect(first.stderr).toContain("ingesting");
    const stats = (await (await fetch(new URL("/stats", first.url))).json()) as {
      documents: number;
    };
    expect(stats.documents).toBe(2);
    const page = await fetch(first.url);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    children.pop()?.kill("SIGTERM");
    const second = await serve(["--db", db, "--seed", seed]);
    expect(second.stderr).not.toContain("ingesting");
  });

  it("a port in use is a usage error naming it, exit status 2", async () => {
    const { url } = await serve(["--db", join(dir, "port.db")]);
    const port = new URL(url).port;
    const r = spawnSync(
      process.execPath,
      [BIN, "serve", "--port", port, "--db", join(dir, "p2.db")],
      {
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`127.0.0.1:${port} is in use`);
  });

  it("takes the token from $DOSSIER_TOKEN or --token-file, keeping it off the command line", async () => {
    const post = (url: string, authorization?: string) =>
      fetch(new URL("/documents", url), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ text: "Rain fell on Huế for days." }),
      });
    const fromEnv = await serve(["--db", join(dir, "env.db")], { DOSSIER_TOKEN: "from-env" });
    expect((await post(fromEnv.url)).status).toBe(401);
    expect((await post(fromEnv.url, "Bearer from-env")).status).toBe(201);
    // /analyze is costly: with a token, it needs it too.
    const analyze = await fetch(new URL("/analyze", fromEnv.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Rain fell on Huế." }),
    });
    expect(analyze.status).toBe(401);
    children.pop()?.kill("SIGTERM");

    const file = join(dir, "token.txt");
    writeFileSync(file, "from-file\n", { mode: 0o600 });
    const fromFile = await serve(["--db", join(dir, "file.db"), "--token-file", file], {
      DOSSIER_TOKEN: "ignored",
    });
    expect((await post(fromFile.url, "Bearer ignored")).status).toBe(401);
    expect((await post(fromFile.url, "Bearer from-file")).status).toBe(201);
    children.pop()?.kill("SIGTERM");

    writeFileSync(file, "\n");
    const empty = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--token-file", file], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("token from");
    expect(empty.stderr).toContain("is empty");
    const missing = spawnSync(
      process.execPath,
      [BIN, "serve", "--port", "0", "--token-file", join(dir, "none.txt")],
      { encoding: "utf8", timeout: 20_000 },
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read the token file");
  });

  it("--allowed-hosts adds names the server answers to; others are refused", async () => {
    const { url } = await serve([
      "--db",
      join(dir, "hosts.db"),
      "--allowed-hosts",
      "dossier.lan,x.test",
    ]);
    const port = Number(new URL(url).port);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        httpGet({ host: "127.0.0.1", port, path: "/stats", headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on("error", reject);
      });
    expect(await status("dossier.lan")).toBe(200);
    expect(await status("x.test:8080")).toBe(200);
    expect(await status("attacker.example")).toBe(403);
  });
});
