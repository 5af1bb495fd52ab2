/**
 * Garbage in, in the same order of time as normal text: `tsx scripts/garbage-check.ts [MB]`
 * runs analyze() once on MB (default 10) of each of: normal generated news (the bench corpus),
 * text without a full stop, deeply repeated phrases, random Unicode, and dense date-like noise,
 * and prints the seconds each takes. No super-linear step should show.
 */

import { chunks } from "../bench/chunks.js";
import { generateCorpus } from "../bench/corpus.js";
import { analyze } from "../src/index.js";

const mb = Number(process.argv[2] ?? 10);
const size = mb * 1024 * 1024;
const corpus = new URL("../bench/.cache/geo-corpus-100mb.txt", import.meta.url).pathname;
generateCorpus(corpus, 100 * 1024 * 1024);
const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const cases: Record<string, string> = {
  "normal news": [...chunks(corpus, size)].map((c) => c.text).join(""),
  "no full stop": fill(
    "Both sides agreed to cooperate in the field of energy and oil and gas in Ha Noi and Russia ",
  ),
  "repeated phrases": fill("President President Minister Minister the two sides the two sides "),
  "random Unicode": Array.from({ length: size }, (_, i) =>
    String.fromCharCode(32 + ((i * 7919 + (i >> 3)) % 0xd700)),
  ).join(""),
  "date-like noise": fill("2021-2025 12/5/2025 May 8-11 "),
};
analyze({ text: "warm up in Ha Noi" });
for (const [name, text] of Object.entries(cases)) {
  const t0 = performance.now();
  const a = analyze({ text });
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(
    `${name.padEnd(18)} ${(text.length / 1e6).toFixed(1)} M chars  ${s.toFixed(2)} s  (${a.places.length} places, ${a.entities.length} entities, ${a.dates.length} dates)\n`,
  );
}
