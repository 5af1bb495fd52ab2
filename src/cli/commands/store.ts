import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import type { Document } from "../../ingest/types.js";
import { assertStorable } from "../../store/limits.js";
import { openSqliteStore } from "../../store/sqlite.js";
import type { SearchQuery, SearchResult, Store, StoredDocument } from "../../store/types.js";
import { describeError } from "../errors.js";
import { csvField, escapeTerminal } from "../format/escape.js";
import { placeCells, placeColumns } from "../format/places-csv.js";
import { provinceCountsGeoJson } from "../format/province-geojson.js";
import {
  addInputOptions,
  countFiles,
  type InputOptions,
  inputDocuments,
  type Tally,
} from "../inputs.js";
import { formatOption, parseChoice, parseInteger } from "../options.js";
import { ListWriter, Output } from "../output.js";
import { IngestProgress } from "../progress.js";
import { addSearchFilters, searchFilters } from "../search-filters.js";
import { textReport } from "./clean.js";
import { IngestWriter } from "./ingest-writer.js";

/** The default database lives in the working folder. */
export const DEFAULT_DB = "dossier.db";

/**
 * Documents a transaction stores. Bigger batches write each index page touched fewer times
 * (500 against 200: about a fifth less writing time at 30,000 documents); the batches in flight
 * stay well within memory.
 */
const BATCH = 500;

interface IngestCliOptions extends InputOptions {
  db: string;
}

export function registerStoreCommands(program: Command): void {
  addInputOptions(
    program
      .command("ingest")
      .description("read documents into the database: cleaned, analysed, searchable"),
  )
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .action(async (inputs: string[], options: IngestCliOptions) => {
      process.exitCode = await runIngest(inputs, options);
    });

  const search = program
    .command("search")
    .description("full-text search (with or without diacritics) with filters and facets")
    .argument("[query]", 'words, "phrases", AND/OR/NOT')
    .option("--db <file>", "SQLite database", DEFAULT_DB);
  addSearchFilters(search)
    .option("--limit <n>", "results per page", parseInteger(1, 100), 20)
    .option("--offset <n>", "skip this many results", parseInteger(0, 1e9), 0)
    .option(...formatOption(["text", "json", "jsonl"] as const))
    .action(
      async (
        query: string | undefined,
        options: SearchQuery & { db: string; format: "text" | "json" | "jsonl" },
      ) => {
        const store = openSqliteStore(options.db);
        try {
          const { db: _db, format, ...filters } = options;
          await writeSearch(store.search({ ...filters, q: query }), format);
        } finally {
          store.close();
        }
      },
    );

  program
    .command("stats")
    .description("what the database holds")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option(...formatOption(["text", "json", "jsonl"] as const))
    .action(async (options: { db: string; format: "text" | "json" | "jsonl" }) => {
      const store = openSqliteStore(options.db);
      try {
        const stats = store.stats();
        const out = new Output();
        if (options.format === "text")
          await out.write(
            `${Object.entries(stats)
              .map(([k, v]) => `${k.padEnd(12)} ${v}`)
              .join("\n")}\n`,
          );
        else await out.write(`${JSON.stringify(stats, null, options.format === "json" ? 2 : 0)}\n`);
      } finally {
        store.close();
      }
    });

  const exporter = program
    .command("export")
    .description(
      "export documents (jsonl, json, text), mentions (csv) or province polygons with document counts (geojson)",
    )
    .argument("[query]", "export (or count) only the documents this search finds")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option(...formatOption(EXPORT_FORMATS))
    .option(
      "-l, --level <level>",
      "geojson: old (63) or new (34) provinces",
      parseChoice(["old", "new"] as const),
      "old",
    );
  addSearchFilters(exporter).action(
    async (
      query: string | undefined,
      options: SearchQuery & { db: string; format: ExportFormat; level: "old" | "new" },
    ) => {
      const store = openSqliteStore(options.db);
      try {
        await exportDatabase(store, options.format, options.level, searchFilters(options, query));
      } finally {
        store.close();
      }
    },
  );
}

