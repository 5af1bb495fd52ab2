#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script), and
// bundled to dist/bundle/, which starts sooner. A bundle older than the compiled code (tsc run
// again without the bundling step) is not used: the compiled modules are.
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const bundled = fileURLToPath(new URL("../dist/bundle/main.js", import.meta.url));
if (!existsSync(compiled)) {
  process.stderr.write("dossier: not built yet; run `npm install` (or `npm run build`) first\n");
  process.exit(2);
}
const fresh = (() => {
  try {
    return statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
})();
await import(
  new URL(fresh ? "../dist/bundle/main.js" : "../dist/cli/main.js", import.meta.url).href
);
