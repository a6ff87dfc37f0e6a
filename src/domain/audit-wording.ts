/**
 * The audit trail in words: each event as one sentence ("Control AC-04 marked implemented")
 * and the list of what it changed, from → to. The web page, the CLI's table and the API all
 * read events through `describeAuditEvent`, so the log reads the same everywhere.
 *
 * Every action of `AUDIT_EVENTS` has its wording in `WORDING`, a table keyed by the actions:
 * a new action without a wording does not compile. Targets are named as people know them
 * (E-1, AC-04, an evidence item's title, a member's name), which may need current records:
 * `auditNamesToLookUp` lists what one page of events needs, for the reader to fetch in one
 * query, and `describeAuditEvent` takes the answers as a lookup function.
 */
import { getCategory, isCategoryId } from "../catalog/index.ts";
import {
  AUDIT_EVENTS,
  CONTROL_CHANGE_FIELDS,
  POLICY_CHANGE_FIELDS,
  isAuditAction,
} from "./audit-events.ts";
import type { AuditAction, AuditEventData } from "./audit-events.ts";
import { RISK_CHANGE_FIELDS } from "./risk.ts";
import { VENDOR_CHANGE_FIELDS } from "./vendor-changes.ts";
import { PERSON_FIELDS } from "./person.ts";

/** One changed field, as words; null when there was no value (or none was recorded). */
export interface AuditChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface AuditWording {
  /** How the target is known to people: "AC-04", "E-2", an evidence title, an email. */
  target: string;
  sentence: string;
  changes: AuditChange[];
}

/** An event as the reader stored it: the action and target as text, the data parsed. */
export interface AuditEventFacts {
  action: string;
  targetType: string;
  targetId: string;
  data: unknown;
}

/** Records whose current name a page of events may need. */
export const AUDIT_NAME_KINDS = [
  "organization",
  "evidence",
  "engagement",
  "person",
  "api-token",
  "share-link",
  "notice",
] as const;
export type AuditNameKind = (typeof AUDIT_NAME_KINDS)[number];

/** A name from current records, or undefined when the record is gone or unknown. */
export type AuditNameLookup = (kind: AuditNameKind, id: string) => string | undefined;

/** Where each target type's name comes from (types named from their id or data need none). */
const TARGET_NAME_KIND: Partial<Record<string, AuditNameKind>> = {
  organization: "organization",
  evidence: "evidence",
  engagement: "engagement",
  // A report is the engagement's: its target id is the engagement's id.
  report: "engagement",
  member: "person",
  "api-token": "api-token",
  "share-link": "share-link",
  notice: "notice",
};

/** The ids, by kind, whose names describing these events needs. */
export function auditNamesToLookUp(
  events: readonly AuditEventFacts[],
): Record<AuditNameKind, string[]> {
  const wanted = Object.fromEntries(
    AUDIT_NAME_KINDS.map((kind) => [kind, new Set<string>()]),
  ) as Record<AuditNameKind, Set<string>>;
  for (const event of events) {
    const kind = TARGET_NAME_KIND[event.targetType];
    if (kind !== undefined) wanted[kind].add(event.targetId);
    const userId = field(event.data, "userId");
    if (typeof userId === "string") wanted.person.add(userId);
  }
  return Object.fromEntries(AUDIT_NAME_KINDS.map((kind) => [kind, [...wanted[kind]]])) as Record<
    AuditNameKind,
    string[]
  >;
}

function field(data: unknown, name: string): unknown {
  return typeof data === "object" && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)[name]
    : undefined;
}

/** The first characters of an id, enough to tell records apart in a sentence. */
function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/**
 * How people know the target: current records first (a renamed evidence item shows its
 * current title), then what the event itself recorded, then the id.
 */
function targetName(event: AuditEventFacts, lookup: AuditNameLookup): string {
  const { targetType, targetId, data } = event;
  const kind = TARGET_NAME_KIND[targetType];
  const known = kind === undefined ? undefined : lookup(kind, targetId);
  if (known !== undefined) return known;
  const recorded = (name: string) => {
    const value = field(data, name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  switch (targetType) {
    case "scope":
      return isCategoryId(targetId) ? getCategory(targetId).name : targetId;
    case "organization":
    case "api-token":
      return recorded("name") ?? shortId(targetId);
    case "evidence":
    case "notice":
      return recorded("title") ?? shortId(targetId);
    case "engagement": {
      const number = field(data, "number");
      return typeof number === "number" ? `E-${number}` : shortId(targetId);
    }
    case "report":
      return recorded("engagement") ?? shortId(targetId);
    case "member":
    case "invitation":
      return recorded("email") ?? shortId(targetId);
    case "share-link":
      return recorded("recipient") ?? shortId(targetId);
    case "policy":
      return recorded("policy") ?? shortId(targetId);
    case "person":
      return recorded("email") ?? shortId(targetId);
    default:
      return targetId;
  }
}

// ---------------------------------------------------------------------------------------------
// Values in words

/** Enumerated values as people write them; the others read well as they are. */
const TERMS: Record<string, string> = {
  "not-started": "not started",
  "in-progress": "in progress",
  "not-applicable": "not applicable",
  "not-met": "not met",
  "it-dependent-manual": "IT-dependent manual",
  "suitably-designed": "suitably designed",
  "design-deficiency": "design deficiency",
  "readiness-review": "readiness review",
  "draft-report": "draft report",
  "final-report": "final report",
  "control-owner": "control owner",
  "evidence:write": "evidence upload",
  "processing-integrity": "processing integrity",
  "legal-compliance": "legal and compliance",
  it: "IT",
};

/** A test or result the owner entered for the auditor says so in the log. */
function onBehalf(enteredBy: string | null | undefined): string {
  return enteredBy === null || enteredBy === undefined
    ? ""
    : ` (entered by ${enteredBy} on the auditor's behalf)`;
}

function term(value: string): string {
  return TERMS[value] ?? value;
}

function list(values: readonly string[], none = "none"): string {
  if (values.length === 0) return none;
  if (values.length === 1) return values[0] ?? none;
  return `${values.slice(0, -1).join(", ")} and ${values.at(-1) ?? ""}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Any recorded value as words: lists joined, yes/no, nothing as null. */
function words(value: unknown, asTerm = false): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return asTerm ? term(value) : value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) {
    const items = value.map((item) => words(item, asTerm) ?? "none");
    return items.length === 0 ? "none" : items.join(", ");
  }
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${words(inner, asTerm) ?? "none"}`)
      .join("; ");
  }
  return String(value);
}

