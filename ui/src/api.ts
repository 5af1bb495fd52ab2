// The UI's only door to the data: the HTTP API of `dossier serve`, on the same origin.

import type { Comparison } from "../../src/compare/types.js";
import type { SearchQuery, SearchResult, StoredDocument } from "../../src/store/types.js";

export type { Comparison, SearchResult, StoredDocument };

export type Level = "old" | "new";

export interface ProvinceCount {
  code: string;
  name: string;
  nameVi: string;
  count: number;
}

export interface Stats {
  documents: number;
  mentions: number;
  entities: number;
  provisions: number;
  runs: number;
}

/** An error the API answered with, `{ error: { code, message } }`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, params: Record<string, string | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const url = query.size > 0 ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? "E_HTTP",
      body?.error?.message ?? `${response.status} ${response.statusText}`,
    );
  }
  return body as T;
}

/** The filters a search can carry; the same names as the API's query parameters. */
export type Filters = Omit<SearchQuery, "limit" | "offset">;

export const FILTER_KEYS = [
  "q",
  "province",
  "province2025",
  "entity",
  "domain",
  "source",
  "publisher",
  "language",
  "from",
  "to",
  "undated",
] as const satisfies readonly (keyof Filters)[];

export const api = {
  search: (filters: Filters, offset = 0, limit = 20) =>
    get<SearchResult>("/search", { ...filters, offset: String(offset), limit: String(limit) }),
  provinces: (level: Level, filters: Filters) =>
    get<{ level: Level; provinces: ProvinceCount[] }>("/provinces", { ...filters, level }),
  document: (id: string) => get<StoredDocument>(`/documents/${encodeURIComponent(id)}`),
  compare: (a: string, b: string) => get<Comparison>("/compare", { a, b }),
  stats: () => get<Stats>("/stats"),
};
