/**
 * Metadata of a saved HTML page: `<meta>` tags, `<link rel="canonical">`, `<html lang>` and
 * JSON-LD (`NewsArticle` and friends), plus the structural look-ups `html.ts` makes before
 * Readability runs (the standfirst, the size of the tree). Reads the document; never mutates it.
 */

/** The few DOM members this module and `html.ts` use (linkedom ships no usable types here). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  lastChild: DomNode | null;
  previousSibling: DomNode | null;
}
export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
export interface DomDocument extends DomNode {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomDocument;
}

export interface PageMeta {
  titles: string[];
  publisher: string | null;
  published: string | null;
  authors: string[];
  language: string | null;
  url: string | null;
  lede: string | null;
  meta: Record<string, string>;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  "newsarticle",
  "article",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "backgroundnewsarticle",
  "reviewnewsarticle",
  "blogposting",
]);
/** Meta tags copied to `meta` as they are (article:tag values are joined with ", "). */
const KEPT = [
  "og:type",
  "og:image",
  "og:locale",
  "keywords",
  "news_keywords",
  "article:section",
  "article:tag",
  "article:modified_time",
  "twitter:site",
];
/** Meta tags read for the publication date after JSON-LD `datePublished`. */
const DATE_TAGS = ["pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "datepublished"];
const ISO_LIKE =
  /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?)?$/;

/** Collapses whitespace, trims and NFC-normalises; empty → null. */
export function clean(s: unknown): string | null {
  if (typeof s !== "string") return null;
  const t = s
    .replace(/[\s\u200b\ufeff]+/gu, " ")
    .trim()
    .normalize("NFC");
  return t === "" ? null : t;
}

/** `s` trimmed if it reads as an ISO 8601 date or date-time, else null. */
export function isoLike(s: unknown): string | null {
  const t = clean(s);
  return t !== null && ISO_LIKE.test(t) ? t : null;
}

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith("/");
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Parses a JSON-LD script leniently: HTML comments, CDATA and raw control characters. */
function parseJsonLd(raw: string): unknown {
  const attempts = [
    raw,
    raw
      .replace(/^\s*(<!--|<!\[CDATA\[)/, "")
      .replace(/(-->|\]\]>)\s*$/, "")
      .replace(/[\t\n\r\f\v]+/g, " ")
      .replace(/,\s*([}\]])/g, "$1"),
  ];
  for (const text of attempts) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // try the next, more lenient reading
    }
  }
  return undefined;
}

/** Every object in the JSON-LD blocks: top-level arrays and `@graph` flattened. */
function jsonLdNodes(doc: DomDocument): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4) return;
    for (const item of list(v)) {
      if (!isObj(item)) continue;
      out.push(item);
      if (item["@graph"] !== undefined) visit(item["@graph"], depth + 1);
    }
  };
  for (const s of Array.from(doc.querySelectorAll("script"))) {
    const type = (s.getAttribute("type") ?? "").toLowerCase();
    if (!type.includes("ld+json")) continue;
    const text = s.textContent ?? "";
    if (text.length > 2_000_000) continue;
    visit(parseJsonLd(text), 0);
  }
  return out;
}

const typesOf = (node: Json): string[] =>
  list(node["@type"]).flatMap((t) => (typeof t === "string" ? [t.toLowerCase()] : []));

/** A name from a JSON-LD value: a string, `{ name }`, an `@id` reference, or a list of those. */
function names(v: unknown, byId: Map<string, Json>, depth = 0): string[] {
  if (depth > 3) return [];
  return list(v).flatMap((item): string[] => {
    if (typeof item === "string") {
      const s = clean(item);
      return s && !isUrl(s) ? [s] : [];
    }
    if (!isObj(item)) return [];
    const name = clean(item.name);
    if (name && !isUrl(name)) return [name];
    const ref = typeof item["@id"] === "string" ? byId.get(item["@id"]) : undefined;
    return ref && ref !== item ? names(ref, byId, depth + 1) : [];
  });
}

const first = <T>(...xs: (T | null | undefined)[]): T | null => {
  for (const x of xs) if (x !== null && x !== undefined) return x;
  return null;
};

function language(s: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2})(?![a-z])/i.exec(s ?? "");
  return m?.[1] ? m[1].toLowerCase() : null;
}

function resolveUrl(raw: string | null, base: string | undefined): string | null {
  const s = clean(raw);
  if (s === null) return null;
  try {
    return new URL(s, base).href;
  } catch {
    return /^https?:\/\//i.test(s) ? s : null;
  }
}

/**
 * Reads the page's metadata. Relative canonical / og:url addresses resolve against `baseUrl`.
 * `titles` holds every title candidate in order of preference, site names not yet stripped.
 */
