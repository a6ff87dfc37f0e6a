/**
 * Who has access, proved against the audit trail: each membership (user and role), each
 * invitation, each API token and each auditor's assignment is re-derived from the events
 * that made and changed it, in order, and compared with the rows. A role raised, a member
 * added, a revoked token or invitation revived, an expiry pushed out or an auditor assigned
 * by direct SQL shows up here.
 *
 * How memberships are derived:
 * - organization.created by a signed-in user: that user is its first owner;
 * - member.joined: the user, in the role recorded (by invitation, or, with no invitation,
 *   the first account made owner of each organization at setup);
 * - member.role-changed: the new role; member.removed: gone (with their assignments and,
 *   from then on, their tokens revoked).
 *
 * Before setup recorded member.joined, the first account's owner memberships of the
 * organizations that existed at setup had no event. They are derived instead from the
 * setup account (the earliest account, not made by accepting an invitation) when the
 * organization was created before it and no signed-in user acted in it earlier: this is what
 * setup did, but it rests on the users table, which someone able to rewrite the database
 * could also rewrite.
 */
import type { ChainedAuditEvent } from "./audit-chain.ts";
import type { Role } from "./actor.ts";
import { differences, isAction, recordedData } from "./reconcile.ts";
import type { RecordProblem } from "./reconcile.ts";

export interface StoredMembership {
  userId: string;
  role: Role;
  /** The account's address, when the account exists. */
  email: string | null;
}

