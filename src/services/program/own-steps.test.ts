/** A joiner's own checklist steps close when they acknowledge the policies and pass training. */
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { peopleCsv, workforce } from "../../../test/support/people.ts";
import { TRAINING_MODULES, trainingModule } from "../../catalog/training/index.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { importPeople } from "./people-import.service.ts";
import { showPerson } from "./people.service.ts";
import { adoptPolicy } from "./policies.service.ts";
import { acknowledgePolicy } from "./policy-acknowledgements.service.ts";
import { approvePolicy, publishPolicy, submitPolicy } from "./policy-workflow.service.ts";
import { listTasks } from "./tasks.service.ts";
import { takeQuiz } from "./training.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

async function ownSteps(email: string) {
  const { checklists } = await showPerson(t.ctx, owner, email);
  const joiner = checklists.find((c) => c.kind === "joiner");
  return new Map(
    (joiner?.steps ?? [])
      .filter((s) => s.step === "policy-acknowledgement" || s.step === "training")
      .map((s) => [s.step, s]),
  );
}

describe("a joiner's own steps", () => {
  it("close themselves: policies on the last acknowledgement, training on the last pass", async () => {
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use", owner: "olivia@acme.example" });
    await submitPolicy(t.ctx, owner, "P-1");
    await approvePolicy(t.ctx, owner, "P-1");
    await publishPolicy(t.ctx, owner, "P-1");
    // Jo starts today (the test clock's 2 March 2026), in sales: no secure development.
    await importPeople(t.ctx, owner, {
      csv: peopleCsv(
        workforce(3, "acme.example", [
          { email: "jo@acme.example", name: "Jo Park", department: "Sales", start: "2026-03-02" },
        ]),
      ),
    });
    const jo = await addMember(t, owner, "employee", "jo@acme.example");
    expect([...(await ownSteps("jo@acme.example")).values()].map((s) => s.state)).toEqual([
      "open",
      "open",
    ]);
    // The task for her own step takes her where the work is done.
    const mine = await listTasks(t.ctx, jo, { source: "onboarding-step" });
    expect(mine.map((task) => task.link).sort()).toEqual(["/policies", "/training"]);

    await acknowledgePolicy(t.ctx, jo, "P-1", { version: 1 }, null);
    const afterPolicy = await ownSteps("jo@acme.example");
    expect(afterPolicy.get("policy-acknowledgement")).toMatchObject({
      state: "done",
      completedByName: jo.name,
    });
    expect(afterPolicy.get("training")?.state).toBe("open");

    const assigned = TRAINING_MODULES.filter(
      (m) => m.audience === "everyone" && m.categories.length === 0,
    );
    // A failed quiz closes nothing; the step waits for every module to be passed.
    const first = assigned[0]!;
    await takeQuiz(t.ctx, jo, first.id, {
      answers: first.quiz.map((q) => (q.answer + 1) % q.choices.length),
    });
    for (const module of assigned.slice(0, -1)) {
      const answers = trainingModule(module.id)?.quiz.map((q) => q.answer) ?? [];
      await takeQuiz(t.ctx, jo, module.id, { answers });
    }
    expect((await ownSteps("jo@acme.example")).get("training")?.state).toBe("open");
    const last = assigned.at(-1)!;
    await takeQuiz(t.ctx, jo, last.id, { answers: last.quiz.map((q) => q.answer) });
    expect((await ownSteps("jo@acme.example")).get("training")).toMatchObject({
      state: "done",
      note: "Closed when every training module assigned to them was passed.",
    });
    const events = (await listAuditLog(t.ctx, owner, {})).items.filter(
      (e) => e.action === "person.step-completed",
    );
    expect(events).toHaveLength(2);
    expect(await listTasks(t.ctx, jo, { source: "onboarding-step" })).toEqual([]);
  });
});
