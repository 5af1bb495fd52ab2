// Bundles the compiled CLI (dist/) into dist/bundle/: one module per command and per worker
// entry, and shared chunks, instead of about 150 files that Node resolves, reads and links one
// by one at every start (`dossier places` on a one-line file: about 100 ms of 560). Packages
// stay outside (node_modules); only our own code is bundled. Run by `npm run build` after tsc.
//
// Every output lies directly in dist/bundle/, two folders below the package like dist/<stage>/,
// so the paths our modules take from import.meta.url ("../../data/", the cache folder) hold in
// the bundle too; the worker entries keep their names (work.js, read-work.js, worker.js,
// ingest-writer.js), so "./<name>.js" beside the module that starts them is the entry in both.
import { rmSync } from "node:fs";
import { build } from "esbuild";

const dist = new URL("../dist/", import.meta.url);
const entry = (path) => new URL(path, dist).pathname;

// Chunk names carry a hash of their content: a bundle left from an earlier build would stay.
rmSync(entry("bundle"), { recursive: true, force: true });
await build({
  entryPoints: {
    main: entry("cli/main.js"),
    work: entry("server/work.js"),
    "read-work": entry("server/read-work.js"),
    worker: entry("cli/parallel/worker.js"),
    "ingest-writer": entry("cli/commands/ingest-writer.js"),
  },
  outdir: entry("bundle"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
