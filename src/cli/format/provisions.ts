import type { Provision } from "../../extract/provisions/index.js";
import { csvField, escapeTerminal } from "./escape.js";

export interface ProvisionsResult {
  source: string;
  title: string | null;
  provisions: Provision[];
}

const actorLabel = (p: Provision) => p.actor.text;
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** A table readable in 100 columns: number, actor, stance, modality, domains, then the text. */
export function provisionsText(r: ProvisionsResult): string {
  const out: string[] = [
    `${escapeTerminal(r.source)}${r.title ? ` — ${escapeTerminal(r.title)}` : ""}: ${r.provisions.length} provisions`,
  ];
  r.provisions.forEach((p, i) => {
    const head = `${String(i + 1).padStart(3)}  ${clip(escapeTerminal(actorLabel(p)), 20).padEnd(20)} ${(p.negated ? `${p.stance}*` : p.stance).padEnd(10)} ${p.modality.padEnd(11)} ${clip(p.domains.join(","), 30)}`;
    out.push(head, `     ${clip(escapeTerminal(p.text), 94)}`);
  });
  out.push("", "");
  return out.join("\n");
}

/** The text table's closing note, when a provision was negated. */
export const NEGATED_NOTE = '* negated: the verb was negated ("agreed not to support …")\n\n';

export const PROVISIONS_CSV_HEADER =
  "source,index,start,end,actor,actor_ids,stance,negated,modality,domains,text\r\n";

/** One document's CSV rows, one a provision. */
export function provisionsCsv(r: ProvisionsResult): string {
  return r.provisions
    .map(
      (p, i) =>
        `${[
          r.source,
          i + 1,
          p.start,
          p.end,
          p.actor.text,
          p.actor.ids.join(" "),
          p.stance,
          String(p.negated),
          p.modality,
          p.domains.join(" "),
          p.text,
        ]
          .map(csvField)
          .join(",")}\r\n`,
    )
    .join("");
}

/** Markdown: one table a document; pipes and line breaks in the text are escaped. */
export function provisionsMarkdown(r: ProvisionsResult): string {
  const cell = (s: string) =>
    s
      .replace(/\\/g, "\\\\")
      .replace(/\|/g, "\\|")
      .replace(/[\r\n]+/g, " ")
      .replace(/</g, "&lt;");
  const out: string[] = [
    `## ${cell(r.title ?? r.source)}`,
    "",
    "| # | actor | stance | modality | domains | provision |",
    "|---|---|---|---|---|---|",
  ];
  r.provisions.forEach((p, i) => {
    out.push(
      `| ${i + 1} | ${cell(p.actor.text)} | ${p.negated ? `${p.stance} (negated)` : p.stance} | ${p.modality} | ${p.domains.join(", ")} | ${cell(p.text)} |`,
    );
  });
  out.push("", "");
  return out.join("\n");
}
