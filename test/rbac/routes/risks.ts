/** Routes of src/server/routes/risks.ts: the starter library, the register, assessments. */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

/** A risk written from scratch, accepted with a note, so it needs no control. */
export function riskBody(title: string): Record<string, unknown> {
  return {
    title,
    description: "Written by the role matrix.",
    category: "operational",
    likelihood: 2,
    impact: 3,
    treatment: "accept",
    acceptanceNote: "Accepted by the matrix's owner: low and cheap to carry.",
  };
}

/**
 * A security-only starter risk not yet in the register: its controls are security controls,
 * adopted with the library whatever else is in scope.
 */
async function freshTemplate(world: World): Promise<string> {
  const owner = world.clients.owner;
  const library = await expectStatus(
    owner.request("GET", `${base(world)}/risks/library`),
    200,
    "library",
  );
  const register = await expectStatus(
    owner.request("GET", `${base(world)}/risks`),
    200,
    "register",
  );
  const used = new Set(
    register.json<{ items: { templateId: string | null }[] }>().items.map((r) => r.templateId),
  );
  const fresh = library
    .json<{ items: { id: string; categories: string[] }[] }>()
    .items.find((t) => t.categories.length === 0 && !used.has(t.id));
  if (fresh === undefined) throw new Error("no starter risk left to add");
  return fresh.id;
}

export const RISK_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/risks/library", action: "risk:read", status: 200, prepare: none },
  { method: "GET", path: "/risks", action: "risk:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/risks",
    action: "risk:manage",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: riskBody(`Risk written by ${role} (${world.next()})`),
    }),
  },
  {
    method: "POST",
    path: "/risks/from-library",
    action: "risk:manage",
    status: 201,
    prepare: async (world) => ({ params: {}, body: { templates: [await freshTemplate(world)] } }),
  },
  {
    method: "GET",
    path: "/risks/:risk",
    action: "risk:read",
    status: 200,
    resources: { risk: "risk" },
    prepare: async (world) => ({ params: { risk: world.ids.risk } }),
  },
  {
    method: "PATCH",
    path: "/risks/:risk",
    action: "risk:manage",
    status: 200,
    resources: { risk: "risk" },
    prepare: async (world, role) => ({
      params: { risk: world.ids.risk },
      body: { description: `Changed by ${role} (${world.next()}).` },
    }),
  },
  { method: "GET", path: "/risk-assessments", action: "risk:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/risk-assessments",
    action: "risk:manage",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: { participants: [`${role}@${world.prefix}.example`, "Matrix Facilitator"] },
    }),
  },
  {
    method: "GET",
    path: "/risk-assessments/:assessment",
    action: "risk:read",
    status: 200,
    resources: { assessment: "risk-assessment" },
    prepare: async (world) => ({ params: { assessment: world.ids.riskAssessment } }),
  },
];
