/**
 * Compare benchmark phases (one process each):
 *   tsx bench/compare-run.ts pair            two generated 150-provision statements, compare()
 *   tsx bench/compare-run.ts scale           two generated 1,000-provision statements, compare()
 *   tsx bench/compare-run.ts write <dir>     the same two statements as a.txt and b.txt, for
 *                                           timing `dossier compare` beside `diff`
 *   tsx bench/compare-run.ts nearest|naive   one statement against 50 earlier ones (10,000
 *                                           provisions): the inverted index, or every pair scored
 * Prints { phase, ms, provisions, found, maxRssMB }.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { featuresOf } from "../dist/compare/features.js";
import { compare, partiesOf } from "../dist/compare/index.js";
import { indexStatements, nearestStatement } from "../dist/compare/nearest.js";
import { scorePairs } from "../dist/compare/similarity.js";
import { defaultTermLexicon } from "../dist/compare/terms.js";
import type { CompareInput } from "../dist/compare/types.js";
import { analyze } from "../dist/index.js";
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

function statementText(seed: number, size: number): string {
  const r = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const lines = ["Joint Statement", ""];
  for (let i = 0; i < size; i++)
    lines.push(
      `Both sides ${pick(VERBS)} ${pick(ACTIONS)} cooperation on ${pick(FIELDS)} ${pick(PLACES)}, item ${seed}-${i}.`,
    );
  return lines.join("\n");
}

function statement(seed: number, size: number): CompareInput {
  const text = statementText(seed, size);
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
if (phase === "write") {
  const dir = process.argv[3] as string;
  writeFileSync(join(dir, "a.txt"), statementText(1, 150));
  writeFileSync(join(dir, "b.txt"), statementText(2, 150));
} else if (phase === "pair") {
  const a = statement(1, 150);
  const b = statement(2, 150);
  provisions = a.provisions.length + b.provisions.length;
  compare(statement(3, 20), statement(4, 20)); // warm-up
  const t0 = process.hrtime.bigint();
  const c = compare(a, b);
  ms = Number(process.hrtime.bigint() - t0) / 1e6;
  found = c.summary;
} else if (phase === "scale") {
  // 1,000 × 1,000 provisions: compare() through the blocked, numbered scoring (bar: under 2 s).
  const a = statement(5, 1000);
  const b = statement(6, 1000);
  provisions = a.provisions.length + b.provisions.length;
  compare(statement(3, 20), statement(4, 20)); // warm-up
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const c = compare(a, b);
  ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const { domains: _, ...counts } = c.summary.changes;
  found = { ...counts, cpuMs: (cpu.user + cpu.system) / 1000 };
} else if (phase === "nearest" || phase === "naive") {
  const corpus = Array.from({ length: 50 }, (_, k) => statement(100 + k, 200));
  const target = statement(2000, 200);
  provisions = corpus.reduce((n, s) => n + s.provisions.length, 0);
  const t0 = process.hrtime.bigint();
  if (phase === "nearest") {
    found = nearestStatement(target, indexStatements(corpus));
  } else {
    // Every pair of provisions scored as compare() scores them, the best per target provision.
    const lex = defaultTermLexicon();
    let best = { statement: -1, score: -1 };
    corpus.forEach((s, si) => {
      const parties = partiesOf([...target.provisions, ...s.provisions]);
      const scores = scorePairs(
        target.provisions,
        s.provisions,
        target.provisions.map((p) => featuresOf(p, lex, parties)),
        s.provisions.map((p) => featuresOf(p, lex, parties)),
      );
      const total = scores.reduce((n, row) => n + Math.max(0, ...row.map((x) => x.score)), 0);
      if (total > best.score) best = { statement: si, score: total };
    });
    found = best;
  }
  ms = Number(process.hrtime.bigint() - t0) / 1e6;
} else {
  process.stderr.write("usage: compare-run.ts <pair|scale|write <dir>|nearest|naive>\n");
  process.exit(2);
}
process.stdout.write(
  `${JSON.stringify({ phase, ms, provisions, found, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
