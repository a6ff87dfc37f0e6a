// Logical access control templates (AC): identity, provisioning, privilege, encryption, network.
import type { ControlTemplate } from "../types.ts";

export const accessControls: readonly ControlTemplate[] = [
  {
    id: "AC-01",
    title: "Single sign-on with unique named accounts",
    description:
      "Staff sign in to the cloud console, code host, production tooling and business " +
      "applications through the company identity provider, each with one named account. " +
      "Shared or generic user accounts are not allowed, and where an application supports " +
      "single sign-on, local password logins are turned off.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "it",
    criteria: ["CC6.1", "CC6.2"],
    suggestedEvidence: [
      "Identity provider application list showing in-scope systems connected",
      "Settings of in-scope systems showing single sign-on enforced",
      "User lists from in-scope systems matched to the HR roster",
    ],
    testProcedure:
      "Inspect the identity provider and confirm each in-scope system is connected. For a " +
      "sample of systems, inspect settings to confirm single sign-on is enforced. Obtain the " +
      "user lists of in-scope systems, match each account to one person on the HR roster, and " +
      "investigate any shared or generic account.",
  },
  {
    id: "AC-02",
    title: "Multi-factor authentication enforced",
    description:
      "The identity provider requires a second factor for every user, and the cloud root or " +
      "break-glass accounts and the code host organization enforce it on their own side too. " +
      "Administrators must use a phishing-resistant factor such as a hardware security key.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "it",
    criteria: ["CC6.1", "CC6.6"],
    suggestedEvidence: [
      "Identity provider sign-on policy requiring a second factor for all users",
      "Cloud root account and code host organization MFA settings",
      "Factor enrollment report listing every active user",
    ],
    testProcedure:
      "Inspect the identity provider policy and confirm a second factor is required for all " +
      "users with no standing exemptions. Inspect MFA settings for the cloud root account and " +
      "the code host organization. Inspect the enrollment report and confirm every active user " +
      "has a factor; observe a sign-in to confirm the prompt appears.",
  },
  {
    id: "AC-03",
    title: "Password and session standards",
    description:
      "The identity provider enforces the company password standard: at least 12 characters, " +
      "screening against known breached passwords, lockout after repeated failures and idle " +
      "session timeouts. Passwords are changed when compromise is suspected rather than on a " +
      "fixed schedule, and staff store them in the company password manager.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "it",
    criteria: ["CC6.1"],
    suggestedEvidence: [
      "Password standard within the access control policy",
      "Identity provider password, lockout and session settings",
      "Password manager admin report showing staff enrollment",
    ],
    testProcedure:
      "Inspect the identity provider settings and compare them with the password standard. " +
      "For in-scope systems that are not behind single sign-on, inspect their local password " +
      "settings. Inspect the password manager report and confirm staff are enrolled.",
  },
  {
    id: "AC-04",
    title: "Access requests approved before granting",
    description:
      "Access to in-scope systems beyond the default for a role is requested through a " +
      "ticket that names the system and level needed. The manager and the system owner " +
      "approve it before IT grants access, and the access granted matches what was approved.",
    kind: "preventive",
    automation: "manual",
    frequency: "event-driven",
    ownerRole: "it",
    criteria: ["CC6.2", "CC6.3"],
    suggestedEvidence: [
      "Access grant events for in-scope systems from identity provider or audit logs",
      "Request tickets with approvals for the sampled grants",
    ],
    testProcedure:
      "Obtain the population of access grants to in-scope systems in the period from system " +
      "logs and select a sample. For each, inspect the ticket and confirm the manager and " +
      "system owner approved it before the grant date, and that the granted level matched " +
      "the request.",
  },
  {
    id: "AC-05",
    title: "Timely removal of access for leavers and movers",
    description:
      "A termination entered in the HR system suspends the person's identity provider " +
      "account, cutting off every application behind single sign-on, within one business day " +
      "or immediately for involuntary departures. When someone changes role, access that the " +
      "new role does not need is removed within the same timeframe.",
    kind: "preventive",
    automation: "automated",
    frequency: "event-driven",
    ownerRole: "it",
    criteria: ["CC6.2", "CC6.3"],
    suggestedEvidence: [
      "Configuration of the HR-to-identity-provider integration",
      "List of leavers and role changes in the period from the HR system",
      "Identity provider deactivation log entries for the sampled people",
    ],
    testProcedure:
      "Inspect the integration between the HR system and the identity provider. For a " +
      "sample of leavers, compare the termination date in HR records with the deactivation " +
      "time in the identity provider and confirm removal within one business day. For a " +
      "sample of role changes, confirm access no longer needed was removed in that timeframe.",
  },
  {
    id: "AC-06",
    title: "Quarterly user access reviews",
    description:
      "Each quarter, system owners review complete user and permission lists for every " +
      "in-scope system, including the identity provider, cloud console, code host and " +
      "production databases, and mark each account to keep, change or remove. Changes are " +
      "made within five business days and the signed-off review is kept.",
    kind: "detective",
    automation: "it-dependent-manual",
    frequency: "quarterly",
    ownerRole: "security",
    criteria: ["CC6.2", "CC6.3", "CC4.1"],
    suggestedEvidence: [
      "User listings exported from each in-scope system, showing source and export date",
      "Completed reviews with reviewer, decisions and sign-off date",
      "Tickets or logs showing requested changes were made",
    ],
    testProcedure:
      "For a sample of two quarters, obtain the review for each in-scope system. Confirm the " +
      "listing was complete by re-performing the export or comparing counts, and that the " +
      "reviewer was not reviewing their own access. Confirm every account had a decision and " +
      "that removals and changes were completed within five business days.",
  },
  {
    id: "AC-07",
    title: "Privileged and production access restricted",
    description:
      "Administrator roles in the cloud, identity provider and code host are held by a small " +
      "group approved by the security lead. Engineers reach production data only through " +
      "time-limited elevation tied to a ticket and logged, and break-glass credentials are " +
      "vaulted, with every use raising an alert.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "security",
    criteria: ["CC6.1", "CC6.3"],
    suggestedEvidence: [
      "Lists of administrators in the cloud, identity provider and code host",
      "Approved list of privileged users with justification",
      "Elevation logs with ticket references and expiry times",
    ],
    testProcedure:
      "Obtain the administrator lists and compare them with the approved list; investigate " +
      "any difference. For a sample of production elevations, confirm a ticket justifies " +
      "the access and that it expired automatically. Inspect break-glass account activity " +
      "and confirm every use raised an alert and was explained.",
  },
  {
    id: "AC-08",
    title: "Role-based access and segregation of duties",
    description:
      "Access is granted through identity provider groups mapped to job functions in a role " +
      "matrix, which gives each role the least access it needs. Conflicting duties, such as " +
      "approving one's own code or access, are split between people or, in a small team, " +
      "covered by a documented monitoring control. The matrix is reviewed yearly.",
    kind: "preventive",
    automation: "manual",
    frequency: "annual",
    ownerRole: "security",
    criteria: ["CC6.3", "CC5.1", "CC3.3"],
    suggestedEvidence: [
      "Role matrix mapping job functions to groups and permissions, with review date",
      "Identity provider group membership export",
      "List of conflicting duties with the separation or compensating control",
    ],
    testProcedure:
      "Inspect the role matrix and confirm it was reviewed in the period. For a sample of " +
      "users, compare group membership with the matrix entry for their job title. Inspect " +
      "the list of conflicting duties and confirm each is separated or has a compensating " +
      "control that operated.",
  },
  {
    id: "AC-09",
    title: "Secrets and service accounts managed",
    description:
      "API keys, database passwords and deploy tokens live in a secrets manager and are " +
      "injected at runtime, and secret scanning blocks commits that contain credentials. " +
      "Each service account has an owner and only the permissions it needs, and secrets are " +
      "rotated on a schedule and when someone with access leaves.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC6.1", "CC6.3"],
    suggestedEvidence: [
      "Secrets manager configuration and access policy",
      "Code host secret scanning and push protection settings",
      "Service account inventory with owners and permissions",
    ],
    testProcedure:
      "Inspect the secrets manager access policy and confirm only the services and engineers " +
      "who need them can read production secrets. Inspect the secret scanning settings and " +
      "its alert history. For a sample of service accounts, confirm an owner is named and " +
      "permissions are limited to the account's purpose.",
  },
  {
    id: "AC-10",
    title: "Encryption at rest with managed keys",
    description:
      "Databases, object storage, volumes and backups holding customer data are encrypted " +
      "with strong algorithms using keys held in the cloud key management service. Use and " +
      "administration of keys is limited to named roles, rotation is on, and a posture check " +
      "flags any unencrypted storage.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC6.1"],
    suggestedEvidence: [
      "Encryption settings for each in-scope data store",
      "Key policies showing who can use and administer keys",
      "Posture tool rule for unencrypted storage and its current results",
    ],
    testProcedure:
      "Obtain the list of data stores holding customer data and inspect the encryption " +
      "setting for each. Inspect key policies and confirm administration is limited to named " +
      "roles and rotation is enabled. Inspect the posture tool results for unencrypted storage.",
  },
  {
    id: "AC-11",
    title: "Network segmentation and gated administrative access",
    description:
      "Production runs in private networks apart from staging and corporate systems, with " +
      "inbound traffic denied by default and only the load balancer exposed to the internet. " +
      "Administrative sessions reach production only through a bastion or identity-aware " +
      "proxy that requires single sign-on and MFA, never by direct SSH or RDP.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC6.6", "CC6.1"],
    suggestedEvidence: [
      "Network diagram showing production, staging and corporate boundaries",
      "Security group and firewall rules for production",
      "Bastion or access proxy configuration requiring single sign-on and MFA",
    ],
    testProcedure:
      "Inspect the network diagram and the production firewall rules and confirm only " +
      "intended ports are open to the internet. Inspect the access proxy configuration and " +
      "observe an engineer connecting to production through it. Inspect posture tool results " +
      "for any rule allowing SSH or RDP from anywhere.",
  },
  {
    id: "AC-12",
    title: "Encryption in transit",
    description:
      "Public endpoints accept only TLS 1.2 or later with current cipher suites, redirect " +
      "plain HTTP and send HSTS. Internal traffic carrying customer data is also encrypted, " +
      "and certificates are issued and renewed automatically with expiry monitoring.",
    kind: "preventive",
    automation: "automated",
    frequency: "continuous",
    ownerRole: "engineering",
    criteria: ["CC6.7", "CC6.6"],
    suggestedEvidence: [
      "Load balancer or CDN TLS policy",
      "External TLS scan result for each public endpoint",
      "Certificate management configuration and expiry alerts",
    ],
    testProcedure:
      "Inspect the TLS policy on the load balancer or CDN. Run or inspect an external TLS " +
      "scan of each public endpoint and confirm older protocols are refused. Inquire how " +
      "internal traffic is encrypted and inspect the configuration for one data path.",
  },
];
