import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { peopleCsv, workforce } from "../../../test/support/people.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { getBackgroundCheck, recordBackgroundCheck } from "./background-checks.service.ts";
import { listEvidence } from "./evidence.service.ts";
import { importPeople } from "./people-import.service.ts";
import { showPerson, updatePerson } from "./people.service.ts";
import { adoptPolicy } from "./policies.service.ts";
import {
  acknowledgePolicy,
  policyAcknowledgementStatus,
} from "./policy-acknowledgements.service.ts";
import { approvePolicy, publishPolicy, submitPolicy } from "./policy-workflow.service.ts";
import { listTasks } from "./tasks.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

async function publishAcceptableUse() {
  await adoptPolicy(t.ctx, owner, { template: "acceptable-use", owner: "olivia@acme.example" });
  await submitPolicy(t.ctx, owner, "P-1");
  await approvePolicy(t.ctx, owner, "P-1");
  return publishPolicy(t.ctx, owner, "P-1");
}

describe("the people register as the policy audience", () => {
  it("asks the 30 people imported, by email until they sign in, and not a leaver", async () => {
    const emma = await addMember(t, owner, "employee", "person1@acme.example");
    await importPeople(t.ctx, owner, {
      csv: peopleCsv(
        workforce(30, "acme.example", [
          { email: "sam@acme.example", name: "Sam Leaver", start: "2024-01-08", end: "2026-02-27" },
        ]),
      ),
    });
    await publishAcceptableUse();
    const tasks = await listTasks(t.ctx, owner, { mine: false, source: "policy-acknowledgement" });
    const asked = tasks.map((task) => task.assignee?.email);
    expect(asked).toHaveLength(30);
    expect(asked).toContain("head@acme.example");
    expect(asked).not.toContain("sam@acme.example");
    // The operator-made owner has no account email; person1 is asked through their account.
    const emmaTask = tasks.find((task) => task.assignee?.email === "person1@acme.example");
    expect(emmaTask?.assignee?.userId).toBe(emma.id);
    const roster = await policyAcknowledgementStatus(t.ctx, owner, "P-1");
    expect(roster.asked).toBe(30);

    // Someone imported signs in with that email: the task is theirs, and they acknowledge it.
    const head = await addMember(t, owner, "employee", "head@acme.example");
    const mine = await listTasks(t.ctx, head, { mine: true, source: "policy-acknowledgement" });
    expect(mine).toHaveLength(1);
    await acknowledgePolicy(t.ctx, head, "P-1", { version: 1 }, null);
    expect((await policyAcknowledgementStatus(t.ctx, owner, "P-1")).acknowledged).toHaveLength(1);

    // A member whose end date has passed is no longer asked, and may not acknowledge.
    await updatePerson(t.ctx, owner, "person1@acme.example", { endDate: "2026-03-01" });
    expect(await listTasks(t.ctx, emma, { mine: true, source: "policy-acknowledgement" })).toEqual(
      [],
    );
    await expectAppError(
      () => acknowledgePolicy(t.ctx, emma, "P-1", { version: 1 }, null),
      "FORBIDDEN",
    );
  });

  it("invites the people without an account as employees, with --invite", async () => {
    await addMember(t, owner, "employee", "person1@acme.example");
    const result = await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(4)), invite: true });
    expect(result.invited.map((i) => i.email).sort()).toEqual([
      "head@acme.example",
      "person2@acme.example",
      "person3@acme.example",
    ]);
    const again = await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(4)), invite: true });
    expect(again.invited).toEqual([]);
  });
});

describe("background checks", () => {
  it("stores the report as HR-01 evidence, completes the joiner step, and is audited", async () => {
    await importPeople(t.ctx, owner, {
      csv: peopleCsv([{ email: "jo@acme.example", name: "Jo Park", start: "2026-03-09" }]),
    });
    const check = await recordBackgroundCheck(t.ctx, owner, "jo@acme.example", {
      status: "clear",
      checkedOn: "2026-02-27",
      provider: "Checkr",
      document: {
        fileName: "jo-park-report.pdf",
        mediaType: "application/pdf",
        contentBase64: Buffer.from("%PDF-1.4 report").toString("base64"),
      },
    });
    expect(check).toMatchObject({ status: "clear", provider: "Checkr", checkedOn: "2026-02-27" });
    const evidence = await listEvidence(t.ctx, owner, { control: "HR-01" });
    expect(evidence.map((e) => e.title)).toEqual(["Background check: Jo Park (Checkr)"]);
    expect(evidence[0]?.id).toBe(check.evidenceId);
    const jo = await showPerson(t.ctx, owner, "jo@acme.example");
    expect(jo.backgroundCheck?.status).toBe("clear");
    expect(jo.checklists[0]?.steps[0]).toMatchObject({
      step: "background-check",
      state: "done",
      evidenceId: check.evidenceId,
    });
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    expect(events.map((e) => e.action)).toContain("person.background-check-recorded");
  });

  it("is hidden from everyone but owners and admins", async () => {
    await importPeople(t.ctx, owner, {
      csv: peopleCsv([{ email: "jo@acme.example", name: "Jo Park", start: "2026-03-09" }]),
    });
    const admin = await addMember(t, owner, "admin", "ada@acme.example");
    await recordBackgroundCheck(t.ctx, admin, "jo@acme.example", {
      status: "pending",
      provider: "Checkr",
    });
    expect((await getBackgroundCheck(t.ctx, admin, "jo@acme.example"))?.status).toBe("pending");
    for (const role of ["control-owner", "employee", "auditor"] as const) {
      const who = await addMember(t, owner, role, `${role}@acme.example`);
      await expectAppError(() => getBackgroundCheck(t.ctx, who, "jo@acme.example"), "FORBIDDEN");
      await expectAppError(
        () =>
          recordBackgroundCheck(t.ctx, who, "jo@acme.example", { status: "clear", provider: "X" }),
        "FORBIDDEN",
      );
    }
  });
});
