/**
 * Verifies an evidence bundle offline: no database, no service context, only the file. Reads
 * manifest.json and manifest.sig, checks the signature with the public key the manifest
 * names (and, when given, that this key is the expected one), hashes every entry of the ZIP,
 * and reports each problem by path: files missing, extra, altered (size, SHA-256) or
 * unreadable, a bad signature, an unexpected key.
 *
 * The signature covers manifest.json's exact bytes, so any change to the manifest, including
 * one that "fixes" the hash of an altered file, breaks it.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Entry, ZipFile } from "yauzl";
import { invalidField } from "../../../domain/errors.ts";
import {
  MANIFEST_PATH,
  SIGNATURE_PATH,
  compareEntries,
  fingerprintOf,
  keyMatches,
  manifestSchema,
  rawPublicKey,
  signatureValid,
} from "./manifest.ts";
import type { ArchiveEntry, BundleProblem, ParsedManifest, SigningKeyInfo } from "./manifest.ts";
import { openZipFile } from "./zip-reader.ts";

export interface VerifyOptions {
  /** The key the bundle must be signed with: a "SHA256:…" fingerprint, base64 key or PEM. */
  expectedKey?: string;
}

export interface BundleVerification {
  ok: boolean;
  /** What the manifest says, for display; null when it cannot be read. */
  manifest: {
    organization: string;
    engagement: string;
    generatedAt: string;
    files: number;
    signingKey: SigningKeyInfo;
  } | null;
  signature: "valid" | "invalid" | "missing";
  /** Whether the key was compared with an expected one; without it, anyone could have signed. */
  key: "expected" | "unexpected" | "not-checked";
  entriesChecked: number;
  bytesChecked: number;
  problems: BundleProblem[];
}

/** The manifest is read whole; far larger than any real one means something else is there. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

interface Read {
  sha256: string;
  size: number;
  /** The bytes themselves, kept only for the manifest and its signature. */
  bytes: Buffer | null;
}

async function readEntry(stream: Readable, keep: boolean): Promise<Read> {
  const hash = createHash("sha256");
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (keep && size <= MAX_MANIFEST_BYTES) kept.push(chunk);
  }
  return {
    sha256: hash.digest("hex"),
    size,
    bytes: keep && size <= MAX_MANIFEST_BYTES ? Buffer.concat(kept) : null,
  };
}

