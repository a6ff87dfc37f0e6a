/** Bridge letters: management's statement covering the time since a report's period ended. */
import type { OrgScope } from "../domain/actor.ts";
import type { Tx } from "./transaction.ts";

export interface BridgeLetter {
  id: string;
  reportVersionId: string;
  number: number;
  through: string;
  text: string;
  createdBy: string;
  createdAt: string;
  approval: { by: string; name: string; at: string } | null;
}

export async function insertBridgeLetter(tx: Tx, scope: OrgScope, b: BridgeLetter): Promise<void> {
  await tx
    .insertInto("bridge_letters")
    .values({
      id: b.id,
      organization_id: scope.organizationId,
      report_version_id: b.reportVersionId,
      number: b.number,
      through: b.through,
      text: b.text,
      created_by: b.createdBy,
      created_at: b.createdAt,
      approved_by: null,
      approved_name: null,
      approved_at: null,
    })
    .execute();
}

export async function saveBridgeLetter(tx: Tx, scope: OrgScope, b: BridgeLetter): Promise<void> {
  await tx
    .updateTable("bridge_letters")
    .set({
      through: b.through,
      text: b.text,
      approved_by: b.approval?.by ?? null,
      approved_name: b.approval?.name ?? null,
      approved_at: b.approval?.at ?? null,
    })
    .where("organization_id", "=", scope.organizationId)
    .where("id", "=", b.id)
    .execute();
}

/** Letters bridging any final version in the list, newest first. */
export async function listBridgeLetters(
  tx: Tx,
  scope: OrgScope,
  reportVersionIds: readonly string[],
): Promise<BridgeLetter[]> {
  if (reportVersionIds.length === 0) return [];
  const rows = await tx
    .selectFrom("bridge_letters")
    .selectAll()
    .where("organization_id", "=", scope.organizationId)
    .where("report_version_id", "in", [...reportVersionIds])
    .orderBy("number", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportVersionId: r.report_version_id,
    number: Number(r.number),
    through: r.through,
    text: r.text,
    createdBy: r.created_by,
    createdAt: r.created_at,
    approval:
      r.approved_by === null || r.approved_name === null || r.approved_at === null
        ? null
        : { by: r.approved_by, name: r.approved_name, at: r.approved_at },
  }));
}
