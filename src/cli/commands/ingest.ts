/**
 * `dossier ingest`: documents read, analysed and stored, in batches, one transaction each. Any
 * number of ingest processes, on one machine or several, may work on the same inputs and the
 * same library at once: each document is claimed before it is analysed (`Store.claim`), so
 * the work is shared and every document stored once. `--workers N` starts N such processes.
 */
import { spawn } from "node:child_process";
import { analyze } from "../../analyze.js";
import { DossierError } from "../../errors.js";
import type { Document } from "../../ingest/types.js";
import { assertStorable } from "../../store/limits.js";
import { defaultDb, openStore } from "../../store/open.js";
import type { Store, StoredDocument } from "../../store/types.js";
import { describeError } from "../errors.js";
import { escapeTerminal } from "../format/escape.js";
import { countFiles, type InputOptions, inputDocuments, type Tally } from "../inputs.js";
import { IngestProgress } from "../progress.js";
import { IngestWriter } from "./ingest-writer.js";

export interface IngestCliOptions extends InputOptions {
  db?: string;
  /** Ingest processes to run side by side on this machine (default 1). */
  workers?: number;
}

/**
 * Documents a transaction stores. Bigger batches write each index page touched fewer times
 * (500 against 200: about a fifth less writing time at 30,000 documents); the batches in flight
 * stay well within memory.
 */
const BATCH = 500;
/**
 * The longest a batch waits to be stored, in ms: slow documents (long ones, or a machine shared
 * with other work) are committed as they come, so what is done is kept and searchable.
 */
const BATCH_MS = 1000;
/** Documents claimed at once: one round trip to the library for this many. */
const CLAIM_BATCH = 64;
/** How long `dossier ingest` works between turns of the event loop, when signals get in. */
const SIGNAL_CHECK_MS = 50;
/** Batches sent to the writer and not yet stored while the next is read: memory stays bounded. */
const IN_FLIGHT = 1;
/** Set in the processes `--workers` starts: they report their counts to it as one JSON line. */
const WORKER_ENV = "DOSSIER_INGEST_WORKER";
/** "i/n": this `--workers` process reads the i-th of n shares of the files (from 0). */
const SHARE_ENV = "DOSSIER_INGEST_SHARE";

/** This process's share of the files, when `--workers` gave it one. */
function shareOf(): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(process.env[SHARE_ENV] ?? "");
  if (!m) return undefined;
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** What one ingest process did. */
interface Counts {
  files: number;
  read: number;
  added: number;
  /** Stored already (by an earlier run, or another process meanwhile). */
  known: number;
  /** Claimed by another process still at work: that one stores them. */
  elsewhere: number;
  errors: number;
}

/** Whether the store takes the document; if not, says why (the limit named) on standard error. */
function storable(document: Document, source: string): boolean {
  try {
    assertStorable(document, source);
    return true;
  } catch (e) {
    process.stderr.write(`${describeError("ingest", e)}\n`);
    return false;
  }
}

/**
 * Reads the inputs through ingest and analyze, and stores them in batches of BATCH, one
 * transaction each. A writer thread (`IngestWriter`) stores each batch while this thread
 * analyses the next (two cores at work instead of one). The run is recorded "running", then
 * "done". Ctrl-C or SIGTERM stop it after the document being read: what was read is stored,
 * the run is marked "interrupted", and the exit status is 130 (143 for SIGTERM); a second
 * Ctrl-C kills at once. A run killed outright (SIGKILL, power loss) loses only the batches in
 * flight, whose transactions never commit, and its claims are void; the next ingest into the
 * library marks it "interrupted". Either way a rerun skips what is stored and goes on.
 */
