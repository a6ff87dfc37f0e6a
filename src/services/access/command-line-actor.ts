/**
 * Who the command line acts as. A person runs it, so actions are credited to a named account
 * of the organization with that account's role: the one chosen with --as (or ATTEST_AS), or
 * the organization's only owner. Only an organization with no owner account yet (made with
 * `attest init`, before anyone was added) is acted on by the operator, under a fixed name:
 * the operating system's user name never reaches the audit trail or a report.
 */
import { findOrganizationByHandle, listAllOrganizations } from "../../db/organizations.repo.ts";
import { read, readOnce } from "../../db/transaction.ts";
import {
  findMembership,
  findUserByEmail,
  listAssignedEngagementIds,
  listMembers,
} from "../../db/users.repo.ts";
import { EMAIL_PATTERN, normalizeEmail } from "../../domain/account.ts";
import { actorIn, scopeOf } from "../../domain/actor.ts";
import type { Actor, Principal } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import type { ServiceContext } from "../platform/context.ts";

/** The principal of installation-wide work (key rotation, account recovery, `attest init`). */
export const COMMAND_LINE_OPERATOR: Principal = {
  kind: "operator",
  id: "operator:command-line",
  name: "Attest operator (command line)",
};

export interface CommandLineChoice {
  /** The organization's slug or id; undefined picks the only one. */
  org: string | undefined;
  /** The account's email address; undefined picks the only owner. */
  as: string | undefined;
}

/** The answer when the choice is the caller's to make: several owners, none named. */
export interface SeveralOwners {
  kind: "several-owners";
  owners: string[];
}

/**
 * The local operator (someone with shell access to the data) acts as owner of the chosen
 * organization. With one organization, the choice is implicit.
 */
export async function operatorActor(
  ctx: ServiceContext,
  principal: Principal,
  handle: string | undefined,
): Promise<Actor> {
  // One statement either way, so no transaction around it (two round trips fewer).
  const organization = await readOnce(ctx.db, async (tx) => {
    if (handle !== undefined) return findOrganizationByHandle(tx, handle);
    const all = await listAllOrganizations(tx);
    if (all.length > 1) {
      const slugs = all.map((o) => o.slug).join(", ");
      throw new AppError(
        "VALIDATION_FAILED",
        `several organizations exist (${slugs}); choose one with --org or ATTEST_ORG`,
        [{ field: "org", message: "required when several organizations exist" }],
      );
    }
    return all[0];
  });
  if (organization === undefined) {
    throw handle === undefined
      ? new AppError("NOT_FOUND", "no organization yet; create one with: attest init --name NAME")
      : new AppError("NOT_FOUND", `organization "${handle}" was not found`);
  }
  return actorIn(principal, organization.id, "owner");
}

function asError(message: string): AppError {
  return new AppError("VALIDATION_FAILED", `--as: ${message}`, [{ field: "as", message }]);
}

/**
 * The actor of a command in one organization, or the owners to choose from. An unknown
 * email and someone who is not a member are refused, naming --as.
 */
export async function commandLineActor(
  ctx: ServiceContext,
  choice: CommandLineChoice,
): Promise<Actor | SeveralOwners> {
  const organization = await operatorActor(ctx, COMMAND_LINE_OPERATOR, choice.org);
  const scope = scopeOf(organization);
  const actorOf = (member: {
    userId: string;
    name: string;
    email: string;
    role: Actor["role"];
  }): Actor => ({
    kind: "user",
    id: member.userId,
    name: member.name,
    email: member.email,
    organizationId: organization.organizationId,
    role: member.role,
  });
  if (choice.as === undefined) {
    const members = await readOnce(ctx.db, (tx) => listMembers(tx, scope));
    const owners = members.filter((m) => m.role === "owner");
    if (owners.length > 1) {
      return { kind: "several-owners", owners: owners.map((o) => o.user.email) };
    }
    const only = owners[0];
    // No account yet: the operator, who holds the data, acts with owner rights.
    if (only === undefined) return organization;
    return actorOf({ ...only.user, userId: only.user.id, role: "owner" });
  }
  const as = choice.as;
  return read(ctx.db, async (tx) => {
    // Only looked up, never stored: the lookup decides, so no schema is loaded for it.
    const address = normalizeEmail(as);
    if (!EMAIL_PATTERN.test(address)) {
      throw asError(`"${as}" is not an email address`);
    }
    const found = await findUserByEmail(tx, address);
    if (found === undefined) {
      throw asError(`no account has the email ${address} (attest users lists them)`);
    }
    const membership = await findMembership(tx, organization.organizationId, found.user.id);
    if (membership === undefined) {
      throw asError(`${address} is not a member of this organization`);
    }
    const actor = actorOf({ ...found.user, userId: found.user.id, role: membership.role });
    if (membership.role === "auditor") {
      actor.engagements = await listAssignedEngagementIds(tx, scope, found.user.id);
    }
    return actor;
  });
}
