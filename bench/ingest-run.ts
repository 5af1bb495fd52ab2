/**
 * One ingest benchmark phase in its own process:
 *   tsx bench/ingest-run.ts <text|text-baseline> <count>
 * `text` runs the whole ingest (decode, detect, clean, metadata, id) on `count` generated
 * plain-text news pages of about 2 KB each, with page chrome; `text-baseline` only decodes
 * them and splits lines (the least any reader must do). Prints one JSON line:
 * { phase, docs, bytes, ms, maxRssMB }.
 */
import { ingestBytes } from "../dist/ingest/index.js";

const [phase, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 5000);
if (phase !== "text" && phase !== "text-baseline") {
  process.stderr.write("usage: ingest-run.ts <text|text-baseline> <count>\n");
  process.exit(2);
}

const provinces = [
  "Ha Noi",
  "Da Nang",
  "Quang Ninh",
  "Can Tho",
  "Thừa Thiên Huế",
  "Lào Cai",
  "Nghệ An",
  "Cà Mau",
];
function page(i: number): Buffer {
  const p = provinces[i % provinces.length];
  const lines = [
    ...provinces.map((x) => `  • ${x}`),
    "",
    `Authorities in ${p} open a new bridge across the river, number ${i}`,
    "",
    `VGP – Authorities in ${p} opened bridge number ${i} on Monday, linking two districts and cutting travel times for thousands of residents, officials said.`,
    "",
    "May 11, 2025 6:57 PM GMT+7",
    "",
    `Officials cut the ribbon at the opening ceremony in ${p} - Photo: VGP`,
    "",
  ];
  for (let k = 0; k < 8; k++) {
    lines.push(
      `The project, funded by the province and its partners, took ${k + 2} years to complete and will carry heavy trucks as well as cars, easing the pressure on the old ferry crossing.`,
      "",
    );
  }
  lines.push("Comment (0)", "");
  return Buffer.from(lines.join("\n"));
}

const pages = Array.from({ length: count }, (_, i) => page(i));
const bytes = pages.reduce((n, b) => n + b.length, 0);
ingestBytes(pages[0] as Buffer, "warm-up.txt"); // load the data outside the timing
const t0 = process.hrtime.bigint();
let docs = 0;
for (let i = 0; i < pages.length; i++) {
  if (phase === "text") docs += ingestBytes(pages[i] as Buffer, `p${i}.txt`).length;
  else {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(pages[i]).normalize("NFC");
    docs += text.split("\n").length > 0 ? 1 : 0;
  }
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(
  `${JSON.stringify({ phase, docs, bytes, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
