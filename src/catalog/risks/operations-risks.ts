// Starter risks about keeping the service running and correct, and about the team (RL-17 to RL-30).
import type { RiskTemplate } from "./types.ts";

export const operationsRisks: readonly RiskTemplate[] = [
  {
    id: "RL-17",
    title: "Denial-of-service attack takes the service down",
    description:
      "A flood of traffic or of costly requests against public endpoints, sometimes with a " +
      "ransom demand, exhausts capacity. Customers cannot use the service and may claim " +
      "service-level credits.",
    category: "availability",
    categories: ["availability"],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["OP-08", "BC-01", "BC-03", "BC-10"],
    criteria: ["CC6.6", "A1.1", "A1.2", "CC7.4"],
  },
  {
    id: "RL-18",
    title: "Cloud provider zone or region outage",
    description:
      "A power, network or software failure at the cloud provider takes down a zone or a whole " +
      "region. A service that runs in one place is unavailable until the provider recovers, " +
      "which can take hours.",
    category: "availability",
    categories: ["availability"],
    likelihood: 2,
    impact: 4,
    treatment: "mitigate",
    controls: ["BC-03", "BC-07", "BC-08", "BC-09", "BC-10"],
    criteria: ["A1.2", "A1.3", "CC9.1", "CC9.2"],
  },
  {
    id: "RL-19",
    title: "Data lost because backups failed or cannot be restored",
    description:
      "After a deletion, corruption or attack, the team finds that backups silently stopped, " +
      "miss a data store or take far longer to restore than promised. Customer data is lost for " +
      "good or the recovery misses its objectives.",
    category: "availability",
    categories: ["availability"],
    likelihood: 3,
    impact: 5,
    treatment: "mitigate",
    controls: ["BC-04", "BC-05", "BC-06"],
    criteria: ["A1.2", "A1.3", "CC7.5"],
  },
  {
    id: "RL-20",
    title: "Capacity runs out as usage grows",
    description:
      "Customer growth, a large new account or a runaway job exhausts database connections, " +
      "storage or compute. The service slows down or fails at peak times, often without warning.",
    category: "availability",
    categories: ["availability"],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["BC-01", "BC-02", "BC-03"],
    criteria: ["A1.1", "A1.2"],
  },
  {
    id: "RL-21",
    title: "Operator mistake deletes or corrupts production data",
    description:
      "An engineer runs a faulty migration, a one-off script or a console command against " +
      "production instead of staging. Records are destroyed or corrupted, and the service is " +
      "degraded until data is restored.",
    category: "availability",
    categories: ["availability"],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["CM-02", "CM-05", "AC-07", "BC-04", "BC-06"],
    criteria: ["CC8.1", "CC6.3", "A1.2", "CC7.5"],
  },
  {
    id: "RL-22",
    title: "Processing error gives customers incomplete or wrong results",
    description:
      "A bug, a failed background job or bad input data makes records drop, duplicate or come " +
      "out wrong without anyone noticing. Customers act on incorrect outputs, and the error may " +
      "spread to their own systems and reports.",
    category: "processing-integrity",
    categories: ["processing-integrity"],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["DQ-02", "DQ-03", "DQ-04", "DQ-05", "CM-04"],
    criteria: ["PI1.2", "PI1.3", "PI1.4"],
  },
  {
    id: "RL-23",
    title: "Inputs and outputs cannot be traced or reproduced",
    description:
      "Inputs, intermediate data and outputs are overwritten or deleted before their retention " +
      "period ends, or the expected processing was never written down. When a customer disputes " +
      "a result, the company cannot show how it was produced.",
    category: "processing-integrity",
    categories: ["processing-integrity"],
    likelihood: 2,
    impact: 3,
    treatment: "mitigate",
    controls: ["DQ-01", "DQ-06"],
    criteria: ["PI1.1", "PI1.5"],
  },
  {
    id: "RL-24",
    title: "Domain name or DNS hijacked or lost",
    description:
      "The company domain expires, or an attacker takes over the registrar or DNS account. Web " +
      "traffic, sign-ins and email are redirected to the attacker or simply stop.",
    category: "operational",
    categories: [],
    likelihood: 2,
    impact: 5,
    treatment: "mitigate",
    controls: ["CM-09", "AC-02", "AS-01"],
    criteria: ["CC8.1", "CC7.1", "CC6.1"],
  },
  {
    id: "RL-25",
    title: "Expired TLS certificate breaks the service",
    description:
      "A certificate for a public endpoint or an internal service expires because renewal was " +
      "manual or silently failed. Browsers and API clients refuse to connect until it is " +
      "replaced.",
    category: "operational",
    categories: [],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["AC-12"],
    criteria: ["CC6.7"],
  },
  {
    id: "RL-26",
    title: "Significant change made without weighing its risks",
    description:
      "A new product line, an acquisition, a move to a new region or hosting model, or a new " +
      "regulation changes the risk picture, but nobody reviews the effect on controls. New " +
      "risks stay unmanaged until an incident or an audit reveals them.",
    category: "operational",
    categories: [],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["RM-04", "RM-01", "GV-12"],
    criteria: ["CC3.4", "CC3.2", "CC5.1"],
  },
  {
    id: "RL-27",
    title: "Office unusable because of fire, flood or a power cut",
    description:
      "An office building is closed for days by fire, flooding or a long power cut. Because " +
      "production runs in the cloud and staff can work remotely, the effect is limited to " +
      "inconvenience, so the risk is recorded and accepted.",
    category: "operational",
    categories: [],
    likelihood: 2,
    impact: 1,
    treatment: "accept",
    controls: ["RM-02"],
    criteria: ["CC3.2"],
  },
  {
    id: "RL-28",
    title: "Critical knowledge held by one person",
    description:
      "Only one person knows how to run the deploy pipeline, restore the database or manage " +
      "the cloud account. When that person leaves, falls ill or is unreachable during an " +
      "incident, the company cannot operate or recover in time.",
    category: "people",
    categories: [],
    likelihood: 4,
    impact: 3,
    treatment: "mitigate",
    controls: ["RM-05", "GV-04", "BC-07", "HR-08"],
    criteria: ["CC9.1", "CC1.3"],
  },
  {
    id: "RL-29",
    title: "Untrustworthy or unqualified person hired into a sensitive role",
    description:
      "A hire with a concealed history of fraud, or without the skills the role needs, gets " +
      "access to production or customer data. The result is misuse, serious mistakes or both.",
    category: "people",
    categories: [],
    likelihood: 2,
    impact: 4,
    treatment: "mitigate",
    controls: ["HR-01", "HR-02", "HR-06", "HR-04"],
    criteria: ["CC1.1", "CC1.4"],
  },
  {
    id: "RL-30",
    title: "Staff do not know or follow security policies",
    description:
      "Policies exist but people have not read them, have not been trained, or see no " +
      "consequences when they ignore them. Unsafe habits such as sharing passwords or copying " +
      "data spread and cause incidents.",
    category: "people",
    categories: [],
    likelihood: 3,
    impact: 3,
    treatment: "mitigate",
    controls: ["HR-03", "GV-07", "GV-01", "HR-05"],
    criteria: ["CC1.1", "CC1.4", "CC2.2", "CC5.3"],
  },
];
