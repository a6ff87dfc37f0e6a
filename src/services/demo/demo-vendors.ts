/**
 * The demo's vendor inventory: twelve vendors Northwind uses, AWS as its carved-out subservice
 * organization (the controls relied on as the description names them), each critical or
 * important vendor with its assurance report and CUECs, nearly all mapped to Northwind's
 * controls, a yearly review for most, and one vendor flagged: its SOC 2 report's period ended
 * fourteen months ago and no bridge letter covers the time since.
 */
import { Readable } from "node:stream";
import type { Actor } from "../../domain/actor.ts";
import { addMonths, addDays, localDate } from "../../domain/periods.ts";
import { reviewChecklist } from "../../domain/vendor.ts";
import type { VendorTier } from "../../domain/vendor.ts";
import type { ServiceContext } from "../platform/context.ts";
import { addBridgeLetter, addVendorReport, mapCuec } from "../program/vendor-reports.service.ts";
import { recordVendorReview } from "../program/vendor-reviews.service.ts";
import { createVendor } from "../program/vendors.service.ts";
import type { CreateVendorInput } from "../program/vendor-inputs.ts";

export interface DemoVendors {
  vendors: number;
  reports: number;
  /** The vendor whose report is flagged, as "V-n Name". */
  flagged: string;
}

interface DemoVendor {
  vendor: CreateVendorInput & { tier: VendorTier };
  /** Months between the report's period end and today; no report when undefined. */
  reportEndedMonthsAgo?: number;
  type?: "soc2-type2" | "iso27001";
  /** Each CUEC with the controls that address it (none: left unmapped). */
  cuecs?: [string, string[]][];
  bridge?: boolean;
  reviewed?: boolean;
}

const VENDORS: DemoVendor[] = [
  {
    vendor: {
      name: "Amazon Web Services",
      service: "Hosting, databases, storage and backups",
      tier: 1,
      owner: "lee@northwind.example",
      dataShared: ["customer-data", "personal-data", "credentials"],
      subservice: "carve-out",
      // As the report's description names them (demo-report.ts).
      reliedControls: [
        {
          text: "Physical access to data centres is restricted to authorized staff.",
          criteria: ["CC6.4"],
        },
        {
          text: "Hardware is maintained, and capacity and power are kept available.",
          criteria: ["A1.2"],
        },
      ],
      website: "https://aws.amazon.com",
    },
    reportEndedMonthsAgo: 2,
    cuecs: [
      ["Customers control who can sign in to their cloud accounts.", ["AC-01", "AC-02"]],
      ["Customers turn on encryption for the storage they create.", ["AC-10"]],
      ["Customers back up their own data where they need it.", ["BC-04"]],
    ],
    reviewed: true,
  },
  {
    vendor: {
      name: "GitHub",
      service: "Source code hosting, code review and CI",
      tier: 1,
      owner: "lee@northwind.example",
      dataShared: ["source-code", "credentials"],
      website: "https://github.com",
    },
    reportEndedMonthsAgo: 4,
    bridge: true,
    cuecs: [
      ["Customers protect the branches that deploy to production.", ["CM-03"]],
      ["Customers manage the secrets stored for their workflows.", ["AC-09"]],
    ],
    reviewed: true,
  },
  {
    vendor: {
      name: "Google Workspace",
      service: "Email, documents and the company directory",
      tier: 1,
      owner: "sam@northwind.example",
      dataShared: ["employee-data", "business-confidential", "personal-data"],
      website: "https://workspace.google.com",
    },
    reportEndedMonthsAgo: 2,
    cuecs: [
      ["Customers require two-step verification for their users.", ["AC-02"]],
      ["Customers remove the accounts of people who leave.", ["AC-05"]],
    ],
    reviewed: true,
  },
  {
    vendor: {
      name: "Okta",
      service: "Single sign-on for staff",
      tier: 1,
      owner: "sam@northwind.example",
      dataShared: ["credentials", "employee-data"],
      website: "https://www.okta.com",
    },
    reportEndedMonthsAgo: 5,
    bridge: true,
    cuecs: [["Customers review who holds administrator rights each quarter.", ["AC-06", "AC-07"]]],
    reviewed: true,
  },
  {
    vendor: {
      name: "Stripe",
      service: "Card payments and invoicing",
      tier: 1,
      owner: "maya@northwind.example",
      dataShared: ["financial", "personal-data"],
      website: "https://stripe.com",
    },
    reportEndedMonthsAgo: 2,
    cuecs: [["Customers keep their API keys secret and rotate them.", ["AC-09"]]],
    reviewed: true,
  },
  {
    vendor: {
      name: "Datadog",
      service: "Monitoring, logs and alerting",
      tier: 2,
      owner: "lee@northwind.example",
      dataShared: ["customer-data"],
      website: "https://www.datadoghq.com",
    },
    reportEndedMonthsAgo: 4,
    bridge: true,
    cuecs: [
      ["Customers scrub personal data from the logs they send.", ["OP-06"]],
      // Left unmapped: no Northwind control yet covers who can change monitors.
      ["Customers restrict who can change or mute their monitors.", []],
    ],
    reviewed: true,
  },
  {
    vendor: {
      name: "Slack",
      service: "Team chat",
      tier: 2,
      owner: "ravi@northwind.example",
      dataShared: ["business-confidential"],
      website: "https://slack.com",
    },
    reportEndedMonthsAgo: 2,
    cuecs: [["Customers decide how long messages are kept.", ["CF-05"]]],
    reviewed: true,
  },
  {
    vendor: {
      name: "Sentry",
      service: "Error tracking",
      tier: 2,
      owner: "lee@northwind.example",
      dataShared: ["customer-data"],
      website: "https://sentry.io",
    },
    // The flagged one: its last report's period ended fourteen months ago.
    reportEndedMonthsAgo: 14,
    cuecs: [["Customers filter sensitive fields before events are sent.", ["CF-03"]]],
  },
  {
    vendor: {
      name: "PagerDuty",
      service: "On-call paging",
      tier: 2,
      owner: "lee@northwind.example",
      website: "https://www.pagerduty.com",
    },
    reportEndedMonthsAgo: 6,
    type: "iso27001",
    reviewed: true,
  },
  {
    vendor: {
      name: "Gusto",
      service: "Payroll and benefits",
      tier: 2,
      owner: "jo@northwind.example",
      dataShared: ["employee-data", "financial"],
      website: "https://gusto.com",
    },
    reportEndedMonthsAgo: 4,
    bridge: true,
    cuecs: [["Customers remove payroll administrators who leave.", ["AC-05"]]],
    reviewed: true,
  },
  {
    vendor: {
      name: "Zoom",
      service: "Video meetings",
      tier: 3,
      owner: "ravi@northwind.example",
      website: "https://zoom.us",
    },
    reviewed: true,
  },
  {
    vendor: {
      name: "Linear",
      service: "Issue tracking",
      tier: 3,
      owner: "lee@northwind.example",
      dataShared: ["business-confidential"],
      website: "https://linear.app",
    },
  },
];