async function openZip(file: string): Promise<ZipFile> {
  try {
    // Sizes are checked against the manifest here, not by yauzl: an entry with altered
    // sizes is then reported by name instead of stopping the whole listing.
    return await openZipFile(file, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: false,
      strictFileNames: true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : (error as Error).message;
    throw invalidField("file", `"${file}" is not a readable ZIP archive (${why})`);
  }
}

interface Listing {
  entries: ArchiveEntry[];
  manifest: Buffer[];
  signature: Buffer[];
  /** A problem that stopped the listing part-way (a damaged central directory). */
  broken: string | null;
}

/** Entries read at once: the reads of the next ones overlap the hashing of the current. */
const READ_AHEAD = 8;

async function readArchiveEntry(zip: ZipFile, entry: Entry): Promise<Read | Error> {
  const name = entry.fileName;
  try {
    const keep = name === MANIFEST_PATH || name === SIGNATURE_PATH;
    return await readEntry(await zip.openReadStreamPromise(entry), keep);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function listArchive(zip: ZipFile): Promise<Listing> {
  const listing: Listing = { entries: [], manifest: [], signature: [], broken: null };
  const found: Entry[] = [];
  try {
    // The central directory first (small), then the content.
    for await (const entry of zip.eachEntry() as AsyncIterable<Entry>) {
      // Folder entries carry no content; some zip tools add them when re-packing.
      if (entry.fileName.endsWith("/") && entry.uncompressedSize === 0) continue;
      found.push(entry);
    }
  } catch (error) {
    listing.broken = (error as Error).message;
  }
  const reads = new Array<Read | Error>(found.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: READ_AHEAD }, async () => {
      while (next < found.length) {
        const index = next++;
        const entry = found[index];
        if (entry !== undefined) reads[index] = await readArchiveEntry(zip, entry);
      }
    }),
  );
  for (const [index, entry] of found.entries()) {
    const name = entry.fileName;
    const read = reads[index] ?? new Error("not read");
    if (read instanceof Error) {
      listing.entries.push({ path: name, sha256: null, size: 0, error: read.message });
    } else if (name === MANIFEST_PATH && read.bytes !== null) {
      listing.manifest.push(read.bytes);
    } else if (name === SIGNATURE_PATH && read.bytes !== null) {
      listing.signature.push(read.bytes);
    } else {
      listing.entries.push({ path: name, sha256: read.sha256, size: read.size });
    }
  }
  return listing;
}

function parseManifest(bytes: Buffer): ParsedManifest | string {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "manifest"}: ${issue.message}`)
    .join("; ");
}

/** Signature and key checks; the problems are named on manifest.json or manifest.sig. */
function checkSignature(
  bytes: Buffer,
  signatures: Buffer[],
  manifest: ParsedManifest,
  expectedKey: string | undefined,
): Pick<BundleVerification, "signature" | "key"> & { problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const raw = rawPublicKey(manifest.signingKey.publicKey);
  const signatureFile = signatures[0];
  let signature: BundleVerification["signature"] = "invalid";
  if (signatureFile === undefined) {
    signature = "missing";
    problems.push({ kind: "bad-signature", path: SIGNATURE_PATH, detail: "missing from the ZIP" });
  } else if (raw === null) {
    problems.push({
      kind: "bad-signature",
      path: MANIFEST_PATH,
      detail: "signingKey.publicKey is not a base64 Ed25519 public key",
    });
  } else if (signatureValid(bytes, signatureFile, raw)) {
    signature = "valid";
  } else {
    problems.push({
      kind: "bad-signature",
      path: MANIFEST_PATH,
      detail:
        "manifest.sig is not a valid signature of these bytes by the key the manifest names: " +
        "the manifest was changed after signing",
    });
  }
  if (raw !== null && fingerprintOf(raw) !== manifest.signingKey.fingerprint) {
    problems.push({
      kind: "key-mismatch",
      path: MANIFEST_PATH,
      detail: `signingKey.fingerprint ${manifest.signingKey.fingerprint} is not the fingerprint of its public key (${fingerprintOf(raw)})`,
    });
  }
  let key: BundleVerification["key"] = "not-checked";
  if (expectedKey !== undefined) {
    key = raw !== null && keyMatches(expectedKey, raw) ? "expected" : "unexpected";
    if (key === "unexpected") {
      problems.push({
        kind: "key-mismatch",
        path: MANIFEST_PATH,
        detail: `signed with ${raw === null ? "an unreadable key" : fingerprintOf(raw)}, not the expected key ${expectedKey.trim()}`,
      });
    }
  }
  return { signature, key, problems };
}

export async function verifyBundle(
  file: string,
  options: VerifyOptions = {},
): Promise<BundleVerification> {
  const zip = await openZip(file);
  let listing: Listing;
  try {
    listing = await listArchive(zip);
  } finally {
    zip.close();
  }
  const result: BundleVerification = {
    ok: false,
    manifest: null,
    signature: listing.signature.length === 0 ? "missing" : "invalid",
    key: "not-checked",
    entriesChecked: listing.entries.length,
    bytesChecked: listing.entries.reduce((sum, entry) => sum + entry.size, 0),
    problems: [],
  };
  const problems = result.problems;
  if (listing.broken !== null) {
    problems.push({
      kind: "unreadable",
      path: file,
      detail: `the ZIP is damaged: ${listing.broken}`,
    });
  }
  for (const [path, copies] of [
    [MANIFEST_PATH, listing.manifest],
    [SIGNATURE_PATH, listing.signature],
  ] as const) {
    if (copies.length > 1)
      problems.push({ kind: "duplicate", path, detail: "present twice in the ZIP" });
  }
  const bytes = listing.manifest[0];
  const manifest = bytes === undefined ? "missing from the ZIP" : parseManifest(bytes);
  if (bytes === undefined || typeof manifest === "string") {
    problems.push({ kind: "unreadable-manifest", path: MANIFEST_PATH, detail: String(manifest) });
    return result;
  }
  result.manifest = {
    organization: manifest.organization.name,
    engagement: manifest.engagement.label,
    generatedAt: manifest.generatedAt,
    files: manifest.files.length,
    signingKey: manifest.signingKey,
  };
  const signed = checkSignature(bytes, listing.signature, manifest, options.expectedKey);
  result.signature = signed.signature;
  result.key = signed.key;
  problems.push(...signed.problems, ...compareEntries(manifest, listing.entries));
  result.ok = problems.length === 0;
  return result;
}
