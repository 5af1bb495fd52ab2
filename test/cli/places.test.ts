import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", maxBuffer: 64 << 20 });

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-cli-"));
});

describe("dossier places", () => {
  it("prints the JSON contract", () => {
    const a = file(
      "a.txt",
      "Typhoon Yagi hit Hai Phong and Quảng Ninh; Hanoi flooded. Haiphong reopened.",
    );
    const r = run(["places", a, "--format", "json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const [doc] = out.documents;
    expect(doc.source).toBe(a);
    expect(doc.mentions.map((m: { text: string }) => m.text)).toEqual([
      "Hai Phong",
      "Quảng Ninh",
      "Hanoi",
      "Haiphong",
    ]);
    const first = doc.mentions[0];
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(["text", "start", "end", "place", "province", "province2025"]),
    );
    expect(first.province).toEqual({ code: "31", name: "Hai Phong", nameVi: "Hải Phòng" });
    expect(first.province2025).toEqual({ code: "31", name: "Hai Phong", nameVi: "Hải Phòng" });
    expect(doc.provinces[0]).toEqual({
      code: "31",
      name: "Hai Phong",
      nameVi: "Hải Phòng",
      count: 2,
    });
    expect(doc.provinces2025.map((p: { name: string }) => p.name)).toEqual([
      "Hai Phong",
      "Ha Noi",
      "Quang Ninh",
    ]);
  });

  it("merges old provinces at --level new and drops them at --level new", () => {
    const a = file("merge.txt", "Binh Duong, Ba Ria - Vung Tau and Saigon.");
    const out = JSON.parse(run(["places", a, "-f", "json", "--level", "new"]).stdout).documents[0];
    expect(out.provinces).toBeUndefined();
    expect(out.provinces2025).toEqual([
      { code: "79", name: "Ho Chi Minh", nameVi: "Hồ Chí Minh", count: 3 },
    ]);
  });

  it("writes CSV with a header and quoted fields", () => {
    const a = file("c.txt", "Da Nang, Hue");
    const r = run(["places", a, "-f", "csv"]);
    const lines = r.stdout.trim().split(/\r\n/);
    // Codes say their era: province 80 was Long An until June 2025 and is Tây Ninh since.
    expect(lines[0]).toBe(
      "source,start,end,text,place_id,place,kind,confidence,reason,province63_code,province63,province34_code,province34,unit_level,unit_era,unit63_code,unit63_type,district63_code,commune34_codes,unit_partial,field",
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(",Hue,city,");
  });

  it("counts the places of photo captions, with offsets into the caption", () => {
    const caption = "Fishing boats at the pier in Phu Quoc, March 3, 2026";
    const a = file(
      "caption.txt",
      `Rice exports rise\n\nVGP – Farmers in Can Tho sold more rice this spring than in any spring before.\n\n${caption} - Photo: VNA\n`,
    );
    const doc = JSON.parse(run(["places", a, "-f", "json"]).stdout).documents[0];
    expect(doc.mentions.map((m: { text: string }) => m.text)).toEqual(["Can Tho"]);
    expect(doc.captions).toHaveLength(1);
    const [m] = doc.captions[0].mentions;
    expect(caption.slice(m.start, m.end)).toBe("Phu Quoc");
    expect(m.province.name).toBe("Kien Giang");
    expect(doc.provinces.map((p: { name: string }) => p.name).sort()).toEqual([
      "Can Tho",
      "Kien Giang",
    ]);
    const csv = run(["places", a, "-f", "csv"]).stdout.trim().split(/\r\n/);
    expect(csv).toHaveLength(3);
    expect(csv[2]).toMatch(/,Phu Quoc,.*,caption 1$/);
    expect(run(["places", a]).stdout).toMatch(/caption 1: Fishing boats[\s\S]*Phu Quoc/);
  });

  it("writes a commune's unit in CSV: its old code, district and 2025 commune", () => {
    const a = file("unit.csv.txt", "Lũ lớn ở xã Kim Liên, huyện Nam Đàn, tỉnh Nghệ An.");
    const lines = run(["places", a, "-f", "csv"]).stdout.trim().split(/\r\n/);
    // RFC 4180 fields: quoted ones may hold commas.
    const cells = (line: string) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1] ?? "").slice(0, -1);
    const header = cells(lines[0] ?? "");
    const row = cells(lines.find((l) => l.includes("Kim Liên")) ?? "");
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("kind")).toBe("commune");
    expect(cell("province63_code")).toBe("40");
    expect(cell("unit_era")).toBe("both");
    expect(cell("unit63_type")).toBe("xã");
    expect(cell("district63_code")).toMatch(/^\d{3}$/);
    expect(cell("commune34_codes")).toMatch(/^\d{5}$/);
  });

  it("reports in JSON the commune names nothing ties to one province, and counts them for none", () => {
    const a = file("unresolved.txt", "Mưa lớn ở xã Tân Lập.");
    const doc = JSON.parse(run(["places", a, "-f", "json"]).stdout).documents[0];
    expect(doc.mentions).toEqual([]);
    expect(doc.provinces).toEqual([]);
    expect(doc.unresolved[0]).toMatchObject({ text: "Tân Lập" });
    expect(doc.unresolved[0].candidates.length).toBeGreaterThan(5);
  });

  it("writes GeoJSON points with counts", () => {
    const a = file("g.txt", "Nha Trang, Nha Trang and Da Lat");
    const geo = JSON.parse(run(["places", a, "-f", "geojson"]).stdout);
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features[0].geometry.type).toBe("Point");
    expect(geo.features[0].properties).toMatchObject({
      name: "Nha Trang",
      count: 2,
      province63_code: "56",
      province34_code: "56",
    });
    // Flat properties: a GIS styles by plain columns, not nested objects.
    for (const f of geo.features)
      for (const v of Object.values(f.properties)) expect(typeof v).not.toBe("object");
    const [lon, lat] = geo.features[0].geometry.coordinates;
    expect(lat).toBeGreaterThan(11);
    expect(lon).toBeGreaterThan(108);
  });

  it("reads standard input", () => {
    const r = run(["places", "-f", "json"], "Can Tho rice");
    expect(JSON.parse(r.stdout).documents[0]).toMatchObject({
      source: "-",
      provinces: [{ name: "Can Tho" }],
    });
  });

  it("reads a folder's text files recursively", () => {
    const sub = join(dir, "folder");
    spawnSync("mkdir", ["-p", join(sub, "deeper")]);
    writeFileSync(join(sub, "one.txt"), "Vinh Long");
    writeFileSync(join(sub, "deeper", "two.md"), "Ca Mau");
    writeFileSync(join(sub, "skip.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
    const docs = JSON.parse(run(["places", sub, "-f", "json"]).stdout).documents;
    expect(docs.map((d: { source: string }) => d.source.slice(sub.length))).toEqual([
      "/one.txt",
      "/deeper/two.md",
    ]);
  });

  it("escapes control characters from documents in text output", () => {
    const a = file("ansi.txt", "Hanoi\u001b[31m and Hue\n");
    const r = run(["places", a]);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).toContain("Hanoi");
  });

  describe("bad input: a clear message naming the file, the others still processed", () => {
    it.each([
      ["a missing file", () => join(dir, "missing.txt"), /missing\.txt.*E_NOT_FOUND/, 1],
      [
        "a binary file",
        () => file("bin.txt", Buffer.from([0, 1, 2, 3, 0, 255, 254])),
        /bin\.txt.*E_BINARY/,
        1,
      ],
      [
        "an empty folder",
        () => {
          const d = join(dir, "empty");
          spawnSync("mkdir", ["-p", d]);
          return d;
        },
        /empty.*E_EMPTY_DIRECTORY/,
        1,
      ],
    ])("%s", (_what, make, message, status) => {
      const good = file("good.txt", "Quang Tri");
      const r = run(["places", make(), good, "-f", "json"]);
      expect(r.status).toBe(status);
      expect(r.stderr).toMatch(message);
      expect(JSON.parse(r.stdout).documents.map((d: { source: string }) => d.source)).toEqual([
        good,
      ]);
    });

    it("an empty file: one line naming it, exit 1, the others still read", () => {
      const good = file("good2.txt", "Quang Tri");
      const r = run(["places", file("empty.txt", " \n"), good, "-f", "json"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/input is empty: .*empty\.txt \[E_EMPTY\]/);
      expect(JSON.parse(r.stdout).documents.map((d: { source: string }) => d.source)).toEqual([
        good,
      ]);
    });

    it("invalid UTF-8: replaced, reported with the byte offset, still parsed", () => {
      const bytes = Buffer.concat([
        Buffer.from("Hà Giang "),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(" Lào Cai"),
      ]);
      const r = run(["places", file("bad-utf8.txt", bytes), "-f", "json"]);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/bad-utf8\.txt: invalid UTF-8 at byte 10/);
      expect(
        JSON.parse(r.stdout).documents[0].provinces.map((p: { name: string }) => p.name),
      ).toEqual(["Ha Giang", "Lao Cai"]);
    });

    it("a file over the size limit is refused with the limit named", () => {
      const big = file("big.txt", "Ha Noi ".repeat(2000));
      const r = run(["places", big, "--max-bytes", "1000"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/big\.txt is 14000 bytes, the limit is 1000.*E_TOO_LARGE/);
    });

    it("UTF-16 with a BOM is text, not binary", () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Đà Nẵng", "utf16le")]);
      const r = run(["places", file("u16.txt", utf16), "-f", "json"]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).documents[0].mentions[0].text).toBe("Đà Nẵng");
    });

    it("a bad option value is a usage error (exit 2)", () => {
      const r = run(["places", "-f", "xml", file("x.txt", "Hue")]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/expected one of text, json, jsonl, csv, geojson/);
    });
  });
});

