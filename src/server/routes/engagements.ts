/** Engagements: the period and its steps, auditors, populations, samples, tests and results. */
import { z } from "zod";
import {
  advanceEngagement,
  advanceEngagementInput,
  createEngagement,
  createEngagementInput,
  listEngagements,
  showEngagement,
} from "../../services/fieldwork/engagements.service.ts";
import {
  assignAuditor,
  listAssignees,
  unassignAuditor,
} from "../../services/access/members.service.ts";
import {
  drawEngagementSample,
  getEngagementPopulations,
  getEngagementSample,
  sampleInput,
} from "../../services/fieldwork/sampling.service.ts";
import {
  extendControlSample,
  extendInput,
  rollForwardInput,
  rollForwardSample,
} from "../../services/fieldwork/sample-growth.service.ts";
import {
  engagementResults,
  recordControlTest,
  recordItemResult,
  respondToException,
  responseInput,
  resultInput,
  testInput,
} from "../../services/fieldwork/testing.service.ts";
import { pageOf } from "../../contracts/common.ts";
import {
  assignee,
  controlPopulation,
  controlTest,
  engagement,
  engagementResults as resultsAnswer,
  drawnSample,
  engagementSample,
  itemResult,
} from "../../contracts/engagements.ts";
import { serviceInput } from "../body.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const idParam = { id: z.string().min(1).max(100).describe("engagement id or E-number") };

export function registerEngagementRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/engagements",
    tag: "engagements",
    summary: "Engagements (an auditor sees only those assigned to them)",
    query: pageQuery,
    response: pageOf(engagement),
    handler: async ({ actor, query }) =>
      paginate(await listEngagements(ctx, actor), query, (e) => e.id),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements",
    tag: "engagements",
    summary: "Plan a Type 1 or Type 2 engagement",
    response: engagement,
    body: createEngagementInput,
    status: 201,
    handler: async ({ actor, body }) => createEngagement(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id",
    tag: "engagements",
    summary: "An engagement",
    params: idParam,
    response: engagement,
    handler: async ({ actor, params }) => showEngagement(ctx, actor, params.id),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/advance",
    tag: "engagements",
    summary: "Move to the next step, or back to an earlier one with a reason",
    params: idParam,
    response: engagement,
    body: advanceEngagementInput,
    handler: async ({ actor, params, body }) =>
      advanceEngagement(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/auditors",
    tag: "engagements",
    summary: "Auditors assigned to the engagement",
    params: idParam,
    response: pageOf(assignee),
    handler: async ({ actor, params }) => ({
      items: await listAssignees(ctx, actor, params.id),
      nextCursor: null,
    }),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/engagements/:id/auditors/:userId",
    tag: "engagements",
    summary: "Assign an auditor (a member with the auditor role)",
    params: { ...idParam, userId: z.string().min(1).max(100) },
    response: pageOf(assignee),
    handler: async ({ actor, params }) => ({
      items: await assignAuditor(ctx, actor, params.id, params.userId),
      nextCursor: null,
    }),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/engagements/:id/auditors/:userId",
    tag: "engagements",
    summary: "Unassign an auditor",
    params: { ...idParam, userId: z.string().min(1).max(100) },
    status: 204,
    handler: async ({ actor, params }) => unassignAuditor(ctx, actor, params.id, params.userId),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/populations",
    tag: "sampling",
    summary: "Each control's population over the period (fieldwork)",
    params: idParam,
    response: pageOf(controlPopulation),
    handler: async ({ actor, params }) => ({
      items: await getEngagementPopulations(ctx, actor, params.id),
      nextCursor: null,
    }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/sample",
    tag: "sampling",
    summary: "The current sample, or null before one is drawn",
    params: idParam,
    response: z.object({ sample: engagementSample.nullable() }),
    handler: async ({ actor, params }) => ({
      sample: await getEngagementSample(ctx, actor, params.id),
    }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/sample",
    tag: "sampling",
    summary: "Draw the sample from a recorded seed; opens and withdraws item requests",
    params: idParam,
    response: drawnSample,
    body: sampleInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      drawEngagementSample(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/sample/extend",
    tag: "sampling",
    summary: "Extend a control's sample to the next size after a deviation (the auditor)",
    params: idParam,
    response: drawnSample,
    body: extendInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      extendControlSample(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/sample/roll-forward",
    tag: "sampling",
    summary: "Draw the occurrences ended or recorded since the last draw (the auditor)",
    params: idParam,
    response: drawnSample,
    body: rollForwardInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      rollForwardSample(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/results",
    tag: "testing",
    summary: "Tests and conclusions per control and per criterion",
    params: idParam,
    response: resultsAnswer,
    handler: async ({ actor, params }) => engagementResults(ctx, actor, params.id),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/tests",
    tag: "testing",
    summary: "Record how a control was tested, and its design conclusion",
    params: idParam,
    response: controlTest,
    body: testInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      recordControlTest(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/items",
    tag: "testing",
    summary: "Record the result for one sampled item",
    params: idParam,
    response: itemResult,
    body: resultInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      recordItemResult(ctx, actor, params.id, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/responses",
    tag: "testing",
    summary: "Management's response to an exception",
    params: idParam,
    response: itemResult,
    body: responseInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      respondToException(ctx, actor, params.id, serviceInput(body)),
  });
}
