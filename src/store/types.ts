import type { Analysis } from "../analyze.js";
import type { Document } from "../ingest/types.js";

/** A document with its analysis, as stored. */
export interface StoredDocument {
  document: Document;
  analysis: Analysis;
}

/**
 * A search: `q` is full-text (folded: "Đà Nẵng", "Da Nang" and "DA NANG" match alike; quoted
 * phrases, AND/OR/NOT and a trailing `*` for prefixes are kept); the rest are filters.
 * `province`/`province2025` take a code ("48") or a name ("Đà Nẵng"); `entity` an id
 * ("org:asean"); `from`/`to` are inclusive ISO dates compared with `published`. A document
 * without a date (`published` null) is undated: a date filter leaves it out, counted in
 * `SearchResult.undatedExcluded`, unless `undated` is "include"; "only" asks for the undated.
 */
export interface SearchQuery {
  q?: string;
  province?: string;
  province2025?: string;
  entity?: string;
  domain?: string;
  source?: string;
  /** The publisher as metadata names it ("VGP", "VNA"); case and diacritics do not count. */
  publisher?: string;
  language?: string;
  from?: string;
  to?: string;
  /** "include": undated documents pass a date filter too; "only": only undated documents (no from/to). */
  undated?: "include" | "only";
  /** Default 20, at most 100. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  title: string | null;
  source: string;
  /** Higher is better (the negated bm25); 0 when listing without `q`. */
  score: number;
  /** About 200 characters of the original text around the first match, matches in «…». */
  snippet: string;
  published: string | null;
  /** The publisher from the document's metadata ("VGP"), null when it names none. */
  publisher: string | null;
  /**
   * Present, true, when the query was typed with diacritics and no document holds those exact
   * forms: this hit matches only with the diacritics ignored ("biến động" for "Biển Đông").
   */
  loose?: true;
}

/**
 * How the text query was read, in the order results are ranked: documents holding the words as
 * typed with their diacritics first (when typed with some), then those naming a known name of
 * the query (a place or an entity Dossier knows, not a common word folding alike), then by
 * relevance (bm25), newer first among equals.
 */
export interface QueryReading {
  /**
   * "exact": typed with diacritics, and some documents hold those forms: they rank first; the
   * others are kept only where the words are not written in Vietnamese (an English text's
   * "Bien Dong"), never a Vietnamese text's other word ("biến động"). "loose": typed with
   * diacritics but no document holds those forms, so the words matched without them (each hit
   * says `loose`). "folded": typed without diacritics, which then do not count.
   */
  diacritics: "exact" | "loose" | "folded";
  /** English words also looked for in their other forms, with the stem they share. */
  stems: { word: string; stem: string }[];
  /** Known names in the query (places, entities), as the data writes them. */
  names: string[];
  /**
   * Set when the query as typed found nothing and a known name is near it ("Da Nag"): the
   * query searched instead ("Da Nang"), whose results these are.
   */
  didYouMean?: string;
}

/** One facet value with the number of matching documents that have it. */
export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  /** Documents matching the query and filters, before limit/offset. */
  total: number;
  /**
   * The text query as searched: words folded and quoted, known names as phrases ("da nang
   * hotels" → `"da nang" "hotels"`); null without text. Marking matches elsewhere (a document
   * view) from it marks what the search matched.
   */
  query?: string | null;
  /** Why nothing was searched for: a query of only emoji or symbols finds nothing, and says so. */
  note?: string;
  /** How the text query was read and ranked; absent without a text query. */
  reading?: QueryReading;
  results: SearchHit[];
  /**
   * Undated documents that match the query and every other filter but were left out by the
   * date filter (`from`/`to`): never dropped unsaid. 0 without a date filter.
   */
  undatedExcluded: number;
  /** Facet counts; `month` ends with the value "undated" when undated documents match. */
  facets: {
    province: Facet[];
    province2025: Facet[];
    entity: Facet[];
    domain: Facet[];
    source: Facet[];
    publisher: Facet[];
    language: Facet[];
    month: Facet[];
  };
}

/**
 * An ingest run: "running" while it works; "done" when it read all its inputs; "interrupted"
 * when stopped (Ctrl-C, SIGTERM, or killed: a run left "running" by a process that no longer
 * exists); "failed" when an error stopped it. What it stored stays stored either way.
 */
export type RunStatus = "running" | "done" | "interrupted" | "failed";

export interface RunRecord {
  id: string;
  /** ISO date-times: when the run started; when it last stored a batch or ended. */
  started: string;
  finished: string;
  status: RunStatus;
  /** Documents the run stored, and those it found already there. */
  added: number;
  skipped: number;
}

/**
 * A document store: SQLite (the embedded default) or PostgreSQL (a library shared by several
 * processes and machines); both pass test/store/contract.ts. Every method is asynchronous, as a
 * server's are; SQLite answers at once.
 */
export interface Store {
  /** What it is: "sqlite" or "postgres", and where (a path, or the URL without its password). */
  readonly kind: "sqlite" | "postgres";
  readonly location: string;
  /**
   * Stores documents with their analyses in one transaction; a document already stored (same id)
   * is skipped. Returns how many were new. The counts go to run `run` (a new one by default),
   * which is recorded "done" unless `startRun` opened it.
   */
  add(items: StoredDocument[], run?: string): Promise<{ added: number; skipped: number }>;
  /**
   * Records run `id` as "running" in this process. First, runs left "running" by a process that
   * no longer exists (killed, or the machine stopped) are marked "interrupted".
   */
  startRun(id: string): Promise<void>;
  /**
   * Ends a run `startRun` opened; `skipped` adds documents the run found stored without
   * offering them to `add` (see `has`).
   */
  finishRun(id: string, status: Exclude<RunStatus, "running">, skipped?: number): Promise<void>;
  /** Whether a document with this id is stored: lets a rerun skip it before analysing it. */
  has(id: string): Promise<boolean>;
  /**
   * Takes documents to analyse and store, so that several ingest processes on one library share
   * the work: of `ids`, `mine` are this process's to store (not stored, and claimed by no other
   * process still at work: a claim of a process that stopped, even killed, is void), `stored`
   * are stored already; the rest are another live process's. A claim ends when the document is
   * stored or this store is closed.
   */
  claim(ids: string[]): Promise<{ mine: string[]; stored: string[] }>;
  /** Every run, oldest first. */
  runs(): Promise<RunRecord[]>;
  get(id: string): Promise<StoredDocument | null>;
  /**
   * Up to `limit` stored documents in id order, those after id `after` (from the first when
   * null): every document, a page at a time, whatever is added meanwhile elsewhere.
   */
  page(after: string | null, limit: number): Promise<StoredDocument[]>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Rows stored: documents, place mentions, distinct entity ids, provisions, ingest runs. */
  stats(): Promise<{
    documents: number;
    mentions: number;
    entities: number;
    provisions: number;
    runs: number;
  }>;
  /** Matching documents per province (63 "old" or 34 "new"), most first, then by code. */
  provinceCounts(
    level: "old" | "new",
    query?: SearchQuery,
  ): Promise<{ code: string; name: string; count: number }[]>;
  close(): Promise<void>;
}
