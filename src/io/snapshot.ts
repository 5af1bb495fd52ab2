import { createHash } from "node:crypto";

/**
 * What is built from the bundled data, as one file: a JSON value and typed arrays that are read
 * back as views on the file's bytes, without a copy or a parse.
 */
export interface Snapshot {
  json: unknown;
  arrays: Record<string, SnapshotArray>;
}

export type SnapshotArray = Int32Array | Uint32Array | Uint16Array | Uint8Array;

// Layout: MAGIC, the header's length (u32 LE), the header (JSON), then the body: the JSON value
// and each array, 8-byte aligned. The header names the key the body was built for and the
// body's digest, so a file built for other inputs, cut short or damaged is never read.
const MAGIC = Buffer.from("DOSSIER\u0001", "latin1");
const TYPES = { i32: Int32Array, u32: Uint32Array, u16: Uint16Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;

interface Header {
  key: string;
  digest: string;
  json: number;
  arrays: [name: string, type: TypeName, offset: number, length: number][];
}

const align = (n: number) => (n + 7) & ~7;
const digestOf = (body: Uint8Array) => createHash("sha1").update(body).digest("hex");

export function encodeSnapshot(key: string, snapshot: Snapshot): Buffer {
  const json = Buffer.from(JSON.stringify(snapshot.json), "utf8");
  const arrays: Header["arrays"] = [];
  let size = align(json.length);
  for (const [name, array] of Object.entries(snapshot.arrays)) {
    const type =
      array instanceof Int32Array
        ? "i32"
        : array instanceof Uint32Array
          ? "u32"
          : array instanceof Uint16Array
            ? "u16"
            : "u8";
    arrays.push([name, type, size, array.length]);
    size = align(size + array.byteLength);
  }
  const body = Buffer.alloc(size);
  json.copy(body, 0);
  for (const [name, , offset] of arrays) {
    const array = snapshot.arrays[name] as SnapshotArray;
    body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
  }
  const header: Header = { key, digest: digestOf(body), json: json.length, arrays };
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  // The body starts 8-byte aligned in the file, so the arrays can be views on it.
  const pad = Buffer.alloc(
    align(MAGIC.length + 4 + head.length) - (MAGIC.length + 4 + head.length),
  );
  return Buffer.concat([MAGIC, length, head, pad, body]);
}

/** The snapshot in `bytes` if it was written for `key` and is whole; null otherwise. */
export function decodeSnapshot(bytes: Buffer, key: string): Snapshot | null {
  try {
    if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
      return null;
    const headLength = bytes.readUInt32LE(MAGIC.length);
    const headStart = MAGIC.length + 4;
    const header = JSON.parse(
      bytes.toString("utf8", headStart, headStart + headLength),
    ) as Partial<Header>;
    if (header.key !== key || typeof header.json !== "number" || !Array.isArray(header.arrays))
      return null;
    let body = bytes.subarray(align(headStart + headLength));
    if (digestOf(body) !== header.digest) return null;
    // Views need their offset aligned to the element size; a Buffer from a pool may not be.
    if (body.byteOffset % 8 !== 0) body = Buffer.from(body);
    const arrays: Snapshot["arrays"] = {};
    for (const [name, type, offset, length] of header.arrays) {
      const Type = TYPES[type];
      if (!Type || offset + length * Type.BYTES_PER_ELEMENT > body.length) return null;
      arrays[name] = new Type(body.buffer as ArrayBuffer, body.byteOffset + offset, length);
    }
    return { json: JSON.parse(body.toString("utf8", 0, header.json)), arrays };
  } catch {
    return null;
  }
}

/**
 * The columns of a snapshot stored under `prefix`: `text` as UTF-8 bytes, `ints` as Int32Arrays.
 * Throws, naming the column, if one is missing or of another type.
 */
export function columnsOf<T extends string, N extends string>(
  arrays: Snapshot["arrays"],
  prefix: string,
  text: readonly T[],
  ints: readonly N[],
): Record<T, Uint8Array> & Record<N, Int32Array> {
  const columns: Record<string, Uint8Array | Int32Array> = {};
  for (const [names, Type] of [
    [text, Uint8Array],
    [ints, Int32Array],
  ] as const) {
    for (const name of names) {
      const a = arrays[`${prefix}.${name}`];
      if (!(a instanceof Type)) throw new Error(`snapshot: no ${prefix}.${name} column`);
      columns[name] = a;
    }
  }
  return columns as Record<T, Uint8Array> & Record<N, Int32Array>;
}

/** The lines of a UTF-8 text column. */
export function linesOf(column: Uint8Array): string[] {
  return Buffer.from(column.buffer, column.byteOffset, column.byteLength)
    .toString("utf8")
    .split("\n");
}
