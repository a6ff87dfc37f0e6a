import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { trainingModule } from "../../catalog/training/index.ts";
import type { TrainingModule } from "../../catalog/training/index.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { moduleSha256 } from "../../domain/training.ts";
import { updateControl } from "./controls.service.ts";
import { showEvidence } from "./evidence.service.ts";
import { getReadiness } from "./readiness.service.ts";
import { addScopeCategory } from "./scope.service.ts";
import { listTasks } from "./tasks.service.ts";
import { importTrainingCompletions } from "./training-import.service.ts";
import { recordTrainingRosterEvidence } from "./training-roster.service.ts";
import {
  listTrainingCompletions,
  myTraining,
  showTrainingModule,
  takeQuiz,
  trainingStatus,
} from "./training.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 24 * 60 * 60 * 1000;

function phishing(): TrainingModule {
  const module = trainingModule("phishing");
  if (module === undefined) throw new Error("no phishing module");
  return module;
}

const rightAnswers = (module: TrainingModule) => module.quiz.map((q) => q.answer);
const wrongAnswers = (module: TrainingModule) =>
  module.quiz.map((q) => (q.answer + 1) % q.choices.length);

async function hr03Reasons(): Promise<string[]> {
  const report = await getReadiness(t.ctx, owner);
  // Only an implemented control's signals are reasons; HR-03's own title says "training".
  return report.criteria.filter((c) => c.controls.includes("HR-03")).flatMap((c) => c.reasons);
}

describe("taking a training quiz", () => {
  it("marks answers on the server, keeps every attempt and shows the answers only after a pass", async () => {
    const kim = await addMember(t, owner, "employee", "kim@acme.example");
    const view = await showTrainingModule(t.ctx, kim, "phishing");
    expect(JSON.stringify(view.quiz)).not.toMatch(/"answer"|explanation/);
    expect(view.sha256).toBe(moduleSha256(phishing()));
    expect(view.standing).toMatchObject({ state: "due", dueBy: "2026-04-01", lastPassedOn: null });

    const failed = await takeQuiz(t.ctx, kim, "phishing", { answers: wrongAnswers(phishing()) });
    expect(failed.completion).toMatchObject({ passed: false, score: 0, source: "quiz" });
    expect(
      failed.review.every((r) => !r.right && r.answer === null && r.explanation === null),
    ).toBe(true);

    t.advance(60_000);
    const answers = rightAnswers(phishing());
    answers[0] = wrongAnswers(phishing())[0] ?? 0;
    const passed = await takeQuiz(t.ctx, kim, "phishing", {
      answers,
      version: moduleSha256(phishing()),
    });
    const questions = phishing().quiz.length;
    expect(passed.completion).toMatchObject({
      passed: true,
      score: Math.floor((100 * (questions - 1)) / questions),
      moduleVersion: 1,
      moduleSha256: moduleSha256(phishing()),
      completedOn: "2026-03-02",
      email: "kim@acme.example",
    });
    expect(passed.review[0]).toMatchObject({ right: false, answer: phishing().quiz[0]?.answer });

    const after = await showTrainingModule(t.ctx, kim, "phishing");
    expect(after.attempts.map((a) => a.passed)).toEqual([true, false]);
    expect(after.standing).toMatchObject({
      state: "current",
      lastPassedOn: "2026-03-02",
      dueBy: "2027-03-02",
    });
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    const taken = events.filter((e) => e.action === "training.quiz-taken");
    expect(taken.map((e) => (JSON.parse(e.data) as { passed: boolean }).passed)).toEqual([
      false,
      true,
    ]);
  });

  it("refuses a wrong number of answers, a choice out of range and a stale version", async () => {
    const kim = await addMember(t, owner, "employee", "kim@acme.example");
    const before = await snapshotDatabase(t.ctx.db);
    const short = await expectAppError(
      () => takeQuiz(t.ctx, kim, "phishing", { answers: [0] }),
      "VALIDATION_FAILED",
    );
    expect(short.fieldErrors[0]?.field).toBe("answers");
    const outOfRange = rightAnswers(phishing());
    outOfRange[2] = 9;
    const range = await expectAppError(
      () => takeQuiz(t.ctx, kim, "phishing", { answers: outOfRange }),
      "VALIDATION_FAILED",
    );
    expect(range.fieldErrors[0]?.field).toBe("answers.2");
    const stale = await expectAppError(
      () =>
        takeQuiz(t.ctx, kim, "phishing", {
          answers: rightAnswers(phishing()),
          version: "0".repeat(64),
        }),
      "VALIDATION_FAILED",
    );
    expect(stale.fieldErrors[0]?.field).toBe("version");
    await expectAppError(
      () => takeQuiz(t.ctx, kim, "privacy", { answers: [] }),
      "VALIDATION_FAILED",
    );
    await expectAppError(() => takeQuiz(t.ctx, kim, "no-such", { answers: [] }), "NOT_FOUND");
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
  });

  it("assigns privacy only while privacy is in scope, and secure development to nobody without a department", async () => {
    const kim = await addMember(t, owner, "employee", "kim@acme.example");
    const assigned = async () =>
      (await myTraining(t.ctx, kim)).filter((m) => m.standing !== null).map((m) => m.id);
    expect(await assigned()).toEqual([
      "phishing",
      "passwords-mfa",
      "data-handling",
      "incident-reporting",
    ]);
    const privacy = trainingModule("privacy");
    await expectAppError(
      () => takeQuiz(t.ctx, kim, "privacy", { answers: privacy?.quiz.map((q) => q.answer) ?? [] }),
      "INVALID_STATE",
    );
    await addScopeCategory(t.ctx, owner, { category: "privacy" });
    expect(await assigned()).toContain("privacy");
  });
});

