/**
 * Assembles the report package model from the engagement, its draft and its results, inside
 * the caller's transaction. Every output (PDF, HTML, JSON, OSCAL) renders this one model.
 */
import { criteriaInCategories } from "../../catalog/index.ts";
import { findOrganizationKey } from "../../db/signing-keys.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { findDraft } from "../../db/reports.repo.ts";
import type { ReportDraft } from "../../db/reports.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import type { Engagement, EngagementSnapshot } from "../../domain/engagement.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import { contentDigestInput, descriptionGaps, emptyDescription } from "../../domain/report.ts";
import type {
  Approval,
  AuditorOpinion,
  PackageControl,
  ReportPackage,
} from "../../domain/report.ts";
import { assertionTemplate } from "../../domain/report-templates.ts";
import type { ControlOutcome } from "../../domain/test-results.ts";
import { takeSnapshot } from "../fieldwork/engagements.service.ts";
import { resultsOf } from "../fieldwork/testing.service.ts";

/**
 * Puts back the approval and the opinion that were given on exactly this content; one given
 * on earlier content is left out and said to be void, so nothing signs what nobody saw.
 */
function withSignOffs(
  content: ReportPackage,
  approval: Approval | null,
  opinion: AuditorOpinion | null,
): ReportPackage {
  const digest = sha256Hex(canonicalJson(contentDigestInput(content)));
  const voided: string[] = [];
  const keep = <T extends { contentSha256: string }>(signOff: T | null, words: string) => {
    if (signOff === null || signOff.contentSha256 === digest) return signOff;
    voided.push(words);
    return null;
  };
  const approved = keep(
    approval,
    `management's assertion was approved by ${approval?.name} (${approval?.at.slice(0, 10)}) ` +
      "on an earlier draft: an owner must approve it again",
  );
  const opined = keep(
    opinion,
    `the auditor's opinion recorded by ${opinion?.recordedByName} ` +
      `(${opinion?.recordedAt.slice(0, 10)}) was given on an earlier draft: the auditor must ` +
      "record it again",
  );
  return {
    ...content,
    contentSha256: digest,
    voidedSignOffs: voided,
    opinion: opined,
    assertion: { ...content.assertion, approval: approved },
  };
}

/** The draft as stored, or the starting one: an empty description and the template assertion. */
export async function draftOf(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  at: string,
): Promise<ReportDraft> {
  const stored = await findDraft(tx, scopeOf(actor), engagement.id);
  if (stored !== undefined) return stored;
  return {
    engagementId: engagement.id,
    version: 1,
    description: emptyDescription(),
    assertion: null,
    opinion: null,
    otherInformation: "",
    updatedAt: at,
    updatedBy: actor.id,
  };
}

export async function templateAssertion(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
): Promise<string> {
  const org = await getOrganization(tx, scopeOf(actor));
  return assertionTemplate({
    organization: org.name,
    systemName: org.systemName,
    type: engagement.type,
    asOf: engagement.asOf,
    periodFrom: engagement.periodFrom,
    periodTo: engagement.periodTo,
    categories: engagement.categories,
  });
}

/** What the engagement tests: frozen at fieldwork, or the organization's controls as they are. */
async function scopeSnapshot(tx: Tx, actor: Actor, e: Engagement): Promise<EngagementSnapshot> {
  return e.snapshot ?? takeSnapshot(tx, actor, e.categories, new Date(0).toISOString());
}

function resultLine(e: Engagement, outcome: ControlOutcome | undefined): string {
  if (outcome === undefined) return "Not tested.";
  if (e.type === 1) return "";
  if (outcome.conclusion === "not-tested") return "Not tested.";
  if (outcome.note !== null && outcome.deviations === 0) return outcome.note;
  if (outcome.deviations === 0)
    return `No exceptions noted (${outcome.sampleSize} items inspected).`;
  return `Exceptions noted: ${outcome.summary}.`;
}