function set(fieldName: string, to: unknown, asTerm = false): AuditChange {
  return { field: fieldName, from: null, to: words(to, asTerm) };
}

/** What a new record was given: the fields that have a value. */
function recorded(changes: AuditChange[]): AuditChange[] {
  return changes.filter((change) => change.to !== null);
}

function moved(fieldName: string, from: unknown, to: unknown, asTerm = false): AuditChange {
  return { field: fieldName, from: words(from, asTerm), to: words(to, asTerm) };
}

/** A reason, when one was given, closing a sentence. */
function because(reason: string | null | undefined): string {
  return reason === null || reason === undefined || reason.trim() === "" ? "" : `: ${reason}`;
}

function quoted(text: string): string {
  return `“${text}”`;
}

/** "2026-01-01 to 2026-06-30", or the one day when both ends are the same. */
function span(from: string | null, to: string | null): string {
  if (from === null || to === null) return from ?? to ?? "no date";
  return from === to ? from : `${from} to ${to}`;
}

const CONTROL_FIELD_NAMES: Record<(typeof CONTROL_CHANGE_FIELDS)[number], string> = {
  title: "title",
  description: "description",
  kind: "kind",
  automation: "automation",
  frequency: "frequency",
  ownerRole: "owner role",
  owner: "owner",
  status: "status",
  statusReason: "status reason",
  suggestedEvidence: "suggested evidence",
  testProcedure: "test procedure",
};
const CONTROL_TERM_FIELDS = new Set(["kind", "automation", "frequency", "ownerRole", "status"]);

const SECTION_NAMES: Record<string, string> = {
  I: "section I (the opinion)",
  II: "section II (management's assertion)",
  III: "section III (the system description)",
  IV: "section IV (tests and results)",
  V: "section V (other information)",
};

/** Parts of the system description (DC1–DC9) as the report names them. */
const DESCRIPTION_PARTS: Record<string, string> = {
  services: "services",
  commitments: "commitments",
  systemRequirements: "system requirements",
  components: "components",
  boundaries: "boundaries",
  incidents: "incidents",
  noIncidents: "no incidents",
  cuecs: "complementary user entity controls",
  noCuecs: "no complementary user entity controls",
  subservices: "subservice organizations",
  noSubservices: "no subservice organizations",
  changes: "changes",
  noChanges: "no changes",
};

