import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDossierError } from "../../src/errors.js";
import { ingestPaths, walkPaths } from "../../src/ingest/index.js";

/**
 * Folder walks: a file whose name is not UTF-8 is read, not reported missing; symbolic links to
 * files and folders are followed; a broken link or a loop is reported by name, and the rest of
 * the folder is still read.
 */
const BIN = new URL("../../bin/dossier.js", import.meta.url).pathname;
let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-paths-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const latin1 = (s: string) => Buffer.from(s, "latin1");
const walk = (path: string) =>
  [...walkPaths([path])].map((e) => (isDossierError(e) ? `${e.code} ${e.message}` : e.toString()));

describe("names that are not UTF-8", () => {
  it("a file in a folder is read, under its name with U+FFFD", () => {
    const folder = join(dir, "latin1");
    mkdirSync(folder);
    writeFileSync(
      Buffer.concat([latin1(`${folder}/caf`), Buffer.from([0xe9]), latin1(".txt")]),
      "Hanoi.",
    );
    const items = [...ingestPaths([folder])];
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item && "document" in item && item.document.text).toBe("Hanoi.");
    expect(item?.source).toBe(`${folder}/caf\uFFFD.txt`);
  });

  it("any name the file system allows is found and read (property)", () => {
    const folder = join(dir, "any");
    mkdirSync(folder);
    const byte = fc.integer({ min: 1, max: 255 }).filter((b) => b !== 0x2f);
    fc.assert(
      fc.property(fc.array(byte, { minLength: 1, maxLength: 40 }), (bytes) => {
        if (bytes[0] === 0x2e) return; // hidden, skipped by design
        const sub = join(folder, String(Math.random()).slice(2));
        mkdirSync(sub);
        const name = Buffer.concat([
          Buffer.from(`${sub}/`),
          Buffer.from(bytes),
          Buffer.from(".txt"),
        ]);
        writeFileSync(name, "Floods in Hue.");
        const items = [...ingestPaths([sub])];
        expect(items.map((i) => ("document" in i ? i.document.text : i.error.message))).toEqual([
          "Floods in Hue.",
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it("a name given on the command line is read (dossier places)", () => {
    const folder = join(dir, "argv");
    mkdirSync(folder);
    writeFileSync(
      Buffer.concat([latin1(`${folder}/h`), Buffer.from([0xe0, 0xff]), latin1(".txt")]),
      "Storm hits Da Nang.",
    );
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${BIN}" places "$1"/h$'\\xe0\\xff'.txt --format json`,
        "-",
        folder,
      ],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [doc] = JSON.parse(r.stdout).documents;
    expect(doc.source).toBe(`${folder}/h\uFFFD\uFFFD.txt`);
    expect(doc.mentions.map((m: { text: string }) => m.text)).toEqual(["Da Nang"]);
  });
});

describe("symbolic links in folders", () => {
  it("follows links to files and folders, in name order", () => {
    const outside = join(dir, "outside");
    mkdirSync(join(outside, "more"), { recursive: true });
    writeFileSync(join(outside, "real.txt"), "Hanoi.");
    writeFileSync(join(outside, "more", "deep.md"), "Hue.");
    const folder = join(dir, "links");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.txt"), "Can Tho.");
    symlinkSync(join(outside, "real.txt"), join(folder, "b.txt"));
    symlinkSync(join(outside, "more"), join(folder, "c"));
    symlinkSync(join(outside, "real.txt"), join(folder, "d.png")); // not a file to read
    expect(walk(folder)).toEqual([
      join(folder, "a.txt"),
      join(folder, "b.txt"),
      join(folder, "c", "deep.md"),
    ]);
  });

  it("reports a broken link and loops by name, and reads the rest", () => {
    const folder = join(dir, "bad-links");
    mkdirSync(join(folder, "sub"), { recursive: true });
    writeFileSync(join(folder, "sub", "ok.txt"), "Hanoi.");
    symlinkSync("nowhere.txt", join(folder, "broken.txt"));
    symlinkSync("nowhere.png", join(folder, "ignored.png")); // broken, but not a file to read
    symlinkSync("self.txt", join(folder, "self.txt"));
    symlinkSync("..", join(folder, "sub", "up"));
    expect(walk(folder)).toEqual([
      `E_NOT_FOUND no such file or directory: ${join(folder, "broken.txt")}: broken symbolic link to nowhere.txt`,
      `E_READ input could not be read: ${join(folder, "self.txt")}: symbolic link loop`,
      join(folder, "sub", "ok.txt"),
      `E_READ input could not be read: ${join(folder, "sub", "up")}: symbolic link loop, leads back to ${folder}`,
    ]);
  });

  it("the CLI reads the linked file, names the broken link and exits 1", () => {
    const folder = join(dir, "cli-links");
    mkdirSync(folder);
    writeFileSync(join(dir, "target.txt"), "Floods in Quang Ninh.");
    symlinkSync(join(dir, "target.txt"), join(folder, "linked.txt"));
    symlinkSync("gone.txt", join(folder, "missing.txt"));
    const r = spawnSync(process.execPath, [BIN, "places", folder, "--format", "jsonl"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `dossier places: no such file or directory: ${join(folder, "missing.txt")}: broken symbolic link to gone.txt [E_NOT_FOUND]\n`,
    );
    expect(JSON.parse(r.stdout).mentions.map((m: { text: string }) => m.text)).toEqual([
      "Quang Ninh",
    ]);
  });
});
