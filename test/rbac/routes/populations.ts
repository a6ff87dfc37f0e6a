/**
 * Routes of src/server/routes/populations.ts: an event-driven control's imported population,
 * its import by the company, and the assigned auditor's acceptance or return.
 */
import { TYPE2_PERIOD, base, expectStatus } from "./arrange.ts";
import type { Call, OrgRoute, World } from "./types.ts";

/** A few rows inside the world's Type 2 period, different each time (so the hash differs). */
function populationBody(world: World): Record<string, unknown> {
  const n = world.next();
  return {
    format: "csv",
    content: [
      "key,date,label",
      `PR-${n}-1,${TYPE2_PERIOD.from},Pull request ${n}-1`,
      `PR-${n}-2,2025-06-30,"Pull request ${n}-2, merged"`,
    ].join("\n"),
    source: "GitHub",
    query: "merged pull requests",
    completeness: "Every merged pull request in the period, exported by the matrix.",
    reason: "A fresh export written by the role matrix test.",
  };
}

/** The owner imports a population awaiting review, for the auditor to accept or return. */
async function pendingImport(world: World): Promise<void> {
  await expectStatus(
    world.clients.owner.request(
      "POST",
      `${base(world)}/engagements/${world.ids.sampledEngagement}/populations/${world.ids.ownedEventControl}/imports`,
      populationBody(world),
    ),
    201,
    "import a population",
  );
}

function review(decision: "accept" | "return"): OrgRoute {
  return {
    method: "POST",
    path: `/engagements/:id/populations/:control/${decision}`,
    action: "population:review",
    status: 200,
    // No `resources`: the cross-tenant checks call as the owner, who may never review (403
    // before any lookup). An unassigned auditor's 404 comes from loadEngagement.
    prepare: async (world): Promise<Call> => {
      await pendingImport(world);
      return {
        params: { id: world.ids.sampledEngagement, control: world.ids.ownedEventControl },
        body: decision === "return" ? { reason: "Returned by the role matrix test." } : {},
      };
    },
  };
}

export const POPULATION_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/engagements/:id/populations/:control",
    action: "engagement:read",
    status: 200,
    resources: { id: "engagement" },
    // A library control nobody owns: a control owner reads only the controls they own.
    prepare: async (world) => ({
      params: { id: world.ids.sampledEngagement, control: "CM-02" },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/populations/:control/imports",
    action: "population:import",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { id: world.ids.sampledEngagement, control: world.ids.ownedEventControl },
      body: populationBody(world),
    }),
  },
  review("accept"),
  review("return"),
];
