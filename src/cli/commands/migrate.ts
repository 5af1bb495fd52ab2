/**
 * `dossier migrate --from <library> --to <library>`: every stored document, with its analysis
 * as stored (nothing analysed again), copied into another library: a SQLite file into a shared
 * PostgreSQL library, or back. Documents the target holds already are skipped, so a copy that
 * stopped is finished by running it again.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { DossierError } from "../../errors.js";
import { isPostgresUrl, openStore, redactLocation } from "../../store/open.js";
import type { StoredDocument } from "../../store/types.js";
import { escapeTerminal } from "../format/escape.js";
import { everyDocument } from "./store.js";

/** Documents copied in one transaction of the target. */
const BATCH = 500;

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("copy every document and its analysis from one library into another")
    .requiredOption("--from <file|url>", "the library to read (a SQLite file or a postgres:// URL)")
    .requiredOption("--to <file|url>", "the library to write (created if need be)")
    .action(async (options: { from: string; to: string }) => {
      process.exitCode = await migrate(options.from, options.to);
    });
}

async function migrate(from: string, to: string): Promise<number> {
  if (redactLocation(from) === redactLocation(to))
    throw new DossierError(
      "E_USAGE",
      `--from and --to name the same library (${redactLocation(from)})`,
      {
        input: "--to",
      },
    );
  if (!isPostgresUrl(from) && !existsSync(from))
    throw new DossierError("E_NOT_FOUND", `${from} (the library to migrate from)`, {
      input: from,
    });
  const source = await openStore(from);
  try {
    const target = await openStore(to);
    const run = `migrate:${new Date().toISOString()}`;
    const started = Date.now();
    let added = 0;
    let skipped = 0;
    try {
      await target.startRun(run);
      let batch: StoredDocument[] = [];
      const flush = async () => {
        const r = await target.add(batch, run);
        added += r.added;
        skipped += r.skipped;
        batch = [];
      };
      for await (const d of everyDocument(source, BATCH)) {
        batch.push(d);
        if (batch.length >= BATCH) await flush();
      }
      if (batch.length > 0) await flush();
      await target.finishRun(run, "done");
    } catch (error) {
      await target.finishRun(run, "failed").catch(() => {});
      throw error;
    } finally {
      await target.close();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `dossier migrate: ${added + skipped} documents read from ${escapeTerminal(source.location)}, ${added} stored in ${escapeTerminal(redactLocation(to))}, ${skipped} already there, in ${seconds} s\n`,
    );
    return 0;
  } finally {
    await source.close();
  }
}
