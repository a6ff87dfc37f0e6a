/**
 * `attest demo`: a believable company to look around in. Northwind Analytics (fictional), 40
 * people of whom 14 engineers, has security, availability and confidentiality in scope, most
 * controls implemented, a year of evidence at a real company's volumes (hundreds of merged
 * pull requests, a dozen hires), and a Type 2 engagement over the last six full months that
 * its auditor sampled and tested, with one exception in change management and management's
 * response to it, carried to a final report with the auditor's recorded opinion, shared with
 * a customer (demo-report.ts), and a risk register from the starter library with this year's
 * assessment (demo-risks.ts). Each action is credited to a named person (demo-people.ts).
 */

import { Readable } from "node:stream";
import { listAllOrganizations } from "../../db/organizations.repo.ts";
import { read } from "../../db/transaction.ts";
import type { Actor, Principal } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { evidenceCadence } from "../../domain/freshness.ts";
import { addDays, daysBetween, expectedOccurrences, localDate } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { updateControl } from "../program/controls.service.ts";
import { listControls } from "../program/controls-read.ts";
import { advanceEngagement, createEngagement } from "../fieldwork/engagements.service.ts";
import { addEvidence } from "../program/evidence.service.ts";
import { addEvidenceBatch } from "../program/evidence-batch.service.ts";
import type { BatchEvidence } from "../program/evidence-batch.service.ts";
import { createOrganization } from "../access/organizations.service.ts";
import { assignAuditor } from "../access/members.service.ts";
import { respondToException } from "../fieldwork/testing.service.ts";
import type { Control } from "../../domain/control.ts";
import { loadDemoPolicies } from "./demo-policies.ts";
import type { DemoPolicies } from "./demo-policies.ts";
import { carryDemoToReport } from "./demo-report.ts";
import type { DemoReport } from "./demo-report.ts";
import { loadDemoRegister } from "./demo-register.ts";
import type { DemoRegister } from "./demo-register.ts";
import { loadDemoFindings } from "./demo-findings.ts";
import type { DemoFindings } from "./demo-findings.ts";
// Connectors and checks (issue 17).
import { loadDemoChecks } from "./demo-checks.ts";
import type { DemoChecks } from "./demo-checks.ts";
import { loadDemoMonitors } from "./demo-monitors.ts";
import type { DemoMonitors } from "./demo-monitors.ts";
import { loadDemoRisks } from "./demo-risks.ts";
import { loadDemoRegisterTraining, loadDemoTraining } from "./demo-training.ts";
import type { DemoTraining } from "./demo-training.ts";
import { loadDemoVendors } from "./demo-vendors.ts";
// Access reviews (issue 16 part 3).
import { loadDemoAccessReviews } from "./demo-access-reviews.ts";
import type { DemoAccessReviews } from "./demo-access-reviews.ts";
import type { DemoVendors } from "./demo-vendors.ts";
import type { DemoRisks } from "./demo-risks.ts";
import { addDemoPeople, STAFF } from "./demo-people.ts";
import { testAsAuditor } from "./demo-fieldwork.ts";
import type { DemoFieldwork } from "./demo-fieldwork.ts";
import { loadDemoRequests } from "./demo-requests.ts";
import { answerDemoOccurrences, importDemoPopulation } from "./demo-population.ts";
import type { DemoRequests } from "./demo-requests.ts";
import type { DemoAccount, StaffKey } from "./demo-people.ts";

const TIME_ZONE = "America/New_York";
const NOT_STARTED = new Set(["GV-12", "RM-08", "BC-10"]);
const IN_PROGRESS = new Set(["HR-04", "OP-07", "CF-07", "AS-06"]);
const NOT_APPLICABLE: Record<string, string> = {
  "AS-02": "Northwind is fully remote: there is no office whose entry needs controlling.",
};
const OWNERS: Record<string, StaffKey> = {
  leadership: "maya",
  security: "sam",
  engineering: "lee",
  it: "ravi",
  people: "jo",
  legal: "maya",
  privacy: "sam",
  operations: "lee",
  finance: "maya",
};

/**
 * Events a year at a 40-person company with 14 engineers. Controls about joiners share the
 * same hires, and those about leavers the same departures.
 */
