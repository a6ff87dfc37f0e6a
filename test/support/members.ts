/** Members added straight to the database, for service tests that need people in roles. */
import { randomUUID } from "node:crypto";
import { insertMembership, insertUser } from "../../src/db/users.repo.ts";
import type { Actor, Role } from "../../src/domain/actor.ts";
import type { TestContext } from "./database.ts";

/** A signed-in member of the owner's organization, as the actor their requests carry. */
export async function addMember(
  t: TestContext,
  org: Actor,
  role: Role,
  email: string,
  joinedAt: Date = t.ctx.now(),
): Promise<Actor> {
  const id = randomUUID();
  const name = email.split("@")[0] ?? email;
  const at = joinedAt.toISOString();
  const db = t.ctx.db.kysely;
  await insertUser(db, { id, email, name, totpEnabled: false, createdAt: at }, "not-a-hash", at);
  await insertMembership(db, {
    organizationId: org.organizationId,
    userId: id,
    role,
    createdAt: at,
  });
  return { kind: "user", id, name, organizationId: org.organizationId, role, email };
}
