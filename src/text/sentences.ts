/** A sentence of a text: [start, end) UTF-16 offsets, trimmed. */
export interface Span {
  start: number;
  end: number;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec gen col lt sen rep gov inc ltd co corp dept ph tp".split(
    " ",
  ),
);

/**
 * Splits text into sentences: at a line break, or after ".", "!" or "?" (and closing quotes or
 * brackets) followed by space and a capital letter, digit or opening quote — but not after an
 * abbreviation ("Mr.", "No.") or an initial ("U.S.", "M.V."). Linear in the text.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  };
  let from = 0;
  const boundary = /\n|[.!?]+["”’)\]]*[ \t]+(?=["“‘([]?[\p{Lu}\p{N}])/gu;
  for (const m of text.matchAll(boundary)) {
    const at = m.index ?? 0;
    if (m[0] !== "\n") {
      const before = /([\p{L}]+)$/u.exec(text.slice(Math.max(from, at - 12), at))?.[1] ?? "";
      if (before.length === 1 || ABBREVIATIONS.has(before.toLowerCase())) continue;
    }
    const end = m[0] === "\n" ? at : at + m[0].trimEnd().length;
    push(from, end);
    from = at + m[0].length;
  }
  push(from, text.length);
  return out;
}
