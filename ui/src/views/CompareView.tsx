import { useState } from "react";
import { api, type Comparison } from "../api.js";
import { DocumentPicker } from "../components/DocumentPicker.js";
import { formatRoute, go } from "../route.js";
import { toggled } from "../text.js";
import { useApi } from "../useApi.js";

type Pair = Comparison["pairs"][number];
type PairClass = Pair["class"];

const CLASSES: { id: PairClass; label: string }[] = [
  { id: "same", label: "Unchanged" },
  { id: "reworded", label: "Reworded" },
  { id: "only_a", label: "Only in A (dropped)" },
  { id: "only_b", label: "Only in B (new)" },
];

/** One side of a reworded pair: A shows what was removed, B what was added. */
function Side({ pair, side }: { pair: Pair; side: "a" | "b" }) {
  const text = side === "a" ? pair.aText : pair.bText;
  if (text === null) return <td className="empty">—</td>;
  if (pair.class !== "reworded" || pair.diff.length === 0) return <td>{text}</td>;
  const hide = side === "a" ? "add" : "remove";
  return (
    <td>
      {pair.diff
        .filter((part) => part.op !== hide)
        .map((part, i) =>
          part.op === "keep" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff parts never reorder
            <span key={i}>{part.text}</span>
          ) : part.op === "remove" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff parts never reorder
            <del key={i}>{part.text}</del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff parts never reorder
            <ins key={i}>{part.text}</ins>
          ),
        )}
    </td>
  );
}

function describe(change: Pair["changes"][number]): string {
  if (change.kind === "stance") return `stance ${change.a} → ${change.b}`;
  if (change.kind === "modality") return `modality ${change.a} → ${change.b}`;
  return `name ${change.a} → ${change.b}`;
}

export function CompareView({ a, b }: { a: string; b: string }) {
  const ready = a !== "" && b !== "";
  const loaded = useApi(`${a}|${b}`, () => (ready ? api.compare(a, b) : Promise.resolve(null)));
  const [shown, setShown] = useState<Set<PairClass>>(new Set(CLASSES.map((c) => c.id)));
  if (!ready) {
    return (
      <div className="compare-pick">
        <h1>Compare two statements</h1>
        <p className="hint">
          Pick two stored documents; their provisions are aligned, and changes in wording, stance
          and commitment are shown.
        </p>
        <div className="pickers">
          {a ? (
            <p>
              A: <code>{a.slice(0, 12)}</code>
            </p>
          ) : (
            <DocumentPicker
              label="Document A (earlier)"
              onPick={(id) => go({ view: "compare", a: id, b })}
            />
          )}
          {b ? (
            <p>
              B: <code>{b.slice(0, 12)}</code>
            </p>
          ) : (
            <DocumentPicker
              label="Document B (later)"
              exclude={a}
              onPick={(id) => go({ view: "compare", a, b: id })}
            />
          )}
        </div>
      </div>
    );
  }
  if (loaded.state === "loading") return <p className="status">Comparing…</p>;
  if (loaded.state === "error") return <p className="status error">{loaded.message}</p>;
  const comparison = loaded.data as Comparison;
  const { summary } = comparison;
  const toggle = (id: PairClass) => setShown(toggled(shown, id));
  return (
    <div className="compare-view">
      <h1>Comparison</h1>
      <p>
        <a className="button" href={formatRoute({ view: "compare", a: b, b: a })}>
          Swap A and B
        </a>
      </p>
      <fieldset className="filters">
        <legend>Show</legend>
        {CLASSES.map((c) => (
          <label key={c.id} className={`pair-key ${c.id}`}>
            <input type="checkbox" checked={shown.has(c.id)} onChange={() => toggle(c.id)} />
            {c.label} <strong>{summary[c.id]}</strong>
          </label>
        ))}
        <span className="stance-changes">stance changes: {summary.stanceChanges}</span>
      </fieldset>
      <table className="compare">
        <thead>
          <tr>
            <th>
              A ·{" "}
              <a href={formatRoute({ view: "document", id: a, removed: false })}>
                {comparison.a.title ?? comparison.a.source}
              </a>
              <small>
                {" "}
                {comparison.a.published?.slice(0, 10)} · {comparison.a.provisions} provisions
              </small>
            </th>
            <th className="class-col" />
            <th>
              B ·{" "}
              <a href={formatRoute({ view: "document", id: b, removed: false })}>
                {comparison.b.title ?? comparison.b.source}
              </a>
              <small>
                {" "}
                {comparison.b.published?.slice(0, 10)} · {comparison.b.provisions} provisions
              </small>
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.pairs
            .filter((pair) => shown.has(pair.class))
            .map((pair) => (
              <tr
                key={`${pair.a}-${pair.b}`}
                className={`pair ${pair.class}`}
                data-class={pair.class}
              >
                <Side pair={pair} side="a" />
                <td className="class-col">
                  <span className={`badge ${pair.class}`}>
                    {CLASSES.find((c) => c.id === pair.class)?.label}
                  </span>
                  {pair.score > 0 ? <small>{Math.round(pair.score * 100)}%</small> : null}
                  {pair.changes.map((change) => (
                    <small key={describe(change)} className="change">
                      {describe(change)}
                    </small>
                  ))}
                  {pair.domains.length > 0 ? (
                    <small className="domains">{pair.domains.join(", ")}</small>
                  ) : null}
                </td>
                <Side pair={pair} side="b" />
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
