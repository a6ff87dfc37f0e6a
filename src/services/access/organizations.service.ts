/** Creating an organization, and finding the one a command or request acts on. */
import { z } from "zod";
import { getCategory } from "../../catalog/index.ts";
import type { CategoryId } from "../../catalog/index.ts";
import {
  getOrganization,
  insertOrganization,
  listAllOrganizations,
  findSlugHolder,
  updateOrganization,
} from "../../db/organizations.repo.ts";
import {
  findMembership,
  findUserById,
  insertMembership,
  listMembershipsOfUser,
} from "../../db/users.repo.ts";
import { newId } from "../../db/portable.ts";
import { addCategory } from "../../db/scope.repo.ts";
import { inOrgTransaction, inOrganizationCreation, read } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { actorIn, scopeOf } from "../../domain/actor.ts";
import type { Actor, Principal, Role } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { isValidTimeZone, slugify } from "../../domain/organization.ts";
import type { Organization } from "../../domain/organization.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { categoryId } from "../platform/inputs.ts";
import { adoptLibrary } from "../program/library.ts";
import { ensureOrganizationKey } from "../reporting/signing-keys.ts";
import type { AdoptionResult } from "../program/library.ts";
import { parseInput } from "../platform/validation.ts";

// Defined beside the command line's other actors, where every CLI command finds it without
// loading this module (and the signing keys it needs to create an organization).
export { operatorActor } from "./command-line-actor.ts";

const timeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, {
    error: (issue) =>
      `unknown time zone "${String(issue.input)}"; use an IANA name such as Europe/Paris or UTC`,
  })
  // Stored as the zone database spells it ("europe/paris" → "Europe/Paris").
  .transform(
    (zone) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone,
  );

export const createOrganizationInput = z.object({
  name: z.string().trim().min(1, "give the company's name").max(200),
  systemName: z.string().trim().min(1).max(200).optional(),
  timeZone: timeZone.default("UTC"),
  categories: z.array(categoryId).default(["security"]),
  adoptLibrary: z.boolean().default(true),
});

export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

export interface CreatedOrganization {
  organization: Organization;
  categories: CategoryId[];
  adoption: AdoptionResult | null;
}

/**
 * The slug made from the name. Slugs are unique across the installation, but a signed-in user
 * may learn of another tenant's name only through an organization they belong to: if the slug
 * belongs to a stranger, the user gets the next free variant ("acme-2") and no hint. The
 * operator, who sees every organization anyway, is told.
 */
async function claimSlug(tx: Tx, principal: Principal, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base.slice(0, 44)}-${n}`;
    const holder = await findSlugHolder(tx, slug);
    if (holder === undefined) return slug;
    const visible =
      principal.kind !== "user" || (await findMembership(tx, holder, principal.id)) !== undefined;
    if (n === 1 && visible) {
      throw new AppError(
        "CONFLICT",
        `an organization named "${name}" already exists (${slug}); use it with --org ${slug}, ` +
          "or choose another name",
        [{ field: "name", message: `"${slug}" is taken` }],
      );
    }
  }
}

/** The creator becomes the first owner; the library is adopted in the same transaction. */
export async function createOrganization(
  ctx: ServiceContext,
  principal: Principal,
  input: CreateOrganizationInput,
): Promise<CreatedOrganization> {
  const data = parseInput(createOrganizationInput, input);
  const categories: CategoryId[] = [
    "security",
    ...new Set(data.categories.filter((c) => c !== "security")),
  ];
  const at = ctx.now();
  return inOrganizationCreation(ctx.db, async (tx) => {
    const organization: Organization = {
      id: newId(),
      slug: await claimSlug(tx, principal, data.name),
      name: data.name,
      systemName: data.systemName ?? data.name,
      timeZone: data.timeZone,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      requireTotp: false,
    };
    await insertOrganization(tx, organization);
    const actor = actorIn(principal, organization.id, "owner");
    if (principal.kind === "user") {
      // Someone signed in made it: they are its first owner.
      await insertMembership(tx, {
        organizationId: organization.id,
        userId: principal.id,
        role: "owner",
        createdAt: organization.createdAt,
      });
    }
    for (const category of categories) {
      await addCategory(tx, scopeOf(actor), category, organization.createdAt);
    }
    await recordEvent(
      tx,
      actor,
      "organization.created",
      organization.id,
      {
        name: organization.name,
        systemName: organization.systemName,
        timeZone: organization.timeZone,
        categories: categories.map((c) => getCategory(c).id),
      },
      at,
    );
    // The evidence-bundle key is made with the organization, so no later read has to write.
    await ensureOrganizationKey(ctx.secrets, tx, scopeOf(actor), at, actor);
    const adoption = data.adoptLibrary ? await adoptLibrary(tx, actor, categories, at) : null;
    return { organization, categories, adoption };
  });
}

export async function listOrganizationsForOperator(ctx: ServiceContext): Promise<Organization[]> {
  return read(ctx.db, (tx) => listAllOrganizations(tx));
}

export async function showOrganization(ctx: ServiceContext, actor: Actor): Promise<Organization> {
  authorize(actor, "organization:read");
  return read(ctx.db, (tx) => getOrganization(tx, scopeOf(actor)));
}

export const updateOrganizationInput = z
  .object({
    name: createOrganizationInput.shape.name.optional(),
    systemName: z.string().trim().min(1).max(200).optional(),
    timeZone: timeZone.optional(),
    requireTotp: z.boolean().optional(),
  })
  .strict();

export async function updateOrganizationSettings(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof updateOrganizationInput>,
): Promise<Organization> {
  authorize(actor, "organization:update");
  const changes = parseInput(updateOrganizationInput, input);
  const at = ctx.now();
  return inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    if (changes.requireTotp === true && actor.kind === "user") {
      const me = await findUserById(tx, actor.id);
      if (me?.user.totpEnabled !== true) {
        throw new AppError(
          "INVALID_STATE",
          "requireTotp: turn on two-factor sign-in for yourself first, or you would be locked out",
          [{ field: "requireTotp", message: "turn it on for yourself first" }],
        );
      }
    }
    await updateOrganization(tx, scopeOf(actor), changes, at.toISOString());
    await recordEvent(tx, actor, "organization.updated", actor.organizationId, { ...changes }, at);
    return getOrganization(tx, scopeOf(actor));
  });
}

export interface MyOrganization extends Organization {
  role: Role;
}

export async function listMyOrganizations(
  ctx: ServiceContext,
  userId: string,
): Promise<MyOrganization[]> {
  const memberships = await read(ctx.db, (tx) => listMembershipsOfUser(tx, userId));
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}
