/**
 * `attest demo`: a believable company to look around in. Northwind Analytics (fictional) has
 * security, availability and confidentiality in scope, most controls implemented, a year of
 * evidence, and a Type 2 engagement over the last six full months, sampled and tested, with
 * one exception in change management and management's response to it, carried to a final
 * report with the auditor's recorded opinion, shared with a customer (demo-report.ts), and a
 * risk register from the starter library with this year's assessment (demo-risks.ts).
 */

import { Readable } from "node:stream";
import { listAllOrganizations } from "../../db/organizations.repo.ts";
import { read } from "../../db/transaction.ts";
import type { Actor, Principal } from "../../domain/actor.ts";
import { actorIn } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { evidenceCadence } from "../../domain/freshness.ts";
import { addDays, daysBetween, expectedOccurrences, localDate } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listControls, updateControl } from "../program/controls.service.ts";
import { advanceEngagement, createEngagement } from "../fieldwork/engagements.service.ts";
import { addEvidence } from "../program/evidence.service.ts";
import { createOrganization } from "../access/organizations.service.ts";
import { drawEngagementSample } from "../fieldwork/sampling.service.ts";
import {
  recordControlTest,
  recordItemResult,
  respondToException,
} from "../fieldwork/testing.service.ts";
import { markCriterionNotRelevant } from "../program/scope.service.ts";
import type { Control } from "../../domain/control.ts";
import { auditorAccount, carryDemoToReport } from "./demo-report.ts";
import type { DemoReport } from "./demo-report.ts";
import { loadDemoRisks } from "./demo-risks.ts";
import type { DemoRisks } from "./demo-risks.ts";

const TIME_ZONE = "America/New_York";
const AUDITOR = "Dana Whitfield (Ledger & Co)";
const NOT_STARTED = new Set(["GV-12", "RM-08", "BC-10"]);
const IN_PROGRESS = new Set(["HR-04", "OP-07", "CF-07", "AS-06"]);
const NOT_APPLICABLE: Record<string, string> = {
  "AS-02": "Northwind is fully remote: there is no office whose entry needs controlling.",
};
const OWNERS: Record<string, string> = {
  leadership: "maya@northwind.example",
  security: "sam@northwind.example",
  engineering: "lee@northwind.example",
  it: "ravi@northwind.example",
  people: "jo@northwind.example",
  legal: "maya@northwind.example",
  privacy: "sam@northwind.example",
  operations: "lee@northwind.example",
  finance: "maya@northwind.example",
};

export interface DemoSummary {
  report: DemoReport;
  organization: string;
  controls: number;
  implemented: number;
  evidence: number;
  engagement: string;
  seed: string;
  sampledItems: number;
  exception: { control: string; item: string };
  risks: DemoRisks;
}

