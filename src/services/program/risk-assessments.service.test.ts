import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { listAuditLog, verifyAuditLog } from "../platform/audit-log.service.ts";
import { updateControl } from "./controls.service.ts";
import { listEvidence, readEvidenceFile } from "./evidence.service.ts";
import { getReadiness } from "./readiness.service.ts";
import {
  listRiskAssessments,
  recordRiskAssessment,
  showRiskAssessment,
} from "./risk-assessments.service.ts";
import { addRisksFromLibrary, updateRisk } from "./risks.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

async function reasonsFor(criterion: string): Promise<string> {
  const report = await getReadiness(t.ctx, owner);
  return report.criteria.find((c) => c.id === criterion)?.reasons.join("\n") ?? "";
}

async function counts(ref: string, criterion: string): Promise<boolean> {
  const report = await getReadiness(t.ctx, owner);
  const found = report.criteria.find((c) => c.id === criterion);
  return found !== undefined && found.controls.includes(ref) && !found.missing.includes(ref);
}

/** The scenario: a register from the starter library with three risks edited. */
async function editedRegister(): Promise<void> {
  await addRisksFromLibrary(t.ctx, owner, { templates: ["RL-01", "RL-02", "RL-03", "RL-04"] });
  await updateRisk(t.ctx, owner, "R-1", { residualLikelihood: 1 });
  await updateRisk(t.ctx, owner, "R-2", { impact: 2, residualImpact: 1 });
  await updateRisk(t.ctx, owner, "R-3", { reviewDate: "2026-09-30" });
}

describe("the yearly risk assessment", () => {
  it("freezes the register: the snapshot's SHA-256 re-derives and is in the audit trail", async () => {
    await editedRegister();
    const assessment = await recordRiskAssessment(t.ctx, owner, {
      participants: ["Olivia Owner", "cto@acme.example"],
    });
    expect(assessment).toMatchObject({ ref: "RA-1", heldOn: "2026-03-02", risks: 4 });
    expect(assessment.participants).toEqual([
      { name: "Olivia Owner", email: null },
      { name: "cto@acme.example", email: "cto@acme.example" },
    ]);

    const detail = await showRiskAssessment(t.ctx, owner, "ra-1");
    expect(sha256(detail.snapshot)).toBe(assessment.sha256);
    const snapshot = JSON.parse(detail.snapshot) as {
      risks: { ref: string; residualLikelihood: number }[];
    };
    expect(canonicalJson(snapshot)).toBe(detail.snapshot);
    expect(snapshot.risks.map((r) => r.ref)).toEqual(["R-1", "R-2", "R-3", "R-4"]);
    expect(snapshot.risks[0]?.residualLikelihood).toBe(1);

    // A later edit changes the register, not the frozen snapshot.
    await updateRisk(t.ctx, owner, "R-1", { residualLikelihood: 2 });
    expect((await showRiskAssessment(t.ctx, owner, assessment.id)).snapshot).toBe(detail.snapshot);

    const log = await listAuditLog(t.ctx, owner, { targetType: "risk-assessment" });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]?.data).toMatchObject({ sha256: assessment.sha256, risks: 4 });
    expect(log.items[0]?.sentence).toContain(`SHA-256 ${assessment.sha256}`);
    expect((await verifyAuditLog(t.ctx, owner)).ok).toBe(true);
  });

  it("files a PDF as evidence for RM-01 and RM-02, with no upload", async () => {
    await editedRegister();
    const assessment = await recordRiskAssessment(t.ctx, owner, { participants: ["Olivia"] });
    const evidence = await listEvidence(t.ctx, owner, { control: "RM-01" });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({
      id: assessment.evidenceId,
      kind: "file",
      source: "automated",
      mediaType: "application/pdf",
      forFrom: "2026-03-02",
      forTo: "2026-03-02",
      controls: ["RM-01", "RM-02"],
    });
    const file = await readEvidenceFile(t.ctx, owner, assessment.evidenceId);
    const chunks: Buffer[] = [];
    for await (const chunk of file.content) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha256(pdf)).toBe(evidence[0]?.sha256);
  });

  it("makes RM-01 current in readiness without an upload, and says why before", async () => {
    await updateControl(t.ctx, owner, "RM-01", { status: "implemented" });
    expect(await counts("RM-01", "CC3.1")).toBe(false);
    expect(await reasonsFor("CC3.1")).toContain(
      "RM-01 (Yearly risk assessment) is implemented but it has no evidence yet",
    );
    await editedRegister();
    expect(await reasonsFor("CC3.1")).toContain(
      "RM-01 (Yearly risk assessment) is implemented but there has been no risk assessment in the last 12 months",
    );

    await recordRiskAssessment(t.ctx, owner, { participants: ["Olivia"] });
    expect(await counts("RM-01", "CC3.1")).toBe(true);

    // Thirteen months on, both the evidence and the assessment are stale.
    t.advance(396 * DAY);
    expect(await counts("RM-01", "CC3.1")).toBe(false);
    expect(await reasonsFor("CC3.1")).toContain(
      "there has been no risk assessment in the last 12 months (the last was held on 2026-03-02)",
    );
  });

  it("flags risks past their review date and accepted high residual risks with no note, on RM-02", async () => {
    await updateControl(t.ctx, owner, "RM-02", { status: "implemented" });
    await editedRegister();
    await recordRiskAssessment(t.ctx, owner, { participants: ["Olivia"] });
    expect(await counts("RM-02", "CC3.2")).toBe(true);
    await updateRisk(t.ctx, owner, "R-4", {
      treatment: "accept",
      likelihood: 4,
      impact: 4,
      residualLikelihood: 4,
      residualImpact: 3,
    });
    expect(await reasonsFor("CC3.2")).toContain(
      "1 high residual risk is accepted without a note saying who accepted it and why (R-4)",
    );
    await updateRisk(t.ctx, owner, "R-4", {
      acceptanceNote: "Accepted by Olivia: insurance covers it.",
    });
    expect(await counts("RM-02", "CC3.2")).toBe(true);
    t.advance(220 * DAY);
    expect(await reasonsFor("CC3.2")).toContain("1 risk is past their review date (R-3)");
  });

  it("refuses an empty register, a future date and a caller who may not manage risks, writing nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    await expectAppError(
      () => recordRiskAssessment(t.ctx, owner, { participants: ["Olivia"] }),
      "INVALID_STATE",
    );
    await editedRegister();
    const after = await snapshotDatabase(t.ctx.db);
    const future = await expectAppError(
      () => recordRiskAssessment(t.ctx, owner, { participants: ["Olivia"], heldOn: "2026-03-03" }),
      "VALIDATION_FAILED",
    );
    expect(future.fieldErrors?.[0]?.field).toBe("heldOn");
    const nobody = await expectAppError(
      () => recordRiskAssessment(t.ctx, owner, { participants: [] }),
      "VALIDATION_FAILED",
    );
    expect(nobody.fieldErrors?.[0]?.field).toBe("participants");
    for (const role of ["control-owner", "employee", "auditor"] as const) {
      await expectAppError(
        () => recordRiskAssessment(t.ctx, as(owner, role), { participants: ["Olivia"] }),
        "FORBIDDEN",
      );
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(after);
    expect(before).not.toBe(after);
    expect(await listRiskAssessments(t.ctx, owner)).toEqual([]);
  });
});
