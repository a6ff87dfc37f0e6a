import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { peopleCsv, workforce } from "../../../test/support/people.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { updateControl } from "./controls.service.ts";
import { importPeople } from "./people-import.service.ts";
import { addPerson, listPeopleRegister, showPerson, updatePerson } from "./people.service.ts";
import { assignStep, completeStep } from "./person-steps.service.ts";
import { getReadiness } from "./readiness.service.ts";
import { listTasks } from "./tasks.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 86_400_000;
// The test clock starts on Monday 2 March 2026 at 09:00 UTC; yesterday was Sunday 1 March.
const LEAVER = {
  email: "sam@acme.example",
  name: "Sam Leaver",
  manager: "head@acme.example",
  start: "2025-01-06",
  end: "2026-03-01",
};

async function reasonsOf(ref: string): Promise<string[]> {
  const readiness = await getReadiness(t.ctx, owner);
  // Only what the checklists say: the control has no evidence yet either.
  return [...new Set(readiness.criteria.flatMap((c) => c.reasons))].filter(
    (r) => r.startsWith(ref) && !r.includes("evidence"),
  );
}

describe("importing people from CSV", () => {
  it("creates, then updates and ends, idempotently by email", async () => {
    const first = await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(30)) });
    expect(first).toMatchObject({ rows: 30, unchanged: 0, updated: [], ended: [] });
    expect(first.created).toHaveLength(30);
    expect(first.created[1]).toEqual({ line: 3, email: "person1@acme.example", name: "Person 1" });
    const again = await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(30)) });
    expect(again).toMatchObject({ created: [], updated: [], ended: [], unchanged: 30 });

    const changed = workforce(30).map((p) =>
      p.email === "person2@acme.example"
        ? { ...p, title: "Staff Engineer" }
        : p.email === "person3@acme.example"
          ? { ...p, end: "2026-02-27" }
          : p,
    );
    const third = await importPeople(t.ctx, owner, { csv: peopleCsv(changed) });
    expect(third.updated.map((r) => r.email)).toEqual(["person2@acme.example"]);
    expect(third.ended.map((r) => r.email)).toEqual(["person3@acme.example"]);
    expect(third.unchanged).toBe(28);
    const register = await listPeopleRegister(t.ctx, owner);
    expect(register.items).toHaveLength(30);
    expect(register.items.find((p) => p.email === "person3@acme.example")?.status).toBe("left");

    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    const imports = events.filter((e) => e.action === "people.imported");
    expect(imports).toHaveLength(3);
  });

  it("matches by employee id, so a changed email updates the same person", async () => {
    const csv = (email: string) =>
      "email,name,title,department,manager_email,start_date,end_date,type,employee_id\n" +
      `${email},Jo Park,Designer,Design,,2025-05-01,,employee,E-100\n`;
    await importPeople(t.ctx, owner, { csv: csv("jo@acme.example") });
    const moved = await importPeople(t.ctx, owner, { csv: csv("jo.park@acme.example") });
    expect(moved.updated.map((r) => r.email)).toEqual(["jo.park@acme.example"]);
    const register = await listPeopleRegister(t.ctx, owner);
    expect(register.items.map((p) => p.email)).toEqual(["jo.park@acme.example"]);
  });

  it("refuses a file with bad rows whole, naming each line and field, changing nothing", async () => {
    await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(3)) });
    const before = await snapshotDatabase(t.ctx.db);
    const bad = [
      "email,name,title,department,manager_email,start_date,end_date,type",
      "new@acme.example,New Person,Engineer,Eng,,2026-03-02,,employee",
      "not-an-email,Broken,Engineer,Eng,,2026-03-02,,employee",
      "late@acme.example,Late,Engineer,Eng,,2026-02-30,,staff",
      "gone@acme.example,Gone,Engineer,Eng,,2026-03-02,2026-01-01,employee",
      "orphan@acme.example,Orphan,Engineer,Eng,nobody@acme.example,2026-03-02,,employee",
    ].join("\n");
    const error = await expectAppError(
      () => importPeople(t.ctx, owner, { csv: bad }),
      "VALIDATION_FAILED",
    );
    expect(error.message).toContain("the file was refused and nothing was changed");
    expect(error.fieldErrors).toEqual([
      { field: "line 3: email", message: '"not-an-email" is not an email' },
      { field: "line 4: start_date", message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { field: "line 4: type", message: '"staff" is not employee or contractor' },
      { field: "line 5: end_date", message: "2026-01-01 is before the start date 2026-03-02" },
    ]);
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
    // Rows that read well are then checked against the register: the manager must be known.
    const orphan = await expectAppError(
      () =>
        importPeople(t.ctx, owner, {
          csv: peopleCsv([
            { email: "orphan@acme.example", name: "O", manager: "nobody@acme.example" },
          ]),
        }),
      "VALIDATION_FAILED",
    );
    expect(orphan.fieldErrors).toEqual([
      {
        field: "line 2: manager_email",
        message: "nobody@acme.example is not in the people register",
      },
    ]);
    const header = await expectAppError(
      () => importPeople(t.ctx, owner, { csv: "email,name\nx@acme.example,X\n" }),
      "VALIDATION_FAILED",
    );
    expect(header.fieldErrors?.map((f) => f.field)).toContain("line 1: title");
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
  });

  it("is for owners and admins", async () => {
    const emma = await addMember(t, owner, "employee", "emma@acme.example");
    const carl = await addMember(t, owner, "control-owner", "carl@acme.example");
    for (const who of [emma, carl]) {
      await expectAppError(() => importPeople(t.ctx, who, { csv: peopleCsv([]) }), "FORBIDDEN");
      await expectAppError(() => listPeopleRegister(t.ctx, who), "FORBIDDEN");
    }
  });
});

