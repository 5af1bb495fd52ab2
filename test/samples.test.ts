import { describe, expect, it } from "vitest";
import {
  analyze,
  type CompareInput,
  compare,
  type Document,
  type IngestItem,
  ingestPaths,
} from "../src/index.js";

// The bundled sample corpus that `npm start` reads: it must stay readable, varied and rich
// enough that a new user sees a real library (both languages, most provinces, a statement pair).
const SAMPLES = new URL("../samples", import.meta.url).pathname;

const items: IngestItem[] = [...ingestPaths([SAMPLES])];
const documents: Document[] = items.flatMap((i) => ("document" in i ? [i.document] : []));
// README.md describes the corpus; it is not one of its documents.
const corpus = documents.filter((d) => !d.source.endsWith("README.md"));
const analyses = corpus.map((d) => ({ document: d, analysis: analyze(d) }));

const statement = (name: string): CompareInput => {
  const found = analyses.find((a) => a.document.source.endsWith(name));
  if (!found) throw new Error(`sample ${name} not found`);
  const { document, analysis } = found;
  return {
    source: document.source,
    title: document.title,
    published: document.published,
    provisions: analysis.provisions,
  };
};

describe("samples/", () => {
  it("reads every file without an error or a warning", () => {
    expect(items.flatMap((i) => ("error" in i ? [i.error.message] : []))).toEqual([]);
    expect(documents.flatMap((d) => d.warnings)).toEqual([]);
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it("holds English and Vietnamese documents in every format, with titles and dates", () => {
    const languages = new Set(corpus.map((d) => d.language));
    expect(languages).toContain("en");
    expect(languages).toContain("vi");
    expect(corpus.filter((d) => d.language === "vi").length).toBeGreaterThanOrEqual(12);
    const formats = new Set(corpus.map((d) => d.format));
    for (const f of ["text", "html", "jsonl"] as const) expect(formats).toContain(f);
    expect(corpus.filter((d) => d.title === null).map((d) => d.source)).toEqual([]);
    expect(corpus.filter((d) => d.published === null).length).toBeLessThanOrEqual(2);
    const years = new Set(corpus.flatMap((d) => (d.published ? [d.published.slice(0, 4)] : [])));
    expect([...years].sort()).toEqual(["2023", "2024", "2025", "2026"]);
  });

  it("mentions most provinces, before and after the July 2025 merger", () => {
    const old = new Set(analyses.flatMap((a) => a.analysis.provinces.map((p) => p.code)));
    const merged = new Set(analyses.flatMap((a) => a.analysis.provinces2025.map((p) => p.code)));
    expect(old.size).toBeGreaterThanOrEqual(35);
    expect(merged.size).toBeGreaterThanOrEqual(25);
  });

  it("gives each joint statement enough provisions", () => {
    for (const name of [
      "vn-japan-joint-statement-2023.txt",
      "vn-japan-joint-statement-2025.txt",
      "tuyen-bo-chung-viet-nam-malaysia-2024-vi.txt",
    ])
      expect(statement(name).provisions.length, name).toBeGreaterThanOrEqual(12);
  });

  it("pairs the two Japan statements: some provisions carried over, some changed or new", () => {
    const c = compare(
      statement("vn-japan-joint-statement-2023.txt"),
      statement("vn-japan-joint-statement-2025.txt"),
    );
    expect(c.summary.same).toBeGreaterThanOrEqual(1);
    expect(c.summary.reworded + c.summary.only_b).toBeGreaterThanOrEqual(1);
    expect(c.summary.only_a).toBeGreaterThanOrEqual(1);
    expect(c.summary.only_b).toBeGreaterThanOrEqual(1);
    expect(c.summary.stanceChanges).toBeGreaterThanOrEqual(1);
  });
});