describe("due dates, tasks and readiness", () => {
  it("is due within 30 days of joining, then overdue, then current for a year after a pass", async () => {
    const kim = await addMember(t, owner, "employee", "kim@acme.example");
    await updateControl(t.ctx, owner, "HR-03", { status: "implemented" });
    const mine = async () => listTasks(t.ctx, kim, { source: "training" });
    expect((await mine()).map((task) => [task.subject, task.status, task.dueBy])).toContainEqual([
      "phishing",
      "open",
      "2026-04-01",
    ]);
    expect(await hr03Reasons()).not.toContainEqual(expect.stringContaining("this year's training"));

    t.advance(31 * DAY);
    expect((await mine()).every((task) => task.status === "overdue")).toBe(true);
    expect(await hr03Reasons()).toContainEqual(
      expect.stringContaining("1 of 1 people have not completed this year's training"),
    );
    const status = await trainingStatus(t.ctx, owner);
    expect(status.totals).toEqual({ people: 1, current: 0, due: 0, overdue: 1 });

    for (const id of ["phishing", "passwords-mfa", "data-handling", "incident-reporting"]) {
      const module = trainingModule(id);
      await takeQuiz(t.ctx, kim, id, { answers: module?.quiz.map((q) => q.answer) ?? [] });
    }
    expect(await mine()).toEqual([]);
    expect(await hr03Reasons()).not.toContainEqual(expect.stringContaining("this year's training"));
    expect((await trainingStatus(t.ctx, owner)).people[0]).toMatchObject({
      state: "current",
      modules: expect.arrayContaining([
        expect.objectContaining({ moduleId: "phishing", dueBy: "2027-04-02", lastVersion: 1 }),
      ]),
    });

    // The refresher shows 30 days before the year is up.
    t.advance(340 * DAY);
    const refresher = await mine();
    expect(refresher).toHaveLength(4);
    expect(refresher[0]).toMatchObject({ status: "open", dueBy: "2027-04-02" });
    expect(refresher[0]?.reason).toBe("yearly refresher: last passed on 2026-04-02");
  });
});

describe("completions: who sees whose", () => {
  it("shows an employee only their own, and owners everyone's", async () => {
    const kim = await addMember(t, owner, "employee", "kim@acme.example");
    const lee = await addMember(t, owner, "control-owner", "lee@acme.example");
    await takeQuiz(t.ctx, kim, "phishing", { answers: rightAnswers(phishing()) });
    await takeQuiz(t.ctx, lee, "phishing", { answers: wrongAnswers(phishing()) });
    expect((await listTrainingCompletions(t.ctx, kim)).map((c) => c.email)).toEqual([
      "kim@acme.example",
    ]);
    await expectAppError(
      () => listTrainingCompletions(t.ctx, kim, "lee@acme.example"),
      "FORBIDDEN",
    );
    expect((await listTrainingCompletions(t.ctx, owner)).map((c) => c.email).sort()).toEqual([
      "kim@acme.example",
      "lee@acme.example",
    ]);
    await expectAppError(() => trainingStatus(t.ctx, kim), "FORBIDDEN");
  });
});

