import type { Command } from "commander";
import { loadTermLexicon } from "../../compare/terms.js";
import { loadEntities } from "../../extract/entities/load.js";
import { loadTitles } from "../../extract/entities/people.js";
import { loadContextLexicon } from "../../extract/places/lexicon.js";
import { loadKindLexicon } from "../../extract/provisions/kind.js";
import { loadProvisionLexicon } from "../../extract/provisions/lexicon.js";
import { createTopicTagger } from "../../extract/topics/index.js";
import { BOUNDARIES_FILE, validateBoundaryTopology } from "../../gazetteer/boundaries.js";
import { nameKeys } from "../../gazetteer/keys.js";
import {
  checkGazetteer,
  DEFAULT_DATA_DIR,
  readDataFile,
  readGazetteerSources,
} from "../../gazetteer/load.js";
import { loadChromeLexicon } from "../../ingest/clean/lexicon.js";
import { loadMetadataLexicon } from "../../ingest/opening/lexicon.js";
import { loadPublishers } from "../../ingest/publishers.js";
import { formatOption } from "../options.js";

const FORMATS = ["text", "json", "jsonl"] as const;
type Format = (typeof FORMATS)[number];

export function registerDataCheck(program: Command): void {
  program
    .command("data-check")
    .description(
      "validate the bundled data (gazetteer, lexicons, province boundaries) and print what it holds",
    )
    .option("--data <dir>", "data folder to check", DEFAULT_DATA_DIR)
    .option(...formatOption(FORMATS))
    .action((options: { data: string; format: Format }) => {
      process.exitCode = runDataCheck(options.data, options.format);
    });
}

/** Validates `dataDir`; problems go to stderr (and into the JSON report), the exit code says whether any. */
export function runDataCheck(dataDir: string, format: Format = "text"): number {
  let sources: ReturnType<typeof readGazetteerSources>;
  try {
    sources = readGazetteerSources(dataDir);
  } catch (error) {
    // A folder that is not a data folder at all: one problem, named, not an internal error.
    const problem = `${dataDir}: ${(error as Error).message}`;
    if (format !== "text") writeReport(format, { ok: false, dataDir, problems: [problem] });
    process.stderr.write(`data-check: cannot read the gazetteer: ${problem}\n`);
    return 1;
  }
  const { gazetteer: g, problems } = checkGazetteer(sources);
  const entities = (dir: string) => {
    const { problems: p } = loadEntities(dir);
    if (p.length > 0) throw new Error(`entities: ${p.join("; ")}`);
  };
  const topics = (dir: string) => createTopicTagger(readDataFile(dir, "lexicon/topics.tsv"));
  for (const load of [
    loadContextLexicon,
    loadChromeLexicon,
    loadPublishers,
    entities,
    topics,
    loadProvisionLexicon,
    loadKindLexicon,
    loadMetadataLexicon,
    loadTermLexicon,
    loadTitles,
  ]) {
    try {
      load(dataDir);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  try {
    const boundaries: unknown = JSON.parse(readDataFile(dataDir, BOUNDARIES_FILE));
    problems.push(...validateBoundaryTopology(boundaries, g));
  } catch (error) {
    problems.push(`${BOUNDARIES_FILE}: ${(error as Error).message}`);
  }
  if (problems.length > 0) {
    if (format !== "text") writeReport(format, { ok: false, dataDir, problems });
    process.stderr.write(`data-check: ${problems.length} problem(s) in ${dataDir}\n`);
    for (const p of problems) process.stderr.write(`  - ${p}\n`);
    return 1;
  }
  const keys = nameKeys(g);
  const places = g.places.length - g.provinces.length;
  if (format !== "text") {
    writeReport(format, {
      ok: true,
      dataDir,
      provinces: g.provinces.length,
      provinces2025: g.provinces2025.length,
      otherPlaces: places,
      matchKeys: keys.length,
      ambiguityRules: g.ambiguities.length,
      boundaries: g.provinces.length + g.provinces2025.length,
      problems,
    });
    return 0;
  }
  process.stdout.write(
    `data-check: ok — ${g.provinces.length} provinces (until 30 June 2025), ${g.provinces2025.length} (from 1 July 2025), ` +
      `${places} other places, ${keys.length} match keys, ${g.ambiguities.length} ambiguity rules, ` +
      `${g.provinces.length} + ${g.provinces2025.length} province boundaries\n`,
  );
  return 0;
}

function writeReport(format: Exclude<Format, "text">, report: object): void {
  process.stdout.write(`${JSON.stringify(report, null, format === "json" ? 2 : undefined)}\n`);
}
