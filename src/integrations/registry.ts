/**
 * The connectors Attest knows, and lookups over them and their checks. Each connector keeps
 * its own types (settings, credentials, snapshot); the registry erases them behind the
 * connector's own zod schemas, so the rest of Attest handles any connector the same way.
 */
import type { z } from "zod";
import { CONNECTOR_KINDS } from "../domain/checks/check.ts";
import { awsConnector } from "./aws/connector.ts";
import { githubConnector } from "./github/connector.ts";
import { oktaConnector } from "./okta/connector.ts";
import { registeredCheck } from "./checks.ts";
import type { RegisteredCheck } from "./checks.ts";
import type {
  CollectContext,
  ConnectorDefinition,
  ConnectorField,
  ConnectorKind,
  PopulationPull,
  PulledOccurrence,
} from "../domain/checks/check.ts";

export interface RegisteredPopulation {
  id: string;
  title: string;
  controls: readonly string[];
  pull(
    settings: unknown,
    credentials: unknown,
    period: { start: string; end: string },
  ): Promise<{ query: string; occurrences: PulledOccurrence[] }>;
}

/** A connector as the framework sees it: settings and credentials already parsed by its schemas. */
export interface RegisteredConnector {
  kind: ConnectorKind;
  title: string;
  permissions: readonly string[];
  fields: readonly ConnectorField[];
  settings: z.ZodType<unknown>;
  credentials: z.ZodType<unknown>;
  testConnection(settings: unknown, credentials: unknown): Promise<void>;
  collect(settings: unknown, credentials: unknown, context: CollectContext): Promise<unknown>;
  checks: readonly RegisteredCheck[];
  populations: readonly RegisteredPopulation[];
  syntheticSnapshot(resources: number): unknown;
}

/**
 * Erases a connector's types. The casts are sound as used: settings and credentials reach it
 * only after its own schemas parsed them (services/checks/connectors.service.ts); checks are
 * erased by checks.ts.
 */
export function registerConnector<Settings, Credentials, Snapshot>(
  definition: ConnectorDefinition<Settings, Credentials, Snapshot>,
): RegisteredConnector {
  const populationOf = (p: PopulationPull<Settings, Credentials>): RegisteredPopulation => ({
    id: p.id,
    title: p.title,
    controls: p.controls,
    pull: (settings, credentials, period) =>
      p.pull(settings as Settings, credentials as Credentials, period),
  });
  return {
    kind: definition.kind,
    title: definition.title,
    permissions: definition.permissions,
    fields: definition.fields,
    settings: definition.settings,
    credentials: definition.credentials,
    testConnection: (settings, credentials) =>
      definition.testConnection(settings as Settings, credentials as Credentials),
    collect: (settings, credentials, context) =>
      definition.collect(settings as Settings, credentials as Credentials, context),
    checks: definition.checks.map(registeredCheck),
    populations: definition.populations.map(populationOf),
    syntheticSnapshot: (resources) => definition.syntheticSnapshot(resources),
  };
}

/** Every connector Attest ships, in the order lists show them. */
export const CONNECTORS: readonly RegisteredConnector[] = [
  registerConnector(githubConnector),
  registerConnector(awsConnector),
  registerConnector(oktaConnector),
];

export function connectorKinds(): ConnectorKind[] {
  return CONNECTORS.map((c) => c.kind);
}

export function isConnectorKind(value: string): value is ConnectorKind {
  return (CONNECTOR_KINDS as readonly string[]).includes(value);
}

export function connectorByKind(kind: string): RegisteredConnector | undefined {
  return CONNECTORS.find((c) => c.kind === kind);
}

export function populationById(
  id: string,
): { connector: RegisteredConnector; population: RegisteredPopulation } | undefined {
  for (const connector of CONNECTORS) {
    const population = connector.populations.find((p) => p.id === id);
    if (population !== undefined) return { connector, population };
  }
  return undefined;
}
