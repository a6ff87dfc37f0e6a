/**
 * Role → actions. Record-level rules (a control owner edits only the controls they own) are
 * small predicates beside the table. Services call `authorize` before any write or read.
 */
import type { TokenScope } from "./account.ts";
import type { Actor, Role } from "./actor.ts";
import { AppError } from "./errors.ts";

export const ACTIONS = [
  "organization:read",
  "organization:update",
  "scope:read",
  "scope:update",
  "control:read",
  "control:create",
  "control:update",
  "control:map",
  "readiness:read",
  "catalog-text:import",
  "audit-log:read",
  "audit-log:verify",
  "evidence:read",
  "evidence:create",
  "evidence:link",
  "evidence:remove",
  "engagement:read",
  "engagement:manage",
  "engagement:test",
  "engagement:respond",
  "engagement:sample",
  "engagement:assign",
  /** The control matrix (CSV, XLSX): the engagement's auditors, and owners and admins. */
  "engagement:export",
  /**
   * The signed workpapers ZIP: the auditor's notes and own files, so the assigned auditors'
   * alone, never a company role's (services/fieldwork/exports/workpapers.ts says so again).
   */
  "engagement:workpapers",
  // Populations imported from a system of record (issue 13): the company imports them, the
  // assigned auditor accepts or returns them.
  "population:import",
  "population:review",
  // The auditor's own workpaper files: theirs alone, never the company's (any company role).
  "workpaper:attach",
  "member:read",
  "member:manage",
  /** Make someone an owner, or take the owner role away: an owner's act alone. */
  "member:grant-owner",
  "token:manage",
  "report:read",
  "report:edit",
  "report:approve",
  "report:opinion",
  "report:review",
  "report:finalize",
  "report:share",
  "job:read",
  "notice:read",
  "notice:create",
  // Policies and tasks (issue 15). Employees read published policies only (the service
  // narrows what they see) and acknowledge them; approval is an owner's signature.
  "policy:read",
  "policy:edit",
  "policy:approve",
  "policy:publish",
  "policy:acknowledge",
  /** Everyone's tasks, not only one's own. */
  "task:read-all",
  // The risk register and its yearly assessments (issue 16).
  "risk:read",
  "risk:manage",
  // The auditor's request list (issue 13). The auditor opens and decides; the company answers
  // (a control owner only what is addressed to them); both sides comment.
  "request:read",
  "request:open",
  "request:decide",
  "request:answer",
  "request:comment",
  // Security awareness training (issue 15). Every company member reads the modules and takes
  // the quizzes assigned to them (the service shows each only their own completions);
  // owners and admins see everyone's status, import a provider's completions and file rosters.
  "training:read",
  "training:take",
  "training:manage",
  // The vendor inventory, vendors' reports and CUECs, and the yearly vendor reviews (issue 16).
  "vendor:read",
  "vendor:manage",
  /**
   * Recording a vendor's yearly review: owners and admins for any vendor, a control owner for
   * the vendors they own (the record rule), since the relationship's owner is who reviews it.
   */
  "vendor:review",
  // Control owners assigned in bulk (issue 16 part 4).
  "control:assign-owners",
  // Notifications: the organization's channels and deliveries; each person's own choices.
  "notification:manage",
  "notification:read",
  "notification:send",
  "notification:choose",
  // The people register, onboarding and offboarding (issue 15). The register holds personal
  // data: owners and admins keep it. Completing a step is open to whoever the step is for
  // (the service checks that it is theirs); background checks stay with owners and admins.
  "people:read",
  "people:manage",
  "people:complete-step",
  "background-check:read",
  "background-check:manage",
  // Findings imported from scanners and CloudTrail (issue 17). Organization-wide, like the
  // risk register: auditors see them through the evidence filed from them.
  "finding:read",
  "finding:import",
  "finding:triage",
  // The availability monitor (issue 17): owners and admins configure and probe endpoints;
  // control owners read them, as they read the findings their controls are measured by.
  "monitor:read",
  "monitor:manage",
  // Access reviews (issue 16 part 3). Owners and admins start campaigns, import account lists,
  // complete them and record removals done; the reviewers a campaign names (any company
  // member) read it and decide. The service narrows non-managers to their own campaigns.
  // Auditors read completed campaigns through the evidence filed on AC-06.
  "access-review:read",
  "access-review:manage",
  "access-review:decide",
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_ACTIONS: readonly Action[] = [
  "organization:read",
  "scope:read",
  "control:read",
  "readiness:read",
  "evidence:read",
];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  // The owner may enter test results the auditor reports (the tester is always named).
  // The opinion is the auditor's alone: no company role may record it. The auditor also dates
  // and releases the report, so finalizing is theirs too. Nor may the company draw the sample:
  // with a public algorithm, it could try seeds until it liked the items.
  // Requests are opened and decided by the auditor: the company does not ask itself.
  owner: ACTIONS.filter(
    (action) =>
      action !== "report:opinion" &&
      action !== "report:finalize" &&
      action !== "engagement:sample" &&
      action !== "request:open" &&
      action !== "request:decide" &&
      action !== "population:review" &&
      action !== "workpaper:attach" &&
      action !== "engagement:workpapers",
  ),
  // Approving management's assertion or a bridge letter is an owner's signature.
  admin: ACTIONS.filter(
    (action) =>
      action !== "catalog-text:import" &&
      action !== "engagement:sample" &&
      action !== "population:review" &&
      action !== "engagement:test" &&
      action !== "workpaper:attach" &&
      action !== "engagement:workpapers" &&
      action !== "member:grant-owner" &&
      action !== "report:opinion" &&
      action !== "report:finalize" &&
      action !== "report:approve" &&
      action !== "policy:approve" &&
      action !== "request:open" &&
      action !== "request:decide",
  ),
  "control-owner": [
    ...READ_ACTIONS,
    "control:update",
    "control:map",
    "evidence:create",
    "evidence:link",
    // The population of an event-driven control they own, from the system it runs in.
    "population:import",
    "token:manage",
    "policy:read",
    "policy:acknowledge",
    // They read the register, whose risks their controls mitigate; owners and admins keep it.
    "risk:read",
    // Requests addressed to them: read, answer and comment (the service narrows the list).
    "request:read",
    "request:answer",
    "request:comment",
    "training:read",
    "training:take",
    // They read the vendors whose CUECs their controls answer; owners and admins keep the list.
    "vendor:read",
    // The yearly review of a vendor they own (the record rule narrows it to theirs).
    "vendor:review",
    "notification:choose",
    // The onboarding and offboarding steps of their controls (HR, IT) are theirs to complete.
    "people:complete-step",
    // They read the findings their controls are measured by; closing one (accepting a risk
    // or calling it a false positive) is an owner's or admin's decision.
    "finding:read",
    // The availability monitor, whose uptime is BC-01's evidence (monitors).
    "monitor:read",
    // Access reviews they are named reviewer of (system owners).
    "access-review:read",
    "access-review:decide",
  ],
  employee: [
    "organization:read",
    "token:manage",
    "policy:read",
    "policy:acknowledge",
    "training:read",
    "training:take",
    "notification:choose",
    // Their own onboarding steps (policies read, training done).
    "people:complete-step",
    // Access reviews they are named reviewer of (managers).
    "access-review:read",
    "access-review:decide",
  ],
  // Auditors read, sample and test; they never change the company's records. They read what
  // they audit (their engagements, the controls and evidence these cover, and the log of
  // these), nothing organization-wide: no readiness, no scope. The services narrow controls,
  // evidence and the log to their reach (services/platform/auditor-reach.ts). No risk:read:
  // the live register is organization-wide; they audit a risk assessment through the evidence
  // item it generates on RM-01 (dated in their period, so within their reach).
  // Likewise no training:*: they read training through the completion rosters and imported
  // files filed as evidence on HR-03, read-only and within their period. Nor vendor:read:
  // vendor reports and reviews reach them as evidence on RM-06 and RM-07.
  auditor: [
    "organization:read",
    "control:read",
    "evidence:read",
    "audit-log:read",
    "audit-log:verify",
    "engagement:read",
    "engagement:test",
    "engagement:sample",
    "engagement:export",
    "engagement:workpapers",
    "population:review",
    "workpaper:attach",
    "report:read",
    "report:opinion",
    "report:finalize",
    "report:review",
    "token:manage",
    "request:read",
    "request:open",
    "request:decide",
    "request:comment",
  ],
};

