import { useMemo, useState } from "react";
import { parseFtsQuery } from "../../../src/store/fts-query.js";
import { matchSpans } from "../../../src/store/snippet.js";
import { api, type Level, type ProvinceCount, type StoredDocument } from "../api.js";
import { DocumentPicker } from "../components/DocumentPicker.js";
import { HighlightedText } from "../components/HighlightedText.js";
import { ProvinceMap } from "../components/ProvinceMap.js";
import { publishedLabel } from "../published.js";
import { formatRoute, go } from "../route.js";
import { type Span, safeHref, toggled } from "../text.js";
import { useApi } from "../useApi.js";

const KINDS = [
  { kind: "match", label: "Search matches" },
  { kind: "place", label: "Places in Viet Nam" },
  { kind: "person", label: "People" },
  { kind: "organisation", label: "Organisations" },
  { kind: "instrument", label: "Instruments" },
  { kind: "country", label: "Countries" },
  { kind: "abroad", label: "Places abroad" },
] as const;

type Kind = (typeof KINDS)[number]["kind"];

/** How an entity is drawn: its type, but a place abroad apart from the places in Viet Nam. */
const kindOf = (type: StoredDocument["analysis"]["entities"][number]["type"]): Kind =>
  type === "place" ? "abroad" : type;

/** Where the search that led here matched, found as the search found it (folded). */
function matchesOf(text: string, q: string | undefined): Span[] {
  if (!q) return [];
  try {
    // A word searched by its stem ("invest") marks its forms too ("investing").
    const terms = parseFtsQuery(q).terms.flatMap((t) =>
      t.words.length === 1 && !t.prefix && /^[a-z]{4,}$/u.test(t.words[0] as string)
        ? [t, { ...t, prefix: true }]
        : [t],
    );
    return matchSpans(text, terms).map(({ start, end }) => ({
      start,
      end,
      kind: "match",
      title: `matches the search ${q}`,
    }));
  } catch {
    // A query the server refused (too many terms) led nowhere: nothing to mark.
    return [];
  }
}

type Analysis = StoredDocument["analysis"];

/** The highlights of a text: its search matches, places and entities. */
function spansOf(
  text: string,
  { places, entities }: Pick<Analysis, "places" | "entities">,
  q: string | undefined,
): Span[] {
  // First, so that where a match and a place cover the same words the match is shown.
  const spans: Span[] = matchesOf(text, q);
  for (const m of places)
    spans.push({
      start: m.start,
      end: m.end,
      kind: "place",
      title: `${m.place.nameVi} · ${m.province.nameVi} (63) · ${m.province2025.nameVi} (34)`,
    });
  for (const e of entities) {
    const kind = kindOf(e.type);
    spans.push({
      start: e.start,
      end: e.end,
      kind,
      title: `${e.title ? `${e.title} ` : ""}${e.name} · ${e.id}`,
    });
  }
  return spans;
}

/** A search for the documents naming one province, at either level. */
function provinceSearch(level: Level, code: string) {
  return {
    view: "search",
    filters: level === "old" ? { province: code } : { province2025: code },
    level,
    offset: 0,
  } as const;
}

