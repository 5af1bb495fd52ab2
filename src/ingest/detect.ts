import type { DocumentFormat } from "./types.js";

const HTML_TAG =
  /<(?:!doctype\s+html|html|head|body|article|div|p|meta|title|section|main|span|a\s)[\s>/]/i;

/**
 * The format of decoded input, from its content first and its name second: a page that starts
 * with markup is HTML whatever its name; lines that are JSON objects are JSON Lines; a `.md`
 * file or a text opening with "# " is Markdown; anything else is plain text.
 */
export function detectFormat(text: string, name = ""): DocumentFormat {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith("<") && HTML_TAG.test(head.slice(0, 1024))) return "html";
  if (head.startsWith("{") && looksLikeJsonLines(head)) return "jsonl";
  if (/\.(?:jsonl|ndjson)$/i.test(name)) return "jsonl";
  if (/\.(?:html?|xhtml)$/i.test(name) && HTML_TAG.test(head)) return "html";
  if (/\.(?:md|markdown)$/i.test(name) || /^#{1,3} \S/.test(head)) return "markdown";
  return "text";
}

function looksLikeJsonLines(head: string): boolean {
  const first = head.split("\n", 1)[0]?.trim() ?? "";
  if (!first.endsWith("}")) return head.length >= 4096; // a long first record cut by the sample
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
