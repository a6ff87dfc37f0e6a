/** Routes of src/server/routes/evidence.ts: evidence, its file, its links to controls. */
import { EVIDENCE_DATE, newLinkEvidence, none } from "./arrange.ts";
import type { OrgRoute } from "./types.ts";

export const EVIDENCE_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/evidence", action: "evidence:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/evidence",
    action: "evidence:create",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: {
        title: `Added by ${role}`,
        link: `https://evidence.example/${world.prefix}/added-${world.next()}`,
        controls: [world.ids.ownedControl],
        forDate: EVIDENCE_DATE,
      },
    }),
  },
  {
    method: "GET",
    path: "/evidence/:id",
    action: "evidence:read",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({ params: { id: world.ids.linkEvidence } }),
  },
  {
    method: "GET",
    path: "/evidence/:id/file",
    action: "evidence:read",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({ params: { id: world.ids.fileEvidence } }),
  },
  {
    method: "POST",
    path: "/evidence/:id/links",
    action: "evidence:link",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({
      params: { id: await newLinkEvidence(world) },
      body: { control: world.ids.ownedControl },
    }),
  },
  {
    method: "DELETE",
    path: "/evidence/:id",
    action: "evidence:remove",
    status: 200,
    resources: { id: "evidence" },
    prepare: async (world) => ({
      params: { id: await newLinkEvidence(world, [world.ids.ownedControl]) },
      body: { reason: "Uploaded to the wrong control by mistake." },
    }),
  },
];
