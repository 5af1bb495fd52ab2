/**
 * An element's HTML → plain paragraphs. Linear in the size of the tree: the walk is iterative
 * (deep nesting cannot overflow the stack) and the pending paragraph is a list of pieces whose
 * last character and content are tracked, never re-read: asking a long concatenated string for
 * its last character or testing it with a regex flattens it, which made every append cost the
 * length of the paragraph (40,000 inline elements in one block took half a minute).
 */
import type { DomElement, DomNode } from "./html-meta.js";

/** Skipped by the text walk (whatever Readability or the fallback left in). */
const SKIP = new Set(
  `SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME OBJECT EMBED SVG SELECT OPTION BUTTON INPUT TEXTAREA
   HEAD TITLE META LINK CANVAS VIDEO AUDIO MAP`.split(/\s+/),
);
const BLOCK = new Set(
  `P H1 H2 H3 H4 H5 H6 LI BLOCKQUOTE FIGCAPTION CAPTION PRE TR DIV SECTION ARTICLE MAIN FIGURE
   TABLE THEAD TBODY TFOOT UL OL DL DT DD HEADER FOOTER ASIDE NAV ADDRESS DETAILS SUMMARY FORM
   FIELDSET LEGEND CENTER BODY HTML`.split(/\s+/),
);
/** Soft hyphens, zero-width spaces and BOMs: dropped from text. */
const INVISIBLE = /[\u00ad\u200b\ufeff]/;
const INVISIBLES = /[\u00ad\u200b\ufeff]/g;
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const SPACE = 32;
const NEWLINE = 10;

const isCaption = (el: DomElement, tag: string): boolean =>
  tag === "FIGCAPTION" || /caption/i.test(el.getAttribute("class") ?? "");

/** The paragraph being built: pieces, never empty, with what the walk asks of their sum. */
class Pending {
  private pieces: string[] = [];
  /** Char code of the last character, or -1 when empty. */
  last = -1;
  /** Whether any piece holds a non-whitespace character. */
  solid = false;
  /** Whether a piece came from <pre> and keeps its own whitespace. */
  raw = false;

  append(s: string): void {
    if (s === "") return;
    this.pieces.push(s);
    this.last = s.charCodeAt(s.length - 1);
    if (!this.solid && /\S/.test(s)) this.solid = true;
  }

  /** Drops trailing whitespace (of any kind), popping pieces that hold nothing else. */
  trimEnd(): void {
    this.dropEnd((p) => p.trimEnd());
  }

  /** Drops one trailing plain space, if there is one. */
  dropSpace(): void {
    if (this.last === SPACE) this.dropEnd((p) => p.slice(0, -1), true);
  }

  private dropEnd(cut: (piece: string) => string, once = false): void {
    const { pieces } = this;
    while (pieces.length > 0) {
      const piece = pieces[pieces.length - 1] as string;
      const kept = cut(piece);
      if (kept !== "") pieces[pieces.length - 1] = kept;
      else pieces.pop();
      if (kept !== "" || once) break;
    }
    const top = pieces[pieces.length - 1];
    this.last = top === undefined ? -1 : top.charCodeAt(top.length - 1);
  }

  /** The pending text as paragraphs (split at blank lines), emptied. */
  take(): string[] {
    const buf = this.pieces.join("");
    const raw = this.raw;
    this.pieces = [];
    this.last = -1;
    this.solid = false;
    this.raw = false;
    const out: string[] = [];
    for (const part of buf.includes("\n") ? buf.split(/\n[^\S\n]*\n/) : [buf]) {
      const p = raw
        ? part
            .replace(/[^\S\n]+/g, " ")
            .replace(/ ?\n ?/g, "\n")
            .trim()
        : part.trim();
      if (p !== "") out.push(p);
    }
    return out;
  }
}

/**
 * Block elements → paragraphs, `<br>` → line break (two or more in a row → paragraph break),
 * table cells of a row joined by " | ". Outside `<pre>`, appends keep the text free of doubled
 * spaces, so a paragraph only has to be trimmed.
 */
export function toText(root: DomNode): string {
  const paragraphs: string[] = [];
  const buf = new Pending();
  const flush = (): void => {
    for (const p of buf.take()) paragraphs.push(p);
  };
  let pre = 0;
  type Step = { node: DomNode; exit: false } | { node: DomElement; exit: true; pre: boolean };
  const stack: Step[] = [{ node: root, exit: false }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if (step.exit) {
      if (step.pre) pre--;
      flush();
      continue;
    }
    const node = step.node;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      let t = node.textContent ?? "";
      if (INVISIBLE.test(t)) t = t.replace(INVISIBLES, "");
      if (pre > 0) {
        buf.raw = true;
        buf.append(t.replace(/\r\n?/g, "\n"));
        continue;
      }
      t = t.replace(/\s+/g, " ");
      const last = buf.last;
      buf.append(
        t.charCodeAt(0) === SPACE && (last === -1 || last === SPACE || last === NEWLINE)
          ? t.slice(1)
          : t,
      );
      continue;
    }
    if (node.nodeType === ELEMENT) {
      const el = node as DomElement;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag) || el.hasAttribute("hidden")) continue;
      if (el.getAttribute("aria-hidden") === "true") continue;
      if (tag === "BR") {
        buf.dropSpace();
        buf.append("\n");
        continue;
      }
      if (tag === "HR") {
        flush();
        continue;
      }
      if ((tag === "TD" || tag === "TH") && buf.solid) {
        buf.trimEnd();
        buf.append(" | ");
      }
      if (BLOCK.has(tag) || isCaption(el, tag)) {
        flush();
        const isPre = tag === "PRE";
        if (isPre) pre++;
        stack.push({ node: el, exit: true, pre: isPre });
      }
    } else if (node.nodeType !== 9 && node.nodeType !== 11) {
      continue; // comments, doctypes, processing instructions
    }
    for (let kid = node.lastChild; kid; kid = kid.previousSibling) {
      stack.push({ node: kid, exit: false });
    }
  }
  flush();
  return paragraphs.join("\n\n").normalize("NFC");
}
