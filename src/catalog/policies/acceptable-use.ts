// What every person may and may not do with company systems, devices and data.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { IT_LEAD, PASSWORD_MIN_LENGTH, SECURITY_CONTACT, SECURITY_OFFICER } from "./variables.ts";

export const acceptableUsePolicy: PolicyTemplate = {
  id: "acceptable-use",
  title: "Acceptable Use Policy",
  summary:
    "Tells every person what they may and may not do with company devices, accounts, data and " +
    "networks, and what they must report.",
  categories: [],
  criteria: ["CC1.1", "CC2.2", "CC5.3", "CC6.1", "CC6.7", "CC6.8"],
  controls: POLICY_TEMPLATE_CONTROLS["acceptable-use"],
  ownerRole: "security",
  reviewMonths: 12,
  variables: [
    SECURITY_OFFICER,
    IT_LEAD,
    SECURITY_CONTACT,
    PASSWORD_MIN_LENGTH,
    {
      name: "screen_lock_minutes",
      label: "Screen lock after idle (minutes)",
      default: "5",
      help: "How many idle minutes before a company device locks its screen.",
    },
    {
      name: "update_grace_days",
      label: "Days to install OS updates",
      default: "14",
      help: "How long a person has to install an operating system or browser update once it is offered.",
    },
    {
      name: "lost_device_report_hours",
      label: "Hours to report a lost device",
      default: "24",
      help: "The longest time a person may take to report a lost or stolen device.",
    },
  ],
  body: `## Purpose

This policy tells everyone who works for {{organization}} how to use its systems, devices, accounts and information safely. Most security incidents at small companies begin with an everyday action: a reused password, a laptop left unlocked, a file shared with the wrong person. Clear rules for those actions protect customers, colleagues and the person following them.

## Scope

This policy applies to all employees, contractors, interns and temporary staff, and to any other person who uses a company account. It covers company laptops and phones, any personal device used to reach company systems, company accounts and applications, networks the person connects through, and all information that belongs to {{organization}} or its customers.

## Roles and responsibilities

- **{{security_officer}}** owns this policy, answers questions about it and decides exceptions.
- **{{it_lead}}** issues and manages company devices, enforces the device settings below through device management, and handles lost or stolen devices.
- **Managers** make sure their team members have read and acknowledged this policy before they receive access.
- **Every user** follows the rules below and reports anything suspicious to {{security_contact}}.

## Policy statements

### Accounts and passwords

- Each person uses their own named account. Accounts, passwords and second factors are never shared, lent or written down where others can see them.
- Passwords for company accounts are at least {{password_min_length}} characters, are not reused from any other account, and are kept in the company password manager.
- Multi-factor authentication stays switched on for every company account that offers it.
- A person who believes a password or second factor has been exposed changes it at once and tells {{security_contact}}.

### Devices

- Work is done on a company-issued device enrolled in device management, or on a personal device only where {{security_officer}} has approved it and it meets the same settings.
- Enrolled devices keep full-disk encryption, the host firewall, endpoint protection and automatic screen lock after {{screen_lock_minutes}} minutes idle. Users do not disable or bypass these settings.
- Operating system and browser updates are installed within {{update_grace_days}} days of being offered, and sooner when IT announces an urgent security update.
- Devices are locked whenever they are left unattended, and are not left in vehicles or other unsecured places.
- A lost or stolen device is reported to {{it_lead}} and {{security_contact}} within {{lost_device_report_hours}} hours, so it can be locked and wiped remotely.

### Information handling

- Customer data and confidential company information are handled as the Data Classification Policy requires for their level.
- Company information is stored only in company-approved systems. It is not copied to personal email, personal cloud storage or unapproved applications.
- Customer data is not copied to laptops, removable media or non-production environments unless the data owner and {{security_officer}} have approved it for a specific task.
- Files are shared externally only through approved services with sharing limited to named recipients, and links are removed when no longer needed.
- Confidential information is not entered into public tools, including public AI assistants, unless the tool has been approved for that class of data.

### Software and services

- Only software from trusted sources, and for work purposes, is installed on company devices. Software that IT or security flags as not allowed is removed.
- New applications or services that will hold company or customer data are approved through the vendor management process before use.

### Networks and remote work

- Company systems are reached over encrypted connections. On public or shared networks, users rely on the encryption of company applications or the company VPN where one is provided.
- Screens are positioned, and conversations held, so that confidential information is not exposed to people nearby.

### Email, messaging and phishing

- Users are cautious with unexpected links, attachments, payment changes and requests for credentials, and confirm unusual requests through a second channel.
- Suspected phishing is reported to {{security_contact}} through the reporting channel rather than forwarded to colleagues.

### Personal use and monitoring

- Limited personal use of company devices is allowed when it does not interfere with work, breach the law or expose company data. Company devices are not used for illegal activity, harassment, or content that breaks the Code of Conduct.
- {{organization}} monitors its systems and devices for security purposes as allowed by law. Users should not expect privacy in company accounts beyond what the law provides.

### Leaving {{organization}}

- When a person leaves, they return all company devices and media and keep no copies of company or customer information.

## Exceptions

A person who needs to work outside these rules, for example to use a specific tool or to keep data locally for a task, asks {{security_officer}} in writing with the reason and the time needed. Approved exceptions are recorded with an end date and reviewed when they expire.

## Enforcement

{{organization}} checks compliance through device management reports, access logs and security reviews. Breaches may lead to loss of access and to disciplinary action up to and including termination of employment or contract. Users who report their own mistakes promptly are treated as having acted in good faith.

## Review

{{security_officer}} reviews this policy at least yearly and after a significant change in how people work, such as new device types or remote working arrangements. Every person acknowledges the current version when they join and each time a new version is published.
`,
};
