import type { Analysis } from "../analyze.js";
import { entityCounts } from "./migrate-search.js";

/** Facet labels seen in a batch being added: kind → value → least label (both stores). */
export type Labels = Record<"province" | "province2025" | "entity" | "domain", Map<string, string>>;

export const newLabels = (): Labels => ({
  province: new Map(),
  province2025: new Map(),
  entity: new Map(),
  domain: new Map(),
});

/** What a document is counted under in the facets, as both stores store it. */
export interface DocumentFacets {
  /** The facet row's JSON (document_facets.facets). */
  json: string;
  /** The entities of the text and of the captions, with their counts: the entities table. */
  entities: Map<string, { type: string; name: string; count: number }>;
  /** Domain → label: the topics table. */
  domains: Map<string, string>;
}

/**
 * The facets of an analysis, each value's label noted in `labels`. The province facets count the
 * text's and the captions' places (`analysis.provinces`), and the entities both too; the
 * mentions table holds the text's alone, whose offsets are into the text.
 */
export function documentFacets(a: Analysis, labels: Labels): DocumentFacets {
  const label = (map: Map<string, string>, value: string, name: string) => {
    const seen = map.get(value);
    if (seen === undefined || name < seen) map.set(value, name);
  };
  for (const p of a.provinces) label(labels.province, p.code, p.name);
  for (const p of a.provinces2025) label(labels.province2025, p.code, p.name);
  const entities = entityCounts(a);
  for (const [id, e] of entities) label(labels.entity, id, e.name);
  const domains = new Map<string, string>();
  for (const t of a.topics) for (const h of t.domains) domains.set(h.domain, h.label);
  for (const [domain, name] of domains) label(labels.domain, domain, name);
  const json = JSON.stringify({
    province: [...new Set(a.provinces.map((p) => p.code))],
    province2025: [...new Set(a.provinces2025.map((p) => p.code))],
    entity: [...entities.keys()],
    domain: [...domains.keys()],
  });
  return { json, entities, domains };
}
