/**
 * What the two OSCAL exports share: deterministic UUIDs, the datatypes' rules (one-line
 * strings, date-times with a zone, no empty arrays), Attest's own properties and the metadata
 * block that says whether an auditor's opinion was recorded.
 */
import { createHash } from "node:crypto";
import type { ReportPackage } from "../../../domain/report.ts";
import { READINESS_NOTICE, periodPhrase } from "../../../domain/report.ts";
import { OPINION_TYPE_LABELS, dateOf, versionLabel } from "./report-wording.ts";

export const OSCAL_VERSION = "1.2.1";
/** Namespace of Attest-specific properties. */
export const ATTEST_NS = "https://attest.dev/ns/oscal";
/** UUID namespace of Attest's name-based (v5) UUIDs; fixed forever so exports stay stable. */
export const ATTEST_UUID_NAMESPACE = "e8980a62-43aa-4d90-8d30-c8a117d988ae";

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
/** A document being built: it may hold undefined members and empty arrays, pruned at the end. */
export type Draft = JsonValue | undefined | Draft[] | { [key: string]: Draft };

export interface OscalOptions {
  /** A UUID for a stable key such as "component/this-system". */
  uuidFor(key: string): string;
}

/** RFC 4122 version 5: SHA-1 of the namespace and the name, with version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The default: keys scoped by engagement, so two engagements never share a UUID while one
 * engagement's components keep theirs from export to export.
 */
export function defaultOptions(pkg: ReportPackage): OscalOptions {
  return { uuidFor: (key) => uuidV5(ATTEST_UUID_NAMESPACE, `${pkg.engagement.id}/${key}`) };
}

/**
 * Keys for things named by users: the name keeps the UUID stable when the list is reordered,
 * and a counter keeps two items with the same name apart.
 */
export function keyMaker(): (key: string) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  };
}

/**
 * OSCAL's string types allow no line breaks and no outer whitespace, and must not be empty:
 * collapse the text to one line, or use the fallback.
 */
export function line(text: string | null | undefined, fallback: string): string {
  const s = (text ?? "").replace(/\s+/g, " ").trim();
  return s === "" ? fallback : s;
}

/**
 * Markup (CommonMark) fields: user text is prose, not markup, so HTML-significant characters
 * become entities and a renderer of the markup cannot be made to run what a user typed.
 */
export function md(text: string | null | undefined, fallback = "Not yet written."): string {
  const s = (text ?? "").trim();
  return (s === "" ? fallback : s).replace(/[&<>]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;",
  );
}

/** A date-time with a zone. A plain date is read as the start (or end) of that day in UTC. */
export function dateTime(value: string, endOfDay = false): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T${endOfDay ? "23:59:59" : "00:00:00"}Z`;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`not a date or date-time: ${value}`);
  return parsed.toISOString();
}

export function prop(name: string, value: string | null | undefined): Draft {
  const v = line(value, "");
  return v === "" ? undefined : { name, ns: ATTEST_NS, value: v };
}

/** Drops undefined members and empty arrays (OSCAL arrays have at least one item). */
export function prune(value: Draft): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v): v is JsonValue => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === "object") {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return value;
}

export function pruneDocument(root: string, body: Draft): JsonObject {
  const pruned = prune(body);
  if (
    pruned === undefined ||
    pruned === null ||
    typeof pruned !== "object" ||
    Array.isArray(pruned)
  )
    throw new Error(`the ${root} document came out empty`);
  return { [root]: pruned };
}

export function opinionRemarks(pkg: ReportPackage): string {
  const o = pkg.opinion;
  if (o === null)
    return (
      `${READINESS_NOTICE}. No auditor's opinion is recorded for this engagement: nothing in ` +
      `this export has been examined or reported on by an independent service auditor.`
    );
  return (
    `An auditor's opinion is recorded for this engagement: ${OPINION_TYPE_LABELS[o.type]}, ` +
    `entered by ${o.recordedByName} on ${dateOf(o.recordedAt)}.`
  );
}

export function periodProps(pkg: ReportPackage): Draft[] {
  const e = pkg.engagement;
  return [
    prop("engagement-type", `type-${e.type}`),
    prop("engagement-label", e.label),
    prop("coverage", periodPhrase(e)),
    prop("as-of", e.asOf),
    prop("period-start", e.periodFrom),
    prop("period-end", e.periodTo),
    ...e.categories.map((c) => prop("trust-services-category", c)),
  ];
}

export interface Parties {
  organization: string;
  auditFirm: string | null;
}

export function metadata(
  pkg: ReportPackage,
  title: string,
  uuidFor: (key: string) => string,
): { metadata: Draft; parties: Parties } {
  const parties: Parties = {
    organization: uuidFor("party/organization"),
    auditFirm: pkg.engagement.auditFirm.trim() === "" ? null : uuidFor("party/audit-firm"),
  };
  const o = pkg.opinion;
  const meta: Draft = {
    title: line(title, "SOC 2 report"),
    "last-modified": dateTime(pkg.generatedAt),
    version: line(versionLabel(pkg), `v${pkg.version}`),
    "oscal-version": OSCAL_VERSION,
    props: [
      prop("report-state", pkg.state),
      prop("report-version", String(pkg.version)),
      prop("issue-date", pkg.issueDate),
      prop("auditor-opinion-recorded", o === null ? "no" : "yes"),
      prop("auditor-opinion-type", o?.type),
    ],
    roles: [
      { id: "service-organization", title: "Service organization" },
      ...(parties.auditFirm === null ? [] : [{ id: "assessor", title: "Service auditor" }]),
    ],
    parties: [
      {
        uuid: parties.organization,
        type: "organization",
        name: line(pkg.organization.name, "Service organization"),
      },
      parties.auditFirm === null
        ? undefined
        : {
            uuid: parties.auditFirm,
            type: "organization",
            name: line(pkg.engagement.auditFirm, ""),
          },
    ],
    "responsible-parties": [
      { "role-id": "service-organization", "party-uuids": [parties.organization] },
      parties.auditFirm === null
        ? undefined
        : { "role-id": "assessor", "party-uuids": [parties.auditFirm] },
    ],
    remarks: md(opinionRemarks(pkg)),
  };
  return { metadata: meta, parties };
}
