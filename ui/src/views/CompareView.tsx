import { useEffect, useRef, useState } from "react";
import { api, type Comparison } from "../api.js";
import { ChangeSummary, type Focus } from "../components/ChangeSummary.js";
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

const FORCE_HINT = {
  strengthened: "B commits more firmly than A",
  weakened: "B commits less firmly than A",
  reversed: "B takes the opposite stance",
} as const;

/** How sure the alignment is, as a percentage, with what the number means for this kind of pair. */
function Confidence({ pair }: { pair: Pair }) {
  const percent = Math.round(pair.confidence * 100);
  const title =
    pair.a !== null && pair.b !== null
      ? `${percent}% likely to be the same commitment (score ${pair.score.toFixed(2)})`
      : `${percent}% likely to have no counterpart in ${pair.a === null ? "A" : "B"}`;
  return (
    <small className="confidence" title={title}>
      confidence {percent}%
    </small>
  );
}

/** A list cut to its first few items (the whole of it is in the title). */
const few = (items: readonly string[], most = 4) =>
  items.length > most ? `${items.slice(0, most).join(", ")}, …` : items.join(", ");

/**
 * Why two provisions were paired (shared terms, ideas and names, their stances, a clash of
 * names), or, for a provision on one side only, what it shares with its nearest miss. Shortened
 * in the row; the whole of it on hover.
 */
function Reasons({ pair }: { pair: Pair }) {
  const reasons = pair.reasons;
  if (!reasons) return null;
  const aligned = pair.a !== null && pair.b !== null;
  const shared = (
    [
      ["shared", reasons.terms],
      ["ideas", reasons.concepts],
      ["names", reasons.entities],
    ] as const
  ).filter(([, items]) => items.length > 0);
  const title = [
    aligned ? "Why paired:" : "Nearest miss on the other side:",
    ...shared.map(([name, items]) => `${name}: ${items.join(", ")}`),
    `stance: ${reasons.stance}`,
    ...(reasons.clash ? [`clash: ${reasons.clash}`] : []),
  ].join("\n");
  return (
    <small className="reasons" title={title}>
      {aligned ? null : <span className="miss">nearest miss:</span>}
      {shared.map(([name, items]) => (
        <span key={name} className={`reason ${name}`}>
          {name}: {few(items)}
        </span>
      ))}
      <span className={`reason reason-stance ${reasons.stance === "different" ? "differs" : ""}`}>
        stance: {reasons.stance}
      </span>
      {reasons.clash ? <span className="reason clash">clash: {reasons.clash}</span> : null}
    </small>
  );
}

export function CompareView({ a, b }: { a: string; b: string }) {
  const ready = a !== "" && b !== "";
  const key = `${a}|${b}`;
  const loaded = useApi(key, () => (ready ? api.compare(a, b) : Promise.resolve(null)));
  const [shown, setShown] = useState<Set<PairClass>>(new Set(CLASSES.map((c) => c.id)));
  // The pairs picked in the summary, for the comparison they index (a swap makes a new one).
  const [focus, setFocus] = useState<(Focus & { key: string }) | null>(null);
  const focused = focus?.key === key ? focus : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new pair of documents drops the focus
  useEffect(() => setFocus(null), [key]);
  const focusBar = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focused) focusBar.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [focused]);
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
  // useApi hands back only what was loaded for this key, which names both documents: a comparison.
  const comparison = loaded.data as Comparison;
  const { summary } = comparison;
  const toggle = (id: PairClass) => setShown(toggled(shown, id));
  const onFocus = (next: Focus) => {
    // Every class shown again, so all the picked pairs are in the table.
    setShown(new Set(CLASSES.map((c) => c.id)));
    setFocus({ ...next, key });
  };
  const picked = focused ? new Set(focused.pairs) : null;
  const rows = comparison.pairs
    .map((pair, index) => ({ pair, index }))
    .filter(({ pair, index }) => shown.has(pair.class) && (!picked || picked.has(index)));
  return (
    <div className="compare-view">
      <h1>Comparison</h1>
      <p>
        <a className="button" href={formatRoute({ view: "compare", a: b, b: a })}>
          Swap A and B
        </a>
      </p>
      <ChangeSummary changes={summary.changes} onFocus={onFocus} />
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
      {focused ? (
        <p className="focus-bar" ref={focusBar}>
          Showing {rows.length} of {focused.pairs.length} pair
          {focused.pairs.length === 1 ? "" : "s"}: <strong>{focused.label}</strong>{" "}
          <button type="button" onClick={() => setFocus(null)}>
            Show all pairs
          </button>
        </p>
      ) : null}
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
          {rows.map(({ pair, index }) => (
            <tr
              key={`${pair.a}-${pair.b}`}
              id={`pair-${index}`}
              className={`pair ${pair.class}`}
              data-class={pair.class}
              data-index={index}
            >
              <Side pair={pair} side="a" />
              <td className="class-col">
                <span className={`badge ${pair.class}`}>
                  {CLASSES.find((c) => c.id === pair.class)?.label}
                </span>
                {pair.force && pair.force !== "kept" ? (
                  <span className={`force ${pair.force}`} title={FORCE_HINT[pair.force]}>
                    {pair.force}
                  </span>
                ) : null}
                <Confidence pair={pair} />
                {pair.split ? (
                  <small className="split" title="One of several pairs for the same provision">
                    split
                  </small>
                ) : null}
                {pair.changes.map((change) => (
                  <small key={describe(change)} className="change">
                    {describe(change)}
                  </small>
                ))}
                <Reasons pair={pair} />
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
