import { Command } from "commander";
import { registerAnalyze } from "./commands/analyze.js";
import { registerClean } from "./commands/clean.js";
import { registerCompare } from "./commands/compare.js";
import { registerDataCheck } from "./commands/data-check.js";
import { registerPlaces } from "./commands/places.js";
import { registerProvisions } from "./commands/provisions.js";
import { registerServe } from "./commands/serve.js";
import { registerStoreCommands } from "./commands/store.js";
import { describeError, exitCodeFor } from "./errors.js";
import { endQuietlyWhenReaderCloses } from "./output.js";

endQuietlyWhenReaderCloses();

const program = new Command()
  .name("dossier")
  .description("Vietnam news and diplomatic texts as structured, searchable, comparable data")
  .version("0.1.0")
  .showHelpAfterError("(dossier --help lists the commands; dossier <command> --help their options)")
  .configureOutput({ outputError: (text, write) => write(text) });

// commander reports its own usage errors (exit 1 by default); ours are exit 2 like other Unix tools.
program.exitOverride((err) => {
  if (
    err.code === "commander.helpDisplayed" ||
    err.code === "commander.version" ||
    err.code === "commander.help"
  ) {
    process.exit(0);
  }
  process.exit(2);
});

registerClean(program);
registerPlaces(program);
registerAnalyze(program);
registerProvisions(program);
registerCompare(program);
registerStoreCommands(program);
registerServe(program);
registerDataCheck(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${describeError(program.args[0] ?? "", error)}\n`);
  process.exitCode = exitCodeFor(error);
}
