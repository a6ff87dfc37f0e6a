/**
 * API tokens for scripts and pipelines: made by a member for one organization, scoped, with an
 * expiry. The secret is shown once; only its hash is kept. A token never does more than its
 * maker's role allows at the moment it is used.
 */
import { z } from "zod";
import { insertApiToken, listApiTokens, revokeApiToken } from "../../db/credentials.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, read } from "../../db/transaction.ts";
import { TOKEN_SCOPES } from "../../domain/account.ts";
import type { ApiToken } from "../../domain/account.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { AppError, notFound } from "../../domain/errors.ts";
import { authorize } from "../../domain/permissions.ts";
import { recordEvent } from "../platform/audit.ts";
import type { ServiceContext } from "../platform/context.ts";
import { oneOf } from "../platform/inputs.ts";
import { hashSecret, newSecret } from "./secrets.ts";
import { parseInput } from "../platform/validation.ts";

export const MAX_TOKEN_DAYS = 366;

export const createTokenInput = z
  .object({
    name: z.string().trim().min(1, "give the token a name, such as ci-evidence").max(100),
    scopes: z.array(oneOf(TOKEN_SCOPES, "scope")).min(1, "choose at least one scope"),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
  })
  .strict();

/** Tokens are made by people, from a signed-in session: a token cannot mint another. */
function assertPerson(actor: Actor): void {
  if (actor.tokenScopes !== undefined) {
    throw new AppError("FORBIDDEN", "an API token cannot manage API tokens");
  }
}

export async function createApiToken(
  ctx: ServiceContext,
  actor: Actor,
  input: z.input<typeof createTokenInput>,
): Promise<{ token: ApiToken; secret: string }> {
  authorize(actor, "token:manage");
  assertPerson(actor);
  const data = parseInput(createTokenInput, input);
  const at = ctx.now();
  const secret = newSecret("token");
  const token: ApiToken = {
    id: newId(),
    organizationId: actor.organizationId,
    userId: actor.id,
    name: data.name,
    scopes: [...new Set(data.scopes)],
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + data.expiresInDays * 86_400_000).toISOString(),
    lastUsedAt: null,
  };
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    await insertApiToken(tx, token, hashSecret(secret));
    await recordEvent(
      tx,
      actor,
      "api-token.created",
      token.id,
      { name: token.name, scopes: token.scopes, expiresAt: token.expiresAt },
      at,
    );
  });
  return { token, secret };
}

export async function listMyApiTokens(ctx: ServiceContext, actor: Actor): Promise<ApiToken[]> {
  authorize(actor, "token:manage");
  return read(ctx.db, (tx) => listApiTokens(tx, scopeOf(actor), actor.id, ctx.now().toISOString()));
}

export async function revokeMyApiToken(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<void> {
  authorize(actor, "token:manage");
  assertPerson(actor);
  const at = ctx.now();
  await inOrgTransaction(ctx.db, scopeOf(actor), async (tx) => {
    if ((await revokeApiToken(tx, scopeOf(actor), actor.id, id, at.toISOString())) === 0) {
      throw notFound("API token", id);
    }
    await recordEvent(tx, actor, "api-token.revoked", id, {}, at);
  });
}
