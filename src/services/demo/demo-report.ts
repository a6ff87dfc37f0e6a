/**
 * The second half of `attest demo`: Northwind's engagement carried from fieldwork to a final,
 * shared report. The auditor (a fictional firm) has an account of her own, assigned to the
 * engagement: she records her opinion and reviews the draft as herself, never the company.
 */
import { randomBytes } from "node:crypto";
import type { Actor } from "../../domain/actor.ts";
import { AppError } from "../../domain/errors.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { advanceEngagement } from "../fieldwork/engagements.service.ts";
import { acceptInvitation, createInvitation } from "../access/invitations.service.ts";
import { assignAuditor, listMembers } from "../access/members.service.ts";
import {
  approveAssertion,
  recordOpinion,
  updateSystemDescription,
} from "../reporting/report-draft.service.ts";
import { openReviewThread, replyToThread } from "../reporting/report-review.service.ts";
import { createShareLink } from "../reporting/report-sharing.service.ts";
import { finalizeReport } from "../reporting/report-versions.service.ts";

const AUDITOR_EMAIL = "dana@ledger-co.example";

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

const OPINION_TEXT =
  "To the management of Northwind Analytics:\n\n" +
  "(Demo data: a fictional opinion entered by the demo's fictional auditor to show how a " +
  "recorded opinion appears. Attest never writes an opinion.)\n\n" +
  "We examined Northwind's description of its Insights Platform and the suitability of the " +
  "design and operating effectiveness of the controls stated in it for the period under " +
  "review. In our opinion, in all material respects, the description presents the system as " +
  "designed and implemented, and the controls were suitably designed and operated effectively " +
  "to meet the applicable criteria. The exception described in section IV does not change " +
  "this opinion.\n\nLedger & Co CPAs";

/** The auditor's own account: invited, accepted, assigned to the engagement. */
export async function auditorAccount(
  ctx: ServiceContext,
  owner: Actor,
  handle: string,
): Promise<Actor> {
  const quiet = { ...ctx, mailer: null };
  const { link } = await createInvitation(
    quiet,
    owner,
    { email: AUDITOR_EMAIL, role: "auditor" },
    null,
  );
  if (link === null) throw new AppError("INTERNAL", "the demo invitation gave no link");
  // Nobody knows this password; the operator can hand Dana a reset link (attest users).
  const password = `${randomBytes(18).toString("base64url")}-Aa1`;
  await acceptInvitation(
    quiet,
    link.slice(link.lastIndexOf("/") + 1),
    { name: "Dana Whitfield", password },
    undefined,
    {
      address: null,
      userAgent: "attest demo",
    },
  );
  const member = (await listMembers(ctx, owner)).find((m) => m.user.email === AUDITOR_EMAIL);
  if (member === undefined) throw new AppError("INTERNAL", "the demo auditor did not join");
  await assignAuditor(ctx, owner, handle, member.user.id);
  return {
    kind: "user",
    id: member.user.id,
    name: member.user.name,
    email: AUDITOR_EMAIL,
    organizationId: owner.organizationId,
    role: "auditor",
  };
}

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
  await recordOpinion(ctx, dana, handle, { type: "unmodified", text: OPINION_TEXT });
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
  const issueDate = addDays(periodTo, 30) < today ? addDays(periodTo, 30) : today;
  const version = await finalizeReport(ctx, owner, handle, { issueDate });
  const shared = await createShareLink(ctx, owner, handle, {
    recipient: "Contoso Retail (vendor review)",
    days: 30,
  });
  return {
    version: version.version,
    issueDate: version.issueDate,
    auditor: AUDITOR_EMAIL,
    shareLink: shared.url,
  };
}