function capitalized(text: string): string {
  return `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
}

// ---------------------------------------------------------------------------------------------
// The wording of every action

interface Context {
  /** The target as people know it. */
  target: string;
  /** A person's name, by user id. */
  person(userId: string): string;
}

type Described = { sentence: string; changes?: AuditChange[] };
type Wording = {
  [A in AuditAction]: (data: AuditEventData<A>, t: Context) => Described;
};

const stage = (verb: string, d: AuditEventData<"engagement.advanced">, t: Context): Described => {
  const extra = [
    d.frozenControls === undefined ? null : `${plural(d.frozenControls, "control")} frozen`,
    d.discardedSample === true ? "sample discarded" : null,
    d.discardedTests === undefined ? null : `${plural(d.discardedTests, "test")} discarded`,
  ].filter((part): part is string => part !== null);
  return {
    sentence:
      `Engagement ${t.target} ${verb} ${term(d.to)}` +
      (extra.length === 0 ? "" : ` (${list(extra)})`) +
      because(d.reason),
    changes: [moved("stage", d.from, d.to, true)],
  };
};

const sample = (verb: string, d: AuditEventData<"engagement.sampled">, t: Context): Described => ({
  sentence:
    `Sample ${verb} for engagement ${t.target}: ` +
    `${plural(d.items, "item")} across ${plural(d.controls, "control")}` +
    (d.kind === "interim" && d.populationTo !== undefined
      ? `, an interim draw through ${d.populationTo}`
      : "") +
    because(d.redrawReason),
  changes: [
    set("seed", d.seed),
    ...(d.populationSha256 === undefined ? [] : [set("population SHA-256", d.populationSha256)]),
  ],
});

const letter = (verb: string, d: AuditEventData<"report.bridge-letter-drafted">): Described => ({
  sentence: `Bridge letter ${d.letter} for engagement ${d.engagement} ${verb}, covering through ${d.through}`,
});

const reply = (verb: string, d: AuditEventData<"report.thread-comment">): Described => ({
  sentence:
    verb === "commented"
      ? `Comment on review thread ${d.thread} of the report of ${d.engagement}`
      : `Review thread ${d.thread} on the report of ${d.engagement} ${verb}`,
  changes: d.from === d.to ? [] : [moved("thread status", d.from, d.to, true)],
});

const POLICY_FIELD_NAMES: Record<(typeof POLICY_CHANGE_FIELDS)[number], string> = {
  title: "title",
  body: "text (SHA-256)",
  owner: "owner",
  reviewMonths: "review every (months)",
  audience: "asked to acknowledge",
  ackDays: "days to acknowledge",
};

const short = (sha256: string) => sha256.slice(0, 12);

const WORDING: Wording = {
  "organization.created": (d) => ({
    sentence: `Organization ${d.name} created`,
    changes: [
      set("name", d.name),
      set("system name", d.systemName),
      set("time zone", d.timeZone),
      set(
        "categories",
        d.categories.map((c) => getCategory(c).name),
      ),
    ],
  }),
  "organization.updated": (d, t) => {
    const changes = [
      d.name === undefined ? null : set("name", d.name),
      d.systemName === undefined ? null : set("system name", d.systemName),
      d.timeZone === undefined ? null : set("time zone", d.timeZone),
      d.requireTotp === undefined ? null : set("two-factor sign-in required", d.requireTotp),
    ].filter((change): change is AuditChange => change !== null);
    return {
      sentence: `Organization ${t.target}: ${list(changes.map((c) => c.field))} changed`,
      changes,
    };
  },
  "signing-key.created": (d) => ({
    sentence: `Report signing key created (${d.algorithm}, ${d.fingerprint})`,
  }),
  "signing-key.re-encrypted": (d) => ({
    sentence:
      `Report signing key ${d.fingerprint} encrypted at rest with key ${d.to}` +
      (d.from === null ? " (was stored in the clear)" : ` (was key ${d.from})`),
  }),
  "expired.cleared": (d) => ({
    sentence:
      `Expired access cleared: ${plural(d.invitations.length, "invitation")}` +
      (d.invitations.length === 0 ? "" : ` (${list(d.invitations.map((i) => i.email))})`) +
      ` and ${plural(d.downloadGrants.length, "download grant")}`,
  }),

  "scope.category-added": (_d, t) => ({ sentence: `Category ${t.target} added to the scope` }),
  "scope.category-removed": (d, t) => ({
    sentence:
      `Category ${t.target} removed from the scope` +
      (d.droppedNotRelevant.length === 0
        ? ""
        : `, dropping ${plural(d.droppedNotRelevant.length, "criterion", "criteria")} marked not relevant`) +
      because(d.reason),
    changes:
      d.droppedNotRelevant.length === 0
        ? []
        : [
            moved(
              "marked not relevant",
              d.droppedNotRelevant.map((c) => c.criterionId),
              null,
            ),
          ],
  }),
  "scope.criterion-not-relevant": (d, t) => ({
    sentence: `Criterion ${t.target} marked not relevant${because(d.reason)}`,
  }),
  "scope.criterion-relevant": (_d, t) => ({
    sentence: `Criterion ${t.target} marked relevant again`,
  }),

  "control.created": (d, t) => ({
    sentence: `Control ${t.target} created: ${d.title}`,
    changes: recorded([
      set("title", d.title),
      set("status", d.status, true),
      set("kind", d.kind, true),
      set("automation", d.automation, true),
      set("frequency", d.frequency, true),
      set("owner role", d.ownerRole, true),
      set("owner", d.owner),
      set("criteria", d.criteria),
    ]),
  }),
  "control.adopted": (d, t) => ({
    sentence:
      `Control ${t.target} adopted from the library` +
      (d.criteria.length === 0 ? "" : `, mapped to ${list(d.criteria)}`),
  }),
  "control.updated": (d, t) => {
    const changes: AuditChange[] = [];
    for (const name of CONTROL_CHANGE_FIELDS) {
      const change = d.changes[name];
      if (change === undefined) continue;
      const asTerm = CONTROL_TERM_FIELDS.has(name);
      changes.push(moved(CONTROL_FIELD_NAMES[name], change.from, change.to, asTerm));
    }
    const status = d.changes.status;
    const others = changes
      .map((c) => c.field)
      .filter((name) => name !== "status" && !(status !== undefined && name === "status reason"));
    const parts = [
      ...(status === undefined ? [] : [`marked ${words(status.to, true) ?? "without a status"}`]),
      ...(others.length === 0 ? [] : [`${list(others)} changed`]),
    ];
    const what = parts.length === 0 ? "updated" : parts.join("; ");
    return { sentence: `Control ${t.target} ${what}${because(d.reason)}`, changes };
  },
  "control.mapped": (d, t) => ({
    sentence:
      `Control ${t.target} mapped to ${list(d.criteria)}` +
      (d.by === "library" ? " by the control library" : ""),
  }),
  "control.unmapped": (d, t) => ({
    sentence: `Control ${t.target} unmapped from ${list(d.criteria)}`,
  }),

  "catalog-text.imported": (d) => ({
    sentence:
      `Official criteria text imported from ${d.source} for ` +
      `${plural(d.criteria.length, "criterion", "criteria")}` +
      (d.replaced === 0 ? "" : ` (${d.replaced} replaced)`),
  }),

  "evidence.added": (d, t) => ({
    sentence:
      `Evidence ${quoted(t.target)} added` +
      (d.controls.length === 0 ? "" : ` for ${list(d.controls)}`) +
      `, covering ${span(d.for.from, d.for.to)}`,
    changes: [
      set("kind", d.kind),
      set("source", d.source),
      set("covers", span(d.for.from, d.for.to)),
      set("controls", d.controls),
    ],
  }),
  "evidence.linked": (d, t) => ({
    sentence: `Evidence ${quoted(t.target)} linked to control ${d.control}`,
  }),
  "evidence.removed": (d, t) => ({
    sentence: `Evidence ${quoted(t.target)} removed${because(d.reason)}`,
  }),

  "engagement.created": (d, t) => ({
    sentence:
      `Engagement ${t.target} created: Type ${d.type === 1 ? "1" : "2"}, ` +
      (d.type === 1 ? `as of ${d.asOf ?? "no date"}` : span(d.periodFrom, d.periodTo)) +
      `, ${d.auditFirm}` +
      (d.confirmedGap === undefined
        ? ""
        : ` (a gap since the previous period, ${d.confirmedGap.from} to ${d.confirmedGap.to}, confirmed)`),
    changes: [
      set("stage", d.status, true),
      set(
        "categories",
        d.categories.map((c) => getCategory(c).name),
      ),
      set("audit firm", d.auditFirm),
      set("firm's team", d.auditors),
    ],
  }),
  "engagement.advanced": (d, t) => stage("moved to", d, t),
  "engagement.reverted": (d, t) => stage("moved back to", d, t),
  "engagement.auditor-assigned": (d, t) => ({
    sentence: `${t.person(d.userId)} assigned as auditor of engagement ${t.target}`,
  }),
  "engagement.auditor-unassigned": (d, t) => ({
    sentence: `${t.person(d.userId)} no longer auditor of engagement ${t.target}`,
  }),
  "engagement.sampled": (d, t) => sample("drawn", d, t),
  "engagement.resampled": (d, t) => sample("redrawn", d, t),
  "engagement.population-imported": (d, t) => ({
    sentence:
      `Population of ${d.control} imported for engagement ${t.target}: ` +
      `${plural(d.rows, "row")} from ${d.system}` +
      (d.replaces === null ? "" : `, replacing import ${d.replaces}`) +
      because(d.reason),
    changes: [
      set("import", d.import),
      set("rows SHA-256", d.rowsSha256),
      set("query or report", d.query),
      set("run by", d.ranBy),
      set("run at", d.ranAt),
      set("completeness", d.completeness),
    ],
  }),
  "engagement.population-accepted": (d, t) => ({
    sentence: `Population of ${d.control} (import ${d.import}) accepted for engagement ${t.target}`,
    changes: [set("rows SHA-256", d.rowsSha256)],
  }),
  "engagement.population-returned": (d, t) => ({
    sentence:
      `Population of ${d.control} (import ${d.import}) returned for engagement ${t.target}` +
      because(d.reason),
    changes: [set("rows SHA-256", d.rowsSha256)],
  }),
  "engagement.sample-extended": (d, t) => ({
    sentence:
      `Sample of ${d.control} extended for engagement ${t.target} from ${d.from} to ` +
      `${d.to} after ${plural(d.deviations, "deviation")}`,
    changes: [moved("sample size", d.from, d.to), set("population SHA-256", d.populationSha256)],
  }),
  "engagement.sample-rolled-forward": (d, t) => ({
    sentence:
      `Roll-forward drawn for engagement ${t.target} through ${d.populationTo}: ` +
      `${plural(d.items, "item")} across ${plural(d.controls, "control")}`,
    changes: [set("population SHA-256", d.populationSha256)],
  }),
  "engagement.test-recorded": (d, t) => ({
    sentence:
      `Test of control ${d.controlRef} recorded in engagement ${t.target} by ${d.tester}` +
      onBehalf(d.enteredBy) +
      (d.design === null ? "" : `: ${term(d.design)}`),
    changes: [
      set("methods", d.methods, true),
      set("tested on", d.testedOn),
      ...(d.design === null ? [] : [set("design", d.design, true)]),
    ],
  }),
  "engagement.result-recorded": (d, t) => ({
    sentence:
      `Result for control ${d.controlRef}, item ${d.itemKey}, recorded in engagement ` +
      `${t.target} for ${d.recordedBy}${onBehalf(d.enteredBy)}: ` +
      (d.result === "pass" ? "passed" : "exception"),
    changes: [
      set("result", d.result === "pass" ? "passed" : "exception"),
      ...(d.description === null ? [] : [set("description", d.description)]),
      ...(d.managementResponse === null ? [] : [set("management response", d.managementResponse)]),
    ],
  }),
  "engagement.exception-response": (d, t) => ({
    sentence:
      `Management responded to the exception on control ${d.control}, item ${d.item}, ` +
      `in engagement ${t.target}`,
    changes: [set("response", d.response)],
  }),
  "engagement.request-opened": (d, t) => ({
    sentence:
      `Request ${d.request} opened in engagement ${t.target} for ` +
      (d.control === null ? "information" : `control ${d.control}`) +
      (d.item === null ? "" : `, item ${d.item}`) +
      `, to ${d.addressee} by ${d.dueOn}`,
    changes: [
      set("description", d.description),
      set("to", d.addressee),
      set("due", d.dueOn),
      set("status", "open", true),
    ],
  }),
  "engagement.request-answered": (d, t) => ({
    sentence:
      `Request ${d.request} in engagement ${t.target} answered with ` +
      `${plural(d.evidence.length, "evidence item")}` +
      (d.uploaded.length === 0 ? "" : ` (${d.uploaded.length} uploaded)`),
    changes: [
      set("evidence", d.evidence.join(", ")),
      ...(d.comment === null ? [] : [set("comment", d.comment)]),
      set("status", "submitted", true),
    ],
  }),
  "engagement.request-commented": (d, t) => ({
    sentence: `Comment by the ${d.side} on request ${d.request} in engagement ${t.target}`,
    changes: [set("comment", d.body)],
  }),
  "engagement.request-accepted": (d, t) => ({
    sentence: `Request ${d.request} in engagement ${t.target} accepted`,
    changes: [moved("status", "submitted", "accepted", true)],
  }),
  "engagement.request-returned": (d, t) => ({
    sentence: `Request ${d.request} in engagement ${t.target} returned: ${d.reason}`,
    changes: [moved("status", "submitted", "returned", true), set("reason", d.reason)],
  }),
  // Request withdrawal (issue 13 follow-up).
  "engagement.request-withdrawn": (d, t) => ({
    sentence:
      `Request ${d.request} in engagement ${t.target} withdrawn: item ${d.item} of control ` +
      `${d.control} left the sample`,
    changes: [moved("status", d.from, "withdrawn", true)],
  }),
  "engagement.requests-reminded": (d, t) => ({
    sentence:
      `${d.to} reminded of ${plural(d.requests.length, "overdue request")} ` +
      `in engagement ${t.target}`,
    changes: [set("requests", d.requests.join(", "))],
  }),
  "engagement.workpaper-steps-set": (d, t) => ({
    sentence:
      `Test steps of control ${d.controlRef} set in engagement ${t.target}: ` +
      plural(d.steps.length, "attribute"),
    changes: [
      set(
        "steps",
        d.steps.map((s, i) => `${i + 1}. ${s.text}`),
      ),
    ],
  }),
  "engagement.workpaper-item-recorded": (d, t) => ({
    sentence:
      `Attributes of control ${d.controlRef}, item ${d.itemKey}, recorded in engagement ` +
      `${t.target} for ${d.recordedBy}`,
    changes: [
      set("attributes", Object.values(d.attributes), true),
      ...(d.note === null ? [] : [set("note", d.note)]),
    ],
  }),
  "engagement.workpaper-attached": (d, t) => ({
    sentence:
      `The auditor attached a file to the workpaper of control ${d.controlRef}` +
      (d.itemKey === null ? "" : `, item ${d.itemKey},`) +
      ` in engagement ${t.target}`,
    changes: [set("SHA-256", d.sha256)],
  }),

  "member.joined": (d) => ({
    sentence: `${d.email} joined as ${term(d.role)}`,
    changes: [set("role", d.role, true)],
  }),
  "member.role-changed": (d, t) => ({
    sentence: `${t.target}'s role changed from ${term(d.from)} to ${term(d.to)}`,
    changes: [moved("role", d.from, d.to, true)],
  }),
  "member.removed": (d, t) => ({
    sentence: `${t.target} removed from the organization (was ${term(d.role)})`,
    changes: [moved("role", d.role, null, true)],
  }),
  "invitation.created": (d) => ({
    sentence: `${d.email} invited as ${term(d.role)}`,
  }),
  "invitation.revoked": (d) => ({ sentence: `Invitation of ${d.email} revoked` }),
  "api-token.created": (d) => ({
    sentence: `API token ${quoted(d.name)} created (${list(d.scopes.map(term))}), expiring ${d.expiresAt.slice(0, 10)}`,
  }),
  "api-token.revoked": (_d, t) => ({ sentence: `API token ${quoted(t.target)} revoked` }),

  "report.description-updated": (d) => ({
    sentence:
      `System description of the report of ${d.engagement} updated: ` +
      `${list(d.fields.map((name) => DESCRIPTION_PARTS[name] ?? name))} (draft ${d.version})`,
  }),
  "report.assertion-updated": (d) => ({
    sentence:
      `Management's assertion in the report of ${d.engagement} ` +
      `${d.generated ? "generated" : "rewritten"} (draft ${d.version})` +
      (d.approvalCleared ? "; its approval was cleared" : ""),
  }),
  "report.assertion-approved": (d) => ({
    sentence: `Management's assertion in the report of ${d.engagement} approved by ${d.approvedBy} (draft ${d.version})`,
  }),
  "report.opinion-recorded": (d) => ({
    sentence:
      `${capitalized(d.type)} opinion recorded in the report of ${d.engagement} (draft ${d.version})` +
      (d.date === undefined ? "" : `, dated ${d.date}`) +
      (d.criteriaNotMet === undefined || d.criteriaNotMet.length === 0
        ? ""
        : `, naming ${d.criteriaNotMet.join(", ")} as not met`) +
      (d.replaced ? ", replacing the earlier one" : ""),
    changes: [set("opinion", d.type), ...(d.date === undefined ? [] : [set("date", d.date)])],
  }),
  "report.other-information-updated": (d) => ({
    sentence: `Other information (section V) of the report of ${d.engagement} updated (draft ${d.version})`,
    changes: [set("length", `${d.length} characters`)],
  }),
  "report.finalized": (d) => ({
    sentence: `Report of ${d.engagement} finalized as version ${d.version}, issued ${d.issueDate}`,
    changes: [set("opinion", d.opinion ?? "none yet")],
  }),
  "report.bridge-letter-drafted": (d) => letter("drafted", d),
  "report.bridge-letter-edited": (d) => letter("edited", d),
  "report.bridge-letter-approved": (d) => letter("approved", d),
  "report.thread-opened": (d) => ({
    sentence:
      `Review thread ${d.thread} opened on ${SECTION_NAMES[d.section] ?? `section ${d.section}`} ` +
      `of the report of ${d.engagement}` +
      (d.item === null ? "" : ` (${d.item})`),
  }),
  "report.thread-comment": (d) => reply("commented", d),
  "report.thread-resolved": (d) => reply("resolved", d),
  "report.thread-disputed": (d) => reply("disputed", d),
  "report.thread-reopened": (d) => reply("reopened", d),

  "report.shared": (d) => ({
    sentence: `Report of ${d.engagement} (version ${d.version}) shared with ${d.recipient} until ${d.expiresAt.slice(0, 10)}`,
  }),
  "report.share-revoked": (d) => ({
    sentence: `Share link of the report of ${d.engagement} for ${d.recipient} revoked`,
  }),
  "report.nda-accepted": (d, t) => ({
    sentence: `NDA accepted by ${d.name} (${d.company}, ${d.email}) through the share link for ${t.target}`,
  }),
  "report.downloaded": (d, t) => ({
    sentence: `Report version ${d.version} downloaded through the share link for ${t.target}`,
  }),

  "notice.created": (d) => ({
    sentence:
      `Notice ${quoted(d.title)} created for ${d.day}` +
      (d.overdue.length === 0 ? "" : `: ${list(d.overdue)} overdue`),
  }),
  "notice.mailed": (d, t) => ({
    sentence: `Notice ${quoted(t.target)} mailed to ${list(d.to)}`,
  }),

  "policy.adopted": (d) => ({
    sentence:
      `Policy ${d.policy} ${quoted(d.title)} ` +
      (d.template === null ? "written" : `adopted from the template ${d.template}`) +
      `, owned by ${d.owner}`,
  }),
  "policy.updated": (d) => {
    const changes: AuditChange[] = [];
    for (const name of POLICY_CHANGE_FIELDS) {
      const change = d.changes[name];
      if (change === undefined) continue;
      // An empty audience asks every member.
      const everyone = (v: unknown) => (Array.isArray(v) && v.length === 0 ? "everyone" : v);
      const shown = name === "audience" ? everyone : (v: unknown) => v;
      changes.push(moved(POLICY_FIELD_NAMES[name], shown(change.from), shown(change.to)));
    }
    return {
      sentence: `Policy ${d.policy} edited: ${list(changes.map((c) => c.field))}`,
      changes,
    };
  },
  "policy.submitted": (d) => ({
    sentence: `Policy ${d.policy} submitted for approval (text ${short(d.sha256)})`,
  }),
  "policy.approved": (d) => ({
    sentence: `Policy ${d.policy} approved (text ${short(d.sha256)})`,
  }),
  "policy.published": (d) => ({
    sentence:
      `Policy ${d.policy} version ${d.version} published (SHA-256 ${short(d.sha256)}), ` +
      `approved by ${d.approvedBy}; acknowledgements due by ${d.ackDueBy}`,
  }),
  "policy.reviewed": (d) => ({
    sentence: `Policy ${d.policy} reviewed: version ${d.version} approved again unchanged`,
  }),
  "policy.retired": (d) => ({ sentence: `Policy ${d.policy} retired${because(d.reason)}` }),
  "policy.acknowledged": (d) => ({
    sentence:
      `Policy ${d.policy} version ${d.version} acknowledged by ${d.email} ` +
      `(SHA-256 ${short(d.sha256)})` +
      (d.address === null ? "" : ` from ${d.address}`),
  }),
  "risk.created": (d, t) => ({
    sentence:
      `Risk ${t.target} added` +
      (d.templateId === null ? "" : ` from the library (${d.templateId})`) +
      `: ${d.title}` +
      (d.skippedControls.length === 0
        ? ""
        : `; ${list(d.skippedControls)} not mapped (not adopted)`),
    changes: recorded([
      set("category", d.category, true),
      set("owner", d.owner),
      set("likelihood × impact", `${d.likelihood} × ${d.impact}`),
      set("treatment", d.treatment),
      set("controls", d.controls),
      set("residual likelihood × impact", `${d.residualLikelihood} × ${d.residualImpact}`),
      set("review date", d.reviewDate),
      set("acceptance note", d.acceptanceNote),
    ]),
  }),
  "risk.updated": (d, t) => {
    const changes: AuditChange[] = [];
    for (const name of RISK_CHANGE_FIELDS) {
      const change = d.changes[name];
      if (change === undefined) continue;
      changes.push(moved(RISK_FIELD_NAMES[name], change.from, change.to, name === "category"));
    }
    const what = changes.length === 0 ? "updated" : `${list(changes.map((c) => c.field))} changed`;
    return { sentence: `Risk ${t.target} ${what}`, changes };
  },
  "training.quiz-taken": (d) => ({
    sentence:
      `Training ${d.module} v${d.version} quiz ${d.passed ? "passed" : "failed"} by ${d.email} ` +
      `with ${d.score}% (SHA-256 ${short(d.sha256)})`,
  }),
  "training.imported": (d) => ({
    sentence:
      `Training completions imported from ${quoted(d.fileName)} (SHA-256 ${short(d.sha256)}): ` +
      `${plural(d.created, "completion")} recorded` +
      (d.skipped === 0 ? "" : `, ${d.skipped} already recorded`) +
      (d.modules.length === 0 ? "" : ` for ${list(d.modules)}`),
  }),
  "risk-assessment.recorded": (d, t) => ({
    sentence: `Risk assessment ${t.target} held on ${d.heldOn} with ${list(
      d.participants.map((p) => p.name),
    )}: ${plural(d.risks, "risk")} frozen, SHA-256 ${d.sha256}`,
  }),
  "vendor.created": (d, t) => ({
    sentence:
      `Vendor ${t.target} added: ${d.name} (tier ${d.tier})` +
      (d.subservice === null ? "" : `, a subservice organization (${d.subservice})`),
    changes: recorded([
      set("service", d.service),
      set("owner", d.owner),
      set("data shared", d.dataShared),
    ]),
  }),
  "vendor.updated": (d, t) => {
    const changes: AuditChange[] = [];
    for (const name of VENDOR_CHANGE_FIELDS) {
      const change = d.changes[name];
      if (change === undefined) continue;
      changes.push(moved(VENDOR_FIELD_NAMES[name], change.from, change.to));
    }
    const what = changes.length === 0 ? "updated" : `${list(changes.map((c) => c.field))} changed`;
    return { sentence: `Vendor ${t.target} ${what}`, changes };
  },
  "vendor.report-added": (d, t) => ({
    sentence:
      `Vendor ${t.target}: ${d.report} (${d.type}, ${d.from} to ${d.to}` +
      (d.opinion === null ? "" : `, opinion ${d.opinion}`) +
      `) added with ${plural(d.cuecs, "CUEC")}`,
  }),
  "vendor.bridge-letter-added": (d, t) => ({
    sentence: `Vendor ${t.target}: bridge letter for ${d.report} covering ${d.from} to ${d.to} added`,
  }),
  "vendor.cuec-mapped": (d, t) => ({
    sentence: `Vendor ${t.target}: ${d.cuec} mapped to ${list(d.to)}`,
    changes: [moved("controls", d.from, d.to)],
  }),
  "vendor.reviewed": (d, t) => ({
    sentence:
      `Vendor ${t.target} reviewed on ${d.reviewedOn} as ${d.review} (tier ${d.tier}): ` +
      `${d.outcome}, ${plural(d.checked.length, "check")} confirmed`,
  }),
  "notification.webhook-added": (d, t) => ({
    sentence: `Signed webhook ${t.target} added, posting to ${d.urlHost}`,
  }),
  "notification.slack-set": (d, t) => ({
    sentence:
      `Slack incoming webhook ${t.target} set, posting to ${d.urlHost}` +
      (d.replaced === null ? "" : ` (replacing ${d.replaced})`),
  }),
  "notification.channel-removed": (d, t) => ({
    sentence: `${d.kind === "slack" ? "Slack incoming webhook" : "Signed webhook"} ${t.target} removed (${d.urlHost})`,
  }),
  "notification.preferences-changed": (d, t) => ({
    sentence: `Notification choices of ${t.target} changed`,
    changes: d.changes.map((c) => ({
      field: `${c.kind} by ${c.channel}`,
      from: null,
      to: c.enabled ? "on" : "off",
    })),
  }),
  "people.imported": (d) => ({
    sentence:
      `People imported (${plural(d.rows, "row")}, file ${short(d.sha256)}): ` +
      `${d.created.length} created, ${d.updated.length} updated, ${d.ended.length} ended`,
  }),
  "person.created": (d, t) => ({
    sentence: `Person ${t.target} added to the register: ${d.name} (${d.type})`,
    changes: recorded([set("start date", d.startDate), set("end date", d.endDate)]),
  }),
  "person.updated": (d, t) => {
    const changes: AuditChange[] = [];
    for (const name of PERSON_FIELDS) {
      const change = d.changes[name];
      if (change === undefined) continue;
      changes.push(moved(PERSON_FIELD_NAMES[name], change.from, change.to, false));
    }
    const what = changes.length === 0 ? "updated" : `${list(changes.map((c) => c.field))} changed`;
    return { sentence: `Person ${t.target} ${what}`, changes };
  },
  "person.step-completed": (d, t) => ({
    sentence:
      `${d.checklist === "joiner" ? "Onboarding" : "Offboarding"} step ${d.step} of ${t.target} ` +
      `completed${d.late ? ` late (due by ${d.dueBy})` : ""}`,
  }),
  "person.step-assigned": (d, t) => ({
    sentence:
      `${d.checklist === "joiner" ? "Onboarding" : "Offboarding"} step ${d.step} of ${t.target} ` +
      (d.to === null ? "given back to its usual owner" : `assigned to ${d.to}`),
    changes: [moved("owner", d.from, d.to)],
  }),
  "person.background-check-recorded": (d, t) => ({
    sentence:
      `Background check of ${t.target} recorded: ${d.status} by ${d.provider}` +
      (d.checkedOn === null ? "" : ` on ${d.checkedOn}`),
  }),
  "finding.imported": (d, t) => ({
    sentence:
      `Findings import ${t.target} of ${d.fileName} (${d.source}, SHA-256 ${short(d.sha256)}): ` +
      `${plural(d.results, "result")}, ${d.created} new, ${d.seenAgain} seen again` +
      (d.reopened.length === 0 ? "" : `; reopened ${list(d.reopened)}`) +
      (d.closed.length === 0 ? "" : `; passed since, closed ${list(d.closed)}`),
  }),
  "finding.triaged": (d, t) => ({
    sentence: `Finding ${t.target} triaged as ${d.decision}${because(d.reason)}`,
  }),
  // Connectors and checks (issue 17).
  "connector.added": (d, t) => ({
    sentence: `Connector ${t.target} (${d.kind}) added as ${quoted(d.name)}, run every ${plural(d.intervalMinutes, "minute")}`,
    changes: recorded([set("settings", d.settings)]),
  }),
  "connector.updated": (d, t) => ({
    sentence:
      `Connector ${t.target} ${quoted(d.name)} updated, run every ${plural(d.intervalMinutes, "minute")}` +
      (d.credentialsReplaced ? "; its credentials were replaced" : ""),
    changes: recorded([set("settings", d.settings)]),
  }),
  "connector.removed": (d, t) => ({
    sentence: `Connector ${t.target} ${quoted(d.name)} (${d.kind}) removed; its runs and results are kept`,
  }),
  "check.ran": (d, t) => ({
    sentence:
      d.outcome === "ok"
        ? `Checks run ${t.target} of connector ${d.connector}: ${plural(d.checks, "check")}, ` +
          `${d.failing.length} failing (${list(d.failing)}), snapshot SHA-256 ${short(d.snapshotSha256 ?? "")}` +
          (d.startedFailing.length === 0 ? "" : `; started failing: ${list(d.startedFailing)}`) +
          (d.recovered.length === 0 ? "" : `; recovered: ${list(d.recovered)}`)
        : `Checks run ${t.target} of connector ${d.connector} failed (${d.outcome})${because(d.message)}; no check was evaluated`,
  }),
  "check-exception.added": (d, t) => ({
    sentence:
      `Exception ${t.target} for ${d.resource} on check ${d.check}, approved by ${d.approver} ` +
      `until ${d.expiresOn}${because(d.reason)}`,
  }),
  "check-exception.revoked": (d, t) => ({
    sentence: `Exception ${t.target} for ${d.resource} on check ${d.check} revoked${because(d.reason)}`,
  }),
  // The availability monitor.
  "monitor.added": (d, t) => ({
    sentence:
      `Monitor ${t.target} added: ${d.name} (${d.url}), expecting ${d.expectedStatus} every ` +
      `${plural(d.intervalMinutes, "minute")}, target ${d.targetPercent} %`,
  }),
  "monitor.removed": (d, t) => ({
    sentence: `Monitor ${t.target} removed: ${d.name} (${d.url})`,
  }),
  "monitor.state-changed": (d, t) => ({
    sentence:
      d.to === "down"
        ? `Monitor ${t.target} went down${d.error === null ? "" : `: ${d.error}`}`
        : `Monitor ${t.target} is ${d.to} again (was ${d.from})` +
          (d.status === null ? "" : `, answering ${d.status}`),
  }),
  // Access reviews (issue 16 part 3).
  "access-review.started": (d, t) => ({
    sentence:
      `Access review ${t.target} started: ${d.name}, ${list(d.systems)} for ${d.periodFrom} ` +
      `to ${d.periodTo}, reviewed by ${list(d.reviewers)} by ${d.dueOn}`,
  }),
  "access-review.accounts-imported": (d, t) => ({
    sentence:
      `Access review ${t.target}: ${plural(d.accounts, "account")} of ${d.system} imported ` +
      `(${plural(d.leavers, "leaver")}, ${d.unknown} unknown, ${d.privileged} privileged; ` +
      `file SHA-256 ${d.sha256.slice(0, 12)})` +
      (d.replaced === 0 ? "" : `, replacing ${plural(d.replaced, "account")}`),
  }),
  "access-review.decided": (d, t) => ({
    sentence:
      `Access review ${t.target}: ${d.decision} ${d.account} on ${d.system}` +
      (d.flags.length === 0 ? "" : ` (flagged ${list(d.flags)})`) +
      because(d.comment),
    changes: d.previous === null ? [] : [{ field: "decision", from: d.previous, to: d.decision }],
  }),
  "access-review.access-removed": (d, t) => ({
    sentence:
      `Access review ${t.target}: the ${d.decision === "remove" ? "removal" : "change"} of ` +
      `${d.account} on ${d.system} recorded as done` +
      because(d.note),
  }),
  "access-review.completed": (d, t) => ({
    sentence:
      `Access review ${t.target} completed on ${d.completedOn}: ${plural(d.accounts, "account")} ` +
      `(${d.kept} kept, ${d.changed} to change, ${d.removed} to remove) frozen, SHA-256 ${d.sha256}`,
  }),
};

