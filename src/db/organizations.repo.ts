import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { Organization } from "../domain/organization.ts";
import type { Tx } from "./transaction.ts";
import type { OrganizationsTable } from "./schema.ts";

export function toOrganization(row: Selectable<OrganizationsTable>): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    systemName: row.system_name,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    requireTotp: row.require_totp === 1,
  };
}

export async function insertOrganization(tx: Tx, org: Organization): Promise<void> {
  await tx
    .insertInto("organizations")
    .values({
      id: org.id,
      slug: org.slug,
      name: org.name,
      system_name: org.systemName,
      time_zone: org.timeZone,
      created_at: org.createdAt,
      updated_at: org.updatedAt,
      require_totp: org.requireTotp ? 1 : 0,
    })
    .execute();
}

/** Every organization: for the local operator choosing one, never for a tenant's request. */
export async function listAllOrganizations(tx: Tx): Promise<Organization[]> {
  const rows = await tx.selectFrom("organizations").selectAll().orderBy("created_at").execute();
  return rows.map(toOrganization);
}

export async function findOrganizationByHandle(
  tx: Tx,
  handle: string,
): Promise<Organization | undefined> {
  const row = await tx
    .selectFrom("organizations")
    .selectAll()
    .where((eb) => eb.or([eb("slug", "=", handle.trim().toLowerCase()), eb("id", "=", handle)]))
    .executeTakeFirst();
  return row === undefined ? undefined : toOrganization(row);
}

/** The id of the organization holding `slug`, if any. */
export async function findSlugHolder(tx: Tx, slug: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom("organizations")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row?.id;
}

export async function getOrganization(tx: Tx, scope: OrgScope): Promise<Organization> {
  const row = await tx
    .selectFrom("organizations")
    .selectAll()
    .where("id", "=", scope.organizationId)
    .executeTakeFirstOrThrow();
  return toOrganization(row);
}

export async function touchOrganization(tx: Tx, scope: OrgScope, at: string): Promise<void> {
  await tx
    .updateTable("organizations")
    .set({ updated_at: at })
    .where("id", "=", scope.organizationId)
    .execute();
}

export interface OrganizationChanges {
  name?: string;
  systemName?: string;
  timeZone?: string;
  requireTotp?: boolean;
}

export async function updateOrganization(
  tx: Tx,
  scope: OrgScope,
  changes: OrganizationChanges,
  at: string,
): Promise<void> {
  await tx
    .updateTable("organizations")
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.systemName !== undefined ? { system_name: changes.systemName } : {}),
      ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
      ...(changes.requireTotp !== undefined ? { require_totp: changes.requireTotp ? 1 : 0 } : {}),
      updated_at: at,
    })
    .where("id", "=", scope.organizationId)
    .execute();
}
