/**
 * yazl computes each entry's CRC-32 with buffer-crc32, a byte-at-a-time JavaScript loop. On
 * our machines it runs at a quarter of SHA-256's speed (about 480 against 1,900 MB/s), so the
 * ZIP checksum, not the hashing, would bound how fast a bundle is built. Node's zlib.crc32
 * (native, Node 20.15 and later) computes the same CRC-32 more than ten times faster.
 *
 * yazl looks up `unsigned` on the buffer-crc32 module object for every chunk, so replacing
 * that one function makes yazl use the native code. The replacement is checked against the
 * original on sample input first and not installed if they disagree, in which case bundles
 * are correct, only slower. Every caller of buffer-crc32 in the process gets identical
 * results either way.
 */
import { createRequire } from "node:module";
import zlib from "node:zlib";

interface Crc32Module {
  unsigned: (data: Buffer | string, previous?: number | Buffer) => number;
}

let state: "unknown" | "native" | "javascript" = "unknown";

function sameResults(original: Crc32Module["unsigned"]): boolean {
  const samples = [Buffer.alloc(0), Buffer.from("attest"), Buffer.from([0, 255, 1, 254, 128])];
  let previous = 0;
  for (const sample of samples) {
    const expected = original(sample, previous);
    if (zlib.crc32(sample, previous) !== expected) return false;
    previous = expected;
  }
  return true;
}

/** Makes yazl's CRC-32 native; returns whether it is (false only on an older Node). */
export function useNativeCrc32(): boolean {
  if (state !== "unknown") return state === "native";
  state = "javascript";
  if (typeof zlib.crc32 !== "function") return false;
  // buffer-crc32 is yazl's dependency: resolve it from yazl, as yazl itself does.
  const fromYazl = createRequire(createRequire(import.meta.url).resolve("yazl"));
  const crc32 = fromYazl("buffer-crc32") as Crc32Module;
  const original = crc32.unsigned;
  if (!sameResults(original)) return false;
  crc32.unsigned = (data, previous) =>
    Buffer.isBuffer(data) && (previous === undefined || typeof previous === "number")
      ? zlib.crc32(data, previous ?? 0)
      : original(data, previous);
  state = "native";
  return true;
}