/** `dossier search`: the page of results, with its facets in text and JSON; JSON Lines, one result a line. */
async function writeSearch(result: SearchResult, format: "text" | "json" | "jsonl"): Promise<void> {
  const out = new Output();
  if (format === "json") {
    await out.json(result, 2);
    await out.write("\n");
  } else if (format === "jsonl") {
    for (const r of result.results) await out.write(`${JSON.stringify(r)}\n`);
  } else {
    await out.write(`${result.total} documents\n`);
    if (result.note) await out.write(`(${escapeTerminal(result.note)})\n`);
    const reading = result.reading;
    if (reading?.didYouMean)
      await out.write(`(nothing as typed; did you mean: ${escapeTerminal(reading.didYouMean)})\n`);
    if (reading?.diacritics === "loose")
      await out.write("(no document holds these diacritics as typed: loose matches)\n");
    if (result.undatedExcluded > 0)
      await out.write(
        `(${result.undatedExcluded} undated documents left out by the date filter: --undated include shows them)\n`,
      );
    for (const r of result.results) {
      await out.write(
        `\n${r.score.toFixed(2)}  ${escapeTerminal(r.title ?? r.source)}  [${escapeTerminal(r.source)}${r.publisher ? `, ${escapeTerminal(r.publisher)}` : ""}]\n    ${escapeTerminal(r.snippet)}\n`,
      );
    }
  }
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

/** How long `dossier ingest` works between turns of the event loop, when signals get in. */
const SIGNAL_CHECK_MS = 50;
/** Batches sent to the writer and not yet stored while the next is read: memory stays bounded. */
const IN_FLIGHT = 1;

/**
 * Reads the inputs through ingest and analyze, and stores them in batches of BATCH, one
 * transaction each. A writer thread (`IngestWriter`) stores each batch while this thread
 * analyses the next (two cores at work instead of one). The run is recorded "running", then "done". Ctrl-C or SIGTERM stop it after
 * the document being read: what was read is stored, the run is marked "interrupted", and the
 * exit status is 130 (143 for SIGTERM); a second Ctrl-C kills at once. A run killed outright
 * (SIGKILL, power loss) loses only the batches in flight, whose transactions never commit; the
 * next ingest into the database marks it "interrupted". Either way a rerun skips what is stored
 * and goes on.
 */
export async function runIngest(inputs: string[], options: IngestCliOptions): Promise<number> {
  // Opened here first: migrations run, and a database Dossier cannot use is reported, before
  // any work; this connection also records the run.
  const store = openSqliteStore(options.db);
  const run = new Date().toISOString();
  let writer: IngestWriter | null = null;
  let batch: StoredDocument[] = [];
  const inFlight: Promise<void>[] = [];
  let added = 0;
  let skipped = 0;
  let read = 0;
  let refused = 0;
  let known = 0;
  const started = Date.now();
  const flush = async (all: boolean) => {
    if (batch.length > 0 && writer) {
      const stored = writer.add(batch, run).then((r) => {
        added += r.added;
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
  let status = 0;
  const tally: Tally = { files: 0, errors: 0 };
  // A bar needs the number of files: walking the folders first costs little beside reading them.
  const progress = process.stderr.isTTY ? new IngestProgress() : null;
  progress?.start(countFiles(inputs, options));
  try {
    const documents = inputDocuments("ingest", inputs, options, tally);
    let lastTurn = Date.now();
    for (;;) {
      const next = documents.next();
      if (next.done) {
        status = next.value;
        break;
      }
      const { source, document } = next.value;
      if (!writer) {
        store.startRun(run);
        writer = new IngestWriter(options.db);
      }
      if (store.has(document.id)) {
        // Stored by an earlier run: a rerun over a growing folder analyses only what is new.
        // (One stored since this run began is still in a batch; `add` skips it there.)
        read++;
        known++;
      } else if (storable(document, source)) {
        batch.push({ document, analysis: analyze(document) });
        read++;
        if (batch.length >= BATCH) {
          await flush(false);
          lastTurn = Date.now();
        }
      } else refused++;
      progress?.update(tally.files, {
        documents: read,
        errors: tally.errors + refused,
        seconds: (Date.now() - started) / 1000,
      });
      if (Date.now() - lastTurn >= SIGNAL_CHECK_MS) {
        await new Promise(setImmediate);
        lastTurn = Date.now();
      }
      if (signal.received) {
        documents.return(0);
        break;
      }
    }
    await flush(true);
    if (writer) {
      await writer.close();
      store.finishRun(run, signal.received ? "interrupted" : "done", known);
    }
    if (refused > 0) status = Math.max(status, 1);
  } catch (error) {
    await Promise.allSettled(inFlight);
    await writer?.terminate().catch(() => {});
    if (writer) markFailed(store, run, known);
    throw error;
  } finally {
    progress?.stop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    store.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const errors = tally.errors + refused;
  const counts = `${tally.files} file${tally.files === 1 ? "" : "s"}, ${read} documents read, ${added} stored, ${skipped + known} already there, ${errors} error${errors === 1 ? "" : "s"}, in ${seconds} s (${options.db})`;
  if (signal.received) {
    process.stderr.write(
      `\ndossier ingest: interrupted (${signal.received}): ${counts}. Run again to resume.\n`,
    );
    return signal.received === "SIGTERM" ? 143 : 130;
  }
  process.stderr.write(`dossier ingest: ${counts}\n`);
  return status;
}

/**
 * Records the run "failed". On a full disk that write may fail too: it is tried once more (the
 * writer's rolled-back transaction has given its room back by then), and if it still fails, the
 * next ingest marks the run "interrupted"; standard error says so. The error that stopped the
 * run is the one reported either way.
 */
function markFailed(store: Store, run: string, known: number): void {
  for (let attempt = 1; ; attempt++) {
    try {
      store.finishRun(run, "failed", known);
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

const EXPORT_FORMATS = ["jsonl", "json", "text", "csv", "geojson"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every stored document the filters select, read a page at a time: an export holds one at once. */
function* storedDocuments(
  store: ReturnType<typeof openSqliteStore>,
  filters: SearchQuery,
): Generator<StoredDocument> {
  const { total } = store.search({ ...filters, limit: 1 });
  for (let offset = 0; offset < total; offset += 100) {
    for (const hit of store.search({ ...filters, limit: 100, offset }).results) {
      const d = store.get(hit.id);
      if (d) yield d;
    }
  }
}

/**
 * `dossier export`: the documents the filters select (JSON Lines, JSON, their text), or their
 * place mentions (CSV), each written as it is read; or every province's polygon with the count
 * of those documents (GeoJSON).
 */
async function exportDatabase(
  store: ReturnType<typeof openSqliteStore>,
  format: ExportFormat,
  level: "old" | "new",
  filters: SearchQuery,
): Promise<void> {
  const out = new Output();
  if (format === "geojson") {
    await out.json(provinceCountsGeoJson(store.provinceCounts(level, filters), level), 2);
    await out.write("\n");
    return;
  }
  const list = format === "json" || format === "jsonl" ? new ListWriter(out, format) : null;
  if (format === "csv")
    await out.write(
      `${["document_id", "source", "start", "end", "text", ...placeColumns("both")].join(",")}\r\n`,
    );
  for (const d of storedDocuments(store, filters)) {
    if (list) await list.add(d.document);
    else if (format === "text")
      await out.write(textReport(d.document.source, d.document, null, true));
    else await out.write(mentionRows(d));
  }
  await list?.end();
}

function mentionRows(d: StoredDocument): string {
  const { id, source } = d.document;
  return d.analysis.places
    .map(
      (m) =>
        `${[id, source, m.start, m.end, m.text, ...placeCells(m, "both")].map(csvField).join(",")}\r\n`,
    )
    .join("");
}
