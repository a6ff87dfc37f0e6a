/**
 * Checks as code: the shape every connector and every check has. A connector reads a system
 * (GitHub, AWS, an identity provider) through its vendor's SDK into one JSON snapshot; a check
 * is a pure function from that snapshot to a result per resource. Because evaluation is pure
 * and the snapshot is kept (content-addressed), any stored result can be re-derived offline.
 */
import type { z } from "zod";

export const CONNECTOR_KINDS = ["github", "aws", "okta"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export const RESOURCE_STATUSES = ["pass", "fail", "not-applicable"] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** One resource's outcome: a repository, an IAM user, a bucket, a person's account. */
export interface ResourceResult {
  /** Stable across runs (an ARN, "owner/repo", a user id): exceptions and tasks key on it. */
  resourceId: string;
  /** What a person reads: "acme/api", "alice", "s3://logs-prod". */
  resourceName: string;
  status: ResourceStatus;
  /** Why, in words: "no approving review is required on main". */
  reason: string;
}

export interface CheckDefinition<Snapshot> {
  /** "<connector>.<name>", e.g. "github.branch-requires-review". Never reused for another rule. */
  id: string;
  title: string;
  connector: ConnectorKind;
  /** What the check reads, as the API calls its snapshot part came from ("GET /orgs/{org}/members"). */
  reads: readonly string[];
  /** Library control refs it supports ("CM-03"). */
  controls: readonly string[];
  /** Trust Services Criteria ids ("CC8.1"). */
  criteria: readonly string[];
  /** Pure: no clock, no I/O, no randomness. Same snapshot, same results, same order. */
  evaluate(snapshot: Snapshot): ResourceResult[];
}

/** A setup field the web form and the CLI ask for. Secret fields are stored sealed. */
export interface ConnectorField {
  name: string;
  label: string;
  secret: boolean;
  required: boolean;
  help: string;
}

export const CONNECTOR_FAILURES = [
  "unauthorized",
  "forbidden",
  "rate-limited",
  "timeout",
  "unavailable",
  "invalid-answer",
] as const;
export type ConnectorFailure = (typeof CONNECTOR_FAILURES)[number];

/**
 * What a connector throws when its API does not answer as needed. The run records it and is
 * retried later; no check is evaluated on a partial snapshot, so none passes by default.
 */
export class ConnectorError extends Error {
  constructor(
    readonly failure: ConnectorFailure,
    message: string,
    /** For rate limits: when the API says to come back, if it says. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}

/** A person of the register, as a connector's snapshot may need them (identity providers). */
export interface RegisterPerson {
  email: string;
  name: string;
  /** "active" or "left" (domain/person.ts); a leaver's account should be gone. */
  status: "active" | "left";
  startDate: string | null;
  endDate: string | null;
}

export interface CollectContext {
  people: readonly RegisterPerson[];
}

export interface ConnectorDefinition<Settings, Credentials, Snapshot> {
  kind: ConnectorKind;
  title: string;
  /** The read-only permissions it needs, as the README lists them. */
  permissions: readonly string[];
  fields: readonly ConnectorField[];
  /** Scope and endpoints (repositories, accounts, regions, API URL): stored in the clear. */
  settings: z.ZodType<Settings>;
  /** Tokens and keys: stored sealed, never returned, never logged. */
  credentials: z.ZodType<Credentials>;
  /** One cheap authenticated call, run when the connector is saved. */
  testConnection(settings: Settings, credentials: Credentials): Promise<void>;
  /**
   * Reads everything its checks need. Throws ConnectorError on any failed call. What a check
   * compares against from Attest itself (the people register) comes in `context` and is copied
   * into the snapshot, so evaluation stays pure and a replay needs nothing but the snapshot.
   */
  collect(settings: Settings, credentials: Credentials, context: CollectContext): Promise<Snapshot>;
  checks: readonly CheckDefinition<Snapshot>[];
  populations: readonly PopulationPull<Settings, Credentials>[];
  /** A synthetic snapshot with about `resources` resources, for the checks benchmark. */
  syntheticSnapshot(resources: number): Snapshot;
}

/** One occurrence pulled from a system for an engagement's population (CanonicalRow's shape). */
export interface PulledOccurrence {
  key: string;
  /** YYYY-MM-DD, inside the period asked for. */
  date: string;
  label: string;
}

/**
 * A population a connector can pull for a period (merged pull requests, hires, leavers). The
 * result goes through the auditor workspace's population import, with `query` as its source.
 */
export interface PopulationPull<Settings, Credentials> {
  /** "github.merged-pull-requests". */
  id: string;
  title: string;
  /** The library controls whose occurrences these are ("CM-02"). */
  controls: readonly string[];
  pull(
    settings: Settings,
    credentials: Credentials,
    period: { start: string; end: string },
  ): Promise<{ query: string; occurrences: PulledOccurrence[] }>;
}
