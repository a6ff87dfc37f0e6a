/**
 * The second half of `attest demo`: Northwind's engagement carried from fieldwork to a final,
 * shared report. The auditor (a fictional firm) has an account of her own, assigned to the
 * engagement: she records her opinion and reviews the draft as herself, never the company;
 * Maya, the CEO, answers for Northwind.
 */
import type { Actor } from "../../domain/actor.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { advanceEngagement } from "../fieldwork/engagements.service.ts";
import {
  approveAssertion,
  recordOpinion,
  updateSystemDescription,
} from "../reporting/report-draft.service.ts";
import { openReviewThread, replyToThread } from "../reporting/report-review.service.ts";
import { createShareLink } from "../reporting/report-sharing.service.ts";
import { finalizeReport } from "../reporting/report-versions.service.ts";

export interface DemoReport {
  version: number;
  issueDate: string;
  auditor: string;
  shareLink: string;
}

const DESCRIPTION = {
  services:
    "Northwind Insights Platform is a hosted analytics service for retail and logistics " +
    "companies. Customers upload sales and shipment data, and Northwind turns it into " +
    "dashboards, forecasts and scheduled reports. This report covers the production platform " +
    "and the people and processes that run it; Northwind's consulting services are not included.",
  commitments: [
    "The platform is available 99.9% of each month, outside announced maintenance.",
    "Customer data is encrypted in transit and at rest, and kept in the customer's chosen region.",
    "Customer data is deleted within 30 days of a contract ending.",
    "Security incidents affecting customer data are reported to the customer within 72 hours.",
  ],
  systemRequirements: [
    "Production access needs single sign-on with multi-factor authentication.",
    "Every change to production is reviewed by a second engineer before it is deployed.",
    "Databases are backed up daily, and a restore is tested every quarter.",
    "Access is reviewed each quarter and removed within one business day of a departure.",
  ],
  components: {
    infrastructure: [
      {
        name: "AWS production account (us-east-1, eu-west-1)",
        description: "VPC, EKS, RDS PostgreSQL, S3",
        owner: "lee@northwind.example",
      },
      {
        name: "Cloudflare",
        description: "DNS, TLS termination and web application firewall",
        owner: "lee@northwind.example",
      },
    ],
    software: [
      {
        name: "Insights web application",
        description: "TypeScript services and the customer dashboard",
        owner: "lee@northwind.example",
      },
      {
        name: "Forecasting pipeline",
        description: "Python jobs scheduled on Kubernetes",
        owner: "lee@northwind.example",
      },
      {
        name: "Okta, GitHub, PagerDuty",
        description: "Identity, source control, on-call alerting",
        owner: "ravi@northwind.example",
      },
    ],
    people: [
      {
        name: "Engineering (14)",
        description: "Builds and runs the platform; on call in turn",
        owner: "lee@northwind.example",
      },
      {
        name: "Security and IT (3)",
        description: "Access, endpoints, vendor reviews, incident response",
        owner: "sam@northwind.example",
      },
      {
        name: "Leadership",
        description: "CEO, CTO and Head of People; quarterly security review",
        owner: "maya@northwind.example",
      },
    ],
    procedures: [
      {
        name: "Change management",
        description: "Pull requests, review, automated tests, deploy pipeline",
        owner: "lee@northwind.example",
      },
      {
        name: "Access management",
        description: "Joiner, mover and leaver steps; quarterly reviews",
        owner: "ravi@northwind.example",
      },
      {
        name: "Incident response",
        description: "Runbook, severity levels, post-incident reviews",
        owner: "sam@northwind.example",
      },
    ],
    data: [
      {
        name: "Customer uploads",
        description: "Sales and shipment records; confidential",
        owner: "sam@northwind.example",
      },
      {
        name: "Derived forecasts and reports",
        description: "Confidential to each customer",
        owner: "sam@northwind.example",
      },
    ],
  },
  boundaries:
    "The system is the production AWS account, the Cloudflare configuration, the source " +
    "repositories and deploy pipeline, and the staff and procedures that operate them. " +
    "Employee laptops are in scope for endpoint controls only.",
  incidents: [],
  noIncidents: true,
  cuecs: [
    {
      text: "Customers manage which of their users can sign in, and remove leavers promptly.",
      criteria: ["CC6.2", "CC6.3"],
    },
    {
      text: "Customers check that the data they upload is complete and accurate.",
      criteria: ["CC7.1"],
    },
    {
      text: "Customers report suspected misuse of their accounts to Northwind at once.",
      criteria: ["CC7.3"],
    },
  ],
  subservices: [
    {
      name: "Amazon Web Services",
      services: "Hosting, databases, storage and backups",
      method: "carve-out",
      csocs: [
        {
          text: "Physical access to data centres is restricted to authorized staff.",
          criteria: ["CC6.4"],
        },
        {
          text: "Hardware is maintained, and capacity and power are kept available.",
          criteria: ["A1.2"],
        },
      ],
    },
  ],
  noChanges: false,
  changes: [],
};

/** The demo auditor's further paragraph under Section I's template words. */
const OPINION_OTHER_MATTERS =
  "(Demo data: a fictional opinion recorded by the demo's fictional auditor to show how a " +
  "recorded opinion appears. Attest never writes an opinion.) The exception described in " +
  "section IV does not change this opinion.";

export async function carryDemoToReport(
  ctx: ServiceContext,
  owner: Actor,
  dana: Actor,
  handle: string,
  periodTo: string,
  today: string,
): Promise<DemoReport> {
  await advanceEngagement(ctx, owner, handle);
  await updateSystemDescription(ctx, owner, handle, {
    ...DESCRIPTION,
    changes: [
      {
        date: addDays(periodTo, -75),
        description:
          "Moved the forecasting jobs from virtual machines to the Kubernetes cluster; the " +
          "same change, access and monitoring controls apply.",
      },
    ],
  });
  // The auditor dates the report: the opinion's date is the issue date.
  const issueDate = addDays(periodTo, 30) < today ? addDays(periodTo, 30) : today;
  await recordOpinion(ctx, dana, handle, {
    type: "unmodified",
    city: "Boston, Massachusetts",
    date: issueDate,
    text: OPINION_OTHER_MATTERS,
  });
  const thread = await openReviewThread(ctx, dana, handle, {
    section: "IV",
    item: "CM-02",
    body: "Please say in the response when branch protection was restored.",
  });
  await replyToThread(ctx, owner, handle, `T-${thread.number}`, {
    body: "Restored the day the exception was found; the weekly check has run since.",
  });
  await replyToThread(ctx, dana, handle, `T-${thread.number}`, {
    action: "resolved",
    body: "Thanks, that answers it.",
  });
  await approveAssertion(ctx, owner, handle);
  const version = await finalizeReport(ctx, dana, handle);
  const shared = await createShareLink(ctx, owner, handle, {
    recipient: "Contoso Retail (vendor review)",
    days: 30,
  });
  return {
    version: version.version,
    issueDate: version.issueDate,
    auditor: dana.email ?? "",
    shareLink: shared.url,
  };
}
