/**
 * A blob store made on its first use. Most commands read no file, and making a store loads
 * its code (streams, node:fs/promises, the PostgreSQL large-object reader or the S3 client).
 */
import type { Readable } from "node:stream";
import type { BlobStore, StoredBlob } from "./blob-store.ts";

export class LazyBlobStore implements BlobStore {
  readonly #make: () => Promise<BlobStore>;
  #store: Promise<BlobStore> | undefined;
  #made: BlobStore | undefined;

  constructor(make: () => Promise<BlobStore>) {
    this.#make = make;
  }

  #use(): Promise<BlobStore> {
    this.#store ??= this.#make().then((store) => (this.#made = store));
    return this.#store;
  }

  async put(content: Readable, maxBytes: number): Promise<StoredBlob> {
    return (await this.#use()).put(content, maxBytes);
  }

  async get(sha256: string): Promise<Readable> {
    return (await this.#use()).get(sha256);
  }

  async check(sha256: string): Promise<string | null> {
    return (await this.#use()).check(sha256);
  }

  async sweepTemporary(olderThanMs: number, now: Date): Promise<number> {
    return (await this.#use()).sweepTemporary(olderThanMs, now);
  }

  /** Closes the store if it was ever made; one never used holds nothing open. */
  close(): void {
    this.#made?.close?.();
  }
}
