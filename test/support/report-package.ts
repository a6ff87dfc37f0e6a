/**
 * A realistic report package for renderer tests, built from the shipped catalog so that it has
 * the size and shape of a real one: Northwind Analytics (fictional), security, availability and
 * confidentiality in scope, one exception in change management (CM-02, under CC8.1) with
 * management's response. Options give the Type 1 variant and a recorded opinion.
 */
import { CONTROL_TEMPLATES } from "../../src/catalog/controls/index.ts";
import { criteriaInCategories } from "../../src/catalog/index.ts";
import type { CategoryId, ControlTemplate } from "../../src/catalog/types.ts";
import type {
  AuditorOpinion,
  DescriptionGap,
  PackageControl,
  PackageCriterion,
  ReportPackage,
  SystemDescriptionContent,
} from "../../src/domain/report.ts";
import type { ControlConclusion, TestMethod } from "../../src/domain/test-results.ts";

export interface ReportPackageOptions {
  type?: 1 | 2;
  opinion?: boolean;
  state?: "draft" | "final";
  gaps?: DescriptionGap[];
}

export const EXCEPTION_CONTROL = "CM-02";
export const EXCEPTION_ITEM_LABEL = "pull request #4821 merged on 2026-03-14";
export const EXCEPTION_CRITERION = "CC8.1";
export const EXCEPTION_DESCRIPTION =
  "Pull request 4821 (billing export fix) was merged by its author without a recorded " +
  "approval from a second engineer.";
export const MANAGEMENT_RESPONSE =
  "The author used an emergency bypass during an incident and the retrospective review was " +
  "never recorded. The change was reviewed after the fact on 2026-04-02 and found correct. " +
  "Emergency bypasses now open a ticket that blocks the next release until a reviewer signs off.";

const CATEGORIES: CategoryId[] = ["security", "availability", "confidentiality"];
const NOT_RELEVANT = "CC6.4";
const SAMPLE_BY_FREQUENCY: Record<string, [number, number]> = {
  continuous: [1, 1],
  daily: [181, 25],
  weekly: [26, 5],
  monthly: [6, 2],
  quarterly: [2, 2],
  annual: [1, 1],
  "event-driven": [120, 15],
};

function methodsFor(t: ControlTemplate): TestMethod[] {
  if (t.automation === "automated") return ["inspection", "re-performance"];
  if (t.frequency === "event-driven") return ["inquiry", "inspection"];
  return ["inquiry", "observation", "inspection"];
}

function control(t: ControlTemplate, type: 1 | 2): PackageControl {
  const methods = methodsFor(t);
  const test = {
    methods,
    procedure: t.testProcedure,
    tester: "Dana Whitfield (Ledger & Co)",
    enteredBy: null,
    testedOn: "2026-07-09",
    designNotes: type === 1 ? "Design walked through with the control owner." : null,
  };
  if (type === 1) {
    return {
      ref: t.id,
      title: t.title,
      description: t.description,
      frequency: t.frequency,
      automation: t.automation,
      testProcedure: t.testProcedure,
      conclusion: "suitably-designed",
      test,
      population: 0,
      sampleSize: 0,
      deviations: 0,
      result: "",
      exceptions: [],
    };
  }
  const [population, sampleSize] = SAMPLE_BY_FREQUENCY[t.frequency] ?? [1, 1];
  const failing = t.id === EXCEPTION_CONTROL;
  return {
    ref: t.id,
    title: t.title,
    description: t.description,
    frequency: t.frequency,
    automation: t.automation,
    testProcedure: t.testProcedure,
    conclusion: failing ? "exception-noted" : "operating-effectively",
    test,
    population,
    sampleSize,
    deviations: failing ? 1 : 0,
    result: failing ? `1 deviation in ${sampleSize} items.` : "No exceptions noted.",
    exceptions: failing
      ? [
          {
            item: "PR-4821 (2026-03-14)",
            label: EXCEPTION_ITEM_LABEL,
            description: EXCEPTION_DESCRIPTION,
            managementResponse: MANAGEMENT_RESPONSE,
            respondedAt: "2026-07-12T15:04:00.000Z",
          },
        ]
      : [],
  };
}

