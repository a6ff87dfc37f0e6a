/**
 * Populations from systems (issue 17 §6): a connector's population pull (merged pull requests,
 * hires, leavers) run for an engagement's period and fed to the auditor workspace's population
 * import, with the source recorded as the auditor wants it: the system, the query, who ran it
 * and when. The rows come straight from the system of record, never typed by hand.
 */
import { z } from "zod";
import { connectorRef } from "../../db/connectors.repo.ts";
import { read } from "../../db/transaction.ts";
import type { Actor } from "../../domain/actor.ts";
import { ConnectorError } from "../../domain/checks/check.ts";
import { engagementLabel } from "../../domain/engagement.ts";
import { AppError, invalidField } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { loadEngagement } from "../fieldwork/engagements.service.ts";
import { importPopulation } from "../fieldwork/populations.service.ts";
import type { PopulationView } from "../fieldwork/populations.service.ts";
import type { ServiceContext } from "../platform/context.ts";
import { reason, requiredText } from "../platform/inputs.ts";
import { parseInput } from "../platform/validation.ts";
import { definitionOf, loadConnector, openCredentials } from "./connectors.service.ts";

export const pullPopulationInput = z
  .object({
    control: requiredText(40),
    connector: requiredText(200).describe("the connector's name or ref (CN-1)"),
    population: requiredText(200).describe("the pull's id, such as github.merged-pull-requests"),
    reason: reason.optional().describe("why a new pull replaces an earlier import"),
  })
  .strict();
export type PullPopulationInput = z.input<typeof pullPopulationInput>;

export async function pullPopulation(
  ctx: ServiceContext,
  actor: Actor,
  handle: string,
  input: PullPopulationInput,
): Promise<PopulationView> {
  // Pulling uses the company's connector credentials: an owner's or admin's act (check:run),
  // on top of importing the population.
  authorize(actor, "check:run");
  authorize(actor, "population:import");
  const data = parseInput(pullPopulationInput, input);
  const { engagement, connector } = await read(ctx.db, async (tx) => ({
    engagement: await loadEngagement(tx, actor, handle),
    connector: await loadConnector(tx, actor, data.connector),
  }));
  const definition = definitionOf(connector.kind);
  const pull = definition.populations.find((p) => p.id === data.population);
  if (pull === undefined) {
    const known = definition.populations.map((p) => p.id).join(", ") || "none";
    throw invalidField(
      "population",
      `${definition.title} has no population "${data.population}" (it has: ${known})`,
    );
  }
  const control = data.control.toUpperCase();
  if (!pull.controls.includes(control)) {
    throw invalidField(
      "control",
      `${pull.id} is the population of ${pull.controls.join(", ")}, not of ${control}`,
    );
  }
  if (engagement.periodFrom === null || engagement.periodTo === null) {
    throw new AppError(
      "INVALID_STATE",
      `${engagementLabel(engagement)} is a Type 1: it tests design at one date and has no populations`,
    );
  }
  const ranAt = ctx.now().toISOString();
  let pulled: Awaited<ReturnType<typeof pull.pull>>;
  try {
    pulled = await pull.pull(connector.settings, openCredentials(ctx, connector), {
      start: engagement.periodFrom,
      end: engagement.periodTo,
    });
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    throw new AppError(
      "INVALID_STATE",
      `${definition.title} did not answer the pull (${error.failure}): ${error.message}; nothing was imported`,
    );
  }
  return importPopulation(ctx, actor, handle, {
    control,
    format: "json",
    content: JSON.stringify(pulled.occurrences),
    fileName: `${pull.id}.json`,
    source: `${definition.title} through connector ${connectorRef(connector.number)} (${connector.name})`,
    query: pulled.query,
    ranBy: actor.email ?? actor.name,
    ranAt,
    completeness:
      `Every occurrence ${definition.title} returned for ${pull.title.toLowerCase()} between ` +
      `${engagement.periodFrom} and ${engagement.periodTo}, pulled by Attest from the system ` +
      `itself (all pages read; a failed call imports nothing).`,
    ...(data.reason === undefined ? {} : { reason: data.reason }),
  });
}