export async function assemblePackage(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  options: { at: string; state: "draft" | "final"; issueDate: string | null },
): Promise<ReportPackage> {
  const scope = scopeOf(actor);
  const org = await getOrganization(tx, scope);
  const draft = await draftOf(tx, actor, engagement, options.at);
  const snapshot = await scopeSnapshot(tx, actor, engagement);
  const results = await resultsOf(tx, actor, engagement);
  const outcomes = new Map(results.controls.map((c) => [c.controlRef, c]));
  const conclusions = new Map(results.criteria.map((c) => [c.criterionId, c.conclusion]));
  const populations = new Map(
    (results.sample?.controls ?? []).map((c) => [c.controlRef, c.population.length]),
  );
  const excluded = new Set(snapshot.exclusions.map((x) => x.criterionId));
  const pending = engagement.type === 1 ? "not-evaluated" : "not-tested";

  const toControl = (c: EngagementSnapshot["controls"][number]): PackageControl => {
    const outcome = outcomes.get(c.ref);
    const test = outcome?.test ?? null;
    return {
      ref: c.ref,
      title: c.title,
      frequency: c.frequency,
      automation: c.automation,
      testProcedure: c.testProcedure,
      conclusion: outcome?.conclusion ?? pending,
      test:
        test === null
          ? null
          : {
              methods: test.methods,
              procedure: test.procedure,
              tester: test.tester,
              enteredBy: test.enteredBy,
              testedOn: test.testedOn,
              designNotes: test.designNotes,
            },
      population: populations.get(c.ref) ?? 0,
      sampleSize: outcome?.sampleSize ?? 0,
      deviations: outcome?.deviations ?? 0,
      result: resultLine(engagement, outcome),
      exceptions: (outcome?.exceptions ?? []).map((x) => ({
        item: x.itemKey,
        description: x.description ?? "",
        managementResponse: x.managementResponse,
        respondedAt: x.respondedAt,
      })),
    };
  };

  const criteria = criteriaInCategories(engagement.categories)
    .filter((c) => !excluded.has(c.id))
    .map((criterion) => ({
      id: criterion.id,
      label: criterion.label,
      category: criterion.category,
      conclusion: conclusions.get(criterion.id) ?? pending,
      controls: snapshot.controls
        .filter((c) => c.criteria.includes(criterion.id) && c.status !== "not-applicable")
        .map(toControl),
    }));
  const key = await findOrganizationKey(tx, scope);
  const assertion = draft.assertion ?? {
    text: await templateAssertion(tx, actor, engagement),
    generated: true,
    approval: null,
    updatedAt: options.at,
  };
  const content: ReportPackage = {
    contentSha256: "",
    voidedSignOffs: [],
    version: draft.version,
    state: options.state,
    issueDate: options.issueDate,
    generatedAt: options.at,
    organization: { name: org.name, systemName: org.systemName },
    engagement: {
      id: engagement.id,
      label: engagementLabel(engagement),
      type: engagement.type,
      asOf: engagement.asOf,
      periodFrom: engagement.periodFrom,
      periodTo: engagement.periodTo,
      categories: engagement.categories,
      auditFirm: engagement.auditFirm,
    },
    opinion: null,
    assertion: { ...assertion, approval: null },
    description: draft.description,
    descriptionGaps: descriptionGaps(draft.description, {
      type: engagement.type,
      criteriaWithoutControls: criteria.filter((c) => c.controls.length === 0).map((c) => c.id),
      exclusionsWithoutReason: snapshot.exclusions
        .filter((x) => x.reason.trim() === "")
        .map((x) => x.criterionId),
    }),
    notRelevant: snapshot.exclusions,
    criteria,
    otherInformation: draft.otherInformation,
    signingKey:
      key === undefined
        ? null
        : { algorithm: "Ed25519", publicKey: key.publicKey, fingerprint: key.fingerprint },
  };
  return withSignOffs(content, assertion.approval, draft.opinion);
}
