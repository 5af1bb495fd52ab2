/**
 * Bounds the markup given to linkedom against two shapes that break it, in one linear pass of
 * htmlparser2's tokenizer (the one linkedom parses with):
 *
 * 1. Deep nesting. htmlparser2 keeps its open elements in an array it grows and shrinks at the
 *    front, so every tag costs the current depth: 100,000 nested `<b>` take seconds, a few MB
 *    minutes. Tags that would open deeper than MAX_NESTING are cut out (their text is kept), with
 *    their closing tags.
 * 2. Huge class attributes. linkedom passes a class's names as call arguments: past about
 *    100,000 names the stack overflows and the whole page is lost. Class values are cut to
 *    MAX_CLASS characters.
 *
 * The open elements are tracked as htmlparser2's parser tracks them (void elements, tags that
 * close others, self-closing tags in SVG and MathML), so what is cut is exactly what lies deeper.
 * Markup within bounds (every real page) is returned unchanged.
 */
import { createRequire } from "node:module";
import type { Tokenizer as TokenizerClass } from "htmlparser2";

// Loaded on the first page bounded, not with the module: a run over plain text never needs it.
const require = createRequire(import.meta.url);
let Tokenizer: typeof TokenizerClass | undefined;

/** Deeper than any real page (Readability is already skipped past 256). */
export const MAX_NESTING = 512;
/** Longer than any real class list (a few hundred characters at most). */
export const MAX_CLASS = 4096;

type Callbacks = ConstructorParameters<typeof TokenizerClass>[1];

const P = new Set(["p"]);
const FORM = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const DDT = new Set(["dd", "dt"]);
const RTP = new Set(["rt", "rp"]);
/** Copied from htmlparser2's parser (not exported): an opening tag closes these on top. */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])],
  ["li", new Set(["li"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
  ...["select", "input", "output", "button", "datalist", "textarea"].map(
    (t) => [t, FORM] as [string, Set<string>],
  ),
  ...["dd", "dt"].map((t) => [t, DDT] as [string, Set<string>]),
  ...["rt", "rp"].map((t) => [t, RTP] as [string, Set<string>]),
  ...`p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption
   figure footer form header hr main nav ol pre section table ul`
    .split(/\s+/)
    .map((t) => [t, P] as [string, Set<string>]),
]);
const VOID = new Set(
  `area base basefont br col command embed frame hr img input isindex keygen link meta param
   source track wbr`.split(/\s+/),
);
const FOREIGN = new Set(["math", "svg"]);
const INTEGRATION = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);
/** The tokenizer reads their content as text: never cut, or that text would become markup. */
const RAW = new Set(["script", "style", "title", "textarea", "xmp"]);

export interface BoundedMarkup {
  html: string;
  warnings: string[];
}

/**
 * `html` with tags nested deeper than `nesting` (MAX_NESTING) removed and class values cut to
 * `classLength` (MAX_CLASS) characters; warnings say what was changed.
 *
 * @example boundMarkup("<b>".repeat(10_000) + "x").html // 512 × "<b>" + "x"
 */
