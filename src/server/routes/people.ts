/** The people register: list, import, one person, their checklist steps and background check. */
import { z } from "zod";
import {
  backgroundCheck,
  peopleImport,
  peopleRegister,
  personDetail,
} from "../../contracts/people.ts";
import {
  getBackgroundCheck,
  recordBackgroundCheck,
} from "../../services/program/background-checks.service.ts";
import { importPeople } from "../../services/program/people-import.service.ts";
import {
  addPersonInput,
  backgroundCheckInput,
  completeStepInput,
  importPeopleInput,
  updatePersonInput,
} from "../../services/program/people-inputs.ts";
import {
  addPerson,
  listPeopleRegister,
  showPerson,
  updatePerson,
} from "../../services/program/people.service.ts";
import {
  assignStep,
  assignStepInput,
  completeStep,
} from "../../services/program/person-steps.service.ts";
import { serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { baseUrlOf } from "./auth.ts";

const personParam = { person: z.string().min(1).max(320) };
const stepParam = { step: z.string().min(1).max(64) };

export function registerPeopleRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/people",
    tag: "people",
    summary: "The people register, with each person's open and overdue checklist steps",
    response: peopleRegister,
    handler: async ({ actor }) => listPeopleRegister(ctx, actor),
  });
  orgRoute(router, {
    method: "POST",
    url: "/people",
    tag: "people",
    summary: "Add one person; a start date opens their onboarding checklist",
    response: personDetail,
    body: addPersonInput,
    status: 201,
    handler: async ({ actor, body }) => addPerson(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/people/import",
    tag: "people",
    summary:
      "Import the HR system's CSV (the text in `csv`): refused whole if any row is bad; " +
      "`invite` invites people without an account as employees",
    response: peopleImport,
    body: importPeopleInput,
    handler: async ({ actor, body, request }) =>
      importPeople(ctx, actor, serviceInput(body), baseUrlOf(request)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/people/:person",
    tag: "people",
    summary: "One person (email or id) with their checklists",
    response: personDetail,
    params: personParam,
    handler: async ({ actor, params }) => showPerson(ctx, actor, params.person),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/people/:person",
    tag: "people",
    summary: "Change a person; an end date opens their offboarding checklist",
    response: personDetail,
    params: personParam,
    body: updatePersonInput,
    handler: async ({ actor, params, body }) =>
      updatePerson(ctx, actor, params.person, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/people/steps/:step/complete",
    tag: "people",
    summary: "Complete an onboarding or offboarding step (yours, or any as owner or admin)",
    response: personDetail,
    params: stepParam,
    body: completeStepInput,
    handler: async ({ actor, params, body }) =>
      completeStep(ctx, actor, params.step, serviceInput(body)),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/people/steps/:step",
    tag: "people",
    summary: "Name who an open step is for (an email), or null for the template's owner",
    response: personDetail,
    params: stepParam,
    body: assignStepInput,
    handler: async ({ actor, params, body }) =>
      assignStep(ctx, actor, params.step, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/people/:person/background-check",
    tag: "people",
    summary: "A person's background check (owners and admins only)",
    response: z.object({ check: backgroundCheck.nullable() }),
    params: personParam,
    handler: async ({ actor, params }) => ({
      check: await getBackgroundCheck(ctx, actor, params.person),
    }),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/people/:person/background-check",
    tag: "people",
    summary:
      "Record a person's background check: status, date, provider, and the report " +
      "(base64, filed as HR-01 evidence) or an evidence id",
    response: backgroundCheck,
    params: personParam,
    body: backgroundCheckInput,
    handler: async ({ actor, params, body }) =>
      recordBackgroundCheck(ctx, actor, params.person, serviceInput(body)),
  });
}