export interface StoredInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface StoredToken {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface StoredAssignment {
  engagementId: string;
  userId: string;
}

export interface AccessRecords {
  memberships: readonly StoredMembership[];
  invitations: readonly StoredInvitation[];
  tokens: readonly StoredToken[];
  assignments: readonly StoredAssignment[];
  /** The account made at setup (null when there is none, or it cannot be told). */
  setupAccount: { id: string; createdAt: string } | null;
}

interface RecordedInvitation {
  email: string;
  role: Role;
  expiresAt: string | undefined;
  acceptedAt: string | null;
  revokedAt: string | null;
}

interface RecordedToken {
  userId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** What the trail says about access now, after replaying every event in order. */
interface AccessState {
  members: Map<string, { role: Role; email: string | null }>;
  invitations: Map<string, RecordedInvitation>;
  /** Invitations deleted by the expiry job. */
  cleared: Set<string>;
  tokens: Map<string, RecordedToken>;
  assignments: Set<string>;
  engagementLabels: Map<string, string>;
  /** Problems of the trail's own story: a member who joined in another role than invited. */
  problems: RecordProblem[];
}

const assignmentKey = (engagementId: string, userId: string) => `${engagementId} ${userId}`;

/** Whether the trail grants the first account its setup ownership the old way (no event). */
function legacySetupGrant(
  events: readonly ChainedAuditEvent[],
  first: { id: string; createdAt: string } | null,
): boolean {
  if (first === null) return false;
  const created = events.find((e) => isAction(e, "organization.created"));
  if (created === undefined || created.occurredAt > first.createdAt) return false;
  return !events.some(
    (e) =>
      (isAction(e, "member.joined") && recordedData(e, "member.joined").invitation === undefined) ||
      (e.actorKind === "user" && e.occurredAt < first.createdAt),
  );
}

function replayAccess(
  events: readonly ChainedAuditEvent[],
  first: { id: string; createdAt: string } | null,
): AccessState {
  const state: AccessState = {
    members: new Map(),
    invitations: new Map(),
    cleared: new Set(),
    tokens: new Map(),
    assignments: new Set(),
    engagementLabels: new Map(),
    problems: [],
  };
  let legacy = legacySetupGrant(events, first);
  const grantLegacy = () => {
    if (legacy && first !== null) state.members.set(first.id, { role: "owner", email: null });
    legacy = false;
  };
  for (const event of events) {
    if (first !== null && event.occurredAt > first.createdAt) grantLegacy();
    const id = event.targetId;
    if (isAction(event, "organization.created")) {
      if (event.actorKind === "user")
        state.members.set(event.actorId, { role: "owner", email: null });
    } else if (isAction(event, "member.joined")) {
      const joined = recordedData(event, "member.joined");
      state.members.set(id, { role: joined.role, email: joined.email });
      const invitation =
        joined.invitation === undefined ? undefined : state.invitations.get(joined.invitation);
      if (invitation !== undefined) {
        invitation.acceptedAt = event.occurredAt;
        if (invitation.role !== joined.role || invitation.email !== joined.email) {
          state.problems.push({
            target: `member ${joined.email}`,
            problem:
              `the trail says they joined as ${joined.role} (${joined.email}) by an invitation ` +
              `of ${invitation.email} as ${invitation.role}`,
          });
        }
      }
    } else if (isAction(event, "member.role-changed")) {
      const member = state.members.get(id);
      state.members.set(id, {
        role: recordedData(event, "member.role-changed").to,
        email: member?.email ?? null,
      });
    } else if (isAction(event, "member.removed")) {
      state.members.delete(id);
      for (const key of [...state.assignments]) {
        if (key.endsWith(` ${id}`)) state.assignments.delete(key);
      }
      for (const token of state.tokens.values()) {
        if (token.userId === id && token.revokedAt === null) token.revokedAt = event.occurredAt;
      }
    } else if (isAction(event, "invitation.created")) {
      const invited = recordedData(event, "invitation.created");
      state.invitations.set(id, {
        email: invited.email,
        role: invited.role,
        expiresAt: invited.expiresAt,
        acceptedAt: null,
        revokedAt: null,
      });
    } else if (isAction(event, "invitation.revoked")) {
      const invitation = state.invitations.get(id);
      if (invitation !== undefined) invitation.revokedAt = event.occurredAt;
    } else if (isAction(event, "expired.cleared")) {
      for (const cleared of recordedData(event, "expired.cleared").invitations) {
        state.invitations.delete(cleared.id);
        state.cleared.add(cleared.id);
      }
    } else if (isAction(event, "api-token.created")) {
      const token = recordedData(event, "api-token.created");
      state.tokens.set(id, {
        userId: event.actorId,
        name: token.name,
        scopes: token.scopes,
        createdAt: event.occurredAt,
        expiresAt: token.expiresAt,
        revokedAt: null,
      });
    } else if (isAction(event, "api-token.revoked")) {
      const token = state.tokens.get(id);
      if (token !== undefined && token.revokedAt === null) token.revokedAt = event.occurredAt;
    } else if (isAction(event, "engagement.created")) {
      state.engagementLabels.set(id, `E-${recordedData(event, "engagement.created").number}`);
    } else if (isAction(event, "engagement.auditor-assigned")) {
      state.assignments.add(
        assignmentKey(id, recordedData(event, "engagement.auditor-assigned").userId),
      );
    } else if (isAction(event, "engagement.auditor-unassigned")) {
      state.assignments.delete(
        assignmentKey(id, recordedData(event, "engagement.auditor-unassigned").userId),
      );
    }
  }
  grantLegacy();
  return state;
}

function reconcileMembers(state: AccessState, rows: readonly StoredMembership[]): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const stored = new Set(rows.map((m) => m.userId));
  for (const [userId, member] of state.members) {
    if (!stored.has(userId)) {
      problems.push({
        target: `member ${member.email ?? userId}`,
        problem: `the trail says they are a member as ${member.role} but their membership is gone`,
      });
    }
  }
  for (const row of rows) {
    const recorded = state.members.get(row.userId);
    const target = `member ${row.email ?? recorded?.email ?? row.userId}`;
    if (recorded === undefined) {
      problems.push({
        target,
        problem: `they are a member as ${row.role} but the trail records no membership`,
      });
    } else if (recorded.role !== row.role) {
      problems.push({
        target,
        problem: `their role is ${row.role} but the trail says ${recorded.role}`,
      });
    }
  }
  return problems;
}

function reconcileInvitations(
  state: AccessState,
  rows: readonly StoredInvitation[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const stored = new Set(rows.map((i) => i.id));
  for (const [id, invitation] of state.invitations) {
    if (!stored.has(id)) {
      problems.push({
        target: `invitation ${id}`,
        problem: `the trail records it (${invitation.email} as ${invitation.role}) but its record is gone`,
      });
    }
  }
  for (const row of rows) {
    const target = `invitation ${row.id}`;
    const recorded = state.invitations.get(row.id);
    if (recorded === undefined) {
      problems.push({
        target,
        problem: state.cleared.has(row.id)
          ? "the trail records it as cleared after it expired, yet it is back"
          : `it invites ${row.email} as ${row.role} but the trail records no such invitation`,
      });
      continue;
    }
    problems.push(
      ...differences(target, [
        ["email", recorded.email, row.email],
        ["role", recorded.role, row.role],
        // Events from before the expiry was recorded cannot prove it.
        ["expiry", recorded.expiresAt ?? row.expiresAt, row.expiresAt],
        ["acceptance", recorded.acceptedAt, row.acceptedAt],
        ["revocation", recorded.revokedAt, row.revokedAt],
      ]),
    );
  }
  return problems;
}

function reconcileTokens(state: AccessState, rows: readonly StoredToken[]): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const stored = new Set(rows.map((t) => t.id));
  for (const [id, token] of state.tokens) {
    if (!stored.has(id)) {
      problems.push({
        target: `API token ${id}`,
        problem: `the trail records it (“${token.name}”) but its record is gone`,
      });
    }
  }
  for (const row of rows) {
    const target = `API token ${row.id}`;
    const recorded = state.tokens.get(row.id);
    if (recorded === undefined) {
      problems.push({
        target,
        problem: `it (“${row.name}”, ${row.scopes.join(", ")}) has no record in the audit trail`,
      });
      continue;
    }
    problems.push(
      ...differences(target, [
        ["holder", recorded.userId, row.userId],
        ["name", recorded.name, row.name],
        ["scopes", recorded.scopes, row.scopes],
        ["creation time", recorded.createdAt, row.createdAt],
        ["expiry", recorded.expiresAt, row.expiresAt],
        ["revocation", recorded.revokedAt, row.revokedAt],
      ]),
    );
  }
  return problems;
}

function reconcileAssignments(
  state: AccessState,
  rows: readonly StoredAssignment[],
): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const label = (engagementId: string) => state.engagementLabels.get(engagementId) ?? engagementId;
  const stored = new Set(rows.map((a) => assignmentKey(a.engagementId, a.userId)));
  for (const key of state.assignments) {
    if (stored.has(key)) continue;
    const [engagementId = "", userId = ""] = key.split(" ");
    problems.push({
      target: `assignment ${label(engagementId)} ${userId}`,
      problem: "the trail says this auditor is assigned but the assignment is gone",
    });
  }
  for (const row of rows) {
    if (state.assignments.has(assignmentKey(row.engagementId, row.userId))) continue;
    problems.push({
      target: `assignment ${label(row.engagementId)} ${row.userId}`,
      problem: "this auditor is assigned but the trail records no assignment",
    });
  }
  return problems;
}

/** Every membership, invitation, API token and assignment against the trail. */
export function reconcileAccess(
  records: AccessRecords,
  events: readonly ChainedAuditEvent[],
): RecordProblem[] {
  const state = replayAccess(events, records.setupAccount);
  return [
    ...state.problems,
    ...reconcileMembers(state, records.memberships),
    ...reconcileInvitations(state, records.invitations),
    ...reconcileTokens(state, records.tokens),
    ...reconcileAssignments(state, records.assignments),
  ];
}

/** The number of access records checked. */
export function accessRecordCount(records: AccessRecords): number {
  return (
    records.memberships.length +
    records.invitations.length +
    records.tokens.length +
    records.assignments.length
  );
}
