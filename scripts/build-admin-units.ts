/**
 * Builds the gazetteer's units below the province from the shared reference data:
 *   npx tsx scripts/build-admin-units.ts [../shared/data/admin-2025]
 * writes data/gazetteer/districts-old.tsv, communes-old.tsv and communes-2025.tsv
 * (sources, licence and caveats: data/README.md). Deterministic: the same input gives the
 * same bytes. Each fact is written once: an old commune's province follows from its district,
 * and a 2025 commune's old communes from the `new` column of communes-old.tsv.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface OldRow {
  oldCode: string;
  oldLevel: "commune" | "district";
  oldNameVi: string;
  oldNameViAlt?: string;
  oldType: string;
  oldDistrictCode: string;
  oldDistrictNameVi: string;
  oldDistrictType: string;
  oldProvinceCode: string;
  newCodes: string[];
  partial: boolean;
}
interface NewRow {
  code: string;
  nameVi: string;
  type: string;
  provinceCode: string;
  typeAt20250701?: string;
}

const source =
  process.argv[2] ?? join(import.meta.dirname, "..", "..", "shared", "data", "admin-2025");
const out = join(import.meta.dirname, "..", "data", "gazetteer");
const jsonl = <T>(file: string): T[] =>
  readFileSync(join(source, file), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);

const olds = jsonl<OldRow>("communes-old-to-new.jsonl");
const news = jsonl<NewRow>("communes-2025.jsonl");
const nfc = (s: string) => s.normalize("NFC").trim();
const byCode = <T>(rows: T[], code: (r: T) => string) =>
  [...rows].sort((a, b) => code(a).localeCompare(code(b)));

const districts = new Map<string, string[]>();
for (const r of olds) {
  const row = [
    r.oldDistrictCode,
    nfc(r.oldDistrictNameVi),
    r.oldDistrictType,
    r.oldProvinceCode,
    r.oldLevel === "district" ? r.newCodes.join("|") : "",
  ];
  const seen = districts.get(r.oldDistrictCode);
  if (seen && seen.slice(0, 4).join("\t") !== row.slice(0, 4).join("\t"))
    throw new Error(`district ${r.oldDistrictCode} described two ways: ${seen} / ${row}`);
  if (!seen || row[4] !== "") districts.set(r.oldDistrictCode, row);
}

const header = (lines: string[]) => lines.map((l) => `# ${l}`.trimEnd()).join("\n");
const write = (file: string, comment: string[], columns: string[], rows: string[][]) => {
  const body = rows.map((r) => r.join("\t")).join("\n");
  writeFileSync(join(out, file), `${header(comment)}\n#${columns.join("\t")}\n${body}\n`);
  process.stdout.write(`${file}: ${rows.length} rows\n`);
};

const PROVENANCE = [
  "Built by scripts/build-admin-units.ts from the shared admin-2025 tables (dvhcvn/20250701",
  "and thanglequoc/vietnamese-provinces-database, both MIT; see data/README.md). Do not edit by",
  "hand: fix the source or the script, then rebuild.",
];

write(
  "districts-old.tsv",
  [
    "The district-level units of Viet Nam until 30 June 2025 (abolished on 1 July 2025).",
    ...PROVENANCE,
    "Columns: code (3 digits, GSO), nameVi (NFC, without the type word), type (quận | huyện |",
    "thị xã | thành phố), province (old 2-digit code, provinces-63.tsv), new (only for the island",
    "districts that had no communes: the 2025 commune(s) they became, `|` between them).",
  ],
  ["code", "nameVi", "type", "province", "new"],
  byCode([...districts.values()], (r) => r[0] as string),
);

write(
  "communes-old.tsv",
  [
    "The communes, wards and townships of Viet Nam until 30 June 2025, and the 2025 communes",
    "each went into.",
    ...PROVENANCE,
    "Columns: code (5 digits, GSO), nameVi (NFC, without the type word), type (xã | phường |",
    "thị trấn), district (districts-old.tsv), new (2025 commune codes, communes-2025.tsv, `|`",
    "between them), partial (`partial` when the commune was split between several new ones),",
    "alt (another spelling the resolutions use, or empty).",
  ],
  ["code", "nameVi", "type", "district", "new", "partial", "alt"],
  byCode(
    olds.filter((r) => r.oldLevel === "commune"),
    (r) => r.oldCode,
  ).map((r) => [
    r.oldCode,
    nfc(r.oldNameVi),
    r.oldType,
    r.oldDistrictCode,
    r.newCodes.join("|"),
    r.partial ? "partial" : "",
    r.oldNameViAlt ? nfc(r.oldNameViAlt) : "",
  ]),
);

write(
  "communes-2025.tsv",
  [
    "The 3,321 communes, wards and special zones of Viet Nam from 1 July 2025.",
    ...PROVENANCE,
    "Columns: code (5 digits), nameVi (NFC, without the type word), type (xã | phường | đặc khu),",
    "province (2025 2-digit code, provinces-34.tsv), was (its type on 1 July 2025 where it changed",
    "since, or empty).",
  ],
  ["code", "nameVi", "type", "province", "was"],
  byCode(news, (r) => r.code).map((r) => [
    r.code,
    nfc(r.nameVi),
    r.type,
    r.provinceCode,
    r.typeAt20250701 ?? "",
  ]),
);
