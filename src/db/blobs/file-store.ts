/**
 * Blob store on the local disk, under <data dir>/blobs. A file is streamed to a temporary
 * name, fsynced, then renamed into place (and the folder fsynced), so a crash leaves either
 * no file or a whole one, never a partial file under a content address.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Transform, pipeline } from "node:stream";
import type { Readable } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import { AppError } from "../../domain/errors.ts";
import {
  SHA256_PATTERN,
  contentMismatch,
  corrupt,
  emptyContent,
  tooLarge,
  verifyingStream,
} from "./blob-store.ts";
import type { BlobStore, StoredBlob } from "./blob-store.ts";

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Counts and hashes bytes on their way through, failing once they pass the limit. */
export function meter(maxBytes: number): Transform & { sha256(): string; size(): number } {
  const hash = createHash("sha256");
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(transform, {
    sha256: () => (digest ??= hash.digest("hex")),
    size: () => size,
  });
}

export class FileBlobStore implements BlobStore {
  readonly #root: string;

  constructor(dataDir: string) {
    this.#root = path.join(dataDir, "blobs");
  }

  #pathOf(sha256: string): string {
    if (!SHA256_PATTERN.test(sha256)) throw new AppError("VALIDATION_FAILED", "not a SHA-256");
    return path.join(this.#root, "sha256", sha256.slice(0, 2), sha256);
  }

  async put(content: Readable, maxBytes: number): Promise<StoredBlob> {
    const tmpDir = path.join(this.#root, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const counter = meter(maxBytes);
    try {
      await pipelineAsync(content, counter, createWriteStream(tmp, { flags: "wx" }));
      if (counter.size() === 0) throw emptyContent();
      await fsyncPath(tmp);
      const sha256 = counter.sha256();
      const final = this.#pathOf(sha256);
      if ((await mkdir(path.dirname(final), { recursive: true })) !== undefined) {
        // A new prefix folder must itself survive a power cut.
        await fsyncPath(path.dirname(path.dirname(final)));
      }
      try {
        // link() refuses to replace an existing file: good content is never overwritten.
        await link(tmp, final);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        // The same content is already stored; if that copy went bad, the new bytes repair it.
        if ((await this.check(sha256)) !== null) await rename(tmp, final);
      }
      await fsyncPath(path.dirname(final));
      return { sha256, size: counter.size() };
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.#pathOf(sha256);
    try {
      await stat(file);
    } catch {
      throw corrupt(sha256, "the file is missing");
    }
    const verify = verifyingStream(sha256);
    // pipeline, not pipe: a reader that hangs up closes the file, and a read error reaches
    // the reader instead of leaving it waiting.
    pipeline(createReadStream(file), verify, () => undefined);
    return verify;
  }

  async check(sha256: string): Promise<string | null> {
    const file = this.#pathOf(sha256);
    try {
      return await contentMismatch(sha256, createReadStream(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === "ENOENT" ? "the file is missing" : `it cannot be read (${String(code)})`;
    }
  }

  /** Temporary files left by a crash mid-upload; safe to delete when nothing is uploading. */
  async sweepTemporary(olderThanMs: number, now: Date): Promise<number> {
    const tmpDir = path.join(this.#root, "tmp");
    const names = await readdir(tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(tmpDir, name);
      const info = await stat(file).catch(() => undefined);
      if (info !== undefined && now.getTime() - info.mtimeMs > olderThanMs) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
