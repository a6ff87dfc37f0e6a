/**
 * An engagement brought to a final report through the HTTP API, as test/support/report.ts does
 * through the services: an organization without the control library, one implemented control
 * mapped to every security criterion, a Type 1 tested for design, a complete description, the
 * assertion approved, the opinion recorded by an invited auditor, and version 1 finalized by
 * that auditor (the auditor dates and releases the report).
 */
import type { APIRequestContext } from "playwright-core";
import { COMPLETE_DESCRIPTION, TEST_OPINION } from "../support/report.ts";
import { apiClient } from "./api.ts";
import type { ApiClient } from "./api.ts";
import { PASSWORD } from "./flows.ts";

/** A calendar date some days before today (UTC, the new organization's zone). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export interface FinalReport {
  org: string;
  engagement: { id: string; number: number };
  /** "/api/v1/orgs/<org>/engagements/E-1" */
  base: string;
}

/**
 * An auditor account, invited by the owner and signed in through `request` (another browser
 * context's), assigned to the engagement: results are entered for an assigned auditor, and
 * only an auditor records the opinion.
 */
export async function assignAuditorAccount(
  owner: ApiClient,
  request: APIRequestContext,
  org: string,
  base: string,
): Promise<{ email: string; auditor: ApiClient }> {
  const email = `dana.${org}@audit.example`;
  const invited = await owner.ok<{ link?: string }>("POST", `/api/v1/orgs/${org}/invitations`, {
    email,
    role: "auditor",
  });
  const token = decodeURIComponent((invited.link ?? "").split("/invite/")[1] ?? "");
  const auditor = apiClient(request);
  await auditor.ok("POST", `/api/v1/invitations/${token}/accept`, {
    name: "Dana Whitfield",
    password: PASSWORD,
  });
  const members = await owner.ok<{ items: { userId: string; email: string }[] }>(
    "GET",
    `/api/v1/orgs/${org}/members`,
  );
  const member = members.items.find((m) => m.email === email);
  if (member === undefined) throw new Error("the invited auditor is not a member");
  await owner.ok("PUT", `${base}/auditors/${member.userId}`);
  return { email, auditor };
}

export async function finalReportViaApi(
  api: ApiClient,
  name: string,
  options: { finalize?: boolean; auditor: APIRequestContext },
): Promise<FinalReport> {
  const created = await api.ok<{ organization: { slug: string } }>("POST", "/api/v1/orgs", {
    name,
    categories: ["security"],
    adoptLibrary: false,
    systemName: `${name} Dashboards`,
  });
  const org = created.organization.slug;
  const criteria = await api.ok<{ items: { id: string; category: string }[] }>(
    "GET",
    `/api/v1/orgs/${org}/criteria?limit=500`,
  );
  await api.ok("POST", `/api/v1/orgs/${org}/controls`, {
    ref: "GOV-01",
    title: "Security programme reviewed by leadership",
    description: "Leadership reviews the security programme each quarter.",
    kind: "detective",
    automation: "manual",
    frequency: "quarterly",
    criteria: criteria.items.filter((c) => c.category === "security").map((c) => c.id),
  });
  await api.ok("PATCH", `/api/v1/orgs/${org}/controls/GOV-01`, { status: "implemented" });
  const engagement = await api.ok<{ id: string; number: number }>(
    "POST",
    `/api/v1/orgs/${org}/engagements`,
    { type: 1, asOf: daysAgo(14), auditFirm: "Ledger & Co" },
  );
  const base = `/api/v1/orgs/${org}/engagements/E-${engagement.number}`;
  for (let step = 0; step < 3; step += 1) await api.ok("POST", `${base}/advance`, {});
  const dana = await assignAuditorAccount(api, options.auditor, org, base);
  await api.ok("POST", `${base}/tests`, {
    control: "GOV-01",
    methods: ["inquiry", "inspection"],
    auditor: dana.email,
    testedOn: daysAgo(7),
    design: "suitably-designed",
  });
  await api.ok("POST", `${base}/advance`, {});
  await api.ok("PUT", `${base}/report/description`, COMPLETE_DESCRIPTION);
  await api.ok("POST", `${base}/report/assertion/approve`);
  if (options.finalize !== false) {
    await dana.auditor.ok("PUT", `${base}/report/opinion`, TEST_OPINION);
    await dana.auditor.ok("POST", `${base}/report/finalize`, {});
  }
  return { org, engagement, base };
}
