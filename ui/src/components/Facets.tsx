import { useState } from "react";
import type { Filters, SearchResult } from "../api.js";
import { toggled } from "../text.js";

type FacetName = keyof SearchResult["facets"];
type Facet = SearchResult["facets"][FacetName][number];

interface Group {
  title: string;
  facet: FacetName;
  filter: keyof Filters;
  /** Entity facets are one list in the API; the UI splits it by the id's type prefix. */
  prefix?: string;
}

const GROUPS: Group[] = [
  { title: "Province (63, before July 2025)", facet: "province", filter: "province" },
  { title: "Province (34, from July 2025)", facet: "province2025", filter: "province2025" },
  { title: "People", facet: "entity", filter: "entity", prefix: "person:" },
  { title: "Organisations", facet: "entity", filter: "entity", prefix: "org:" },
  { title: "Instruments", facet: "entity", filter: "entity", prefix: "instr:" },
  { title: "Countries", facet: "entity", filter: "entity", prefix: "country:" },
  { title: "Domain", facet: "domain", filter: "domain" },
  { title: "Publisher", facet: "publisher", filter: "publisher" },
  { title: "Source", facet: "source", filter: "source" },
  { title: "Language", facet: "language", filter: "language" },
  { title: "Month", facet: "month", filter: "from" },
];

const SHOWN = 8;

interface Props {
  facets: SearchResult["facets"];
  filters: Filters;
  onToggle: (filter: keyof Filters, value: string | null) => void;
}

/** The month facet's value for documents without a date (the API's). */
const UNDATED = "undated";
const isUndated = (group: Group, facet: Facet) =>
  group.facet === "month" && facet.value === UNDATED;

function isActive(group: Group, facet: Facet, filters: Filters): boolean {
  if (isUndated(group, facet)) return filters.undated === "only";
  if (group.facet === "month") return filters.from === facet.value && filters.to === facet.value;
  return filters[group.filter] === facet.value;
}

export function Facets({ facets, filters, onToggle }: Props) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  return (
    <nav className="facets" aria-label="Facets">
      {GROUPS.map((group) => {
        const values = facets[group.facet].filter(
          (f) => !group.prefix || f.value.startsWith(group.prefix),
        );
        if (values.length === 0) return null;
        const all = expanded.has(group.title);
        // The undated count stays in sight when the list is folded: it is what a date filter
        // leaves out.
        const visible = all ? values : values.slice(0, SHOWN);
        const undated = values.find((f) => isUndated(group, f));
        if (undated && !visible.includes(undated)) visible.push(undated);
        return (
          <details
            key={group.title}
            open={values.some((f) => isActive(group, f, filters)) || group.facet !== "source"}
          >
            <summary>{group.title}</summary>
            <ul>
              {visible.map((facet) => {
                const active = isActive(group, facet, filters);
                return (
                  <li key={facet.value}>
                    <button
                      type="button"
                      className={active ? "facet on" : "facet"}
                      aria-pressed={active}
                      data-facet={group.facet}
                      data-value={facet.value}
                      title={facet.value}
                      onClick={() =>
                        isUndated(group, facet)
                          ? onToggle("undated", active ? null : "only")
                          : onToggle(group.filter, active ? null : facet.value)
                      }
                    >
                      <span className="label">{facet.label || facet.value}</span>
                      <span className="count">{facet.count}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {values.length > visible.length || all ? (
              <button
                type="button"
                className="more"
                aria-expanded={all}
                onClick={() => setExpanded(toggled(expanded, group.title))}
              >
                {all ? "Show fewer" : `Show ${values.length - visible.length} more`}
              </button>
            ) : null}
          </details>
        );
      })}
    </nav>
  );
}
