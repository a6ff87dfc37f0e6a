// Training module: recognizing a security incident and reporting it quickly and well.
import type { TrainingModule } from "./types.ts";

const body = `## Everyone is a sensor

Security tools catch a lot, but many incidents are first noticed by a person: a support agent who sees a customer's data in the wrong account, an engineer who spots a strange login in the logs, a salesperson whose laptop is stolen from a car. How fast that person speaks up often decides whether the result is a quiet fix or a breach we must announce to customers.

You do not need to be sure something is an incident before you report it. Deciding that is the security team's job. Your job is to tell them early.

## What to report

Report anything that might affect the security of our systems, our data or our customers' data. Examples:

- A phishing email you clicked, or an MFA prompt you did not start.
- A lost or stolen laptop, phone or security key, even if it is encrypted.
- Customer data visible to the wrong customer, or sent to the wrong person.
- A password, API key or token pasted in chat, committed to a repository or shown on a screen share.
- An account, admin grant or firewall rule you do not recognize.
- A file shared publicly that should not be, or a storage bucket open to the internet.
- Malware warnings, pop-ups asking you to call a number, or a laptop behaving strangely.
- A vendor telling us they had a breach.
- Someone asking for data or access in a way that feels wrong, by phone, email or in person.
- A customer or researcher reporting a vulnerability to you directly.

## How to report

1. **Use the security channel** in Slack, or email the security address. Outside working hours, or when something is clearly serious (a live attack, customer data exposed), page the on-call security engineer through the on-call tool.
2. **Say what you saw, when and where.** "At 14:10 I got six MFA prompts I did not start on my phone; I denied them all." Facts are more useful than conclusions.
3. **Include what you already did,** such as "I changed my password" or "I removed the public link at 09:32".
4. **Stay available** so the responder can ask questions.

## What not to do

- **Do not investigate on your own.** Logging into a suspicious account, running scans or "cleaning up" a compromised laptop can destroy the evidence we need and alert an attacker.
- **Do not switch off or wipe a device** that may be infected. Disconnect it from the network and leave it on.
- **Do not discuss the incident outside the response team** or on public channels, and do not contact customers, journalists or the attacker yourself. Communications go through the incident lead and legal, so what we say is accurate and meets our contractual and legal duties.
- **Do not delete the suspicious email or message.** Report it first; security may need the headers.

## What happens next

Security triages every report, usually within the hour during working hours. If it is an incident, they give it a severity, name an incident lead and start the response plan: contain the damage, remove the cause, restore service and check it is safe. Customers are told when their data or service was affected, within the deadline in their contract or in law.

Afterwards, serious incidents get a blameless post-mortem. It looks at what in our systems and processes allowed the incident, not at who to punish, and the fixes are tracked to completion.

## No blame for reporting

People hesitate to report because they feel embarrassed or fear trouble. We do not discipline anyone for reporting a mistake honestly and promptly, including their own. Hiding or delaying one is what causes real harm. If you are unsure whether something is worth reporting, report it: a false alarm costs a few minutes, a missed incident can cost the company.
`;

export const incidentReportingModule: TrainingModule = {
  id: "incident-reporting",
  title: "Recognizing and reporting security incidents",
  version: 1,
  audience: "everyone",
  categories: [],
  minutes: 12,
  summary:
    "What counts as a possible security incident, how and where to report it, what not to do " +
    "while waiting, and what the response team does with your report.",
  body,
  quiz: [
    {
      prompt: "When should you report something that might be a security incident?",
      choices: [
        "Once you have confirmed it is a real incident",
        "At the next team meeting",
        "Only if customer data is involved",
        "As soon as you notice it, even if you are not sure",
      ],
      answer: 3,
      explanation:
        "Deciding whether something is an incident is the security team's job. Early reports " +
        "give them time to contain it before the damage grows.",
    },
    {
      prompt:
        "Your company laptop was stolen from your car. It has full-disk encryption. Do you " +
        "need to report it?",
      choices: [
        "No, encryption means there is no risk",
        "Yes, report it straight away so access can be revoked and the device wiped remotely",
        "Only if you had customer data on it",
      ],
      answer: 1,
      explanation:
        "Encryption lowers the risk, but sessions, saved tokens and the device itself still " +
        "need to be dealt with, and the loss must be recorded.",
    },
    {
      prompt:
        "You suspect your laptop has malware after opening an attachment. What should you do " +
        "with the laptop?",
      choices: [
        "Disconnect it from the network, leave it switched on and report it",
        "Shut it down and reinstall the operating system",
        "Run several free antivirus tools downloaded from the web",
        "Keep working and mention it later",
      ],
      answer: 0,
      explanation:
        "Disconnecting stops the spread; leaving it on preserves evidence the responders need. " +
        "Wiping or tinkering can destroy that evidence.",
    },
    {
      prompt: "Which report is the most useful to the security team?",
      choices: [
        "I think we have been hacked",
        "Something weird happened with my account earlier",
        "At 14:10 I got six MFA prompts I did not start; I denied them all and have not changed " +
          "my password yet",
      ],
      answer: 2,
      explanation:
        "Time, what you saw and what you already did let responders act at once without a " +
        "round of questions.",
    },
    {
      prompt:
        "A customer emails you to say they can see another company's data in their account. " +
        "What is the right response?",
      choices: [
        "Report it to security at once and let the incident lead handle the reply to the " +
          "customer",
        "Tell the customer it is a display bug and close the ticket",
        "Log in to the other company's account to check",
      ],
      answer: 0,
      explanation:
        "This may be a data breach affecting two customers. What we tell customers goes through " +
        "the incident lead and legal, and poking around in accounts can destroy evidence.",
    },
    {
      prompt: "You notice you pushed an API key to a shared repository an hour ago. What now?",
      choices: [
        "Force-push to remove the commit and say nothing",
        "Report it to security so the key is revoked and its use checked",
        "Leave it, since the repository is private",
      ],
      answer: 1,
      explanation:
        "Once pushed, a secret must be treated as exposed: rewriting history does not remove " +
        "copies already made. Revoking the key is what makes it safe.",
    },
    {
      prompt: "What happens to someone who reports their own mistake promptly?",
      choices: [
        "They are disciplined for causing the incident",
        "Nothing bad: honest, prompt reports are not punished",
        "They must pay for the incident response",
      ],
      answer: 1,
      explanation:
        "We want mistakes reported quickly. Delays and hiding are what turn a mistake into a " +
        "serious incident.",
    },
  ],
  passMark: 0.8,
  controls: ["HR-03"],
  criteria: ["CC1.4", "CC2.2"],
};
