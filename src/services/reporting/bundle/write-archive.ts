/**
 * Writes a streamed archive (an evidence bundle, the workpapers) to where it was asked for: a
 * stream, or a file. A file is written beside its final name and renamed only once complete,
 * so a failed build never leaves a plausible archive behind.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, invalidField } from "../../../domain/errors.ts";

/** How much of the ZIP may wait to be written, so reading and hashing run ahead of the disk. */
const WRITE_BUFFER_BYTES = 1024 * 1024;

export interface OpenedArchive {
  /** The ZIP's bytes; it fails (is destroyed with the error) if a stored file is corrupt. */
  stream: Readable;
  /** Settles when the stream has ended, or fails with the reason the build stopped. */
  done: Promise<void>;
}

export async function writeArchive(opened: OpenedArchive, out: Writable | string): Promise<void> {
  if (typeof out !== "string") {
    await pipeline(opened.stream, out);
    await opened.done;
    return;
  }
  const partial = `${out}.partial-${randomUUID().slice(0, 8)}`;
  try {
    await pipeline(
      opened.stream,
      createWriteStream(partial, { flags: "wx", highWaterMark: WRITE_BUFFER_BYTES }),
    );
    await opened.done;
    await rename(partial, out);
  } catch (error) {
    opened.stream.destroy();
    await unlink(partial).catch(() => undefined);
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw invalidField("out", `cannot write "${out}" (${code})`);
  }
}
