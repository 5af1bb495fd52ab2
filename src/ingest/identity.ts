/**
 * Document identity: one id per article, however it was typed or scraped. Two copies of the
 * same text that differ only in Unicode normal form (NFC/NFD), letter case, diacritics,
 * punctuation or whitespace must get the same id, so the id is a hash of a folded form of the
 * words rather than of the bytes.
 */
import { createHash } from "node:crypto";
import { FOLD, MARK, WORD } from "../text/fold.js";

/** Folded forms of word characters with no ASCII base (Cyrillic, Greek, CJK, ß …), cached. */
const otherFolds = new Map<number, string>();

function foldOther(code: number): string {
  let folded = otherFolds.get(code);
  if (folded === undefined) {
    folded = String.fromCharCode(code).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
    otherFolds.set(code, folded);
  }
  return folded;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The normalised form used for identity: NFC, diacritics and case folded (foldKey), whitespace
 * collapsed — words of lowercase ASCII letters and digits separated by single spaces.
 *
 * It is `foldKey(text.normalize("NFC"))` for Latin and Vietnamese text, with one difference:
 * foldKey drops word characters that have no ASCII base (it only needs to match Vietnamese
 * place names), which would give every Russian or Chinese article the same empty key and so the
 * same id. Here those characters are kept, lowercased and stripped of marks, and so are
 * astral-plane characters (surrogate pairs), which the BMP fold table cannot see.
 */
export function normaliseForIdentity(text: string): string {
  // Code units go into a buffer decoded a chunk at a time: appending to a string one character
  // at a time builds millions of rope nodes on a large document and the GC drowns in them.
  const out = new Chunks();
  foldInto(text, out);
  return out.toString();
}

/** Where the identity fold writes: a folded ASCII code as is, any other piece as text. */
interface FoldSink {
  length: number;
  push(code: number): void;
  pushText(piece: string): void;
}

/** The walk of normaliseForIdentity, written to `sink`. */
function foldInto(text: string, sink: FoldSink): void {
  const nfc = text.normalize("NFC");
  let pendingSpace = false;
  for (let i = 0; i < nfc.length; i++) {
    const code = nfc.charCodeAt(i);
    const f = FOLD[code] as number;
    if (f === MARK) continue;
    let piece: string | null = null;
    if (f >= 48) {
      // a folded ASCII letter or digit: no string needed
    } else if (f === WORD) piece = foldOther(code);
    else if (isHighSurrogate(code) && isLowSurrogate(nfc.charCodeAt(i + 1))) {
      piece = nfc.slice(i, i + 2).toLowerCase();
      i++;
    } else {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && sink.length > 0) sink.push(32);
    pendingSpace = false;
    if (piece === null) sink.push(f);
    else sink.pushText(piece);
  }
}

/** A growing string of UTF-16 code units, decoded in 16 KiB chunks. */
class Chunks {
  #buffer = new Uint16Array(16384);
  #used = 0;
  #parts: string[] = [];
  length = 0;

  push(code: number): void {
    if (this.#used === this.#buffer.length) this.#flush();
    this.#buffer[this.#used++] = code;
    this.length++;
  }

  pushText(piece: string): void {
    for (let k = 0; k < piece.length; k++) this.push(piece.charCodeAt(k));
  }

  #flush(): void {
    this.#parts.push(
      String.fromCharCode.apply(null, this.#buffer.subarray(0, this.#used) as unknown as number[]),
    );
    this.#used = 0;
  }

  toString(): string {
    this.#flush();
    return this.#parts.join("");
  }
}

/** The id of text already passed through normaliseForIdentity (saves a second fold). */
export function documentIdOfNormalised(normalised: string): string {
  return createHash("sha256").update(normalised, "utf8").digest("hex").slice(0, 16);
}

/**
 * A stable document id: the first 16 hex chars (64 bits) of SHA-256 of
 * normaliseForIdentity(text). 64 bits keep ids short in file names and JSON while leaving
 * collisions negligible (a chance of about 3 in 10^8 among a million documents). Same article text with
 * different whitespace, case, NFC/NFD → same id.
 */
export function documentId(text: string): string {
  // The same walk as normaliseForIdentity, but its UTF-8 bytes go straight into the hash a
  // buffer at a time: no normalised string is built, decoded or encoded again.
  const hash = createHash("sha256");
  const bytes = new Bytes(hash);
  foldInto(text, bytes);
  bytes.end();
  return hash.digest("hex").slice(0, 16);
}

/** UTF-8 bytes fed to a hash 16 KiB at a time. */
class Bytes {
  #buffer = Buffer.allocUnsafe(16384);
  #used = 0;
  length = 0;

  constructor(private readonly hash: ReturnType<typeof createHash>) {}

  push(byte: number): void {
    if (this.#used === this.#buffer.length) this.end();
    this.#buffer[this.#used++] = byte;
    this.length++;
  }

  pushText(text: string): void {
    for (const byte of Buffer.from(text, "utf8")) this.push(byte);
  }

  /** Hands the bytes so far to the hash. */
  end(): void {
    if (this.#used > 0) this.hash.update(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
  }
}
