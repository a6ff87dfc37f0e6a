import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import type { Actor } from "../../domain/actor.ts";
import { listEvidence } from "./evidence.service.ts";
import { updateControl } from "./controls.service.ts";
import { adoptPolicy, showPolicy, updatePolicy } from "./policies.service.ts";
import {
  acknowledgePolicy,
  policyAcknowledgementStatus,
  recordRosterEvidence,
} from "./policy-acknowledgements.service.ts";
import { approvePolicy, publishPolicy, submitPolicy } from "./policy-workflow.service.ts";
import { getReadiness } from "./readiness.service.ts";
import { listTasks } from "./tasks.service.ts";

/** Training adds its own tasks to every member's list; these tests are about policies. */
const ACKNOWLEDGEMENTS = { source: "policy-acknowledgement" } as const;

let t: TestContext;
let owner: Actor;
let olivia: Actor;
let emma: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 86_400_000;

async function publish(label: string) {
  await submitPolicy(t.ctx, owner, label);
  await approvePolicy(t.ctx, owner, label);
  return publishPolicy(t.ctx, owner, label);
}

/** Readiness explains only implemented controls: GV-07 relies on the acceptable use policy. */
async function readinessReasons(): Promise<string[]> {
  await updateControl(t.ctx, owner, "GV-07", { status: "implemented" });
  const readiness = await getReadiness(t.ctx, owner);
  return readiness.criteria.flatMap((c) => c.reasons).filter((r) => r.startsWith("GV-07"));
}

async function setUp() {
  olivia = await addMember(t, owner, "owner", "olivia@acme.example");
  emma = await addMember(t, owner, "employee", "emma@acme.example");
  await adoptPolicy(t.ctx, owner, { template: "acceptable-use", owner: "olivia@acme.example" });
  return publish("P-1");
}

describe("acknowledging a policy", () => {
  it("records the person, the version's hash, the time and the address", async () => {
    const published = await setUp();
    t.advance(DAY);
    const seen = await acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, "203.0.113.7");
    expect(seen.acknowledgedByMe).toBe(true);
    expect(seen.myAcknowledgements).toEqual([
      { version: 1, sha256: published.current?.sha256, at: "2026-03-03T09:00:00.000Z" },
    ]);
    const roster = await policyAcknowledgementStatus(t.ctx, owner, "P-1");
    expect(roster).toMatchObject({ policy: "P-1", version: 1, asked: 2 });
    expect(roster.acknowledged).toEqual([
      {
        name: "emma",
        email: "emma@acme.example",
        acknowledgedAt: "2026-03-03T09:00:00.000Z",
        sha256: published.current?.sha256,
        address: "203.0.113.7",
      },
    ]);
    expect(roster.missing).toEqual([
      {
        name: "olivia",
        email: "olivia@acme.example",
        role: "owner",
        dueBy: "2026-04-01",
        overdue: false,
      },
    ]);
    const twice = await expectAppError(
      () => acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, null),
      "CONFLICT",
    );
    expect(twice.message).toBe("you acknowledged P-1 version 1 on 2026-03-03");
  });

  it("asks again for a new version and keeps the earlier acknowledgement", async () => {
    const first = await setUp();
    await acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, "203.0.113.7");
    await updatePolicy(t.ctx, owner, "P-1", {
      body: `${first.currentBody ?? ""}\n\nOne more rule.`,
    });
    const second = await publish("P-1");
    expect((await showPolicy(t.ctx, emma, "P-1")).acknowledgedByMe).toBe(false);
    const stale = await expectAppError(
      () => acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, null),
      "VALIDATION_FAILED",
    );
    expect(stale.message).toBe("version: P-1 version 1 is not the one in force; read version 2");
    const roster = await policyAcknowledgementStatus(t.ctx, owner, "P-1");
    expect(roster.acknowledged).toEqual([]);
    expect(roster.missing.map((m) => m.email)).toEqual([
      "emma@acme.example",
      "olivia@acme.example",
    ]);
    expect(roster.earlier).toEqual([
      {
        version: 1,
        sha256: first.current?.sha256,
        acknowledged: [expect.objectContaining({ email: "emma@acme.example" })],
      },
    ]);
    await acknowledgePolicy(t.ctx, emma, "P-1", { version: 2 }, null);
    const mine = (await showPolicy(t.ctx, emma, "P-1")).myAcknowledgements;
    expect(mine.map((a) => [a.version, a.sha256])).toEqual([
      [2, second.current?.sha256],
      [1, first.current?.sha256],
    ]);
  });

  it("asks only the roles the policy names, and never an account-less operator", async () => {
    olivia = await addMember(t, owner, "admin", "adam@acme.example");
    emma = await addMember(t, owner, "employee", "emma@acme.example");
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use", audience: ["employee"] });
    await publish("P-1");
    const refused = await expectAppError(
      () => acknowledgePolicy(t.ctx, olivia, "P-1", { version: 1 }, null),
      "INVALID_STATE",
    );
    expect(refused.message).toBe("P-1 version 1 asks employee to acknowledge it, not admin");
    await expectAppError(
      () => acknowledgePolicy(t.ctx, owner, "P-1", { version: 1 }, null),
      "FORBIDDEN",
    );
    expect((await policyAcknowledgementStatus(t.ctx, owner, "P-1")).asked).toBe(1);
  });
});