/** A small deterministic generator, so the demo looks the same every time. */
function counter(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function evidencePeriods(control: Control, from: string, to: string, random: () => number) {
  const cadence = evidenceCadence(control.frequency);
  if (cadence === null) {
    // Event-driven: a realistic trickle of events, a few a month.
    const days = Array.from({ length: 14 + Math.floor(random() * 20) }, () =>
      addDays(from, Math.floor(random() * 365)),
    ).filter((d) => d <= to);
    return [...new Set(days)].sort().map((d) => ({ from: d, to: d }));
  }
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

async function addControlEvidence(
  ctx: ServiceContext,
  actor: Actor,
  control: Control,
  periods: { from: string; to: string }[],
): Promise<number> {
  for (const [index, period] of periods.entries()) {
    const meta = {
      title: `${control.title}: ${period.to}`,
      controls: [control.ref],
      from: period.from,
      to: period.to,
    };
    if (control.frequency === "annual" || control.frequency === "quarterly") {
      // Reviews and sign-offs are documents: store them as files.
      const body = `${control.title}\nPeriod: ${period.from} to ${period.to}\nReviewed and signed off.\n`;
      const content = Readable.from([Buffer.from(body)]);
      const fileName = `${control.ref.toLowerCase()}-${period.to}.txt`;
      await addEvidence(
        ctx,
        actor,
        { kind: "file", content, fileName, mediaType: "text/plain" },
        meta,
      );
    } else if (control.automation === "automated") {
      const record = {
        kind: `northwind.${control.ref.toLowerCase()}`,
        data: { passing: true, checkedAt: period.to, run: index + 1 },
      };
      await addEvidence(ctx, actor, { kind: "record", record }, { ...meta, source: "automated" });
    } else {
      const url = `https://tracker.northwind.example/${control.ref.toLowerCase()}/${period.to}`;
      await addEvidence(ctx, actor, { kind: "link", url }, meta);
    }
  }
  return periods.length;
}

export async function loadDemo(ctx: ServiceContext, principal: Principal): Promise<DemoSummary> {
  const existing = await read(ctx.db, (tx) => listAllOrganizations(tx));
  if (existing.length > 0) {
    throw new AppError(
      "INVALID_STATE",
      "the demo needs an empty data directory; point ATTEST_DATA_DIR (or DATABASE_URL) elsewhere",
    );
  }
  const { organization } = await createOrganization(ctx, principal, {
    name: "Northwind Analytics",
    systemName: "Northwind Insights Platform",
    timeZone: TIME_ZONE,
    categories: ["security", "availability", "confidentiality"],
  });
  const actor = actorIn(principal, organization.id, "owner");
  await markCriterionNotRelevant(ctx, actor, {
    criterion: "CC6.4",
    reason:
      "No offices or server rooms: production runs on AWS, whose SOC 2 covers physical access (carved out).",
  });

  const today = localDate(ctx.now(), TIME_ZONE);
  const yearAgo = addDays(today, -365);
  const random = counter(20261127);
  let evidenceCount = 0;
  let implemented = 0;
  const controls = await listControls(ctx, actor);
  for (const control of controls) {
    const owner = OWNERS[control.ownerRole ?? "security"] ?? OWNERS.security;
    if (NOT_APPLICABLE[control.ref] !== undefined) {
      await updateControl(ctx, actor, control.ref, {
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
    await updateControl(ctx, actor, control.ref, { status, owner });
    if (status !== "implemented") continue;
    implemented += 1;
    evidenceCount += await addControlEvidence(
      ctx,
      actor,
      control,
      evidencePeriods(control, yearAgo, today, random),
    );
  }

  // The last six full calendar months.
  const [year, month] = today.split("-").map(Number) as [number, number];
  const endMonthStart = `${year}-${String(month).padStart(2, "0")}-01`;
  const periodTo = addDays(endMonthStart, -1);
  const startIndex = year * 12 + (month - 1) - 6;
  const periodFrom = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, "0")}-01`;
  const engagement = await createEngagement(ctx, actor, {
    type: 2,
    from: periodFrom,
    to: periodTo,
    auditFirm: "Ledger & Co CPAs",
    auditors: ["Dana Whitfield", "Omar Reyes"],
  });
  const handle = `E-${engagement.number}`;
  for (let step = 0; step < 3; step += 1) await advanceEngagement(ctx, actor, handle);
  // The auditor draws the sample, never the company.
  const dana = { ...(await auditorAccount(ctx, actor, handle)), engagements: [engagement.id] };
  const seed = "northwind-demo";
  const sample = await drawEngagementSample(ctx, dana, handle, { seed });
  const testedOn = addDays(periodTo, 20) < today ? addDays(periodTo, 20) : today;
  let sampledItems = 0;
  let exception: DemoSummary["exception"] | undefined;
  for (const drawn of sample.controls) {
    // Controls not yet operating have no evidence for their items: the auditor has not
    // concluded on them, and the demo leaves them not tested rather than invent results.
    const evidenced = drawn.items.every((key) =>
      drawn.population.some((p) => p.key === key && p.evidence.length > 0),
    );
    if (drawn.items.length === 0) continue;
    if (!evidenced) {
      // A control not yet in operation had no occurrences to inspect: the auditor says so
      // rather than test it, as real reports do, and it carries no conclusion.
      await recordControlTest(ctx, actor, handle, {
        control: drawn.controlRef,
        methods: ["inquiry"],
        procedure:
          "Inquired of management and inspected the control's status: the control was not yet " +
          "in operation during the period, so there were no occurrences to test. No test of " +
          "operating effectiveness was performed.",
        tester: AUDITOR,
        testedOn,
      });
      continue;
    }
    await recordControlTest(ctx, actor, handle, {
      control: drawn.controlRef,
      methods:
        drawn.automation === "automated"
          ? ["inspection", "re-performance"]
          : ["inquiry", "inspection"],
      procedure: `Inspected the sampled ${drawn.frequency} occurrences against the control's test procedure.`,
      tester: AUDITOR,
      testedOn,
    });
    for (const item of drawn.items) {
      sampledItems += 1;
      const fails = exception === undefined && drawn.controlRef === "CM-02";
      await recordItemResult(ctx, actor, handle, {
        control: drawn.controlRef,
        item,
        tester: AUDITOR,
        result: fails ? "exception" : "pass",
        ...(fails
          ? {
              description:
                "The change was merged and deployed without a second reviewer's approval on the pull request.",
            }
          : {}),
      });
      if (fails) exception = { control: drawn.controlRef, item };
    }
  }
  if (exception === undefined)
    throw new AppError("INTERNAL", "the demo sample held no change to test");
  await respondToException(ctx, actor, handle, {
    ...exception,
    response:
      "The reviewer requirement had been switched off during an incident and not restored. " +
      "Branch protection now blocks merges without an approval, and a weekly check alerts on any exemption.",
  });
  const report = await carryDemoToReport(ctx, actor, dana, handle, periodTo, today);
  // Last, so the engagement's populations and sample are those of the evidence above.
  const risks = await loadDemoRisks(ctx, actor, ["security", "availability", "confidentiality"]);
  return {
    report,
    organization: organization.slug,
    controls: controls.length,
    implemented,
    evidence: evidenceCount,
    engagement: handle,
    seed,
    sampledItems,
    exception,
    risks,
  };
}
