import { useState } from "react";
import type { Comparison } from "../api.js";

type Changes = Comparison["summary"]["changes"];
type DomainChanges = Changes["domains"][number];

export type ChangeKind = "kept" | "strengthened" | "weakened" | "reversed" | "added" | "dropped";

export const KINDS: { id: ChangeKind; label: string; hint: string }[] = [
  { id: "kept", label: "Kept", hint: "aligned, with the same force" },
  { id: "strengthened", label: "Strengthened", hint: "aligned, with a firmer commitment in B" },
  { id: "weakened", label: "Weakened", hint: "aligned, with a softer commitment in B" },
  { id: "reversed", label: "Reversed", hint: "aligned, with the opposite stance in B" },
  { id: "added", label: "Added (new)", hint: "only in B" },
  { id: "dropped", label: "Dropped", hint: "only in A" },
];

/** Pairs to show on their own: what the user clicked in the summary, and the pair indices it names. */
export interface Focus {
  label: string;
  pairs: number[];
}

interface Props {
  changes: Changes;
  onFocus: (focus: Focus) => void;
}

const changed = (d: DomainChanges) => KINDS.some((k) => k.id !== "kept" && d[k.id].length > 0);

/** Every pair index of one kind, across the domains (a pair sits in one domain of the summary). */
export function pairsOfKind(changes: Changes, kind: ChangeKind): number[] {
  return [...new Set(changes.domains.flatMap((d) => d[kind]))].sort((x, y) => x - y);
}

/**
 * What changed, in one screen: the counts of commitments kept, strengthened, weakened, reversed,
 * added and dropped, then the same by domain. Every count above zero shows its pairs on a click.
 */
export function ChangeSummary({ changes, onFocus }: Props) {
  const [allDomains, setAllDomains] = useState(false);
  const withChanges = changes.domains.filter(changed);
  const quiet = changes.domains.length - withChanges.length;
  // Domains with nothing but kept commitments wait behind a button, unless no domain changed.
  const rows = allDomains || withChanges.length === 0 ? changes.domains : withChanges;
  return (
    <section className="what-changed" aria-labelledby="what-changed-title">
      <h2 id="what-changed-title">What changed</h2>
      <ul className="totals">
        {KINDS.map((k) => (
          <li key={k.id} className={`kind ${k.id}`} data-kind={k.id} data-count={changes[k.id]}>
            <button
              type="button"
              className={`total ${k.id}`}
              title={`${k.label}: ${k.hint}`}
              disabled={changes[k.id] === 0}
              onClick={() =>
                onFocus({ label: k.label.toLowerCase(), pairs: pairsOfKind(changes, k.id) })
              }
            >
              <strong>{changes[k.id]}</strong> {k.label.toLowerCase()}
            </button>
          </li>
        ))}
      </ul>
      {changes.domains.length > 0 ? (
        <table className="changes-by-domain">
          <thead>
            <tr>
              <th>Domain</th>
              {KINDS.map((k) => (
                <th key={k.id} className={`kind ${k.id}`} title={k.hint}>
                  {k.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.domain} data-domain={d.domain}>
                <th scope="row">{d.label}</th>
                {KINDS.map((k) => (
                  <td key={k.id} className={`kind ${k.id}`}>
                    {d[k.id].length > 0 ? (
                      <button
                        type="button"
                        className="domain-count"
                        data-kind={k.id}
                        title={`Show the ${d[k.id].length} ${k.label.toLowerCase()} in ${d.label}`}
                        onClick={() =>
                          onFocus({
                            label: `${d.label} · ${k.label.toLowerCase()}`,
                            pairs: d[k.id],
                          })
                        }
                      >
                        {d[k.id].length}
                      </button>
                    ) : (
                      <span className="zero">·</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {quiet > 0 && withChanges.length > 0 ? (
        <button type="button" className="link" onClick={() => setAllDomains(!allDomains)}>
          {allDomains
            ? "Hide the domains where everything was kept"
            : `Show ${quiet} more domain${quiet === 1 ? "" : "s"} where everything was kept`}
        </button>
      ) : null}
    </section>
  );
}
