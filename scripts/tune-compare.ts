/**
 * How compare()'s weights and thresholds were chosen: `npm run tune:compare -- <corpus-dir>[=<texts-dir>]
 * … [--samples n] [--seed n]`. Reads statement corpora (pairs.jsonl, as eval:compare does;
 * the texts beside it or in the folder after "="),
 * scores every provision pair once, then tries random settings of WEIGHTS and the threshold,
 * each judged by strong alignments found and one-sided provisions left
 * alone, minus three times the near-misses aligned. Prints the best setting on the whole corpus, the leave-one-family-out
 * cross-validation of the search (each family judged by a setting chosen without it: what to
 * expect on statements not seen), and the logistic calibration of the score into a confidence.
 * It changes nothing: the chosen values are copied into src/compare by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { assign, relative } from "../src/compare/assign.js";
import { featuresOf } from "../src/compare/features.js";
import { DEFAULT_COMPARE_OPTIONS, partiesOf } from "../src/compare/index.js";
import { type PairScore, scorePairs, WEIGHTS, type Weights } from "../src/compare/similarity.js";
import { defaultTermLexicon } from "../src/compare/terms.js";
import type { Provision } from "../src/extract/provisions/types.js";
import { analyze, ingest } from "../src/index.js";
import { readJsonl } from "./statements-corpus.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { samples: { type: "string", default: "3000" }, seed: { type: "string", default: "7" } },
});
if (positionals.length === 0) {
  process.stderr.write("usage: npm run tune:compare -- <corpus-dir> [--samples n] [--seed n]\n");
  process.exit(2);
}
interface Rec {
  pair: string;
  a_file: string;
  b_file: string;
  label: string;
  a: string[];
  b: string[];
}
const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const docs = new Map<string, Provision[]>();
const provisionsOf = (dir: string, file: string) => {
  let p = docs.get(join(dir, file));
  if (!p) {
    p = analyze(ingest(readFileSync(join(dir, file)), { source: file })).provisions;
    docs.set(join(dir, file), p);
  }
  return p;
};
const lex = defaultTermLexicon();
interface Case {
  family: string;
  scores: PairScore[][];
  records: { label: string; as: number[]; bs: number[] }[];
}
const cases: Case[] = positionals.flatMap((arg) => {
  const [dir = arg, texts = dir] = arg.split("=");
  const records = readJsonl<Rec>(join(dir, "pairs.jsonl"));
  return [...new Set(records.map((r) => r.pair))].map((pair) => caseOf(texts, pair, records));
});
function caseOf(texts: string, pair: string, records: Rec[]): Case {
  const rs = records.filter((r) => r.pair === pair);
  const A = provisionsOf(texts, (rs[0] as Rec).a_file);
  const B = provisionsOf(texts, (rs[0] as Rec).b_file);
  const index = (ps: Provision[], s: string) =>
    ps.findIndex((p) => norm(p.text).includes(norm(s)) || norm(s).includes(norm(p.text)));
  return {
    family: pair.split(/_|-vs-/)[0] ?? pair,
    scores: (() => {
      const parties = partiesOf([...A, ...B]);
      return scorePairs(
        A,
        B,
        A.map((p) => featuresOf(p, lex, parties)),
        B.map((p) => featuresOf(p, lex, parties)),
      );
    })(),
    records: rs.map((r) => ({
      label: r.label,
      as: r.a.map((s) => index(A, s)),
      bs: r.b.map((s) => index(B, s)),
    })),
  };
}

interface Setting {
  weights: Weights;
  threshold: number;
}
/** The score under other weights, from the parts a PairScore keeps. */
const rescore = (s: PairScore, w: Weights) => {
  const r = s.reasons;
  const bonus =
    (r.stance === "same" ? w.stance : 0) +
    (r.entities.length > 0 ? w.entity : 0) -
    (r.clash ? w.clash : 0);
  return Math.max(0, s.wording * (1 + bonus));
};
function judge(cs: Case[], set: Setting) {
  let strong = 0;
  let near = 0;
  let alone = 0;
  for (const c of cs) {
    const raw = c.scores.map((row) => row.map((s) => rescore(s, set.weights)));
    const shared = (i: number, j: number) => ((c.scores[i] as PairScore[])[j] as PairScore).shared;
    const links = assign(raw, relative(raw), set.threshold, ([i, j], [mi, mj]) =>
      [...shared(i, j)].some((t) => !t.startsWith("~") && !shared(mi, mj).has(t)),
    );
    const linked = (i: number, j: number) => links.some((l) => l.i === i && l.j === j);
    for (const r of c.records) {
      if (r.as.includes(-1) || r.bs.includes(-1)) continue;
      const any = r.as.some((i) => r.bs.some((j) => linked(i, j)));
      if (r.label === "strong" && any) strong++;
      if (r.label === "near-miss" && any) near++;
      const left = (r.label === "only_a" ? r.as : r.label === "only_b" ? r.bs : []).every(
        (x) => !links.some((l) => (r.label === "only_a" ? l.i : l.j) === x),
      );
      if ((r.label === "only_a" || r.label === "only_b") && left) alone++;
    }
  }
  return { strong, near, alone, objective: strong + alone - 3 * near };
}
let seed = Number(values.seed);
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const settings: Setting[] = [
  { weights: WEIGHTS, threshold: DEFAULT_COMPARE_OPTIONS.threshold },
  ...Array.from({ length: Number(values.samples) }, () => {
    const threshold = random() * 4;
    return {
      weights: {
        stance: random() * 3,
        entity: random() * 1.5,
        clash: random() * 1.5,
      },
      threshold,
    };
  }),
];
/**
 * A setting's objective averaged with four neighbours' (each value moved by up to a tenth): a
 * setting on a narrow peak of this small corpus is worth less than one on a plateau.
 */
