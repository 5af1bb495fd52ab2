import type { Command } from "commander";
import { analyze } from "../../analyze.js";
import { defaultGazetteer } from "../../gazetteer/load.js";
import type { Document } from "../../ingest/types.js";
import { assertStorable } from "../../store/limits.js";
import { openSqliteStore } from "../../store/sqlite.js";
import type { SearchQuery, StoredDocument } from "../../store/types.js";
import { describeError } from "../errors.js";
import { csvField, escapeTerminal } from "../format/escape.js";
import { addInputOptions, type InputOptions, readInputs } from "../inputs.js";
import { formatOption, parseChoice, parseNumber } from "../options.js";

/** The default database lives in the working folder. */
export const DEFAULT_DB = "dossier.db";

const BATCH = 200;

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
    .action((inputs: string[], options: IngestCliOptions) => {
      process.exitCode = runIngest(inputs, options);
    });

  program
    .command("search")
    .description("full-text search (with or without diacritics) with filters and facets")
    .argument("[query]", 'words, "phrases", AND/OR/NOT')
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--province <code|name>", "old (63) province")
    .option("--province2025 <code|name>", "new (34) province")
    .option("--entity <id>", "canonical entity id, e.g. org:asean")
    .option("--domain <id>", "topic domain, e.g. energy")
    .option("--source <source>", "source path")
    .option("--language <en|vi|other>", "language")
    .option("--from <date>", "published on or after (ISO date)")
    .option("--to <date>", "published on or before (ISO date)")
    .option("--limit <n>", "results per page", parseNumber(1, 100), 20)
    .option("--offset <n>", "skip this many results", parseNumber(0, 1e9), 0)
    .option(...formatOption(["text", "json"] as const))
    .action(
      (
        query: string | undefined,
        options: SearchQuery & { db: string; format: "text" | "json" },
      ) => {
        const store = openSqliteStore(options.db);
        try {
          const { db: _db, format, ...filters } = options;
          const result = store.search({ ...filters, q: query });
          if (format === "json") process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          else {
            process.stdout.write(`${result.total} documents\n`);
            for (const r of result.results) {
              process.stdout.write(
                `\n${r.score.toFixed(2)}  ${escapeTerminal(r.title ?? r.source)}  [${escapeTerminal(r.source)}]\n    ${escapeTerminal(r.snippet)}\n`,
              );
            }
          }
        } finally {
          store.close();
        }
      },
    );

  program
    .command("stats")
    .description("what the database holds")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option(...formatOption(["text", "json"] as const))
    .action((options: { db: string; format: "text" | "json" }) => {
      const store = openSqliteStore(options.db);
      try {
        const stats = store.stats();
        process.stdout.write(
          options.format === "json"
            ? `${JSON.stringify(stats, null, 2)}\n`
            : `${Object.entries(stats)
                .map(([k, v]) => `${k.padEnd(12)} ${v}`)
                .join("\n")}\n`,
        );
      } finally {
        store.close();
      }
    });

  program
    .command("export")
    .description("export documents (jsonl), mentions (csv) or province counts (geojson points)")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option(...formatOption(["jsonl", "csv", "geojson"] as const))
    .option(
      "-l, --level <level>",
      "geojson: old (63) or new (34) provinces",
      parseChoice(["old", "new"] as const),
      "old",
    )
    .action(
      (options: { db: string; format: "jsonl" | "csv" | "geojson"; level: "old" | "new" }) => {
        const store = openSqliteStore(options.db);
        try {
          process.stdout.write(exportDatabase(store, options.format, options.level));
        } finally {
          store.close();
        }
      },
    );
}

