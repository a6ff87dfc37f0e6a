import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditTargetOf, checkAuditEventData } from "./audit-events.ts";
import type { AuditAction, AuditEventData } from "./audit-events.ts";
import { auditNamesToLookUp, describeAuditEvent } from "./audit-wording.ts";
import type { AuditNameLookup } from "./audit-wording.ts";

const SHA = "a".repeat(64);
const AT = "2026-03-02T10:00:00.000Z";
const stageMove = {
  from: "remediation",
  to: "fieldwork",
  reason: null,
  frozenControls: 12,
} as const;
const sample = {
  sample: "s-1",
  seed: "seed-1",
  controls: 3,
  items: 25,
  redrawReason: null,
  replaced: null,
};
const letter = { engagement: "E-1", letter: 1, through: "2026-12-31" };
const reply = { engagement: "E-1", thread: "T-2", from: "open", to: "resolved" } as const;

/** One recorded event of every action: the table is keyed by the actions, so it stays whole. */
const EXAMPLES: { [A in AuditAction]: AuditEventData<A> } = {
  "organization.created": {
    name: "Acme",
    systemName: "Acme Cloud",
    timeZone: "Europe/Paris",
    categories: ["security", "availability"],
  },
  "organization.updated": { name: "Acme Inc", requireTotp: true },
  "signing-key.created": { algorithm: "Ed25519", publicKey: "AAAA", fingerprint: "SHA256:xyz" },
  "signing-key.re-encrypted": { fingerprint: "SHA256:xyz", from: null, to: "0123456789ab" },
  "expired.cleared": {
    invitations: [{ id: "i-1", email: "sam@acme.example" }],
    downloadGrants: ["g-1"],
  },
  "scope.category-added": {},
  "scope.category-removed": {
    reason: "Not offered any more.",
    droppedNotRelevant: [
      { criterionId: "A1.3", reason: "No DR site", createdBy: "ana", createdAt: AT },
    ],
  },
  "scope.criterion-not-relevant": { reason: "No physical offices." },
  "scope.criterion-relevant": {},
  "control.created": {
    ref: "AC-99",
    templateId: null,
    title: "Quarterly access review",
    description: "Review access every quarter.",
    kind: "detective",
    automation: "manual",
    frequency: "quarterly",
    ownerRole: "it",
    owner: null,
    status: "not-started",
    statusReason: null,
    suggestedEvidence: [],
    testProcedure: "Inspect the review.",
    criteria: ["CC6.1"],
  },
  "control.adopted": { template: "AC-04", criteria: ["CC6.1", "CC6.2"] },
  "control.updated": {
    changes: {
      status: { from: "in-progress", to: "implemented" },
      owner: { from: null, to: "ana@acme.example" },
    },
    reason: null,
  },
  "control.mapped": { criteria: ["CC6.3"], by: "library" },
  "control.unmapped": { criteria: ["CC6.3"] },
  "catalog-text.imported": { source: "aicpa-2022.json", criteria: ["CC1.1", "CC1.2"], replaced: 0 },
  "evidence.added": {
    kind: "file",
    title: "Access review Q1",
    source: "manual",
    sha256: SHA,
    size: 1200,
    for: { from: "2026-01-01", to: "2026-03-31" },
    controls: ["AC-04"],
  },
  "evidence.linked": { control: "AC-05" },
  "evidence.removed": { reason: "Wrong quarter's export." },
  "engagement.created": {
    id: "e-1",
    number: 1,
    type: 2,
    asOf: null,
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
    categories: ["security"],
    auditFirm: "Prudent & Partners LLP",
    auditors: ["Dana"],
    periodReason: null,
    status: "planning",
  },
  "engagement.advanced": stageMove,
  "engagement.reverted": {
    from: "fieldwork",
    to: "remediation",
    reason: "Scope changed.",
    discardedSample: true,
    discardedTests: 4,
  },
  "engagement.auditor-assigned": { userId: "u-dana" },
  "engagement.auditor-unassigned": { userId: "u-dana" },
  "engagement.sampled": sample,
  "engagement.resampled": { ...sample, redrawReason: "Wrong seed.", replaced: "s-0" },
  "engagement.population-imported": {
    engagement: "E-1",
    control: "CM-02",
    import: 2,
    rows: 1000,
    rowsSha256: "c".repeat(64),
    system: "GitHub",
    query: "merged pull requests on main",
    ranBy: "Dana Reyes",
    ranAt: "2026-12-01T09:00:00.000Z",
    completeness: "Every pull request merged to main in the period.",
    reason: "The first export missed the archived repositories.",
    replaces: 1,
  },
  "engagement.population-accepted": {
    engagement: "E-1",
    control: "CM-02",
    import: 2,
    rowsSha256: "c".repeat(64),
    reason: null,
  },
  "engagement.population-returned": {
    engagement: "E-1",
    control: "CM-02",
    import: 1,
    rowsSha256: "c".repeat(64),
    reason: "The export leaves out the archived repositories.",
  },
  "engagement.sample-extended": {
    sample: "s-1",
    control: "CM-02",
    from: 8,
    to: 15,
    added: ["ev-0a1b2c3d4e5f"],
    deviations: 1,
    populationSha256: "a".repeat(64),
    sha256: "b".repeat(64),
  },
  "engagement.sample-rolled-forward": {
    sample: "s-1",
    populationTo: "2026-12-31",
    controls: 3,
    items: 4,
    populationSha256: "c".repeat(64),
    sha256: "d".repeat(64),
  },
  "engagement.test-recorded": {
    controlRef: "AC-04",
    methods: ["inquiry", "re-performance"],
    procedure: "Inspect.",
    tester: "Dana",
    testedOn: "2026-07-01",
    design: null,
    designNotes: null,
  },
  "engagement.result-recorded": {
    controlRef: "AC-04",
    itemKey: "2026-Q1",
    result: "exception",
    description: "Review not signed.",
    recordedBy: "Dana",
    recordedAt: AT,
    managementResponse: null,
    respondedBy: null,
    respondedAt: null,
  },
  "engagement.exception-response": { control: "AC-04", item: "2026-Q1", response: "Fixed." },
  "engagement.request-opened": {
    request: "R-3",
    control: "CM-02",
    item: "2026-03",
    description: "The March change log.",
    addressee: "dev@example.com",
    dueOn: "2026-07-15",
    bulk: false,
  },
  "engagement.request-answered": {
    request: "R-3",
    evidence: ["e-1", "e-2"],
    uploaded: ["e-2"],
    comment: "Attached.",
  },
  "engagement.request-commented": { request: "R-3", side: "auditor", body: "Which system?" },
  "engagement.request-accepted": { request: "R-3" },
  "engagement.request-returned": { request: "R-3", reason: "Wrong month." },
  "engagement.request-withdrawn": {
    request: "R-3",
    control: "CM-02",
    item: "PR-4105",
    from: "open",
    sample: "s-1",
  },
  "engagement.requests-reminded": {
    requests: ["R-3", "R-4"],
    to: "dev@example.com",
    day: "2026-07-20",
  },
  "engagement.workpaper-steps-set": {
    controlRef: "CM-02",
    steps: [{ id: 1, text: "Approved before merge" }],
  },
  "engagement.workpaper-item-recorded": {
    controlRef: "CM-02",
    itemKey: "ev-0123456789ab",
    attributes: { "1": "not-met" },
    note: "Approved a day after merge.",
    recordedBy: "Dana Auditor",
    recordedAt: "2026-04-02T10:00:00.000Z",
  },
  "engagement.workpaper-attached": {
    controlRef: "CM-02",
    itemKey: null,
    attachment: "a-1",
    sha256: "a".repeat(64),
    size: 12,
  },
  "member.joined": { email: "dana@audit.example", role: "auditor", invitation: "i-1" },
  "member.role-changed": { from: "admin", to: "control-owner" },
  "member.removed": { role: "employee" },
  "invitation.created": { email: "sam@acme.example", role: "employee" },
  "invitation.revoked": { email: "sam@acme.example" },
  "api-token.created": { name: "ci", scopes: ["read", "evidence:write"], expiresAt: AT },
  "api-token.revoked": {},
  "report.description-updated": {
    engagement: "E-1",
    version: 1,
    fields: ["services", "systemRequirements"],
  },
  "report.assertion-updated": {
    engagement: "E-1",
    version: 1,
    generated: false,
    approvalCleared: true,
  },
  "report.assertion-approved": {
    engagement: "E-1",
    version: 1,
    approvedBy: "Olivia",
    contentSha256: SHA,
  },
  "report.opinion-recorded": {
    engagement: "E-1",
    version: 1,
    type: "unmodified",
    replaced: false,
    contentSha256: SHA,
  },
  "report.other-information-updated": { engagement: "E-1", version: 1, length: 420 },
  "report.finalized": {
    engagement: "E-1",
    version: 2,
    issueDate: "2026-08-01",
    sha256: SHA,
    opinion: "unmodified",
  },
  "report.bridge-letter-drafted": letter,
  "report.bridge-letter-edited": letter,
  "report.bridge-letter-approved": letter,
  "report.thread-opened": { engagement: "E-1", thread: "T-2", section: "III", item: "DC3" },
  "report.thread-comment": { ...reply, to: "open" },
  "report.thread-resolved": reply,
  "report.thread-disputed": { ...reply, to: "disputed" },
  "report.thread-reopened": { ...reply, from: "resolved", to: "open" },
  "report.shared": {
    engagement: "E-1",
    version: 2,
    recipient: "Globex procurement",
    expiresAt: AT,
  },
  "report.share-revoked": { engagement: "E-1", recipient: "Globex procurement" },
  "report.nda-accepted": {
    name: "Gil",
    company: "Globex",
    email: "gil@globex.example",
    ndaSha256: SHA,
    address: null,
  },
  "report.downloaded": { version: 2, sha256: SHA, address: "203.0.113.9" },
  "notice.created": {
    kind: "owner-digest",
    day: "2026-03-02",
    title: "2 controls overdue",
    overdue: ["AC-04", "OP-01"],
  },
  "notice.mailed": { to: ["olivia@acme.example"] },

  "policy.adopted": {
    policy: "P-1",
    title: "Acceptable Use Policy",
    template: "acceptable-use",
    owner: "olivia@acme.example",
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
  "policy.updated": {
    policy: "P-1",
    changes: {
      body: {
        from: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        to: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      },
      audience: { from: [], to: ["employee", "control-owner"] },
      reviewMonths: { from: 12, to: 6 },
    },
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
  "policy.submitted": {
    policy: "P-1",
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
  "policy.approved": {
    policy: "P-1",
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
  "policy.published": {
    policy: "P-1",
    version: 2,
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    approvedBy: "Olivia Owner",
    approvedAt: "2026-03-01T10:00:00.000Z",
    ackDueBy: "2026-03-31",
    audience: [],
  },
  "policy.reviewed": {
    policy: "P-1",
    version: 2,
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
  "policy.retired": { policy: "P-1", reason: "Merged into the information security policy." },
  "policy.acknowledged": {
    policy: "P-1",
    version: 2,
    sha256: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    userId: "u-dana",
    email: "dana@acme.example",
    address: "203.0.113.7",
  },
  "risk.created": {
    templateId: "RL-07",
    title: "Phishing leads to a stolen session",
    description: "A staff member is phished.",
    category: "security",
    owner: "olivia@acme.example",
    likelihood: 4,
    impact: 4,
    treatment: "mitigate",
    controls: ["HR-03"],
    residualLikelihood: 2,
    residualImpact: 4,
    reviewDate: "2027-03-02",
    acceptanceNote: null,
    skippedControls: ["AC-09"],
  },
  "risk.updated": { changes: { likelihood: { from: 4, to: 3 }, owner: { from: null, to: "a@b" } } },
  "risk-assessment.recorded": {
    heldOn: "2026-03-02",
    participants: [{ name: "Olivia", email: "olivia@acme.example" }],
    risks: 12,
    sha256: SHA,
    evidence: "e-1",
  },
  "training.quiz-taken": {
    module: "phishing",
    version: 1,
    sha256: SHA,
    email: "kim@acme.example",
    score: 83,
    passed: true,
  },
  "training.imported": {
    fileName: "knowbe4.csv",
    sha256: SHA,
    created: 12,
    skipped: 0,
    modules: ["phishing", "privacy"],
  },
  "vendor.created": {
    name: "Amazon Web Services",
    service: "Hosting",
    tier: 1,
    owner: "olivia@acme.example",
    dataShared: ["customer-data"],
    subservice: "carve-out",
  },
  "vendor.updated": { changes: { tier: { from: 2, to: 1 } } },
  "vendor.report-added": {
    report: "VR-1",
    type: "soc2-type2",
    from: "2025-01-01",
    to: "2025-12-31",
    opinion: "unmodified",
    evidence: "e-1",
    cuecs: 3,
  },
  "vendor.bridge-letter-added": {
    report: "VR-1",
    from: "2026-01-01",
    to: "2026-02-28",
    evidence: "e-2",
  },
  "vendor.cuec-mapped": { cuec: "CUEC-2", from: [], to: ["AC-01"] },
  "vendor.reviewed": {
    review: "VRV-1",
    reviewedOn: "2026-03-02",
    tier: 3,
    checked: ["still-needed", "data-confirmed"],
    outcome: "approved",
    evidence: "e-3",
  },
  "notification.webhook-added": { urlHost: "https://hooks.acme.example" },
  "notification.slack-set": { urlHost: "https://hooks.slack.com", replaced: "N-1" },
  "notification.channel-removed": { kind: "webhook", urlHost: "https://hooks.acme.example" },
  "notification.preferences-changed": {
    changes: [{ channel: "mail", kind: "task-digest", enabled: false }],
  },
  "people.imported": {
    sha256: SHA,
    rows: 30,
    created: ["jo@acme.example"],
    updated: [],
    ended: ["sam@acme.example"],
  },
  "person.created": {
    email: "jo@acme.example",
    name: "Jo Park",
    type: "employee",
    startDate: "2026-03-02",
    endDate: null,
  },
  "person.updated": {
    email: "sam@acme.example",
    changes: { endDate: { from: null, to: "2026-11-30" } },
  },
  "person.step-completed": {
    email: "sam@acme.example",
    checklist: "leaver",
    step: "access-removed",
    dueBy: "2026-12-01",
    late: true,
    evidence: null,
  },
  "person.step-assigned": {
    email: "sam@acme.example",
    checklist: "leaver",
    step: "access-removed",
    from: null,
    to: "ivan@acme.example",
  },
  "person.background-check-recorded": {
    email: "jo@acme.example",
    status: "clear",
    checkedOn: "2026-02-20",
    provider: "Checkr",
    evidence: "e-1",
  },
  "finding.imported": {
    source: "sarif",
    fileName: "codeql.sarif",
    sha256: "b".repeat(64),
    results: 500,
    created: 498,
    seenAgain: 2,
    reopened: ["F-7"],
    closed: [],
  },
  "finding.triaged": { decision: "false-positive", reason: "test fixture", previousStatus: "open" },
  "connector.added": {
    kind: "github",
    name: "GitHub acme",
    settings: { organization: "acme" },
    intervalMinutes: 60,
  },
  "connector.updated": {
    name: "GitHub acme",
    settings: { organization: "acme" },
    intervalMinutes: 120,
    credentialsReplaced: true,
  },
  "connector.removed": { kind: "github", name: "GitHub acme" },
  "check.ran": {
    connector: "CN-1",
    trigger: "schedule",
    outcome: "ok",
    message: null,
    snapshotSha256: "c".repeat(64),
    checks: 8,
    failing: ["github.branch-requires-review"],
    startedFailing: ["github.branch-requires-review"],
    recovered: [],
  },
  "check-exception.added": {
    check: "github.branch-requires-review",
    resource: "acme/sandbox",
    reason: "a scratch repository",
    approver: "ceo@example.com",
    expiresOn: "2026-12-31",
  },
  "check-exception.revoked": {
    check: "github.branch-requires-review",
    resource: "acme/sandbox",
    reason: "it holds code now",
  },
  // The availability monitor.
  "monitor.added": {
    name: "API",
    url: "https://api.acme.test/health",
    expectedStatus: 200,
    intervalMinutes: 5,
    timeoutSeconds: 10,
    targetPercent: 99.9,
  },
  "monitor.removed": { name: "API", url: "https://api.acme.test/health" },
  "monitor.state-changed": {
    from: "up",
    to: "down",
    status: 503,
    error: "answered 503, expected 200",
  },
  // Access reviews (issue 16 part 3).
  "access-review.started": {
    name: "Q1 review",
    periodFrom: "2026-01-01",
    periodTo: "2026-03-31",
    dueOn: "2026-04-15",
    reviewers: ["olivia@acme.example"],
    systems: ["GitHub", "AWS"],
  },
  "access-review.accounts-imported": {
    system: "GitHub",
    sha256: SHA,
    accounts: 200,
    leavers: 3,
    unknown: 2,
    privileged: 7,
    replaced: 0,
  },
  "access-review.decided": {
    system: "GitHub",
    account: "sam-old",
    flags: ["leaver"],
    decision: "remove",
    comment: "left in March",
    previous: "keep",
  },
  "access-review.access-removed": {
    system: "GitHub",
    account: "sam-old",
    decision: "remove",
    evidence: "e-1",
    note: "removed from the organization",
  },
  "access-review.completed": {
    completedOn: "2026-04-10",
    accounts: 200,
    kept: 195,
    changed: 0,
    removed: 5,
    sha256: SHA,
    evidence: "e-1",
  },
};

/** Target ids as each action records them. */
function targetIdOf(action: AuditAction): string {
  switch (auditTargetOf(action)) {
    case "control":
      return "AC-04";
    case "scope":
      return action === "scope.category-added" || action === "scope.category-removed"
        ? "availability"
        : "P1.1";
    case "catalog-text":
      return "criteria";
    case "risk":
      return "R-3";
    case "risk-assessment":
      return "RA-1";
    case "vendor":
      return "V-1";
    case "notification-channel":
      return "N-2";
    case "finding":
      return "F-12";
    case "finding-import":
      return "FI-2";
    case "connector":
      return "CN-1";
    case "check-run":
      return "CR-4";
    case "check-exception":
      return "CE-2";
    case "monitor":
      return "M-2";
    case "access-review":
      return "AR-1";
    default:
      return "5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40";
  }
}

const NAMES: Record<string, string> = {
  "organization:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "Acme",
  "evidence:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "Access review Q1 (renamed)",
  "engagement:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "E-1",
  "person:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "Ravi Member",
  "person:u-dana": "Dana Auditor",
  "api-token:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "ci",
  "share-link:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "Globex procurement",
  "notice:5b0f7c1e-2d7a-4b8e-9a51-0c6f1d2e3f40": "2 controls overdue",
};
const lookup: AuditNameLookup = (kind, id) => NAMES[`${kind}:${id}`];
const none: AuditNameLookup = () => undefined;

function describe1<A extends AuditAction>(
  action: A,
  data: AuditEventData<A>,
  names: AuditNameLookup = lookup,
) {
  return describeAuditEvent(
    { action, targetType: auditTargetOf(action), targetId: targetIdOf(action), data },
    names,
  );
}

describe("the audit log in words", () => {
  it("words every action as a sentence without raw data", () => {
    for (const action of AUDIT_ACTIONS) {
      const data = EXAMPLES[action];
      // The examples are events Attest could record.
      expect(() => checkAuditEventData(action, data as never), action).not.toThrow();
      for (const names of [lookup, none]) {
        const { sentence, changes, target } = describe1(action, data as never, names);
        const text = [sentence, target, ...changes.flatMap((c) => [c.field, c.from, c.to])].join(
          " | ",
        );
        expect(sentence, action).toMatch(/^\S/);
        expect(text, action).not.toMatch(/[{}[\]]|undefined|\bnull\b|object Object|"/);
        // Never the bare action name: a sentence is words, not control.updated.
        expect(sentence, action).not.toContain(action);
      }
    }
  });

  it("words a policy's publication and an acknowledgement with the version and its hash", () => {
    expect(describe1("policy.published", EXAMPLES["policy.published"]).sentence).toBe(
      "Policy P-1 version 2 published (SHA-256 aaaaaaaaaaaa), approved by Olivia Owner; acknowledgements due by 2026-03-31",
    );
    expect(describe1("policy.acknowledged", EXAMPLES["policy.acknowledged"]).sentence).toBe(
      "Policy P-1 version 2 acknowledged by dana@acme.example (SHA-256 aaaaaaaaaaaa) from 203.0.113.7",
    );
    expect(describe1("policy.updated", EXAMPLES["policy.updated"]).changes).toEqual([
      { field: "text (SHA-256)", from: "b".repeat(64), to: "a".repeat(64) },
      { field: "review every (months)", from: "12", to: "6" },
      { field: "asked to acknowledge", from: "everyone", to: "employee, control-owner" },
    ]);
  });

  it("says what a control update did, with each change from → to", () => {
    expect(describe1("control.updated", EXAMPLES["control.updated"])).toEqual({
      target: "AC-04",
      sentence: "Control AC-04 marked implemented; owner changed",
      changes: [
        { field: "owner", from: null, to: "ana@acme.example" },
        { field: "status", from: "in progress", to: "implemented" },
      ],
    });
    expect(
      describe1("control.updated", {
        changes: { title: { from: "Old", to: "New" } },
        reason: "Clearer wording.",
      }).sentence,
    ).toBe("Control AC-04 title changed: Clearer wording.");
  });

  it("names targets as people know them: current records first, then what was recorded", () => {
    const added = EXAMPLES["evidence.added"];
    expect(describe1("evidence.added", added).sentence).toBe(
      "Evidence “Access review Q1 (renamed)” added for AC-04, covering 2026-01-01 to 2026-03-31",
    );
    // The item is gone from the records: the title it was recorded with.
    expect(describe1("evidence.added", added, none).target).toBe("Access review Q1");
    expect(describe1("evidence.removed", { reason: "Wrong file." }, none).target).toBe("5b0f7c1e");
    expect(describe1("engagement.advanced", EXAMPLES["engagement.advanced"]).sentence).toBe(
      "Engagement E-1 moved to fieldwork (12 controls frozen)",
    );
    expect(describe1("engagement.created", EXAMPLES["engagement.created"], none).target).toBe(
      "E-1",
    );
    expect(describe1("engagement.auditor-assigned", { userId: "u-dana" }).sentence).toBe(
      "Dana Auditor assigned as auditor of engagement E-1",
    );
    expect(describe1("scope.category-added", {}).sentence).toBe(
      "Category Availability added to the scope",
    );
    expect(describe1("member.role-changed", EXAMPLES["member.role-changed"])).toMatchObject({
      sentence: "Ravi Member's role changed from admin to control owner",
      changes: [{ field: "role", from: "admin", to: "control owner" }],
    });
  });

  it("falls back to the action's words when the data is not what the action records", () => {
    const odd = describeAuditEvent(
      { action: "control.updated", targetType: "control", targetId: "AC-04", data: { x: 1 } },
      none,
    );
    expect(odd).toEqual({ target: "AC-04", sentence: "Control updated: AC-04", changes: [] });
    const unknown = describeAuditEvent(
      { action: "nothing.happened", targetType: "control", targetId: "AC-04", data: {} },
      none,
    );
    expect(unknown.sentence).toBe("Nothing happened: AC-04");
  });

  it("lists the records whose names a page needs, once each", () => {
    const event = (action: AuditAction, targetId: string, data: unknown = {}) => ({
      action,
      targetType: auditTargetOf(action),
      targetId,
      data,
    });
    expect(
      auditNamesToLookUp([
        event("evidence.removed", "ev-1"),
        event("evidence.linked", "ev-1"),
        event("report.finalized", "e-1"),
        event("engagement.auditor-assigned", "e-1", { userId: "u-1" }),
        event("control.updated", "AC-04"),
      ]),
    ).toEqual({
      organization: [],
      evidence: ["ev-1"],
      engagement: ["e-1"],
      person: ["u-1"],
      "api-token": [],
      "share-link": [],
      notice: [],
    });
  });
});

describe("the risk register in words", () => {
  it("says what a risk edit changed, from → to, in the fields' names", () => {
    expect(describe1("risk.updated", EXAMPLES["risk.updated"])).toEqual({
      target: "R-3",
      sentence: "Risk R-3 owner and likelihood changed",
      changes: [
        { field: "owner", from: null, to: "a@b" },
        { field: "likelihood", from: "4", to: "3" },
      ],
    });
  });

  it("names the starter risk and the controls it could not map", () => {
    expect(describe1("risk.created", EXAMPLES["risk.created"]).sentence).toBe(
      "Risk R-3 added from the library (RL-07): Phishing leads to a stolen session; " +
        "AC-09 not mapped (not adopted)",
    );
  });

  it("gives an assessment's date, participants and snapshot hash", () => {
    expect(
      describe1("risk-assessment.recorded", EXAMPLES["risk-assessment.recorded"]).sentence,
    ).toBe(`Risk assessment RA-1 held on 2026-03-02 with Olivia: 12 risks frozen, SHA-256 ${SHA}`);
    expect(describe1("notification.slack-set", EXAMPLES["notification.slack-set"]).sentence).toBe(
      "Slack incoming webhook N-2 set, posting to https://hooks.slack.com (replacing N-1)",
    );
    const choices = describe1(
      "notification.preferences-changed",
      EXAMPLES["notification.preferences-changed"],
    );
    expect(choices.sentence).toBe("Notification choices of Ravi Member changed");
    expect(choices.changes).toEqual([{ field: "task-digest by mail", from: null, to: "off" }]);
  });

  it("names people by email and says when a step was late", () => {
    expect(describe1("person.updated", EXAMPLES["person.updated"])).toEqual({
      target: "sam@acme.example",
      sentence: "Person sam@acme.example end date changed",
      changes: [{ field: "end date", from: null, to: "2026-11-30" }],
    });
    expect(describe1("person.step-completed", EXAMPLES["person.step-completed"]).sentence).toBe(
      "Offboarding step access-removed of sam@acme.example completed late (due by 2026-12-01)",
    );
    expect(describe1("people.imported", EXAMPLES["people.imported"]).sentence).toBe(
      `People imported (30 rows, file ${SHA.slice(0, 12)}): 1 created, 0 updated, 1 ended`,
    );
  });
});
