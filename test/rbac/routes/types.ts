/**
 * The shape of the route table: what an entry says about a route and the organization its
 * `prepare` arranges. Kept apart from index.ts so the area files can name these types
 * without importing the module that gathers them (an import loop).
 */
import type { Role } from "../../../src/domain/actor.ts";
import type { Action } from "../../../src/domain/permissions.ts";
import type { Api, Client } from "../../support/http.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route call needs: path parameters (without :org), a body, extra headers. */
export interface Call {
  params: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A tenant's record that a path parameter names. */
export type ResourceKind =
  | "control"
  | "evidence"
  | "engagement"
  | "invitation"
  | "token"
  | "member"
  | "auditor"
  | "policy"
  | "risk"
  | "risk-assessment"
  | "vendor"
  | "notification-channel"
  | "person"
  | "person-step"
  | "finding"
  // The availability monitor.
  | "monitor"
  // Access reviews (issue 16 part 3).
  | "access-review";

export interface OrgRoute {
  method: Method;
  /** Below /api/v1/orgs/:org, as Fastify writes it ("" is the organization itself). */
  path: string;
  /** The permission the service checks: the allowed roles are `rolesAllowed(action)`. */
  action: Action;
  /** The success status. */
  status: 200 | 201 | 204;
  /** Which path parameters name a tenant's record (for the cross-tenant checks). */
  resources?: Record<string, ResourceKind>;
  /**
   * Arranges the organization (as its owner) so that `role` calling the route succeeds when the
   * role is allowed, and returns the call. A control owner always gets a control they own.
   */
  prepare(world: World, role: Role): Promise<Call>;
}

/** Authenticated routes outside any organization: the caller's own account and list. */
export interface UserRoute {
  method: Method;
  path: string;
  /** An API token may call it (the rest need a signed-in person). */
  tokenAllowed: boolean;
  prepare(world: World): Promise<Call>;
}

/** One organization with a member in every role and a record of every kind. */
export interface World {
  api: Api;
  slug: string;
  /** The prefix of this world's email addresses and custom control refs. */
  prefix: string;
  clients: Record<Role, Client>;
  ids: {
    organization: string;
    /** A custom control (exists only in this organization), owned by the control owner. */
    ownedControl: string;
    /** A custom event-driven control owned by the control owner (imported populations). */
    ownedEventControl: string;
    /** An adopted control nobody owns. */
    unownedControl: string;
    /** A criterion the owned control is mapped and unmapped to by the matrix. */
    mapCriterion: string;
    /** A criterion marked not relevant and relevant again. */
    excludeCriterion: string;
    linkEvidence: string;
    fileEvidence: string;
    /** Type 2 in fieldwork, sampled, with an exception recorded; the auditor is assigned. */
    sampledEngagement: string;
    /** Type 2 in fieldwork, never tested (samples may be redrawn); the auditor is assigned. */
    openEngagement: string;
    /** Type 1 in planning; the auditor is NOT assigned. */
    hiddenEngagement: string;
    /**
     * Type 1, every control tested for design, in the report steps with a complete description,
     * an approved assertion and a first final version; the auditor is assigned.
     */
    reportEngagement: string;
    sampledControl: string;
    sampledItem: string;
    auditorUserId: string;
    /** The auditor's address: the owner names it when entering a result for them. */
    auditorEmail: string;
    /** A second auditor that the matrix assigns and unassigns. */
    spareAuditorUserId: string;
    /** A member whose role the matrix changes. */
    targetUserId: string;
    invitation: string;
    /** The owner's own API token. */
    token: string;
    /** The owner's signed-in session. */
    ownerSession: string;
    /** A published policy (version 1, asking every member), by id. */
    policy: string;
    /** A risk written from scratch (its id), and an assessment recorded with it (its id). */
    risk: string;
    riskAssessment: string;
    /** A tier 1 vendor (its id) with a SOC 2 report (its id) and the report's one CUEC (its id). */
    vendor: string;
    vendorReport: string;
    cuec: string;
    /** A signed webhook of this organization (its id). */
    notificationChannel: string;
    /** A person in the register (their id), and an open step of their joiner checklist. */
    person: string;
    personStep: string;
    /** A finding imported from a SARIF file (its id). */
    finding: string;
    /** A monitored endpoint (its id) that nothing answers on. */
    monitor: string;
    /** An access review campaign (its id), reviewed by the control owner. */
    accessReview: string;
  };
  /** A fresh number, for names that must not repeat. */
  next(): number;
}
