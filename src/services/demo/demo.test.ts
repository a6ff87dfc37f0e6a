import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, operator } from "../../../test/support/fixtures.ts";
import { listCampaignSummaries, showCampaign } from "../program/access-reviews.service.ts";
import { verifyAuditLog } from "../platform/audit-log.service.ts";
import { loadDemo } from "./demo.ts";
import { listEvidence } from "../program/evidence.service.ts";
import { operatorActor } from "../access/organizations.service.ts";
import { getReadiness } from "../program/readiness.service.ts";
import { trainingStatus } from "../program/training.service.ts";
import { listRiskAssessments } from "../program/risk-assessments.service.ts";
import { listFindingsOf } from "../program/findings/findings.service.ts";
import { githubConnector } from "../../integrations/github/connector.ts";
import { replay } from "../checks/results.service.ts";
import { listMonitors } from "../program/monitors/monitors.service.ts";
import { listRiskRegister } from "../program/risks.service.ts";
import { listEngagementRequests } from "../fieldwork/requests.service.ts";
import { listVendorInventory } from "../program/vendors.service.ts";
import { getScope } from "../program/scope.service.ts";
import { policyAcknowledgementStatus } from "../program/policy-acknowledgements.service.ts";
import { listShareLinksOf } from "../reporting/report-sharing.service.ts";
import { loadReportPackage } from "../reporting/report-versions.service.ts";
import { engagementResults } from "../fieldwork/testing.service.ts";
import { getEngagementSample } from "../fieldwork/sampling.service.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext(new Date("2026-11-27T15:00:00Z"));
});
afterEach(async () => {
  await t.close();
});