describe("tasks from policies", () => {
  it("puts the acknowledgement on each person's list until they acknowledge", async () => {
    await setUp();
    const tasks = await listTasks(t.ctx, emma, ACKNOWLEDGEMENTS);
    expect(tasks).toEqual([
      {
        id: `policy-acknowledgement:P-1:v1:${emma.id}`,
        source: "policy-acknowledgement",
        title: "Read and acknowledge Acceptable Use Policy",
        reason: "version 1 was published on 2026-03-02",
        subject: "P-1 v1",
        link: "/policies/P-1",
        assignee: { userId: emma.id, email: "emma@acme.example", name: "emma" },
        dueBy: "2026-04-01",
        status: "open",
      },
    ]);
    t.advance(31 * DAY);
    expect((await listTasks(t.ctx, emma, ACKNOWLEDGEMENTS))[0]?.status).toBe("overdue");
    await acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, null);
    expect(await listTasks(t.ctx, emma, ACKNOWLEDGEMENTS)).toEqual([]);
    // Everyone's list is for owners and admins.
    await expectAppError(() => listTasks(t.ctx, emma, { mine: false }), "FORBIDDEN");
    const all = await listTasks(t.ctx, owner, { mine: false, source: "policy-acknowledgement" });
    expect(all.map((task) => task.assignee?.email)).toEqual(["olivia@acme.example"]);
  });

  it("gives a new joiner their own period to acknowledge", async () => {
    await setUp();
    t.advance(20 * DAY);
    const late = await addMember(t, owner, "employee", "nina@acme.example");
    expect((await listTasks(t.ctx, late, ACKNOWLEDGEMENTS))[0]?.dueBy).toBe("2026-04-21");
  });

  it("puts a due review on the policy owner's list, and readiness says it is overdue", async () => {
    await setUp();
    await acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, null);
    await acknowledgePolicy(t.ctx, olivia, "P-1", { version: 1 }, null);
    const reviewsOf = async (who: Actor) =>
      (await listTasks(t.ctx, who)).filter((task) => task.source === "policy-review");
    expect(await reviewsOf(olivia)).toEqual([]);
    t.advance(340 * DAY);
    expect(await reviewsOf(olivia)).toEqual([
      expect.objectContaining({
        id: "policy-review:P-1",
        title: "Review P-1 Acceptable Use Policy",
        reason: "its yearly review is due by 2027-03-02",
        dueBy: "2027-03-02",
        status: "open",
      }),
    ]);
    expect(await reviewsOf(emma)).toEqual([]);
    t.advance(30 * DAY);
    expect((await reviewsOf(olivia))[0]?.status).toBe("overdue");
    const reasons = await readinessReasons();
    expect(reasons).toContain(
      "GV-07 (Security policies approved, published and reviewed yearly) is implemented but " +
        "the acceptable use policy's yearly review is overdue (due by 2027-03-02).",
    );
  });

  it("tells readiness how many people are past due without acknowledging", async () => {
    await setUp();
    t.advance(31 * DAY);
    await acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, null);
    const reasons = await readinessReasons();
    expect(reasons).toContain(
      "GV-07 (Security policies approved, published and reviewed yearly) is implemented but " +
        "1 of 2 people have not acknowledged the acceptable use policy v1 by its due day.",
    );
  });
});

describe("the roster as evidence", () => {
  it("files the roster as generated evidence of the policy's controls", async () => {
    await setUp();
    await acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, "203.0.113.7");
    const item = await recordRosterEvidence(t.ctx, owner, "P-1");
    expect(item).toMatchObject({
      kind: "record",
      source: "automated",
      recordKind: "policy-acknowledgements",
      title: "Acknowledgements of P-1 Acceptable Use Policy v1: 1 of 2",
      forFrom: "2026-03-02",
    });
    expect(item.controls.length).toBeGreaterThan(0);
    expect(
      item.controls.every((ref) => ["GV-07", "AC-03", "OP-01", "AS-05", "AS-06"].includes(ref)),
    ).toBe(true);
    expect(item.recordData).toMatchObject({
      version: 1,
      acknowledged: [{ email: "emma@acme.example", address: "203.0.113.7" }],
      missing: [{ email: "olivia@acme.example" }],
    });
    const listed = await listEvidence(t.ctx, owner);
    expect(listed.map((e) => e.id)).toContain(item.id);
  });
});