export function boundMarkup(
  html: string,
  limits: { nesting?: number; classLength?: number } = {},
): BoundedMarkup {
  const { nesting = MAX_NESTING, classLength = MAX_CLASS } = limits;
  const cuts: [number, number][] = [];
  let deep = 0;
  let longClasses = 0;
  // The parser's open elements, top last, each with whether it was cut; names counted so a
  // closing tag with no open element is known at once (the parser searches its whole stack).
  const stack: { name: string; cut: boolean }[] = [];
  const open = new Map<string, number>();
  const foreign: boolean[] = [false];
  let tag = { name: "", start: 0, cut: false, deep: false };
  let attribute = "";
  let value = { start: -1, end: -1 };

  const push = (name: string, cut: boolean): void => {
    stack.push({ name, cut });
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = (): { name: string; cut: boolean } | undefined => {
    const top = stack.pop();
    if (top) open.set(top.name, (open.get(top.name) ?? 1) - 1);
    return top;
  };
  const opened = (name: string, start: number): void => {
    const implies = IMPLIES_CLOSE.get(name);
    while (implies && stack.length > 0 && implies.has(stack[stack.length - 1]?.name ?? "")) pop();
    const deeper = stack.length >= nesting && !VOID.has(name);
    // Raw-text tags are decided at their end: `<script/>` opens no raw text, so it is cut.
    const cut = deeper && !RAW.has(name);
    tag = { name, start, cut, deep: deeper };
    if (cut) deep++;
    if (VOID.has(name)) return;
    push(name, cut);
    // What the parser never sees must not change its foreign context either.
    if (cut) return;
    if (FOREIGN.has(name)) foreign.push(true);
    else if (INTEGRATION.has(name)) foreign.push(false);
  };

  const callbacks: Callbacks = {
    onopentagname(start, end) {
      opened(html.slice(start, end).toLowerCase(), start - 1);
    },
    onattribname(start, end) {
      attribute = html.slice(start, end).toLowerCase();
      value = { start: -1, end: -1 };
    },
    onattribdata(start, end) {
      if (value.start < 0) value.start = start;
      value.end = end;
    },
    onattribend() {
      if (attribute !== "class" || tag.cut || value.end - value.start <= classLength) return;
      cuts.push([value.start + classLength, value.end]);
      longClasses++;
    },
    onopentagend(end) {
      if (tag.cut) cuts.push([tag.start, end + 1]);
    },
    onselfclosingtag(end) {
      if (tag.deep && !tag.cut) {
        tag.cut = true;
        deep++;
        // A class cut inside the tag goes with it: cuts must not overlap.
        while ((cuts[cuts.length - 1]?.[0] ?? -1) >= tag.start) {
          cuts.pop();
          longClasses--;
        }
        const top = stack[stack.length - 1];
        if (top) top.cut = true;
        if (FOREIGN.has(tag.name) || INTEGRATION.has(tag.name)) foreign.pop();
      }
      if (tag.cut) cuts.push([tag.start, end + 1]);
      if (foreign[foreign.length - 1] && stack[stack.length - 1]?.name === tag.name) pop();
    },
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      let cut = false;
      if (!VOID.has(name) && (open.get(name) ?? 0) > 0) {
        let top = pop();
        while (top && top.name !== name) top = pop();
        cut = top?.cut === true;
      }
      if (cut) {
        const gt = html.indexOf(">", end);
        cuts.push([html.lastIndexOf("</", start), gt < 0 ? html.length : gt + 1]);
      } else if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
    },
    ontext() {},
    ontextentity() {},
    onattribentity() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  Tokenizer ??= (require("htmlparser2") as { Tokenizer: typeof TokenizerClass }).Tokenizer;
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();

  if (cuts.length === 0) return { html, warnings: [] };
  const warnings: string[] = [];
  if (deep > 0)
    warnings.push(
      `${count(deep, "element")} nested over ${nesting} deep; read as their parent's text`,
    );
  if (longClasses > 0)
    warnings.push(`${count(longClasses, "class attribute")} over ${classLength} characters; cut`);
  return { html: splice(html, cuts), warnings };
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * `s` without the given ranges (in order, not overlapping). A `<` of text just before a cut would
 * open a tag with what follows it, so an empty comment keeps them apart.
 */
function splice(s: string, cuts: [number, number][]): string {
  const parts: string[] = [];
  let from = 0;
  let last = "";
  for (const [start, end] of cuts) {
    if (start > from) {
      parts.push(s.slice(from, start));
      last = s[start - 1] as string;
    }
    if (last === "<") {
      parts.push("<!---->");
      last = ">";
    }
    from = end;
  }
  parts.push(s.slice(from));
  return parts.join("");
}
