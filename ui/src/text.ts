// Pure helpers that turn untrusted document text into pieces React renders as text nodes:
// nothing from a document ever becomes markup.

export interface Span {
  start: number;
  end: number;
  kind: string;
  title: string;
}

export interface Segment {
  /** Offset of the piece in the text: unique, so it keys the piece. */
  start: number;
  text: string;
  span: Span | null;
}

/**
 * The text cut at the spans' edges. Overlapping spans cannot both be drawn: the earlier one
 * wins, and of two starting together the longer ("Ho Chi Minh City" over "Ho Chi Minh").
 * Spans outside the text are ignored.
 */
export function segment(text: string, spans: Span[]): Segment[] {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Segment[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ start: at, text: text.slice(at, span.start), span: null });
    out.push({ start: span.start, text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) out.push({ start: at, text: text.slice(at), span: null });
  return out;
}

/** A snippet from the API marks its matches with « »: split it into plain and marked parts. */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const re = /«([^«»]*)»/gu;
  let at = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > at) parts.push({ text: snippet.slice(at, m.index), mark: false });
    parts.push({ text: m[1] as string, mark: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}

/** Only http(s) links are ever made clickable; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A copy of the set with `value` added, or removed if it was there (React state stays immutable). */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}
