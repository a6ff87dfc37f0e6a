/**
 * Streams a signed archive into a ZIP (yazl, entries stored uncompressed): the evidence
 * bundle, and the workpapers with the auditor's attachments. Stored files are read from the
 * blob store one after another, each hashed and counted on its way in and checked against
 * what the manifest already states; the first mismatch or read error stops the whole archive
 * (its stream is destroyed with an error naming the file).
 *
 * The next file is opened while the current one streams: with thousands of small files, the
 * open/stat/first-read round trips would otherwise add up to as much as the hashing.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { BlobStore } from "../../../db/blobs/blob-store.ts";
import { AppError } from "../../../domain/errors.ts";
import type { PlannedEntry } from "./layout.ts";
import { MANIFEST_PATH, README_PATH, SIGNATURE_PATH } from "./manifest.ts";
import { useNativeCrc32 } from "./zip-crc.ts";

export interface FixedEntries {
  manifest: Buffer;
  signature: Buffer;
  readme: Buffer;
  at: Date;
}

export interface ZipStream {
  stream: Readable;
  /** The archive's exact size, known before streaming (no compression, every size known). */
  size: number;
  /** Settles when the stream has ended, or fails with the reason the build stopped. */
  done: Promise<void>;
}

/** One entry of an archive: bytes made in memory, or a file streamed from the blob store. */
export interface ZipSource {
  path: string;
  /** Bytes made in memory; null for a stored file, which streams from the blob store. */
  content: Buffer | null;
  /** A stored file's recorded SHA-256 and size, checked as it streams. */
  sha256: string;
  size: number;
  mtime: Date;
  /** How an error names it: `evidence 3f… ("Board minutes", GV-11)`. */
  name: string;
}

/** An evidence bundle's planned entry as an archive entry. */
export function plannedSource(entry: PlannedEntry): ZipSource {
  const { item } = entry;
  return {
    path: entry.path,
    content: entry.content,
    sha256: item.sha256,
    size: item.size,
    mtime: new Date(item.addedAt),
    name: `evidence ${item.id} ("${item.title}", ${entry.controls.join(", ")})`,
  };
}

function itemError(entry: ZipSource, detail: string): AppError {
  return new AppError("INVALID_STATE", `${entry.name}: ${detail}; the archive was not finished`);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How many files are opened ahead of the one streaming (each buffers at most ~64 KiB). */
const PREFETCH = 8;

/** Opens stored files in order, a few ahead of the one asked for. */
class FileSources {
  readonly #pending = new Map<number, Promise<Readable>>();
  readonly #open = new Set<Readable>();
  #closed = false;

  constructor(
    private readonly blobs: BlobStore,
    private readonly files: readonly ZipSource[],
    private readonly fail: (error: Error) => void,
  ) {}

  /** The stream of file `index`; an error on it fails the build from the moment it opens. */
  take(index: number): Promise<Readable> {
    const source = this.#pending.get(index) ?? this.#start(index);
    this.#pending.delete(index);
    for (
      let ahead = index + 1;
      ahead <= index + PREFETCH && ahead < this.files.length;
      ahead += 1
    ) {
      if (!this.#pending.has(ahead)) this.#pending.set(ahead, this.#start(ahead));
    }
    return source;
  }

  /** Closes every file opened or still opening: the build failed or its reader went away. */
  destroyAll(): void {
    this.#closed = true;
    for (const source of this.#open) source.destroy();
  }

  #start(index: number): Promise<Readable> {
    const entry = this.files[index];
    if (entry === undefined) return Promise.reject(new Error(`no file ${index}`));
    const opened = this.blobs.get(entry.sha256).then((source) => {
      if (this.#closed) source.destroy();
      else this.#open.add(source);
      source.once("close", () => this.#open.delete(source));
      // Listening for errors does not start the flow: the bytes wait for yazl.
      source.on("error", (error: Error) => this.fail(itemError(entry, error.message)));
      return source;
    });
    // Reported here, once; whoever awaits it later only learns not to go on.
    opened.catch((error: unknown) => this.fail(itemError(entry, messageOf(error))));
    return opened;
  }
}

/** Hashes and counts what flows out of `source`, and checks both when it ends. */
function checkAsItFlows(source: Readable, entry: ZipSource, fail: (e: Error) => void): void {
  const hash = createHash("sha256");
  let size = 0;
  // A data listener beside yazl's pipe sees every chunk once, in order, without a stream
  // stage of its own; both are attached in the same tick, before the first chunk flows.
  source.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  source.once("end", () => {
    const { sha256, size: expected } = entry;
    const actual = hash.digest("hex");
    if (actual === sha256 && size === expected) return;
    fail(
      itemError(
        entry,
        `its stored file hashes to ${actual} (${size} bytes), not the recorded ` +
          `${sha256} (${expected} bytes); restore it from a backup`,
      ),
    );
  });
}

export function zipEntries(
  blobs: BlobStore,
  entries: readonly ZipSource[],
  fixed: FixedEntries,
): ZipStream {
  useNativeCrc32();
  const zip = new ZipFile();
  const output = zip.outputStream;
  if (!(output instanceof Readable)) throw new Error("yazl's output is not a Node.js stream");
  const stream: Readable = output;
  let failure: Error | undefined;
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Whoever awaits `done` sees the failure; a caller that only consumes the stream sees the
  // stream fail, so an unobserved rejection here is expected and not an error of its own.
  done.catch(() => undefined);
  const files = entries.filter((entry) => entry.content === null);
  const sources = new FileSources(blobs, files, fail);
  function fail(error: Error): void {
    if (failure !== undefined) return;
    failure = error;
    sources.destroyAll();
    settle?.reject(failure);
    stream.destroy(failure);
  }
  // The consumer (a file, an HTTP answer) has its own error handling; this one only keeps
  // a late error after the consumer went away from becoming an uncaught exception.
  stream.on("error", () => undefined);
  stream.on("end", () => settle?.resolve());
  // A reader that goes away (an HTTP client hanging up) leaves no stored file open.
  stream.once("close", () => sources.destroyAll());
  zip.on("error", (error: Error) => fail(error));

  const options = (mtime: Date) => ({ compress: false, mtime });
  zip.addBuffer(fixed.manifest, MANIFEST_PATH, options(fixed.at));
  zip.addBuffer(fixed.signature, SIGNATURE_PATH, options(fixed.at));
  zip.addBuffer(fixed.readme, README_PATH, options(fixed.at));
  let fileIndex = 0;
  for (const entry of entries) {
    const { mtime } = entry;
    if (entry.content !== null) {
      zip.addBuffer(entry.content, entry.path, options(mtime));
      continue;
    }
    const index = fileIndex++;
    // yazl asks for each file's stream only when its turn comes.
    zip.addReadStreamLazy(entry.path, { ...options(mtime), size: entry.size }, (give) => {
      sources.take(index).then(
        (source) => {
          if (failure !== undefined) return;
          checkAsItFlows(source, entry, fail);
          give(null, source);
        },
        () => undefined, // already reported by FileSources
      );
    });
  }
  let size = -1;
  zip.end({ forceZip64Format: false, comment: "" }, (...args: unknown[]) => {
    if (typeof args[0] === "number") size = args[0];
  });
  return { stream, size, done };
}
