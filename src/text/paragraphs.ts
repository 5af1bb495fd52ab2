/**
 * Paragraph spans, trimmed: each non-blank line. Scraped pages put one paragraph on a line,
 * with or without blank lines between; hard-wrapped text just gets finer paragraphs.
 */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    let start = m.index ?? 0;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
