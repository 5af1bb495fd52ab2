import { analyze } from "../../analyze.js";
import type { Document } from "../../ingest/types.js";
import { type ListFormat, listElement } from "../output.js";
import { analysisText } from "./analysis.js";

export type AnalyzeFormat = ListFormat | "text";

/**
 * One document analysed, as `dossier analyze` prints it (a list element, or a text report),
 * made where it was analysed: a worker thread, or the command's own.
 */
export function analyzeOutput(source: string, document: Document, format: AnalyzeFormat): string {
  const analysis = analyze(document);
  return format === "text"
    ? analysisText(source, document, analysis)
    : listElement({ source, document, analysis }, format);
}
