import type { Analysis } from "../../analyze.js";
import type { Document } from "../../ingest/types.js";
import { escapeTerminal } from "./escape.js";

/** How many of each key, most frequent first (ties in first-seen order), as "key ×n, …". */
function tally(keys: string[], limit: number): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit);
  const more = counts.size - top.length;
  return [
    ...top.map(([k, n]) => (n > 1 ? `${escapeTerminal(k)} ×${n}` : escapeTerminal(k))),
    ...(more > 0 ? [`${more} more`] : []),
  ].join(", ");
}

/**
 * `dossier analyze --format text`: one screen per document saying what was found, with counts
 * (the full detail is in `--format json`). Document text is escaped for the terminal.
 */
export function analysisText(source: string, d: Document, a: Analysis): string {
  const line = (label: string, n: number, detail: string) =>
    `  ${label.padEnd(11)} ${n}${n > 0 && detail ? `: ${detail}` : ""}`;
  const head = `${escapeTerminal(source)}${d.title ? ` — ${escapeTerminal(d.title)}` : ""}`;
  const facts = [
    `kind ${a.kind.kind}${a.kind.evidence.length ? ` (${escapeTerminal(a.kind.evidence.join("; "))})` : ""}`,
    `language ${d.language}`,
    d.published ? `published ${escapeTerminal(d.published)}` : "undated",
  ];
  return [
    head,
    `  ${facts.join(" · ")}`,
    line(
      "places",
      a.places.length,
      tally(
        a.places.map((m) => m.province.name),
        8,
      ),
    ),
    line(
      "entities",
      a.entities.length,
      tally(
        a.entities.map((e) => `${e.name} (${e.id})`),
        8,
      ),
    ),
    line(
      "dates",
      a.dates.length,
      tally(
        a.dates.map((x) => `${x.text} = ${x.value ?? "open"}`),
        5,
      ),
    ),
    line(
      "topics",
      a.topics.length,
      tally(
        a.topics.flatMap((t) => t.domains.map((h) => h.label)),
        8,
      ),
    ),
    line(
      "provisions",
      a.provisions.length,
      tally(
        a.provisions.map((p) => p.stance),
        8,
      ),
    ),
    "",
  ].join("\n");
}
