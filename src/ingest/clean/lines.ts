/** One line of the original text: [start, end) includes its line break, `text` does not. */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
  /** Trimmed text. */
  trimmed: string;
  /** Set once a step removes the line, with that step's reason. */
  removed: string | null;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl + 1;
    const body = text.slice(start, nl < 0 ? end : nl).replace(/\r$/, "");
    lines.push({
      index: lines.length,
      start,
      end,
      text: body,
      trimmed: body.trim(),
      removed: null,
    });
    start = end;
  }
  return lines;
}

export const isBlank = (l: Line) => l.trimmed === "";

/** Lines still kept, in order. */
export const kept = (lines: Line[]) => lines.filter((l) => l.removed === null);

/** Bullets, numbering and list markers that may open a list line. */
export const BULLET = /^(?:[\u2022\u2023\u25e6\u2043\u2219*·•◦▪‣–—>-]+|\d{1,3}[.)])\s*/u;

export function stripBullet(s: string): string {
  return s.replace(BULLET, "").trim();
}
