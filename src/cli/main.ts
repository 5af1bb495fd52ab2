import { Command } from "commander";
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

/**
 * Each command's module, loaded on demand: a run loads only the module of the command it names
 * (`dossier places` never loads the store, the server or the comparison), so it starts sooner.
 * Help, a version request or an unknown word load them all, in the order help lists them.
 */
const COMMANDS: { names: string[]; register: () => Promise<(program: Command) => void> }[] = [
  { names: ["clean"], register: async () => (await import("./commands/clean.js")).registerClean },
  {
    names: ["places"],
    register: async () => (await import("./commands/places.js")).registerPlaces,
  },
  {
    names: ["analyze"],
    register: async () => (await import("./commands/analyze.js")).registerAnalyze,
  },
  {
    names: ["provisions"],
    register: async () => (await import("./commands/provisions.js")).registerProvisions,
  },
  {
    names: ["compare"],
    register: async () => (await import("./commands/compare.js")).registerCompare,
  },
  {
    names: ["ingest", "search", "stats", "export"],
    register: async () => (await import("./commands/store.js")).registerStoreCommands,
  },
  { names: ["serve"], register: async () => (await import("./commands/serve.js")).registerServe },
  {
    names: ["migrate"],
    register: async () => (await import("./commands/migrate.js")).registerMigrate,
  },
  {
    names: ["data-check"],
    register: async () => (await import("./commands/data-check.js")).registerDataCheck,
  },
];
const named = COMMANDS.find((c) => c.names.includes(process.argv[2] ?? ""));
for (const c of named ? [named] : COMMANDS) (await c.register())(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`${describeError(program.args[0] ?? "", error)}\n`);
  process.exitCode = exitCodeFor(error);
}
