/**
 * What policies tell readiness about the controls that rely on them (the template's
 * controls): a policy adopted but never published, a periodic review overdue, or people past
 * their due day without acknowledging the version in force. Each is a signal on the control,
 * so the criterion's reasons say which policy and why.
 */
import { acknowledgedBy, listPolicies, listPolicyVersions } from "../../db/policies.repo.ts";
import type { PolicyVersion } from "../../db/policies.repo.ts";
import { policyTemplateControls } from "../../catalog/policies/controls.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { cadenceWords, policyReviewDue } from "../../domain/policy.ts";
import type { ControlSignal } from "../../domain/readiness.ts";
import type { OrganizationDay } from "../platform/organization-day.ts";
import { acknowledgementDue, audienceOf, loadWorkforce } from "./policy-audience.ts";

/** "the acceptable use policy" from "Acceptable Use Policy". */
function named(title: string): string {
  const lower = title.toLowerCase();
  return lower.startsWith("the ") ? lower : `the ${lower}`;
}

export async function loadPolicySignals(
  tx: Tx,
  actor: Actor,
  { timeZone, today }: OrganizationDay,
): Promise<Map<string, ControlSignal[]>> {
  const scope = scopeOf(actor);
  const signals = new Map<string, ControlSignal[]>();
  const policies = (await listPolicies(tx, scope)).filter(
    (p) => p.state !== "retired" && p.templateId !== null,
  );
  if (policies.length === 0) return signals;
  const latest = new Map<string, PolicyVersion>();
  for (const v of await listPolicyVersions(tx, scope)) {
    if (!latest.has(v.policyId)) latest.set(v.policyId, v);
  }
  const acknowledged = await acknowledgedBy(
    tx,
    scope,
    [...latest.values()].map((v) => v.id),
  );
  const workforce = await loadWorkforce(tx, scope, timeZone, today);
  for (const policy of policies) {
    // Stored as the template's own id when adopted (policies.service.ts).
    const controls = policyTemplateControls(policy.templateId ?? "");
    if (controls === undefined) continue;
    const name = named(policy.title);
    const version = latest.get(policy.id);
    const found: ControlSignal[] = [];
    if (version === undefined) {
      found.push({
        source: "policy",
        ok: false,
        reason: `${name} is adopted but not published yet`,
      });
    } else {
      const reviewDue = policyReviewDue(policy, timeZone);
      const reviewLate = reviewDue !== null && reviewDue < today;
      found.push({
        source: "policy",
        ok: !reviewLate,
        reason: reviewLate
          ? `${name}'s ${cadenceWords(policy.reviewMonths)} review is overdue (due by ${reviewDue})`
          : `${name} v${version.version} is published and reviewed`,
      });
      const asked = audienceOf(workforce, version.audience);
      const late = asked.filter(
        (person) =>
          !(
            person.userId !== null &&
            (acknowledged.get(version.id)?.has(person.userId) ?? false)
          ) && acknowledgementDue(version, person, policy.ackDays) < today,
      );
      if (late.length > 0) {
        found.push({
          source: "policy",
          ok: false,
          reason: `${late.length} of ${asked.length} people have not acknowledged ${name} v${version.version} by its due day`,
        });
      }
    }
    for (const ref of controls) signals.set(ref, [...(signals.get(ref) ?? []), ...found]);
  }
  return signals;
}
