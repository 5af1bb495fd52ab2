import { DossierError } from "../errors.js";

/** One JSON Lines record, its text fields picked out and the rest kept. */
export interface JsonRecord {
  line: number;
  text: string | null;
  html: string | null;
  hints: {
    title: string | null;
    url: string | null;
    published: string | null;
    publisher: string | null;
    language: string | null;
    authors: string[];
    meta: Record<string, unknown>;
  };
}

const TEXT_FIELDS = ["text", "content", "body", "article", "maintext"];
const HTML_FIELDS = ["html", "raw_html", "content_html"];
const FIELDS: Record<string, string[]> = {
  title: ["title", "headline"],
  url: ["url", "link", "canonical_url"],
  published: [
    "published",
    "date",
    "published_at",
    "datePublished",
    "date_publish",
    "pubDate",
    "time",
  ],
  publisher: ["source", "publisher", "site", "site_name", "domain", "outlet"],
  language: ["language", "lang", "locale"],
};
const AUTHOR_FIELDS = ["authors", "author", "byline"];
const KNOWN = new Set([
  ...TEXT_FIELDS,
  ...HTML_FIELDS,
  ...Object.values(FIELDS).flat(),
  ...AUTHOR_FIELDS,
]);

/**
 * Records nested deeper are refused: JSON.parse reads any depth, but storing the record
 * (JSON.stringify, structured clone to the writer thread) recurses and overflows the stack near
 * 5,000 levels, which used to end the whole run. Real records nest a handful of levels.
 */
export const MAX_JSON_DEPTH = 100;

/** Whether `value` holds arrays or objects nested more than `limit` deep (walked, not recursed). */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const first = (o: Record<string, unknown>, keys: string[]) =>
  keys.map((k) => str(o[k])).find((v) => v !== null) ?? null;

/**
 * Reads JSON Lines / NDJSON: one object a line, blank lines skipped. A malformed line, or one
 * with neither text nor HTML, is an error naming its line; the other records still come out.
 * Fields Dossier does not know (and the record's own `id`) are kept in `meta`.
 */
export function* readJsonLines(
  content: string,
  source: string,
): Generator<JsonRecord | DossierError> {
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === "") continue;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      yield new DossierError("E_FORMAT", `${where}: not valid JSON (${(error as Error).message})`, {
        input: where,
      });
      continue;
    }
    if (deeperThan(value, MAX_JSON_DEPTH)) {
      yield new DossierError(
        "E_FORMAT",
        `${where}: JSON nested more than ${MAX_JSON_DEPTH} levels deep`,
        { input: where },
      );
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield new DossierError("E_FORMAT", `${where}: a JSON Lines record must be an object`, {
        input: where,
      });
      continue;
    }
    const o = value as Record<string, unknown>;
    const text = first(o, TEXT_FIELDS);
    const html = first(o, HTML_FIELDS);
    if (text === null && html === null) {
      yield new DossierError("E_FORMAT", `${where}: no "text" or "html" field`, { input: where });
      continue;
    }
    const meta: Record<string, unknown> = {};
    // Defined, not assigned: a "__proto__" field stays a field instead of becoming meta's prototype.
    for (const [k, v] of Object.entries(o)) {
      if (!KNOWN.has(k))
        Object.defineProperty(meta, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    yield {
      line: i + 1,
      text,
      html,
      hints: {
        title: first(o, FIELDS.title ?? []),
        url: first(o, FIELDS.url ?? []),
        published: first(o, FIELDS.published ?? []),
        publisher: first(o, FIELDS.publisher ?? []),
        language: first(o, FIELDS.language ?? []),
        authors: authors(o),
        meta,
      },
    };
  }
}

function authors(o: Record<string, unknown>): string[] {
  for (const key of AUTHOR_FIELDS) {
    const v = o[key];
    if (typeof v === "string" && v.trim() !== "")
      return v.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean);
    if (Array.isArray(v)) {
      return v
        .map((a) =>
          typeof a === "string"
            ? a
            : typeof a === "object" && a !== null
              ? str((a as { name?: unknown }).name)
              : null,
        )
        .filter((a): a is string => a !== null && a.trim() !== "");
    }
  }
  return [];
}
