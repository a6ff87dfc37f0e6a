/** Answers of the connectors and checks routes (issue 17). */
import { z } from "zod";
import { CONNECTOR_FAILURES, CONNECTOR_KINDS, RESOURCE_STATUSES } from "../domain/checks/check.ts";
import { CHECK_STATUSES } from "../domain/checks/outcome.ts";
import { day, instant } from "./common.ts";

export const connectorKind = z.enum(CONNECTOR_KINDS);
export const checkStatus = z.enum(CHECK_STATUSES);
const runOutcome = z.enum(["ok", ...CONNECTOR_FAILURES]);
const trigger = z.enum(["schedule", "manual"]);

export const connectorField = z.object({
  name: z.string(),
  label: z.string(),
  secret: z.boolean().describe("stored sealed, never returned"),
  required: z.boolean(),
  help: z.string(),
});

export const connectorKindInfo = z.object({
  kind: connectorKind,
  title: z.string(),
  fields: z.array(connectorField),
  permissions: z.array(z.string()).describe("the read-only permissions it needs"),
  checks: z.number().int(),
  populations: z.array(
    z.object({ id: z.string(), title: z.string(), controls: z.array(z.string()) }),
  ),
});
export type ConnectorKindInfo = z.output<typeof connectorKindInfo>;

export const connectorRun = z.object({
  ref: z.string().describe("CR-1, CR-2, … per organization"),
  trigger,
  startedAt: instant,
  finishedAt: instant,
  outcome: runOutcome,
  message: z.string().nullable(),
  snapshotSha256: z.string().nullable(),
});

export const connector = z.object({
  id: z.string(),
  ref: z.string().describe("CN-1, CN-2, … per organization"),
  kind: connectorKind,
  system: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()).describe("scope and endpoints, in the clear"),
  credentialFields: z.array(z.string()).describe("which secrets are stored; never their values"),
  intervalMinutes: z.number().int(),
  nextRunAt: instant,
  consecutiveFailures: z.number().int(),
  lastRun: connectorRun.nullable(),
  error: z
    .object({ failure: z.enum(CONNECTOR_FAILURES), message: z.string(), at: instant })
    .nullable(),
  createdBy: z.string(),
  createdAt: instant,
});
export type Connector = z.output<typeof connector>;

export const resourceResult = z.object({
  resourceId: z.string(),
  resourceName: z.string(),
  status: z.enum(RESOURCE_STATUSES),
  reason: z.string(),
  exception: z.string().nullable().describe("the exception (CE-n) that excuses a failure"),
});

const checkInfoShape = {
  id: z.string(),
  title: z.string(),
  connector: connectorKind,
  reads: z.array(z.string()),
  controls: z.array(z.string()),
  criteria: z.array(z.string()),
};

export const latestResult = z.object({
  ref: z.string().describe("RUN:CHECK, e.g. CR-7:github.branch-requires-review"),
  checkId: z.string(),
  connector: z.string(),
  connectorName: z.string(),
  run: z.string(),
  recordedAt: instant,
  status: checkStatus,
  passing: z.number().int(),
  failing: z.number().int(),
  excepted: z.number().int(),
  notApplicable: z.number().int(),
  resources: z.array(resourceResult),
  evidenceId: z.string().nullable(),
  connectorFailing: z
    .object({ failure: z.string(), since: instant })
    .nullable()
    .describe("the connector's runs have failed since this result: it is not current"),
});

export const checkStatusView = z.object({
  ...checkInfoShape,
  status: checkStatus.nullable().describe("worst over the connectors; null when never run"),
  results: z.array(latestResult),
});
export type CheckStatusView = z.output<typeof checkStatusView>;

export const checkException = z.object({
  id: z.string(),
  ref: z.string().describe("CE-1, CE-2, …"),
  checkId: z.string(),
  resourceId: z.string(),
  reason: z.string(),
  approver: z.string(),
  expiresOn: day,
  createdBy: z.string(),
  createdAt: instant,
  revokedBy: z.string().nullable(),
  revokedAt: instant.nullable(),
  revokedReason: z.string().nullable(),
  inForce: z.boolean(),
});
export type CheckException = z.output<typeof checkException>;

export const checkDetail = checkStatusView.extend({
  source: z.string().describe("the file defining the check, in Attest's source"),
  exceptions: z.array(checkException.omit({ inForce: true })),
});
export type CheckDetail = z.output<typeof checkDetail>;

export const runSummary = z.object({
  run: z.string(),
  connector: z.string(),
  connectorName: z.string(),
  outcome: runOutcome,
  message: z.string().nullable(),
  snapshotSha256: z.string().nullable(),
  results: z.array(
    z.object({
      ref: z.string(),
      checkId: z.string(),
      title: z.string(),
      status: checkStatus,
      passing: z.number().int(),
      failing: z.number().int(),
      excepted: z.number().int(),
      notApplicable: z.number().int(),
    }),
  ),
  startedFailing: z.array(z.string()),
  recovered: z.array(z.string()),
});
export type RunSummary = z.output<typeof runSummary>;

export const runView = z.object({
  id: z.string(),
  ref: z.string(),
  connector: z.string(),
  connectorName: z.string(),
  trigger,
  startedBy: z.string(),
  startedAt: instant,
  finishedAt: instant,
  outcome: runOutcome,
  message: z.string().nullable(),
  snapshotSha256: z.string().nullable(),
  results: z.array(
    z.object({
      ref: z.string(),
      checkId: z.string(),
      status: checkStatus,
      failing: z.number().int(),
    }),
  ),
});
export type RunView = z.output<typeof runView>;

const side = z.object({ status: z.enum(RESOURCE_STATUSES), reason: z.string() }).nullable();

export const replayAnswer = z.object({
  run: z.string(),
  snapshotSha256: z.string().describe("verified against the stored snapshot's bytes"),
  agrees: z.boolean(),
  results: z.array(
    z.object({
      ref: z.string(),
      checkId: z.string(),
      snapshotSha256: z.string(),
      agrees: z.boolean(),
      differences: z.array(z.object({ resourceId: z.string(), stored: side, replayed: side })),
    }),
  ),
});
export type ReplayAnswer = z.output<typeof replayAnswer>;
