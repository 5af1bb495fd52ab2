/**
 * Makes untrusted document text safe to print to a terminal: control characters (which could
 * carry ANSI escape sequences that move the cursor, recolour or retitle the terminal), and
 * bidirectional overrides that could reorder what the reader sees, are shown as \u{…} escapes.
 */
export function escapeTerminal(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

/** One CSV field (RFC 4180), with spreadsheet formula injection defused by a leading quote. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
