/** One data row of a tab-separated data file, with its line number for error messages. */
export interface TsvRow {
  line: number;
  cells: string[];
}

/** Splits a data file into rows: `#` lines and blank lines are comments. */
export function parseTsv(text: string): TsvRow[] {
  const rows: TsvRow[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    rows.push({ line: i + 1, cells: line.split("\t").map((c) => c.trim()) });
  }
  return rows;
}

/** Parses a `|`-separated list of names, each optionally followed by `[flag,flag]`. */
export function parseNameList(cell: string): { text: string; flags: string[] }[] {
  if (cell === "") return [];
  return cell.split("|").map((raw) => {
    const m = /^(.*?)\s*(?:\[([^\]]*)\])?$/.exec(raw.trim());
    const text = (m?.[1] ?? raw).trim();
    const flags = m?.[2]
      ? m[2]
          .split(",")
          .map((f) => f.trim())
          .filter(Boolean)
      : [];
    return { text, flags };
  });
}

/** Parses a one-entry-a-line word list (`#` comments). */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}
