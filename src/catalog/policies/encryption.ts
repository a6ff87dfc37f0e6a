// Where encryption is required, which algorithms are allowed, and how keys are looked after.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { ENGINEERING_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const encryptionPolicy: PolicyTemplate = {
  id: "encryption",
  title: "Encryption Policy",
  summary:
    "Requires encryption of data at rest and in transit, names the accepted algorithms and " +
    "protocols, and sets how keys and certificates are managed.",
  categories: [],
  criteria: ["C1.1", "CC5.3", "CC6.1", "CC6.6", "CC6.7", "CC7.5", "A1.2"],
  controls: POLICY_TEMPLATE_CONTROLS["encryption"],
  ownerRole: "engineering",
  reviewMonths: 12,
  variables: [
    ENGINEERING_LEAD,
    SECURITY_OFFICER,
    {
      name: "minimum_tls_version",
      label: "Minimum TLS version",
      default: "1.2",
      help: "The oldest TLS version accepted by public and internal endpoints.",
    },
    {
      name: "key_rotation_period",
      label: "Key rotation period",
      default: "12 months",
      help: "How often managed encryption keys are rotated automatically.",
    },
    {
      name: "certificate_alert_days",
      label: "Certificate expiry warning (days)",
      default: "21",
      help: "How many days before a certificate expires that monitoring raises an alert.",
    },
  ],
  body: `## Purpose

Encryption keeps information unreadable to anyone who obtains it without permission: an attacker on the network, a thief with a stolen laptop or someone with access to raw storage. This policy sets where {{organization}} requires encryption, which methods are acceptable and how the keys that make it work are protected.

## Scope

This policy covers all confidential and restricted information as defined in the Data Classification Policy, wherever it is stored or sent: production data stores, backups, company devices, and connections between users, services and vendors. It applies to the teams that build and run these systems and to anyone choosing how to store or move such information.

## Roles and responsibilities

- **{{engineering_lead}}** owns this policy and makes sure production systems meet it.
- **{{security_officer}}** approves the algorithms and protocols in use, checks compliance through posture monitoring and decides exceptions.
- **Key administrators**, a small named group, manage the key management service and its permissions.
- **IT** enforces device encryption through device management.

## Policy statements

### Encryption at rest

- Databases, object storage, volumes, queues and backups that hold confidential or restricted data are encrypted at rest with keys held in the cloud key management service.
- A posture check flags any storage holding such data without encryption, and findings are fixed as high-severity vulnerabilities.
- Every company laptop has full-disk encryption enforced by device management, with recovery keys escrowed. A laptop without encryption fails the compliance check and cannot sign in to company applications.

### Encryption in transit

- Public endpoints accept only TLS {{minimum_tls_version}} or later with current cipher suites, redirect plain HTTP to HTTPS and send HSTS.
- Internal traffic carrying customer data, including between services and to databases, is encrypted too.
- Files with confidential or restricted data are sent outside the company only through encrypted channels, such as the approved file-sharing service or SFTP; never as plain email attachments.

### Algorithms

- Only widely reviewed, current algorithms are used: for example AES with 256-bit keys for data at rest, TLS with forward secrecy in transit, and SHA-256 or stronger for integrity checks.
- Passwords are stored only as salted hashes from a slow password hashing function such as Argon2, scrypt or bcrypt.
- Algorithms known to be weak, such as DES, RC4, MD5 or SHA-1 for security purposes, are not used in new work and are removed from existing systems.
- Encryption is done with maintained libraries and platform services, not with code written in house.

### Key management

- Keys are generated and stored in the key management service or a hardware-backed equivalent, never in source code, configuration files or tickets.
- Permission to use keys is limited to the services that need them, and permission to administer keys to the named key administrators. Key use is logged.
- Managed keys are rotated automatically at least every {{key_rotation_period}}, and immediately when compromise is suspected.
- Deleting a key is treated as deleting all data encrypted with it and needs the approval of {{security_officer}}.

### Certificates

- TLS certificates are issued and renewed automatically where possible. Monitoring raises an alert {{certificate_alert_days}} days before any certificate expires.
- Private keys for certificates are held in managed services or the secrets manager and are never shared by email or chat.

## Exceptions

A system that cannot meet this policy, for example a vendor service that does not support encryption at rest, is recorded with the risk and any compensating measure, approved by {{security_officer}}, and reviewed at least yearly.

## Enforcement

Posture monitoring and device management report systems and devices that do not comply, and findings are fixed under the Vulnerability Management Policy. Deliberately storing or sending restricted data unencrypted may lead to disciplinary action.

## Review

{{engineering_lead}} and {{security_officer}} review this policy at least yearly and when guidance on algorithms or protocols changes.
`,
};