export function readMeta(doc: DomDocument, baseUrl?: string): PageMeta {
  // Meta tags by lower-cased property / name / http-equiv / itemprop: every value, in order.
  const tags = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll("meta"))) {
    const content = clean(m.getAttribute("content"));
    if (content === null) continue;
    for (const attr of ["property", "name", "http-equiv", "itemprop"]) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const values = tags.get(key) ?? [];
      values.push(content);
      tags.set(key, values);
    }
  }
  const tag = (key: string): string | null => tags.get(key)?.[0] ?? null;

  const nodes = jsonLdNodes(doc);
  const byId = new Map<string, Json>();
  for (const n of nodes) if (typeof n["@id"] === "string") byId.set(n["@id"], n);
  const ld = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));

  const titles: string[] = [];
  for (const t of [tag("og:title"), tag("twitter:title"), clean(ld?.headline)]) {
    if (t) titles.push(t);
  }
  const docTitle = clean(doc.querySelector("title")?.textContent);
  if (docTitle) titles.push(docTitle);

  const authors: string[] = [];
  const seen = new Set<string>();
  const candidates = [
    ...names(ld?.author, byId),
    ...(tags.get("author") ?? []),
    ...(tags.get("article:author") ?? []),
  ];
  for (const a of candidates) {
    if (isUrl(a) || seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    authors.push(a);
  }

  let published: string | null = null;
  for (const c of [tag("article:published_time"), ld?.datePublished, ...DATE_TAGS.map(tag)]) {
    published = isoLike(c);
    if (published) break;
  }
  if (!published) {
    // A <time> inside the article, or the page's only one (a lone date is the article's).
    const inArticle = Array.from(doc.querySelectorAll("article time[datetime]"));
    const all = inArticle.length ? [] : Array.from(doc.querySelectorAll("time[datetime]"));
    for (const t of inArticle.length ? inArticle : all.length === 1 ? all : []) {
      published = isoLike(t.getAttribute("datetime"));
      if (published) break;
    }
  }

  const meta: Record<string, string> = {};
  for (const key of KEPT) {
    const values = tags.get(key);
    if (values?.length) meta[key] = key === "article:tag" ? values.join(", ") : (values[0] ?? "");
  }
  const ldKeywords = list(ld?.keywords).filter((k): k is string => typeof k === "string");
  if (!meta.keywords && ldKeywords.length) meta.keywords = ldKeywords.join(", ");
  const section = clean(list(ld?.articleSection)[0]);
  if (!meta["article:section"] && section) meta["article:section"] = section;
  const modified = isoLike(ld?.dateModified);
  if (!meta["article:modified_time"] && modified) meta["article:modified_time"] = modified;
  const ldType = ld ? list(ld["@type"]).find((t) => typeof t === "string") : undefined;
  if (typeof ldType === "string") meta["ld:type"] = ldType;

  const html = doc.documentElement;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? null;
  return {
    titles,
    publisher: first(tag("og:site_name"), names(ld?.publisher, byId)[0], tag("application-name")),
    published,
    authors,
    language: first(
      language(html?.getAttribute("lang")),
      language(html?.getAttribute("xml:lang")),
      language(tag("og:locale")),
      language(tag("content-language")),
    ),
    url: first(resolveUrl(canonical, baseUrl), resolveUrl(tag("og:url"), baseUrl)),
    lede: first(tag("description"), tag("og:description"), tag("twitter:description")),
    meta,
  };
}

/** Drops a " | Site" / " - Site" suffix (or "Site | " prefix) when it names the site. */
export function stripSiteName(title: string, site: string | null): string {
  if (!site) return title;
  const key = site.toLowerCase();
  const m = /^(.+?)\s+[|\-–—:·»]+\s+(.+)$/u.exec(title);
  if (!m?.[1] || !m[2]) return title;
  // The last separator splits off the suffix; try it first, then the first one for a prefix.
  const last = /^(.+)\s+[|\-–—:·»]+\s+(.+?)$/u.exec(title);
  if (last?.[1] && last[2]?.toLowerCase() === key) return last[1].trim();
  if (m[1].toLowerCase() === key) return m[2].trim();
  return title;
}

/** Class tokens Vietnamese and other news sites give the standfirst ("sapo" in Vietnamese CMSs). */
const SAPO_CLASS = /(?:^|[\s_-])(?:sapo|chapeau|lead|summary|description|standfirst)(?:$|[\s_-])/i;
const SAPO_SELECTOR = ["sapo", "chapeau", "lead", "summary", "description", "standfirst"]
  .map((c) => `[class*="${c}"]`)
  .join(",");

/** The article's standfirst, which Readability often drops when it sits outside the body div. */
export function findSapo(doc: DomDocument): DomElement | null {
  const root = doc.querySelector("article") ?? doc.body;
  if (!root) return null;
  for (const el of Array.from(root.querySelectorAll(SAPO_SELECTOR))) {
    if (!/^(?:P|DIV|H2|H3|H4|SPAN|STRONG|B|EM)$/i.test(el.tagName)) continue;
    if (!SAPO_CLASS.test(el.getAttribute("class") ?? "")) continue;
    const len = (el.textContent ?? "").trim().length;
    if (len >= 40 && len <= 1500) return el;
  }
  return null;
}

/**
 * The element nesting depth below `root` and the number of elements under it, counting no
 * further than either limit + 1: enough to tell whether a page is too large for Readability.
 */
export function treeShape(
  root: DomNode,
  limits: { depth: number; elements: number },
): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, level] = top;
    if (level > depth) depth = level;
    if (depth > limits.depth || elements > limits.elements) break;
    for (let kid = node.lastChild; kid; kid = kid.previousSibling) {
      if (kid.nodeType === 1) {
        elements++;
        stack.push([kid, level + 1]);
      }
    }
  }
  return { depth, elements };
}