function criteria(type: 1 | 2): PackageCriterion[] {
  const worst: ControlConclusion = type === 1 ? "design-deficiency" : "exception-noted";
  const good: ControlConclusion = type === 1 ? "suitably-designed" : "operating-effectively";
  // A criterion marked not relevant (DC8) is not listed among the criteria with controls.
  return criteriaInCategories(CATEGORIES)
    .filter((c) => c.id !== NOT_RELEVANT)
    .map((c) => {
      const controls = CONTROL_TEMPLATES.filter((t) => t.criteria.includes(c.id)).map((t) =>
        control(t, type),
      );
      return {
        id: c.id,
        label: c.label,
        category: c.category,
        conclusion: controls.some((x) => x.conclusion === worst) ? worst : good,
        controls,
      };
    });
}

export function northwindDescription(): SystemDescriptionContent {
  const owner = "sam@northwind.example";
  return {
    services:
      "Northwind Analytics provides a hosted analytics platform: customers send event data " +
      "through an ingestion API, Northwind stores it in a per-customer warehouse, and customers " +
      "query it through dashboards and a SQL console.\n\nThis report covers the platform and " +
      "its supporting processes. Professional services and the on-premises connector are not " +
      "in scope.",
    commitments: [
      "Customer data is encrypted in transit and at rest.",
      "The platform is available 99.9% of each calendar month, excluding announced maintenance.",
      "Customer data is deleted within 30 days of contract termination.",
    ],
    systemRequirements: [
      "Access to production is limited to on-call engineers with hardware-key MFA.",
      "Every change to production code is reviewed by a second engineer before merge.",
      "Backups are taken daily and restored in a test at least quarterly.",
    ],
    components: {
      infrastructure: [
        {
          name: "Cloud hosting (AWS us-east-1, us-west-2)",
          description: "Compute, managed PostgreSQL, object storage and networking.",
          owner: "lee@northwind.example",
        },
        {
          name: "Edge network",
          description: "CDN and web application firewall in front of the API and dashboards.",
          owner: "lee@northwind.example",
        },
      ],
      software: [
        {
          name: "Ingestion API",
          description: "Receives customer events, validates them and queues them for loading.",
          owner: "lee@northwind.example",
        },
        {
          name: "Warehouse loader and query service",
          description:
            "Loads queued events into each customer's warehouse and serves dashboard and SQL " +
            "queries with per-customer isolation.",
          owner: "lee@northwind.example",
        },
      ],
      people: [
        { name: "Engineering", description: "Builds and runs the platform (14 people).", owner },
        {
          name: "Security and IT",
          description: "Access reviews, endpoint management, incident response.",
          owner,
        },
        {
          name: "Leadership",
          description: "CEO, CTO and the advisory board.",
          owner: "maya@northwind.example",
        },
      ],
      procedures: [
        {
          name: "Change management",
          description: "Pull requests, peer review, CI checks and release approval.",
          owner: "lee@northwind.example",
        },
        {
          name: "Access management",
          description: "Role-based access, joiner/mover/leaver process and quarterly reviews.",
          owner: "ravi@northwind.example",
        },
      ],
      data: [
        {
          name: "Customer event data",
          description: "Events sent by customers, possibly including personal data of their users.",
          owner,
        },
        {
          name: "Customer account data",
          description: "Names, emails and billing details of customer administrators.",
          owner: "maya@northwind.example",
        },
      ],
    },
    boundaries:
      "The system consists of the production AWS accounts, the code repositories and CI, the " +
      "identity provider and the people and procedures listed above. Customer networks, " +
      "customer devices and the on-premises connector are outside the boundary.",
    incidents: [],
    noIncidents: true,
    cuecs: [
      {
        text: "Customers manage their own users' access to dashboards and remove leavers promptly.",
        criteria: ["CC6.2", "CC6.3"],
      },
      {
        text: "Customers keep their API keys secret and rotate them if exposed.",
        criteria: ["CC6.1"],
      },
    ],
    subservices: [
      {
        name: "Amazon Web Services",
        services: "Data center hosting, physical security, managed database and storage.",
        method: "carve-out",
        csocs: [
          {
            text: "Physical access to data centers is restricted to authorized personnel.",
            criteria: ["CC6.4"],
          },
          {
            text: "Storage media are destroyed securely at the end of their life.",
            criteria: ["CC6.5", "C1.2"],
          },
        ],
      },
    ],
    noSubservices: false,
    changes: [
      {
        date: "2026-03-01",
        description:
          "Moved the identity provider from Google Workspace to Okta, with hardware keys.",
      },
    ],
    noChanges: false,
    noCuecs: false,
  };
}