describe("importing a provider's completions", () => {
  it("records external completions with the file as evidence, and nothing twice", async () => {
    await addMember(t, owner, "employee", "kim@acme.example");
    await addMember(t, owner, "admin", "lee@acme.example");
    const csv =
      "email,module,completed_on,score\n" +
      "Kim@Acme.example,phishing,2026-02-20,90\n" +
      "lee@acme.example,phishing,2026-02-21,50\n" +
      'lee@acme.example,"data-handling",2026-02-21,\n';
    const result = await importTrainingCompletions(t.ctx, owner, { fileName: "lms.csv", csv });
    expect(result).toMatchObject({ created: 3, skipped: 0 });
    expect(result.evidence).toMatchObject({
      source: "imported",
      fileName: "lms.csv",
      controls: ["HR-03"],
      forFrom: "2026-02-20",
      forTo: "2026-02-21",
    });
    const completions = await listTrainingCompletions(t.ctx, owner);
    expect(
      completions.map((c) => [c.email, c.moduleId, c.score, c.passed, c.source]).sort(),
    ).toEqual([
      ["kim@acme.example", "phishing", 90, true, "external"],
      ["lee@acme.example", "data-handling", null, true, "external"],
      ["lee@acme.example", "phishing", 50, false, "external"],
    ]);
    const again = await importTrainingCompletions(t.ctx, owner, { fileName: "lms.csv", csv });
    expect(again).toMatchObject({ created: 0, skipped: 3 });
    expect(await listTrainingCompletions(t.ctx, owner)).toHaveLength(3);
  });

  it("refuses a file with any bad row, naming each line and field, and changes nothing", async () => {
    await addMember(t, owner, "employee", "kim@acme.example");
    const before = await snapshotDatabase(t.ctx.db);
    const csv =
      "email,module,completed_on,score\n" +
      "kim@acme.example,phishing,2026-02-20,90\n" +
      "stranger@else.example,phishing,2026-02-20,90\n" +
      "kim@acme.example,knitting,2026-02-30,101\n" +
      "kim@acme.example,phishing,2026-12-01,80\n" +
      "kim@acme.example,phishing\n" +
      "kim@acme.example,phishing,1999-12-31,80\n";
    const error = await expectAppError(
      () => importTrainingCompletions(t.ctx, owner, { fileName: "bad.csv", csv }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors.map((f) => f.field)).toEqual([
      "line 3: email",
      "line 4: module",
      "line 4: completed_on",
      "line 4: score",
      "line 5: completed_on",
      "line 6: row",
      "line 7: completed_on",
    ]);
    expect(error.message).toContain("bad.csv was not imported");
    const header = await expectAppError(
      () =>
        importTrainingCompletions(t.ctx, owner, {
          fileName: "x.csv",
          csv: "mail,course\nkim@acme.example,phishing\n",
        }),
      "VALIDATION_FAILED",
    );
    expect(header.fieldErrors[0]).toEqual({
      field: "line 1",
      message: "the header must be email,module,completed_on,score",
    });
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
  });
});

describe("completion rosters as evidence", () => {
  it("files a period's roster on HR-03, generated from the records", async () => {
    const kim = await addMember(t, owner, "employee", "kim@acme.example");
    await addMember(t, owner, "employee", "jo@acme.example");
    await takeQuiz(t.ctx, kim, "phishing", { answers: rightAnswers(phishing()) });
    t.advance(40 * DAY);
    const { roster, evidence } = await recordTrainingRosterEvidence(t.ctx, owner, {
      from: "2026-03-01",
      to: "2026-04-10",
    });
    expect(roster).toMatchObject({ asked: 2, complete: 0 });
    expect(roster.completions.map((c) => [c.email, c.moduleId])).toEqual([
      ["kim@acme.example", "phishing"],
    ]);
    expect(roster.missing.filter((m) => m.email === "jo@acme.example")).toHaveLength(4);
    expect(evidence).toMatchObject({
      kind: "record",
      recordKind: "training-completions",
      controls: ["HR-03"],
      forFrom: "2026-03-01",
      forTo: "2026-04-10",
    });
    const shown = await showEvidence(t.ctx, owner, evidence.id);
    expect(shown.evidence.title).toBe(
      "Security training 2026-03-01 to 2026-04-10: 0 of 2 people current",
    );
    await expectAppError(
      () => recordTrainingRosterEvidence(t.ctx, owner, { from: "2026-04-10", to: "2026-03-01" }),
      "VALIDATION_FAILED",
    );
  });
});