const YEARLY_EVENTS: Record<string, number> = {
  "CM-02": 1300, // merged pull requests: about two a week per engineer
  "CM-01": 500, // production deployments: about two each working day
  "CM-09": 90, // configuration changes outside code
  "CM-07": 4, // emergency changes
  "AC-04": 140, // access requests
  "IR-02": 9, // minor incidents, each tracked with a post-mortem
  "IR-04": 2,
  "IR-05": 1, // a 25-minute dashboard outage, within the availability commitment
  "CF-02": 30, // new customers and vendors
  "CF-06": 6, // contracts ended
  "AS-04": 8, // laptops wiped and recycled
  "RM-04": 5,
  "GV-09": 1,
  "HR-05": 1,
};
const HIRE_CONTROLS = new Set(["HR-01", "HR-02", "HR-06", "HR-07", "GV-01"]);
const LEAVER_CONTROLS = new Set(["HR-08", "AC-05"]);
const HIRES_A_YEAR = 12;
const LEAVERS_A_YEAR = 7;

export interface DemoSummary {
  report: DemoReport;
  organization: string;
  accounts: DemoAccount[];
  controls: number;
  implemented: number;
  evidence: number;
  engagement: string;
  seed: string;
  sampledItems: number;
  exception: DemoFieldwork["exception"];
  policies: DemoPolicies;
  risks: DemoRisks;
  requests: DemoRequests;
  /** CM-02's imported population, and the requests its draw opened (answered, accepted). */
  imported: { control: string; rows: number; requests: number };
  training: DemoTraining;
  vendors: DemoVendors;
  accessReviews: DemoAccessReviews;
  register: DemoRegister;
  findings: DemoFindings;
  checks: DemoChecks;
  /** The availability monitor (issue 17). */
  monitors: DemoMonitors;
}

