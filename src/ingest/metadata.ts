import { findDateline } from "./dates.js";
import { defaultMetadataLexicon, type MetadataLexicon } from "./opening/lexicon.js";
import { reportedTitle } from "./opening/title.js";
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

/** A headline: one short line, several words, not a sentence ending in "." "," ":" ";", not a date. */
function looksLikeTitle(p: string): boolean {
  if (p.includes("\n") || p.length > MAX_TITLE) return false;
  if (/[.,:;]$/u.test(p) && !/\.\.\.$/.test(p)) return false;
  if (p.split(/\s+/).length < 3) return false;
  // "Hà Nội, ngày 15 tháng 1 năm 2025" is the place and date of a statement, not its title.
  const date = findDateline(p, { maxChars: MAX_TITLE });
  return date === null || (date.end - date.start) * 2 < p.length;
}

const isCaps = (line: string) => line === line.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(line);
/** A line of running text: it ends a sentence, or is too long for a headline. */
const isProse = (line: string) => /[.!?…"”»)]$/u.test(line) || line.length > MAX_TITLE;
const MAX_CAPS_LINES = 4;

/**
 * The title at the head of a paragraph whose lines are not separated by blank lines (text
 * pasted from a portal): its capitalised lines ("JOINT STATEMENT" / "BETWEEN VIET NAM AND
 * JAPAN", joined), or a first line that reads as a headline when running text follows it.
 * Returns the title and the paragraph's rest, or null.
 */
function headLines(paragraph: string): { title: string; rest: string } | null {
  const lines = paragraph.split("\n").map((l) => l.trim());
  let caps = 0;
  while (caps < Math.min(MAX_CAPS_LINES, lines.length - 1) && isCaps(lines[caps] as string)) caps++;
  const joined = lines.slice(0, caps).join(" ");
  if (caps > 0 && joined.split(/\s+/).length >= 2 && joined.length <= MAX_TITLE) {
    return { title: joined, rest: lines.slice(caps).join("\n") };
  }
  const [first = "", next = ""] = lines;
  if (looksLikeTitle(first) && isProse(next))
    return { title: first, rest: lines.slice(1).join("\n") };
  return null;
}

/**
 * Title, lede and publisher read from the cleaned text. The title, in order: a first paragraph
 * that reads as a headline ("# " in Markdown); the first lines of a first paragraph without
 * blank lines (capitalised heading lines, or a headline line over running text); or the name
 * of the document the first sentence reports ("… released a Joint Communiqué on …", see
 * reportedTitle). The lede is the first paragraph after the title, without an agency tag
 * ("VGP – …", "Hanoi (VNA) – …"), which becomes the publisher. Nothing is guessed: what the
 * text does not show stays null.
 */
export function textMetadata(
  text: string,
  lexicon: MetadataLexicon = defaultMetadataLexicon(),
): TextMetadata {
  const ps = paragraphs(text);
  let i = 0;
  let title: string | null = null;
  const first = ps[0];
  if (first !== undefined) {
    const heading = /^#{1,3}\s+(.+)$/u.exec(first);
    const head = first.includes("\n") ? headLines(first) : null;
    if (heading?.[1] && !first.includes("\n")) {
      title = heading[1].trim();
      i = 1;
    } else if (looksLikeTitle(first) && ps.length > 1) {
      title = first;
      i = 1;
    } else if (head !== null) {
      title = head.title;
      ps[0] = head.rest;
    }
  }
  title ??= reportedTitle(text, lexicon);
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
