/**
 * Where evidence file content lives, addressed by its SHA-256: written once, never
 * overwritten, deduplicated, and checked against its hash whenever it is read.
 */
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import type { Readable } from "node:stream";
import { AppError } from "../../domain/errors.ts";

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface BlobStore {
  /** Streams content in, hashing as it goes; refuses empty content and content over maxBytes. */
  put(content: Readable, maxBytes: number): Promise<StoredBlob>;
  /** Streams content out; the stream fails with a CORRUPT error if the bytes do not match. */
  get(sha256: string): Promise<Readable>;
  /** Re-hashes stored content: null when intact, otherwise what is wrong. */
  check(sha256: string): Promise<string | null>;
  /** Removes what uploads cut short by a crash left behind; returns how many pieces. */
  sweepTemporary(olderThanMs: number, now: Date): Promise<number>;
  /** Releases what the store holds open (an object store's connections), if anything. */
  close?(): void;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "TOO_LARGE",
    `file: larger than the limit of ${maxBytes} bytes (ATTEST_MAX_EVIDENCE_BYTES)`,
    [{ field: "file", message: `larger than ${maxBytes} bytes` }],
  );
}

export function emptyContent(): AppError {
  return new AppError("VALIDATION_FAILED", "file: is empty; evidence needs content", [
    { field: "file", message: "is empty" },
  ]);
}

export function corrupt(sha256: string, detail: string): AppError {
  return new AppError(
    "INVALID_STATE",
    `stored file ${sha256} is corrupt: ${detail}. Restore it from a backup.`,
  );
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Passes stored content through while hashing it, and fails the stream at its end when the
 * bytes are not the ones stored under that SHA-256: every store's reads go through one.
 */
export function verifyingStream(sha256: string): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest("hex");
      done(actual === sha256 ? null : corrupt(sha256, `its content hashes to ${actual}`));
    },
  });
}

/** Hashes stored content to its end: null when it is the content named, otherwise what is wrong. */
export async function contentMismatch(
  sha256: string,
  content: AsyncIterable<Uint8Array>,
): Promise<string | null> {
  const hash = createHash("sha256");
  for await (const chunk of content) hash.update(chunk);
  const actual = hash.digest("hex");
  return actual === sha256 ? null : `its content hashes to ${actual}`;
}
