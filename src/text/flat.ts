/**
 * `text` as one flat run of UTF-16 code units, copied. A string built by concatenation (a
 * document assembled from chunks, `block += line`) is a rope in V8, and every `charCodeAt` of
 * a rope goes through its node, even once flattened: the scans of `analyze` read each code
 * unit of a document a dozen times, 10–40% slower on a rope. The copy costs one pass at
 * memory speed. UTF-16LE round-trips every code unit, lone surrogates included, so the copy is
 * the same string.
 */
export function flatCopy(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}
