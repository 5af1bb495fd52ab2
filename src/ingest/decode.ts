import { createRequire } from "node:module";
import type IconvLite from "iconv-lite";

// Loaded for the first legacy code page, not with the module: UTF-8 input never needs it.
const require = createRequire(import.meta.url);
let iconv: typeof IconvLite | undefined;

export interface Decoded {
  text: string;
  /** The encoding used: "utf-8", "utf-16le", "utf-16be", "windows-1258", "windows-1252". */
  encoding: string;
  warnings: string[];
}

// Letters that only Vietnamese uses among the candidates' repertoires: ă â đ ê ô ơ ư (either
// case) and the precomposed tone-marked vowels of Latin Extended Additional.
const VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]/gu;
// Characters that in decoded text usually mean the wrong code page was used.
const MOJIBAKE =
  /[\u0080-\u009f\u00c3\u00c2\u00e2\u20ac\u2122\u0152\u0153\u0160\u0161\u017d\u017e\u0178]/gu;

/**
 * Decodes bytes to NFC text, in this order:
 * 1. a BOM: UTF-8, UTF-16 LE or BE;
 * 2. UTF-8, if every sequence is valid;
 * 3. otherwise a legacy single-byte code page — Windows-1258 (Vietnamese) or Windows-1252
 *    (Western) — whichever reads as more Vietnamese and less mojibake, reported as a guess;
 * 4. failing that (binary-ish bytes), UTF-8 with invalid sequences replaced by U+FFFD and the
 *    offset of the first one reported.
 * Combining tone marks of Windows-1258 compose to NFC like any other input.
 */
export function decodeBytes(bytes: Uint8Array, source: string): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return decoded(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return decoded(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return decoded(
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body),
      "utf-8",
    );
  } catch {
    // Not UTF-8: a legacy code page (unless a BOM said UTF-8), or damaged UTF-8.
  }
  const legacy = bom ? null : guessLegacy(body);
  if (legacy) {
    return decoded(
      legacy.text,
      legacy.encoding,
      `${source}: not valid UTF-8; decoded as ${legacy.encoding} (guessed from its letters)`,
    );
  }
  return decoded(
    new TextDecoder("utf-8", { ignoreBOM: true }).decode(body),
    "utf-8",
    `${source}: invalid UTF-8 at byte ${firstInvalidUtf8(body) + (bom ? 3 : 0)}; bad bytes replaced with U+FFFD`,
  );
}

function decoded(text: string, encoding: string, warning?: string): Decoded {
  return { text: nfc(text), encoding, warnings: warning ? [warning] : [] };
}

function nfc(text: string): string {
  return text.normalize("NFC");
}

/**
 * Tries the legacy code pages and keeps one only when the bytes look like text in it: damaged
 * UTF-8 (mostly valid multi-byte sequences) is left to the UTF-8 path.
 */
function guessLegacy(bytes: Uint8Array): { text: string; encoding: string } | null {
  const high = countHigh(bytes);
  if (high === 0 || validUtf8Sequences(bytes) > high / 4) return null;
  let best: { text: string; encoding: string; score: number } | null = null;
  // Western text reads the same in both; Windows-1258 must earn its place with Vietnamese letters.
  for (const encoding of ["windows-1252", "windows-1258"]) {
    iconv ??= require("iconv-lite") as typeof IconvLite;
    const text = nfc(iconv.decode(Buffer.from(bytes), encoding));
    const score =
      (text.match(VIETNAMESE)?.length ?? 0) * 2 - (text.match(MOJIBAKE)?.length ?? 0) * 3;
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return best;
}

function countHigh(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

/** Bytes taking part in well-formed UTF-8 multi-byte sequences. */
function validUtf8Sequences(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const len = b >= 0xf0 && b < 0xf8 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
    if (len === 1 || b >= 0xf8) continue;
    let ok = i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      n += len;
      i += len - 1;
    }
  }
  return n;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    const len =
      b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len - 1;
  }
  return bytes.length;
}
