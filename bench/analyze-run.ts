/**
 * One analyze() benchmark phase in its own process:
 *   tsx bench/analyze-run.ts <dossier|compromise> <corpus> <limitBytes>
 * `dossier` runs the whole analyze() (places, entities, dates, topics, provisions) on each
 * paragraph-block of the generated corpus; `compromise` runs compromise's people, places and
 * organisations on the same blocks, the baseline. Prints { phase, bytes, ms, docs, matches, maxRssMB }.
 */
import nlp from "compromise";
import { analyze } from "../dist/index.js";
import { chunks } from "./chunks.js";

const [phase, path, limitArg] = process.argv.slice(2);
if (!path || (phase !== "dossier" && phase !== "compromise")) {
  process.stderr.write("usage: analyze-run.ts <dossier|compromise> <corpus> <limitBytes>\n");
  process.exit(2);
}
const limit = Number(limitArg ?? 8 * 1024 * 1024);
const run =
  phase === "dossier"
    ? (text: string) => {
        const a = analyze({ text });
        return a.places.length + a.entities.length + a.provisions.length;
      }
    : (text: string) => {
        const doc = nlp(text);
        return doc.people().length + doc.places().length + doc.organizations().length;
      };
// Warm-up outside the timing, for both phases alike: the JIT compiles the hot paths on the
// first few hundred documents, and a benchmark measures the steady state.
for (const chunk of chunks(path, 512 * 1024, 256 * 1024)) {
  for (const block of chunk.text.split(/\n\n(?=.)/)) run(block);
}
let bytes = 0;
let ms = 0;
let docs = 0;
let matches = 0;
// Documents of about 4 KB: the size of a news article.
for (const chunk of chunks(path, limit, 256 * 1024)) {
  const parts = chunk.text.split(/\n\n(?=.)/);
  let block = "";
  for (const part of parts) {
    block += `${part}\n\n`;
    if (block.length < 4000) continue;
    const t0 = process.hrtime.bigint();
    matches += run(block);
    ms += Number(process.hrtime.bigint() - t0) / 1e6;
    bytes += Buffer.byteLength(block);
    docs++;
    block = "";
  }
}
process.stdout.write(
  `${JSON.stringify({ phase, bytes, ms, docs, matches, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
