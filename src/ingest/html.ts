/**
 * A saved HTML page → article text and metadata. Parses with linkedom (scripts never run),
 * reads metadata from the head and JSON-LD, finds the article with Readability and turns its
 * HTML into plain paragraphs. Pure, and never throws.
 */
import { createRequire } from "node:module";
import type { Readability as ReadabilityClass } from "@mozilla/readability";
import type { parseHTML as ParseHtml } from "linkedom";
import { boundMarkup } from "./html-bounds.js";
import {
  type DomDocument,
  type DomElement,
  type DomNode,
  findSapo,
  isoLike,
  type PageMeta,
  readMeta,
  stripSiteName,
  treeShape,
} from "./html-meta.js";
import { toText } from "./html-text.js";

// The DOM parser and Readability load on the first page read, not with the module: a run over
// plain text (`dossier places notes.txt`) never pays the ~0.3 s linkedom takes to load.
const require = createRequire(import.meta.url);
let dom: { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } | undefined;
function htmlLibraries(): { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } {
  dom ??= {
    parseHTML: (require("linkedom") as { parseHTML: typeof ParseHtml }).parseHTML,
    Readability: (require("@mozilla/readability") as { Readability: typeof ReadabilityClass })
      .Readability,
  };
  return dom;
}

/**
 * An article read from HTML: the page's metadata (see PageMeta: one title chosen from its
 * candidates) and its main content.
 */
export interface HtmlArticle extends Omit<PageMeta, "titles"> {
  /**
   * The main content as plain text: one paragraph per block element (p, h1-h6, li, blockquote,
   * figcaption, pre, tr…), paragraphs separated by "\n\n", inline whitespace collapsed, entities
   * decoded, NFC. Captions (figcaption, and elements whose class contains "caption") appear as
   * their own paragraphs so a later step can recognise them.
   */
  text: string;
  title: string | null;
  warnings: string[];
}

/** Below this many characters, Readability's result is not trusted on its own. */
const MIN_TEXT = 200;
/** Readability's cost grows with the square of nesting depth; deeper pages skip it. */
const MAX_DEPTH = 256;
/**
 * Readability copies the page, serialises it and may re-read it up to four times: linear, but
 * 20 to 180 µs an element. Larger pages (real articles have a few thousand elements once scripts
 * and SVG are gone) skip it for the fallback, which reads the tree once.
 */
const MAX_ELEMENTS = 10_000;
/** Removed before extraction: never article text, and noise for Readability's scoring. */
const JUNK = "script,style,noscript,template,iframe,object,embed,svg,select,button,input,textarea";
/** Chrome dropped before the fallbacks: by tag or role, and by class / id token. */
const CHROME =
  'nav,header,footer,aside,menu,[role="navigation"],[role="banner"],[role="contentinfo"]';
const CHROME_CLASS =
  /(?:^|[\s_-])(?:menu|nav|navbar|navigation|breadcrumbs?|share|social|related|sidebar|footer|header|comments?|banner|ads?|advert)(?:$|[\s_-])/i;

const empty = (warnings: string[]): HtmlArticle => ({
  text: "",
  title: null,
  publisher: null,
  published: null,
  authors: [],
  language: null,
  url: null,
  lede: null,
  meta: {},
  warnings,
});

export function readHtml(html: string, options: { url?: string } = {}): HtmlArticle {
  try {
    if (typeof html !== "string" || html.trim() === "") return empty(["empty input"]);
    return extract(html, options.url);
  } catch (e) {
    return empty([`could not read HTML: ${message(e)}`]);
  }
}

