import type { Command } from "commander";
import type { SearchQuery } from "../store/types.js";
import { parseChoice } from "./options.js";

/** The filters `dossier search` and `dossier export` share: the same words select the same documents. */
export function addSearchFilters(command: Command): Command {
  return command
    .option("--province <code|name>", "old (63) province")
    .option("--province2025 <code|name>", "new (34) province")
    .option("--entity <id>", "canonical entity id, e.g. org:asean")
    .option("--domain <id>", "topic domain, e.g. energy")
    .option("--source <source>", "source path")
    .option("--publisher <name>", "publisher from metadata, e.g. VGP (case and diacritics aside)")
    .option("--language <en|vi|other>", "language")
    .option("--from <date>", "published on or after (ISO date)")
    .option("--to <date>", "published on or before (ISO date)")
    .option(
      "--undated <include|only>",
      "documents without a date: include them in a date filter, or only them",
      parseChoice(["include", "only"] as const),
    );
}

/** The filters given on the command line, as a query (`q` the text searched, if any). */
export function searchFilters(options: SearchQuery, q?: string): SearchQuery {
  const { province, province2025, entity, domain, source, publisher, language, from, to } = options;
  const { undated } = options;
  const all = {
    q,
    province,
    province2025,
    entity,
    domain,
    source,
    publisher,
    language,
    from,
    to,
    undated,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as SearchQuery;
}
