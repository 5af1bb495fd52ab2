// The plain baseline for `dossier places`: one literal alternation of every name form (longest
// first), flags "gi", run over each file; prints the number of matches. A whole process, as
// `node bench/alternation.mjs <names-file> <file>…` (plain JavaScript: no loader to start).
import { readFileSync } from "node:fs";

const [namesFile, ...files] = process.argv.slice(2);
const forms = readFileSync(namesFile, "utf8")
  .split("\n")
  .filter((f) => f !== "")
  .sort((a, b) => b.length - a.length)
  .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const pattern = new RegExp(forms.join("|"), "gi");
let matches = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) matches++;
}
process.stdout.write(`${matches}\n`);
