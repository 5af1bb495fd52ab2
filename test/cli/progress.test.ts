import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { IngestProgress, rate } from "../../src/cli/progress.js";

describe("ingest progress", () => {
  it("rates documents per second, 0 before any time has passed", () => {
    expect(rate({ documents: 1500, errors: 0, seconds: 1.5 })).toBe(1000);
    expect(rate({ documents: 10, errors: 0, seconds: 0 })).toBe(0);
  });

  it("draws files done of files found, documents, rate and errors on a terminal", () => {
    const out = new PassThrough();
    let drawn = "";
    out.on("data", (chunk: Buffer) => {
      drawn += chunk.toString();
    });
    // cli-progress draws only on a terminal: this stream says it is one.
    const tty = Object.assign(out, {
      isTTY: true,
      columns: 200,
      cursorTo: () => true,
      clearLine: () => true,
    });
    const progress = new IngestProgress(tty as unknown as NodeJS.WriteStream);
    progress.start(40);
    progress.update(12, { documents: 30, errors: 2, seconds: 3 });
    progress.stop();
    expect(drawn).toContain("12/40 files");
    expect(drawn).toContain("30 documents");
    expect(drawn).toContain("10/s");
    expect(drawn).toContain("2 errors");
  });
});
