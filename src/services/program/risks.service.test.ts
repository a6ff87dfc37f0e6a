import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { RISK_LIBRARY, riskTemplate } from "../../catalog/risks/library.ts";
import type { Actor } from "../../domain/actor.ts";
import { acceptInvitation, createInvitation } from "../access/invitations.service.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { listControls } from "./controls-read.ts";
import {
  addRisksFromLibrary,
  createRisk,
  listRiskRegister,
  showRisk,
  updateRisk,
} from "./risks.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

async function join(email: string, name: string): Promise<void> {
  const quiet = { ...t.ctx, mailer: null };
  const { link } = await createInvitation(quiet, owner, { email, role: "control-owner" }, null);
  await acceptInvitation(
    quiet,
    (link ?? "").slice((link ?? "").lastIndexOf("/") + 1),
    { name, password: `${randomBytes(18).toString("base64url")}-Aa1` },
    undefined,
    { address: null, userAgent: null },
  );
}

const written = {
  title: "Card data leaks through support screenshots",
  description: "Support staff paste screenshots holding card numbers into tickets.",
  category: "confidentiality",
  likelihood: 3,
  impact: 4,
  treatment: "accept",
  residualLikelihood: 2,
  residualImpact: 4,
  acceptanceNote: "Accepted by Olivia (CEO): tickets are purged after 30 days.",
};

