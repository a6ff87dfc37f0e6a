/**
 * A real auditor account, invited, joined and assigned to an engagement: results and tests are
 * recorded by an assigned auditor, or by the owner naming one.
 */
import type { Actor } from "../../src/domain/actor.ts";
import {
  acceptInvitation,
  createInvitation,
} from "../../src/services/access/invitations.service.ts";
import { assignAuditor, listMembers } from "../../src/services/access/members.service.ts";
import type { ServiceContext } from "../../src/services/platform/context.ts";
import { showEngagement } from "../../src/services/fieldwork/engagements.service.ts";

export const TEST_AUDITOR = { name: "Dana Whitfield", email: "dana@ledger.example" } as const;

/** Joins the auditor to the owner's organization (once) and assigns them to the engagement. */
export async function assignedAuditor(
  ctx: ServiceContext,
  owner: Actor,
  handle: string,
  person: { name: string; email: string } = TEST_AUDITOR,
): Promise<Actor> {
  const quiet = { ...ctx, mailer: null };
  let member = (await listMembers(ctx, owner)).find((m) => m.user.email === person.email);
  if (member === undefined) {
    const { link } = await createInvitation(
      quiet,
      owner,
      { email: person.email, role: "auditor" },
      null,
    );
    if (link === null) throw new Error("the invitation gave no link");
    await acceptInvitation(
      quiet,
      link.slice(link.lastIndexOf("/") + 1),
      { name: person.name, password: "a long test passphrase 42" },
      undefined,
      { address: null, userAgent: "test" },
    );
    member = (await listMembers(ctx, owner)).find((m) => m.user.email === person.email);
    if (member === undefined) throw new Error(`${person.email} did not join`);
  }
  await assignAuditor(ctx, owner, handle, member.user.id);
  const assignedTo = await showEngagement(ctx, owner, handle);
  return {
    kind: "user",
    id: member.user.id,
    name: member.user.name,
    email: member.user.email,
    organizationId: owner.organizationId,
    role: "auditor",
    engagements: [assignedTo.id],
  };
}
