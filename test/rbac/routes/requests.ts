/**
 * Routes of src/server/routes/requests.ts: the auditor's request list. Requests are opened by
 * the world's assigned auditor on the sampled engagement and addressed to the control owner,
 * so every company role may answer what its `prepare` opened.
 */
import { base, expectStatus, newLinkEvidence } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

const DUE = "2099-12-31";

function addressee(world: World): string {
  return `control-owner@${world.prefix}.example`;
}

function requestsOf(world: World): string {
  return `${base(world)}/engagements/${world.ids.sampledEngagement}/requests`;
}

/** A fresh free-text request, opened by the assigned auditor; answers its R-number. */
export async function newRequest(world: World): Promise<string> {
  const opened = await expectStatus(
    world.clients.auditor.request("POST", requestsOf(world), {
      description: `Asked by the role matrix (${world.next()}).`,
      to: addressee(world),
      dueOn: DUE,
    }),
    201,
    "open request",
  );
  return opened.json<{ ref: string }>().ref;
}

/** A request the company has answered, for the auditor to decide. */
async function submittedRequest(world: World): Promise<string> {
  const ref = await newRequest(world);
  const evidence = await newLinkEvidence(world, []);
  await expectStatus(
    world.clients.owner.request("POST", `${requestsOf(world)}/${ref}/answer`, {
      evidence: [evidence],
    }),
    200,
    "answer request",
  );
  return ref;
}

const onEngagement = (world: World) => ({ id: world.ids.sampledEngagement });

export const REQUEST_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/engagements/:id/requests",
    action: "request:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({ params: onEngagement(world) }),
  },
  {
    method: "GET",
    path: "/engagements/:id/requests/:request",
    action: "request:read",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { ...onEngagement(world), request: await newRequest(world) },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/requests",
    action: "request:open",
    status: 201,
    // No `resources`: the cross-tenant checks call as the owner, who never opens a request (403
    // before any lookup); an unassigned auditor's 404 is in the service tests and below.
    prepare: async (world, role) => ({
      params: onEngagement(world),
      body: {
        description: `Opened by ${role} (${world.next()}).`,
        to: addressee(world),
        dueOn: DUE,
      },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/requests/missing-evidence",
    action: "request:open",
    status: 201,
    prepare: async (world) => ({
      params: onEngagement(world),
      body: { dueOn: DUE, to: addressee(world) },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/requests/:request/answer",
    action: "request:answer",
    status: 200,
    resources: { id: "engagement" },
    prepare: async (world) => ({
      params: { ...onEngagement(world), request: await newRequest(world) },
      body: { evidence: [await newLinkEvidence(world, [])], comment: "Here it is." },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/requests/:request/comments",
    action: "request:comment",
    status: 201,
    resources: { id: "engagement" },
    prepare: async (world, role) => ({
      params: { ...onEngagement(world), request: await newRequest(world) },
      body: { body: `A word from ${role}.` },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/requests/:request/accept",
    action: "request:decide",
    status: 200,
    prepare: async (world) => ({
      params: { ...onEngagement(world), request: await submittedRequest(world) },
    }),
  },
  {
    method: "POST",
    path: "/engagements/:id/requests/:request/return",
    action: "request:decide",
    status: 200,
    prepare: async (world) => ({
      params: { ...onEngagement(world), request: await submittedRequest(world) },
      body: { reason: "Returned by the role matrix: the wrong month." },
    }),
  },
];
