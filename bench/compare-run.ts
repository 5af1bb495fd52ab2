/**
 * Compare benchmark phases (one process each):
 *   tsx bench/compare-run.ts pair            two generated 200-provision statements, compare()
 *   tsx bench/compare-run.ts nearest|naive   one statement against 50 earlier ones (10,000
 *                                           provisions): the inverted index, or all pairs
 * Prints { phase, ms, provisions, found, maxRssMB }.
 */
import { compare } from "../src/compare/index.js";
import { indexStatements, nearestStatement } from "../src/compare/nearest.js";
import { features, similarity } from "../src/compare/similarity.js";
import type { CompareInput } from "../src/compare/types.js";
import { analyze } from "../src/index.js";
import { mulberry32 } from "./corpus.js";

const VERBS = [
  "agreed to",
  "reaffirmed their commitment to",
  "voiced support for",
  "welcomed",
  "noted",
  "emphasized the need to",
  "expressed their readiness to",
];
const ACTIONS = [
  "expand",
  "strengthen",
  "promote",
  "facilitate",
  "deepen",
  "accelerate",
  "coordinate",
];
const FIELDS = [
  "trade in rice and coffee",
  "oil and gas projects on the continental shelf",
  "the nuclear science and technology centre",
  "education and training of students",
  "healthcare and pharmaceuticals",
  "freedom of navigation under UNCLOS 1982",
  "the Declaration on the Conduct of Parties in the East Sea",
  "direct flights and tourism",
  "payments in national currencies",
  "digital transformation and cyber security",
  "agriculture and fisheries",
  "the ASEAN-Russia Strategic Partnership",
  "railway and seaport logistics",
  "renewable energy and power grids",
  "culture and people-to-people exchanges",
  "judicial assistance in criminal matters",
];
const PLACES = [
  "in Ha Noi",
  "in Da Nang",
  "in the Mekong Delta",
  "at the regional level",
  "within the EAEU",
  "within ASEAN",
  "in the coming years",
  "by 2030",
];

function statement(seed: number, size: number): CompareInput {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const lines = ["Joint Statement", ""];
  for (let i = 0; i < size; i++)
    lines.push(
      `Both sides ${pick(VERBS)} ${pick(ACTIONS)} cooperation on ${pick(FIELDS)} ${pick(PLACES)}, item ${seed}-${i}.`,
    );
  const text = lines.join("\n");
  return {
    source: `s${seed}`,
    title: "Joint Statement",
    provisions: analyze({ text, title: "Joint Statement" }).provisions,
  };
}

const phase = process.argv[2];
let ms = 0;
let provisions = 0;
let found: unknown = null;
if (phase === "pair") {
  const a = statement(1, 200);
  const b = statement(2, 200);
  provisions = a.provisions.length + b.provisions.length;
  compare(statement(3, 20), statement(4, 20)); // warm-up
  const t0 = process.hrtime.bigint();
  const c = compare(a, b);
  ms = Number(process.hrtime.bigint() - t0) / 1e6;
  found = c.summary;
} else if (phase === "nearest" || phase === "naive") {
  const corpus = Array.from({ length: 50 }, (_, k) => statement(100 + k, 200));
  const target = statement(2000, 200);
  provisions = corpus.reduce((n, s) => n + s.provisions.length, 0);
  const t0 = process.hrtime.bigint();
  if (phase === "nearest") {
    found = nearestStatement(target, indexStatements(corpus));
  } else {
    let best = { statement: -1, score: -1 };
    corpus.forEach((s, si) => {
      const f = features(target.provisions, s.provisions);
      let total = 0;
      target.provisions.forEach((p, i) => {
        let m = 0;
        s.provisions.forEach((q, j) => {
          m = Math.max(m, similarity(p, q, f.a[i] as never, f.b[j] as never));
        });
        total += m;
      });
      if (total > best.score) best = { statement: si, score: total };
    });
    found = best;
  }
  ms = Number(process.hrtime.bigint() - t0) / 1e6;
} else {
  process.stderr.write("usage: compare-run.ts <pair|nearest|naive>\n");
  process.exit(2);
}
process.stdout.write(
  `${JSON.stringify({ phase, ms, provisions, found, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
