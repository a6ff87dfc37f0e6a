/**
 * The demo's policies: the information security and
 * acceptable use policies adopted, approved and published, most people's acknowledgements,
 * and a second version of the security policy, so the history shows the first version's
 * acknowledgements kept while the new one asks again.
 */
import type { Actor } from "../../domain/actor.ts";
import type { ServiceContext } from "../platform/context.ts";
import { adoptPolicy, updatePolicy } from "../program/policies.service.ts";
import { acknowledgePolicy } from "../program/policy-acknowledgements.service.ts";
import { approvePolicy, publishPolicy, submitPolicy } from "../program/policy-workflow.service.ts";

const POLICY_OWNER = "sam@northwind.example";

async function publish(ctx: ServiceContext, owner: Actor, label: string): Promise<number> {
  await submitPolicy(ctx, owner, label);
  await approvePolicy(ctx, owner, label);
  const published = await publishPolicy(ctx, owner, label);
  return published.current?.version ?? 0;
}

export interface DemoPolicies {
  policies: string[];
  acknowledgements: number;
}

/** `staff`: every company member, the owner first and the employee who lags behind last. */
export async function loadDemoPolicies(
  ctx: ServiceContext,
  owner: Actor,
  staff: readonly Actor[],
): Promise<DemoPolicies> {
  const security = await adoptPolicy(ctx, owner, {
    template: "information-security",
    owner: POLICY_OWNER,
  });
  const acceptable = await adoptPolicy(ctx, owner, {
    template: "acceptable-use",
    owner: POLICY_OWNER,
    values: { screen_lock_minutes: "10" },
  });
  let acknowledgements = 0;
  const acknowledge = async (people: readonly Actor[], label: string, version: number) => {
    for (const person of people) {
      await acknowledgePolicy(ctx, person, label, { version }, "198.51.100.24");
      acknowledgements += 1;
    }
  };
  await acknowledge(staff, security.label, await publish(ctx, owner, security.label));
  // Kim has not read the acceptable use policy yet: it shows on her tasks.
  await acknowledge(
    staff.slice(0, -1),
    acceptable.label,
    await publish(ctx, owner, acceptable.label),
  );
  // A second version of the security policy asks everyone again; two have read it so far.
  await updatePolicy(ctx, owner, security.label, {
    body:
      `${security.body ?? ""}\n\n## Artificial intelligence tools\n\n` +
      "Company or customer data is entered only into AI tools the security team has approved.",
  });
  await acknowledge(staff.slice(0, 2), security.label, await publish(ctx, owner, security.label));
  return { policies: [security.label, acceptable.label], acknowledgements };
}
