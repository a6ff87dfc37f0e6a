/**
 * Reads an Okta org into an OktaSnapshot through the SDK: the users (every status, the
 * deprovisioned ones through their own filtered list, as Okta leaves them out otherwise), each
 * one's factors and role assignments, and the password and global sign-on policies with rules.
 * Each answer is checked against the shape the checks rely on; anything else fails the whole
 * collection (no partial snapshot).
 */
import type { Client } from "@okta/okta-sdk-nodejs";
import { z } from "zod";
import { ConnectorError } from "../../domain/checks/check.ts";
import type { CollectContext } from "../../domain/checks/check.ts";
import { readAll, translateOktaError } from "./client.ts";
import type {
  OktaPasswordPolicy,
  OktaSignOnPolicy,
  OktaSnapshot,
  OktaUserRecord,
} from "./snapshot.ts";

/** The SDK turns date strings into Date objects; either way, an ISO string comes out. */
const time = z
  .union([z.date(), z.string()])
  .nullish()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  });

const userShape = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  created: time,
  lastLogin: time,
  statusChanged: time,
  profile: z.object({
    login: z.string(),
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
  }),
});
const factorShape = z.object({
  factorType: z.string(),
  provider: z.string().nullish(),
  status: z.string(),
});
const roleShape = z.object({
  type: z.string(),
  label: z.string().nullish(),
  assignmentType: z.string().nullish(),
});
const policyShape = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  priority: z.number().nullish(),
});
const passwordSettingsShape = z
  .object({
    password: z
      .object({
        complexity: z
          .object({
            minLength: z.number().nullish(),
            dictionary: z
              .object({ common: z.object({ exclude: z.boolean().nullish() }).nullish() })
              .nullish(),
          })
          .nullish(),
        lockout: z.object({ maxAttempts: z.number().nullish() }).nullish(),
      })
      .nullish(),
  })
  .nullish();
const signOnRuleShape = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  priority: z.number().nullish(),
  actions: z
    .object({
      signon: z
        .object({ access: z.string().nullish(), requireFactor: z.boolean().nullish() })
        .nullish(),
    })
    .nullish(),
});

function parsed<T>(shape: z.ZodType<T>, value: unknown, what: string): T {
  const result = shape.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConnectorError(
      "invalid-answer",
      `Okta's answer reading ${what} is not as documented` +
        (issue === undefined ? "" : ` (${issue.path.join(".") || "item"}: ${issue.message})`),
    );
  }
  return result.data;
}

async function readUsers(client: Client): Promise<OktaUserRecord[]> {
  const listed = [
    ...(await readAll("users", () => client.userApi.listUsers({ limit: 200 }))),
    ...(await readAll("deprovisioned users", () =>
      client.userApi.listUsers({ limit: 200, filter: 'status eq "DEPROVISIONED"' }),
    )),
  ];
  const users: OktaUserRecord[] = [];
  for (const item of listed) {
    const user = parsed(userShape, item, "users");
    const name = [user.profile.firstName, user.profile.lastName].filter(Boolean).join(" ");
    const factors =
      user.status === "DEPROVISIONED"
        ? []
        : (
            await readAll(`the factors of ${user.profile.login}`, () =>
              client.userFactorApi.listFactors({ userId: user.id }),
            )
          ).map((f) => parsed(factorShape, f, `the factors of ${user.profile.login}`));
    const roles = (
      await readAll(`the admin roles of ${user.profile.login}`, () =>
        client.roleAssignmentApi.listAssignedRolesForUser({ userId: user.id }),
      )
    ).map((r) => parsed(roleShape, r, `the admin roles of ${user.profile.login}`));
    users.push({
      id: user.id,
      login: user.profile.login,
      email: (user.profile.email ?? user.profile.login).toLowerCase(),
      name: name === "" ? user.profile.login : name,
      status: user.status,
      created: user.created,
      lastLogin: user.lastLogin,
      statusChanged: user.statusChanged,
      factors: factors.map((f) => ({
        factorType: f.factorType,
        provider: f.provider ?? "",
        status: f.status,
      })),
      roles: roles.map((r) => ({
        type: r.type,
        label: r.label ?? r.type,
        assignmentType: r.assignmentType ?? "USER",
      })),
    });
  }
  return users.sort((a, b) => a.id.localeCompare(b.id));
}

/** Policies of one type, or null when the token may not read them (a 403: data, not failure). */
async function readPolicies(client: Client, type: "PASSWORD" | "OKTA_SIGN_ON") {
  const what = type === "PASSWORD" ? "password policies" : "global sign-on policies";
  try {
    return await readAll(what, () => client.policyApi.listPolicies({ type }));
  } catch (error) {
    if (error instanceof ConnectorError && error.failure === "forbidden") return null;
    throw error;
  }
}

async function readPasswordPolicies(client: Client): Promise<OktaPasswordPolicy[] | null> {
  const listed = await readPolicies(client, "PASSWORD");
  if (listed === null) return null;
  return listed.map((item) => {
    const policy = parsed(policyShape, item, "password policies");
    const settings = parsed(
      passwordSettingsShape,
      (item as { settings?: unknown }).settings,
      `the settings of password policy ${policy.name}`,
    );
    return {
      id: policy.id,
      name: policy.name,
      status: policy.status ?? "ACTIVE",
      priority: policy.priority ?? 0,
      minLength: settings?.password?.complexity?.minLength ?? null,
      excludesCommonPasswords: settings?.password?.complexity?.dictionary?.common?.exclude === true,
      lockoutAttempts: settings?.password?.lockout?.maxAttempts ?? null,
    };
  });
}

async function readSignOnPolicies(client: Client): Promise<OktaSignOnPolicy[] | null> {
  const listed = await readPolicies(client, "OKTA_SIGN_ON");
  if (listed === null) return null;
  const policies: OktaSignOnPolicy[] = [];
  for (const item of listed) {
    const policy = parsed(policyShape, item, "global sign-on policies");
    const what = `the rules of sign-on policy ${policy.name}`;
    const rules = await readAll(what, () =>
      client.policyApi.listPolicyRules({ policyId: policy.id }),
    );
    policies.push({
      id: policy.id,
      name: policy.name,
      status: policy.status ?? "ACTIVE",
      priority: policy.priority ?? 0,
      rules: rules.map((r) => {
        const rule = parsed(signOnRuleShape, r, what);
        return {
          id: rule.id,
          name: rule.name,
          status: rule.status ?? "ACTIVE",
          priority: rule.priority ?? 0,
          access: rule.actions?.signon?.access ?? "ALLOW",
          requireFactor: rule.actions?.signon?.requireFactor === true,
        };
      }),
    });
  }
  return policies;
}

export async function collectOkta(
  client: Client,
  orgUrl: string,
  context: CollectContext,
  now: Date = new Date(),
): Promise<OktaSnapshot> {
  try {
    const users = await readUsers(client);
    const passwordPolicies = await readPasswordPolicies(client);
    const signOnPolicies = await readSignOnPolicies(client);
    return {
      orgUrl,
      collectedAt: now.toISOString(),
      users,
      passwordPolicies,
      signOnPolicies,
      people: context.people.map((p) => ({ ...p, email: p.email.toLowerCase() })),
    };
  } catch (error) {
    throw translateOktaError(error, "the organization");
  }
}