describe("adding risks from the library", () => {
  it("maps the library's controls to the organization's by ref, and says which were not adopted", async () => {
    const adopted = new Set((await listControls(t.ctx, owner)).map((c) => c.ref));
    const withMissing = RISK_LIBRARY.find(
      (r) => r.controls.some((c) => !adopted.has(c)) && r.controls.some((c) => adopted.has(c)),
    );
    const allAdopted = RISK_LIBRARY.find((r) => r.controls.every((c) => adopted.has(c)));
    expect(withMissing, "a starter risk naming a control not adopted").toBeDefined();
    expect(allAdopted).toBeDefined();
    const result = await addRisksFromLibrary(t.ctx, owner, {
      templates: [allAdopted!.id, withMissing!.id.toLowerCase()],
    });
    expect(result.risks.map((r) => r.ref)).toEqual(["R-1", "R-2"]);
    const [first, second] = result.risks;
    expect(first!.controls).toEqual([...allAdopted!.controls].sort());
    expect(second!.controls).toEqual(withMissing!.controls.filter((c) => adopted.has(c)).sort());
    expect(result.skipped).toEqual([
      {
        template: withMissing!.id,
        risk: "R-2",
        controls: withMissing!.controls.filter((c) => !adopted.has(c)),
      },
    ]);
    expect(first).toMatchObject({
      templateId: allAdopted!.id,
      likelihood: allAdopted!.likelihood,
      impact: allAdopted!.impact,
      inherentScore: allAdopted!.likelihood * allAdopted!.impact,
      residualScore: allAdopted!.likelihood * allAdopted!.impact,
      reviewDate: "2027-03-02",
    });
    const log = await listAuditLog(t.ctx, owner, { targetType: "risk" });
    expect(log.items.map((e) => e.sentence)).toContainEqual(
      expect.stringContaining(`Risk R-2 added from the library (${withMissing!.id})`),
    );
    expect(log.items.map((e) => e.sentence).join("\n")).toContain("not mapped (not adopted)");
  });

  it("refuses a starter risk already in the register, and an unknown one, writing nothing", async () => {
    await addRisksFromLibrary(t.ctx, owner, { templates: ["RL-01"] });
    const before = await snapshotDatabase(t.ctx.db);
    const again = await expectAppError(
      () => addRisksFromLibrary(t.ctx, owner, { templates: ["RL-02", "RL-01"] }),
      "CONFLICT",
    );
    expect(again.message).toBe("RL-01 is already in the register as R-1");
    const unknown = await expectAppError(
      () => addRisksFromLibrary(t.ctx, owner, { templates: ["RL-99"] }),
      "VALIDATION_FAILED",
    );
    expect(unknown.fieldErrors?.[0]?.field).toBe("templates.0");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("writing a risk", () => {
  it("computes the inherent and residual scores, and numbers risks per organization", async () => {
    const risk = await createRisk(t.ctx, owner, written);
    expect(risk).toMatchObject({ ref: "R-1", inherentScore: 12, residualScore: 8, controls: [] });
    // A score is never typed: the input has no field for it.
    await expectAppError(
      () => createRisk(t.ctx, owner, { ...written, inherentScore: 25 } as never),
      "VALIDATION_FAILED",
    );
  });

  it("refuses bad input naming the field and the reason", async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ likelihood: 6 }, "likelihood", /1 to 5/],
      [{ impact: "high" }, "impact", /1 to 5/],
      [{ treatment: "ignore" }, "treatment", /mitigate, accept, transfer, avoid/],
      [{ treatment: "mitigate" }, "controls", /at least one control/],
      [{ treatment: "mitigate", controls: ["ZZ-99"] }, "controls.0", /unknown control "ZZ-99"/],
      [{ owner: "nobody@elsewhere.example" }, "owner", /not the email of a member/],
      [{ residualLikelihood: 5 }, "residualLikelihood", /above the inherent likelihood 3/],
      [{ reviewDate: "2026-02-30" }, "reviewDate", /./],
    ];
    for (const [change, field, message] of cases) {
      const error = await expectAppError(
        () => createRisk(t.ctx, owner, { ...written, ...change } as never),
        "VALIDATION_FAILED",
      );
      expect(error.fieldErrors?.[0]?.field, JSON.stringify(change)).toBe(field);
      expect(error.message, field).toMatch(message);
    }
    expect((await listRiskRegister(t.ctx, owner)).items).toEqual([]);
  });

  it("records each edit from → to in the risk's history, and rescores", async () => {
    await join("cto@acme.example", "Casey CTO");
    await createRisk(t.ctx, owner, written);
    const updated = await updateRisk(t.ctx, owner, "r-1", {
      owner: "CTO@acme.example",
      likelihood: 4,
      treatment: "mitigate",
      controls: ["AC-01"],
    });
    expect(updated).toMatchObject({
      owner: "cto@acme.example",
      inherentScore: 16,
      controls: ["AC-01"],
    });
    const { history } = await showRisk(t.ctx, owner, updated.id);
    const edit = history.find((h) => h.action === "risk.updated");
    expect(edit?.sentence).toBe("Risk R-1 owner, likelihood, treatment and controls changed");
    expect(edit?.changes).toEqual([
      { field: "owner", from: null, to: "cto@acme.example" },
      { field: "likelihood", from: "3", to: "4" },
      { field: "treatment", from: "accept", to: "mitigate" },
      { field: "controls", from: "none", to: "AC-01" },
    ]);
    // Nothing changed, nothing recorded.
    await updateRisk(t.ctx, owner, "R-1", { likelihood: 4 });
    const again = await showRisk(t.ctx, owner, "R-1");
    expect(again.history.filter((h) => h.action === "risk.updated")).toHaveLength(1);
  });

  it("lets owners and admins manage, control owners read, and nobody else", async () => {
    await createRisk(t.ctx, as(owner, "admin"), written);
    expect((await listRiskRegister(t.ctx, as(owner, "control-owner"))).items).toHaveLength(1);
    for (const role of ["control-owner", "employee", "auditor"] as const) {
      await expectAppError(() => createRisk(t.ctx, as(owner, role), written), "FORBIDDEN");
      await expectAppError(
        () => updateRisk(t.ctx, as(owner, role), "R-1", { impact: 2 }),
        "FORBIDDEN",
      );
    }
    for (const role of ["employee", "auditor"] as const) {
      await expectAppError(() => listRiskRegister(t.ctx, as(owner, role)), "FORBIDDEN");
    }
  });
});

describe("the register", () => {
  it("filters, and counts the heat map cells of what it lists", async () => {
    await createRisk(t.ctx, owner, written);
    await createRisk(t.ctx, owner, {
      ...written,
      title: "Office flood",
      category: "availability",
      reviewDate: "2026-01-15",
    });
    const all = await listRiskRegister(t.ctx, owner);
    expect(all.heatMap.inherent.counts[2]![3]).toBe(2);
    expect(all.heatMap.residual.counts[1]![3]).toBe(2);
    expect(all.heatMap.inherent.counts.flat().reduce((a, b) => a + b, 0)).toBe(2);
    const overdue = await listRiskRegister(t.ctx, owner, { overdue: true });
    expect(overdue.items.map((r) => r.title)).toEqual(["Office flood"]);
    const byCategory = await listRiskRegister(t.ctx, owner, { category: "confidentiality" });
    expect(byCategory.items.map((r) => r.ref)).toEqual(["R-1"]);
    expect(byCategory.heatMap.inherent.counts[2]![3]).toBe(1);
    expect(riskTemplate("RL-01")).toBeDefined();
  });
});