/** Renderers take the package as given; the fixture's sign-offs name a fixed digest. */
const FIXTURE_DIGEST = "0".repeat(64);

function opinionFor(): AuditorOpinion {
  return {
    type: "unmodified",
    firm: "Ledger & Co",
    city: "Boston, Massachusetts",
    date: "2026-07-20",
    criteriaNotMet: [],
    basisForModification: null,
    contentSha256: FIXTURE_DIGEST,
    text:
      "[The service auditor's opinion, as entered by the auditor.]\n\nThis fixture text stands " +
      "in for the opinion an auditor would record in Attest.",
    recordedBy: "dana@ledger.example",
    recordedByName: "Dana Whitfield",
    recordedAt: "2026-07-20T10:00:00.000Z",
  };
}

export function buildReportPackage(options: ReportPackageOptions = {}): ReportPackage {
  const type = options.type ?? 2;
  const state = options.state ?? (options.opinion === true ? "final" : "draft");
  return {
    version: state === "final" ? 1 : 2,
    contentSha256: FIXTURE_DIGEST,
    voidedSignOffs: [],
    state,
    issueDate: state === "final" ? "2026-07-21" : null,
    generatedAt: "2026-07-15T09:30:00.000Z",
    organization: { name: "Northwind Analytics", systemName: "Northwind Analytics Platform" },
    engagement: {
      id: "0b6c2f4e-2d0a-4d4e-9a55-6f1f8c3b7a10",
      label: type === 1 ? "Type 1 2026" : "Type 2 H1 2026",
      type,
      asOf: type === 1 ? "2026-06-30" : null,
      periodFrom: type === 2 ? "2026-01-01" : null,
      periodTo: type === 2 ? "2026-06-30" : null,
      categories: CATEGORIES,
      auditFirm: "Ledger & Co",
    },
    opinion: options.opinion === true ? opinionFor() : null,
    assertion: {
      text:
        "We, the management of Northwind Analytics, have prepared the accompanying description " +
        "of Northwind Analytics Platform.\n\nWe confirm, to the best of our knowledge and " +
        "belief, that the description presents the system as designed and implemented.",
      generated: false,
      approval: {
        by: "maya@northwind.example",
        name: "Maya Chen",
        at: "2026-07-14T16:00:00.000Z",
        contentSha256: FIXTURE_DIGEST,
      },
      updatedAt: "2026-07-14T15:00:00.000Z",
    },
    description: northwindDescription(),
    descriptionGaps: options.gaps ?? [],
    notRelevant: [
      {
        criterionId: NOT_RELEVANT,
        reason: "Northwind is fully remote and runs no facilities; AWS's controls apply (DC7).",
      },
    ],
    criteria: criteria(type),
    otherInformation:
      "Northwind plans to add the privacy category to next year's examination.\n\nThe status " +
      "page at status.northwind.example reports availability monthly.",
    signingKey: {
      algorithm: "Ed25519",
      publicKey: "MCowBQYDK2VwAyEAq3Zr8m1v0yYJ0nQx8Yw4c2d6R9t7s5u3w1e0f2g4h6i=",
      fingerprint: "SHA256:9f2c4a1b7e3d5f6a8b0c2d4e6f8a0b1c3d5e7f9a",
    },
  };
}

/** A large package (for trying the renderers' speed by hand, not in tests). */
export function largeReportPackage(controls = 150, criteriaCount = 60): ReportPackage {
  const base = buildReportPackage();
  const templates = CONTROL_TEMPLATES;
  const all = base.criteria;
  const out: PackageCriterion[] = [];
  for (let i = 0; i < criteriaCount; i++) {
    const c = all[i % all.length]!;
    const list: PackageControl[] = [];
    for (let j = 0; j < Math.ceil((controls * 3) / criteriaCount); j++) {
      const t = templates[(i * 7 + j) % templates.length]!;
      list.push({ ...control(t, 2), ref: `${t.id}-${(i + j) % controls}` });
    }
    out.push({ ...c, id: `${c.id}.${i}`, controls: list });
  }
  return { ...base, criteria: out };
}
