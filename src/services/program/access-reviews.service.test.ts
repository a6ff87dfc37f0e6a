import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  LEAVERS,
  UNKNOWN_EMAILS,
  accountRows,
  accountsCsv,
  registerCsv,
} from "../../../test/support/access-review.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { listAuditLog, verifyAuditLog } from "../platform/audit-log.service.ts";
import {
  completeCampaign,
  decideAccounts,
  recordAccessRemoved,
} from "./access-review-decisions.service.ts";
import {
  importAccounts,
  listCampaignSummaries,
  showCampaign,
  startCampaign,
} from "./access-reviews.service.ts";
import type { CampaignDetail } from "./access-reviews.service.ts";
import { updateControl } from "./controls.service.ts";
import { addEvidence, listEvidence, readEvidenceFile } from "./evidence.service.ts";
import { importPeople } from "./people-import.service.ts";
import { getReadiness } from "./readiness.service.ts";
import { listTasks } from "./tasks.service.ts";
import { Readable } from "node:stream";

let t: TestContext;
let owner: Actor;
let reviewer: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeEach(async () => {
  reviewer = await addMember(t, owner, "control-owner", "sam@acme.example");
  await importPeople(t.ctx, owner, { csv: registerCsv(200) });
});

async function startScenario(): Promise<CampaignDetail> {
  return startCampaign(
    t.ctx,
    owner,
    {
      name: "Q1 GitHub review",
      systems: ["GitHub"],
      reviewers: ["sam@acme.example"],
      periodFrom: "2026-01-01",
      periodTo: "2026-03-31",
      dueOn: "2026-03-16",
    },
    [{ system: "GitHub", csv: accountsCsv(accountRows(200)) }],
  );
}

/** Removes the leavers and unknown accounts, keeps the rest (privileged ones with a comment). */
async function decideAll(campaign: CampaignDetail): Promise<CampaignDetail> {
  return decideAccounts(t.ctx, reviewer, campaign.ref, {
    decisions: campaign.accountViews.map((a) =>
      a.flags.includes("leaver") || a.flags.includes("unknown")
        ? { account: a.id, decision: "remove", comment: "no longer needs access" }
        : {
            account: a.id,
            decision: "keep",
            comment: a.flags.length > 0 ? "admin of the organization, needed" : null,
          },
    ),
  });
}

async function counts(ref: string, criterion: string): Promise<boolean> {
  const report = await getReadiness(t.ctx, owner);
  const found = report.criteria.find((c) => c.id === criterion);
  return found !== undefined && found.controls.includes(ref) && !found.missing.includes(ref);
}

async function reasonsFor(criterion: string): Promise<string> {
  const report = await getReadiness(t.ctx, owner);
  return report.criteria.find((c) => c.id === criterion)?.reasons.join("\n") ?? "";
}

