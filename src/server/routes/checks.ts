/**
 * Connectors and checks (issue 17): connectors (kinds, list, add, show, update, test, remove),
 * checks with their latest results, runs on demand, replay, exceptions, and a population
 * pulled through a connector.
 */
import { z } from "zod";
import {
  checkDetail,
  checkException,
  checkStatusView,
  connector,
  connectorKindInfo,
  replayAnswer,
  runSummary,
  runView,
} from "../../contracts/checks.ts";
import { populationView } from "../../contracts/populations.ts";
import {
  addConnector,
  addConnectorInput,
  connectorKindsView,
  listConnectorsOf,
  removeConnector,
  showConnector,
  testConnector,
  updateConnectorInput,
  updateConnectorOf,
} from "../../services/checks/connectors.service.ts";
import {
  addException,
  addExceptionInput,
  listExceptionsOf,
  revokeException,
  revokeExceptionInput,
} from "../../services/checks/exceptions.service.ts";
import {
  pullPopulation,
  pullPopulationInput,
} from "../../services/checks/population-pull.service.ts";
import {
  listCheckStatuses,
  listRunsOf,
  replay,
  showCheck,
  showRun,
} from "../../services/checks/results.service.ts";
import { runChecks } from "../../services/checks/runs.service.ts";
import type { RunChecksInput } from "../../services/checks/runs.service.ts";
import { authorize } from "../../domain/permissions.ts";
import { serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const connectorParam = { connector: z.string().min(1).max(200) };
const runParam = { run: z.string().min(1).max(60) };

export function registerCheckRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/connectors/kinds",
    tag: "checks",
    summary: "The kinds of connector Attest ships: their fields, permissions and populations",
    response: z.object({ items: z.array(connectorKindInfo) }),
    handler: async ({ actor }) => {
      authorize(actor, "check:read");
      return { items: connectorKindsView() };
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "/connectors",
    tag: "checks",
    summary: "The organization's connectors with their last run and error (never credentials)",
    response: z.object({ items: z.array(connector) }),
    handler: async ({ actor }) => ({ items: await listConnectorsOf(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/connectors",
    tag: "checks",
    summary: "Connect a system; saved only after its test connection succeeds",
    body: addConnectorInput,
    response: connector,
    status: 201,
    handler: async ({ actor, body }) => addConnector(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/connectors/:connector",
    tag: "checks",
    summary: "One connector, by id, ref (CN-1) or name",
    params: connectorParam,
    response: connector,
    handler: async ({ actor, params }) => showConnector(ctx, actor, params.connector),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/connectors/:connector",
    tag: "checks",
    summary: "Change a connector's name, settings, schedule or credentials (tested again)",
    params: connectorParam,
    body: updateConnectorInput,
    response: connector,
    handler: async ({ actor, params, body }) =>
      updateConnectorOf(ctx, actor, params.connector, serviceInput(body)),
  });
  orgRoute(router, {
    method: "DELETE",
    url: "/connectors/:connector",
    tag: "checks",
    summary: "Stop using a connector; its runs, results and evidence stay on record",
    params: connectorParam,
    response: connector,
    handler: async ({ actor, params }) => removeConnector(ctx, actor, params.connector),
  });
  orgRoute(router, {
    method: "POST",
    url: "/connectors/:connector/test",
    tag: "checks",
    summary: "Connect with the stored settings and credentials",
    params: connectorParam,
    response: z.object({ connector: z.string(), ok: z.literal(true) }),
    handler: async ({ actor, params }) => testConnector(ctx, actor, params.connector),
  });
  orgRoute(router, {
    method: "GET",
    url: "/checks",
    tag: "checks",
    summary: "Every check with its latest results per connector, exceptions of today applied",
    response: z.object({ items: z.array(checkStatusView) }),
    handler: async ({ actor }) => ({ items: await listCheckStatuses(ctx, actor) }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/checks/runs",
    tag: "checks",
    summary: "The latest runs, newest first",
    query: { connector: z.string().max(200).optional() },
    response: z.object({ items: z.array(runView) }),
    handler: async ({ actor, query }) => ({
      items: await listRunsOf(ctx, actor, { connector: query.connector }),
    }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/checks/runs",
    tag: "checks",
    summary: "Run the checks now: every connector, or the one named",
    body: z.object({ connector: z.string().max(200).optional() }).strict(),
    response: z.object({ items: z.array(runSummary) }),
    status: 201,
    handler: async ({ actor, body }) => ({
      items: await runChecks(ctx, actor, serviceInput<RunChecksInput>(body)),
    }),
  });
  orgRoute(router, {
    method: "GET",
    url: "/checks/runs/:run",
    tag: "checks",
    summary: "One run (CR-7 or its id) and its results",
    params: runParam,
    response: runView,
    handler: async ({ actor, params }) => showRun(ctx, actor, params.run),
  });
  orgRoute(router, {
    method: "GET",
    url: "/checks/runs/:run/replay",
    tag: "checks",
    summary:
      "Re-evaluate a run's stored results (or one check's) from the snapshot, verified by its hash",
    params: runParam,
    query: { check: z.string().max(200).optional() },
    response: replayAnswer,
    handler: async ({ actor, params, query }) =>
      replay(
        ctx,
        actor,
        query.check === undefined
          ? { run: params.run }
          : { result: `${params.run}:${query.check}` },
      ),
  });
  orgRoute(router, {
    method: "GET",
    url: "/checks/exceptions",
    tag: "checks",
    summary: "Exceptions, in force or not",
    response: z.object({ items: z.array(checkException) }),
    handler: async ({ actor }) => ({ items: await listExceptionsOf(ctx, actor) }),
  });
  orgRoute(router, {
    method: "POST",
    url: "/checks/exceptions",
    tag: "checks",
    summary: "Except a failing resource from a check, with a reason, an approver and an expiry",
    body: addExceptionInput,
    response: checkException,
    status: 201,
    handler: async ({ actor, body }) => addException(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/checks/exceptions/:exception/revoke",
    tag: "checks",
    summary: "Revoke an exception",
    params: { exception: z.string().min(1).max(60) },
    body: revokeExceptionInput,
    response: checkException,
    handler: async ({ actor, params, body }) =>
      revokeException(ctx, actor, params.exception, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/checks/:check",
    tag: "checks",
    summary: "One check: what it reads, its controls, criteria and source, results, exceptions",
    params: { check: z.string().min(1).max(200) },
    response: checkDetail,
    handler: async ({ actor, params }) => showCheck(ctx, actor, params.check),
  });
  orgRoute(router, {
    method: "POST",
    url: "/engagements/:id/populations/:control/pull",
    tag: "sampling",
    summary:
      "Pull a control's population for the engagement's period from a connected system, " +
      "recording the system, query, who and when",
    params: { id: z.string().min(1).max(60), control: z.string().min(1).max(40) },
    body: pullPopulationInput.omit({ control: true }),
    response: populationView,
    status: 201,
    handler: async ({ actor, params, body }) =>
      pullPopulation(ctx, actor, params.id, {
        ...serviceInput<{ connector: string; population: string; reason?: string }>(body),
        control: params.control,
      }),
  });
}
