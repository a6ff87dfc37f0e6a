import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_EVENTS,
  AUDIT_TARGET_TYPES,
  auditActionsAbout,
  auditTargetOf,
  checkAuditEventData,
  isAuditAction,
} from "./audit-events.ts";
import type { AuditAction, AuditEventData } from "./audit-events.ts";
import { AppError } from "./errors.ts";

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the data to be refused");
}

describe("audit events", () => {
  it("names each action as <subject>.<verb> and gives it a known target type", () => {
    expect(AUDIT_ACTIONS.length).toBe(109);
    for (const action of AUDIT_ACTIONS) {
      expect(action).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(AUDIT_TARGET_TYPES).toContain(auditTargetOf(action));
    }
    // Every target type is used, so a filter never offers an empty choice.
    for (const target of AUDIT_TARGET_TYPES) expect(auditActionsAbout(target)).not.toEqual([]);
  });

  it("keeps the target types existing chains were recorded with", () => {
    expect(auditTargetOf("signing-key.created")).toBe("organization");
    expect(auditTargetOf("report.shared")).toBe("share-link");
    expect(auditTargetOf("report.finalized")).toBe("report");
    expect(auditActionsAbout("evidence")).toEqual([
      "evidence.added",
      "evidence.linked",
      "evidence.removed",
    ]);
  });

  it("tells actions from other strings", () => {
    expect(isAuditAction("evidence.added")).toBe(true);
    expect(isAuditAction("evidence.deleted")).toBe(false);
    expect(isAuditAction("toString")).toBe(false);
  });

  it("accepts data of the action's shape", () => {
    expect(() =>
      checkAuditEventData("report.thread-resolved", {
        engagement: "E-1",
        thread: "T-2",
        from: "open",
        to: "resolved",
      }),
    ).not.toThrow();
    expect(() => checkAuditEventData("scope.category-added", {})).not.toThrow();
  });

  it("refuses a wrong field as INTERNAL, naming the action and the field", () => {
    const error = refusal(() =>
      checkAuditEventData("member.role-changed", {
        from: "owner",
        to: "boss" as AuditEventData<"member.role-changed">["to"],
      }),
    );
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toMatch(/^audit event member\.role-changed: to: /);
  });

  it("refuses a field the action does not record", () => {
    const data = { reason: "duplicate", extra: 1 };
    const error = refusal(() => checkAuditEventData("evidence.removed", data));
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toContain("evidence.removed");
    expect(error.message).toContain("extra");
  });

  it("refuses a missing field, naming it in its path", () => {
    const error = refusal(() =>
      checkAuditEventData("evidence.added", {
        kind: "file",
        title: "Access review",
        source: "manual",
        sha256: "a".repeat(64),
        size: 10,
        for: { from: "2026-01-01" } as AuditEventData<"evidence.added">["for"],
        controls: [],
      }),
    );
    expect(error.message).toMatch(/^audit event evidence\.added: for\.to: /);
  });

  it("has no schema that would change what is stored (no transforms, no defaults)", () => {
    for (const action of AUDIT_ACTIONS) {
      const schema = AUDIT_EVENTS[action].data;
      expect(schema.def.type, action).toBe("object");
    }
  });
});

/** Compile-time checks: `tsc --noEmit` fails if any of these lines compiles. */
export function typeChecks(record: <A extends AuditAction>(a: A, d: AuditEventData<A>) => void) {
  // @ts-expect-error an action that is not in the list
  record("evidence.deleted", { reason: "x" });
  // @ts-expect-error a field of the wrong type
  record("evidence.removed", { reason: 1 });
  // @ts-expect-error a field the action does not record
  record("evidence.linked", { control: "AC-01", by: "me" });
  // @ts-expect-error a missing field
  record("member.role-changed", { from: "owner" });
  record("evidence.linked", { control: "AC-01" });
}
