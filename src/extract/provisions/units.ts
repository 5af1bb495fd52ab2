import { UPPER } from "../../text/fold.js";
import { sentences } from "../../text/sentences.js";

/** A sentence or list item of a text, its list marker cut off. */
export interface Unit {
  start: number;
  end: number;
  /** The list marker it had: a bullet ("-", "•"), a number ("1.", "(2)") or a letter ("a)", "(iv)"). */
  marker: "" | "bullet" | "number" | "letter";
}

// Bullets, numbers ("1.", "2.1.", "(3)", "4)", "5-"), and letters or roman numerals in lowercase or in
// brackets ("a)", "(b)", "iv.", "(C)"): never "U.S." or "A. Smith", which open sentences.
const MARKER =
  /^(?:([-–—•·*▪●◦‣►])\s*|(\(?\d{1,2}(?:\.\d{1,2})*[.)-]|\(\d{1,2}\)|[IVX]{1,4}\.)(?:\s+|$)|(\(?[a-z][.)]|\([A-Za-z]\)|\(?[ivx]{1,4}[.)]|\([IVX]{1,4}\))(?:\s+|$))/u;

/**
 * The units a statement's provisions are read from: its sentences, each list item its own,
 * with the marker ("1. ", "- ", "(a) ") cut off so a provision's text is the sentence itself.
 * A number alone on its line ("1." before a paragraph) is no unit.
 */
export function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const s of sentences(text)) {
    const first = text.charCodeAt(s.start);
    // Only a bullet, a bracket, a digit, a lowercase letter or I, V, X can open a marker.
    const may = UPPER[first] !== 1 || first === 73 || first === 86 || first === 88;
    const m = may ? MARKER.exec(text.slice(s.start, Math.min(s.end, s.start + 16))) : null;
    if (!m) {
      out.push({ start: s.start, end: s.end, marker: "" });
      continue;
    }
    const start = s.start + m[0].length;
    if (start >= s.end) continue;
    out.push({ start, end: s.end, marker: m[1] ? "bullet" : m[2] ? "number" : "letter" });
  }
  return out;
}
