/**
 * The evidence bundle's manifest: what it lists, the exact bytes that are signed, the key
 * formats, and the checks a verifier runs over the archive's entries once it has hashed them.
 * Pure apart from node:crypto, so verification needs no database and no service context.
 *
 * Formats, chosen so that anyone can check a bundle with common tools:
 * - the public key is the raw 32-byte Ed25519 key in base64 (44 characters);
 * - its fingerprint is "SHA256:" and the unpadded base64 of SHA-256 over those 32 bytes (the
 *   style of OpenSSH fingerprints);
 * - manifest.json is stored as the exact bytes signed (keys sorted, two-space indent, final
 *   newline), and manifest.sig holds the 64-byte Ed25519 signature over them in base64.
 */
import { createPublicKey, hash, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { z } from "zod";

export const BUNDLE_FORMAT = "attest-evidence-bundle/1";
/** An engagement's workpapers (services/fieldwork/exports/workpapers.ts), signed alike. */
export const WORKPAPERS_FORMAT = "attest-workpapers/1";
export const MANIFEST_PATH = "manifest.json";
export const SIGNATURE_PATH = "manifest.sig";
export const README_PATH = "README.txt";
export const SIGNING_ALGORITHM = "Ed25519";

export interface SigningKeyInfo {
  algorithm: typeof SIGNING_ALGORITHM;
  publicKey: string;
  fingerprint: string;
}

/** One stored entry of the archive; `sha256` and `size` are those of the bytes in the ZIP. */
export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  evidenceId: string;
  title: string;
  kind: "file" | "link" | "record";
  /** Refs of the engagement's controls the item serves, in ref order. */
  controls: string[];
  from: string;
  to: string;
  source: string;
  addedAt: string;
  addedBy: string;
  fileName: string | null;
  mediaType: string | null;
  /**
   * The SHA-256 Attest keeps for the item (and its audit trail records): of the file, of the
   * URL, or of the record's canonical JSON. Equal to `sha256` for files.
   */
  storedSha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  organization: { id: string; name: string };
  engagement: {
    id: string;
    label: string;
    type: 1 | 2;
    asOf: string | null;
    periodFrom: string | null;
    periodTo: string | null;
    categories: string[];
    auditFirm: string;
    status: string;
    /** When fieldwork froze the control set, or null when the current controls were used. */
    frozenAt: string | null;
  };
  /** Evidence whose dates touch this window is included. */
  evidenceWindow: { from: string; to: string };
  generatedAt: string;
  generatedBy: string;
  signingKey: SigningKeyInfo;
  /** Every control of the engagement with the paths of all its evidence, wherever stored. */
  controls: { ref: string; title: string; files: string[] }[];
  files: ManifestFile[];
  readme: { path: string; sha256: string; size: number };
}

/**
 * The workpapers' manifest: the same envelope (organization, engagement, key, files with their
 * SHA-256 and size, README), so the same verifier checks it. Its files are Attest's own
 * records of the audit, not evidence items, so they name the controls they concern only.
 */
export interface WorkpapersManifest extends Omit<
  BundleManifest,
  "format" | "files" | "controls" | "evidenceWindow"
> {
  format: typeof WORKPAPERS_FORMAT;
  files: WorkpaperFile[];
}

export interface WorkpaperFile {
  path: string;
  sha256: string;
  size: number;
  /**
   * What the file is: the matrix, the engagement's overview, one control's workpaper, one
   * control's imported populations, or one of the auditor's own files (as uploaded).
   */
  kind: "matrix" | "engagement" | "control" | "population" | "attachment";
  controls: string[];
  /** An attachment's id, the sampled item it supports (null: the whole control), its name. */
  attachmentId?: string;
  item?: string | null;
  fileName?: string;
  mediaType?: string;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
const listed = z.object({ path: z.string().min(1), sha256: sha256Hex, size: z.number().int() });

/** What a verifier needs from a manifest; other fields are shown, not relied on. */
export const manifestSchema = z.object({
  format: z.enum([BUNDLE_FORMAT, WORKPAPERS_FORMAT]),
  organization: z.object({ name: z.string() }),
  engagement: z.object({ label: z.string() }),
  generatedAt: z.string(),
  signingKey: z.object({
    algorithm: z.literal(SIGNING_ALGORITHM),
    publicKey: z.string(),
    fingerprint: z.string(),
  }),
  // Workpapers list no evidence item: their files are Attest's records of the audit.
  files: z.array(
    listed.extend({ evidenceId: z.string().optional(), controls: z.array(z.string()) }),
  ),
  readme: listed,
});
export type ParsedManifest = z.output<typeof manifestSchema>;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/** The bytes stored as manifest.json and signed: the same manifest always gives the same bytes. */
export function manifestBytes(manifest: BundleManifest | WorkpapersManifest): Buffer {
  return Buffer.from(`${JSON.stringify(sortKeys(manifest), null, 2)}\n`, "utf8");
}

// An Ed25519 SubjectPublicKeyInfo is this fixed DER prefix followed by the raw 32-byte key.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export function fingerprintOf(rawPublicKey: Uint8Array): string {
  return `SHA256:${hash("sha256", rawPublicKey, "base64").replace(/=+$/, "")}`;
}