/** What each API token scope allows, before the owner's role narrows it further. */
const SCOPE_ACTIONS: Record<TokenScope, readonly Action[]> = {
  read: [
    ...READ_ACTIONS,
    "audit-log:read",
    "audit-log:verify",
    "engagement:read",
    "engagement:export",
    "engagement:workpapers",
    "member:read",
    "report:read",
    "policy:read",
    "risk:read",
    "request:read",
    "training:read",
    "vendor:read",
    "finding:read",
    "monitor:read",
    "access-review:read",
  ],
  "evidence:write": ["evidence:create", "evidence:link"],
};

export function rolesAllowed(action: Action): Role[] {
  return (Object.keys(ROLE_ACTIONS) as Role[]).filter((role) =>
    ROLE_ACTIONS[role].includes(action),
  );
}

/** What a record-level rule needs to know about a control. */
export interface OwnedRecord {
  owner: string | null;
}

/**
 * Evidence linked to no control belongs to nobody: checked as a record without an owner, so a
 * control owner cannot add it (their evidence always lands on a control they own).
 */
export const NO_CONTROL: OwnedRecord = { owner: null };

/** Owners are recorded by email (or, for the local operator, by id). */
function owns(actor: Actor, record: OwnedRecord): boolean {
  if (record.owner === null) return false;
  const owner = record.owner.trim().toLowerCase();
  return owner === actor.id || (actor.email !== undefined && owner === actor.email);
}

