import { afterEach, beforeEach } from "vitest";
import type { Actor, Principal, Role } from "../../src/domain/actor.ts";
import { actorIn } from "../../src/domain/actor.ts";
import { AppError } from "../../src/domain/errors.ts";
import type { ErrorCode } from "../../src/domain/errors.ts";
import type { ServiceContext } from "../../src/services/platform/context.ts";
import { createOrganization } from "../../src/services/access/organizations.service.ts";
import type { CreateOrganizationInput } from "../../src/services/access/organizations.service.ts";
import { createTestContext } from "./database.ts";
import type { TestContext } from "./database.ts";

export const operator: Principal = { kind: "operator", id: "operator:ana", name: "ana" };

export async function createOrg(
  ctx: ServiceContext,
  input: Partial<CreateOrganizationInput> = {},
): Promise<Actor> {
  const { organization } = await createOrganization(ctx, operator, {
    name: "Acme Cloud",
    ...input,
  });
  return actorIn(operator, organization.id, "owner");
}

/**
 * Gives each test a fresh database with one organization, closed afterwards:
 * `useOrganization((s) => ({ t, owner } = s))`.
 */
export function useOrganization(
  receive: (setup: { t: TestContext; owner: Actor }) => void,
  options: { start?: Date; organization?: Partial<CreateOrganizationInput> } = {},
): void {
  let context: TestContext | undefined;
  beforeEach(async () => {
    context = await createTestContext(options.start);
    receive({ t: context, owner: await createOrg(context.ctx, options.organization) });
  });
  afterEach(async () => {
    await context?.close();
  });
}

export function as(actor: Actor, role: Role, id = actor.id, extra: Partial<Actor> = {}): Actor {
  return { ...actor, role, id, ...extra };
}

/** Runs `work`, expects an AppError with `code`, and returns it for further checks. */
export async function expectAppError(
  work: () => Promise<unknown>,
  code: ErrorCode,
): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError && error.code === code) return error;
    throw new Error(`expected AppError ${code}, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected AppError ${code}, but the call succeeded`);
}
