import fc from "fast-check";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { boundMarkup, MAX_CLASS, MAX_NESTING } from "../../src/ingest/html-bounds.js";

/**
 * What linkedom's parser sees: the deepest its stack of open elements gets (each tag costs that
 * depth in htmlparser2, so a bounded depth is a linear parse) and the text it reads.
 */
function parsed(html: string): { depth: number; text: string; classes: string[] } {
  const open: string[] = [];
  let max = 0;
  let text = "";
  const classes: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push(name);
        if (!VOID.has(name)) max = Math.max(max, open.filter((t) => !VOID.has(t)).length);
        if (attributes.class !== undefined) classes.push(attributes.class);
      },
      onclosetag() {
        open.pop();
      },
      ontext(t) {
        text += t;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  parser.write(html);
  parser.end();
  return { depth: max, text, classes };
}

/** The parser reports void elements as opened and closed at once: no depth of their own. */
const VOID = new Set(["br", "img"]);
const TAGS =
  `b div p li td tr table tbody svg math foreignObject desc mi title script style textarea
  xmp br img span option select dd dt h1 ul a`.split(/\s+/);
/** Tag soup: opening, closing and self-closing tags, stray closes, and text that looks like tags. */
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.constantFrom(...TAGS).map((t) => `<${t}/>`),
      fc.constantFrom(...TAGS).map((t) => `<${t} class="k ${t}">`),
      fc.constantFrom(
        "x",
        " ",
        "<",
        "<<",
        "</",
        "a > b",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<!doctype html>",
        "<?pi?>",
        "</ b>",
        "<B>",
        "</B >",
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("boundMarkup", () => {
  it("returns markup within bounds unchanged", () => {
    fc.assert(
      fc.property(soup, (html) => {
        expect(boundMarkup(html)).toEqual({ html, warnings: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the parser within the nesting bound, whatever the soup, and keeps its text", () => {
    fc.assert(
      fc.property(soup, fc.integer({ min: 1, max: 6 }), (html, nesting) => {
        const bounded = boundMarkup(html, { nesting });
        const before = parsed(html);
        const after = parsed(bounded.html);
        // One more for a raw-text element (script, title…) or a momentary <p> from a stray </p>.
        expect(after.depth).toBeLessThanOrEqual(nesting + 1);
        expect(after.text).toBe(before.text);
        if (before.depth <= nesting) expect(bounded.html).toBe(html);
      }),
      { numRuns: 2000 },
    );
  });

  it("flattens 100,000 nested tags to the bound, one warning, text kept", () => {
    for (const tag of ["div", "b", "span", "table", "svg"]) {
      const html = `${`<${tag}>`.repeat(100_000)}Hanoi${`</${tag}>`.repeat(100_000)}<p>after</p>`;
      const bounded = boundMarkup(html);
      const after = parsed(bounded.html);
      expect(after.depth).toBeLessThanOrEqual(MAX_NESTING + 1);
      expect(after.text).toBe("Hanoiafter");
      expect(bounded.warnings).toEqual([
        `${100_000 - MAX_NESTING} elements nested over ${MAX_NESTING} deep; read as their parent's text`,
      ]);
    }
  });

  it("does not let a cut tag join a stray '<' into a new tag", () => {
    const html = `${"<b>".repeat(3)}${"<<i>i>".repeat(1000)}`;
    const after = parsed(boundMarkup(html, { nesting: 3 }).html);
    expect(after.depth).toBeLessThanOrEqual(4);
    expect(after.text).toBe(parsed(html).text);
  });

  it("cuts class values to MAX_CLASS characters", () => {
    const html = `<p class="${"a ".repeat(150_000)}">Hue</p><p class="short">x</p>`;
    const bounded = boundMarkup(html);
    expect(parsed(bounded.html).classes.map((c) => c.length)).toEqual([MAX_CLASS, 5]);
    expect(bounded.warnings).toEqual([`1 class attribute over ${MAX_CLASS} characters; cut`]);
    // On a raw-text tag too deep to keep, self-closed (so not raw after all): it goes whole.
    const deep = `<b><b><script class="${"a ".repeat(50)}"/><i>x</i>"y"`;
    const cut = boundMarkup(deep, { nesting: 2, classLength: 10 });
    expect(cut.html).toBe('<b><b>x"y"');
    expect(cut.warnings).toEqual(["2 elements nested over 2 deep; read as their parent's text"]);
  });
});