function extract(html: string, baseUrl: string | undefined): HtmlArticle {
  const bounded = boundMarkup(unwrapPlainInline(html));
  const warnings = [...bounded.warnings];
  const doc = parse(bounded.html);
  let meta: PageMeta | null = null;
  try {
    meta = readMeta(doc, baseUrl);
  } catch (e) {
    warnings.push(`metadata unreadable: ${message(e)}`);
  }
  for (const el of Array.from(doc.querySelectorAll(JUNK))) el.remove();
  const sapo = findSapo(doc);

  // Readability mutates the document it reads: give it a copy, keep the original for fallback.
  let text = "";
  let readTitle: string | null = null;
  let content: DomElement | null = null;
  const limits = { depth: MAX_DEPTH, elements: MAX_ELEMENTS };
  const shape = doc.documentElement ? treeShape(doc.documentElement, limits) : limits;
  if (shape.depth > MAX_DEPTH)
    warnings.push(`elements nested over ${MAX_DEPTH} deep; skipped Readability`);
  else if (shape.elements > MAX_ELEMENTS)
    warnings.push(`over ${MAX_ELEMENTS} elements; skipped Readability`);
  else {
    try {
      const { Readability } = htmlLibraries();
      const result = new Readability<unknown>(doc.cloneNode(true) as never, {
        charThreshold: 100,
        keepClasses: true,
        disableJSONLD: true,
        serializer: (node: unknown) => node,
      }).parse();
      readTitle = result?.title?.trim() || null;
      content = isNode(result?.content) ? result.content : null;
      text = content ? toText(content) : "";
    } catch (e) {
      warnings.push(`readability failed: ${message(e)}`);
    }
  }
  if (sapo && text.length >= MIN_TEXT) text = withSapo(text, sapo);
  if (text.length < MIN_TEXT) {
    const fallback = fallbackText(doc);
    if (fallback.text.length > text.length) {
      text = fallback.text;
      warnings.push(`no article content found; used ${fallback.from}`);
    } else if (text.length > 0) {
      warnings.push(`short article text (${text.length} characters)`);
    } else {
      warnings.push("no text found");
    }
  }

  const publisher = meta?.publisher ?? null;
  const titles = [...(meta?.titles ?? []), ...(readTitle ? [readTitle] : [])];
  const title = titles.map((t) => stripSiteName(t, publisher)).find((t) => t !== "") ?? null;
  let published = meta?.published ?? null;
  if (!published && content) {
    for (const t of Array.from(content.querySelectorAll("time[datetime]"))) {
      published = isoLike(t.getAttribute("datetime"));
      if (published) break;
    }
  }
  return {
    text,
    title: title?.normalize("NFC") ?? null,
    publisher,
    published,
    authors: meta?.authors ?? [],
    language: meta?.language ?? null,
    url: meta?.url ?? (baseUrl && /^https?:\/\//i.test(baseUrl) ? baseUrl : null),
    lede: meta?.lede ?? null,
    meta: meta?.meta ?? {},
    warnings,
  };
}

/** Inline formatting, without attributes, around plain text only: `<b>Hanoi</b>`. */
const PLAIN_INLINE = /<(span|b|i|em|strong|u|small|font|mark)>([^<]*)<\/\1\s*>/gi;

/**
 * On a page with more tags than Readability takes, attribute-less inline elements around plain
 * text are replaced by their text: the same text (inline elements add no break), but a DOM node
 * less each, and building the DOM is most of the cost of such a page (100,000 `<span>`s:
 * 2.2 s → 0.7 s for `dossier clean`). Pages within the cap (every real page) are unchanged, so
 * Readability sees exactly what the author wrote. Raw text (`<script>`, comments) may be
 * rewritten too; it is never read as text.
 */
export function unwrapPlainInline(html: string): string {
  let tags = 0;
  for (let i = html.indexOf("<"); i >= 0; i = html.indexOf("<", i + 1)) {
    if (++tags > MAX_ELEMENTS) return html.replace(PLAIN_INLINE, "$2");
  }
  return html;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function isNode(v: unknown): v is DomElement {
  return typeof v === "object" && v !== null && "nodeType" in v && "childNodes" in v;
}

/** Parses a page; input linkedom cannot root (a fragment, bare text) is wrapped in a body. */
function parse(html: string): DomDocument {
  const attempt = (s: string): DomDocument | null => {
    try {
      const { document } = htmlLibraries().parseHTML(s) as unknown as { document: DomDocument };
      return document.documentElement?.tagName === "HTML" && document.body ? document : null;
    } catch {
      return null;
    }
  };
  // linkedom roots a page at <html> only when that is its first element: without one, a second
  // parse is certain, so skip the first (parsing is most of the cost of a large page).
  const doc = /<html/i.test(html) ? attempt(html) : null;
  if (doc?.body && doc.body.childNodes.length > 0) return doc;
  const bare = html.replace(/<\/?(?:html|body)\b[^>]*>?/gi, "");
  const wrapped = attempt(`<!doctype html><html><head></head><body>${bare}</body></html>`);
  if (wrapped) return wrapped;
  if (doc) return doc;
  throw new Error("the HTML parser produced no document");
}

/**
 * With chrome (nav, menus, share and related boxes…) removed: the text of the element holding
 * the most paragraph text (paragraph lengths summed per parent), or, when there are no
 * paragraphs to speak of, the whole body (with chrome, if that is all there is). Mutates `doc`.
 */
function fallbackText(doc: DomDocument): { text: string; from: string } {
  const body = doc.body;
  if (!body) return { text: "", from: "<body> text" };
  const chrome = Array.from(body.querySelectorAll(CHROME));
  for (const el of Array.from(body.querySelectorAll("[class],[id]"))) {
    const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (CHROME_CLASS.test(names)) chrome.push(el);
  }
  // Kept in case the chrome patterns catch a wrapper of everything.
  const whole = chrome.length > 0 ? toText(body) : "";
  for (const el of chrome) el.remove();
  const scores = new Map<DomNode, number>();
  let best: DomNode | null = null;
  let bestScore = 0;
  for (const p of Array.from(body.querySelectorAll("p, pre, td, blockquote"))) {
    const parent = p.parentNode;
    if (!parent) continue;
    const score = (scores.get(parent) ?? 0) + (p.textContent ?? "").trim().length;
    scores.set(parent, score);
    if (score > bestScore) {
      best = parent;
      bestScore = score;
    }
  }
  if (best && bestScore >= MIN_TEXT) return { text: toText(best), from: "the largest text block" };
  return { text: toText(body) || whole, from: "<body> text" };
}

/** Prepends the standfirst's text unless the extracted text already holds it. */
function withSapo(text: string, sapo: DomElement): string {
  const lead = toText(sapo);
  const probe = lead.slice(0, 60);
  return probe === "" || text.includes(probe) ? text : `${lead}\n\n${text}`;
}
