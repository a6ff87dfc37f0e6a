/**
 * The demo's risk register: the starter risks that fit Northwind's scope and controls, three
 * of them rescored after their controls, the accepted ones with a note saying who accepted
 * them and why, and this year's assessment, filed as RM-01 and RM-02 evidence.
 */
import { RISK_LIBRARY } from "../../catalog/risks/library.ts";
import type { RiskCategory } from "../../catalog/risks/library.ts";
import type { CategoryId } from "../../catalog/types.ts";
import type { Actor } from "../../domain/actor.ts";
import type { Risk } from "../../domain/risk.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listControls } from "../program/controls-read.ts";
import { recordRiskAssessment } from "../program/risk-assessments.service.ts";
import { addRisksFromLibrary, updateRisk } from "../program/risks.service.ts";

export interface DemoRisks {
  risks: number;
  assessment: string;
  sha256: string;
}

/** Who owns each kind of risk at Northwind (demo-people.ts): the people who would answer for it. */
const RISK_OWNERS: Record<RiskCategory, string> = {
  security: "sam@northwind.example",
  confidentiality: "sam@northwind.example",
  privacy: "sam@northwind.example",
  availability: "lee@northwind.example",
  "processing-integrity": "lee@northwind.example",
  operational: "ravi@northwind.example",
  people: "jo@northwind.example",
  vendor: "maya@northwind.example",
  "legal-compliance": "maya@northwind.example",
  financial: "maya@northwind.example",
};

const ACCEPTED_BY =
  "Accepted by Maya Chen (CEO) at the yearly review: the cost of further controls outweighs the exposure; revisit if the business changes.";

export async function loadDemoRisks(
  ctx: ServiceContext,
  actor: Actor,
  categories: readonly CategoryId[],
): Promise<DemoRisks> {
  const adopted = new Set((await listControls(ctx, actor)).map((c) => c.ref));
  const fitting = RISK_LIBRARY.filter(
    (r) =>
      r.categories.every((c) => categories.includes(c)) &&
      (r.treatment !== "mitigate" || r.controls.some((c) => adopted.has(c))),
  );
  // One batch per owner, so each risk is added with its owner already named.
  const byOwner = new Map<string, string[]>();
  for (const template of fitting) {
    const owner = RISK_OWNERS[template.category];
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), template.id]);
  }
  const risks: Risk[] = [];
  for (const [owner, templates] of byOwner) {
    risks.push(...(await addRisksFromLibrary(ctx, actor, { templates, owner })).risks);
  }
  // Three mitigated risks rescored with their controls in place.
  for (const risk of risks.filter((r) => r.treatment === "mitigate").slice(0, 3)) {
    await updateRisk(ctx, actor, risk.ref, {
      residualLikelihood: Math.max(1, risk.likelihood - 2),
      residualImpact: Math.max(1, risk.impact - 1),
    });
  }
  for (const risk of risks.filter((r) => r.treatment === "accept")) {
    await updateRisk(ctx, actor, risk.ref, { acceptanceNote: ACCEPTED_BY });
  }
  const assessment = await recordRiskAssessment(ctx, actor, {
    participants: [
      "maya@northwind.example",
      "sam@northwind.example",
      "lee@northwind.example",
      "ravi@northwind.example",
    ],
  });
  return { risks: risks.length, assessment: assessment.ref, sha256: assessment.sha256 };
}
