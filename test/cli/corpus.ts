import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A generated folder of news reports and joint statements (our own sentences) big enough that
 * every data command prints far more than a pipe holds (64 KiB), so a reader that stops early
 * really closes the pipe on a command still writing.
 */
const PLACES = ["Hanoi", "Da Nang", "Hue", "Hai Phong", "Can Tho", "Quang Ninh", "Lao Cai"];

export function statementText(i: number, provisions: number): string {
  const lines = [`JOINT STATEMENT between Viet Nam and Japan, number ${i}`, ""];
  for (let k = 0; k < provisions; k++) {
    const place = PLACES[(i + k) % PLACES.length];
    lines.push(
      `${k + 1}. Both sides agreed to strengthen cooperation on ports and energy in ${place}, step ${k} of plan ${i}.`,
      "",
    );
  }
  return lines.join("\n");
}

export function newsText(i: number): string {
  const sentences: string[] = [`Floods and repairs, report ${i}`, ""];
  for (let k = 0; k < 30; k++) {
    const a = PLACES[(i + k) % PLACES.length];
    const b = PLACES[(i + 2 * k + 1) % PLACES.length];
    sentences.push(
      `HANOI (VNA) – Crews from ${a} travelled to ${b} on day ${k} to repair roads damaged in storm ${i}.`,
      "",
    );
  }
  return sentences.join("\n");
}

/** `files` news reports and statements in `dir`, half of each. */
export function writeCorpus(dir: string, files = 60): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) {
    const text = i % 2 === 0 ? newsText(i) : statementText(i, 20);
    writeFileSync(join(dir, `doc-${String(i).padStart(3, "0")}.txt`), text);
  }
}
