/** Routes of src/server/routes/access-reviews.ts: campaigns, imports, decisions, removals, completion. */
import type { Role } from "../../../src/domain/actor.ts";
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

const CSV =
  "account,email,privileged\nana,ana@elsewhere.example,true\nbo,bo@elsewhere.example,false\n";

function emailOf(world: World, role: Role): string {
  const email = world.clients[role].session?.user.email;
  if (email === undefined) throw new Error(`the ${role} has no session`);
  return email;
}

/**
 * A campaign with GitHub's two accounts imported, reviewed by the role when it may review
 * (an auditor may not: the control owner reviews then). Returns its id, which no other
 * organization shares (labels such as AR-1 repeat in every organization).
 */
export async function newCampaign(world: World, role: Role, imported = true): Promise<string> {
  const reviewer = role === "auditor" ? "control-owner" : role;
  const started = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/access-reviews`, {
      name: `Matrix review ${world.next()}`,
      systems: ["GitHub"],
      reviewers: [emailOf(world, reviewer)],
    }),
    201,
    "start access review",
  );
  const ref = started.json<{ id: string }>().id;
  if (imported) {
    await expectStatus(
      world.clients.owner.request("POST", `${base(world)}/access-reviews/${ref}/accounts`, {
        system: "GitHub",
        csv: CSV,
      }),
      200,
      "import accounts",
    );
  }
  return ref;
}

async function accountIds(world: World, ref: string): Promise<string[]> {
  const shown = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/access-reviews/${ref}`),
    200,
    "show access review",
  );
  return shown.json<{ accountViews: { id: string }[] }>().accountViews.map((a) => a.id);
}

/** Decides every account of the campaign as its reviewer (the role, or the control owner). */
async function decideAll(
  world: World,
  role: Role,
  ref: string,
  decision: string,
): Promise<string[]> {
  const ids = await accountIds(world, ref);
  const reviewer = role === "auditor" ? "control-owner" : role;
  await expectStatus(
    world.clients[reviewer].request("POST", `${base(world)}/access-reviews/${ref}/decisions`, {
      decisions: ids.map((account) => ({ account, decision, comment: "decided by the matrix" })),
    }),
    200,
    "decide accounts",
  );
  return ids;
}

export const ACCESS_REVIEW_ROUTES: readonly OrgRoute[] = [
  {
    method: "GET",
    path: "/access-reviews",
    action: "access-review:read",
    status: 200,
    prepare: none,
  },
  {
    method: "POST",
    path: "/access-reviews",
    action: "access-review:manage",
    status: 201,
    prepare: async (world) => ({
      params: {},
      body: {
        name: `Started by the matrix ${world.next()}`,
        systems: ["AWS", "GitHub"],
        reviewers: [emailOf(world, "control-owner")],
      },
    }),
  },
  {
    method: "GET",
    path: "/access-reviews/:review",
    action: "access-review:read",
    status: 200,
    resources: { review: "access-review" },
    prepare: async (world, role) => ({ params: { review: await newCampaign(world, role) } }),
  },
  {
    method: "POST",
    path: "/access-reviews/:review/accounts",
    action: "access-review:manage",
    status: 200,
    resources: { review: "access-review" },
    prepare: async (world, role) => ({
      params: { review: await newCampaign(world, role, false) },
      body: { system: "GitHub", csv: CSV },
    }),
  },
  {
    method: "POST",
    path: "/access-reviews/:review/decisions",
    action: "access-review:decide",
    status: 200,
    resources: { review: "access-review" },
    prepare: async (world, role) => {
      const review = await newCampaign(world, role);
      const [account] = await accountIds(world, review);
      return {
        params: { review },
        body: { decisions: [{ account, decision: "remove", comment: "left the company" }] },
      };
    },
  },
  {
    method: "POST",
    path: "/access-reviews/:review/accounts/:account/done",
    action: "access-review:decide",
    status: 200,
    resources: { review: "access-review" },
    prepare: async (world, role) => {
      const review = await newCampaign(world, role);
      const [account] = await decideAll(world, role, review, "remove");
      return {
        params: { review, account: account ?? "" },
        body: { evidenceId: world.ids.fileEvidence, note: "removed by the matrix" },
      };
    },
  },
  {
    method: "POST",
    path: "/access-reviews/:review/complete",
    action: "access-review:manage",
    status: 200,
    resources: { review: "access-review" },
    prepare: async (world, role) => {
      const review = await newCampaign(world, role);
      await decideAll(world, role, review, "keep");
      return { params: { review } };
    },
  },
];
