import { cleanText } from "./clean/index.js";
import { documentId } from "./identity.js";
import { detectLanguage } from "./language.js";
import { textMetadata } from "./metadata.js";
import { defaultMetadataLexicon } from "./opening/lexicon.js";
import { readPublished } from "./opening/published.js";
import { knownPublisher } from "./publishers.js";
import type { Document, DocumentFormat, Language } from "./types.js";

/** What a reader knows about a document besides its text (HTML meta, JSON Lines fields). */
export interface Hints {
  title?: string | null;
  lede?: string | null;
  publisher?: string | null;
  published?: string | null;
  language?: string | null;
  authors?: string[];
  url?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * Builds a Document from decoded text: cleans it (every cut reported), then fills the metadata
 * from the reader's hints first and the text second (readPublished says where the date comes
 * from). Values that cannot be read stay null.
 */
export function buildDocument(
  input: string,
  source: string,
  format: DocumentFormat,
  encoding: string,
  warnings: string[],
  hints: Hints = {},
): Document {
  const docWarnings = [...warnings];
  const original = withoutNul(input, source, docWarnings);
  const cleaned = cleanText(original);
  const fromText = textMetadata(cleaned.text);
  if (cleaned.text.trim() === "")
    docWarnings.push(`${source}: nothing left after removing page chrome`);

  const { published, publishedFrom, warning } = readPublished(
    hints.published,
    cleaned,
    defaultMetadataLexicon(),
  );
  if (warning) docWarnings.push(`${source}: ${warning}`);

  const title = clean(hints.title) ?? fromText.title;
  const document: Document = {
    id: "",
    source,
    format,
    url: clean(hints.url) ?? cleaned.url,
    title,
    lede: fromText.lede ?? clean(hints.lede),
    publisher: fromText.publisher ?? knownPublisher(hints.publisher) ?? clean(hints.publisher),
    published,
    publishedFrom,
    language: "other",
    authors: hints.authors?.length ? hints.authors : cleaned.authors,
    text: cleaned.text,
    captions: cleaned.captions,
    removed: cleaned.removed,
    warnings: docWarnings,
    encoding,
    meta: hints.meta ?? {},
  };
  // The id and the language cost a pass over the text each; a command that prints neither
  // (`dossier places`) never pays for them. Each is worked out on first read, then kept; they
  // stay enumerable, so JSON, spreads and structured clones see plain values.
  const text = cleaned.text;
  const given = language(hints.language);
  lazily(document, "id", () => documentId(text));
  lazily(document, "language", () => given ?? detectLanguage(text));
  return document;
}

/** Makes `document[key]` computed on first read (and writable, like any other field). */
function lazily<K extends "id" | "language">(
  document: Document,
  key: K,
  compute: () => Document[K],
): void {
  let value: Document[K] | undefined;
  Object.defineProperty(document, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      value ??= compute();
      return value;
    },
    set: (v: Document[K]) => {
      value = v;
    },
  });
}

/**
 * The text without NUL characters, which no text means (a file padded after a crash, a stray
 * byte) and which tools that read the store as C strings would cut at; a warning says how many
 * went and where the first was. Binary input never gets here (`looksBinary`).
 */
function withoutNul(text: string, source: string, warnings: string[]): string {
  const first = text.indexOf("\0");
  if (first < 0) return text;
  const kept = text.replaceAll("\0", "");
  const n = text.length - kept.length;
  warnings.push(
    `${source}: ${n} NUL character${n === 1 ? "" : "s"} removed (the first at character ${first})`,
  );
  return kept;
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, " ").trim();
  return v ? v : null;
}

function language(value: string | null | undefined): Language | null {
  const v = value?.trim().toLowerCase().slice(0, 2);
  if (!v) return null;
  return v === "en" || v === "vi" ? v : "other";
}