const ownerOnly = (actor: Actor, record: OwnedRecord) =>
  actor.role !== "control-owner" || owns(actor, record);

const RECORD_RULES: Partial<Record<Action, (actor: Actor, record: OwnedRecord) => boolean>> = {
  // A control owner may only change the controls assigned to them.
  "control:update": ownerOnly,
  "control:map": ownerOnly,
  "evidence:create": ownerOnly,
  "evidence:link": ownerOnly,
  // A control owner answers and comments on the requests addressed to them (record.owner is
  // the addressee).
  "request:answer": ownerOnly,
  "request:comment": ownerOnly,
  "population:import": ownerOnly,
  // A control owner reviews the vendors they own (record.owner is the vendor's owner).
  "vendor:review": ownerOnly,
};

export function can(actor: Actor, action: Action, record?: OwnedRecord): boolean {
  if (!ROLE_ACTIONS[actor.role].includes(action)) return false;
  const scopes = actor.tokenScopes;
  if (scopes !== undefined && !scopes.some((scope) => SCOPE_ACTIONS[scope].includes(action))) {
    return false;
  }
  const rule = RECORD_RULES[action];
  return record === undefined || rule === undefined || rule(actor, record);
}

/**
 * Everything the actor may do, as `can` decides with no record at hand: what the session
 * answer hands the web app, so that it keeps no table of its own.
 */
export function allowedActions(actor: Actor): Action[] {
  return ACTIONS.filter((action) => can(actor, action));
}

/**
 * Of the allowed actions, those a record rule confines to records the actor owns: refused on
 * a record nobody owns, so owning is what allows them (a control owner's own controls).
 */
export function ownedOnlyActions(actor: Actor): Action[] {
  return allowedActions(actor).filter((action) => !can(actor, action, { owner: null }));
}

export function authorize(actor: Actor, action: Action, record?: OwnedRecord): void {
  if (!can(actor, action, record)) {
    throw new AppError("FORBIDDEN", `role "${actor.role}" may not perform ${action}`);
  }
}
