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

export function registerDataCheck(program: Command): void {
  program
    .command("data-check")
    .description(
      "validate the bundled data (gazetteer, lexicons, province boundaries) and print what it holds",
    )
    .option("--data <dir>", "data folder to check", DEFAULT_DATA_DIR)
    .action((options: { data: string }) => {
      process.exitCode = runDataCheck(options.data);
    });
}

export function runDataCheck(dataDir: string): number {
  const { gazetteer: g, problems } = checkGazetteer(readGazetteerSources(dataDir));
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
    process.stderr.write(`data-check: ${problems.length} problem(s) in ${dataDir}\n`);
    for (const p of problems) process.stderr.write(`  - ${p}\n`);
    return 1;
  }
  const keys = nameKeys(g);
  const places = g.places.length - g.provinces.length;
  process.stdout.write(
    `data-check: ok — ${g.provinces.length} provinces (until 30 June 2025), ${g.provinces2025.length} (from 1 July 2025), ` +
      `${places} other places, ${keys.length} match keys, ${g.ambiguities.length} ambiguity rules, ` +
      `${g.provinces.length} + ${g.provinces2025.length} province boundaries\n`,
  );
  return 0;
}
