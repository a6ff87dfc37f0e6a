// Labels and summaries are Attest's own words, not the AICPA criteria text or points of focus.
import type { Criterion } from "../types.ts";

/** The 18 privacy criteria, P1.1 to P8.1. */
export const PRIVACY_CRITERIA: readonly Criterion[] = [
  {
    id: "P1.1",
    category: "privacy",
    label: "Privacy notice",
    summary:
      "Publish a clear, current privacy notice explaining what personal information you collect, " +
      "why, how you use and share it, and what rights people have. Update it when practices " +
      "change.",
    cosoPrinciple: null,
    pointsOfFocus: 7,
  },
  {
    id: "P2.1",
    category: "privacy",
    label: "Choice and consent",
    summary:
      "Tell people what choices they have about their personal information, get consent where it " +
      "is needed, and record it. Honor opt-outs and withdrawn consent.",
    cosoPrinciple: null,
    pointsOfFocus: 6,
  },
  {
    id: "P3.1",
    category: "privacy",
    label: "Collection limited to the objectives",
    summary:
      "Collect only the personal information needed for the purposes in your notice, by fair and " +
      "lawful means, and check that data bought or received from third parties meets the same " +
      "bar.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "P3.2",
    category: "privacy",
    label: "Explicit consent where required",
    summary:
      "For sensitive data, or where the law demands it, get clear, explicit consent before " +
      "collecting, explain what happens if the person says no, and keep the record.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "P4.1",
    category: "privacy",
    label: "Use limited to the objectives",
    summary:
      "Use personal information only for the purposes described in your notice and agreed to by " +
      "the person; any new use needs a new notice or fresh consent.",
    cosoPrinciple: null,
    pointsOfFocus: 1,
  },
  {
    id: "P4.2",
    category: "privacy",
    label: "Retention",
    summary:
      "Keep personal information only as long as its purpose or the law requires, following a " +
      "written retention schedule that is actually applied.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "P4.3",
    category: "privacy",
    label: "Secure disposal",
    summary:
      "When personal information reaches the end of its retention period or is no longer needed, " +
      "delete, destroy or anonymize it securely and keep a record of having done so.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "P5.1",
    category: "privacy",
    label: "Data subjects' access",
    summary:
      "Let people find out what personal information you hold about them and get a copy, after " +
      "verifying who they are, within set deadlines. Log each request and response.",
    cosoPrinciple: null,
    pointsOfFocus: 5,
  },
  {
    id: "P5.2",
    category: "privacy",
    label: "Correction",
    summary:
      "Let people fix or update their personal information, pass corrections on to third parties " +
      "where relevant, and explain in writing when a request is refused.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "P6.1",
    category: "privacy",
    label: "Disclosure to third parties with consent",
    summary:
      "Share personal information with third parties only for purposes in your notice and with " +
      "the person's consent where needed, under contracts that bind the recipient.",
    cosoPrinciple: null,
    pointsOfFocus: 4,
  },
  {
    id: "P6.2",
    category: "privacy",
    label: "Record of authorized disclosures",
    summary:
      "Maintain a log of each approved sharing of personal information: who received it, which " +
      "data, when and for what purpose.",
    cosoPrinciple: null,
    pointsOfFocus: 1,
  },
  {
    id: "P6.3",
    category: "privacy",
    label: "Record of unauthorized disclosures and breaches",
    summary:
      "Log every breach or other unauthorized sharing of personal information: what happened, " +
      "which records and people were affected, and how it was handled.",
    cosoPrinciple: null,
    pointsOfFocus: 1,
  },
  {
    id: "P6.4",
    category: "privacy",
    label: "Privacy commitments of vendors",
    summary:
      "Vendors handling personal information for you sign up, by contract, to privacy " +
      "protections at least as strong as yours, and you check that they keep to them.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "P6.5",
    category: "privacy",
    label: "Vendors' notice of breaches",
    summary:
      "Require vendors to tell you promptly when personal information they hold for you is " +
      "exposed, and have a process to act on those notices.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "P6.6",
    category: "privacy",
    label: "Breach notification to data subjects and regulators",
    summary:
      "When a breach touches personal information, notify affected people, regulators and anyone " +
      "else the law or your commitments require, within the required deadlines.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "P6.7",
    category: "privacy",
    label: "Accounting of disclosures to data subjects",
    summary:
      "On request, tell people which third parties received their personal information and when, " +
      "using the sharing logs you keep.",
    cosoPrinciple: null,
    pointsOfFocus: 3,
  },
  {
    id: "P7.1",
    category: "privacy",
    label: "Data quality",
    summary:
      "Keep personal information accurate, complete and current for the purposes it serves, with " +
      "checks at collection and a way for people or staff to refresh it.",
    cosoPrinciple: null,
    pointsOfFocus: 2,
  },
  {
    id: "P8.1",
    category: "privacy",
    label: "Complaints, disputes and compliance monitoring",
    summary:
      "Give people a way to raise privacy questions, complaints and disputes, answer and resolve " +
      "them, and regularly check that privacy commitments are met, fixing any gaps found.",
    cosoPrinciple: null,
    pointsOfFocus: 6,
  },
];
