/** Reading and tampering with evidence bundles (ZIP files) in tests. */
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { openPromise } from "yauzl";
import type { Entry } from "yauzl";

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** The CRC-32 the archive states for the entry (ignored when writing). */
  crc32?: number;
}

export async function readZip(file: string): Promise<ZipEntry[]> {
  const zip = await openPromise(file, { lazyEntries: true, autoClose: false });
  const entries: ZipEntry[] = [];
  try {
    for await (const entry of zip.eachEntry() as AsyncIterable<Entry>) {
      entries.push({
        name: entry.fileName,
        data: await buffer(await zip.openReadStreamPromise(entry)),
        crc32: entry.crc32,
      });
    }
  } finally {
    zip.close();
  }
  return entries;
}

export async function writeZip(file: string, entries: readonly ZipEntry[]): Promise<void> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
}

/** Copies a bundle entry by entry, letting `change` edit the list on the way. */
export async function rewriteZip(
  from: string,
  to: string,
  change: (entries: ZipEntry[]) => ZipEntry[],
): Promise<void> {
  await writeZip(to, change(await readZip(from)));
}

/** Flips one byte of an entry's stored data in place, as bit rot or a careless edit would. */
export async function flipByteInPlace(file: string, name: string, copy: string): Promise<void> {
  const zip = await openPromise(file, { lazyEntries: true, autoClose: false });
  let start: number | undefined;
  let size = 0;
  try {
    for await (const entry of zip.eachEntry() as AsyncIterable<Entry>) {
      if (entry.fileName !== name) continue;
      start = (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
      size = entry.compressedSize;
    }
  } finally {
    zip.close();
  }
  if (start === undefined) throw new Error(`${name} is not in ${file}`);
  const bytes = readFileSync(file);
  const at = start + Math.floor(size / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(copy, bytes);
}
