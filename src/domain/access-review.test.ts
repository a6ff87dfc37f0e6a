import { describe, expect, it } from "vitest";
import {
  campaignSnapshot,
  completedWithinQuarter,
  decisionProblem,
  matchAccounts,
  readAccountsCsv,
  removalDueBy,
} from "./access-review.ts";
import type { Campaign } from "./access-review.ts";
import { accessReviewPopulation, accessReviewSignals } from "./access-review-readiness.ts";

describe("an account list", () => {
  it("reads any column order, quoted cells and upper-case emails", () => {
    const { rows, problems } = readAccountsCsv(
      'privileged,email,account\r\nTRUE,Ana@Acme.example,"ana, admin"\nfalse,bo@acme.example,bo\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, account: "ana, admin", email: "ana@acme.example", privileged: true },
      { line: 3, account: "bo", email: "bo@acme.example", privileged: false },
    ]);
  });

  it("names every bad line and column, and refuses a file with no accounts", () => {
    expect(readAccountsCsv("account,email,privileged\n").problems).toEqual([
      { line: 0, field: "file", message: "it lists no accounts" },
    ]);
    expect(readAccountsCsv('account,email,privileged\n"ana,a@b.example,true').problems).toEqual([
      { line: 2, field: "file", message: "a quoted field is never closed" },
    ]);
    const { rows, problems } = readAccountsCsv(
      "account,email,privileged\nana,a@acme.example,true\nANA,,maybe\n",
    );
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      "3 account",
      "3 email",
      "3 privileged",
    ]);
  });
});

describe("matching and deciding", () => {
  const people = [
    { id: "p1", email: "Ana@acme.example", endDate: null },
    { id: "p2", email: "lee@acme.example", endDate: "2026-02-28" },
    { id: "p3", email: "kim@acme.example", endDate: "2026-03-02" },
  ];
  it("flags leavers (end date passed), unknown emails and privileged accounts", () => {
    const rows = [
      { email: "ana@acme.example", privileged: true },
      { email: "lee@acme.example", privileged: false },
      { email: "kim@acme.example", privileged: false },
      { email: "zed@acme.example", privileged: true },
    ];
    expect(matchAccounts(rows, people, "2026-03-02")).toEqual([
      { personId: "p1", flags: ["privileged"] },
      { personId: "p2", flags: ["leaver"] },
      // Their last day is today: not a leaver yet.
      { personId: "p3", flags: [] },
      { personId: null, flags: ["unknown", "privileged"] },
    ]);
  });

  it("needs a comment to keep a flagged account or to change one", () => {
    expect(decisionProblem("keep", null, ["leaver"])).toContain("needs a comment");
    expect(decisionProblem("keep", "  ", ["privileged"])).toContain("needs a comment");
    expect(decisionProblem("keep", null, [])).toBeNull();
    expect(decisionProblem("remove", null, ["unknown"])).toBeNull();
    expect(decisionProblem("change", null, [])).toContain("what to change");
  });

  it("dates removals five business days on and quarters three months back", () => {
    expect(removalDueBy("2026-03-06")).toBe("2026-03-13");
    expect(completedWithinQuarter("2025-12-02", "2026-03-02")).toBe(true);
    expect(completedWithinQuarter("2025-12-01", "2026-03-02")).toBe(false);
  });
});

const campaign: Campaign = {
  id: "c1",
  ref: "AR-1",
  number: 1,
  name: "Q1",
  periodFrom: "2026-01-01",
  periodTo: "2026-03-31",
  dueOn: "2026-04-15",
  reviewers: ["sam@acme.example"],
  status: "completed",
  startedBy: "Olivia",
  createdAt: "2026-04-01T09:00:00.000Z",
  completedOn: "2026-04-10",
  completedAt: "2026-04-10T09:00:00.000Z",
  completedBy: "Olivia",
  sha256: null,
  evidenceId: "e1",
};

describe("a campaign in readiness and in the population", () => {
  it("is current within a quarter of its completion, and says why not", () => {
    const signals = (today: string, open: { dueOn: string; undecided: number }[] = []) =>
      accessReviewSignals({
        today,
        campaigns: [
          { ...campaign, undecided: 0 },
          ...open.map((o, i) => ({
            ref: `AR-${i + 2}`,
            status: "open" as const,
            completedOn: null,
            ...o,
          })),
        ],
        undone: [{ ref: "AR-1", account: "lee", dueBy: "2026-04-17" }],
      }).get("AC-06");
    expect(signals("2026-04-16")).toEqual([
      {
        source: "access-review",
        ok: true,
        reason: "access review AR-1 was completed on 2026-04-10",
      },
    ]);
    expect(
      signals("2026-07-20", [{ dueOn: "2026-07-15", undecided: 3 }])?.map((s) => s.reason),
    ).toEqual([
      "no access review was completed in the last quarter (the last, AR-1, on 2026-04-10)",
      "access review AR-2 was due by 2026-07-15 and 3 accounts are not decided",
      "1 removal or change is past their five business days (lee in AR-1)",
    ]);
    expect(accessReviewSignals({ today: "2026-04-16", campaigns: [], undone: [] }).size).toBe(0);
  });

  it("is one occurrence of AC-06 when completed in the period, and nothing else", () => {
    const period = { from: "2026-04-01", to: "2026-09-30" };
    expect(accessReviewPopulation("AC-06", period, [campaign])?.items).toEqual([
      {
        key: "access-review-ar-1",
        label:
          "Access review AR-1 Q1, reviewed by sam@acme.example: 1 January 2026 to 31 March 2026, completed 10 April 2026",
        from: "2026-04-10",
        to: "2026-04-10",
        evidence: ["e1"],
      },
    ]);
    expect(accessReviewPopulation("AC-05", period, [campaign])).toBeUndefined();
    expect(accessReviewPopulation("AC-06", period, [campaign], "2026-04-09")).toBeUndefined();
    expect(
      accessReviewPopulation("AC-06", period, [{ ...campaign, completedOn: null }]),
    ).toBeUndefined();
  });

  it("freezes systems in name order and accounts in file order", () => {
    const snapshot = campaignSnapshot(
      "Acme",
      campaign,
      [
        { id: "s2", name: "GitHub", fileSha256: "b", importedBy: "O", importedAt: "t" },
        { id: "s1", name: "AWS", fileSha256: "a", importedBy: "O", importedAt: "t" },
      ],
      [],
      { on: "2026-04-10", by: "Olivia" },
    );
    expect(snapshot.systems.map((s) => s.name)).toEqual(["AWS", "GitHub"]);
  });
});