const placeholder = (text: string) => ({
  content: Readable.from([Buffer.from(`${text} (demo data: a placeholder, not the report)\n`)]),
  fileName: `${text.toLowerCase().replaceAll(/[^a-z0-9]+/g, "-")}.txt`,
  mediaType: "text/plain",
});

export async function loadDemoVendors(
  ctx: ServiceContext,
  actor: Actor,
  timeZone: string,
): Promise<DemoVendors> {
  const today = localDate(ctx.now(), timeZone);
  let reports = 0;
  let flagged = "";
  for (const demo of VENDORS) {
    const vendor = await createVendor(ctx, actor, demo.vendor);
    if (demo.reportEndedMonthsAgo !== undefined) {
      const to = addMonths(today, -demo.reportEndedMonthsAgo);
      const type = demo.type ?? "soc2-type2";
      const iso = type === "iso27001";
      // An ISO certificate runs three years; a SOC 2 Type 2 covers the year before its end.
      const period = iso
        ? { from: addMonths(to, -12), to: addMonths(to, 24) }
        : { from: addDays(addMonths(to, -12), 1), to };
      const report = await addVendorReport(
        ctx,
        actor,
        vendor.ref,
        {
          type,
          ...period,
          opinion: iso ? null : "unmodified",
          cuecs: (demo.cuecs ?? []).map(([text]) => text),
        },
        placeholder(`${vendor.name} ${iso ? "ISO 27001 certificate" : "SOC 2 Type 2 report"}`),
      );
      reports += 1;
      for (const [index, cuec] of report.cuecs.entries()) {
        const controls = demo.cuecs?.[index]?.[1] ?? [];
        if (controls.length > 0) await mapCuec(ctx, actor, vendor.ref, cuec.ref, { controls });
      }
      if (demo.bridge === true) {
        await addBridgeLetter(
          ctx,
          actor,
          vendor.ref,
          report.ref,
          { from: addDays(to, 1), to: addDays(today, -14) },
          placeholder(`${vendor.name} bridge letter`),
        );
      }
      if (demo.reportEndedMonthsAgo > 12) flagged = `${vendor.ref} ${vendor.name}`;
    }
    if (demo.reviewed === true) {
      const items = reviewChecklist(demo.vendor.tier).map((item) => item.id);
      const unmapped = (demo.cuecs ?? []).some(([, controls]) => controls.length === 0);
      await recordVendorReview(ctx, actor, vendor.ref, {
        checked: unmapped ? items.filter((id) => id !== "report-read") : items,
        outcome: unmapped ? "approved-with-actions" : "approved",
        notes: unmapped
          ? "One CUEC has no control of ours yet: Lee to restrict who can change monitors by next quarter."
          : "",
      });
    }
  }
  return { vendors: VENDORS.length, reports, flagged };
}
