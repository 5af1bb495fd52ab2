/** Shared pieces of the statement evaluations: the corpus files and a plain text table. */
import { readFileSync } from "node:fs";
import { findEntities } from "../src/index.js";

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

/**
 * The gold's actor is "joint", a country ("Japan"), a person ("Shinzo Abe") or an official
 * ("United Kingdom (Minister of State Hugo Swire)"): its kind in our terms.
 */
export function goldActorKind(actor: string): "joint" | "party" | "person" {
  if (actor === "joint") return "joint";
  const [e] = findEntities(actor);
  return e?.type === "country" && e.start === 0 && e.end === actor.length ? "party" : "person";
}

export function table(head: string[], rows: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(width[i] ?? 0)).join("  ");
  return `${[line(head), ...rows.map(line)].join("\n")}\n`;
}
