/** The risk register: the starter library, the register, a risk, and the yearly assessments. */
import { z } from "zod";
import {
  libraryAddition,
  risk,
  riskAssessment,
  riskAssessmentDetail,
  riskAssessmentList,
  riskDetail,
  riskLibrary,
  riskRegister,
} from "../../contracts/risks.ts";
import {
  assessInput,
  listRiskAssessments,
  recordRiskAssessment,
  showRiskAssessment,
} from "../../services/program/risk-assessments.service.ts";
import {
  addFromLibraryInput,
  addRisksFromLibrary,
  createRisk,
  createRiskInput,
  listRiskRegister,
  riskLibrary as starterRisks,
  showRisk,
  updateRisk,
  updateRiskInput,
} from "../../services/program/risks.service.ts";
import { serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const riskParam = { risk: z.string().min(1).max(40) };
const assessmentParam = { assessment: z.string().min(1).max(40) };
const text = z.string().max(200).optional();

export function registerRiskRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/risks/library",
    tag: "risks",
    summary: "The starter risks that can be copied into the register",
    response: riskLibrary,
    handler: async ({ actor }) => ({ items: [...starterRisks(actor)] }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/risks",
    tag: "risks",
    summary:
      "The risk register with its heat maps, filtered by category, treatment, owner, words or review",
    response: riskRegister,
    reuse: true,
    query: {
      category: text,
      treatment: text,
      owner: text,
      q: text,
      overdue: z.enum(["true", "false"]).optional(),
    },
    handler: async ({ actor, query }) => {
      const { overdue, ...filter } = query;
      return listRiskRegister(ctx, actor, {
        ...filter,
        ...(overdue === undefined ? {} : { overdue: overdue === "true" }),
      });
    },
  });
  orgRoute(router, {
    method: "POST",
    url: "/risks",
    tag: "risks",
    summary: "Write a risk of our own",
    response: risk,
    body: createRiskInput,
    status: 201,
    handler: async ({ actor, body }) => createRisk(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/risks/from-library",
    tag: "risks",
    summary: "Copy starter risks into the register, mapped to the controls adopted",
    response: libraryAddition,
    body: addFromLibraryInput,
    status: 201,
    handler: async ({ actor, body }) => addRisksFromLibrary(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/risks/:risk",
    tag: "risks",
    summary: "A risk (R-3 or its id) with its history",
    response: riskDetail,
    params: riskParam,
    handler: async ({ actor, params }) => showRisk(ctx, actor, params.risk),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/risks/:risk",
    tag: "risks",
    summary: "Change a risk (scores, treatment, controls, owner, review date…)",
    response: risk,
    params: riskParam,
    body: updateRiskInput,
    handler: async ({ actor, params, body }) =>
      updateRisk(ctx, actor, params.risk, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/risk-assessments",
    tag: "risks",
    summary: "The risk assessments held, newest first",
    response: riskAssessmentList,
    handler: async ({ actor }) => ({ items: await listRiskAssessments(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/risk-assessments",
    tag: "risks",
    summary: "Record the yearly risk assessment: freeze the register and file it as evidence",
    response: riskAssessment,
    body: assessInput,
    status: 201,
    handler: async ({ actor, body }) => recordRiskAssessment(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/risk-assessments/:assessment",
    tag: "risks",
    summary: "An assessment (RA-1 or its id) with its frozen snapshot",
    response: riskAssessmentDetail,
    params: assessmentParam,
    handler: async ({ actor, params }) => showRiskAssessment(ctx, actor, params.assessment),
  });
}
