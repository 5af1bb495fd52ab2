import { agencyTag } from "./publishers.js";

const MAX_TITLE = 200;
const MAX_LEDE = 1000;

/**
 * A lede is a paragraph; a text with no paragraph breaks is cut at a sentence end. Nothing left
 * (a paragraph that was only an agency tag) is no lede.
 */
function shorten(lede: string): string | null {
  if (lede === "") return null;
  if (lede.length <= MAX_LEDE) return lede;
  const cut = lede.slice(0, MAX_LEDE);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf("? "), cut.lastIndexOf("! "));
  return end > MAX_LEDE / 3 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}

export interface TextMetadata {
  title: string | null;
  lede: string | null;
  publisher: string | null;
}

/** Paragraphs of the cleaned text: blocks between blank lines, inner line breaks kept. */
export function paragraphs(text: string, limit = 50): string[] {
  return text
    .split(/\n[ \t]*\n/, limit)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** A headline: one short line, several words, not a sentence ending in "." "," ":" ";". */
function looksLikeTitle(p: string): boolean {
  if (p.includes("\n") || p.length > MAX_TITLE) return false;
  if (/[.,:;]$/u.test(p) && !/\.\.\.$/.test(p)) return false;
  return p.split(/\s+/).length >= 3;
}

/**
 * Title, lede and publisher read from the cleaned text: the first paragraph is the title when
 * it reads as a headline ("# " in Markdown); the lede is the first paragraph after it, without
 * an agency tag ("VGP – …", "Hanoi (VNA) – …"), which becomes the publisher. Nothing is guessed:
 * what the text does not show stays null.
 */
export function textMetadata(text: string): TextMetadata {
  const ps = paragraphs(text);
  let i = 0;
  let title: string | null = null;
  const first = ps[0];
  if (first !== undefined) {
    const heading = /^#{1,3}\s+(.+)$/u.exec(first);
    if (heading?.[1] && !first.includes("\n")) {
      title = heading[1].trim();
      i = 1;
    } else if (looksLikeTitle(first) && ps.length > 1) {
      title = first;
      i = 1;
    }
  }
  const ledeParagraph = ps.slice(i).find((p) => p.length >= 40 && !p.startsWith("#"));
  if (!ledeParagraph) return { title, lede: null, publisher: null };
  const tag = agencyTag(ledeParagraph);
  return {
    title,
    lede: shorten(
      (tag ? tag.rest : ledeParagraph)
        .slice(0, MAX_LEDE * 2)
        .replace(/\s+/g, " ")
        .trim(),
    ),
    publisher: tag?.publisher ?? null,
  };
}
