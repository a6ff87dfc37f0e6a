/** Routes of src/server/routes/people.ts: the register, its import, a person, steps, background checks. */
import { base, expectStatus, none } from "./arrange.ts";
import type { OrgRoute, World } from "./types.ts";

/** A person added to the world's register (today as the start date, so a checklist opens). */
export async function newPerson(
  world: World,
  label: string,
): Promise<{ id: string; email: string }> {
  const email = `${label}-${world.next()}@${world.prefix}.example`;
  const created = await expectStatus(
    world.clients.owner.request("POST", `${base(world)}/people`, {
      email,
      name: `Matrix ${label}`,
      startDate: new Date().toISOString().slice(0, 10),
    }),
    201,
    "add person",
  );
  return { id: created.json<{ person: { id: string } }>().person.id, email };
}

/** A fresh open step, named to the role's own account, so an allowed caller may complete it. */
async function stepFor(world: World, role: string): Promise<string> {
  const person = await newPerson(world, "joiner");
  const detail = await expectStatus(
    world.clients.owner.request("GET", `${base(world)}/people/${person.id}`),
    200,
    "show person",
  );
  const step = detail.json<{ checklists: { steps: { id: string }[] }[] }>().checklists[0]?.steps[3]
    ?.id;
  if (step === undefined) throw new Error("the joiner has no checklist");
  await expectStatus(
    world.clients.owner.request("PATCH", `${base(world)}/people/steps/${step}`, {
      owner: `${role}@${world.prefix}.example`,
    }),
    200,
    "assign step",
  );
  return step;
}

export const PEOPLE_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/people", action: "people:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/people",
    action: "people:manage",
    status: 201,
    prepare: async (world, role) => ({
      params: {},
      body: { email: `added-${role}-${world.next()}@${world.prefix}.example`, name: "Added" },
    }),
  },
  {
    method: "POST",
    path: "/people/import",
    action: "people:manage",
    status: 200,
    prepare: async (world, role) => ({
      params: {},
      body: {
        csv:
          "email,name,title,department,manager_email,start_date,end_date,type\n" +
          `imported-${role}-${world.next()}@${world.prefix}.example,Imported,Engineer,Eng,,2024-01-08,,employee\n`,
      },
    }),
  },
  {
    method: "GET",
    path: "/people/:person",
    action: "people:read",
    status: 200,
    resources: { person: "person" },
    prepare: async (world) => ({ params: { person: world.ids.person } }),
  },
  {
    method: "PATCH",
    path: "/people/:person",
    action: "people:manage",
    status: 200,
    resources: { person: "person" },
    prepare: async (world, role) => ({
      params: { person: world.ids.person },
      body: { title: `Retitled by ${role} (${world.next()})` },
    }),
  },
  {
    method: "PATCH",
    path: "/people/steps/:step",
    action: "people:manage",
    status: 200,
    resources: { step: "person-step" },
    prepare: async (world, role) => ({
      params: { step: await stepFor(world, "owner") },
      body: { owner: `${role}@${world.prefix}.example` },
    }),
  },
  {
    method: "POST",
    path: "/people/steps/:step/complete",
    action: "people:complete-step",
    status: 200,
    resources: { step: "person-step" },
    prepare: async (world, role) => ({
      params: { step: await stepFor(world, role) },
      body: { note: `Done by ${role}` },
    }),
  },
  {
    method: "GET",
    path: "/people/:person/background-check",
    action: "background-check:read",
    status: 200,
    resources: { person: "person" },
    prepare: async (world) => ({ params: { person: world.ids.person } }),
  },
  {
    method: "PUT",
    path: "/people/:person/background-check",
    action: "background-check:manage",
    status: 200,
    resources: { person: "person" },
    prepare: async (world, role) => ({
      params: { person: world.ids.person },
      body: { status: "pending", provider: `Provider for ${role}` },
    }),
  },
];
