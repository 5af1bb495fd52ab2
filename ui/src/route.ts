// Where the user is, kept in the URL hash so links, reloads and the back button work.
import { FILTER_KEYS, type Filters, type Level } from "./api.js";

export type Route =
  | { view: "search"; filters: Filters; level: Level; offset: number }
  | { view: "document"; id: string; removed: boolean; q?: string }
  | { view: "compare"; a: string; b: string };

function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key !== "undated") filters[key] = value;
    else if (value === "include" || value === "only") filters.undated = value;
  }
  return filters;
}

/** "#/", "#/?q=…&province=48&level=new", "#/doc/<id>", "#/compare/<a>/<b>" → a route. */
export function parseRoute(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?", 2);
  const params = new URLSearchParams(search);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "doc" && parts[1]) {
    const q = params.get("q") ?? undefined;
    return {
      view: "document",
      id: parts[1],
      removed: params.get("removed") === "1",
      ...(q ? { q } : {}),
    };
  }
  if (parts[0] === "compare") {
    return { view: "compare", a: parts[1] ?? "", b: parts[2] ?? "" };
  }
  const offset = Number(params.get("offset") ?? 0);
  return {
    view: "search",
    filters: filtersOf(params),
    level: params.get("level") === "new" ? "new" : "old",
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

export function formatRoute(route: Route): string {
  if (route.view === "document") {
    const params = new URLSearchParams();
    if (route.q) params.set("q", route.q);
    if (route.removed) params.set("removed", "1");
    return `#/doc/${encodeURIComponent(route.id)}${params.size > 0 ? `?${params}` : ""}`;
  }
  if (route.view === "compare") {
    return `#/compare/${encodeURIComponent(route.a)}/${encodeURIComponent(route.b)}`;
  }
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = route.filters[key];
    if (value) params.set(key, value);
  }
  if (route.level === "new") params.set("level", "new");
  if (route.offset > 0) params.set("offset", String(route.offset));
  return params.size > 0 ? `#/?${params}` : "#/";
}

export function go(route: Route): void {
  window.location.hash = formatRoute(route);
}
