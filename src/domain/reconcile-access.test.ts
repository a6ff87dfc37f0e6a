import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson } from "./audit-chain.ts";
import type { ChainedAuditEvent } from "./audit-chain.ts";
import type { AuditAction, AuditEventData } from "./audit-events.ts";
import { auditTargetOf } from "./audit-events.ts";
import { reconcileAccess } from "./reconcile-access.ts";
import type { AccessRecords } from "./reconcile-access.ts";

/** A trail of events as stored; the chain itself is not what these tests are about. */
function trail() {
  const events: ChainedAuditEvent[] = [];
  return {
    events,
    add<A extends AuditAction>(
      at: string,
      actor: { kind: string; id: string; name?: string },
      action: A,
      targetId: string,
      data: AuditEventData<A>,
    ) {
      events.push({
        organizationId: "org",
        seq: events.length + 1,
        occurredAt: at,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name ?? actor.id,
        action,
        targetType: auditTargetOf(action),
        targetId,
        data: canonicalJson(data),
        body: new Uint8Array(),
        prevHash: GENESIS_HASH,
        hash: GENESIS_HASH,
      });
    },
  };
}

const operator = { kind: "operator", id: "operator:ana" };
const olivia = { kind: "user", id: "u-olivia" };
const created = { name: "Acme", systemName: "Acme", timeZone: "UTC", categories: [] };

function records(partial: Partial<AccessRecords>): AccessRecords {
  return {
    memberships: [],
    invitations: [],
    tokens: [],
    assignments: [],
    setupAccount: null,
    ...partial,
  };
}

describe("reconcileAccess", () => {
  it("takes the setup account's ownership from before setup recorded it, and only that", () => {
    const { events, add } = trail();
    add("2026-01-01T00:00:00.000Z", operator, "organization.created", "org", created);
    add("2026-01-05T00:00:00.000Z", olivia, "member.role-changed", "u-olivia", {
      from: "owner",
      to: "admin",
    });
    const setupAccount = { id: "u-olivia", createdAt: "2026-01-02T00:00:00.000Z" };
    const olive = { userId: "u-olivia", email: "olivia@acme.example" };
    expect(
      reconcileAccess(
        records({ setupAccount, memberships: [{ ...olive, role: "admin" }] }),
        events,
      ),
    ).toEqual([]);
    expect(
      reconcileAccess(
        records({ setupAccount, memberships: [{ ...olive, role: "owner" }] }),
        events,
      ),
    ).toEqual([
      {
        target: "member olivia@acme.example",
        problem: "their role is owner but the trail says admin",
      },
    ]);
    // An organization made after setup was never given to the setup account that way.
    const later = { id: "u-olivia", createdAt: "2025-12-31T00:00:00.000Z" };
    expect(
      reconcileAccess(
        records({ setupAccount: later, memberships: [{ ...olive, role: "owner" }] }),
        events.slice(0, 1),
      ),
    ).toEqual([
      {
        target: "member olivia@acme.example",
        problem: "they are a member as owner but the trail records no membership",
      },
    ]);
  });

  it("does not take it once setup records its grants", () => {
    const { events, add } = trail();
    add("2026-01-01T00:00:00.000Z", operator, "organization.created", "org", created);
    add("2026-01-02T00:00:00.000Z", olivia, "member.joined", "u-olivia", {
      email: "olivia@acme.example",
      role: "owner",
    });
    add("2026-01-03T00:00:00.000Z", olivia, "member.removed", "u-olivia", { role: "owner" });
    const setupAccount = { id: "u-olivia", createdAt: "2026-01-02T00:00:00.000Z" };
    expect(
      reconcileAccess(
        records({
          setupAccount,
          memberships: [{ userId: "u-olivia", email: "olivia@acme.example", role: "owner" }],
        }),
        events,
      ),
    ).toEqual([
      {
        target: "member olivia@acme.example",
        problem: "they are a member as owner but the trail records no membership",
      },
    ]);
  });

  it("revokes a removed member's tokens and drops their assignments", () => {
    const { events, add } = trail();
    const dana = { kind: "user", id: "u-dana" };
    add("2026-01-01T00:00:00.000Z", operator, "organization.created", "org", created);
    add("2026-01-01T00:00:00.000Z", operator, "invitation.created", "inv", {
      email: "dana@ledger.example",
      role: "auditor",
    });
    add("2026-01-02T00:00:00.000Z", dana, "member.joined", "u-dana", {
      email: "dana@ledger.example",
      role: "auditor",
      invitation: "inv",
    });
    add("2026-01-02T00:00:00.000Z", operator, "engagement.auditor-assigned", "eng", {
      userId: "u-dana",
    });
    add("2026-01-03T00:00:00.000Z", dana, "api-token.created", "tok", {
      name: "ci",
      scopes: ["read"],
      expiresAt: "2026-04-03T00:00:00.000Z",
    });
    add("2026-01-04T00:00:00.000Z", operator, "member.removed", "u-dana", { role: "auditor" });
    const token = {
      id: "tok",
      userId: "u-dana",
      name: "ci",
      scopes: ["read"],
      createdAt: "2026-01-03T00:00:00.000Z",
      expiresAt: "2026-04-03T00:00:00.000Z",
    };
    const invitation = {
      id: "inv",
      email: "dana@ledger.example",
      role: "auditor" as const,
      // Recorded before invitations recorded their expiry: not checked.
      expiresAt: "2026-01-08T00:00:00.000Z",
      acceptedAt: "2026-01-02T00:00:00.000Z",
      revokedAt: null,
    };
    expect(
      reconcileAccess(
        records({
          invitations: [invitation],
          tokens: [{ ...token, revokedAt: "2026-01-04T00:00:00.000Z" }],
        }),
        events,
      ),
    ).toEqual([]);
    expect(
      reconcileAccess(
        records({
          invitations: [invitation],
          tokens: [{ ...token, revokedAt: null }],
          assignments: [{ engagementId: "eng", userId: "u-dana" }],
          memberships: [{ userId: "u-dana", email: "dana@ledger.example", role: "auditor" }],
        }),
        events,
      ),
    ).toEqual([
      {
        target: "member dana@ledger.example",
        problem: "they are a member as auditor but the trail records no membership",
      },
      {
        target: "API token tok",
        problem: "its revocation is none but was recorded as 2026-01-04T00:00:00.000Z",
      },
      {
        target: "assignment eng u-dana",
        problem: "this auditor is assigned but the trail records no assignment",
      },
    ]);
  });
});
