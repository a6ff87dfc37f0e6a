// Starter risks from vendors and from how customer and personal data is kept (RL-31 to RL-38).
import type { RiskTemplate } from "./types.ts";

export const thirdPartyRisks: readonly RiskTemplate[] = [
  {
    id: "RL-31",
    title: "Breach at a vendor that holds our data",
    description:
      "A SaaS vendor that holds company or customer data, such as the support desk, email " +
      "delivery or analytics tool, is breached. Our customers' data is exposed through no " +
      "fault of our own systems, and we still have to investigate and notify.",
    category: "vendor",
    categories: [],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["RM-06", "RM-07", "RM-08"],
    criteria: ["CC9.2", "CC2.3"],
  },
  {
    id: "RL-32",
    title: "Critical vendor fails or goes out of business",
    description:
      "A vendor the service depends on, such as the identity provider, payment processor or " +
      "email delivery service, has a long outage or shuts down. Parts of the service stop " +
      "until the vendor recovers or is replaced.",
    category: "vendor",
    categories: [],
    likelihood: 2,
    impact: 4,
    treatment: "mitigate",
    controls: ["RM-06", "RM-07", "RM-05", "BC-07"],
    criteria: ["CC9.2", "CC9.1"],
  },
  {
    id: "RL-33",
    title: "Subservice organization's controls fail unnoticed",
    description:
      "The cloud provider's own SOC 2 report shows exceptions, or expects controls from us " +
      "that we do not run, and nobody reads it. A weakness in controls we rely on, such as " +
      "data center access, goes unaddressed and undisclosed in our own report.",
    category: "vendor",
    categories: [],
    likelihood: 2,
    impact: 3,
    treatment: "mitigate",
    controls: ["AS-03", "BC-09", "RM-07"],
    criteria: ["CC9.2", "CC6.4", "CC4.1"],
  },
  {
    id: "RL-34",
    title: "Vendor processes personal data without adequate terms",
    description:
      "A team starts sending personal data to a new tool without a data processing agreement. " +
      "The vendor may reuse the data, pass it to its own sub-processors or report a breach " +
      "late, and the company cannot meet its own privacy commitments.",
    category: "vendor",
    categories: ["privacy"],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["PV-12", "RM-08", "RM-06"],
    criteria: ["P6.4", "P6.5", "CC9.2"],
  },
  {
    id: "RL-35",
    title: "Customer data copied outside production and leaked",
    description:
      "Customer data is exported to laptops, staging databases, spreadsheets, personal drives " +
      "or online AI tools to debug or analyse something. Those copies have weaker protection, " +
      "are forgotten, and eventually leak.",
    category: "confidentiality",
    categories: ["confidentiality"],
    likelihood: 4,
    impact: 4,
    treatment: "mitigate",
    controls: ["CM-05", "AS-06", "CF-01", "CF-03", "HR-03"],
    criteria: ["C1.1", "CC6.7", "CC6.1"],
  },
  {
    id: "RL-36",
    title: "Data kept after its retention period or after the contract ends",
    description:
      "Customer and confidential data is not deleted when a contract ends or its retention " +
      "period passes, because deletion is manual or forgotten. The company breaks its contracts " +
      "and any later breach exposes more data than it should have held.",
    category: "confidentiality",
    categories: ["confidentiality"],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["CF-05", "CF-06", "CF-07", "AS-04"],
    criteria: ["C1.2", "CC6.5"],
  },
  {
    id: "RL-37",
    title: "Personal data collected or used beyond what the notice allows",
    description:
      "A new feature, marketing campaign or analytics event collects more personal data than " +
      "needed or uses it for a purpose the privacy notice does not cover. Users complain and " +
      "regulators may investigate and fine the company.",
    category: "privacy",
    categories: ["privacy"],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["PV-01", "PV-02", "PV-04", "PV-05"],
    criteria: ["P1.1", "P2.1", "P3.1", "P4.1"],
  },
  {
    id: "RL-38",
    title: "Privacy requests and complaints mishandled",
    description:
      "Requests to access, correct or delete personal data arrive through support or sales " +
      "and are not recognized, routed or answered in time. Missed legal deadlines lead to " +
      "complaints to regulators and loss of customer trust.",
    category: "privacy",
    categories: ["privacy"],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["PV-08", "PV-09", "PV-14"],
    criteria: ["P5.1", "P5.2", "P8.1"],
  },
];
