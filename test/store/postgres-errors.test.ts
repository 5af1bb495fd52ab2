import { createServer } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "../../scripts/embedded-postgres.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { freshDatabase } from "../pg/databases.js";

/** A loopback port nothing listens on (free a moment ago). */
const closedPort = freePort;

/** Opening `url` fails with `code`, and the message names no password and no stack. */
async function refused(url: string, code: string, secret: string): Promise<string> {
  const error = await openPostgresStore(url).then(
    () => {
      throw new Error(`${url} opened`);
    },
    (e: unknown) => e as Error & { code?: string },
  );
  expect(error.code).toBe(code);
  expect(error.message).not.toContain(secret);
  expect(error.message).not.toMatch(/\n\s+at /u);
  return error.message;
}

describe("PostgreSQL store: connection errors", () => {
  const admin = new URL(inject("pgUrl"));

  it("a URL that is no PostgreSQL URL is E_USAGE", async () => {
    await refused("not a url with s3cret", "E_USAGE", "s3cret");
    await refused("mysql://u:s3cret@localhost/x", "E_USAGE", "s3cret");
    await refused("postgres://u:s3cret@localhost", "E_USAGE", "s3cret");
  });

  it("a server that is not there is E_DB_CONNECT, naming the URL without its password", async () => {
    const port = await closedPort();
    const message = await refused(
      `postgres://dossier:s3cret@127.0.0.1:${port}/library`,
      "E_DB_CONNECT",
      "s3cret",
    );
    expect(message).toContain(`127.0.0.1:${port}/library`);
    expect(message).toMatch(/ECONNREFUSED/u);
  });

  it("wrong credentials are E_DB_AUTH", async () => {
    const url = new URL(await freshDatabase("auth"));
    url.password = "wrong-s3cret";
    const message = await refused(url.toString(), "E_DB_AUTH", "wrong-s3cret");
    expect(message).toContain(url.pathname);
  });

  it("a database that does not exist is E_DB_MISSING", async () => {
    const url = new URL(admin);
    url.pathname = "/dossier_no_such_library";
    const message = await refused(url.toString(), "E_DB_MISSING", `:${admin.password}@`);
    expect(message).toContain("dossier_no_such_library");
  });

  it("a server that does not answer in time is E_DB_CONNECT", async () => {
    // A listener that accepts and never speaks: the connect timeout, not a hang.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      const error = await openPostgresStore(`postgres://u:s3cret@127.0.0.1:${port}/x`, {
        connectTimeoutMs: 300,
      }).catch((e: unknown) => e as Error & { code?: string });
      expect(error).toMatchObject({ code: "E_DB_CONNECT" });
      expect((error as Error).message).not.toContain("s3cret");
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });
});
