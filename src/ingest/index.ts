import { DossierError, isDossierError } from "../errors.js";
import { type FsPath, pathName } from "../io/fs-path.js";
import { DEFAULT_MAX_BYTES, looksBinary, readBytes } from "../io/read-bytes.js";
import { decodeBytes } from "./decode.js";
import { detectFormat } from "./detect.js";
import { buildDocument, type Hints } from "./document.js";
import { readHtml } from "./html.js";
import { readJsonLines } from "./jsonl.js";
import { type WalkOptions, walkPaths } from "./paths.js";
import type { Document, DocumentFormat } from "./types.js";

export { type Cleaned, cleanText } from "./clean/index.js";
export {
  DuplicateIndex,
  type DuplicateMatch,
  type NearDuplicateOptions,
} from "./near-duplicates.js";
export { DEFAULT_INCLUDE, type WalkOptions, walkPaths } from "./paths.js";
export type * from "./types.js";

export interface IngestOptions extends WalkOptions {
  /** Force a format instead of detecting it from the content. */
  format?: DocumentFormat;
  /** Refuse inputs larger than this (bytes). Default 64 MiB. */
  maxBytes?: number;
  /** Told of each file as `ingestPaths` starts reading it (for progress reports). */
  onFile?: (path: string) => void;
  /**
   * This process's share of the inputs when several share them (`dossier ingest --workers`):
   * the files (and unreadable paths) whose place in the walk, counted from 0, is `index`
   * modulo `count`. Every file is someone's, once.
   */
  share?: { index: number; count: number };
}

/** One document, or the reason an input (or one JSON Lines record) could not become one. */
export type IngestItem =
  | { source: string; document: Document }
  | { source: string; error: DossierError };

/**
 * Turns one input's bytes into documents, in this order:
 * 1. refuse binary data (unless a UTF-16 BOM says otherwise);
 * 2. decode (UTF-8, UTF-16, Windows-1258/1252 guessed) to NFC;
 * 3. detect the format from the content (HTML, JSON Lines, Markdown, text);
 * 4. read it: HTML through Readability, JSON Lines record by record;
 * 5. clean and describe each document (`buildDocument`).
 * Never throws for bad input: each problem is an item with its error.
 */
export function ingestBytes(
  bytes: Uint8Array,
  source: string,
  options: IngestOptions = {},
): IngestItem[] {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes))
    return [{ source, error: new DossierError("E_BINARY", source, { input: source }) }];
  const { text, encoding, warnings } = decodeBytes(bytes, source);
  if (text.trim() === "")
    return [{ source, error: new DossierError("E_EMPTY", source, { input: source }) }];
  return ingestDecoded(text, source, encoding, warnings, options);
}

function ingestDecoded(
  text: string,
  source: string,
  encoding: string,
  warnings: string[],
  options: IngestOptions,
): IngestItem[] {
  const format = options.format ?? detectFormat(text, source);
  if (format === "html")
    return [{ source, document: fromHtml(text, source, encoding, warnings, {}) }];
  if (format !== "jsonl")
    return [{ source, document: buildDocument(text, source, format, encoding, warnings) }];
  const items: IngestItem[] = [];
  for (const record of readJsonLines(text, source)) {
    if (isDossierError(record)) {
      items.push({ source: record.input ?? source, error: record });
      continue;
    }
    const where = `${source}:${record.line}`;
    const document =
      record.html !== null && record.text === null
        ? fromHtml(record.html, where, encoding, [], record.hints)
        : buildDocument(
            (record.text ?? "").normalize("NFC"),
            where,
            "jsonl",
            encoding,
            [],
            record.hints,
          );
    items.push({ source: where, document });
  }
  return items;
}

function fromHtml(
  html: string,
  source: string,
  encoding: string,
  warnings: string[],
  hints: Hints,
): Document {
  const article = readHtml(html, { url: hints.url ?? undefined });
  return buildDocument(
    article.text,
    source,
    "html",
    encoding,
    [...warnings, ...article.warnings.map((w) => `${source}: ${w}`)],
    {
      title: hints.title ?? article.title,
      lede: article.lede,
      publisher: hints.publisher ?? article.publisher,
      published: hints.published ?? article.published,
      language: hints.language ?? article.language,
      authors: hints.authors?.length ? hints.authors : article.authors,
      url: hints.url ?? article.url,
      meta: { ...article.meta, ...hints.meta },
    },
  );
}

/**
 * One document from a string (text, Markdown, HTML — detected) or from raw bytes.
 *
 * @example
 * ingest("Hanoi (VNA) – Leaders met on Monday…").publisher; // "VNA"
 */
export function ingest(
  input: string | Uint8Array,
  options: IngestOptions & { source?: string } = {},
): Document {
  const source = options.source ?? "-";
  const items =
    typeof input === "string"
      ? input.trim() === ""
        ? [{ source, error: new DossierError("E_EMPTY", source, { input: source }) }]
        : ingestDecoded(input.normalize("NFC"), source, "utf-16", [], options)
      : ingestBytes(input, source, options);
  const first = items[0];
  if (!first) throw new DossierError("E_EMPTY", source, { input: source });
  if ("error" in first) throw first.error;
  return first.document;
}

/**
 * The streaming form for files and folders: reads each file (or "-" for standard input) in
 * turn and yields its documents or its error; one bad file never stops the rest.
 */
export function* ingestPaths(paths: FsPath[], options: IngestOptions = {}): Generator<IngestItem> {
  const { share } = options;
  let place = 0;
  for (const entry of walkPaths(paths, options)) {
    if (share && place++ % share.count !== share.index) continue;
    if (isDossierError(entry)) {
      yield { source: entry.input ?? "", error: entry };
      continue;
    }
    const source = pathName(entry);
    options.onFile?.(source);
    let bytes: Buffer;
    try {
      bytes = readBytes(entry, options.maxBytes ?? DEFAULT_MAX_BYTES);
    } catch (error) {
      yield {
        source,
        error: isDossierError(error)
          ? error
          : new DossierError("E_READ", `${source}: ${String(error)}`, { input: source }),
      };
      continue;
    }
    yield* ingestBytes(bytes, source, options);
  }
}
