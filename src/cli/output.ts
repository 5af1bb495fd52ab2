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
  async write(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return;
    if (!this.stream.write(text)) await once(this.stream, "drain");
    else await new Promise(setImmediate);
  }

  /**
   * Writes `parts` one after the other: in one write when they are all strings (a document's
   * output whole before the next document is read), else a write each (bytes are not copied
   * to be joined).
   */
  async writeAll(...parts: (string | Uint8Array)[]): Promise<void> {
    if (parts.every((p) => typeof p === "string")) await this.write(parts.join(""));
    else for (const p of parts) await this.write(p);
  }

  /**
   * Writes `value` as JSON, a chunk at a time, never as one string (a document with millions of
   * mentions is more than a string can hold). `space` indents as JSON.stringify does; `margin`
   * starts every line after the first, to nest the value in an enclosing list.
   */
  async json(value: unknown, space?: number, margin = ""): Promise<void> {
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

/** What opens a `json` list of `key` before its first element: `{ "<key>": [` and a margin. */
const listOpening = (key: string) => `{\n  ${JSON.stringify(key)}: [\n    `;

/** What closes a `json` list after its last element. */
const LIST_CLOSING = "\n  ]\n}";

/**
 * One small element of a list as `ListWriter.addText` takes it: in `json`, indented as it
 * stands inside the list. JSON.stringify of the value inside a one-element list gives that
 * margin natively, where indenting its own JSON after would copy the text again.
 */
export function listElement(value: unknown, format: ListFormat): string {
  if (format === "jsonl") return JSON.stringify(value);
  const text = JSON.stringify({ documents: [value] }, null, 2);
  return text.slice(listOpening("documents").length, text.length - LIST_CLOSING.length);
}

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
    if (small) return this.addText(listElement(value, this.format));
    if (this.format === "json") await this.out.write(this.opening());
    await this.out.json(value, this.format === "json" ? 2 : undefined, this.margin());
    if (this.format === "jsonl") await this.out.write("\n");
  }

  /**
   * Adds an element made by `listElement` (in this list's format), or its UTF-8 bytes.
   */
  async addText(element: string | Uint8Array): Promise<void> {
    if (this.format === "json") await this.out.writeAll(this.opening(), element);
    else await this.out.writeAll(element, "\n");
  }

  private opening(): string {
    return this.count++ === 0 ? listOpening(this.key) : ",\n    ";
  }

  private margin(): string {
    return this.format === "json" ? "    " : "";
  }

  /** Closes the list (an empty one too); call once, at the end. */
  async end(): Promise<void> {
    if (this.format === "jsonl") return;
    await this.out.write(
      this.count === 0 ? `{\n  ${JSON.stringify(this.key)}: []\n}\n` : `${LIST_CLOSING}\n`,
    );
  }
}
