/**
 * What users run, as whole processes, each beside its floor in the same run:
 * `tsx bench/cli-run.ts [--corpus file] [--runs 3] [--places-mb 64] [--analyze-mb 20]`.
 * - `dossier places` on a folder of ~100 KB text files (prefixes of the generated corpus, cut at
 *   paragraph breaks), beside `LC_ALL=C grep -o -F -f <every name form>` (the C locale: grep's
 *   fast byte path, not its multibyte one), a literal `gi` alternation of the same forms in
 *   node (bench/alternation.mjs), and `cat` (reading alone);
 * - `dossier analyze` (JSON) on the first `--analyze-mb` of that folder, beside `cat`;
 * - cold start: `dossier places` on a one-line file, beside `node -e 0`.
 * Wall time min / median / max over `--runs`, CPU time, peak RSS; ratios at the median. The
 * alternation reads only the first `--alt-mb` (4) of the folder: with every name form it is slow.
 */
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stripDiacritics } from "../dist/index.js";
import { generateCorpus } from "./corpus.js";
import { placeNames, unitNames } from "./names.js";
import { MB, rateOf, repeat, runWhole, type Summary, seconds } from "./whole.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    runs: { type: "string", default: "3" },
    "places-mb": { type: "string", default: "64" },
    "analyze-mb": { type: "string", default: "20" },
    "file-kb": { type: "string", default: "100" },
    "alt-mb": { type: "string", default: "4" },
  },
});
const runs = Number(values.runs);
const placesMb = Number(values["places-mb"]);
const analyzeMb = Number(values["analyze-mb"]);
const altMb = Number(values["alt-mb"]);
const corpus =
  values.corpus ?? new URL(`./.cache/geo-corpus-${placesMb}mb-units.txt`, import.meta.url).pathname;
generateCorpus(corpus, placesMb * MB + MB);

/** Writes `mb` of the corpus as files of about `kb` each, cut at paragraph breaks; returns the bytes. */
function folder(dir: string, mb: number, kb: number): number {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(corpus, "r");
  const total = mb * MB;
  const buf = Buffer.alloc(total + 64 * 1024);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let pos = 0;
  let k = 0;
  while (pos < total) {
    const cut = buf.indexOf("\n\n", Math.min(n, pos + kb * 1024));
    const end = cut < 0 || cut + 2 > n ? n : cut + 2;
    writeFileSync(join(dir, `${String(k++).padStart(5, "0")}.txt`), buf.subarray(pos, end));
    pos = end;
    if (end === n) break;
  }
  return pos;
}

const work = mkdtempSync(join(tmpdir(), "dossier-cli-bench-"));
const cli = new URL("../bin/dossier.js", import.meta.url).pathname;
const alternation = new URL("./alternation.mjs", import.meta.url).pathname;
const node = process.execPath;
const line = (name: string, s: Summary, bytes?: number) =>
  `  ${name.padEnd(44)} ${seconds(s).padStart(24)}   CPU ${(s.cpuMs / 1000).toFixed(2).padStart(6)} s   peak RSS ${s.maxRssMB.toFixed(0).padStart(4)} MB${bytes === undefined ? "" : `   ${rateOf(bytes, s).toFixed(1).padStart(7)} MB/s`}\n`;