describe("an access review of 200 accounts", () => {
  it("flags exactly the 3 leavers and the 2 unknown accounts, plus the privileged ones", async () => {
    const campaign = await startScenario();
    expect(campaign).toMatchObject({ ref: "AR-1", accounts: 200, decided: 0, flagged: 9 });
    const leavers = campaign.accountViews.filter((a) => a.flags.includes("leaver"));
    const unknown = campaign.accountViews.filter((a) => a.flags.includes("unknown"));
    const privileged = campaign.accountViews.filter((a) => a.flags.includes("privileged"));
    expect(leavers.map((a) => a.email).sort()).toEqual(LEAVERS.map((l) => l.email).sort());
    expect(unknown.map((a) => a.email).sort()).toEqual([...UNKNOWN_EMAILS].sort());
    expect(privileged.map((a) => a.account).sort()).toEqual([
      "hana",
      "person100",
      "person150",
      "person50",
    ]);
    // Matching is by normalized email: Person7@… is person7@… of the register.
    expect(campaign.accountViews.find((a) => a.account === "person7")).toMatchObject({
      email: "person7@acme.example",
      personName: "Person 7",
      flags: [],
    });
    // Flagged first, each with its reason.
    expect(campaign.accountViews.slice(0, 9).every((a) => a.flags.length > 0)).toBe(true);
    expect(leavers.find((a) => a.email === "lee.left@acme.example")?.reason).toBe(
      "the person left on 2026-01-31",
    );
    expect(unknown[0]?.reason).toBe("no one in the people register has this email");
  });

  it("creates removal tasks, files the completed campaign as AC-06 evidence and makes AC-06 current", async () => {
    await updateControl(t.ctx, owner, "AC-06", { status: "implemented" });
    expect(await counts("AC-06", "CC6.2")).toBe(false);
    const campaign = await startScenario();
    expect(await reasonsFor("CC6.2")).toContain("no access review has been completed yet");

    // The reviewer has a task while accounts wait, then one per removal.
    const waiting = await listTasks(t.ctx, reviewer, { source: "access-review" });
    expect(waiting.map((task) => task.title)).toEqual(["Review access: AR-1 Q1 GitHub review"]);
    await decideAll(campaign);
    const removals = await listTasks(t.ctx, reviewer, { source: "access-review" });
    expect(removals).toHaveLength(5);
    expect(removals.map((task) => task.dueBy)).toEqual(Array(5).fill("2026-03-09"));
    expect(removals.map((task) => task.title)).toContain("Remove the access of lee.left on GitHub");

    const completed = await completeCampaign(t.ctx, owner, "AR-1");
    expect(completed).toMatchObject({ status: "completed", completedOn: "2026-03-02" });
    const evidence = await listEvidence(t.ctx, owner, { control: "AC-06" });
    expect(evidence.map((e) => e.id)).toEqual([completed.evidenceId]);
    const file = await readEvidenceFile(t.ctx, owner, completed.evidenceId ?? "");
    const chunks: Buffer[] = [];
    for await (const chunk of file.content) chunks.push(chunk as Buffer);
    const json = Buffer.concat(chunks).toString("utf8");
    expect(sha256(json)).toBe(completed.sha256);
    const snapshot = JSON.parse(json) as {
      reviewers: string[];
      systems: { accounts: { decision: string }[] }[];
    };
    expect(canonicalJson(snapshot)).toBe(json);
    expect(snapshot.reviewers).toEqual(["sam@acme.example"]);
    expect(snapshot.systems[0]?.accounts.filter((a) => a.decision === "remove")).toHaveLength(5);

    // AC-06 (and so CC6.2 and CC6.3) is current without an upload; the hash is in the trail.
    expect(await counts("AC-06", "CC6.2")).toBe(true);
    expect(await counts("AC-06", "CC6.3")).toBe(true);
    const log = await listAuditLog(t.ctx, owner, { action: "access-review.completed" });
    expect(log.items[0]?.sentence).toContain(`SHA-256 ${completed.sha256 ?? ""}`);
    const decided = await listAuditLog(t.ctx, owner, {
      action: "access-review.decided",
      limit: 500,
    });
    expect(decided.items).toHaveLength(200);
    // The chain holds (the member added straight to the database is the only record it lacks).
    expect(await verifyAuditLog(t.ctx, owner)).toMatchObject({ chain: null, corruptFiles: [] });

    // Completed means frozen.
    await expectAppError(
      () =>
        decideAccounts(t.ctx, reviewer, "AR-1", {
          decisions: [{ account: campaign.accountViews[20]?.id ?? "", decision: "remove" }],
        }),
      "INVALID_STATE",
    );

    // A removal is closed with the evidence that the access was removed.
    const proof = await addEvidence(
      t.ctx,
      owner,
      { kind: "file", content: Readable.from([Buffer.from("removed")]), fileName: "audit.txt" },
      {
        title: "GitHub org audit log: lee.left removed",
        controls: ["AC-06"],
        forDate: "2026-03-02",
      },
    );
    const leaver = campaign.accountViews.find((a) => a.account === "lee.left");
    await recordAccessRemoved(t.ctx, reviewer, "AR-1", leaver?.id ?? "", {
      evidenceId: proof.id,
      note: "removed from the GitHub organization",
    });
    expect(await listTasks(t.ctx, reviewer, { source: "access-review" })).toHaveLength(4);
    await expectAppError(
      () =>
        recordAccessRemoved(t.ctx, reviewer, "AR-1", leaver?.id ?? "", { evidenceId: proof.id }),
      "INVALID_STATE",
    );

    // A quarter and a bit later, AC-06 is no longer current on access reviews.
    t.advance(100 * DAY);
    expect(await reasonsFor("CC6.2")).toContain(
      "no access review was completed in the last quarter (the last, AR-1, on 2026-03-02)",
    );
  });

  it("needs a comment to keep a flagged account, and only the reviewers decide", async () => {
    const campaign = await startScenario();
    const leaver = campaign.accountViews.find((a) => a.flags.includes("leaver"));
    const before = await snapshotDatabase(t.ctx.db);
    const refused = await expectAppError(
      () =>
        decideAccounts(t.ctx, reviewer, "AR-1", {
          decisions: [{ account: leaver?.id ?? "", decision: "keep" }],
        }),
      "VALIDATION_FAILED",
    );
    expect(refused.fieldErrors?.[0]?.field).toBe("decisions.0.comment");
    expect(refused.message).toContain("needs a comment saying why");
    // The owner is not a reviewer of AR-1; another control owner cannot even see it.
    await expectAppError(
      () =>
        decideAccounts(t.ctx, owner, "AR-1", {
          decisions: [{ account: leaver?.id ?? "", decision: "remove" }],
        }),
      "FORBIDDEN",
    );
    const other = await addMember(t, owner, "control-owner", "kim@acme.example");
    await expectAppError(() => showCampaign(t.ctx, other, "AR-1"), "NOT_FOUND");
    expect(await listCampaignSummaries(t.ctx, other)).toEqual([]);
    await expectAppError(() => showCampaign(t.ctx, as(owner, "auditor"), "AR-1"), "FORBIDDEN");
    expect(await snapshotDatabase(t.ctx.db)).not.toBe(before); // kim was added
    const after = await decideAccounts(t.ctx, reviewer, "AR-1", {
      decisions: [
        {
          account: leaver?.id ?? "",
          decision: "keep",
          comment: "returns as a contractor next week",
        },
      ],
    });
    expect(after.decided).toBe(1);
    // Incomplete campaigns do not complete.
    await expectAppError(() => completeCampaign(t.ctx, owner, "AR-1"), "INVALID_STATE");
  });

  it("refuses a bad account list with line numbers and writes nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const csv = [
      "account,email,privileged",
      "ana,ana@acme.example,true",
      ",bo@acme.example,false",
      "cy,not-an-email,false",
      "ana,ana2@acme.example,yes",
    ].join("\n");
    const error = await expectAppError(
      () =>
        startCampaign(
          t.ctx,
          owner,
          { name: "Bad", systems: ["GitHub"], reviewers: ["sam@acme.example"] },
          [{ system: "GitHub", csv }],
        ),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors?.map((f) => f.field)).toEqual([
      "line 3: account",
      "line 4: email",
      "line 5: account",
      "line 5: privileged",
    ]);
    expect(error.message).toContain('line 5, privileged: must be true or false, not "yes"');
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);

    // A header that is not the documented one is refused too.
    const started = await startCampaign(t.ctx, owner, {
      name: "Later",
      systems: ["AWS"],
      reviewers: ["sam@acme.example"],
    });
    expect(started).toMatchObject({
      periodFrom: "2025-12-03",
      periodTo: "2026-03-02",
      dueOn: "2026-03-16",
    });
    const header = await expectAppError(
      () => importAccounts(t.ctx, owner, "AR-1", { system: "AWS", csv: "user,mail\nx,y\n" }),
      "VALIDATION_FAILED",
    );
    expect(header.message).toContain("the header must be account,email,privileged");
    await expectAppError(
      () =>
        importAccounts(t.ctx, reviewer, "AR-1", {
          system: "AWS",
          csv: accountsCsv(accountRows(10)),
        }),
      "FORBIDDEN",
    );
  });

  it("says when a campaign is overdue, on AC-06", async () => {
    await updateControl(t.ctx, owner, "AC-06", { status: "implemented" });
    await startScenario();
    t.advance(20 * DAY);
    expect(await reasonsFor("CC6.2")).toContain(
      "access review AR-1 was due by 2026-03-16 and 200 accounts are not decided",
    );
    const [summary] = await listCampaignSummaries(t.ctx, reviewer);
    expect(summary?.overdue).toBe(true);
    const [task] = await listTasks(t.ctx, reviewer, { source: "access-review" });
    expect(task?.status).toBe("overdue");
  });
});
