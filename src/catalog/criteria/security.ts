// Labels and summaries are Attest's own words, not the AICPA criteria text or points of focus.
import type { Criterion } from "../types.ts";

/** The 33 common criteria (security), CC1.1 to CC9.2. */
export const SECURITY_CRITERIA: readonly Criterion[] = [
  {
    id: "CC1.1",
    category: "security",
    label: "Integrity and ethical values",
    summary:
      "Leadership sets the tone: a written code of conduct that every employee acknowledges at " +
      "hire and yearly, a way to report misconduct, and consistent consequences when someone " +
      "breaks the rules.",
    cosoPrinciple: 1,
    pointsOfFocus: 5,
  },
  {
    id: "CC1.2",
    category: "security",
    label: "Board independence and oversight",
    summary:
      "Someone independent of day-to-day management, such as a board or advisory group, keeps an " +
      "eye on security and controls. Keep minutes showing security was reviewed at least once a " +
      "year.",
    cosoPrinciple: 2,
    pointsOfFocus: 4,
  },
  {
    id: "CC1.3",
    category: "security",
    label: "Structure, reporting lines, authority",
    summary:
      "Keep an up-to-date org chart and name clear owners for security and compliance work, so " +
      "everyone knows who reports to whom and who may decide what.",
    cosoPrinciple: 3,
    pointsOfFocus: 6,
  },
  {
    id: "CC1.4",
    category: "security",
    label: "Attract, develop and retain competent people",
    summary:
      "Hire people who can do the job and keep them capable: written job descriptions, " +
      "background checks where lawful, security training at hire and yearly, and regular " +
      "performance reviews.",
    cosoPrinciple: 4,
    pointsOfFocus: 7,
  },
  {
    id: "CC1.5",
    category: "security",
    label: "Accountability for internal control",
    summary:
      "Every control has a named owner, control duties appear in job descriptions and " +
      "performance reviews, and there are consequences when those duties are neglected.",
    cosoPrinciple: 5,
    pointsOfFocus: 6,
  },
  {
    id: "CC2.1",
    category: "security",
    label: "Relevant, quality information",
    summary:
      "Know what information your controls rely on and make sure it can be trusted: an inventory " +
      "of systems and data, complete logs, and reports that are accurate enough to act on.",
    cosoPrinciple: 13,
    pointsOfFocus: 9,
  },
  {
    id: "CC2.2",
    category: "security",
    label: "Internal communication",
    summary:
      "Staff know the policies, their security duties and how to raise concerns. Publish " +
      "policies where people find them, collect acknowledgements, and offer a channel, including " +
      "an anonymous one, to report problems.",
    cosoPrinciple: 14,
    pointsOfFocus: 13,
  },
  {
    id: "CC2.3",
    category: "security",
    label: "External communication",
    summary:
      "Tell customers, vendors and others what they need to know: your security commitments, how " +
      "to report a problem or vulnerability, and incidents or changes that affect them. Keep " +
      "terms, notices and status updates.",
    cosoPrinciple: 15,
    pointsOfFocus: 12,
  },
  {
    id: "CC3.1",
    category: "security",
    label: "Objectives specified clearly",
    summary:
      "Write down what the business and the system must achieve, including promises to customers " +
      "and legal obligations. These goals are the yardstick that the risk assessment measures " +
      "against.",
    cosoPrinciple: 6,
    pointsOfFocus: 16,
  },
  {
    id: "CC3.2",
    category: "security",
    label: "Risk identification and analysis",
    summary:
      "Run a risk assessment at least yearly: list what could go wrong across systems, vendors " +
      "and processes, rate likelihood and impact, and decide how each risk is treated. Keep the " +
      "register.",
    cosoPrinciple: 7,
    pointsOfFocus: 9,
  },
  {
    id: "CC3.3",
    category: "security",
    label: "Fraud risk",
    summary:
      "Think through how insiders or outsiders could commit fraud or abuse access, such as fake " +
      "payments, data theft or tampering with records, and cover those scenarios in the risk " +
      "assessment.",
    cosoPrinciple: 8,
    pointsOfFocus: 5,
  },
  {
    id: "CC3.4",
    category: "security",
    label: "Changes that affect internal control",
    summary:
      "Watch for big shifts that could weaken controls, like new products, acquisitions, " +
      "leadership turnover, new vendors or new regulation, and reassess risks when they happen.",
    cosoPrinciple: 9,
    pointsOfFocus: 6,
  },
  {
    id: "CC4.1",
    category: "security",
    label: "Ongoing and separate evaluations",
    summary:
      "Check that controls actually work, both continuously through automated monitoring and " +
      "periodically through internal audits, penetration tests or readiness reviews. Keep the " +
      "results.",
    cosoPrinciple: 16,
    pointsOfFocus: 8,
  },
  {
    id: "CC4.2",
    category: "security",
    label: "Communicating and correcting deficiencies",
    summary:
      "Log every control gap or failure you find, give it an owner and a due date, escalate " +
      "serious ones to leadership, and track the fix to closure.",
    cosoPrinciple: 17,
    pointsOfFocus: 3,
  },
  {
    id: "CC5.1",
    category: "security",
    label: "Selecting control activities",
    summary:
      "Map each significant risk to controls that address it, mixing preventive and detective, " +
      "manual and automated, and keep conflicting duties in different hands.",
    cosoPrinciple: 10,
    pointsOfFocus: 6,
  },
  {
    id: "CC5.2",
    category: "security",
    label: "General controls over technology",
    summary:
      "Cover the technology itself with baseline controls: how infrastructure is secured, who " +
      "can reach it, how software is built or bought, and how systems are run day to day.",
    cosoPrinciple: 11,
    pointsOfFocus: 4,
  },
  {
    id: "CC5.3",
    category: "security",
    label: "Policies and procedures",
    summary:
      "Turn expectations into written policies and the procedures that carry them out. Give each " +
      "an owner, review and approve them yearly, and check that staff follow them.",
    cosoPrinciple: 12,
    pointsOfFocus: 6,
  },
  {
    id: "CC6.1",
    category: "security",
    label: "Logical access security",
    summary:
      "Protect systems and data with sound access controls: single sign-on and MFA, an inventory " +
      "of systems and data, encryption at rest, network segmentation, and well-guarded " +
      "credentials and keys.",
    cosoPrinciple: null,
    pointsOfFocus: 13,
  },
  {
    id: "CC6.2",
    category: "security",
    label: "User registration and de-registration",
    summary:
      "Before anyone gets an account, someone with authority approves it, and when people leave " +
      "or change roles their access is removed promptly. Keep the approval and removal records.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "CC6.3",
    category: "security",
    label: "Role-based access, least privilege, segregation of duties",
    summary:
      "Give people only the access their role needs, based on defined roles, and keep " +
      "conflicting duties apart. Review who has access, admin access above all, at least " +
      "quarterly and fix what you find.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "CC6.4",
    category: "security",
    label: "Physical access",
    summary:
      "Limit who can physically reach offices, data centers and equipment holding customer data. " +
      "If you run in the cloud, rely on the provider's SOC 2 report and secure your own office " +
      "and devices.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "CC6.5",
    category: "security",
    label: "Disposal of assets",
    summary:
      "Before laptops, disks or other media are retired, wipe or destroy the data on them, and " +
      "keep a record such as a wipe log or a certificate of destruction.",
    cosoPrinciple: null,
    pointsOfFocus: 1,
  },
  {
    id: "CC6.6",
    category: "security",
    label: "Threats from outside the boundary",
    summary:
      "Defend the edges of the system against attacks from the internet: firewalls or security " +
      "groups, as few exposed services as possible, and MFA or zero-trust access for remote and " +
      "admin connections.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "CC6.7",
    category: "security",
    label: "Data in transmission, movement and removal",
    summary:
      "Protect data on the move: encrypt it in transit with TLS, control copying to removable " +
      "media or personal accounts, and manage and encrypt the laptops and phones that carry it.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "CC6.8",
    category: "security",
    label: "Malicious and unauthorized software",
    summary:
      "Stop unauthorized or malicious software from running: endpoint protection, limits on who " +
      "can install software, and checks on code and dependencies before they reach production.",
    cosoPrinciple: null,
    pointsOfFocus: 5,
  },
  {
    id: "CC7.1",
    category: "security",
    label: "Configuration and vulnerability detection",
    summary:
      "Keep secure configuration baselines, watch for drift, and scan for vulnerabilities " +
      "regularly. Fix findings within deadlines set by severity and keep the scan and " +
      "remediation records.",
    cosoPrinciple: null,
    pointsOfFocus: 5,
  },
  {
    id: "CC7.2",
    category: "security",
    label: "Monitoring for anomalies",
    summary:
      "Collect logs from key systems and alert on suspicious activity, such as odd logins, " +
      "privilege changes or traffic spikes, so that someone sees it and acts.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "CC7.3",
    category: "security",
    label: "Evaluating security events",
    summary:
      "When an alert fires, someone triages it against defined criteria to decide whether it is " +
      "a real incident, and records that decision.",
    cosoPrinciple: null,
    pointsOfFocus: 7,
  },
  {
    id: "CC7.4",
    category: "security",
    label: "Incident response",
    summary:
      "Have a written incident response plan with roles, severity levels, containment steps and " +
      "communication. Follow it when incidents happen, document each one, and test the plan at " +
      "least yearly.",
    cosoPrinciple: null,
    pointsOfFocus: 14,
  },
  {
    id: "CC7.5",
    category: "security",
    label: "Recovery from incidents",
    summary:
      "After an incident, restore normal operations, find the root cause, fix it so it does not " +
      "recur, and share the lessons. Keep post-mortems and follow-up tickets.",
    cosoPrinciple: null,
    pointsOfFocus: 6,
  },
  {
    id: "CC8.1",
    category: "security",
    label: "Change management",
    summary:
      "Every change to code, infrastructure or configuration is tracked, reviewed by someone " +
      "other than its author, tested and approved before it reaches production. Emergency " +
      "changes get reviewed after the fact.",
    cosoPrinciple: null,
    pointsOfFocus: 18,
  },
  {
    id: "CC9.1",
    category: "security",
    label: "Business disruption risk",
    summary:
      "Plan for events that could stop the business, such as major outages, disasters or losing " +
      "key people, with continuity plans and, where it makes sense, insurance.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "CC9.2",
    category: "security",
    label: "Vendor and business partner risk",
    summary:
      "Keep a list of vendors and partners, assess their risk before signing and yearly after, " +
      "review their SOC 2 reports or equivalent, and put security and confidentiality terms in " +
      "contracts.",
    cosoPrinciple: null,
    pointsOfFocus: 13,
  },
];
