import { closeSync, openSync, readSync } from "node:fs";

/**
 * Reads a UTF-8 file as strings of about `size` bytes, each cut after a line break so no
 * name or paragraph is split. Memory stays at a few chunks, whatever the file's size.
 */
export function* chunks(
  path: string,
  limitBytes = Number.POSITIVE_INFINITY,
  size = 1 << 20,
): Generator<{ text: string; bytes: number }> {
  const fd = openSync(path, "r");
  const buffer = Buffer.allocUnsafe(size * 2);
  let carry = 0;
  let total = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, carry, size, null);
      const filled = carry + read;
      if (filled === 0) return;
      let cut = read === 0 ? filled : buffer.lastIndexOf(10, filled - 1) + 1;
      if (cut <= 0) cut = filled;
      yield { text: buffer.toString("utf8", 0, cut), bytes: cut };
      total += cut;
      if (total >= limitBytes) return;
      buffer.copy(buffer, 0, cut, filled);
      carry = filled - cut;
      if (read === 0 && carry === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}
