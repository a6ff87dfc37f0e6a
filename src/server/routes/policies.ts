/** Policies: the template library, adoption, editing, the workflow, versions and acknowledgements. */
import { z } from "zod";
import { pageOf } from "../../contracts/common.ts";
import { evidenceItem } from "../../contracts/evidence.ts";
import {
  acknowledgementRoster,
  policyDiff,
  policySummary,
  policyTemplate,
  policyView,
} from "../../contracts/policies.ts";
import {
  adoptPolicy,
  adoptPolicyInput,
  listPoliciesOf,
  listPolicyTemplates,
  showPolicy,
  updatePolicy,
  updatePolicyInput,
} from "../../services/program/policies.service.ts";
import {
  acknowledgeInput,
  acknowledgePolicy,
  policyAcknowledgementStatus,
  recordRosterEvidence,
} from "../../services/program/policy-acknowledgements.service.ts";
import { diffPolicyVersions } from "../../services/program/policy-diff.service.ts";
import { policyPdf } from "../../services/program/policy-pdf.ts";
import {
  approvePolicy,
  publishPolicy,
  retirePolicy,
  retirePolicyInput,
  submitPolicy,
} from "../../services/program/policy-workflow.service.ts";
import { serviceInput } from "../body.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { fileAnswer, orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { sendDownload } from "./downloads.ts";

const policyParam = { policy: z.string().trim().min(1).max(40).describe('"P-3" or 3') };
const versionNumber = z.coerce.number().int().positive();

export function registerPolicyRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/policy-templates",
    tag: "policies",
    summary: "The policy template library",
    response: pageOf(policyTemplate),
    query: pageQuery,
    handler: async ({ actor, query }) =>
      paginate([...listPolicyTemplates(actor)], query, (t) => t.id),
  });
  orgRoute(router, {
    method: "GET",
    url: "/policies",
    tag: "policies",
    summary: "Policies (an employee sees the published ones)",
    response: pageOf(policySummary),
    query: pageQuery,
    handler: async ({ actor, query }) =>
      paginate(await listPoliciesOf(ctx, actor), query, (p) => String(p.label)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/policies",
    tag: "policies",
    summary: "Adopt a template: its placeholders filled with the organization's values",
    body: adoptPolicyInput,
    response: policyView,
    status: 201,
    handler: async ({ actor, body }) => adoptPolicy(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/policies/:policy",
    tag: "policies",
    summary: "A policy: its working text (editors), the version in force and its versions",
    params: policyParam,
    response: policyView,
    handler: async ({ actor, params }) => showPolicy(ctx, actor, params.policy),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/policies/:policy",
    tag: "policies",
    summary: "Edit the working text or settings (a changed text goes back to draft)",
    params: policyParam,
    body: updatePolicyInput,
    response: policyView,
    handler: async ({ actor, params, body }) =>
      updatePolicy(ctx, actor, params.policy, serviceInput(body)),
  });
  const steps = [
    ["submit", "Submit the draft for an owner's approval", submitPolicy],
    ["approve", "Approve the text in review (an owner's signature)", approvePolicy],
    [
      "publish",
      "Publish the approved text as a new version and ask for acknowledgements",
      publishPolicy,
    ],
  ] as const;
  for (const [name, summary, run] of steps) {
    orgRoute(router, {
      method: "POST",
      url: `/policies/:policy/${name}`,
      tag: "policies",
      summary,
      params: policyParam,
      response: policyView,
      handler: async ({ actor, params }) => run(ctx, actor, params.policy),
    });
  }
  orgRoute(router, {
    method: "POST",
    url: "/policies/:policy/retire",
    tag: "policies",
    summary: "Retire the policy, with the reason (its versions and acknowledgements stay)",
    params: policyParam,
    body: retirePolicyInput,
    response: policyView,
    handler: async ({ actor, params, body }) =>
      retirePolicy(ctx, actor, params.policy, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/policies/:policy/acknowledge",
    tag: "policies",
    summary: "Acknowledge the version in force (records its hash, the time and my address)",
    params: policyParam,
    body: acknowledgeInput,
    response: policyView,
    handler: async ({ actor, params, body, request }) =>
      acknowledgePolicy(ctx, actor, params.policy, serviceInput(body), request.ip),
  });
  orgRoute(router, {
    method: "GET",
    url: "/policies/:policy/acknowledgements",
    tag: "policies",
    summary:
      "The acknowledgement roster of the version in force: who, when, which hash, who is missing",
    params: policyParam,
    response: acknowledgementRoster,
    handler: async ({ actor, params }) => policyAcknowledgementStatus(ctx, actor, params.policy),
  });
  orgRoute(router, {
    method: "POST",
    url: "/policies/:policy/acknowledgements/evidence",
    tag: "policies",
    summary: "File the roster as evidence of the controls that rely on the policy",
    params: policyParam,
    response: evidenceItem,
    status: 201,
    handler: async ({ actor, params }) => recordRosterEvidence(ctx, actor, params.policy),
  });
  orgRoute(router, {
    method: "GET",
    url: "/policies/:policy/diff",
    tag: "policies",
    summary: "Line diff between two versions (or a version and the working text)",
    params: policyParam,
    query: {
      from: versionNumber.optional().describe("left out: the version in force"),
      to: versionNumber.optional().describe("left out: the working text (editors only)"),
    },
    response: policyDiff,
    handler: async ({ actor, params, query }) =>
      diffPolicyVersions(ctx, actor, params.policy, query.from, query.to),
  });
  orgRoute(router, {
    method: "GET",
    url: "/policies/:policy/pdf",
    tag: "policies",
    summary: "A published version as PDF (the version in force unless named)",
    params: policyParam,
    query: { version: versionNumber.optional() },
    response: fileAnswer("application/pdf"),
    handler: async ({ actor, params, query, reply }) =>
      sendDownload(reply, await policyPdf(ctx, actor, params.policy, query.version)),
  });
}
