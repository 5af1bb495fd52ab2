import { foldKey } from "../../text/fold.js";
import { mayHaveLinks, urlSpans } from "../../text/urls.js";
import type { ChromeLexicon } from "./lexicon.js";
import type { Line } from "./lines.js";

const LABELED = /^([^:：]{1,40}?)\s*[:：]\s*(.+)$/u;
/** Brackets around the address, and a full stop after it. */
const WRAPPED = /^[<([]\s*(.+?)\s*[>)\]]\.?$|^(.+?)\.?$/u;

/**
 * The URL of a "Source: <url>" line, or null: the label is listed, and the rest is one token
 * that opens with a link. The whole token is the URL: linkify-it's rules for links in prose
 * (a link ends before "??" or an unbalanced bracket) do not apply to a line that is only a URL.
 */
export function sourceLineUrl(line: string, lexicon: ChromeLexicon): string | null {
  // No link in the line, none after its label: most lines end here, before the expression.
  if (!mayHaveLinks(line)) return null;
  const m = LABELED.exec(line);
  if (!m?.[1] || !m[2] || !lexicon.sourceLabels.has(foldKey(m[1]))) return null;
  const w = WRAPPED.exec(m[2]);
  const rest = w?.[1] ?? w?.[2] ?? "";
  if (/\s/u.test(rest) || urlSpans(rest)[0]?.start !== 0) return null;
  // An e-mail address is no document's address.
  return /^mailto:|^[^/:]*@/iu.test(rest) ? null : rest;
}

/**
 * Step 7: a line that is only a labelled URL ("Source: https://…", "Nguồn: https://…") says
 * where the document comes from: the first becomes `url`, and every such line leaves the text.
 */
export function extractSourceLines(lines: Line[], lexicon: ChromeLexicon): string | null {
  let first: string | null = null;
  for (const line of lines) {
    if (line.removed !== null || line.trimmed.length > 2100) continue;
    const url = sourceLineUrl(line.trimmed, lexicon);
    if (url === null) continue;
    line.removed = "source line (moved to url)";
    first ??= url;
  }
  return first;
}