describe("onboarding and offboarding checklists", () => {
  it("opens an offboarding checklist for a leaver whose access step goes overdue after its SLA", async () => {
    await updateControl(t.ctx, owner, "AC-05", { status: "implemented" });
    await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(5, "acme.example", [LEAVER])) });
    const sam = await showPerson(t.ctx, owner, "sam@acme.example");
    expect(sam.person.status).toBe("left");
    expect(sam.checklists.map((c) => c.kind)).toEqual(["leaver"]);
    const access = sam.checklists[0]?.steps[0];
    // One business day after Sunday 1 March is Monday 2 March: due today, not late yet.
    expect(access).toMatchObject({
      step: "access-removed",
      control: "AC-05",
      dueBy: "2026-03-02",
      state: "open",
      sla: "within 1 business day of the end date",
    });
    expect((await listPeopleRegister(t.ctx, owner)).overdue).toEqual([]);

    t.advance(DAY);
    const register = await listPeopleRegister(t.ctx, owner);
    expect(register.overdue.map((s) => `${s.person.name}: ${s.step}`)).toEqual([
      "Sam Leaver: access-removed",
    ]);
    expect(await reasonsOf("AC-05")).toEqual([
      "AC-05 (Timely removal of access for leavers and movers) is implemented but 1 leaver's " +
        "access was not removed within 1 business day of the end date (Sam Leaver).",
    ]);
    const tasks = await listTasks(t.ctx, owner, { mine: false, source: "onboarding-step" });
    expect(tasks[0]).toMatchObject({
      title: "Access removed in every system: Sam Leaver",
      status: "overdue",
      dueBy: "2026-03-02",
      subject: "AC-05",
    });

    // The step falls to AC-05's owner: theirs to complete, late, on the record.
    const ivan = await addMember(t, owner, "control-owner", "ivan@acme.example");
    const emma = await addMember(t, owner, "employee", "emma@acme.example");
    await updateControl(t.ctx, owner, "AC-05", { owner: "ivan@acme.example" });
    const mine = await listTasks(t.ctx, ivan, { mine: true, source: "onboarding-step" });
    expect(mine.map((task) => task.id)).toEqual([`onboarding-step:${access?.id ?? ""}`]);
    await expectAppError(() => completeStep(t.ctx, emma, access?.id ?? ""), "FORBIDDEN");
    const done = await completeStep(t.ctx, ivan, access?.id ?? "", { note: "IdP suspended" });
    expect(done.checklists[0]?.steps[0]).toMatchObject({
      state: "done",
      completedByName: "ivan",
      late: true,
      note: "IdP suspended",
    });
    await expectAppError(() => completeStep(t.ctx, owner, access?.id ?? ""), "CONFLICT");
    // A step can be handed to someone by name: it becomes theirs to complete.
    const device = done.checklists[0]?.steps[1]?.id ?? "";
    await expectAppError(
      () => assignStep(t.ctx, ivan, device, { owner: "emma@acme.example" }),
      "FORBIDDEN",
    );
    await assignStep(t.ctx, owner, device, { owner: "emma@acme.example" });
    const emmas = await listTasks(t.ctx, emma, { mine: true, source: "onboarding-step" });
    expect(emmas.map((task) => task.title)).toEqual(["Device returned: Sam Leaver"]);
    await completeStep(t.ctx, emma, device);
    expect(await reasonsOf("AC-05")).toEqual([]);
  });

  it("opens a joiner checklist for a recent start date, but none for long-standing staff", async () => {
    await importPeople(t.ctx, owner, {
      csv: peopleCsv(
        workforce(3, "acme.example", [
          {
            email: "jo@acme.example",
            name: "Jo Park",
            manager: "head@acme.example",
            start: "2026-03-09",
          },
        ]),
      ),
    });
    const register = await listPeopleRegister(t.ctx, owner);
    expect(register.items.filter((p) => p.openSteps > 0).map((p) => p.name)).toEqual(["Jo Park"]);
    const jo = await showPerson(t.ctx, owner, "jo@acme.example");
    expect(jo.person.status).toBe("joining");
    expect(jo.manager).toEqual({ name: "Hana Head", email: "head@acme.example" });
    expect(jo.checklists[0]?.steps.map((s) => [s.step, s.dueBy])).toEqual([
      ["background-check", "2026-03-09"],
      ["policy-acknowledgement", "2026-03-16"],
      ["training", "2026-04-06"],
      ["access-granted", "2026-03-10"],
      ["device-enrolled", "2026-03-16"],
    ]);
    // Their own steps are theirs once they have an account with that email.
    const joAccount = await addMember(t, owner, "employee", "jo@acme.example");
    const mine = await listTasks(t.ctx, joAccount, { mine: true, source: "onboarding-step" });
    expect(mine.map((task) => task.title)).toEqual([
      "Policies acknowledged: Jo Park",
      "Security awareness training completed: Jo Park",
    ]);
    const policyStep = jo.checklists[0]?.steps[1]?.id ?? "";
    const after = await completeStep(t.ctx, joAccount, policyStep);
    expect(after.checklists[0]?.steps[1]?.state).toBe("done");

    // A start date moved moves the open steps; an end date opens the leaver checklist.
    const moved = await updatePerson(t.ctx, owner, "jo@acme.example", { startDate: "2026-03-16" });
    expect(moved.checklists[0]?.steps.map((s) => s.dueBy)).toEqual([
      "2026-03-16",
      "2026-03-16",
      "2026-04-13",
      "2026-03-17",
      "2026-03-23",
    ]);
    const ending = await updatePerson(t.ctx, owner, "jo@acme.example", { endDate: "2026-06-30" });
    expect(ending.checklists.map((c) => c.kind)).toEqual(["joiner", "leaver"]);
    const kept = await updatePerson(t.ctx, owner, "jo@acme.example", { endDate: null });
    expect(kept.checklists.map((c) => c.kind)).toEqual(["joiner"]);
  });

  it("adds one person by hand, with a known manager", async () => {
    await importPeople(t.ctx, owner, { csv: peopleCsv(workforce(2)) });
    const added = await addPerson(t.ctx, owner, {
      email: "Kim@Acme.example",
      name: "Kim Lee",
      managerEmail: "head@acme.example",
      startDate: "2026-03-02",
      type: "contractor",
    });
    expect(added.person).toMatchObject({ email: "kim@acme.example", type: "contractor" });
    expect(added.checklists[0]?.steps).toHaveLength(5);
    await expectAppError(
      () => addPerson(t.ctx, owner, { email: "kim@acme.example", name: "Kim again" }),
      "CONFLICT",
    );
    const unknown = await expectAppError(
      () =>
        addPerson(t.ctx, owner, {
          email: "x@acme.example",
          name: "X",
          managerEmail: "y@acme.example",
        }),
      "VALIDATION_FAILED",
    );
    expect(unknown.fieldErrors?.[0]?.field).toBe("managerEmail");
  });
});
