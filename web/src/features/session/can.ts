/**
 * "Can I?" in the web app, answered from what the server sent: each membership in the session
 * answer lists the actions the caller may take there (worked out by src/domain/permissions.ts,
 * the only table). The page hides what would be refused; the server still decides.
 *
 * One rule needs the record at hand: a control owner may change only the controls they own.
 * The server names which actions are so confined (`ownedOnly`); whether this record is theirs
 * is the comparison below, the same the server makes (src/domain/permissions.ts `owns`). It
 * is kept here rather than carried on each record's answer because lists (the controls a
 * control owner may add evidence to) would otherwise need a flag per action on every row.
 */
import type { Action, Membership, SessionUser } from "../../api/types.ts";

/** What the ownership rule needs of a record: its owner, by email or user id. */
export interface OwnedRecord {
  owner: string | null;
}

/** Controls record their owner by email (or by user id): either names this person. */
export function isOwnedBy(record: OwnedRecord, me: Pick<SessionUser, "id" | "email">): boolean {
  const owner = record.owner?.trim().toLowerCase();
  return owner !== undefined && (owner === me.id || owner === me.email.toLowerCase());
}

/** Whether the membership allows the action, on this record when one is given. */
export function membershipCan(
  membership: Pick<Membership, "actions" | "ownedOnly">,
  me: Pick<SessionUser, "id" | "email">,
  action: Action,
  record?: OwnedRecord,
): boolean {
  if (!membership.actions.includes(action)) return false;
  if (record === undefined || !membership.ownedOnly.includes(action)) return true;
  return isOwnedBy(record, me);
}
