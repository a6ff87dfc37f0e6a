// How personal information is collected, used, shared, kept and deleted, and how individuals' rights are met.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { LEGAL_LEAD, PRIVACY_OFFICER } from "./variables.ts";

export const privacyPolicy: PolicyTemplate = {
  id: "privacy",
  title: "Privacy Policy",
  summary:
    "Sets how personal information is collected, used, disclosed, kept and disposed of, and " +
    "how people's requests, complaints and privacy incidents are handled.",
  categories: ["privacy"],
  criteria: [
    "CC5.3",
    "CC9.2",
    "P1.1",
    "P2.1",
    "P3.1",
    "P3.2",
    "P4.1",
    "P4.2",
    "P4.3",
    "P5.1",
    "P5.2",
    "P6.1",
    "P6.2",
    "P6.3",
    "P6.4",
    "P6.5",
    "P6.6",
    "P6.7",
    "P7.1",
    "P8.1",
  ],
  controls: POLICY_TEMPLATE_CONTROLS["privacy"],
  ownerRole: "privacy",
  reviewMonths: 12,
  variables: [
    PRIVACY_OFFICER,
    LEGAL_LEAD,
    {
      name: "privacy_contact",
      label: "Privacy contact address",
      default: "privacy@example.com",
      help: "The published address where individuals send privacy requests and complaints.",
    },
    {
      name: "request_response_days",
      label: "Days to answer a privacy request",
      default: "30",
      help: "The longest time to answer an access, correction or deletion request, unless a law sets a shorter one.",
    },
    {
      name: "regulator_notice_hours",
      label: "Regulator breach notice (hours)",
      default: "72",
      help: "The longest time after becoming aware of a notifiable personal data breach before the regulator is told, where law requires it.",
    },
    {
      name: "processor_breach_notice_hours",
      label: "Processor breach notice (hours)",
      default: "48",
      help: "The longest time a vendor processing personal data may take to report a breach to the company.",
    },
  ],
  body: `## Purpose

This policy sets how {{organization}} handles personal information: information that identifies a person or could reasonably be linked to one. It puts into practice the commitments in our published privacy notice and the data protection laws that apply to us, so that people can trust us with their information and use their rights over it.

## Scope

This policy covers personal information that {{organization}} collects or processes about the users of its service, the contacts of its customers, website visitors, job applicants and its own staff, in every system and vendor where that information is held. Where {{organization}} processes personal information on behalf of a customer, the customer's instructions and our contract with them also apply. The policy applies to all staff and contractors.

## Roles and responsibilities

- **{{privacy_officer}}** owns this policy and the privacy notice, keeps the record of processing, reviews new uses of personal information, handles requests and complaints, and reports on privacy to leadership.
- **{{legal_lead}}** advises on the laws that apply, signs data processing agreements with vendors and decides on notices of breaches.
- **Data owners** make sure the personal information in their systems is used, kept and deleted as this policy requires.
- **Engineering** builds consent capture, retention and deletion into the product.
- **Everyone** handles personal information only as their work needs and reports privacy concerns or incidents at once.

## Policy statements

### Notice

- A privacy notice on the website and in the product explains what personal information is collected, why, how it is used, shared and kept, and how people can use their rights or complain.
- {{privacy_officer}} and {{legal_lead}} review the notice every year and before any change in processing it does not cover. Earlier versions are kept with their dates.

### Choice and consent

- Where processing relies on consent, the product asks for it with an unticked opt-in and records who agreed, to what, under which notice version and when. Withdrawing consent is as easy as giving it and stops the related processing.
- Sensitive personal information, such as health data or government identifiers, is collected only with separate, explicit consent naming the information and the purpose, and only where it is needed.

### Collection, use and minimization

- Personal information is collected only for the purposes in the notice and only as much as those purposes need.
- {{privacy_officer}} keeps a record of processing listing each kind of personal information with its source, purpose, legal basis, systems and recipients, and reviews it with data owners each year to drop information no longer needed.
- Changes that add a personal data field, a new purpose or a new recipient receive a privacy review before release, which confirms the information is needed, that the notice covers it and whether an impact assessment is due.

### Retention and disposal

- A retention schedule sets how long each kind of personal information is kept and why. Scheduled jobs delete or anonymize records once their period ends.
- Deletion requests and account closures run through a deletion workflow that removes personal information from production and connected tools and logs what was removed and when. Devices and media that held personal information are wiped or destroyed with a record kept.

### Access and correction

- Individuals can ask through {{privacy_contact}} for a copy of their personal information and, on request, a list of the third parties it was disclosed to. Their identity is verified first, and the answer is sent within {{request_response_days}} days or any shorter legal deadline.
- Users can correct their own profile data in the product. Other correction requests are handled within the same deadline and passed on to third parties that received the information.
- A request that is refused is answered in writing with the reason, and the refusal is recorded.

### Disclosure to third parties

- Personal information goes to third parties only for purposes stated in the notice or with the person's consent.
- Before a vendor processes personal information, {{legal_lead}} signs a data processing agreement that limits use to our instructions, requires security and confidentiality, binds the vendor's own sub-processors and requires it to report breaches within {{processor_breach_notice_hours}} hours.
- Any other disclosure, such as to law enforcement, needs approval from {{privacy_officer}} and is logged with the date, recipient, information, purpose and legal authority.

### Quality

- Personal information is checked for format and completeness at entry, and information imported from customers or partners is checked for format and duplicates before loading.

### Privacy incidents

- Every suspected unauthorized access to or disclosure of personal information is logged in a privacy incident register with an assessment of the risk to the people affected.
- Where notice is required, {{legal_lead}} informs the affected people, customers and regulators within the legal or contractual deadline, and within {{regulator_notice_hours}} hours for a regulator where the law sets that limit. Copies of notices are kept.

### Complaints and monitoring

- Privacy questions and complaints sent to {{privacy_contact}} are logged, investigated and answered.
- Each quarter, {{privacy_officer}} reviews complaints, request volumes and deadlines, and the results of privacy controls, reports to leadership and tracks fixes to closure.

## Exceptions

Departures from this policy need written approval from {{privacy_officer}} and, where they touch a legal obligation, from {{legal_lead}}. No exception may reduce a person's legal rights or contradict the published notice.

## Enforcement

Misuse of personal information may lead to disciplinary action up to and including termination, and may have to be reported to regulators and the people affected. Privacy control failures are tracked as deficiencies.

## Review

{{privacy_officer}} reviews this policy at least yearly, before each review of the privacy notice, and when privacy laws that apply to {{organization}} change.
`,
};
