import { once } from "node:events";

/** Pieces JSON is written in: big enough to write fast, small enough to keep memory flat. */
const CHUNK = 1 << 16;

/**
 * A reader that goes away early (`dossier … | head -1`) wanted no more: the run ends at once,
 * quietly, with status 0. Any other failure to write is one line on standard error, status 74
 * (EX_IOERR), never a stack trace. Installed once, for every command.
 */
export function endQuietlyWhenReaderCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(0);
    process.stderr.write(`dossier: cannot write the output: ${error.message}\n`);
    process.exit(74);
  });
}

/**
 * Where a data command writes its results, as it makes them: each piece goes out when it is
 * ready, and the command waits while the reader is behind, so memory holds one document's
 * output, not the run's.
 */
export class Output {
  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  /** Writes `text`; waits for a slow reader, and lets a closed one be noticed between pieces. */
  async write(text: string): Promise<void> {
    if (text === "") return;
    if (!this.stream.write(text)) await once(this.stream, "drain");
    else await new Promise(setImmediate);
  }

  /**
   * Writes `value` as JSON, a chunk at a time, never as one string (a document with millions of
   * mentions is more than a string can hold). `space` indents as JSON.stringify does; `margin`
   * starts every line after the first, to nest the value in an enclosing list. `small` says the
   * caller knows the value is small (see `isSmall`): it is written as one string, faster.
   */
  async json(value: unknown, space?: number, margin = "", small = false): Promise<void> {
    if (small) {
      // One native JSON.stringify: several times faster than the chunked walk, and the same text.
      const text = JSON.stringify(value, null, space);
      await this.write(margin === "" ? text : text.replaceAll("\n", `\n${margin}`));
      return;
    }
    // Loaded here, not with the module: most runs write small values only.
    const { stringifyChunked } = await import("@discoveryjs/json-ext");
    for (const chunk of stringifyChunked(value, { space, highWaterMark: CHUNK }))
      await this.write(margin === "" ? chunk : chunk.replaceAll("\n", `\n${margin}`));
  }
}

/**
 * Texts up to this many characters have their results written as one JSON string: their output
 * (tens of times the text at most) stays far below what a string can hold, and memory stays
 * bounded by the largest document either way.
 */
export const SMALL_TEXT = 1 << 20;

/** Whether a document of `text` is small enough for a one-string write (`ListWriter.add`). */
export const isSmall = (text: string): boolean => text.length <= SMALL_TEXT;

/** `json`: one object holding a list; `jsonl`: JSON Lines, one element a line. */
export type ListFormat = "json" | "jsonl";

/**
 * A list written element by element: `{ "<key>": [ … ] }` (the same text as
 * `JSON.stringify({ [key]: list }, null, 2)`) or JSON Lines. What `dossier <command> --format
 * json|jsonl` prints, a document at a time.
 */
export class ListWriter {
  private count = 0;

  constructor(
    private readonly out: Output,
    private readonly format: ListFormat,
    private readonly key = "documents",
  ) {}

  /** `small`: the value is known to be small enough to write as one string (see `isSmall`). */
  async add(value: unknown, small = false): Promise<void> {
    if (this.format === "jsonl") {
      await this.out.json(value, undefined, "", small);
      await this.out.write("\n");
    } else {
      const opening = this.count === 0 ? `{\n  ${JSON.stringify(this.key)}: [\n    ` : ",\n    ";
      await this.out.write(opening);
      await this.out.json(value, 2, "    ", small);
    }
    this.count++;
  }

  /** Closes the list (an empty one too); call once, at the end. */
  async end(): Promise<void> {
    if (this.format === "jsonl") return;
    await this.out.write(
      this.count === 0 ? `{\n  ${JSON.stringify(this.key)}: []\n}\n` : "\n  ]\n}\n",
    );
  }
}
