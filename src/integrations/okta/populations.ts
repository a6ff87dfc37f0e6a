/**
 * Hires and leavers from Okta for an engagement's period: accounts created in it (onboarding)
 * and accounts deprovisioned in it (offboarding). Okta's `search` parameter takes the date
 * comparisons; the query string is what the population records as its source.
 */
import type { PopulationPull, PulledOccurrence } from "../../domain/checks/check.ts";
import { readAll } from "./client.ts";
import { oktaClient } from "./client.ts";
import type { OktaCredentials, OktaSettings } from "./client.ts";

interface ListedUser {
  id?: unknown;
  created?: unknown;
  statusChanged?: unknown;
  profile?: { login?: unknown; email?: unknown; firstName?: unknown; lastName?: unknown };
}

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

function isoDay(value: unknown): string | null {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  return date === null || Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function occurrence(
  user: ListedUser,
  dateField: "created" | "statusChanged",
): PulledOccurrence | null {
  const date = isoDay(user[dateField]);
  if (typeof user.id !== "string" || date === null) return null;
  const profile = user.profile ?? {};
  const email = typeof profile.email === "string" ? profile.email : String(profile.login ?? "");
  const name = [profile.firstName, profile.lastName]
    .filter((p) => typeof p === "string" && p !== "")
    .join(" ");
  return { key: user.id, date, label: `${name === "" ? email : name} (${email})` };
}

function pull(
  id: string,
  title: string,
  controls: readonly string[],
  dateField: "created" | "statusChanged",
  extra: string,
): PopulationPull<OktaSettings, OktaCredentials> {
  return {
    id,
    title,
    controls,
    async pull(settings, credentials, period) {
      const from = `${period.start}T00:00:00.000Z`;
      const search = `${extra}${dateField} ge "${from}" and ${dateField} lt "${dayAfter(period.end)}"`;
      const client = await oktaClient(settings, credentials);
      const users = await readAll(`users for ${title.toLowerCase()}`, () =>
        client.userApi.listUsers({ search, limit: 200 }),
      );
      const occurrences = users
        .map((u) => occurrence(u as ListedUser, dateField))
        .filter(
          (o): o is PulledOccurrence =>
            o !== null && o.date >= period.start && o.date <= period.end,
        )
        .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
      return { query: `GET ${settings.orgUrl}/api/v1/users?search=${search}`, occurrences };
    },
  };
}

export const oktaPopulations: readonly PopulationPull<OktaSettings, OktaCredentials>[] = [
  pull("okta.hires", "Hires (Okta accounts created)", ["HR-07"], "created", ""),
  pull(
    "okta.leavers",
    "Leavers (Okta accounts deprovisioned)",
    ["HR-08", "AC-05"],
    "statusChanged",
    'status eq "DEPROVISIONED" and ',
  ),
];
