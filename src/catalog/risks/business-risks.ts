// Starter risks about legal duties, commitments and money (RL-39 to RL-45).
import type { RiskTemplate } from "./types.ts";

export const businessRisks: readonly RiskTemplate[] = [
  {
    id: "RL-39",
    title: "Personal data breach not notified in time",
    description:
      "A breach involving personal data is recognized late or its notice is held up by " +
      "uncertainty over who decides. The legal deadline for telling regulators, customers or " +
      "individuals passes, adding fines and reputational harm to the breach itself.",
    category: "legal-compliance",
    categories: ["privacy"],
    likelihood: 2,
    impact: 4,
    treatment: "mitigate",
    controls: ["PV-11", "IR-01", "IR-05"],
    criteria: ["P6.3", "P6.6", "CC7.4"],
  },
  {
    id: "RL-40",
    title: "Security commitments to customers not met",
    description:
      "Contracts, the security page and answers to customer questionnaires promise practices " +
      "that the company does not actually follow, or that changed without customers being told. " +
      "Customers can claim breach of contract, and trust is lost when the gap surfaces.",
    category: "legal-compliance",
    categories: [],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["GV-08", "GV-05", "GV-10"],
    criteria: ["CC2.3", "CC3.1", "CC4.1"],
  },
  {
    id: "RL-41",
    title: "Controls stop operating between audits",
    description:
      "After the audit, reviews are skipped, evidence is not kept and failed controls are not " +
      "followed up. The next audit period finds exceptions, and the report carries a qualified " +
      "opinion that customers notice.",
    category: "legal-compliance",
    categories: [],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["GV-10", "GV-11", "GV-06", "GV-04"],
    criteria: ["CC4.1", "CC4.2", "CC1.5"],
  },
  {
    id: "RL-42",
    title: "Payment card numbers stored in our systems",
    description:
      "Handling card numbers directly would put the whole service in scope for the card " +
      "industry's security standard and make any breach far more costly. The company avoids " +
      "the risk by taking payments only through a processor's hosted payment page, so card " +
      "numbers never reach its servers.",
    category: "legal-compliance",
    categories: [],
    likelihood: 2,
    impact: 4,
    treatment: "avoid",
    controls: ["RM-06", "RM-08"],
    criteria: ["CC9.2", "CC3.2"],
  },
  {
    id: "RL-43",
    title: "Payment fraud through an impersonated executive or vendor",
    description:
      "An attacker posing as the CEO or a known supplier persuades finance to pay a fake " +
      "invoice or change a supplier's bank details. The money is usually gone by the time the " +
      "fraud is noticed.",
    category: "financial",
    categories: [],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["HR-03", "RM-03", "AC-02"],
    criteria: ["CC3.3", "CC2.2", "CC6.1"],
  },
  {
    id: "RL-44",
    title: "Internal fraud or management override of controls",
    description:
      "A staff member or manager misuses their position, for example by altering billing or " +
      "usage data, paying a fictitious vendor or approving their own access. The loss is " +
      "financial, and the override undermines every control it touches.",
    category: "financial",
    categories: [],
    likelihood: 2,
    impact: 4,
    treatment: "mitigate",
    controls: ["RM-03", "AC-08", "GV-09", "GV-10", "RM-06"],
    criteria: ["CC3.3", "CC6.3", "CC1.1", "CC4.1", "CC9.2"],
  },
  {
    id: "RL-45",
    title: "Cost of a major incident exceeds the company's reserves",
    description:
      "Forensics, legal advice, breach notices, customer credits and lost sales after a major " +
      "breach or outage cost more than a small company can absorb. The financial part of this " +
      "risk is transferred through cyber liability insurance sized to the current risk profile.",
    category: "financial",
    categories: [],
    likelihood: 2,
    impact: 5,
    treatment: "transfer",
    controls: ["RM-05"],
    criteria: ["CC9.1"],
  },
];
