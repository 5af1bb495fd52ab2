/**
 * Geoparser evaluation against a gold folder: `npm run eval:geo -- <dir> [--verbose]
 * [--json] [--min-mention-f1 x] [--min-doc-f1 x] [--min-doc-f1-2025 x] [--min-sub-found x]`.
 *
 * The folder holds `*.txt` and `gold.jsonl`, one object per file:
 *   { "file", "provinces": [old-63 ASCII names], "provinces_new"?: [...],
 *     "mentions": [{ "text", "province", "start"?, "end"? }],
 *     "optional_mentions"?: [...], "provinces_optional"?: [...] }
 *
 * Scoring (the folder's README): a system mention matches a gold mention when their spans
 * overlap and the province is equal (without offsets: same text, in order); unmatched system
 * mentions are false positives unless they overlap an optional mention of the same province.
 * Document level: set precision/recall/F1 of the provinces, optional provinces ignored.
 * Sub-provincial level, apart: the optional mentions (districts, communes, towns, features) a
 * system mention overlaps with the right province ("found"), with another ("wrong"), or none;
 * and how many the system reported as undecided, with candidates. Figures are micro-averaged
 * over the folder. With --min-* floors (--min-doc-f1-2025 for the 34 provinces, --min-sub-found
 * for the sub-provincial share) it exits 1 below them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type PlaceMention, placesAndEntities, type UnresolvedPlace } from "../src/index.js";
import { type Counts, prf } from "./metrics.js";

interface GoldMention {
  text: string;
  province: string;
  province_new?: string;
  start?: number;
  end?: number;
}
interface Gold {
  file: string;
  provinces: string[];
  provinces_new?: string[];
  mentions: GoldMention[];
  optional_mentions?: GoldMention[];
  provinces_optional?: string[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Counts, b: Counts) => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};

function locate(
  text: string,
  gold: GoldMention[],
): { start: number; end: number; m: GoldMention }[] {
  let from = 0;
  return gold.map((m) => {
    if (m.start !== undefined && m.end !== undefined) return { start: m.start, end: m.end, m };
    const start = text.indexOf(m.text, from);
    from = start < 0 ? from : start + m.text.length;
    return { start, end: start < 0 ? -1 : start + m.text.length, m };
  });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function scoreMentions(text: string, gold: Gold, found: PlaceMention[]) {
  const required = locate(text, gold.mentions);
  const optional = locate(text, gold.optional_mentions ?? []);
  const used = new Set<number>();
  const errors: string[] = [];
  const c = zero();
  for (const m of found) {
    const hit = required.findIndex(
      (g, i) => !used.has(i) && overlaps(g, m) && g.m.province === m.province.name,
    );
    if (hit >= 0) {
      used.add(hit);
      c.tp++;
    } else if (optional.some((g) => overlaps(g, m) && g.m.province === m.province.name)) {
      // An optional unit reported with the right province: neither right nor wrong.
    } else {
      c.fp++;
      errors.push(`  FP ${JSON.stringify(m.text)}@${m.start} → ${m.province.name} (${m.reason})`);
    }
  }
  required.forEach((g, i) => {
    if (used.has(i)) return;
    c.fn++;
    errors.push(`  FN ${JSON.stringify(g.m.text)}@${g.start} (${g.m.province})`);
  });
  return { counts: c, errors };
}

interface Below {
  total: number;
  found: number;
  wrong: number;
  undecided: number;
}

/** The optional (sub-provincial) mentions: found with the right province, with a wrong one, undecided. */
function scoreBelow(
  text: string,
  gold: Gold,
  found: PlaceMention[],
  unresolved: UnresolvedPlace[],
  errors: string[],
): Below {
  const b: Below = { total: 0, found: 0, wrong: 0, undecided: 0 };
  for (const g of locate(text, gold.optional_mentions ?? [])) {
    b.total++;
    const over = found.filter((m) => overlaps(g, m));
    if (over.some((m) => m.province.name === g.m.province)) b.found++;
    else if (over.length > 0) {
      b.wrong++;
      errors.push(
        `  WRONG ${JSON.stringify(g.m.text)}@${g.start} → ${over[0]?.province.name} (${g.m.province})`,
      );
    } else if (unresolved.some((u) => overlaps(g, u))) {
      b.undecided++;
      errors.push(`  UNDECIDED ${JSON.stringify(g.m.text)}@${g.start} (${g.m.province})`);
    } else errors.push(`  MISSED ${JSON.stringify(g.m.text)}@${g.start} (${g.m.province})`);
  }
  return b;
}