function ProvinceRows({
  level,
  heading,
  counts,
}: {
  level: Level;
  heading: string;
  counts: ProvinceCount[];
}) {
  return (
    <>
      <thead>
        <tr>
          <th>{heading}</th>
          <th>Mentions</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((p) => (
          <tr key={p.code}>
            <td>
              <a href={formatRoute(provinceSearch(level, p.code))}>{p.nameVi}</a>
            </td>
            <td>{p.count}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

/** The document's entities by kind, most mentioned first, each a link to the documents naming it. */
function EntityLists({ entities }: { entities: StoredDocument["analysis"]["entities"] }) {
  // The highlight kinds that are entities, in the legend's order.
  const groups = KINDS.filter(({ kind }) => kind !== "match" && kind !== "place")
    .map(({ kind, label }) => {
      const counts = new Map<string, { name: string; count: number }>();
      for (const e of entities.filter((x) => kindOf(x.type) === kind && !x.partOf)) {
        const entry = counts.get(e.id);
        if (entry) entry.count++;
        else counts.set(e.id, { name: e.name, count: 1 });
      }
      const rows = [...counts].sort(
        (a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name),
      );
      return { kind, label, rows };
    })
    .filter((g) => g.rows.length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="entities">
      <h2>Who and what</h2>
      {groups.map((g) => (
        <div key={g.kind}>
          <h3>{g.label}</h3>
          <ul>
            {g.rows.map(([id, { name, count }]) => (
              <li key={id}>
                <a
                  href={formatRoute({
                    view: "search",
                    filters: { entity: id },
                    level: "old",
                    offset: 0,
                  })}
                  title={id}
                  className={`hl-key ${g.kind}`}
                >
                  {name}
                </a>{" "}
                <span className="mentions">{count}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/**
 * Each caption's highlights, offsets into the caption. Analyses stored before captions had
 * places and dates lack them, and a caption whose analysis does not match it gets none.
 */
function captionSpans({ document, analysis }: StoredDocument, q: string | undefined): Span[][] {
  return document.captions.map((c, i) => {
    const a = analysis.captions?.[i];
    return a && a.text === c.text
      ? spansOf(c.text, { places: a.places ?? [], entities: a.entities ?? [] }, q)
      : matchesOf(c.text, q);
  });
}

export function DocumentView({ id, removed, q }: { id: string; removed: boolean; q?: string }) {
  const loaded = useApi(id, () => api.document(id));
  const [hidden, setHidden] = useState<Set<Kind>>(new Set());
  const [picking, setPicking] = useState(false);
  const [level, setLevel] = useState<Level>("old");
  const all = useMemo(
    () =>
      loaded.state === "ok" ? spansOf(loaded.data.document.text, loaded.data.analysis, q) : [],
    [loaded, q],
  );
  const inCaptions = useMemo(
    () => (loaded.state === "ok" ? captionSpans(loaded.data, q) : []),
    [loaded, q],
  );
  if (loaded.state === "loading") return <p className="status">Loading…</p>;
  if (loaded.state === "error") return <p className="status error">{loaded.message}</p>;
  const { document: doc, analysis } = loaded.data;
  const shown = (list: Span[]) => list.filter((s) => !hidden.has(s.kind as Kind));
  const spans = shown(all);
  const count = (kind: Kind) =>
    [all, ...inCaptions].reduce((n, list) => n + list.filter((s) => s.kind === kind).length, 0);
  const href = safeHref(doc.url);
  const toggle = (kind: Kind) => setHidden(toggled(hidden, kind));
  return (
    <article className="document-view">
      <header>
        <h1>{doc.title ?? doc.source}</h1>
        <dl className="doc-meta">
          <dt>Source</dt>
          <dd>{doc.source}</dd>
          {doc.publisher ? (
            <>
              <dt>Publisher</dt>
              <dd>{doc.publisher}</dd>
            </>
          ) : null}
          <dt>Published</dt>
          <dd className={doc.published ? "published" : "published undated"}>
            {publishedLabel(doc)}
          </dd>
          <dt>Language</dt>
          <dd>{doc.language}</dd>
          {doc.authors.length > 0 ? (
            <>
              <dt>By</dt>
              <dd>{doc.authors.join(", ")}</dd>
            </>
          ) : null}
          {doc.url ? (
            <>
              <dt>URL</dt>
              <dd>
                {href ? (
                  <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                    {doc.url}
                  </a>
                ) : (
                  doc.url
                )}
              </dd>
            </>
          ) : null}
        </dl>
        <div className="doc-actions">
          <button type="button" onClick={() => setPicking(!picking)} aria-expanded={picking}>
            Compare with…
          </button>
          <a className="button" href={formatRoute({ view: "document", id, removed: !removed, q })}>
            {removed ? "Hide" : "Show"} removed chrome ({doc.removed.length})
          </a>
        </div>
        {picking ? (
          <DocumentPicker
            label="Compare this document with"
            exclude={id}
            onPick={(other) => go({ view: "compare", a: id, b: other })}
          />
        ) : null}
      </header>
      <div className="doc-grid">
        <div className="doc-main">
          <fieldset className="legend-toggles">
            <legend>Highlight</legend>
            {KINDS.filter((k) => k.kind !== "match" || q).map(({ kind, label }) => (
              <label key={kind} className={`hl-key ${kind}`}>
                <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggle(kind)} />
                {label} ({count(kind)})
              </label>
            ))}
          </fieldset>
          <HighlightedText text={doc.text} spans={spans} />
          {doc.captions.length > 0 ? (
            <section className="captions">
              <h2>Captions</h2>
              <ul>
                {doc.captions.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: captions keep their order
                  <li key={i}>
                    <HighlightedText
                      text={c.text}
                      spans={shown(inCaptions[i] ?? [])}
                      className="caption-text"
                    />
                    {c.credit ? <em> — {c.credit}</em> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {removed ? (
            <section className="removed" aria-label="Removed chrome">
              <h2>Removed by the cleaner</h2>
              {doc.removed.length === 0 ? <p className="status">Nothing was removed.</p> : null}
              <ol>
                {doc.removed.map((r) => (
                  <li key={`${r.start}-${r.end}`}>
                    <p className="reason">{r.reason}</p>
                    {r.text.trim() ? (
                      <pre>{r.text}</pre>
                    ) : (
                      <p className="reason">(whitespace only)</p>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </div>
        <aside className="doc-side">
          <ProvinceMap
            level={level}
            counts={level === "old" ? analysis.provinces : analysis.provinces2025}
            selected={undefined}
            unit="mention"
            onLevel={setLevel}
            onSelect={(code) => code && go(provinceSearch(level, code))}
          />
          <section>
            <h2>Provinces</h2>
            <table className="provinces">
              <ProvinceRows
                level="old"
                heading="Before July 2025 (63)"
                counts={analysis.provinces}
              />
              <ProvinceRows
                level="new"
                heading="From July 2025 (34)"
                counts={analysis.provinces2025}
              />
            </table>
          </section>
          <EntityLists entities={analysis.entities} />
          {analysis.provisions.length > 0 ? (
            <section>
              <h2>Provisions ({analysis.provisions.length})</h2>
              <ol className="provisions">
                {analysis.provisions.map((p) => (
                  <li key={p.start}>
                    <span className={`stance ${p.stance}`}>{p.stance}</span>
                    <span className="modality">{p.modality}</span>
                    {p.domains.map((d) => (
                      <span key={d} className="domain">
                        {d}
                      </span>
                    ))}
                    <span className="actor">{p.actor.text}</span>
                    <p>{p.text}</p>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}
