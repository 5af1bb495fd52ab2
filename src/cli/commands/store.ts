import type { Command } from "commander";
import { DB_ENV, defaultDb, openStore } from "../../store/open.js";
import type { SearchQuery, SearchResult, Store, StoredDocument } from "../../store/types.js";
import { csvField, escapeTerminal } from "../format/escape.js";
import { placeCells, placeColumns } from "../format/places-csv.js";
import { provinceCountsGeoJson } from "../format/province-geojson.js";
import { addInputOptions } from "../input-options.js";
import { formatOption, parseChoice, parseInteger } from "../options.js";
import { ListWriter, Output } from "../output.js";
import { addSearchFilters, searchFilters } from "../search-filters.js";
import type { IngestCliOptions } from "./ingest.js";

/** `--db`, as every command that reads or writes the library takes it. */
export const DB_OPTION = [
  "--db <file|url>",
  `the library: a SQLite file, or a postgres:// URL (default: $${DB_ENV}, else dossier.db)`,
] as const;

export function registerStoreCommands(program: Command): void {
  addInputOptions(
    program
      .command("ingest")
      .description("read documents into the database: cleaned, analysed, searchable"),
  )
    .option(...DB_OPTION)
    .option(
      "--workers <n>",
      "ingest processes to run side by side, sharing the work (several machines may too)",
      parseInteger(1, 64),
      1,
    )
    .action(async (inputs: string[], options: IngestCliOptions) => {
      // Loaded here: search, stats and export never read documents in, nor analyse them.
      const { runIngest } = await import("./ingest.js");
      process.exitCode = await runIngest(inputs, options);
    });

  const search = program
    .command("search")
    .description("full-text search (with or without diacritics) with filters and facets")
    .argument("[query]", 'words, "phrases", AND/OR/NOT')
    .option(...DB_OPTION);
  addSearchFilters(search)
    .option("--limit <n>", "results per page", parseInteger(1, 100), 20)
    .option("--offset <n>", "skip this many results", parseInteger(0, 1e9), 0)
    .option(...formatOption(["text", "json", "jsonl"] as const))
    .action(
      async (
        query: string | undefined,
        options: SearchQuery & { db?: string; format: "text" | "json" | "jsonl" },
      ) => {
        const store = await openStore(options.db ?? defaultDb());
        try {
          const { db: _db, format, ...filters } = options;
          await writeSearch(await store.search({ ...filters, q: query }), format);
        } finally {
          await store.close();
        }
      },
    );

  program
    .command("stats")
    .description("what the database holds")
    .option(...DB_OPTION)
    .option(...formatOption(["text", "json", "jsonl"] as const))
    .action(async (options: { db?: string; format: "text" | "json" | "jsonl" }) => {
      const store = await openStore(options.db ?? defaultDb());
      try {
        const stats = await store.stats();
        const out = new Output();
        if (options.format === "text")
          await out.write(
            `${Object.entries(stats)
              .map(([k, v]) => `${k.padEnd(12)} ${v}`)
              .join("\n")}\n`,
          );
        else await out.write(`${JSON.stringify(stats, null, options.format === "json" ? 2 : 0)}\n`);
      } finally {
        await store.close();
      }
    });

  const exporter = program
    .command("export")
    .description(
      "export documents (jsonl, json, text), mentions (csv) or province polygons with document counts (geojson)",
    )
    .argument("[query]", "export (or count) only the documents this search finds")
    .option(...DB_OPTION)
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
      options: SearchQuery & { db?: string; format: ExportFormat; level: "old" | "new" },
    ) => {
      const store = await openStore(options.db ?? defaultDb());
      try {
        await exportDatabase(store, options.format, options.level, searchFilters(options, query));
      } finally {
        await store.close();
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

/** Every stored document, in id order, a page at a time. */
export async function* everyDocument(store: Store, pageSize = 200): AsyncGenerator<StoredDocument> {
  for (let after: string | null = null; ; ) {
    const page = await store.page(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = (page.at(-1) as StoredDocument).document.id;
  }
}

const EXPORT_FORMATS = ["jsonl", "json", "text", "csv", "geojson"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Every stored document the filters select, read a page at a time: an export holds one at once. */
async function* storedDocuments(
  store: Store,
  filters: SearchQuery,
): AsyncGenerator<StoredDocument> {
  if (Object.values(filters).every((v) => v === undefined || v === "")) {
    yield* everyDocument(store);
    return;
  }
  const { total } = await store.search({ ...filters, limit: 1 });
  for (let offset = 0; offset < total; offset += 100) {
    for (const hit of (await store.search({ ...filters, limit: 100, offset })).results) {
      const d = await store.get(hit.id);
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
  store: Store,
  format: ExportFormat,
  level: "old" | "new",
  filters: SearchQuery,
): Promise<void> {
  const out = new Output();
  if (format === "geojson") {
    await out.json(provinceCountsGeoJson(await store.provinceCounts(level, filters), level), 2);
    await out.write("\n");
    return;
  }
  const list = format === "json" || format === "jsonl" ? new ListWriter(out, format) : null;
  // The clean command's report, and the ingest modules behind it: for the text format only.
  const textReport = format === "text" ? (await import("./clean.js")).textReport : null;
  if (format === "csv")
    await out.write(
      `${["document_id", "source", "start", "end", "text", ...placeColumns("both")].join(",")}\r\n`,
    );
  for await (const d of storedDocuments(store, filters)) {
    if (list) await list.add(d.document);
    else if (textReport) await out.write(textReport(d.document.source, d.document, null, true));
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
