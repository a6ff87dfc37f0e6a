/** Organizations, their scope, the criteria and readiness. */
import { z } from "zod";
import {
  createdOrganization,
  criterion,
  myOrganization,
  organization,
  organizationCriterion,
  overdueControl,
  readinessReport,
  scope,
} from "../../contracts/organizations.ts";
import { pageOf } from "../../contracts/common.ts";
import { AppError } from "../../domain/errors.ts";
import {
  listCatalogCriteria,
  listCriteriaForOrganization,
} from "../../services/program/catalog.service.ts";
import {
  createOrganization,
  createOrganizationInput,
  listMyOrganizations,
  showOrganization,
  updateOrganizationInput,
  updateOrganizationSettings,
} from "../../services/access/organizations.service.ts";
import { getReadiness, listOverdueControls } from "../../services/program/readiness.service.ts";
import {
  addScopeCategory,
  getScope,
  markCriterionNotRelevant,
  markCriterionRelevant,
  removeScopeCategory,
} from "../../services/program/scope.service.ts";
import { serviceInput } from "../body.ts";
import { pageQuery, paginate } from "../pagination.ts";
import { orgRoute, publicRoute, userRoute } from "../route.ts";
import type { Router } from "../route.ts";

const categoryParam = { category: z.string().min(1).max(40) };
const criterionParam = { criterion: z.string().min(1).max(20) };

export function registerOrganizationRoutes(router: Router): void {
  const { ctx } = router;
  userRoute(router, {
    method: "GET",
    url: "/api/v1/orgs",
    tag: "organizations",
    summary: "The organizations I belong to, with my role in each",
    response: pageOf(myOrganization),
    query: pageQuery,
    handler: async ({ auth, query }) => {
      const all = await listMyOrganizations(ctx, auth.user.id);
      const mine =
        auth.kind === "token" ? all.filter((o) => o.id === auth.token.organizationId) : all;
      return paginate(mine, query, (o) => o.id);
    },
  });
  userRoute(router, {
    method: "POST",
    url: "/api/v1/orgs",
    tag: "organizations",
    summary: "Create an organization (I become its owner) and adopt the control library",
    response: createdOrganization,
    body: createOrganizationInput,
    status: 201,
    handler: async ({ auth, body }) => {
      if (auth.kind === "token") {
        throw new AppError("FORBIDDEN", "an API token cannot create organizations");
      }
      const principal = { kind: "user" as const, id: auth.user.id, name: auth.user.name };
      return createOrganization(ctx, principal, serviceInput(body));
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "",
    tag: "organizations",
    summary: "The organization",
    response: organization,
    handler: async ({ actor }) => showOrganization(ctx, actor),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "",
    tag: "organizations",
    summary: "Change the organization's name, system, time zone or two-factor rule",
    response: organization,
    body: updateOrganizationInput,
    handler: async ({ actor, body }) => updateOrganizationSettings(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/scope",
    tag: "scope",
    summary: "Categories in scope and criteria marked not relevant",
    response: scope,
    handler: async ({ actor }) => getScope(ctx, actor),
  });
  orgRoute(router, {
    method: "POST",
    url: "/scope/categories",
    tag: "scope",
    summary: "Bring a category into scope (adopts its controls)",
    response: scope,
    body: z.object({ category: z.string() }),
    status: 201,
    handler: async ({ actor, body }) => addScopeCategory(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/scope/categories/:category",
    tag: "scope",
    summary: "Take a category out of scope",
    response: scope,
    params: categoryParam,
    handler: async ({ actor, params }) =>
      removeScopeCategory(ctx, actor, { category: params.category }),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/scope/exclusions/:criterion",
    tag: "scope",
    summary: "Mark a criterion not relevant, with the reason",
    response: scope,
    params: criterionParam,
    body: z.object({ reason: z.string() }),
    handler: async ({ actor, params, body }) =>
      markCriterionNotRelevant(ctx, actor, {
        ...serviceInput<{ reason: string }>(body),
        criterion: params.criterion,
      }),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/scope/exclusions/:criterion",
    tag: "scope",
    summary: "Mark a criterion relevant again",
    response: scope,
    params: criterionParam,
    handler: async ({ actor, params }) =>
      markCriterionRelevant(ctx, actor, { criterion: params.criterion }),
  });
  publicRoute(router, {
    method: "GET",
    url: "/api/v1/criteria",
    tag: "criteria",
    summary: "The Trust Services Criteria catalog (ids, our labels and summaries)",
    response: pageOf(criterion),
    query: { category: z.string().max(40).optional() },
    handler: async ({ query }) => ({
      items: listCatalogCriteria(query.category === undefined ? {} : { category: query.category }),
      nextCursor: null,
    }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/criteria",
    tag: "criteria",
    summary: "The criteria with any official wording this organization imported",
    response: pageOf(organizationCriterion),
    query: { category: z.string().max(40).optional(), ...pageQuery },
    handler: async ({ actor, query }) =>
      paginate(
        await listCriteriaForOrganization(
          ctx,
          actor,
          query.category === undefined ? {} : { category: query.category },
        ),
        query,
        (c) => c.id,
      ),
  });
  orgRoute(router, {
    method: "GET",
    url: "/readiness",
    tag: "readiness",
    summary: "Readiness: each criterion's status and why, totals, and the gaps to fix first",
    response: readinessReport,
    reuse: true,
    handler: async ({ actor }) => getReadiness(ctx, actor),
  });
  orgRoute(router, {
    method: "GET",
    url: "/readiness/overdue",
    tag: "readiness",
    summary: "Implemented controls whose evidence is overdue or missing",
    response: pageOf(overdueControl),
    query: pageQuery,
    handler: async ({ actor, query }) =>
      paginate(await listOverdueControls(ctx, actor), query, (c) => c.ref),
  });
}
