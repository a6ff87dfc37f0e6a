// Governance control templates (GV): control environment, communication, monitoring (CC1–CC5).
import type { ControlTemplate } from "../types.ts";

export const governanceControls: readonly ControlTemplate[] = [
  {
    id: "GV-01",
    title: "Code of conduct acknowledged by all staff",
    description:
      "A written code of conduct states what behaviour is expected on honesty, conflicts of " +
      "interest, use of company assets and care of customer data, and what happens when it is " +
      "breached. Employees and contractors accept it before their first day, and everyone " +
      "accepts the current version again in a yearly campaign.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "people",
    criteria: ["CC1.1", "CC1.5", "CC2.2"],
    suggestedEvidence: [
      "Current code of conduct with version and leadership approval date",
      "Acknowledgement records for the sampled new hires, with timestamps",
      "Completion report from the latest yearly re-acknowledgement campaign",
    ],
    testProcedure:
      "Inspect the code of conduct and confirm leadership approved it and that it covers " +
      "ethics, conflicts of interest and the consequences of violations. For a sample of hires " +
      "from the HR system's list of people who started in the period, confirm each accepted " +
      "the code on or before the start date. Inspect the yearly campaign report and follow up " +
      "on any active person without an acknowledgement.",
  },
  {
    id: "GV-02",
    title: "Board oversight of the security program",
    description:
      "The board of directors, or an advisory board that includes at least one member " +
      "independent of management, is briefed on security at least once a year: the risk " +
      "assessment, audit results, significant incidents and open deficiencies. The board's " +
      "questions and requested actions are minuted and assigned to an owner.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "leadership",
    criteria: ["CC1.2", "CC4.2"],
    suggestedEvidence: [
      "Board or advisory board member list showing who is independent of management",
      "Minutes or slide deck of the security briefing held in the period",
      "Action log showing follow-up on items the board raised",
    ],
    testProcedure:
      "Inspect the board membership and confirm at least one member has no management role. " +
      "Inspect the minutes and materials of the security briefing in the period and confirm " +
      "they covered risks, audit or assessment results, incidents and open deficiencies. For " +
      "each action the board requested, confirm it was assigned and tracked.",
  },
  {
    id: "GV-03",
    title: "Organization chart and reporting lines",
    description:
      "An organization chart generated from the HR system shows every role and who it " +
      "reports to, including the security function. It updates as people join, move or leave, " +
      "and leadership confirms the structure still fits the business at least yearly.",
    kind: "preventive",
    automation: "it-dependent-manual",
    frequency: "annual",
    ownerRole: "people",
    criteria: ["CC1.3"],
    suggestedEvidence: [
      "Organization chart exported from the HR system, with export date",
      "Record of leadership's yearly review of the structure",
    ],
    testProcedure:
      "Inspect the organization chart and confirm it shows reporting lines up to the chief " +
      "executive, including where security reports. Compare a sample of names on the chart " +
      "with the HR roster to confirm it is current. Inspect evidence that leadership reviewed " +
      "the structure during the period.",
  },
  {
    id: "GV-04",
    title: "Security program owner and responsibility matrix",
    description:
      "Leadership appoints a named security lead who owns the security and compliance program " +
      "and has the authority to set security requirements across teams. A responsibility " +
      "matrix assigns security and control duties to engineering, IT, HR, legal and " +
      "leadership, every control has a named owner, and the matrix is reviewed yearly.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "leadership",
    criteria: ["CC1.3", "CC1.5", "CC5.3"],
    suggestedEvidence: [
      "Appointment of the security lead (job description, offer letter or leadership record)",
      "Responsibility matrix for security duties with review date",
      "Control list showing an owner for every control",
    ],
    testProcedure:
      "Inquire of leadership who owns the security program and inspect the document that " +
      "assigns that role and its authority. Inspect the responsibility matrix and confirm it " +
      "was reviewed in the period. Select a sample of controls and confirm each has an owner " +
      "who is a current employee in a role suited to the duty.",
  },
  {
    id: "GV-05",
    title: "Documented security and service objectives",
    description:
      "Leadership writes down the objectives the system has to meet, such as uptime targets, " +
      "security and confidentiality commitments made to customers, and the laws and contracts " +
      "that apply, precisely enough that risks to them can be assessed. The objectives are " +
      "reviewed each year before the risk assessment starts.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "leadership",
    criteria: ["CC3.1"],
    suggestedEvidence: [
      "Objectives document with approval and review dates",
      "Risk assessment showing risks linked to the stated objectives",
    ],
    testProcedure:
      "Inspect the objectives document and confirm it covers operational, reporting and " +
      "compliance objectives in measurable terms. Confirm leadership reviewed it in the period " +
      "and before the risk assessment. Trace a sample of objectives to the risk assessment to " +
      "confirm risks to them were considered.",
  },
  {
    id: "GV-06",
    title: "Quarterly management security review",
    description:
      "The security lead and leadership meet at least quarterly to review security metrics, " +
      "the risk register, incidents, open vulnerabilities, control failures and audit status. " +
      "Decisions and follow-up actions are minuted with an owner and a due date.",
    kind: "detective",
    automation: "manual",
    frequency: "quarterly",
    ownerRole: "leadership",
    criteria: ["CC1.5", "CC2.1", "CC2.2", "CC4.1"],
    suggestedEvidence: [
      "Agenda and minutes of the sampled quarterly meetings, with attendees",
      "Metrics pack or dashboard export presented at the meeting",
      "Action items from the meeting with owners and status",
    ],
    testProcedure:
      "For a sample of quarters, inspect the agenda, minutes and attendee list and confirm " +
      "leadership attended and the meeting covered risks, incidents, vulnerabilities and " +
      "control status. Trace a sample of action items to the tracker and confirm they were " +
      "assigned and followed up.",
  },
  {
    id: "GV-07",
    title: "Security policies approved, published and reviewed yearly",
    description:
      "The security policy set (access, change, incident response, data handling, vendor, " +
      "acceptable use and others) is approved by leadership and published where every " +
      "employee can read it. Each policy has an owner and version history and is reviewed at " +
      "least yearly or after a significant change.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC5.3", "CC2.2", "CC5.1"],
    suggestedEvidence: [
      "Policy index with owner, version, approval date and last review date",
      "Approval record for each policy reviewed in the period",
      "Screenshot of the internal location where policies are published",
    ],
    testProcedure:
      "Obtain the policy index and confirm each in-scope policy was reviewed and approved " +
      "within the last twelve months. Inspect the approval record for a sample of policies. " +
      "Observe the internal site and confirm the approved versions are available to staff.",
  },
  {
    id: "GV-08",
    title: "External security commitments communicated to customers",
    description:
      "Security, availability and confidentiality commitments are set out in the customer " +
      "agreement, the data processing terms and a public security page, which also explains " +
      "how outsiders can report a vulnerability or incident. Legal and security review these " +
      "documents yearly, and customers are told about material changes before they apply.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "legal",
    criteria: ["CC2.3"],
    suggestedEvidence: [
      "Current customer agreement and data processing terms with security sections",
      "Public security page showing the vulnerability and incident reporting contact",
      "Record of the yearly review and any customer notice of changed commitments",
    ],
    testProcedure:
      "Inspect the customer agreement, data processing terms and security page and confirm " +
      "they state the commitments described in the system description. Confirm the reporting " +
      "contact works by inspecting a sample of messages received through it. Inspect the " +
      "review record and, for any change in commitments, the notice sent to customers.",
  },
  {
    id: "GV-09",
    title: "Confidential whistleblower channel",
    description:
      "Staff and outsiders can report suspected fraud, ethics breaches or security concerns " +
      "through a channel that allows anonymity and bypasses the reporter's management. Reports " +
      "go to legal and an independent board member, are investigated, and retaliation " +
      "against reporters is prohibited by policy.",
    kind: "detective",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "legal",
    criteria: ["CC1.1", "CC2.2", "CC3.3"],
    suggestedEvidence: [
      "Whistleblower policy including the non-retaliation commitment",
      "Handbook or intranet page showing how to use the channel",
      "Case log with investigation and outcome for reports received in the period",
    ],
    testProcedure:
      "Inspect the policy and confirm it allows anonymous reports, routes them outside the " +
      "reporter's line management and prohibits retaliation. Observe that the channel is " +
      "reachable and advertised to staff. Inspect the case log and, for each report in the " +
      "period, confirm it was investigated and closed with a documented outcome.",
  },
  {
    id: "GV-10",
    title: "Yearly internal control assessment",
    description:
      "At least once a year, a person who does not operate the controls, such as an internal " +
      "reviewer or outside consultant, tests a selection of controls and records the method, " +
      "sample and result for each. The results go to leadership and the board, and every " +
      "failure becomes a tracked deficiency.",
    kind: "detective",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC4.1", "CC4.2", "CC1.2"],
    suggestedEvidence: [
      "Assessment plan naming the assessor and the controls in scope",
      "Workpapers showing method, sample and result for each tested control",
      "Report of results presented to leadership and the board",
    ],
    testProcedure:
      "Inspect the assessment plan and confirm the assessor is independent of the controls " +
      "tested. For a sample of tested controls, inspect the workpapers and confirm the method " +
      "and sample were suitable and results recorded. Confirm results were reported to " +
      "leadership and the board and that failures were logged as deficiencies.",
  },
  {
    id: "GV-11",
    title: "Deficiencies tracked to closure",
    description:
      "Control failures, audit exceptions, assessment gaps and penetration test findings are " +
      "logged in a tracker with an owner, severity and due date. The security lead reviews " +
      "open items each month and escalates overdue or significant ones to leadership.",
    kind: "corrective",
    automation: "it-dependent-manual",
    frequency: "monthly",
    ownerRole: "security",
    criteria: ["CC4.2", "CC1.5"],
    suggestedEvidence: [
      "Export of the deficiency tracker with owners, due dates and status",
      "Evidence of the monthly review (meeting notes or tracker comments)",
      "Escalation records for overdue or significant deficiencies",
    ],
    testProcedure:
      "Obtain the tracker export and confirm every deficiency from audits, assessments and " +
      "penetration tests in the period appears in it. For a sample of months, inspect the " +
      "review record. For a sample of closed items, confirm the fix was verified before " +
      "closure; for overdue items, confirm escalation to leadership.",
  },
  {
    id: "GV-12",
    title: "Control matrix covering technology general controls",
    description:
      "The security lead keeps a control matrix that links each significant risk and each " +
      "applicable criterion to the controls that address it, including general controls over " +
      "infrastructure, access, and software development and change. The matrix is revisited " +
      "yearly after the risk assessment so new or changed risks get controls.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC5.1", "CC5.2"],
    suggestedEvidence: [
      "Control matrix mapping risks and criteria to controls, with review date",
      "List of technology general controls with their owners",
      "Change log of controls added or modified after the latest risk assessment",
    ],
    testProcedure:
      "Inspect the control matrix and confirm every applicable criterion and every high risk " +
      "in the register maps to at least one control. Confirm technology general controls " +
      "cover infrastructure, logical access and change. Inspect evidence that the matrix was " +
      "updated after the most recent risk assessment.",
  },
];
