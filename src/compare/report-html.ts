import {
  CHANGE_KINDS,
  CHANGE_LABEL,
  changeCounts,
  changeItems,
  reasonText,
} from "./report-changes.js";
import type { Change, ComparedDocument, Comparison, DiffPart, Pair, PairClass } from "./types.js";

/** Escapes text for HTML element content and quoted attribute values: documents are untrusted. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

const CLASSES: PairClass[] = ["same", "reworded", "only_a", "only_b"];
const LABEL: Record<PairClass, string> = {
  same: "same",
  reworded: "reworded",
  only_a: "only in A",
  only_b: "only in B",
};

const CSS = `
:root {
  --fg: #1d2430; --muted: #6b7380; --bg: #ffffff; --panel: #f5f6f8; --rule: #d9dde3;
  --same: #5b6b7d; --same-bg: #e8ecf1; --reworded: #8a5a00; --reworded-bg: #fdf0d5;
  --only-a: #a3262a; --only-a-bg: #fbe3e3; --only-b: #1d6b39; --only-b-bg: #dff3e5;
  --del-fg: #8f1d21; --del-bg: #fbd9d9; --ins-fg: #175c30; --ins-bg: #cdf0d7;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 24px; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.toolbar { margin: 8px 0 16px; color: var(--muted); font-size: 14px; }
.comparison + .comparison { margin-top: 48px; border-top: 3px solid var(--rule); padding-top: 24px; }
.docs { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.doc { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
.doc h2 { margin: 0 0 4px; font-size: 16px; overflow-wrap: anywhere; }
.doc .side-label { font-weight: 700; color: var(--muted); margin-right: 6px; }
.doc dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 0; font-size: 13px; }
.doc dt { color: var(--muted); }
.doc dd { margin: 0; overflow-wrap: anywhere; }
.summary { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-start; margin-top: 16px; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--rule); border-radius: 6px; padding: 6px 12px; text-align: center; min-width: 92px; }
.counts .n { display: block; font-size: 22px; font-weight: 700; }
.counts .k { font-size: 12px; color: var(--muted); }
table { border-collapse: collapse; }
.domains { font-size: 13px; }
.domains th, .domains td { border-bottom: 1px solid var(--rule); padding: 2px 10px; text-align: right; }
.domains th:first-child, .domains td:first-child { text-align: left; }
.pairs { width: 100%; table-layout: fixed; margin-top: 8px; }
.pairs col.meta { width: 150px; }
.pairs thead th { position: sticky; top: 0; background: var(--panel); text-align: left;
  padding: 8px 10px; border-bottom: 2px solid var(--rule); font-size: 14px; overflow-wrap: anywhere; }
.pairs tbody { border-bottom: 1px solid var(--rule); break-inside: avoid; }
.pairs td { vertical-align: top; padding: 8px 10px; }
.pairs td.side { overflow-wrap: anywhere; unicode-bidi: isolate; }
.pairs td.side + td.side { border-left: 1px solid var(--rule); }
.pairs tr.changes td { padding-top: 0; }
.num { color: var(--muted); font-size: 12px; margin-right: 4px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.same { color: var(--same); background: var(--same-bg); }
.badge.reworded { color: var(--reworded); background: var(--reworded-bg); }
.badge.only_a { color: var(--only-a); background: var(--only-a-bg); }
.badge.only_b { color: var(--only-b); background: var(--only-b-bg); }
.score, .doms, .split { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
.none { color: var(--muted); }
del { color: var(--del-fg); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins-fg); background: var(--ins-bg); text-decoration: none; border-bottom: 1px solid var(--ins-fg); }
ul.changes { margin: 0; padding: 4px 10px 4px 24px; font-size: 13px; background: var(--panel); border-radius: 4px; }
.what-changed { margin-top: 16px; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
.what-changed h2 { margin: 0 0 6px; }
.what-changed .totals { margin: 0 0 8px; font-weight: 600; }
.what-changed table { font-size: 13px; margin-bottom: 8px; }
.what-changed th, .what-changed td { border-bottom: 1px solid var(--rule); padding: 2px 10px; text-align: right; }
.what-changed th:first-child, .what-changed td:first-child { text-align: left; }
.what-changed h3 { font-size: 14px; margin: 8px 0 2px; }
.what-changed ul { margin: 0 0 6px; padding-left: 20px; font-size: 13px; }
.what-changed .kind { font-weight: 600; margin-right: 4px; }
.what-changed .added .kind { color: var(--only-b); }
.what-changed .dropped .kind { color: var(--only-a); }
.what-changed .strengthened .kind, .what-changed .weakened .kind, .what-changed .reversed .kind { color: var(--reworded); }
.reasons { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; overflow-wrap: anywhere; }
body:has(#only-changes:checked) tbody.pair.same { display: none; }
@media print {
  body { padding: 0; font-size: 11pt; }
  .toolbar { display: none; }
  .pairs thead th { position: static; }
  .pairs col.meta { width: 110px; }
}
`;

/** How a change reads under its row: "East Sea → South China Sea", "stance: support → welcome". */
function changeText(ch: Change): string {
  if (ch.kind === "variant") return `${ch.a} → ${ch.b}`;
  return `${ch.kind}: ${ch.a} → ${ch.b}`;
}