/** A small deterministic generator, so the demo looks the same every time. */
function counter(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** `count` working days between from and to, spread at random, sorted, repeats allowed. */
function workingDays(count: number, from: string, to: string, random: () => number): string[] {
  const span = daysBetween(from, to);
  const days: string[] = [];
  while (days.length < count) {
    const day = addDays(from, Math.floor(random() * (span + 1)));
    if (isWorkingDay(day)) days.push(day);
  }
  return days.sort();
}

interface DemoEvent {
  day: string;
  title: string;
  url: string;
}

/** The people who joined and left during the year, shared by the controls about them. */
interface Staffing {
  hires: string[];
  leavers: string[];
}

function controlEvents(
  control: Control,
  from: string,
  to: string,
  staffing: Staffing,
  random: () => number,
): DemoEvent[] {
  const ref = control.ref;
  if (HIRE_CONTROLS.has(ref) || LEAVER_CONTROLS.has(ref)) {
    const hires = HIRE_CONTROLS.has(ref);
    return (hires ? staffing.hires : staffing.leavers).map((day, index) => ({
      day,
      title: `${control.title}: ${hires ? "new hire" : "leaver"} ${index + 1} (${day})`,
      url: `https://hr.northwind.example/people/${hires ? "start" : "end"}/${day}/${index + 1}`,
    }));
  }
  const count = YEARLY_EVENTS[ref] ?? 6 + Math.floor(random() * 7);
  return workingDays(count, from, to, random).map((day, index) => {
    if (ref === "CM-02") {
      const number = 3200 + index;
      return {
        day,
        title: `Pull request #${number}`,
        url: `https://github.com/northwind-analytics/insights/pull/${number}`,
      };
    }
    if (ref === "CM-01") {
      return {
        day,
        title: `Production deployment ${index + 1} on ${day} (ticket NW-${5100 + index})`,
        url: `https://deploy.northwind.example/releases/${day}/${index + 1}`,
      };
    }
    return {
      day,
      title: `${control.title}: ${day} (${index + 1})`,
      url: `https://tracker.northwind.example/${ref.toLowerCase()}/${day}/${index + 1}`,
    };
  });
}

function calendarPeriods(control: Control, from: string, to: string) {
  const cadence = evidenceCadence(control.frequency);
  if (cadence === null) return [];
  // One item per window: a daily control's report covers its week, as a backup summary
  // does; a yearly task happens mid-year; the others at the end of their window.
  const windowFrequency = cadence === "daily" ? "weekly" : cadence;
  return expectedOccurrences(windowFrequency, { from, to }, TIME_ZONE).map((w) => {
    if (cadence === "daily") return { from: w.from, to: w.to };
    const date =
      cadence === "annual" ? addDays(w.from, Math.floor(daysBetween(w.from, w.to) / 2)) : w.to;
    return { from: date, to: date };
  });
}

/** A control's year of evidence, added by its owner: documents one by one, the rest at once. */
async function addControlEvidence(
  ctx: ServiceContext,
  actor: Actor,
  control: Control,
  span: { from: string; to: string },
  staffing: Staffing,
  random: () => number,
): Promise<number> {
  const batch: BatchEvidence[] = [];
  if (evidenceCadence(control.frequency) === null) {
    for (const event of controlEvents(control, span.from, span.to, staffing, random)) {
      batch.push({
        content: { kind: "link", url: event.url },
        metadata: { title: event.title, controls: [control.ref], forDate: event.day },
      });
    }
  }
  const periods = calendarPeriods(control, span.from, span.to);
  let files = 0;
  for (const [index, period] of periods.entries()) {
    const meta = {
      title: `${control.title}: ${period.to}`,
      controls: [control.ref],
      from: period.from,
      to: period.to,
    };
    if (control.frequency === "annual" || control.frequency === "quarterly") {
      // Reviews and sign-offs are documents: store them as files.
      const body = `${control.title}\nPeriod: ${period.from} to ${period.to}\nReviewed and signed off by ${actor.name}.\n`;
      const content = Readable.from([Buffer.from(body)]);
      const fileName = `${control.ref.toLowerCase()}-${period.to}.txt`;
      await addEvidence(
        ctx,
        actor,
        { kind: "file", content, fileName, mediaType: "text/plain" },
        meta,
      );
      files += 1;
    } else if (control.automation === "automated") {
      const record = {
        kind: `northwind.${control.ref.toLowerCase()}`,
        data: { passing: true, checkedAt: period.to, run: index + 1 },
      };
      batch.push({
        content: { kind: "record", record },
        metadata: { ...meta, source: "automated" },
      });
    } else {
      const url = `https://tracker.northwind.example/${control.ref.toLowerCase()}/${period.to}`;
      batch.push({ content: { kind: "link", url }, metadata: meta });
    }
  }
  if (batch.length > 0) await addEvidenceBatch(ctx, actor, batch);
  return files + batch.length;
}

export async function loadDemo(
  ctx: ServiceContext,
  principal: Principal,
  options: { baseUrl?: string } = {},
): Promise<DemoSummary> {
  const existing = await read(ctx.db, (tx) => listAllOrganizations(tx));
  if (existing.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      "the demo needs an empty data directory; point ATTEST_DATA_DIR (or DATABASE_URL) elsewhere",
    );
  }
  // The operator sets up the installation and its accounts; the people do the rest.
  const { organization } = await createOrganization(ctx, principal, {
    name: "Northwind Analytics",
    systemName: "Northwind Insights Platform",
    timeZone: TIME_ZONE,
    categories: ["security", "availability", "confidentiality"],
  });
  const people = await addDemoPeople(ctx, organization, options.baseUrl ?? "");
  const maya = people.staff.maya;
  // CC6.4 (physical access) stays relevant: Northwind has no premises (AS-02 does not
  // apply), and relies on AWS's data centres, a carved-out subservice organization whose
  // complementary control the description names, reviewed yearly under AS-03.

  const today = localDate(ctx.now(), TIME_ZONE);
  const span = { from: addDays(today, -365), to: today };
  const random = counter(20261127);
  const staffing: Staffing = {
    hires: workingDays(HIRES_A_YEAR, span.from, span.to, random),
    leavers: workingDays(LEAVERS_A_YEAR, span.from, span.to, random),
  };
  let evidenceCount = 0;
  let implemented = 0;
  const controls = await listControls(ctx, maya);
  for (const control of controls) {
    const ownerKey = OWNERS[control.ownerRole ?? "security"] ?? "sam";
    const owner = STAFF[ownerKey].email;
    if (NOT_APPLICABLE[control.ref] !== undefined) {
      await updateControl(ctx, maya, control.ref, {
        status: "not-applicable",
        reason: NOT_APPLICABLE[control.ref],
        owner,
      });
      continue;
    }
    const status = NOT_STARTED.has(control.ref)
      ? "not-started"
      : IN_PROGRESS.has(control.ref)
        ? "in-progress"
        : "implemented";
    await updateControl(ctx, maya, control.ref, { status, owner });
    if (status !== "implemented") continue;
    implemented += 1;
    evidenceCount += await addControlEvidence(
      ctx,
      people.staff[ownerKey],
      control,
      span,
      staffing,
      random,
    );
  }

  // The last six full calendar months.
  const [year, month] = today.split("-").map(Number) as [number, number];
  const endMonthStart = `${year}-${String(month).padStart(2, "0")}-01`;
  const periodTo = addDays(endMonthStart, -1);
  const startIndex = year * 12 + (month - 1) - 6;
  const periodFrom = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, "0")}-01`;
  const engagement = await createEngagement(ctx, maya, {
    type: 2,
    from: periodFrom,
    to: periodTo,
    auditFirm: "Ledger & Co CPAs",
  });
  const handle = `E-${engagement.number}`;
  await assignAuditor(ctx, maya, handle, people.auditor.id);
  const dana: Actor = { ...people.auditor, engagements: [engagement.id] };
  for (let step = 0; step < 3; step += 1) await advanceEngagement(ctx, maya, handle);
  const seed = "northwind-demo";
  const notInPlace = new Set([...NOT_STARTED, ...IN_PROGRESS]);
  const period = { from: periodFrom, to: periodTo };
  // The hand-made requests first, then the pull requests exported from GitHub as
  // CM-02's population, accepted before the draw, which asks Lee for each one it samples.
  const requests = await loadDemoRequests(ctx, dana, handle, people.staff, period, today);
  const lee = people.staff.lee;
  const population = await importDemoPopulation(ctx, lee, dana, handle, period);
  let occurrences = 0;
  const fieldwork = await testAsAuditor(
    ctx,
    dana,
    handle,
    seed,
    periodTo,
    today,
    notInPlace,
    async (sample) => {
      occurrences = await answerDemoOccurrences(
        ctx,
        lee,
        dana,
        handle,
        population,
        sample.requests,
      );
    },
  );
  await respondToException(ctx, maya, handle, {
    ...fieldwork.exception,
    response:
      "Branch protection had been switched off on one repository while it moved to a new " +
      "GitHub organization, and was not switched back on. It now blocks merges without an " +
      "approval, and a weekly check alerts on any repository without it.",
  });
  const report = await carryDemoToReport(ctx, maya, dana, handle, periodTo, today);
  const policies = await loadDemoPolicies(ctx, maya, Object.values(people.staff));
  // After the report, so the engagement's populations and sample are those of the evidence above.
  const risks = await loadDemoRisks(ctx, maya, ["security", "availability", "confidentiality"]);
  const training = await loadDemoTraining(ctx, maya, people.staff.jo, today);
  // After the final report, whose DC7 stays as issued; the next draft takes it from here.
  const vendors = await loadDemoVendors(ctx, maya, TIME_ZONE);
  // Last, like the risks: the register's hires and leavers would otherwise be the population
  // of the joiner and leaver controls, which the sample above drew from the evidence.
  const register = await loadDemoRegister(ctx, maya, TIME_ZONE);
  await loadDemoRegisterTraining(ctx, maya, today);
  const findings = await loadDemoFindings(ctx, maya, people.staff.sam, today);
  const checks = await loadDemoChecks(ctx, maya);
  // The availability monitor: two endpoints with their history and last month filed.
  const monitors = await loadDemoMonitors(ctx, maya);
  // Access reviews (issue 16 part 3): after the register, whose leavers they flag; the
  // completed one after the engagement's period, so the issued report's population stands.
  const accessReviews = await loadDemoAccessReviews(ctx, maya, people.staff, TIME_ZONE);
  return {
    report,
    organization: organization.slug,
    accounts: people.accounts,
    controls: controls.length,
    implemented,
    evidence: evidenceCount,
    engagement: handle,
    seed,
    sampledItems: fieldwork.sampledItems,
    exception: fieldwork.exception,
    policies,
    risks,
    requests,
    imported: { control: population.control, rows: population.rows, requests: occurrences },
    training,
    vendors,
    register,
    findings,
    checks,
    monitors,
    accessReviews,
  };
}