export async function runIngest(inputs: string[], options: IngestCliOptions): Promise<number> {
  const workers = options.workers ?? 1;
  if (workers > 1) return runWorkers(inputs, options, workers);
  const db = options.db ?? defaultDb();
  // Opened here first: migrations run, and a library Dossier cannot use is reported, before
  // any work; this connection also records the run and claims the documents.
  const store = await openStore(db);
  const run = new Date().toISOString();
  let writer: IngestWriter | null = null;
  let batch: StoredDocument[] = [];
  let batchStarted = 0;
  let pending: { source: string; document: Document }[] = [];
  const inFlight: Promise<void>[] = [];
  const counts: Counts = { files: 0, read: 0, added: 0, known: 0, elsewhere: 0, errors: 0 };
  let skipped = 0;
  let refused = 0;
  const started = Date.now();
  const flush = async (all: boolean) => {
    if (batch.length > 0 && writer) {
      const stored = writer.add(batch, run).then((r) => {
        counts.added += r.added;
        skipped += r.skipped;
      });
      // Handled where it is awaited; until then a failure must not count as unhandled.
      stored.catch(() => {});
      inFlight.push(stored);
      batch = [];
    }
    while (inFlight.length > (all ? 0 : IN_FLIGHT)) await inFlight.shift();
  };
  // Reading is synchronous, so a signal handler runs only when the loop gives the event loop a
  // turn: at least every SIGNAL_CHECK_MS. `once`: a second signal gets the default (exit).
  const signal: { received: NodeJS.Signals | null } = { received: null };
  const onSignal = (name: NodeJS.Signals) => {
    signal.received = name;
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let lastTurn = Date.now();
  const turn = async () => {
    if (Date.now() - lastTurn >= SIGNAL_CHECK_MS) {
      await new Promise(setImmediate);
      lastTurn = Date.now();
    }
  };
  let status = 0;
  const tally: Tally = { files: 0, errors: 0 };
  // A bar needs the number of files: walking the folders first costs little beside reading them.
  const progress = process.stderr.isTTY && !process.env[WORKER_ENV] ? new IngestProgress() : null;
  progress?.start(countFiles(inputs, options));
  const update = () =>
    progress?.update(tally.files, {
      documents: counts.read,
      errors: tally.errors + refused,
      seconds: (Date.now() - started) / 1000,
    });
  /** Claims the documents read, then analyses and batches this process's share. */
  const settle = async () => {
    if (pending.length === 0) return;
    const these = pending;
    pending = [];
    const { mine, stored } = await store.claim(these.map((p) => p.document.id));
    const mineSet = new Set(mine);
    const storedSet = new Set(stored);
    for (const { source, document } of these) {
      if (signal.received) break;
      counts.read++;
      if (storedSet.has(document.id)) {
        // Stored by an earlier run: a rerun over a growing folder analyses only what is new.
        counts.known++;
      } else if (!mineSet.has(document.id)) {
        counts.elsewhere++;
      } else if (storable(document, source)) {
        // Twice in the inputs: analysed once (the second is already there when stored).
        mineSet.delete(document.id);
        if (batch.length === 0) batchStarted = Date.now();
        batch.push({ document, analysis: analyze(document) });
        if (batch.length >= BATCH || Date.now() - batchStarted >= BATCH_MS) {
          await flush(false);
          lastTurn = Date.now();
        }
      } else refused++;
      update();
      await turn();
    }
  };
  try {
    const documents = inputDocuments("ingest", inputs, { ...options, share: shareOf() }, tally);
    for (;;) {
      const next = documents.next();
      if (next.done) {
        status = next.value;
        break;
      }
      if (!writer) {
        await store.startRun(run);
        writer = new IngestWriter(db);
      }
      pending.push(next.value);
      if (pending.length >= CLAIM_BATCH) await settle();
      update();
      await turn();
      if (signal.received) {
        documents.return(0);
        break;
      }
    }
    if (!signal.received) await settle();
    await flush(true);
    if (writer) {
      await writer.close();
      await store.finishRun(run, signal.received ? "interrupted" : "done", counts.known);
    }
    if (refused > 0) status = Math.max(status, 1);
  } catch (error) {
    await Promise.allSettled(inFlight);
    await writer?.terminate().catch(() => {});
    if (writer) await markFailed(store, run, counts.known);
    throw error;
  } finally {
    progress?.stop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    await store.close();
  }
  counts.files = tally.files;
  counts.errors = tally.errors + refused;
  counts.known += skipped;
  if (process.env[WORKER_ENV]) {
    process.stdout.write(`${JSON.stringify(counts)}\n`);
    return signal.received ? (signal.received === "SIGTERM" ? 143 : 130) : status;
  }
  return report(counts, (Date.now() - started) / 1000, store.location, signal.received, status);
}

/** The summary line on standard error; returns the exit status. */
function report(
  c: Counts,
  seconds: number,
  location: string,
  signal: NodeJS.Signals | null,
  status: number,
): number {
  const others = c.elsewhere > 0 ? `, ${c.elsewhere} left to other ingest processes` : "";
  const line = `${c.files} file${c.files === 1 ? "" : "s"}, ${c.read} documents read, ${c.added} stored, ${c.known} already there${others}, ${c.errors} error${c.errors === 1 ? "" : "s"}, in ${seconds.toFixed(1)} s (${escapeTerminal(location)})`;
  if (signal) {
    process.stderr.write(
      `\ndossier ingest: interrupted (${signal}): ${line}. Run again to resume.\n`,
    );
    return signal === "SIGTERM" ? 143 : 130;
  }
  process.stderr.write(`dossier ingest: ${line}\n`);
  return status;
}

/**
 * `--workers N`: N ingest processes on the same inputs and library, sharing the documents
 * through their claims; this one waits for them and sums what they did.
 */
async function runWorkers(inputs: string[], options: IngestCliOptions, n: number): Promise<number> {
  if (inputs.length === 0 || inputs.includes("-"))
    throw new DossierError(
      "E_USAGE",
      "--workers shares files and folders among processes: standard input cannot be shared",
      { input: "--workers" },
    );
  const db = options.db ?? defaultDb();
  // Opened once first, so that the migrations run before the workers race to open it.
  const location = await openStore(db).then(async (s) => {
    await s.close();
    return s.location;
  });
  const started = Date.now();
  // Many files: each worker reads, cleans and analyses its own share of them (the claims still
  // keep a text two files hold from being stored twice). Few files (one large JSON Lines file):
  // every worker reads them all, and the claims share the documents out.
  const shared = countFiles(inputs, options) >= 2 * n;
  const args = [
    ...process.execArgv,
    process.argv[1] as string,
    "ingest",
    ...inputs,
    "--db",
    db,
    "--max-bytes",
    String(options.maxBytes),
    ...(options.include ?? []).flatMap((g) => ["--include", g]),
    ...(options.exclude ?? []).flatMap((g) => ["--exclude", g]),
  ];
  const children = Array.from({ length: n }, (_, i) =>
    // Their own process group: Ctrl-C reaches this process only, which passes it on once (a
    // second Ctrl-C at a worker would kill it at once).
    spawn(process.execPath, args, {
      env: {
        ...process.env,
        [WORKER_ENV]: String(i + 1),
        ...(shared ? { [SHARE_ENV]: `${i}/${n}` } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    }),
  );
  // Without shares every worker reads every input, and reports the same unreadable files: each
  // line once.
  const said = new Set<string>();
  for (const child of children) {
    let rest = "";
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      const lines = (rest + d).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (said.has(line)) continue;
        said.add(line);
        process.stderr.write(`${line}\n`);
      }
    });
  }
  const forward = (signal: NodeJS.Signals) => {
    for (const c of children) c.kill(signal);
  };
  const onInt = () => forward("SIGINT");
  const onTerm = () => forward("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  const total: Counts = { files: 0, read: 0, added: 0, known: 0, elsewhere: 0, errors: 0 };
  let status = 0;
  let stopped: NodeJS.Signals | null = null;
  try {
    await Promise.all(
      children.map(
        (child, i) =>
          new Promise<void>((resolve) => {
            let out = "";
            child.stdout?.setEncoding("utf8").on("data", (d: string) => {
              out += d;
            });
            child.on("close", (code, signal) => {
              const last = out.trim().split("\n").at(-1);
              if (last?.startsWith("{")) {
                const c = JSON.parse(last) as Counts;
                total.added += c.added;
                // Each read its share, or every input (then the first's reading is everyone's).
                if (shared) {
                  total.files += c.files;
                  total.read += c.read;
                  total.errors += c.errors;
                  // A text another worker claimed is in two files: stored once, by that worker.
                  total.known += c.known + c.elsewhere;
                } else if (i === 0) {
                  total.files = c.files;
                  total.read = c.read;
                  total.errors = c.errors;
                }
              }
              if (code === 130 || code === 143) stopped ??= code === 130 ? "SIGINT" : "SIGTERM";
              else if (code === null) {
                process.stderr.write(
                  `dossier ingest: worker ${i + 1} was killed (${signal}); run again to finish its share\n`,
                );
                status = Math.max(status, 1);
              } else status = Math.max(status, code);
              resolve();
            });
          }),
      ),
    );
  } finally {
    process.removeListener("SIGINT", onInt);
    process.removeListener("SIGTERM", onTerm);
  }
  // What no worker stored was there already (unless a worker was killed: then said above).
  if (!shared) total.known = Math.max(0, total.read - total.added - total.errors);
  return report(total, (Date.now() - started) / 1000, location, stopped, status);
}

/**
 * Records the run "failed". On a full disk that write may fail too: it is tried once more (the
 * writer's rolled-back transaction has given its room back by then), and if it still fails, the
 * next ingest into this library marks it "interrupted"; standard error says so. The error that
 * stopped the run is the one reported either way.
 */
async function markFailed(store: Store, run: string, known: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.finishRun(run, "failed", known);
      return;
    } catch (error) {
      if (attempt < 2) continue;
      process.stderr.write(
        `dossier ingest: the run could not be marked failed (${escapeTerminal(String((error as Error)?.message ?? error))}); the next ingest into this database marks it interrupted\n`,
      );
      return;
    }
  }
}
