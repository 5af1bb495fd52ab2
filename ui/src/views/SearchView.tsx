import { type FormEvent, useState } from "react";
import type { QueryReading } from "../../../src/store/types.js";
import { api, type Filters, type Level } from "../api.js";
import { Facets } from "../components/Facets.js";
import { ProvinceMap } from "../components/ProvinceMap.js";
import { Snippet } from "../components/Snippet.js";
import { formatRoute, go } from "../route.js";
import { useApi } from "../useApi.js";

const PAGE = 20;

interface Props {
  filters: Filters;
  level: Level;
  offset: number;
}

const FILTER_LABELS: Record<keyof Filters, string> = {
  q: "text",
  province: "province (63)",
  province2025: "province (34)",
  entity: "entity",
  domain: "domain",
  source: "source",
  publisher: "publisher",
  language: "language",
  from: "from",
  to: "to",
  undated: "undated",
};

/** How the search read the query: did-you-mean, diacritics, word forms, known names. */
function Reading({ reading, q }: { reading: QueryReading; q: string }) {
  const parts: string[] = [];
  if (reading.diacritics === "exact") parts.push("diacritics as typed first");
  if (reading.diacritics === "loose")
    parts.push(`no document holds “${q}” with these diacritics: loose matches`);
  if (reading.stems.length > 0)
    parts.push(`word forms: ${reading.stems.map((s) => `${s.word} (${s.stem}…)`).join(", ")}`);
  if (reading.names.length > 0) parts.push(`known names first: ${reading.names.join(", ")}`);
  return (
    <div className="reading">
      {reading.didYouMean ? (
        <p className="did-you-mean">
          Nothing for “{q}”. Showing results for <strong>{reading.didYouMean}</strong>.
        </p>
      ) : null}
      {parts.length > 0 ? <p className="hint">Read as: {parts.join(" · ")}</p> : null}
    </div>
  );
}

