/**
 * Builds a folder of mixed inputs — good text, Markdown, HTML and JSON Lines articles, and
 * broken files of every kind — for checking that one bad file never stops the rest:
 *   tsx scripts/mixed-folder.ts <dir> [--good 980] [--big-mb 50]
 * Broken files (20): binary, truncated HTML, Windows-1258 bytes (decoded, with a warning),
 * empty, blank, a single line of --big-mb MB, JSON Lines with one malformed line, JSON Lines
 * with a record lacking text, invalid UTF-8, a file over the size limit (when --big-mb exceeds
 * it), and more of each. Prints what it wrote as JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    good: { type: "string", default: "980" },
    "big-mb": { type: "string", default: "50" },
  },
});
const dir = positionals[0];
if (!dir) {
  process.stderr.write("usage: tsx scripts/mixed-folder.ts <dir> [--good N] [--big-mb N]\n");
  process.exit(2);
}
mkdirSync(join(dir, "nested", "deeper"), { recursive: true });

const provinces = [
  "Ha Noi",
  "Da Nang",
  "Quang Ninh",
  "Can Tho",
  "Hue",
  "Lao Cai",
  "Nghe An",
  "Ca Mau",
];
const article = (i: number) => {
  const p = provinces[i % provinces.length];
  const q = provinces[(i * 3 + 1) % provinces.length];
  return [
    `Officials in ${p} open a new bridge, number ${i}`,
    "",
    `VGP – Authorities in ${p} opened bridge number ${i} on Monday, linking two districts and cutting travel times for thousands of residents, officials said.`,
    "",
    `The project, funded by the province and partners from ${q}, took two years to complete and will carry heavy trucks as well as cars.`,
    "",
    "Comment (0)",
    "",
  ].join("\n");
};

let good = 0;
const total = Number(values.good);
for (let i = 0; i < total; i++) {
  const sub = i % 3 === 0 ? "nested" : i % 3 === 1 ? join("nested", "deeper") : ".";
  const kind = i % 4;
  const base = join(dir, sub, `doc-${String(i).padStart(4, "0")}`);
  if (kind === 0) writeFileSync(`${base}.txt`, article(i));
  else if (kind === 1) writeFileSync(`${base}.md`, `# ${article(i)}`);
  else if (kind === 2) {
    const [title, , ...rest] = article(i).split("\n");
    const body = rest
      .filter((l) => l && !l.startsWith("Comment"))
      .map((l) => `<p>${l}</p>`)
      .join("\n");
    writeFileSync(
      `${base}.html`,
      `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="Vietnam Government Portal"></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${body}${"<p>More context on the works and the traffic plan for the weeks ahead.</p>".repeat(3)}</article></body></html>`,
    );
  } else
    writeFileSync(
      `${base}.jsonl`,
      `${JSON.stringify({ id: `r${i}`, url: `https://example.org/${i}`, title: `Bridge ${i}`, text: article(i), source: "VGP", extra: { i } })}\n`,
    );
  good++;
}

const broken: Record<string, string | Buffer> = {
  "broken-binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  "broken-binary-2.html": Buffer.alloc(4096, 0),
  "broken-truncated.html":
    "<!doctype html><html><head><title>Cut short</title></head><body><article><p>The page was cut off in the mid",
  "broken-empty.txt": "",
  "broken-blank.txt": "  \n\n\t\n",
  "broken-empty.md": "",
  "broken-malformed.jsonl": `${JSON.stringify({ text: article(1) })}\n{"text": "no closing brace"\n${JSON.stringify({ text: article(2) })}\n`,
  "broken-no-text.jsonl": `${JSON.stringify({ title: "no text here" })}\n`,
  "broken-array.jsonl": "[1, 2, 3]\n",
  "broken-utf8.txt": Buffer.concat([
    Buffer.from("Hà Nội đón "),
    Buffer.from([0xff, 0xfe, 0xfd]),
    Buffer.from(" du khách, officials said in a statement on Monday."),
  ]),
  "broken-cp1258.txt": Buffer.from([
    0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69, 0x20, 0x76, 0xe0, 0x20, 0xd0, 0xe0, 0x20, 0x4e, 0xe3,
    0xde, 0x6e, 0x67, 0x2e,
  ]),
  "broken-control.txt": Buffer.from(Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? 1 : 66))),
  "broken-only-chrome.txt": "Comment (0)\nShare\n",
  "broken-nul-in-text.txt": Buffer.concat([
    Buffer.from("Da Nang "),
    Buffer.from([0]),
    Buffer.from(" port"),
  ]),
  "broken-bad-json-2.ndjson": "not json at all\n",
  "broken-empty.html": "",
  "broken-empty.jsonl": "\n\n",
  "broken-garbage.html": Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
  "broken-utf16-odd.txt": Buffer.from([0xff, 0xfe, 0x41]),
};
for (const [name, content] of Object.entries(broken)) writeFileSync(join(dir, name), content);
const bigMb = Number(values["big-mb"]);
writeFileSync(
  join(dir, "broken-one-line.txt"),
  `${"Da Nang and Hue, ".repeat(Math.ceil((bigMb * 1024 * 1024) / 17))}`,
);
process.stdout.write(
  `${JSON.stringify({ dir, good, broken: Object.keys(broken).length + 1, bigMb })}\n`,
);
