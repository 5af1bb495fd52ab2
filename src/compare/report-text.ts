import { escapeTerminal } from "../cli/format/escape.js";
import {
  CHANGE_LABEL,
  changeCounts,
  changeItems,
  domainCounts,
  reasonText,
} from "./report-changes.js";
import type { Comparison, DiffPart, Pair } from "./types.js";

const COLOURS = {
  same: "\u001b[2m",
  reworded: "\u001b[33m",
  only_a: "\u001b[31m",
  only_b: "\u001b[32m",
  reset: "\u001b[0m",
};
const LABEL = { same: "same", reworded: "reworded", only_a: "only in A", only_b: "only in B" };

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line !== "") {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}

function diffText(parts: DiffPart[], colour: boolean): string {
  return parts
    .map((p) => {
      const t = escapeTerminal(p.text);
      if (p.op === "keep") return t;
      if (!colour) return p.op === "add" ? `{+${t}+}` : `[-${t}-]`;
      return p.op === "add" ? `\u001b[32m${t}\u001b[0m` : `\u001b[31;9m${t}\u001b[0m`;
    })
    .join("");
}

const MARK = { added: "+", dropped: "-", strengthened: "↑", weakened: "↓", reversed: "⇄" };
const ITEMS_SHOWN = 3;

/** What changed, by domain, in a few lines a screen: the part of the report read first. */
function changesText(c: Comparison): string[] {
  const out = [`What changed: ${changeCounts(c)}`];
  for (const d of c.summary.changes.domains) {
    const items = changeItems(c, d, 86);
    if (items.length === 0) continue;
    out.push(`  ${d.label}: ${domainCounts(d)}`);
    // Three lines a domain keep the summary on one screen; the pairs below hold the rest.
    for (const it of items.slice(0, ITEMS_SHOWN))
      out.push(`    ${MARK[it.kind]} ${escapeTerminal(it.text)}${it.how ? ` (${it.how})` : ""}`);
    if (items.length > ITEMS_SHOWN) out.push(`    … ${items.length - ITEMS_SHOWN} more below`);
  }
  const kept = c.summary.changes.domains.filter((d) => changeItems(c, d).length === 0);
  if (kept.length > 0)
    out.push(
      `  unchanged: ${kept.map((d) => `${d.label} (${CHANGE_LABEL.kept} ${d.kept.length})`).join(", ")}`,
    );
  return out;
}

/** A report readable in 100 columns: what changed, then each pair with its class, diff and changes. */
export function comparisonText(c: Comparison, colour = false): string {
  const paint = (cls: Pair["class"], s: string) =>
    colour ? `${COLOURS[cls]}${s}${COLOURS.reset}` : s;
  const out: string[] = [
    `A: ${escapeTerminal(c.a.title ?? c.a.source)}${c.a.published ? ` (${c.a.published})` : ""} — ${c.a.provisions} provisions`,
    `B: ${escapeTerminal(c.b.title ?? c.b.source)}${c.b.published ? ` (${c.b.published})` : ""} — ${c.b.provisions} provisions`,
    "",
    ...changesText(c),
    "",
    `Pairs: same ${c.summary.same} · reworded ${c.summary.reworded} · only in A ${c.summary.only_a} · only in B ${c.summary.only_b} · stance changes ${c.summary.stanceChanges}`,
    "",
  ];
  for (const p of c.pairs) {
    const head = `${paint(p.class, LABEL[p.class].padEnd(9))} ${p.score ? p.score.toFixed(2) : "    "}  A#${p.a ?? "-"} B#${p.b ?? "-"}${p.split ? " (split/merge)" : ""}  ${p.domains.join(", ")}`;
    out.push(head);
    if (p.class === "same" || p.class === "reworded")
      out.push(`    ${escapeTerminal(reasonText(p))}`);
    if (p.class === "reworded") out.push(...wrap(diffText(p.diff, colour), 94, "    "));
    else out.push(...wrap(escapeTerminal(p.aText ?? p.bText ?? ""), 94, "    "));
    for (const ch of p.changes) {
      out.push(
        ch.kind === "variant"
          ? `    ~ ${escapeTerminal(ch.a)} → ${escapeTerminal(ch.b)}`
          : `    ~ ${ch.kind}: ${ch.a} → ${ch.b}`,
      );
    }
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** Markdown: what changed by domain, a summary table, then one row per pair; diffs as ~~removed~~ and **added**. */
export function comparisonMarkdown(c: Comparison): string {
  const cell = (s: string) =>
    s
      .replace(/\\/g, "\\\\")
      .replace(/\|/g, "\\|")
      .replace(/[\r\n]+/g, " ")
      .replace(/</g, "&lt;")
      .replace(/\*/g, "\\*")
      .replace(/~/g, "\\~");
  const diff = (parts: DiffPart[]) =>
    parts
      .map((p) =>
        p.op === "keep"
          ? cell(p.text)
          : p.op === "add"
            ? `**${cell(p.text).trim()}** `
            : `~~${cell(p.text).trim()}~~ `,
      )
      .join("");
  const changed = c.summary.changes.domains.map((d) => ({ d, items: changeItems(c, d) }));
  const out = [
    `# ${cell(c.a.title ?? c.a.source)} → ${cell(c.b.title ?? c.b.source)}`,
    "",
    `## What changed`,
    "",
    cell(changeCounts(c)),
    "",
    "| domain | new | dropped | strengthened | weakened | reversed | kept |",
    "|---|---|---|---|---|---|---|",
    ...changed.map(
      ({ d }) =>
        `| ${cell(d.label)} | ${d.added.length} | ${d.dropped.length} | ${d.strengthened.length} | ${d.weakened.length} | ${d.reversed.length} | ${d.kept.length} |`,
    ),
    "",
    ...changed.flatMap(({ d, items }) =>
      items.length === 0
        ? []
        : [
            `**${cell(d.label)}**`,
            "",
            ...items.map(
              (it) =>
                `- ${CHANGE_LABEL[it.kind]}: ${cell(it.text)}${it.how ? ` (${cell(it.how)})` : ""}`,
            ),
            "",
          ],
    ),
    "## Pairs",
    "",
    "| same | reworded | only in A | only in B | stance changes |",
    "|---|---|---|---|---|",
    `| ${c.summary.same} | ${c.summary.reworded} | ${c.summary.only_a} | ${c.summary.only_b} | ${c.summary.stanceChanges} |`,
    "",
    "| class | confidence | A | B | changes |",
    "|---|---|---|---|---|",
  ];
  for (const p of c.pairs) {
    const a =
      p.class === "reworded" ? diff(p.diff.filter((d) => d.op !== "add")) : cell(p.aText ?? "");
    const b =
      p.class === "reworded" ? diff(p.diff.filter((d) => d.op !== "remove")) : cell(p.bText ?? "");
    const changes = p.changes
      .map((ch) =>
        ch.kind === "variant" ? `${cell(ch.a)} → ${cell(ch.b)}` : `${ch.kind}: ${ch.a} → ${ch.b}`,
      )
      .join("; ");
    out.push(`| ${LABEL[p.class]} | ${cell(reasonText(p))} | ${a} | ${b} | ${changes} |`);
  }
  return `${out.join("\n")}\n`;
}
