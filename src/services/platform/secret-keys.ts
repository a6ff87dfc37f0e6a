/**
 * Where the operator's key comes from, and the keys a process knows. ATTEST_SECRET_KEY wins;
 * without it the key lives in a file in the data folder (beside the SQLite database), made on
 * first start with mode 0600. With PostgreSQL the file is there too, and the operator must keep
 * it: the database alone cannot give the secrets back.
 *
 * A rotation (secrets-at-rest.ts) keeps the old key as `<file>.previous` until its transaction
 * has committed. A running server sees a new key file on its next seal or on a value it cannot
 * open, so it follows a rotation made beside it by the CLI.
 */
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { AppError } from "../../domain/errors.ts";
import { SecretKey, openStored } from "./secret-box.ts";

export const KEY_FILE_NAME = "attest.key";

export type KeySource = { kind: "environment" } | { kind: "file"; file: string };

export function describeKeySource(source: KeySource): string {
  return source.kind === "environment" ? "ATTEST_SECRET_KEY" : `the key file ${source.file}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

function readKeyFile(file: string): SecretKey {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isMissing(error)) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError("INTERNAL", `cannot read the key file ${file}: ${why}`);
  }
  try {
    return SecretKey.fromBase64(text, file);
  } catch {
    throw new AppError(
      "INTERNAL",
      `the key file ${file} does not hold a key (base64 of 32 bytes); restore it from your copy`,
    );
  }
}

function readKeyFileIfAny(file: string): SecretKey | undefined {
  try {
    return readKeyFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function fsyncFolder(folder: string): void {
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot sync a folder; the rename itself still holds.
  } finally {
    closeSync(fd);
  }
}

/** Writes a new file holding `key`, readable by its owner only, and flushed to disk. */
function writeKeyFile(file: string, key: SecretKey): void {
  const fd = openSync(file, "wx", 0o600);
  try {
    writeSync(fd, `${key.exportBase64()}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeIfAny(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/**
 * The key file's key, made first if there is none. Written beside and linked into place, so
 * two processes starting at once on a fresh data folder end up with the same key.
 */
function loadOrCreateKeyFile(file: string): { key: SecretKey; made: boolean } {
  const existing = readKeyFileIfAny(file);
  if (existing !== undefined) return { key: existing, made: false };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${randomUUID()}.tmp`;
  const made = SecretKey.generate();
  writeKeyFile(draft, made);
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  fsyncFolder(path.dirname(file));
  const key = readKeyFile(file);
  return { key, made: key.id === made.id };
}

/** The file names of a key file's rotation: the new key written beside, the old one kept. */
export function rotationFiles(file: string): { next: string; previous: string } {
  return { next: `${file}.next`, previous: `${file}.previous` };
}

/** The keys one process knows: the current one seals, any known one opens what it sealed. */
export class SecretKeyring {
  readonly source: KeySource;
  #current: SecretKey;
  readonly #known = new Map<string, SecretKey>();
  /** The key file as last read (inode, size, time), to notice a rotation made beside us. */
  #stamp: string | null = null;
  /** Whether this process made the key file (there was none): see `discardMadeKey`. */
  readonly madeKeyFile: boolean;

  constructor(
    source: KeySource,
    current: SecretKey,
    retired: readonly SecretKey[] = [],
    madeKeyFile = false,
  ) {
    this.source = source;
    this.madeKeyFile = madeKeyFile;
    this.#current = current;
    for (const key of [current, ...retired]) this.#known.set(key.id, key);
    if (source.kind === "file") this.#stamp = this.#fileStamp();
  }

  /** The key new values are sealed with (re-read when the key file changed). */
  get current(): SecretKey {
    this.refresh();
    return this.#current;
  }

  /** Key ids this process can open, the current one first. */
  knownIds(): string[] {
    return [this.#current.id, ...[...this.#known.keys()].filter((id) => id !== this.#current.id)];
  }

  has(keyId: string): boolean {
    return this.#known.has(keyId) || (this.refresh() && this.#known.has(keyId));
  }

  key(keyId: string): SecretKey | undefined {
    return this.has(keyId) ? this.#known.get(keyId) : undefined;
  }

  seal(plaintext: string, context: string): string {
    return this.current.seal(plaintext, context);
  }

  /** A stored value in the clear: opened when sealed, as it is when written before encryption. */
  open(stored: string, context: string): string {
    return openStored(
      (id) => this.key(id),
      () => this.knownIds(),
      stored,
      context,
    );
  }

  /** Whether the key file changed since it was read; if so, its keys are read again. */
  refresh(): boolean {
    if (this.source.kind !== "file") return false;
    const stamp = this.#fileStamp();
    if (stamp === this.#stamp || stamp === null) return false;
    const current = readKeyFile(this.source.file);
    const previous = readKeyFileIfAny(rotationFiles(this.source.file).previous);
    for (const key of [current, previous]) if (key !== undefined) this.#known.set(key.id, key);
    this.#current = current;
    this.#stamp = stamp;
    return true;
  }

  #fileStamp(): string | null {
    if (this.source.kind !== "file") return null;
    try {
      const stat = statSync(this.source.file, { bigint: true });
      return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * Puts `next` in the key file, keeping the current key as `<file>.previous` (removed by
   * `forgetPrevious` once every value is sealed with the new key).
   */
  installKey(next: SecretKey): void {
    if (this.source.kind !== "file") throw new Error("only a key file can be replaced");
    const file = this.source.file;
    const { next: staged, previous } = rotationFiles(file);
    removeIfAny(staged);
    writeKeyFile(staged, next);
    removeIfAny(previous);
    linkSync(file, previous);
    renameSync(staged, file);
    fsyncFolder(path.dirname(file));
    this.refresh();
  }

  /**
   * Removes the key file this process made, when the database turned out to hold secrets
   * sealed with another key (a key file lost or not copied): the operator puts theirs back
   * rather than finding a stranger in its place.
   */
  discardMadeKey(): void {
    if (this.source.kind !== "file" || !this.madeKeyFile) return;
    const onDisk = readKeyFileIfAny(this.source.file);
    if (onDisk?.id === this.#current.id) removeIfAny(this.source.file);
  }

  /** Removes `<file>.previous`: nothing sealed with it is left. */
  forgetPrevious(): void {
    if (this.source.kind !== "file") return;
    const { previous } = rotationFiles(this.source.file);
    const old = readKeyFileIfAny(previous);
    removeIfAny(previous);
    fsyncFolder(path.dirname(this.source.file));
    if (old !== undefined && old.id !== this.#current.id) this.#known.delete(old.id);
  }

  /** The key in `<file>.previous` (a rotation not finished), when it is not the current one. */
  previousOnDisk(): SecretKey | undefined {
    if (this.source.kind !== "file") return undefined;
    const old = readKeyFileIfAny(rotationFiles(this.source.file).previous);
    return old === undefined || old.id === this.#current.id ? undefined : old;
  }
}

export interface KeyringOptions {
  /** From ATTEST_SECRET_KEY; null or undefined: the key file in `folder`. */
  secretKey?: SecretKey | null;
  /** The data folder (SQLite: the database's folder). */
  folder: string;
}

/** The process's keys: ATTEST_SECRET_KEY, or the key file (made now on a fresh data folder). */
export function openKeyring(options: KeyringOptions): SecretKeyring {
  if (options.secretKey != null) {
    return new SecretKeyring({ kind: "environment" }, options.secretKey);
  }
  const file = path.join(options.folder, KEY_FILE_NAME);
  const current = loadOrCreateKeyFile(file);
  const previous = readKeyFileIfAny(rotationFiles(file).previous);
  return new SecretKeyring(
    { kind: "file", file },
    current.key,
    previous === undefined ? [] : [previous],
    current.made,
  );
}
