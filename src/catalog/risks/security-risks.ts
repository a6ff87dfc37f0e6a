// Starter risks about attacks on accounts, systems and code (RL-01 to RL-16).
import type { RiskTemplate } from "./types.ts";

export const securityRisks: readonly RiskTemplate[] = [
  {
    id: "RL-01",
    title: "Staff account taken over with stolen credentials",
    description:
      "An attacker signs in as a staff member with a password reused from a breached website, " +
      "guessed in a password-spraying run or bought from an infostealer log. Through single " +
      "sign-on the attacker reaches the cloud console, the code host and customer data.",
    category: "security",
    categories: [],
    likelihood: 4,
    impact: 4,
    treatment: "mitigate",
    controls: ["AC-01", "AC-02", "AC-03", "OP-07", "HR-03"],
    criteria: ["CC6.1", "CC6.6", "CC7.2"],
  },
  {
    id: "RL-02",
    title: "Phishing or social engineering of staff",
    description:
      "A staff member is tricked by an email, text, chat message or phone call into entering " +
      "credentials on a fake page, approving an MFA prompt, running malware or sending data. " +
      "The attacker gains a foothold, and the company may not notice for days.",
    category: "security",
    categories: [],
    likelihood: 5,
    impact: 4,
    treatment: "mitigate",
    controls: ["HR-03", "AC-02", "OP-01", "IR-01"],
    criteria: ["CC2.2", "CC6.1", "CC6.8", "CC7.3"],
  },
  {
    id: "RL-03",
    title: "Ransomware encrypts or steals production data",
    description:
      "Attackers who got in through phishing, stolen credentials or an unpatched service " +
      "encrypt production systems and backups, or copy data and threaten to publish it. The " +
      "service stops, data may be lost, and customers and regulators may have to be told.",
    category: "security",
    categories: ["availability"],
    likelihood: 3,
    impact: 5,
    treatment: "mitigate",
    controls: ["OP-01", "OP-05", "AC-07", "BC-04", "BC-06", "IR-01", "RM-05"],
    criteria: ["CC6.8", "CC7.5", "A1.2", "CC9.1"],
  },
  {
    id: "RL-04",
    title: "Insider misuses legitimate access",
    description:
      "An employee or contractor with real access copies, changes or deletes customer or " +
      "company data for personal gain, a grievance or a new employer. Because the access is " +
      "legitimate, the misuse is hard to tell apart from normal work.",
    category: "security",
    categories: [],
    likelihood: 2,
    impact: 4,
    treatment: "mitigate",
    controls: ["HR-01", "AC-07", "AC-08", "AC-06", "OP-06", "OP-09"],
    criteria: ["CC1.1", "CC6.3", "CC7.2"],
  },
  {
    id: "RL-05",
    title: "Cloud storage or database exposed to the internet by misconfiguration",
    description:
      "A storage bucket, database snapshot or search cluster is made public by a manual console " +
      "change or a mistake in infrastructure code. Automated scanners find such exposures " +
      "within hours, and the customer data in it is copied.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 5,
    treatment: "mitigate",
    controls: ["CM-08", "CM-09", "OP-02", "OP-07"],
    criteria: ["CC7.1", "CC8.1", "CC7.2"],
  },
  {
    id: "RL-06",
    title: "Known vulnerability left unpatched and exploited",
    description:
      "A published vulnerability in an internet-facing service, a container image, a library " +
      "or a laptop operating system stays unfixed because nobody tracked it. An attacker " +
      "exploits it to run code or read data.",
    category: "security",
    categories: [],
    likelihood: 4,
    impact: 4,
    treatment: "mitigate",
    controls: ["OP-03", "OP-05", "OP-04", "OP-08", "CM-04"],
    criteria: ["CC7.1", "CC6.8", "CC4.1"],
  },
  {
    id: "RL-07",
    title: "Application flaw lets one customer reach another customer's data",
    description:
      "A missing authorization or tenant check in the application lets a signed-in user read " +
      "or change records of another organization by changing an id in a request. One customer's " +
      "data leaks to another, which breaks the core promise of a multi-tenant service.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 5,
    treatment: "mitigate",
    controls: ["CM-02", "CM-04", "OP-04", "HR-03"],
    criteria: ["CC8.1", "CC7.1", "CC4.1"],
  },
  {
    id: "RL-08",
    title: "Secrets exposed in source code, logs or tickets",
    description:
      "An API key, database password or signing key is committed to a repository, printed in " +
      "CI output or pasted in a ticket or chat. Anyone who later sees it, including an attacker " +
      "with access to one of those tools, can use it to reach production.",
    category: "security",
    categories: [],
    likelihood: 4,
    impact: 4,
    treatment: "mitigate",
    controls: ["AC-09", "CM-04", "IR-04"],
    criteria: ["CC6.1", "CC8.1", "CC7.5"],
  },
  {
    id: "RL-09",
    title: "Compromised dependency or build tool in the supply chain",
    description:
      "A malicious release of an open-source package, a look-alike package name or a hijacked " +
      "CI action is pulled into the build. It runs with the application's privileges, steals " +
      "secrets from the pipeline or ships a backdoor to production.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 5,
    treatment: "mitigate",
    controls: ["CM-04", "CM-02", "CM-06", "OP-03", "AC-09"],
    criteria: ["CC8.1", "CC7.1", "CC6.1"],
  },
  {
    id: "RL-10",
    title: "Unauthorized or unreviewed change reaches production",
    description:
      "Code, infrastructure or configuration changes go live without review or testing, because " +
      "someone deploys by hand, pushes straight to the main branch or changes a console setting. " +
      "The change opens a security hole, breaks the service or hides a malicious edit.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["CM-01", "CM-02", "CM-03", "CM-06", "CM-09"],
    criteria: ["CC8.1", "CC5.2", "CC6.3"],
  },
  {
    id: "RL-11",
    title: "Leavers and movers keep access they no longer need",
    description:
      "A person who left, or changed role, keeps accounts in tools outside single sign-on, in " +
      "shared credentials or in old permission groups. The access is later misused by them or " +
      "by someone who takes over the forgotten account.",
    category: "security",
    categories: [],
    likelihood: 4,
    impact: 3,
    treatment: "mitigate",
    controls: ["AC-05", "HR-08", "AC-06", "AC-01", "AC-09"],
    criteria: ["CC6.2", "CC6.3"],
  },
  {
    id: "RL-12",
    title: "Too many people hold administrator rights",
    description:
      "Standing administrator rights in the cloud, the identity provider or the code host are " +
      "given out for convenience and never taken back. One compromised or careless administrator " +
      "can then change anything, delete data or turn off logging.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 5,
    treatment: "mitigate",
    controls: ["AC-07", "AC-08", "AC-04", "AC-06", "OP-07"],
    criteria: ["CC6.1", "CC6.3", "CC7.2"],
  },
  {
    id: "RL-13",
    title: "Laptop lost or stolen",
    description:
      "A company laptop is left in a taxi, stolen from a car or kept by a departing contractor. " +
      "If its disk is not encrypted or a session is open, source code, credentials and any " +
      "customer data on it are exposed.",
    category: "security",
    categories: [],
    likelihood: 4,
    impact: 3,
    treatment: "mitigate",
    controls: ["AS-05", "OP-01", "AS-01", "HR-08"],
    criteria: ["CC6.7", "CC6.1", "CC6.4"],
  },
  {
    id: "RL-14",
    title: "Malware on a staff device steals sessions and credentials",
    description:
      "An infostealer arrives through a pirated tool, a malicious browser extension or a fake " +
      "software update. It copies saved passwords and session cookies, which let the attacker " +
      "skip both the password and the MFA step.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["OP-01", "OP-05", "AC-03", "OP-07"],
    criteria: ["CC6.8", "CC7.2", "CC6.1"],
  },
  {
    id: "RL-15",
    title: "Intrusion goes undetected for a long time",
    description:
      "An attacker works inside the environment for weeks because key logs are not collected, " +
      "can be deleted by the attacker, or raise alerts that nobody reads. The breach grows and " +
      "its scope cannot be established afterwards.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["OP-06", "OP-07", "OP-08", "OP-09"],
    criteria: ["CC7.2", "CC7.3"],
  },
  {
    id: "RL-16",
    title: "Security incident handled slowly or badly",
    description:
      "When an incident happens, roles are unclear, contacts are out of date and evidence is " +
      "destroyed by well-meant clean-up. Containment takes longer, damage spreads and " +
      "contractual or legal notice deadlines are missed.",
    category: "security",
    categories: [],
    likelihood: 3,
    impact: 4,
    treatment: "mitigate",
    controls: ["IR-01", "IR-02", "IR-03", "IR-04", "IR-05"],
    criteria: ["CC7.3", "CC7.4", "CC7.5"],
  },
];