describe("attest demo", () => {
  // Generous: PostgreSQL on a machine shared with other suites.
  it("builds the company the README promises", { timeout: 240_000 }, async () => {
    const summary = await loadDemo(t.ctx, operator);
    const actor = await operatorActor(t.ctx, operator, summary.organization);
    expect((await getScope(t.ctx, actor)).categories).toEqual([
      "security",
      "availability",
      "confidentiality",
    ]);
    expect(summary.implemented / summary.controls).toBeGreaterThan(0.8);

    const evidence = await listEvidence(t.ctx, actor);
    const dates = evidence.map((e) => e.forFrom).sort();
    expect(dates[0]! <= "2025-12-01").toBe(true);
    expect(dates.at(-1)! >= "2026-11-01").toBe(true);
    expect(evidence.some((e) => e.kind === "file")).toBe(true);

    const readiness = await getReadiness(t.ctx, actor);
    expect(readiness.overall.percent).toBeGreaterThan(70);
    expect(readiness.overall.percent).toBeLessThan(100);

    const results = await engagementResults(t.ctx, actor, summary.engagement);
    expect(results.engagement).toMatchObject({
      type: 2,
      status: "distributed",
      periodFrom: "2026-05-01",
      periodTo: "2026-10-31",
    });
    const exceptions = results.controls.filter((c) => c.conclusion === "exception-noted");
    expect(exceptions.map((c) => c.controlRef)).toEqual(["CM-02"]);
    expect(exceptions[0]?.exceptions[0]?.managementResponse).toContain("Branch protection");
    expect(
      results.controls.filter((c) => c.conclusion === "operating-effectively").length,
    ).toBeGreaterThan(60);
    expect((await verifyAuditLog(t.ctx, actor)).ok).toBe(true);

    // Carried to a final, shared report: the exception sits under CC8.1 with its response.
    expect(summary.report).toMatchObject({ version: 1, issueDate: "2026-11-27" });
    expect(summary.report.shareLink).toMatch(/^\/shared\/attest_shr_/);
    const pkg = await loadReportPackage(t.ctx, actor, summary.engagement);
    expect(pkg).toMatchObject({ state: "final", descriptionGaps: [] });
    expect(pkg.opinion?.recordedByName).toBe("Dana Whitfield");
    expect(pkg.assertion.approval).not.toBeNull();
    const cc81 = pkg.criteria.find((c) => c.id === "CC8.1");
    const cm02 = cc81?.controls.find((c) => c.ref === "CM-02");
    expect(cc81?.conclusion).toBe("exception-noted");
    expect(cm02?.exceptions[0]?.managementResponse).toContain("Branch protection");
    const withExceptions = new Set(
      pkg.criteria
        .flatMap((c) => c.controls)
        .filter((c) => c.deviations > 0)
        .map((c) => c.ref),
    );
    expect([...withExceptions]).toEqual(["CM-02"]);
    const links = await listShareLinksOf(t.ctx, actor, summary.engagement);
    expect(links.map((l) => l.state)).toEqual(["active"]);

    // Published policies, their acknowledgements, and a second version that asks again.
    // The six staff, and the people register's 32 others still employed (asked by email).
    const security = await policyAcknowledgementStatus(t.ctx, actor, "P-1");
    expect(security).toMatchObject({ version: 2, asked: 38 });
    expect(security.acknowledged).toHaveLength(2);
    expect(security.earlier[0]?.acknowledged).toHaveLength(6);
    const acceptable = await policyAcknowledgementStatus(t.ctx, actor, "P-2");
    const staffMissing = acceptable.missing.filter(
      (m) => m.role !== "employee" || m.email.startsWith("kim@"),
    );
    expect(staffMissing.map((m) => m.email)).toEqual(["kim@northwind.example"]);
    expect(acceptable.missing.map((m) => m.email)).not.toContain("omar.reyes@northwind.example");
    // The people register: forty people, one leaver's access removal overdue.
    expect(summary.register).toEqual({
      people: 40,
      overdue: ["Access removed in every system: Eva Lund"],
    });
    // A register from the starter library, three risks rescored, and this year's assessment.
    const register = await listRiskRegister(t.ctx, actor);
    expect(register.items.length).toBe(summary.risks.risks);
    expect(register.items.length).toBeGreaterThan(20);
    expect(register.items.filter((r) => r.residualScore < r.inherentScore)).toHaveLength(3);
    const assessments = await listRiskAssessments(t.ctx, actor);
    expect(assessments.map((a) => [a.ref, a.heldOn, a.sha256])).toEqual([
      ["RA-1", "2026-11-27", summary.risks.sha256],
    ]);
    // The auditor's request list holds one hand-made request in each state, then one per
    // sampled pull request of CM-02's imported population, each answered and accepted.
    const requests = await listEngagementRequests(t.ctx, actor, summary.engagement);
    expect(requests.items.slice(0, 4).map((r) => [r.ref, r.status])).toEqual([
      ["R-1", "accepted"],
      ["R-2", "submitted"],
      ["R-3", "returned"],
      ["R-4", "open"],
    ]);
    expect(summary.requests.requests).toBe(4);
    const sample = await getEngagementSample(t.ctx, actor, summary.engagement);
    const cm02Sample = sample?.controls.find((c) => c.controlRef === "CM-02");
    expect(cm02Sample).toMatchObject({
      populationSource: "imported",
      populationImport: { number: 1 },
    });
    expect(cm02Sample?.population).toHaveLength(summary.imported.rows);
    const occurrences = requests.items.slice(4);
    expect(occurrences).toHaveLength(summary.imported.requests);
    expect(occurrences.map((r) => r.item)).toEqual(cm02Sample?.items);
    for (const request of occurrences) {
      expect(request).toMatchObject({
        control: "CM-02",
        status: "accepted",
        addressee: "lee@northwind.example",
        itemLabel: expect.stringMatching(/^Pull request #\d+ \(\d+ \w+\)$/),
      });
      expect(request.evidence).toHaveLength(1);
    }
    // The exception is on the first sampled pull request, whose evidence was supplied too.
    expect(summary.exception).toEqual({ control: "CM-02", item: cm02Sample?.items[0] });
    const rm01 = readiness.criteria.find((c) => c.id === "CC3.1");
    expect(rm01?.missing ?? []).not.toContain("RM-01");
    // Training: the staff and the register's 32 others, all current but Ravi and Kim; the
    // roster filed on HR-03.
    const training = await trainingStatus(t.ctx, actor);
    expect(
      training.people
        .filter((p) => p.state === "overdue")
        .map((p) => p.email)
        .sort(),
    ).toEqual([...summary.training.overdue].sort());
    expect(training.totals).toMatchObject({ people: 38, overdue: 2 });
    expect(readiness.criteria.find((c) => c.id === "CC1.4")?.reasons).toContainEqual(
      expect.stringContaining(
        "HR-03 (Security awareness training at hire and yearly) is " +
          "implemented but 2 of 38 people have not completed this year's training",
      ),
    );
    expect(evidence.filter((e) => e.controls.includes("HR-03")).map((e) => e.title)).toEqual(
      expect.arrayContaining([
        summary.training.roster,
        "Training completions imported from northwind-lms-export.csv: 24 rows",
      ]),
    );
    // Twelve vendors, AWS carved out, one flagged, one CUEC unmapped: both gaps on CC9.2.
    const inventory = await listVendorInventory(t.ctx, actor);
    expect(inventory.items).toHaveLength(summary.vendors.vendors);
    expect(inventory.items.filter((v) => v.subservice !== null).map((v) => v.name)).toEqual([
      "Amazon Web Services",
    ]);
    const flagged = inventory.items.filter((v) => v.flags.length > 0);
    expect(flagged.map((v) => `${v.ref} ${v.name}`)).toEqual([summary.vendors.flagged]);
    expect(flagged[0]?.flags.map((f) => f.kind)).toEqual(["stale", "uncovered-gap"]);
    expect(inventory.items.filter((v) => v.unmappedCuecs > 0).map((v) => v.name)).toEqual([
      "Datadog",
    ]);
    const cc92 = (await getReadiness(t.ctx, actor)).criteria.find((c) => c.id === "CC9.2");
    expect(cc92?.reasons.join("\n")).toContain("Sentry (V-8): the SOC 2 Type 2's period ended");
    // This week's scans and a day of CloudTrail, partly triaged by the head of security.
    expect(summary.findings).toEqual({ imports: 3, findings: 13, triaged: 5 });
    // Access reviews (issue 16 part 3): one completed and filed on AC-06, one in progress.
    const campaigns = await listCampaignSummaries(t.ctx, actor);
    expect(campaigns.map((c) => [c.ref, c.status])).toEqual([
      ["AR-2", "open"],
      ["AR-1", "completed"],
    ]);
    expect(summary.accessReviews.open).toBe("AR-2");
    const open = await showCampaign(t.ctx, actor, "AR-2");
    expect(open.accountViews.filter((a) => a.flags.includes("leaver")).map((a) => a.email)).toEqual(
      ["eva.lund@northwind.example", "omar.reyes@northwind.example"],
    );
    expect(open.decided).toBeGreaterThan(0);
    expect(open.decided).toBeLessThan(open.accounts);
    const ac06 = evidence.filter((e) => e.controls.includes("AC-06")).map((e) => e.title);
    expect(ac06.some((t) => t.startsWith("Access review AR-1 "))).toBe(true);
    const findings = await listFindingsOf(t.ctx, actor);
    expect(findings.counts).toMatchObject({ open: 8, closed: 5 });
    expect(findings.items.find((f) => f.ref === "F-12")).toMatchObject({
      ruleId: "root-use",
      triage: { decision: "authorized-activity", by: "Sam Rivera" },
    });
    // A GitHub connector with a run over the synthetic snapshot, which replays in agreement.
    expect(summary.checks).toMatchObject({ connector: "CN-1", run: "CR-1" });
    expect(summary.checks.checks).toBe(githubConnector.checks.length);
    expect(summary.checks.failing).toBeGreaterThan(0);
    expect((await replay(t.ctx, actor, { run: summary.checks.run })).agrees).toBe(true);
    // The availability monitor: last month filed for both endpoints, the API under its target.
    expect(summary.monitors).toMatchObject({ endpoints: 2, filed: 2 });
    const monitors = await listMonitors(t.ctx, actor);
    expect(monitors.map((m) => [m.ref, m.state])).toEqual([
      ["M-1", "up"],
      ["M-2", "up"],
    ]);
    const a11 = (await getReadiness(t.ctx, actor)).criteria.find((c) => c.id === "A1.1");
    expect(a11?.reasons.join("\n")).toMatch(
      /M-2 Public API was up 99\.\d+ % in \d{4}-\d\d, under its target of 99\.9 %/,
    );
  });

  it(
    "credits each act to a named person: the staff, and the auditor for the fieldwork",
    { timeout: 240_000 },
    async () => {
      // How long loading takes is a benchmark's question, not this test's (the guide's rule;
      // the 110 s bound it held failed under load without anything being wrong).
      const summary = await loadDemo(t.ctx, operator);
      const actor = await operatorActor(t.ctx, operator, summary.organization);
      expect(summary.accounts.map((a) => [a.email, a.role])).toEqual(
        expect.arrayContaining([
          ["maya@northwind.example", "owner"],
          ["dana@ledger-co.example", "auditor"],
        ]),
      );
      const signIn = summary.accounts.filter((a) => a.role === "owner" || a.role === "auditor");
      expect(signIn).toHaveLength(2);
      for (const account of signIn) {
        expect(account.link).toMatch(/\/reset-password\/confirm\?token=attest_rst_/);
      }

      const events = [];
      let cursor: string | undefined;
      do {
        const page = await listAuditLog(t.ctx, actor, {
          limit: 500,
          ...(cursor ? { cursor } : {}),
        });
        events.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      // Only setting up the installation is the operator's; nothing is anyone's OS account.
      const byOperator = new Set(
        events.filter((e) => e.actor.kind === "operator").map((e) => e.action),
      );
      expect([...byOperator].sort()).toEqual([
        "control.adopted",
        "member.joined",
        "organization.created",
        "signing-key.created",
      ]);
      expect(events.filter((e) => e.actor.kind === "operator").map((e) => e.actor.name)).toEqual(
        expect.arrayContaining(["Attest operator (command line)"]),
      );
      for (const event of events) expect(event.actor.name).not.toMatch(/^(root|operator)$/);
      const auditorActs = new Set(
        events.filter((e) => e.actor.name === "Dana Whitfield").map((e) => e.action),
      );
      for (const action of [
        "engagement.sampled",
        "engagement.test-recorded",
        "engagement.result-recorded",
      ]) {
        expect(auditorActs.has(action)).toBe(true);
        expect(
          events.filter((e) => e.action === action).every((e) => e.actor.name === "Dana Whitfield"),
        ).toBe(true);
      }
      const evidenceBy = new Set(
        events.filter((e) => e.action === "evidence.added").map((e) => e.actor.name),
      );
      expect([...evidenceBy].sort()).toEqual([
        "Jo Lindqvist",
        "Lee Okafor",
        "Maya Chen",
        "Ravi Menon",
        "Sam Rivera",
      ]);
      const sample = await getEngagementSample(t.ctx, actor, summary.engagement);
      expect(sample?.drawnBy).toBe("Dana Whitfield");

      // Volumes of a 40-person company with 14 engineers over the six months.
      const population = (ref: string) =>
        sample?.controls.find((c) => c.controlRef === ref)?.population.length ?? 0;
      expect(population("CM-02")).toBeGreaterThan(500);
      expect(population("CM-01")).toBeGreaterThan(200);
      expect(population("HR-01")).toBeGreaterThanOrEqual(3);
      expect(population("HR-01")).toBeLessThanOrEqual(12);
      expect(population("HR-08")).toBeLessThan(population("HR-01") + 3);

      // Section III and the responses agree; CC6.4 stays relevant beside the cloud provider.
      const pkg = await loadReportPackage(t.ctx, actor, summary.engagement);
      expect(pkg.description.noIncidents).toBe(true);
      expect(pkg.description.incidents).toEqual([]);
      const results = await engagementResults(t.ctx, actor, summary.engagement);
      const responses = results.controls.flatMap((c) =>
        c.exceptions.map((e) => e.managementResponse ?? ""),
      );
      expect(responses).toHaveLength(1);
      for (const response of responses) expect(response).not.toMatch(/incident/i);
      const scope = await getScope(t.ctx, actor);
      expect(scope.exclusions.map((e) => e.criterionId)).not.toContain("CC6.4");
    },
  );

  it("refuses a data directory that already holds an organization", async () => {
    await loadDemo(t.ctx, operator);
    await expectAppError(() => loadDemo(t.ctx, operator), "INVALID_STATE");
  }, 240_000);
});