export function SearchView({ filters, level, offset }: Props) {
  const [draft, setDraft] = useState(filters.q ?? "");
  const key = JSON.stringify([filters, offset]);
  const results = useApi(key, () => api.search(filters, offset, PAGE));
  // The map shows where the current search is, whichever province is picked.
  const { province: _p, province2025: _p2, ...mapFilters } = filters;
  const counts = useApi(JSON.stringify([mapFilters, level]), () =>
    api.provinces(level, mapFilters),
  );

  const navigate = (next: Filters, nextLevel: Level = level) =>
    go({ view: "search", filters: next, level: nextLevel, offset: 0 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ ...filters, q: draft.trim() || undefined });
  };
  const toggle = (filter: keyof Filters, value: string | null) => {
    const next: Filters = { ...filters, [filter]: value ?? undefined };
    // A month facet sets a one-month range; "undated" asks for the documents without a date,
    // which no range holds.
    if (filter === "from") {
      next.to = value ?? undefined;
      if (next.undated === "only") next.undated = undefined;
    }
    if (filter === "undated" && value === "only") {
      next.from = undefined;
      next.to = undefined;
    }
    navigate(next);
  };
  const selected = level === "old" ? filters.province : filters.province2025;
  const facets = results.state === "ok" ? results.data.facets : null;
  const provinceLabel = (code: string | undefined, facet: "province" | "province2025") =>
    facets?.[facet].find((f) => f.value === code)?.label ?? code;

  const active = (Object.keys(FILTER_LABELS) as (keyof Filters)[]).filter((k) => filters[k]);
  return (
    <div className="search-view">
      <form className="search-box" onSubmit={submit}>
        <input
          type="search"
          name="q"
          value={draft}
          maxLength={1000}
          placeholder='Search: Đà Nẵng, da nang, "joint statement", ASEAN AND energy'
          aria-label="Search text"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      <p className="hint">
        Diacritics and case are optional. Quote a "phrase"; combine with AND, OR, NOT; end a word
        with * for a prefix.
      </p>
      {active.length > 0 ? (
        <ul className="chips" aria-label="Active filters">
          {active.map((k) => (
            <li key={k}>
              <span>
                {FILTER_LABELS[k]}:{" "}
                {k === "province" || k === "province2025"
                  ? provinceLabel(filters[k], k)
                  : filters[k]}
              </span>
              <button
                type="button"
                aria-label={`Remove ${FILTER_LABELS[k]} filter`}
                onClick={() => {
                  if (k === "q") setDraft("");
                  navigate({ ...filters, [k]: undefined });
                }}
              >
                ×
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="clear"
              onClick={() => {
                setDraft("");
                navigate({});
              }}
            >
              Clear all
            </button>
          </li>
        </ul>
      ) : null}
      <div className="search-grid">
        <aside className="left">
          <ProvinceMap
            level={level}
            counts={
              counts.state === "ok" && counts.data.level === level ? counts.data.provinces : []
            }
            selected={selected}
            onLevel={(next) => {
              // The two levels have their own codes: switching drops the province filter.
              navigate({ ...filters, province: undefined, province2025: undefined }, next);
            }}
            onSelect={(code) =>
              navigate({
                ...filters,
                [level === "old" ? "province" : "province2025"]: code ?? undefined,
              })
            }
          />
        </aside>
        <section
          className="results"
          aria-live="polite"
          // Which search the results shown are for: scripts and tests wait on it.
          data-for={
            results.state === "ok"
              ? formatRoute({ view: "search", filters, level, offset })
              : undefined
          }
        >
          {results.state === "loading" ? <p className="status">Searching…</p> : null}
          {results.state === "error" ? <p className="status error">{results.message}</p> : null}
          {results.state === "ok" ? (
            <>
              <p className="total">
                <strong>{results.data.total}</strong> document{results.data.total === 1 ? "" : "s"}
                {results.data.total > PAGE
                  ? ` · ${offset + 1}–${Math.min(offset + PAGE, results.data.total)}`
                  : ""}
              </p>
              {results.data.note ? <p className="status note">{results.data.note}</p> : null}
              {results.data.reading ? (
                <Reading reading={results.data.reading} q={filters.q ?? ""} />
              ) : null}
              {results.data.undatedExcluded > 0 ? (
                <p className="undated-note">
                  {results.data.undatedExcluded} undated document
                  {results.data.undatedExcluded === 1 ? " is" : "s are"} left out by the date
                  filter.{" "}
                  <button
                    type="button"
                    onClick={() => navigate({ ...filters, undated: "include" })}
                  >
                    Include undated
                  </button>
                </p>
              ) : null}
              <ol className="hits">
                {results.data.results.map((hit) => (
                  <li key={hit.id} className="hit">
                    <a
                      className="title"
                      href={formatRoute({
                        view: "document",
                        id: hit.id,
                        removed: false,
                        // As the search read it: known names stay whole ("da nang", not "đã").
                        q: results.data.query ?? filters.q,
                      })}
                    >
                      {hit.title ?? hit.source}
                    </a>
                    <div className="meta">
                      <span>{hit.source}</span>
                      {hit.published ? (
                        <span>{hit.published.slice(0, 10)}</span>
                      ) : (
                        <span className="undated">undated</span>
                      )}
                      {hit.publisher ? <span>{hit.publisher}</span> : null}
                      {filters.q ? <span>score {hit.score.toFixed(2)}</span> : null}
                      {hit.loose ? (
                        <span className="loose" title="matches only with the diacritics ignored">
                          loose match
                        </span>
                      ) : null}
                    </div>
                    <Snippet text={hit.snippet} />
                  </li>
                ))}
              </ol>
              <div className="pager">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() =>
                    go({ view: "search", filters, level, offset: Math.max(0, offset - PAGE) })
                  }
                >
                  ← Previous
                </button>
                <button
                  type="button"
                  disabled={offset + PAGE >= results.data.total}
                  onClick={() => go({ view: "search", filters, level, offset: offset + PAGE })}
                >
                  Next →
                </button>
              </div>
            </>
          ) : null}
        </section>
        <aside className="right">
          {facets ? <Facets facets={facets} filters={filters} onToggle={toggle} /> : null}
        </aside>
      </div>
    </div>
  );
}