/** One side of a reworded pair: kept words plain, this side's own words marked. */
function diffSide(parts: DiffPart[], side: "a" | "b"): string {
  const own = side === "a" ? "remove" : "add";
  const tag = side === "a" ? "del" : "ins";
  return parts
    .filter((p) => p.op === "keep" || p.op === own)
    .map((p) => (p.op === "keep" ? escapeHtml(p.text) : `<${tag}>${escapeHtml(p.text)}</${tag}>`))
    .join("");
}

function sideCell(p: Pair, side: "a" | "b"): string {
  const text = side === "a" ? p.aText : p.bText;
  const index = side === "a" ? p.a : p.b;
  if (text === null) return `<td class="side ${side} empty"><span class="none">—</span></td>`;
  const body =
    p.class === "reworded" && p.diff.length > 0 ? diffSide(p.diff, side) : escapeHtml(text);
  const num = index === null ? "" : `<span class="num">${side.toUpperCase()}${index + 1}</span>`;
  return `<td class="side ${side}">${num}${body}</td>`;
}

function pairRows(p: Pair): string {
  const meta = [
    `<span class="badge ${p.class}">${LABEL[p.class]}</span>`,
    p.a !== null && p.b !== null
      ? `<span class="score" title="${escapeHtml(reasonText(p))}">confidence ${Math.round(p.confidence * 100)}%</span>`
      : "",
    p.force && p.force !== "kept" ? `<span class="split">${p.force}</span>` : "",
    p.domains.length > 0 ? `<span class="doms">${escapeHtml(p.domains.join(", "))}</span>` : "",
    p.split ? `<span class="split">split / merged</span>` : "",
  ].join("");
  const rows = [`<tr><td class="meta">${meta}</td>${sideCell(p, "a")}${sideCell(p, "b")}</tr>`];
  if (p.a !== null && p.b !== null)
    rows.push(
      `<tr class="changes"><td></td><td colspan="2"><span class="reasons">${escapeHtml(reasonText(p))}</span></td></tr>`,
    );
  if (p.changes.length > 0) {
    const items = p.changes.map((ch) => `<li>${escapeHtml(changeText(ch))}</li>`).join("");
    rows.push(
      `<tr class="changes"><td></td><td colspan="2"><ul class="changes">${items}</ul></td></tr>`,
    );
  }
  return `<tbody class="pair ${p.class}">${rows.join("")}</tbody>`;
}

const docName = (d: ComparedDocument) => d.title ?? d.source;

function docCard(d: ComparedDocument, side: "A" | "B"): string {
  return `<div class="doc ${side.toLowerCase()}"><h2><span class="side-label">${side}</span>${escapeHtml(docName(d))}</h2><dl>
<dt>source</dt><dd>${escapeHtml(d.source)}</dd>
<dt>published</dt><dd>${d.published ? escapeHtml(d.published) : '<span class="none">unknown</span>'}</dd>
<dt>provisions</dt><dd>${d.provisions}</dd></dl></div>`;
}

