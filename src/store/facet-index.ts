import { decodeSnapshot, encodeSnapshot } from "../io/snapshot.js";
import { foldKey } from "../text/fold.js";

/** The facets a document has several values of, as document_facets.facets holds them. */
export const MULTI = ["province", "province2025", "entity", "domain"] as const;
export type Multi = (typeof MULTI)[number];
/** Every facet (month: the first 7 characters of `published`, or UNDATED). */
export const KINDS = [...MULTI, "source", "publisher", "language", "month"] as const;
export type Kind = (typeof KINDS)[number];

/** The month facet's value for documents without a date. */
export const UNDATED = "undated";

/** An Int32Array that grows. */
class Ints {
  array: Int32Array = new Int32Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.array.length) {
      const bigger = new Int32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = n;
  }
}

/** How many rows a process reads from document_facets before it keeps a new snapshot. */
export const SNAPSHOT_AFTER_ROWS = 1000;

/** What `FacetIndex.toBytes` writes: a snapshot of another layout is not read. */
const SNAPSHOT_KEY = "facet-index/1";

/** The strings of a facet snapshot; its numbers are typed arrays beside them. */
interface SnapshotJson {
  ids: string[];
  published: (string | null)[];
  values: string[];
  kinds: number[];
}

/** One document's row of document_facets, as both stores hold it. */
export interface FacetRow {
  rowid: number;
  id: string;
  source: string;
  language: string;
  published: string | null;
  publisher: string | null;
  facets: Partial<Record<Multi, string[]>>;
}

/**
 * What search filters and counts facets on, per document, in memory, whichever store loads it.
 * Keyed by the document's rowid in the full-text index, which the full-text match returns, so
 * a match never reads the documents it counts.
 *
 * Every value of every facet is numbered (`values`, `kinds`), and a document's values are one
 * run of those numbers in `data`, from `start[rowid]` to `end[rowid]`: counting the facets of
 * tens of thousands of documents is one tight loop.
 */
export class FacetIndex {
  /** Rowids loaded, in the order loaded. */
  rowids: number[] = [];
  ids: string[] = [];
  published: (string | null)[] = [];
  start: number[] = [];
  end: number[] = [];
  data = new Ints();
  /** Facet values: per kind, value → number; and by number, the kind and the value. */
  numbers = new Map<Kind, Map<string, number>>();
  kinds: Kind[] = [];
  values: string[] = [];
  labels = {} as Record<Multi, Map<string, string>>;
  /** Rows a store read from its facet rows since the index was last loaded from, or kept as, a snapshot. */
  protected fromRows = 0;

  constructor() {
    this.reset();
  }

  /** Forgets every row loaded. */
  reset(): void {
    this.rowids = [];
    this.ids = [];
    this.published = [];
    this.start = [];
    this.end = [];
    this.data = new Ints();
    this.numbers = new Map(KINDS.map((k) => [k, new Map()]));
    this.kinds = [];
    this.values = [];
    for (const k of MULTI) this.labels[k] = new Map();
  }

  /** How many facet rows the index read since its snapshot (or since it was empty). */
  get rowsRead(): number {
    return this.fromRows;
  }

  /** The number of a facet value; undefined if no document has it. */
  number(kind: Kind, value: string): number | undefined {
    return this.numbers.get(kind)?.get(value);
  }

  /** The numbers of the values of `kind` that fold to `value`'s key ("vgp" is "VGP"). */
  numbersFolded(kind: Kind, value: string): number[] {
    const key = foldKey(value);
    const out: number[] = [];
    this.kinds.forEach((k, n) => {
      if (k === kind && foldKey(this.values[n] as string) === key) out.push(n);
    });
    return out;
  }

