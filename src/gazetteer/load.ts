import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DossierError } from "../errors.js";
import { cachedBuild } from "../io/data-cache.js";
import { type GazetteerSources, parseGazetteer } from "./parse.js";
import { gazetteerFromSnapshot, gazetteerToSnapshot } from "./snapshot.js";
import type { Gazetteer } from "./types.js";
import { validateGazetteer } from "./validate.js";

/** The repository's data/ folder: two levels up from both src/gazetteer and dist/gazetteer. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export function readDataFile(dataDir: string, relative: string): string {
  return readFileSync(`${dataDir.replace(/\/?$/, "/")}${relative}`, "utf8");
}

export function readGazetteerSources(dataDir = DEFAULT_DATA_DIR): GazetteerSources {
  return {
    provinces63: readDataFile(dataDir, "gazetteer/provinces-63.tsv"),
    provinces34: readDataFile(dataDir, "gazetteer/provinces-34.tsv"),
    places: readDataFile(dataDir, "gazetteer/places.tsv"),
    ambiguous: readDataFile(dataDir, "gazetteer/ambiguous.tsv"),
    districtsOld: readDataFile(dataDir, "gazetteer/districts-old.tsv"),
    communesOld: readDataFile(dataDir, "gazetteer/communes-old.tsv"),
    communes2025: readDataFile(dataDir, "gazetteer/communes-2025.tsv"),
  };
}

/** Parses and validates the data; lists every problem found, parse and semantic. */
export function checkGazetteer(sources: GazetteerSources): {
  gazetteer: Gazetteer;
  problems: string[];
} {
  const { gazetteer, problems } = parseGazetteer(sources);
  return { gazetteer, problems: [...problems, ...validateGazetteer(gazetteer)] };
}

/** Loads the gazetteer from a data folder, throwing E_DATA if it does not validate. */
export function loadGazetteer(dataDir = DEFAULT_DATA_DIR): Gazetteer {
  const { gazetteer, problems } = checkGazetteer(readGazetteerSources(dataDir));
  if (problems.length > 0) {
    throw new DossierError("E_DATA", `${problems.length} problem(s), first: ${problems[0]}`, {
      input: dataDir,
    });
  }
  return gazetteer;
}

let cached: Gazetteer | undefined;

/**
 * The bundled gazetteer, loaded once, from the data cache when it holds this data's (checked
 * when the cache was written: the same bytes check the same).
 */
export function defaultGazetteer(): Gazetteer {
  cached ??= cachedBuild({
    name: "gazetteer",
    dataDir: DEFAULT_DATA_DIR,
    build: () => loadGazetteer(),
    save: gazetteerToSnapshot,
    restore: gazetteerFromSnapshot,
  });
  return cached;
}