/** Reads the inputs through ingest and analyze, and stores them in batches (one transaction each). */
export function runIngest(inputs: string[], options: IngestCliOptions): number {
  const store = openSqliteStore(options.db);
  const run = new Date().toISOString();
  let batch: StoredDocument[] = [];
  let added = 0;
  let skipped = 0;
  let read = 0;
  const started = Date.now();
  const flush = () => {
    if (batch.length === 0) return;
    const r = store.add(batch, run);
    added += r.added;
    skipped += r.skipped;
    batch = [];
  };
  // Ctrl-C: the batch in flight is lost, the batches before it are stored; a rerun skips them.
  const stop = () => {
    flush();
    store.close();
    process.stderr.write(
      `\ndossier ingest: interrupted after ${read} documents; ${added} stored. Run again to resume.\n`,
    );
    process.exit(130);
  };
  process.once("SIGINT", stop);
  let status = 0;
  let refused = 0;
  try {
    status = readInputs("ingest", inputs, options, (source, document: Document) => {
      try {
        assertStorable(document, source);
      } catch (e) {
        // Refused with the limit named; the rest of the run goes on.
        process.stderr.write(`${describeError("ingest", e)}\n`);
        refused++;
        return;
      }
      batch.push({ document, analysis: analyze(document) });
      read++;
      if (batch.length >= BATCH) flush();
      if (process.stderr.isTTY && read % 50 === 0) {
        process.stderr.write(
          `\r${read} documents, ${(read / ((Date.now() - started) / 1000)).toFixed(0)}/s`,
        );
      }
    });
    flush();
    if (refused > 0) status = Math.max(status, 1);
  } finally {
    process.removeListener("SIGINT", stop);
    store.close();
  }
  process.stderr.write(
    `${process.stderr.isTTY ? "\n" : ""}dossier ingest: ${read} documents read, ${added} stored, ${skipped} already there, in ${((Date.now() - started) / 1000).toFixed(1)} s (${options.db})\n`,
  );
  return status;
}

function exportDatabase(
  store: ReturnType<typeof openSqliteStore>,
  format: "jsonl" | "csv" | "geojson",
  level: "old" | "new",
): string {
  if (format === "geojson") {
    const g = defaultGazetteer();
    const features = store.provinceCounts(level).map((c) => {
      const p = level === "old" ? g.provinceByCode.get(c.code) : g.province2025ByCode.get(c.code);
      return {
        type: "Feature",
        geometry: p ? { type: "Point", coordinates: [p.lon, p.lat] } : null,
        properties: {
          code: c.code,
          name: c.name,
          nameVi: p?.nameVi ?? null,
          count: c.count,
          level,
        },
      };
    });
    return `${JSON.stringify({ type: "FeatureCollection", features }, null, 2)}\n`;
  }
  const docs = store.search({ limit: 100 });
  const all: StoredDocument[] = [];
  for (let offset = 0; offset < docs.total; offset += 100) {
    for (const hit of store.search({ limit: 100, offset }).results) {
      const d = store.get(hit.id);
      if (d) all.push(d);
    }
  }
  if (format === "jsonl")
    return all.map((d) => JSON.stringify(d.document)).join("\n") + (all.length ? "\n" : "");
  const lines = [
    "document_id,source,start,end,text,place,province_code,province,province2025_code,province2025",
  ];
  for (const d of all) {
    for (const m of d.analysis.places) {
      lines.push(
        [
          d.document.id,
          d.document.source,
          m.start,
          m.end,
          m.text,
          m.place.name,
          m.province.code,
          m.province.name,
          m.province2025.code,
          m.province2025.name,
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** `dossier serve`: the HTTP API on the embedded database (loopback unless a token is given). */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API (OpenAPI at /openapi.json) on the database")
    .option("--db <file>", "SQLite database", DEFAULT_DB)
    .option("--host <host>", "address to bind (a non-loopback address needs --token)", "127.0.0.1")
    .option("--port <n>", "port", parseNumber(0, 65535), 8787)
    .option("--token <token>", "bearer token required for writing endpoints")
    .action(async (options: { db: string; host: string; port: number; token?: string }) => {
      const { startServer } = await import("../../server/index.js");
      const server = await startServer({
        dbPath: options.db,
        host: options.host,
        port: options.port,
        token: options.token,
      });
      process.stderr.write(
        `dossier serve: http://${options.host}:${options.port}/ (OpenAPI: /openapi.json, database ${options.db})\n`,
      );
      const stop = () => void server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