const bar = (ok: boolean) => (ok ? "met" : "NOT MET");
try {
  const big = join(work, "places");
  const small = join(work, "analyze");
  const placesBytes = folder(big, placesMb, Number(values["file-kb"]));
  const analyzeBytes = folder(small, analyzeMb, Number(values["file-kb"]));
  const files = (dir: string) => `${dir}/*.txt`;
  // Every form of every name the geoparser knows: as written, without diacritics, run together,
  // in capitals.
  const forms = new Set<string>();
  for (const n of [...placeNames(), ...unitNames()]) {
    const bare = stripDiacritics(n);
    for (const f of [n, bare, bare.replace(/ /g, ""), n.toUpperCase(), bare.toUpperCase()])
      forms.add(f);
  }
  const names = join(work, "names.txt");
  writeFileSync(names, `${[...forms].join("\n")}\n`);
  const sh = (script: string, env?: NodeJS.ProcessEnv) =>
    runWhole("sh", ["-c", script], { env, okStatus: [0, 1] });

  const places = repeat(runs, () => runWhole(node, [cli, "places", big]));
  const grep = repeat(runs, () =>
    // Counted through wc: GNU grep writing to /dev/null stops at the first match.
    sh(`grep -o -F -f ${names} -r ${big} | wc -l > /dev/null`, { ...process.env, LC_ALL: "C" }),
  );
  // The alternation is slow with tens of thousands of forms: it reads a prefix of the folder,
  // and its MB/s is a rate, so the prefix measures it fairly.
  const altFiles = readdirSync(big)
    .sort()
    .slice(0, Math.max(1, Math.round((altMb * MB) / (Number(values["file-kb"]) * 1024))))
    .map((f) => join(big, f));
  const altBytes = altFiles.reduce((n, f) => n + statSync(f).size, 0);
  const alt = repeat(runs, () => runWhole(node, [alternation, names, ...altFiles]));
  const cat = repeat(runs, () => sh(`cat ${files(big)} > /dev/null`));
  process.stdout.write(
    `\ndossier places, whole process, ${(placesBytes / MB).toFixed(0)} MB in ~${values["file-kb"]} KB files (${runs} runs: min / median / max)\n`,
  );
  process.stdout.write(line("dossier places <folder>", places, placesBytes));
  const placesRateOf = () => rateOf(placesBytes, places);
  const placesRate = placesRateOf();
  process.stdout.write(line(`LC_ALL=C grep -o -F -f <${forms.size} forms>`, grep, placesBytes));
  process.stdout.write(
    line(`literal gi alternation (node; first ${(altBytes / MB).toFixed(1)} MB)`, alt, altBytes),
  );
  process.stdout.write(line("cat", cat, placesBytes));
  process.stdout.write(
    `  ratios: places / grep ${(places.median / grep.median).toFixed(1)}x the time; places / gi alternation ${(placesRateOf() / rateOf(altBytes, alt)).toFixed(1)}x the speed; places / cat ${(places.median / cat.median).toFixed(0)}x the time\n`,
  );
  process.stdout.write(
    `  bars: >= 25 MB/s ${bar(placesRate >= 25)} (${placesRate.toFixed(1)}); within 10x of grep ${bar(places.median <= 10 * grep.median)}; peak RSS < 400 MB ${bar(places.maxRssMB < 400)}\n`,
  );

  const analyze = repeat(runs, () => runWhole(node, [cli, "analyze", small]));
  const catSmall = repeat(runs, () => sh(`cat ${files(small)} > /dev/null`));
  process.stdout.write(
    `\ndossier analyze (JSON), whole process, ${(analyzeBytes / MB).toFixed(0)} MB in ~${values["file-kb"]} KB files\n`,
  );
  process.stdout.write(line("dossier analyze <folder>", analyze, analyzeBytes));
  process.stdout.write(line("cat", catSmall, analyzeBytes));
  const analyzeRate = rateOf(analyzeBytes, analyze);
  process.stdout.write(
    `  bars: >= 10 MB/s ${bar(analyzeRate >= 10)} (${analyzeRate.toFixed(1)}); peak RSS < 400 MB ${bar(analyze.maxRssMB < 400)}\n`,
  );

  const tiny = join(work, "tiny.txt");
  writeFileSync(tiny, "Storm Yagi hit Hai Phong and Quang Ninh.\n");
  const cold = repeat(Math.max(runs, 5), () => runWhole(node, [cli, "places", tiny]));
  const bare = repeat(Math.max(runs, 5), () => runWhole(node, ["-e", "0"]));
  process.stdout.write("\ncold start\n");
  process.stdout.write(line("dossier places <one-line file>", cold));
  process.stdout.write(line("node -e 0", bare));
  process.stdout.write(
    `  ratio ${(cold.median / bare.median).toFixed(1)}x (bar <= 3x: ${bar(cold.median <= 3 * bare.median)})\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
