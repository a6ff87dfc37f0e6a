/** Notices that jobs leave for an organization's owners, one of a kind per local day. */
import type { Selectable } from "kysely";
import type { OrgScope } from "../domain/actor.ts";
import type { NoticesTable } from "./schema.ts";
import type { Tx } from "./transaction.ts";

export interface StoredNotice {
  id: string;
  kind: string;
  day: string;
  title: string;
  body: string;
  createdAt: string;
  mailedAt: string | null;
}

function toNotice(row: Selectable<NoticesTable>): StoredNotice {
  return {
    id: row.id,
    kind: row.kind,
    day: row.day,
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    mailedAt: row.mailed_at,
  };
}

export async function findNotice(
  tx: Tx,
  scope: OrgScope,
  kind: string,
  day: string,
): Promise<StoredNotice | undefined> {
  const row = await tx
    .selectFrom("notices")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("kind", "=", kind)
    .where("day", "=", day)
    .executeTakeFirst();
  return row === undefined ? undefined : toNotice(row);
}

export async function insertNotice(tx: Tx, scope: OrgScope, notice: StoredNotice): Promise<void> {
  await tx
    .insertInto("notices")
    .values({
      id: notice.id,
      organization_id: scope.organizationId,
      kind: notice.kind,
      day: notice.day,
      title: notice.title,
      body: notice.body,
      created_at: notice.createdAt,
      mailed_at: notice.mailedAt,
    })
    .execute();
}

export async function markNoticeMailed(
  tx: Tx,
  scope: OrgScope,
  id: string,
  at: string,
): Promise<void> {
  await tx
    .updateTable("notices")
    .set({ mailed_at: at })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", id)
    .execute();
}

/** The newest notices first. */
export async function listNotices(tx: Tx, scope: OrgScope, limit: number): Promise<StoredNotice[]> {
  const rows = await tx
    .selectFrom("notices")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .orderBy("day", "desc")
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toNotice);
}
