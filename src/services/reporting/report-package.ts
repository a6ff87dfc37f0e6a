/**
 * Assembles the report package model from the engagement, its draft and its results, inside
 * the caller's transaction. Every output (PDF, HTML, JSON, OSCAL) renders this one model.
 */
import { criteriaInCategories } from "../../catalog/index.ts";
import { findOrganizationKey } from "../../db/signing-keys.repo.ts";
import { getOrganization } from "../../db/organizations.repo.ts";
import { findDraft } from "../../db/reports.repo.ts";
import { listVendors } from "../../db/vendors.repo.ts";
import type { ReportDraft } from "../../db/reports.repo.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import { itemInWords } from "../../domain/words.ts";
import type { Engagement, EngagementSnapshot } from "../../domain/engagement.ts";
import { canonicalJson } from "../../domain/audit-chain.ts";
import { sha256Hex } from "../../domain/digest.ts";
import {
  contentDigestInput,
  descriptionGaps,
  emptyDescription,
  isModifiedOpinion,
  resultSentence,
} from "../../domain/report.ts";
import type {
  Approval,
  AuditorOpinion,
  PackageControl,
  ReportPackage,
} from "../../domain/report.ts";
import { assertionTemplate } from "../../domain/report-templates.ts";
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

/**
 * The draft as stored, or the starting one: an empty description and the template assertion.
 * When the vendor inventory marks subservice organizations, DC7 is theirs, not typed text.
 */
export async function draftOf(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  at: string,
): Promise<ReportDraft> {
  const stored = await findDraft(tx, scopeOf(actor), engagement.id);
  return withVendorSubservices(tx, actor, stored ?? startingDraft(actor, engagement, at));
}

function startingDraft(actor: Actor, engagement: Engagement, at: string): ReportDraft {
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

/** The subservice organizations of the vendor inventory, as DC7 lists them; empty if none. */
export async function vendorSubservices(
  tx: Tx,
  actor: Actor,
): Promise<ReportDraft["description"]["subservices"]> {
  const vendors = await listVendors(tx, scopeOf(actor));
  return vendors.flatMap((v) =>
    v.subservice === null
      ? []
      : [
          {
            name: v.name,
            services: v.service,
            method: v.subservice,
            csocs: v.reliedControls.map((c) => ({ text: c.text, criteria: [...c.criteria] })),
          },
        ],
  );
}

/**
 * The draft as it is to be saved: DC7 as typed by hand, not the inventory's list that
 * draftOf laid over it, so that unmarking every vendor brings the typed list back rather
 * than a stale copy of the vendors.
 */
export async function storedForm(tx: Tx, actor: Actor, draft: ReportDraft): Promise<ReportDraft> {
  if ((await vendorSubservices(tx, actor)).length === 0) return draft;
  const stored = await findDraft(tx, scopeOf(actor), draft.engagementId);
  const typed = stored?.description ?? emptyDescription();
  return {
    ...draft,
    description: {
      ...draft.description,
      subservices: typed.subservices,
      noSubservices: typed.noSubservices,
    },
  };
}

async function withVendorSubservices(
  tx: Tx,
  actor: Actor,
  draft: ReportDraft,
): Promise<ReportDraft> {
  const subservices = await vendorSubservices(tx, actor);
  if (subservices.length === 0) return draft;
  return { ...draft, description: { ...draft.description, subservices, noSubservices: false } };
}

/**
 * The template assertion for this draft: its form follows the opinion recorded on it
 * (modified when qualified, adverse or a disclaimer), and it names the subservice
 * organizations and the complementary controls the description gives.
 */
export async function templateAssertion(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  draft: Pick<ReportDraft, "description" | "opinion">,
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
    modified: draft.opinion !== null && isModifiedOpinion(draft.opinion.type),
    subservices: draft.description.subservices,
    hasCuecs: draft.description.cuecs.length > 0,
  });
}

/** What the engagement tests: frozen at fieldwork, or the organization's controls as they are. */
async function scopeSnapshot(tx: Tx, actor: Actor, e: Engagement): Promise<EngagementSnapshot> {
  return e.snapshot ?? takeSnapshot(tx, actor, e.categories, new Date(0).toISOString());
}

export async function assemblePackage(
  tx: Tx,
  actor: Actor,
  engagement: Engagement,
  options: {
    at: string;
    state: "draft" | "final";
    issueDate: string | null;
    /** The draft as it is about to be saved, to know the digest a sign-off will be given on. */
    draft?: ReportDraft;
  },
): Promise<ReportPackage> {
  const scope = scopeOf(actor);
  const org = await getOrganization(tx, scope);
  const draft = options.draft ?? (await draftOf(tx, actor, engagement, options.at));
  const snapshot = await scopeSnapshot(tx, actor, engagement);
  const results = await resultsOf(tx, actor, engagement);
  const outcomes = new Map(results.controls.map((c) => [c.controlRef, c]));
  const conclusions = new Map(results.criteria.map((c) => [c.criterionId, c.conclusion]));
  const populations = new Map(
    (results.sample?.controls ?? []).map((c) => [c.controlRef, c.population] as const),
  );
  const itemLabel = (controlRef: string, key: string) => {
    const item = populations.get(controlRef)?.find((p) => p.key === key);
    return item === undefined ? key : itemInWords(item, { year: true });
  };
  const excluded = new Set(snapshot.exclusions.map((x) => x.criterionId));
  const pending = engagement.type === 1 ? "not-evaluated" : "not-tested";

  const toControl = (c: EngagementSnapshot["controls"][number]): PackageControl => {
    const outcome = outcomes.get(c.ref);
    const test = outcome?.test ?? null;
    return {
      ref: c.ref,
      title: c.title,
      description: c.description ?? "",
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
      population: populations.get(c.ref)?.length ?? 0,
      sampleSize: outcome?.sampleSize ?? 0,
      deviations: outcome?.deviations ?? 0,
      result: resultSentence(engagement.type, outcome),
      exceptions: (outcome?.exceptions ?? []).map((x) => ({
        item: x.itemKey,
        label: itemLabel(c.ref, x.itemKey),
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
  // An untouched template is written afresh, so it follows the opinion and the description.
  const template = await templateAssertion(tx, actor, engagement, draft);
  const assertion =
    draft.assertion === null
      ? { text: template, generated: true, approval: null, updatedAt: options.at }
      : draft.assertion.generated
        ? { ...draft.assertion, text: template }
        : draft.assertion;
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