const PERSON_FIELD_NAMES: Record<(typeof PERSON_FIELDS)[number], string> = {
  employeeId: "employee id",
  name: "name",
  title: "title",
  department: "department",
  managerEmail: "manager",
  startDate: "start date",
  endDate: "end date",
  type: "employment type",
};

const VENDOR_FIELD_NAMES: Record<(typeof VENDOR_CHANGE_FIELDS)[number], string> = {
  name: "name",
  service: "service",
  dataShared: "data shared",
  tier: "tier",
  owner: "owner",
  contractStart: "contract start",
  contractEnd: "contract end",
  subservice: "subservice",
  reliedControls: "controls relied on",
  website: "website",
  notes: "notes",
};

const RISK_FIELD_NAMES: Record<(typeof RISK_CHANGE_FIELDS)[number], string> = {
  title: "title",
  description: "description",
  category: "category",
  owner: "owner",
  likelihood: "likelihood",
  impact: "impact",
  treatment: "treatment",
  controls: "controls",
  residualLikelihood: "residual likelihood",
  residualImpact: "residual impact",
  reviewDate: "review date",
  acceptanceNote: "acceptance note",
};

/** "control.updated" as words, for events whose data this version cannot read. */
function actionWords(action: string): string {
  return capitalized(action.replace(".", " ").replace(/-/g, " "));
}

/**
 * One event in words. Data that does not fit its action's schema (which only a database edited
 * behind Attest's back holds; verification names it) is described by its action alone.
 */
export function describeAuditEvent(event: AuditEventFacts, lookup: AuditNameLookup): AuditWording {
  const target = targetName(event, lookup);
  const plain = { target, sentence: `${actionWords(event.action)}: ${target}`, changes: [] };
  if (!isAuditAction(event.action)) return plain;
  const parsed = AUDIT_EVENTS[event.action].data.safeParse(event.data);
  if (!parsed.success) return plain;
  const word = WORDING[event.action] as (data: unknown, t: Context) => Described;
  const context: Context = {
    target,
    person: (userId) => lookup("person", userId) ?? shortId(userId),
  };
  const described = word(parsed.data, context);
  return { target, sentence: described.sentence, changes: described.changes ?? [] };
}