  private add(kind: Kind, value: string): void {
    // One map per kind: no key string is built per value of each document loaded.
    const numbers = this.numbers.get(kind) as Map<string, number>;
    let n = numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      numbers.set(value, n);
      this.kinds.push(kind);
      this.values.push(value);
    }
    this.data.push(n);
  }

  /** Takes in one document's facets. */
  addRow(row: FacetRow): void {
    const { rowid, published } = row;
    this.rowids.push(rowid);
    this.ids[rowid] = row.id;
    this.published[rowid] = published;
    this.start[rowid] = this.data.length;
    for (const k of MULTI) for (const v of row.facets[k] ?? []) this.add(k, v);
    this.add("source", row.source);
    if (row.publisher !== null) this.add("publisher", row.publisher);
    this.add("language", row.language);
    this.add("month", published === null ? UNDATED : published.slice(0, 7));
    this.end[rowid] = this.data.length;
  }

  /** Replaces the labels of the facet values (kind, value, label). */
  setLabels(rows: Iterable<[string, string, string]>): void {
    for (const k of MULTI) this.labels[k].clear();
    for (const [kind, value, label] of rows) this.labels[kind as Multi]?.set(value, label);
  }

  /**
   * The index as bytes, for a store to keep so that the next process reads one value instead of
   * every document's row (at 100,000 documents: tens of milliseconds instead of seconds). The
   * labels are not in it: they are few, and read apart.
   */
  toBytes(): Buffer {
    const rows = this.rowids;
    const json: SnapshotJson = {
      ids: rows.map((r) => this.ids[r] as string),
      published: rows.map((r) => this.published[r] ?? null),
      values: this.values,
      kinds: this.kinds.map((k) => KINDS.indexOf(k)),
    };
    return encodeSnapshot(SNAPSHOT_KEY, {
      json,
      arrays: {
        rowids: Int32Array.from(rows),
        start: Int32Array.from(rows, (r) => this.start[r] as number),
        end: Int32Array.from(rows, (r) => this.end[r] as number),
        data: this.data.array.subarray(0, this.data.length),
      },
    });
  }

  /**
   * Loads what `toBytes` wrote, in place of everything loaded so far. Returns false, loading
   * nothing, when the bytes are not such a snapshot (another layout, cut short, damaged).
   */
  loadBytes(bytes: Uint8Array): boolean {
    const snapshot = decodeSnapshot(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      SNAPSHOT_KEY,
    );
    if (!snapshot) return false;
    const { ids, published, values, kinds } = snapshot.json as SnapshotJson;
    const { rowids, start, end, data } = snapshot.arrays;
    const rows = ids.length;
    if (
      !(rowids instanceof Int32Array && start instanceof Int32Array && end instanceof Int32Array) ||
      !(data instanceof Int32Array) ||
      rowids.length !== rows ||
      start.length !== rows ||
      end.length !== rows ||
      published.length !== rows ||
      kinds.length !== values.length
    )
      return false;
    this.reset();
    for (let i = 0; i < rows; i++) {
      const r = rowids[i] as number;
      this.rowids.push(r);
      this.ids[r] = ids[i] as string;
      this.published[r] = published[i] as string | null;
      this.start[r] = start[i] as number;
      this.end[r] = end[i] as number;
    }
    // A view on the value, not a copy of its 20 MB (at 100,000 documents): the first push past
    // its end copies it out, as any growth does; until then the value's strings stay alive too.
    this.data.array = data;
    this.data.length = data.length;
    values.forEach((value, n) => {
      const kind = KINDS[kinds[n] as number] as Kind;
      this.kinds.push(kind);
      this.values.push(value);
      (this.numbers.get(kind) as Map<string, number>).set(value, n);
    });
    return true;
  }

  /** Whether document `rowid` has value number `n`. */
  has(rowid: number, n: number): boolean {
    const data = this.data.array;
    for (let i = this.start[rowid] as number, end = this.end[rowid] as number; i < end; i++) {
      if (data[i] === n) return true;
    }
    return false;
  }

  /** Whether document `rowid` has any of the values numbered `ns` (one pass over its values). */
  hasAny(rowid: number, ns: number[]): boolean {
    const data = this.data.array;
    for (let i = this.start[rowid] as number, end = this.end[rowid] as number; i < end; i++) {
      if (ns.includes(data[i] as number)) return true;
    }
    return false;
  }

  /** How many of the documents have each value, by value number. */
  count(rowids: number[]): Int32Array {
    const counts = new Int32Array(this.values.length);
    const data = this.data.array;
    const { start, end } = this;
    for (const r of rowids) {
      for (let i = start[r] as number, e = end[r] as number; i < e; i++) {
        (counts[data[i] as number] as number)++;
      }
    }
    return counts;
  }
}
