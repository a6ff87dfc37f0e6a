/**
 * Where each evidence item goes in the bundle, and what links and records become.
 *
 * Each item is stored once, under the folder of the first (in ref order) of the engagement's
 * controls it serves: evidence/<REF>/<from date>_<first 8 of its id>_<name>. The manifest
 * lists every control the item serves, and for every control the paths of all its evidence,
 * wherever stored, so a control's evidence is complete in the manifest without copying bytes.
 * Links and records become small JSON files (.link.json, .record.json).
 */
import { canonicalJson } from "../../../domain/audit-chain.ts";
import { sha256Hex } from "../../../domain/digest.ts";
import type { EvidenceItem } from "../../../domain/evidence.ts";

export interface BundleControl {
  id: string;
  ref: string;
  title: string;
}

export interface PlannedEntry {
  path: string;
  item: EvidenceItem;
  /** Refs of the engagement's controls the item serves, in ref order. */
  controls: string[];
  /** A link's or record's JSON; null for a file, which streams from the evidence store. */
  content: Buffer | null;
}

export interface BundlePlan {
  entries: PlannedEntry[];
  controls: { ref: string; title: string; files: string[] }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A path segment any unzip tool accepts on any system: letters, digits, dot, dash, underscore. */
export function safeSegment(text: string, max = 80): string {
  const cleaned = text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "_")
    .replace(/_+(\.[^.]+)$/, "$1")
    .replace(/^[._]+/, "")
    .replace(/_+$/, "");
  if (cleaned === "") return "item";
  if ([...cleaned].length <= max) return cleaned;
  // Keep the extension, which tells the reader's tools what the file is.
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return [...cleaned].slice(0, max - extension.length).join("") + extension;
}

function baseName(item: EvidenceItem): string {
  if (item.kind === "file") return safeSegment(item.fileName ?? item.title);
  const name = safeSegment(
    item.kind === "record" ? (item.recordKind ?? item.title) : item.title,
    60,
  );
  return `${name}.${item.kind}.json`;
}

/**
 * A link's or record's JSON file. The SHA-256 Attest keeps is recomputed first (of the URL; of
 * the record's canonical JSON): null means the row no longer matches it.
 */
export function itemJson(item: EvidenceItem): Buffer | null {
  const common = { evidenceId: item.id, kind: item.kind, title: item.title };
  if (item.kind === "link") {
    if (item.url === null || sha256Hex(item.url) !== item.sha256) return null;
    return Buffer.from(`${JSON.stringify({ ...common, url: item.url }, null, 2)}\n`);
  }
  if (sha256Hex(canonicalJson(item.recordData)) !== item.sha256) return null;
  const record = { ...common, recordKind: item.recordKind, data: item.recordData };
  return Buffer.from(`${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Lays out the bundle: folders in ref order, each item under its first control, ordered in
 * its folder by the date it is for, then by when it was added. `links` pairs control ids with evidence ids.
 * `json` builds a link's or record's content (itemJson, checked by the caller).
 */
export function planBundle(
  controls: readonly BundleControl[],
  links: readonly { controlId: string; evidenceId: string }[],
  items: ReadonlyMap<string, EvidenceItem>,
  json: (item: EvidenceItem) => Buffer,
): BundlePlan {
  const ordered = [...controls].sort((a, b) => byText(a.ref, b.ref));
  const refOf = new Map(ordered.map((c) => [c.id, c.ref]));
  const refsByItem = new Map<string, Set<string>>();
  for (const link of links) {
    const ref = refOf.get(link.controlId);
    if (ref === undefined || !items.has(link.evidenceId)) continue;
    const refs = refsByItem.get(link.evidenceId) ?? new Set<string>();
    refs.add(ref);
    refsByItem.set(link.evidenceId, refs);
  }
  const chosen = [...refsByItem.entries()]
    .map(([id, refs]) => ({ item: items.get(id), refs: [...refs].sort(byText) }))
    .filter((c): c is { item: EvidenceItem; refs: string[] } => c.item !== undefined)
    .sort(
      (a, b) =>
        byText(a.refs[0] ?? "", b.refs[0] ?? "") ||
        byText(a.item.forFrom, b.item.forFrom) ||
        byText(a.item.addedAt, b.item.addedAt) ||
        byText(a.item.id, b.item.id),
    );
  const entries: PlannedEntry[] = [];
  const taken = new Set<string>();
  const pathsByRef = new Map<string, string[]>(ordered.map((c) => [c.ref, []]));
  for (const { item, refs } of chosen) {
    const folder = `evidence/${safeSegment(refs[0] ?? "unlinked", 40)}`;
    let path = `${folder}/${item.forFrom}_${item.id.slice(0, 8)}_${baseName(item)}`;
    // Two ids sharing their first 8 characters: the full id tells them apart.
    if (taken.has(path)) path = `${folder}/${item.forFrom}_${item.id}_${baseName(item)}`;
    taken.add(path);
    entries.push({
      path,
      item,
      controls: refs,
      content: item.kind === "file" ? null : json(item),
    });
    for (const ref of refs) pathsByRef.get(ref)?.push(path);
  }
  return {
    entries,
    controls: ordered.map((c) => ({
      ref: c.ref,
      title: c.title,
      files: pathsByRef.get(c.ref) ?? [],
    })),
  };
}