function summary(c: Comparison): string {
  const s = c.summary;
  const count = (key: string, n: number, label: string) =>
    `<li data-count="${key}"><span class="n">${n}</span><span class="k">${label}</span></li>`;
  const counts = [
    ...CLASSES.map((k) => count(k, s[k], LABEL[k])),
    count("stance", s.stanceChanges, "stance changes"),
  ].join("");
  const domains = Object.entries(s.domains).sort(
    ([a, x], [b, y]) =>
      y.same + y.reworded + y.only_a + y.only_b - (x.same + x.reworded + x.only_a + x.only_b) ||
      a.localeCompare(b),
  );
  const table =
    domains.length === 0
      ? ""
      : `<table class="domains"><thead><tr><th>domain</th>${CLASSES.map((k) => `<th>${LABEL[k]}</th>`).join("")}</tr></thead><tbody>${domains
          .map(
            ([d, n]) =>
              `<tr><td>${escapeHtml(d)}</td>${CLASSES.map((k) => `<td>${n[k]}</td>`).join("")}</tr>`,
          )
          .join("")}</tbody></table>`;
  return `<div class="summary"><ul class="counts">${counts}</ul>${table}</div>`;
}

/** What changed, in one screen: totals, a table by domain, then the changed provisions of each. */
function whatChanged(c: Comparison): string {
  const kinds = CHANGE_KINDS;
  const rows = c.summary.changes.domains
    .map(
      (d) =>
        `<tr data-domain="${escapeHtml(d.domain)}"><td>${escapeHtml(d.label)}</td>${kinds.map((k) => `<td>${d[k].length}</td>`).join("")}</tr>`,
    )
    .join("");
  const lists = c.summary.changes.domains
    .map((d) => {
      const items = changeItems(c, d);
      if (items.length === 0) return "";
      return `<h3>${escapeHtml(d.label)}</h3><ul>${items
        .map(
          (it) =>
            `<li class="${it.kind}"><span class="kind">${CHANGE_LABEL[it.kind]}</span>${escapeHtml(it.text)}${it.how ? ` <span class="none">(${escapeHtml(it.how)})</span>` : ""}</li>`,
        )
        .join("")}</ul>`;
    })
    .join("");
  return `<div class="what-changed"><h2>What changed</h2><p class="totals">${escapeHtml(changeCounts(c))}</p>
<table><thead><tr><th>domain</th>${kinds.map((k) => `<th>${CHANGE_LABEL[k]}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>${lists}</div>`;
}

function section(c: Comparison): string {
  const pairs =
    c.pairs.length === 0
      ? `<tbody><tr><td></td><td colspan="2" class="none">No provisions on either side.</td></tr></tbody>`
      : c.pairs.map(pairRows).join("\n");
  return `<section class="comparison">
<div class="docs">${docCard(c.a, "A")}${docCard(c.b, "B")}</div>
${whatChanged(c)}
${summary(c)}
<h2>Provisions</h2>
<table class="pairs"><colgroup><col class="meta"><col><col></colgroup>
<thead><tr><th>class</th><th class="a">A · ${escapeHtml(docName(c.a))}</th><th class="b">B · ${escapeHtml(docName(c.b))}</th></tr></thead>
${pairs}
</table>
</section>`;
}

/** Several comparisons one after the other in one self-contained page (inline CSS, no network). */
export function comparisonsHtml(cs: Comparison[]): string {
  const first = cs[0];
  const title =
    cs.length === 1 && first
      ? `Dossier comparison: ${docName(first.a)} vs ${docName(first.b)}`
      : `Dossier comparison: ${cs.length} pairs of documents`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Dossier comparison</h1>
<div class="toolbar"><label><input type="checkbox" id="only-changes"> Show only changes (hide pairs worded the same)</label></div>
${cs.map(section).join("\n")}
</main>
</body>
</html>
`;
}

/** One comparison as a self-contained HTML page: A on the left, B on the right, one row a pair. */
export function comparisonHtml(c: Comparison): string {
  return comparisonsHtml([c]);
}