function scoreSet(gold: string[], found: string[], ignore: string[]) {
  const g = new Set(gold);
  const skip = new Set(ignore);
  const f = new Set(found.filter((p) => !skip.has(p) || g.has(p)));
  const c = zero();
  for (const p of f)
    if (g.has(p)) c.tp++;
    else c.fp++;
  for (const p of g) if (!f.has(p)) c.fn++;
  return c;
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      verbose: { type: "boolean", short: "v", default: false },
      json: { type: "boolean", default: false },
      "min-mention-f1": { type: "string" },
      "min-doc-f1": { type: "string" },
      "min-doc-f1-2025": { type: "string" },
      "min-sub-found": { type: "string" },
    },
  });
  const dir = positionals[0];
  if (!dir) {
    process.stderr.write(
      "usage: npm run eval:geo -- <dir> [--verbose] [--json] [--min-mention-f1 x] [--min-doc-f1 x] [--min-doc-f1-2025 x] [--min-sub-found x]\n",
    );
    process.exit(2);
  }
  const golds: Gold[] = readFileSync(join(dir, "gold.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Gold);

  const mentions = zero();
  const below: Below = { total: 0, found: 0, wrong: 0, undecided: 0 };
  const docs = zero();
  const docsNew = zero();
  let hasNew = false;
  const perFile: string[] = [];
  for (const gold of golds) {
    const text = readFileSync(join(dir, gold.file), "utf8");
    // As the product reads places: with the entities that settle overlaps ("Thái Bình Dương").
    const { places: found, unresolved } = placesAndEntities(text);
    const m = scoreMentions(text, gold, found);
    add(mentions, m.counts);
    const b = scoreBelow(text, gold, found, unresolved, m.errors);
    below.total += b.total;
    below.found += b.found;
    below.wrong += b.wrong;
    below.undecided += b.undecided;
    const d = scoreSet(
      gold.provinces,
      found.map((x) => x.province.name),
      gold.provinces_optional ?? [],
    );
    add(docs, d);
    if (gold.provinces_new) {
      hasNew = true;
      add(
        docsNew,
        scoreSet(
          gold.provinces_new,
          found.map((x) => x.province2025.name),
          // The 2025 provinces reached through optional mentions, as `provinces_optional` does
          // for the old ones.
          (gold.optional_mentions ?? []).flatMap((m) => m.province_new ?? []),
        ),
      );
    }
    const f = prf(m.counts);
    perFile.push(
      `${gold.file}  mentions P ${f.precision.toFixed(3)} R ${f.recall.toFixed(3)}  provinces tp ${d.tp} fp ${d.fp} fn ${d.fn}`,
    );
    if (values.verbose) perFile.push(...m.errors);
  }

  const result = {
    documents: golds.length,
    mentions: { ...mentions, ...prf(mentions) },
    provinces: { ...docs, ...prf(docs) },
    ...(hasNew ? { provinces2025: { ...docsNew, ...prf(docsNew) } } : {}),
    subProvincial: { ...below, foundShare: below.total > 0 ? below.found / below.total : 0 },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    if (values.verbose) process.stdout.write(`${perFile.join("\n")}\n\n`);
    const line = (name: string, c: Counts) => {
      const s = prf(c);
      return `${name.padEnd(22)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
    };
    process.stdout.write(`${golds.length} documents in ${dir}\n`);
    process.stdout.write(`${line("mentions", mentions)}\n${line("provinces (63)", docs)}\n`);
    if (hasNew) process.stdout.write(`${line("provinces (34, 2025)", docsNew)}\n`);
    const share = result.subProvincial.foundShare;
    process.stdout.write(
      `${"sub-provincial".padEnd(22)} found with the right province ${share.toFixed(3)}  (${below.found} of ${below.total}; wrong province ${below.wrong}, undecided ${below.undecided}, missed ${below.total - below.found - below.wrong - below.undecided})\n`,
    );
  }

  let failed = false;
  const floor = (name: string, value: string | undefined, actual: number) => {
    if (value === undefined) return;
    if (actual < Number(value)) {
      process.stderr.write(`eval:geo: ${name} ${actual.toFixed(3)} is below the floor ${value}\n`);
      failed = true;
    }
  };
  floor("mention F1", values["min-mention-f1"], result.mentions.f1);
  floor("document F1", values["min-doc-f1"], result.provinces.f1);
  if (result.provinces2025)
    floor("document F1 (34)", values["min-doc-f1-2025"], result.provinces2025.f1);
  floor("sub-provincial found share", values["min-sub-found"], result.subProvincial.foundShare);
  process.exit(failed ? 1 : 0);
}

main();