function robust(cs: Case[], set: Setting): ReturnType<typeof judge> {
  const j = judge(cs, set);
  let sum = j.objective;
  for (let k = 0; k < 4; k++) {
    const m = () => 1 + (random() - 0.5) * 0.2;
    const w = set.weights;
    sum += judge(cs, {
      weights: { stance: w.stance * m(), entity: w.entity * m(), clash: w.clash * m() },
      threshold: set.threshold * m(),
    }).objective;
  }
  return { ...j, objective: sum / 5 };
}

/** The best setting for some cases: the random ones, then small steps around the ten best. */
const best = (cs: Case[]) => {
  const judged = settings
    .map((s) => ({ s, j: robust(cs, s) }))
    .sort((x, y) => y.j.objective - x.j.objective);
  const top = judged.slice(0, 10);
  for (const start of top.slice()) {
    let here = start;
    for (let step = 0; step < 200; step++) {
      const s = here.s;
      const jiggle = (v: number, lo: number, hi: number, step = 0.2) =>
        Math.min(hi, Math.max(lo, v + (random() - 0.5) * step));
      const t = jiggle(s.threshold, 0, 6, 1);
      const next: Setting = {
        weights: {
          stance: jiggle(s.weights.stance, 0, 3),
          entity: jiggle(s.weights.entity, 0, 1.5),
          clash: jiggle(s.weights.clash, 0, 1.5),
        },
        threshold: t,
      };
      const j = robust(cs, next);
      if (j.objective >= here.j.objective) here = { s: next, j };
    }
    top.push(here);
  }
  return top.sort((x, y) => y.j.objective - x.j.objective)[0] as {
    s: Setting;
    j: ReturnType<typeof judge>;
  };
};
const total = (label: string) =>
  cases.flatMap((c) => c.records).filter((r) => r.label === label).length;
const current = judge(cases, settings[0] as Setting);
const one = total("only_a") + total("only_b");
process.stdout.write(
  `current (src/compare): strong ${current.strong}/${total("strong")}, near-misses ${current.near}/${total("near-miss")}, one-sided left alone ${current.alone}/${one}\n`,
);
const whole = best(cases);
process.stdout.write(
  `best on the corpus: strong ${whole.j.strong}/${total("strong")}, near-misses ${whole.j.near}/${total("near-miss")}, one-sided left alone ${whole.j.alone}/${one}\n  ${JSON.stringify(whole.s, (_, v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v))}\n`,
);
let cvStrong = 0;
let cvNear = 0;
for (const family of new Set(cases.map((c) => c.family))) {
  const chosen = best(cases.filter((c) => c.family !== family));
  const j = judge(
    cases.filter((c) => c.family === family),
    chosen.s,
  );
  process.stdout.write(
    `    chosen without it: ${JSON.stringify(chosen.s, (_, v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v))}\n`,
  );
  cvStrong += j.strong;
  cvNear += j.near;
  process.stdout.write(
    `  held out ${family}: strong ${j.strong}, near-misses ${j.near}, one-sided left alone ${j.alone}\n`,
  );
}
process.stdout.write(
  `cross-validated: strong ${cvStrong}/${total("strong")}, near-misses ${cvNear}/${total("near-miss")}\n`,
);

const relativeOf = (c: Case, set: Setting) =>
  relative(c.scores.map((row) => row.map((s) => rescore(s, set.weights))));
// Calibration: P(strong | score) by logistic regression over the judged pairs of the chosen setting.
const points: { x: number; y: number }[] = [];
for (const c of cases)
  for (const r of c.records) {
    if (r.label !== "strong" && r.label !== "near-miss") continue;
    for (const i of r.as)
      for (const j of r.bs)
        if (i >= 0 && j >= 0)
          points.push({
            x: (relativeOf(c, whole.s)[i] as number[])[j] as number,
            y: r.label === "strong" ? 1 : 0,
          });
  }
let slope = 1;
let intercept = 0;
for (let it = 0; it < 20000; it++) {
  let gs = 0;
  let gi = 0;
  for (const p of points) {
    const e = 1 / (1 + Math.exp(-(slope * p.x + intercept))) - p.y;
    gs += e * p.x;
    gi += e;
  }
  slope -= (0.5 * gs) / points.length;
  intercept -= (0.5 * gi) / points.length;
}
process.stdout.write(
  `calibration over ${points.length} judged pairs: slope ${slope.toFixed(2)}, intercept ${intercept.toFixed(2)}\n`,
);
