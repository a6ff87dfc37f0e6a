import { createWriteStream } from "node:fs";
import { readFile, rename, unlink } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../domain/errors.ts";

/** Reads a file named on the command line as bytes ("-" is standard input). */
export async function readBytesFile(file: string, field = "file"): Promise<Buffer> {
  try {
    if (file === "-") {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    }
    return await readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
    throw new AppError("VALIDATION_FAILED", `${field} "${file}": ${reason}`, [
      { field, message: reason },
    ]);
  }
}

/** Reads a text file named on the command line ("-" is standard input). */
export async function readTextFile(file: string, field = "file"): Promise<string> {
  return (await readBytesFile(file, field)).toString("utf8");
}

/** Reads a JSON file named on the command line, with errors that name the file. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readTextFile(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = `not valid JSON (${(error as Error).message})`;
    throw new AppError("VALIDATION_FAILED", `file "${file}": ${reason}`, [
      { field: "file", message: reason },
    ]);
  }
}

/**
 * Writes beside the target and renames, so a failed write never leaves half a file. A
 * stream's own refusal (content that fails its hash check) comes through as it is.
 */
export async function writeOutputFile(
  out: string,
  body: Buffer | string | Readable,
): Promise<void> {
  const partial = `${out}.partial`;
  try {
    await pipeline(
      typeof body === "string" || Buffer.isBuffer(body) ? [body] : body,
      createWriteStream(partial),
    );
    await rename(partial, out);
  } catch (error) {
    await unlink(partial).catch(() => undefined);
    if (error instanceof AppError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError("VALIDATION_FAILED", `out "${out}": cannot write (${reason})`, [
      { field: "out", message: `cannot write (${reason})` },
    ]);
  }
}

/** The media type a file is stored with, by its extension. */
const MEDIA_TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".csv": "text/csv",
  ".txt": "text/plain",
  ".json": "application/json",
  ".md": "text/markdown",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".zip": "application/zip",
};

export function mediaTypeOf(filePath: string): string {
  const dot = filePath.lastIndexOf(".");
  return (
    (dot < 0 ? undefined : MEDIA_TYPES[filePath.slice(dot).toLowerCase()]) ??
    "application/octet-stream"
  );
}
