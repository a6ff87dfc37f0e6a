/**
 * Security awareness training: modules, one's own standing and attempts, taking a quiz,
 * everyone's status, importing a provider's completions, and completion rosters.
 */
import { z } from "zod";
import { pageOf } from "../../contracts/common.ts";
import { evidenceItem } from "../../contracts/evidence.ts";
import {
  myTrainingModule,
  quizResult,
  trainingCompletion,
  trainingImportResult,
  trainingModuleView,
  trainingRoster,
  trainingStatus,
} from "../../contracts/training.ts";
import {
  importTrainingCompletions,
  trainingImportInput,
} from "../../services/program/training-import.service.ts";
import {
  recordTrainingRosterEvidence,
  rosterInput,
  trainingRoster as buildRoster,
} from "../../services/program/training-roster.service.ts";
import {
  listTrainingCompletions,
  myTraining,
  quizInput,
  showTrainingModule,
  takeQuiz,
  trainingStatus as buildStatus,
} from "../../services/program/training.service.ts";
import { serviceInput } from "../body.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const moduleParam = { module: z.string().trim().min(1).max(60).describe('e.g. "phishing"') };
const period = {
  from: z.string().optional().describe("first day, YYYY-MM-DD (default: a year before `to`)"),
  to: z.string().optional().describe("last day, YYYY-MM-DD (default: today)"),
};

export function registerTrainingRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/training/modules",
    tag: "training",
    summary: "The training modules, each with my standing when it is assigned to me",
    response: pageOf(myTrainingModule),
    query: pageQuery,
    handler: async ({ actor, query }) => paginate(await myTraining(ctx, actor), query, (m) => m.id),
  });
  orgRoute(router, {
    method: "GET",
    url: "/training/modules/:module",
    tag: "training",
    summary: "A module: the lesson, the quiz (without answers), my standing and attempts",
    params: moduleParam,
    response: trainingModuleView,
    handler: async ({ actor, params }) => showTrainingModule(ctx, actor, params.module),
  });
  orgRoute(router, {
    method: "POST",
    url: "/training/modules/:module/attempts",
    tag: "training",
    summary: "Answer the quiz: marked on the server and recorded, pass or fail",
    params: moduleParam,
    body: quizInput,
    response: quizResult,
    status: 201,
    handler: async ({ actor, params, body }) =>
      takeQuiz(ctx, actor, params.module, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/training/completions",
    tag: "training",
    summary: "Completions, newest first: my own, or anyone's for owners and admins",
    query: { ...pageQuery, email: z.string().max(320).optional() },
    response: pageOf(trainingCompletion),
    handler: async ({ actor, query }) =>
      paginate(await listTrainingCompletions(ctx, actor, query.email), query, (c) => c.id),
  });
  orgRoute(router, {
    method: "GET",
    url: "/training/status",
    tag: "training",
    summary: "Everyone who must train and where they stand on each module",
    response: trainingStatus,
    handler: async ({ actor }) => buildStatus(ctx, actor),
  });
  orgRoute(router, {
    method: "POST",
    url: "/training/imports",
    tag: "training",
    summary:
      "Import a provider's completions (CSV: email,module,completed_on,score); a bad row refuses the file",
    body: trainingImportInput,
    response: trainingImportResult,
    status: 201,
    handler: async ({ actor, body }) => importTrainingCompletions(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/training/roster",
    tag: "training",
    summary: "The completion roster of a period",
    query: period,
    response: trainingRoster,
    handler: async ({ actor, query }) => buildRoster(ctx, actor, serviceInput(query)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/training/roster/evidence",
    tag: "training",
    summary: "File a period's completion roster as evidence of the training controls",
    body: rosterInput,
    response: z.object({ roster: trainingRoster, evidence: evidenceItem }),
    status: 201,
    handler: async ({ actor, body }) =>
      recordTrainingRosterEvidence(ctx, actor, serviceInput(body)),
  });
}
