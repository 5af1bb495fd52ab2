/** What /\s/ matches, by code unit: a table test instead of a regex per character trimmed. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Paragraph spans, trimmed: each non-blank line. Scraped pages put one paragraph on a line,
 * with or without blank lines between; hard-wrapped text just gets finer paragraphs.
 */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = text.length;
  for (let line = 0; line < n; ) {
    const feed = text.indexOf("\n", line);
    const lineEnd = feed < 0 ? n : feed;
    let start = line;
    let end = lineEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
    line = lineEnd + 1;
  }
  return out;
}