describe("dossier data-check", () => {
  it("reports the bundled data as valid", () => {
    const r = run(["data-check"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok — 63 provinces .* 34 /);
  });

  it("prints the same counts as JSON, and a bad data folder's problems with exit 1", () => {
    const r = run(["data-check", "-f", "json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, provinces: 63, provinces2025: 34, problems: [] });
    expect(report.otherPlaces).toBeGreaterThan(0);
    const bad = run(["data-check", "-f", "jsonl", "--data", file("not-a-folder.txt", "x")]);
    expect(bad.status).toBe(1);
    const failed = JSON.parse(bad.stdout);
    expect(failed.ok).toBe(false);
    expect(failed.problems.length).toBeGreaterThan(0);
  });
});

describe("dossier clean", () => {
  it("prints the JSON contract with removed spans and near-duplicates", () => {
    const page = [
      "  • Ha Noi",
      "  • Hai Phong",
      "  • Da Nang",
      "  • Can Tho",
      "  • Hue",
      "  • Vinh",
      "",
      "Ferry services resume after the storm",
      "",
      "VGP – Ferry services between the mainland and the islands resumed on Wednesday after the storm passed, port officials said.",
      "",
      "April 8, 2026 7:05 AM GMT+7",
      "",
      "Passengers board a ferry at the pier, April 8, 2026 - Photo: VGP",
      "",
      "Operators added extra departures to clear the backlog of travellers stranded for three days.",
      "",
      "Comment (0)",
      "",
    ].join("\n");
    const a = file("page-a.txt", page);
    const b = file("page-b.txt", page.replace("Comment (0)", "Comment (4)\nShare"));
    const r = run(["clean", a, b, "-f", "json"]);
    expect(r.status).toBe(0);
    const [first, second] = JSON.parse(r.stdout).documents;
    expect(first.source).toBe(a);
    const d = first.document;
    for (const key of [
      "id",
      "title",
      "lede",
      "publisher",
      "published",
      "language",
      "text",
      "captions",
      "removed",
      "warnings",
    ]) {
      expect(d).toHaveProperty(key);
    }
    expect(d).toMatchObject({
      title: "Ferry services resume after the storm",
      publisher: "VGP",
      published: "2026-04-08T07:05:00+07:00",
      language: "en",
    });
    expect(d.captions).toEqual([
      { text: "Passengers board a ferry at the pier, April 8, 2026", credit: "VGP" },
    ]);
    expect(d.removed[0]).toMatchObject({ start: 0, reason: expect.stringMatching(/picker/) });
    expect(second.duplicateOf).toMatchObject({ id: d.id, exact: true });
  });

  it("prints cleaned text, and HTML goes through the article extractor", () => {
    const html = file(
      "page.html",
      `<!doctype html><html lang="vi"><head><title>Cầu mới ở Cần Thơ</title><script>document.write("EVIL")</script></head><body><nav>Trang chủ | Thời sự</nav><article><h1>Cầu mới ở Cần Thơ</h1><p>Cần Thơ (TTXVN) - Thành phố Cần Thơ vừa khánh thành cây cầu mới nối hai quận, giúp người dân đi lại thuận tiện hơn.</p><p>Công trình được xây dựng trong hai năm với tổng vốn đầu tư lớn.</p></article><footer>Bình luận (0)</footer></body></html>`,
    );
    const r = run(["clean", html]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Thành phố Cần Thơ vừa khánh thành/);
    expect(r.stdout).not.toMatch(/EVIL|Trang chủ|Bình luận/);
    const places = JSON.parse(run(["places", html, "-f", "json"]).stdout).documents[0];
    expect(places.provinces).toEqual([
      { code: "92", name: "Can Tho", nameVi: "Cần Thơ", count: expect.any(Number) },
    ]);
  });
});

describe("dossier analyze and dossier provisions", () => {
  const statement = [
    "Joint Statement on trade",
    "",
    "Both sides agreed to expand trade in rice and coffee through the port of Hai Phong.",
    "The two sides agreed not to support unilateral sanctions that are not approved by the UN Security Council.",
    "The Russian side supports the 2002 DOC and the early conclusion of a COC in the East Sea.",
    "",
  ].join("\n");

  it("prints the analyze JSON contract", () => {
    const r = run(["analyze", file("statement.txt", statement)]);
    expect(r.status).toBe(0);
    const [doc] = JSON.parse(r.stdout).documents;
    expect(doc.document).toMatchObject({ title: "Joint Statement on trade" });
    const a = doc.analysis;
    expect(a.places[0]).toMatchObject({ text: "Hai Phong", province: { name: "Hai Phong" } });
    for (const e of a.entities)
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(["text", "start", "end", "id", "type", "name"]),
      );
    expect(a.entities.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([
        "org:unsc",
        "instr:doc-2002",
        "instr:coc",
        "place:south-china-sea",
        "country:RUS",
      ]),
    );
    expect(a.provisions.map((p: { stance: string }) => p.stance)).toEqual([
      "agree",
      "oppose",
      "support",
    ]);
    expect(a.provisions[0]).toMatchObject({ actor: { kind: "joint" }, modality: "commitment" });
    expect(a.kind.kind).toBe("statement");
    expect(a.provisions[0].domains).toContain("trade");
  });

  it("prints provisions as a table, JSON, CSV and Markdown", () => {
    const f = file("statement2.txt", statement);
    const text = run(["provisions", f]).stdout;
    expect(text).toMatch(/3 provisions/);
    expect(text).toMatch(/oppose\*/);
    expect(
      JSON.parse(run(["provisions", f, "-f", "json"]).stdout).documents[0].provisions,
    ).toHaveLength(3);
    expect(run(["provisions", f, "-f", "csv"]).stdout.split("\r\n")[0]).toBe(
      "source,index,start,end,actor,actor_ids,stance,negated,modality,domains,text",
    );
    expect(run(["provisions", f, "-f", "md"]).stdout).toMatch(
      /\| 2 \| The two sides \| oppose \(negated\) \|/,
    );
  });
});

describe("dossier ingest, search, stats, export", () => {
  it("stores once, finds with or without diacritics, and prints the JSON contracts", () => {
    const db = join(dir, "test.db");
    const a = file(
      "store-a.txt",
      "Cảng Đà Nẵng mở rộng\n\nĐà Nẵng (TTXVN) - Thành phố Đà Nẵng khởi công mở rộng cảng biển, phục vụ xuất khẩu nông sản và năng lượng.\n",
    );
    const b = file(
      "store-b.txt",
      "Bridge opens in Hue\n\nVGP – Authorities in Hue opened a new bridge over the Perfume River on Monday, officials said.\n",
    );
    expect(run(["ingest", a, b, "--db", db]).status).toBe(0);
    expect(run(["ingest", a, b, "--db", db]).stderr).toMatch(/0 stored, 2 already there/);
    expect(JSON.parse(run(["stats", "--db", db, "-f", "json"]).stdout)).toMatchObject({
      documents: 2,
    });
    for (const q of ["Đà Nẵng", "da nang", "DA NANG"]) {
      const r = JSON.parse(run(["search", q, "--db", db, "-f", "json"]).stdout);
      expect(r.total).toBe(1);
      expect(Object.keys(r.results[0])).toEqual(
        expect.arrayContaining(["id", "title", "source", "score", "snippet"]),
      );
      expect(r.results[0].source).toBe(a);
      expect(r.facets.province.map((f: { value: string }) => f.value)).toContain("48");
    }
    const hue = JSON.parse(run(["search", "--province", "46", "--db", db, "-f", "json"]).stdout);
    expect(hue.results.map((x: { source: string }) => x.source)).toEqual([b]);
    const geo = JSON.parse(run(["export", "--db", db, "-f", "geojson"]).stdout);
    type Feature = { properties: { code: string; count: number } };
    expect(geo.features).toHaveLength(63);
    expect(
      geo.features
        .filter((f: Feature) => f.properties.count > 0)
        .map((f: Feature) => f.properties.code)
        .sort(),
    ).toEqual(["46", "48"]);
    // The search filters select the documents counted.
    const counted = (args: string[]) =>
      JSON.parse(run(["export", "--db", db, "-f", "geojson", ...args]).stdout)
        .features.filter((f: Feature) => f.properties.count > 0)
        .map((f: Feature) => f.properties.code);
    expect(counted(["bridge"])).toEqual(["46"]);
    expect(counted(["--province", "48", "--level", "new"])).toEqual(["48"]);
    expect(run(["export", "--db", db, "-f", "jsonl"]).stdout.trim().split("\n")).toHaveLength(2);
  });

  it("search says how many undated documents a date filter left out, and finds them on request", () => {
    const db = join(dir, "undated.db");
    const dated = file(
      "dated.txt",
      "On March 3, 2025, the two ministers opened a rice fair in Can Tho.\nBoth sides agreed to meet again.\n",
    );
    const undated = file(
      "undated.txt",
      "Farmers in Can Tho sold more rice this spring, officials said.\n",
    );
    expect(run(["ingest", dated, undated, "--db", db]).status).toBe(0);
    const text = run(["search", "--from", "2025-01-01", "--db", db]).stdout;
    expect(text).toMatch(/^1 documents\n\(1 undated documents left out by the date filter/);
    const only = JSON.parse(run(["search", "--undated", "only", "--db", db, "-f", "json"]).stdout);
    expect(only.results.map((r: { source: string }) => r.source)).toEqual([undated]);
    const month = JSON.parse(run(["search", "--db", db, "-f", "json"]).stdout).facets.month;
    expect(month).toEqual([
      { value: "2025-03", label: "2025-03", count: 1 },
      { value: "undated", label: "undated", count: 1 },
    ]);
    const bad = run(["search", "--undated", "never", "--db", db]);
    expect(bad.status).toBe(2);
    const both = run(["search", "--undated", "only", "--from", "2025", "--db", db]);
    expect(both.status).not.toBe(0);
    expect(both.stderr).toMatch(/undated=only/);
  });
});