/** The raw 32 bytes of a base64 public key, or null when it is not one. */
export function rawPublicKey(base64: string): Buffer | null {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
  return Buffer.from(text, "base64");
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: "der",
    type: "spki",
  });
}

/** The raw key out of a KeyObject (SPKI DER minus its fixed prefix). */
export function rawOfPublicKey(key: KeyObject): Buffer {
  return key.export({ format: "der", type: "spki" }).subarray(ED25519_SPKI_PREFIX.length);
}

export function signingKeyInfo(raw: Uint8Array): SigningKeyInfo {
  return {
    algorithm: SIGNING_ALGORITHM,
    publicKey: Buffer.from(raw).toString("base64"),
    fingerprint: fingerprintOf(raw),
  };
}

export function encodeSignature(signature: Uint8Array): Buffer {
  return Buffer.from(`${Buffer.from(signature).toString("base64")}\n`, "utf8");
}

/** Whether `signatureFile` (manifest.sig) is a valid signature of `bytes` by the raw key. */
export function signatureValid(bytes: Uint8Array, signatureFile: Buffer, raw: Uint8Array): boolean {
  const text = signatureFile.toString("utf8").trim();
  if (!/^[A-Za-z0-9+/]{86}==$/.test(text)) return false;
  return verify(null, bytes, publicKeyObject(raw), Buffer.from(text, "base64"));
}

function rawOfPem(pem: string): Buffer | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === "ed25519" ? rawOfPublicKey(key) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the key the manifest names is the one expected: a fingerprint ("SHA256:…"), the
 * base64 raw key, or a PEM public key. The fingerprint is recomputed from the key itself;
 * the manifest's own fingerprint field is not trusted for this.
 */
export function keyMatches(expected: string, raw: Uint8Array): boolean {
  const text = expected.trim();
  if (text.startsWith("SHA256:")) return text.replace(/=+$/, "") === fingerprintOf(raw);
  const candidate = text.includes("BEGIN PUBLIC KEY") ? rawOfPem(text) : rawPublicKey(text);
  return candidate !== null && candidate.equals(Buffer.from(raw));
}

export type BundleProblemKind =
  | "unreadable-manifest"
  | "bad-signature"
  | "key-mismatch"
  | "missing"
  | "extra"
  | "duplicate"
  | "unreadable"
  | "size-mismatch"
  | "hash-mismatch";

/** One thing wrong with a bundle, named by the archive path it concerns. */
export interface BundleProblem {
  kind: BundleProblemKind;
  path: string;
  detail: string;
}

/** What the verifier found in the archive for one entry (not the manifest or signature). */
export interface ArchiveEntry {
  path: string;
  /** Null when the entry could not be read; `error` says why. */
  sha256: string | null;
  size: number;
  error?: string;
}

/**
 * Compares the archive's entries with the manifest: every listed file present once, with the
 * listed size and SHA-256, and nothing unlisted besides the manifest and its signature.
 */
export function compareEntries(
  manifest: Pick<ParsedManifest, "files" | "readme">,
  entries: readonly ArchiveEntry[],
): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const expected = new Map<string, { sha256: string; size: number }>();
  for (const file of [...manifest.files, manifest.readme]) {
    if (expected.has(file.path)) {
      problems.push({ kind: "duplicate", path: file.path, detail: "listed twice in the manifest" });
    }
    expected.set(file.path, file);
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.path)) {
      problems.push({ kind: "duplicate", path: entry.path, detail: "present twice in the ZIP" });
      continue;
    }
    seen.add(entry.path);
    const listing = expected.get(entry.path);
    if (listing === undefined) {
      problems.push({ kind: "extra", path: entry.path, detail: "not listed in the manifest" });
    } else if (entry.sha256 === null) {
      problems.push({
        kind: "unreadable",
        path: entry.path,
        detail: entry.error ?? "cannot be read",
      });
    } else {
      if (entry.size !== listing.size) {
        problems.push({
          kind: "size-mismatch",
          path: entry.path,
          detail: `${entry.size} bytes; the manifest says ${listing.size}`,
        });
      }
      if (entry.sha256 !== listing.sha256) {
        problems.push({
          kind: "hash-mismatch",
          path: entry.path,
          detail: `SHA-256 ${entry.sha256}; the manifest says ${listing.sha256}`,
        });
      }
    }
  }
  for (const path of expected.keys()) {
    if (!seen.has(path)) {
      problems.push({
        kind: "missing",
        path,
        detail: "listed in the manifest, absent from the ZIP",
      });
    }
  }
  return problems;
}

const PROBLEM_LABELS: Record<BundleProblemKind, string> = {
  "unreadable-manifest": "UNREADABLE MANIFEST",
  "bad-signature": "BAD SIGNATURE",
  "key-mismatch": "UNEXPECTED KEY",
  missing: "MISSING",
  extra: "EXTRA",
  duplicate: "DUPLICATE",
  unreadable: "UNREADABLE",
  "size-mismatch": "SIZE MISMATCH",
  "hash-mismatch": "HASH MISMATCH",
};

/** "HASH MISMATCH evidence/AC-01/…: SHA-256 …; the manifest says …" */
export function describeProblem(problem: BundleProblem): string {
  return `${PROBLEM_LABELS[problem.kind]} ${problem.path}: ${problem.detail}`;
}
