import { readFileSync } from "node:fs";
import { readHtml } from "./src/ingest/html.js";
const r = readHtml(readFileSync(process.argv[2] as string, "utf8"));
const { text, ...rest } = r;
console.log(JSON.stringify(rest, null, 1));
console.log("-----\n" + text);
