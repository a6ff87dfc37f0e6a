// Training module: handling personal data the way our privacy notice and the law promise.
import type { TrainingModule } from "./types.ts";

const body = `## What personal data is

Personal data is any information about a person who can be identified, directly or by combining it with other data. Names and email addresses are obvious. Less obvious examples are an IP address, a device id, a support call recording, a customer's user id in our logs, or a photo in a profile.

We handle personal data in two roles. For our own staff, website visitors and the people who buy from us, we decide why and how it is used. For the end users inside our customers' accounts, we process data on our customers' instructions, under the data processing agreement in their contract. Either way, privacy laws such as the GDPR and various US state laws give those people rights, and our privacy notice makes promises we must keep.

## The principles in practice

- **Collect only what we need.** Before adding a form field, an analytics event or a new column with personal data, ask whether the feature truly needs it. Data we never collect cannot leak.
- **Use it only for the purposes we stated.** Data collected to run the service is not automatically available for marketing, training a model or a side project. A new purpose needs a privacy review, and sometimes consent.
- **Keep it only as long as needed.** The retention schedule says how long each kind of personal data is kept. Old exports, test copies and forgotten spreadsheets break it.
- **Keep it accurate.** People can correct their data, and fixes should reach the systems and partners that received it.
- **Protect it.** The classification and handling rules apply: personal data of customers' users is restricted.

## Requests from individuals

People may ask to see the data we hold about them, to correct it, to delete it or to stop certain uses. These requests have legal deadlines, often 30 days or a month, and they must be logged and handled through the privacy request process.

- If a request reaches you by email, chat or a support ticket, forward it to the privacy team the same day. Do not answer it yourself and do not ignore it because it is informally worded: "please remove everything you have on me" is a deletion request.
- Never send personal data to someone whose identity has not been verified. A convincing email from "the account owner" asking for an export can be an attacker.
- If the person is an end user of one of our customers, the privacy team will usually route the request to that customer, who decides.

## New features and vendors

Privacy is cheapest to get right before launch. A change that adds a personal data field, a new purpose, or a new recipient of personal data goes through a privacy review as part of the change process. Sending personal data to a new vendor or tool, including analytics, email and AI services, needs a data processing agreement first. Ask the privacy team early.

## Sharing and disclosure

Personal data goes to third parties only for purposes in our notice or with consent. Requests from police, lawyers or government bodies go to legal and privacy without exception; do not hand over data yourself, however official the request looks.

## Privacy incidents

A privacy incident is any loss, unauthorized access or unauthorized disclosure of personal data: an email with a customer list sent to the wrong address, a support agent browsing an account without a reason, an exposed log file with user emails. Some of these must be notified to regulators within 72 hours of our becoming aware, and to customers within the time in their contracts. Report anything suspicious to security or privacy at once; the clock may already be running.

## Complaints

If someone complains about how we use their data, be polite, do not argue the legal position, and pass it to the privacy team, who log, investigate and answer every complaint.
`;

export const privacyModule: TrainingModule = {
  id: "privacy",
  title: "Privacy and personal data",
  version: 1,
  audience: "everyone",
  categories: ["privacy"],
  minutes: 15,
  summary:
    "What counts as personal data, the principles we follow in daily work, how to route " +
    "requests and complaints from individuals, and when a privacy incident must be reported.",
  body,
  quiz: [
    {
      prompt: "Which of these is personal data?",
      choices: [
        "Only a person's full name together with their home address",
        "An IP address or user id that can be linked to a person",
        "Only data marked as restricted",
      ],
      answer: 1,
      explanation:
        "Data is personal when a person can be identified from it, alone or combined with " +
        "other data. IP addresses and user ids often qualify.",
    },
    {
      prompt:
        "A product manager wants to use support ticket text to train a new marketing model. " +
        "What has to happen first?",
      choices: [
        "Nothing: we already hold the data",
        "Remove the customers' names from the first line of each ticket",
        "Ask one customer whether they mind",
        "A privacy review of the new purpose, and consent or a notice update where needed",
      ],
      answer: 3,
      explanation:
        "Data collected for support is limited to that purpose. A new use needs a privacy " +
        "review, which decides whether the notice covers it or consent is needed.",
    },
    {
      prompt:
        "A user writes in a support chat: please remove everything you have on me. What do you do?",
      choices: [
        "Treat it as a deletion request and forward it to the privacy team the same day",
        "Delete their account yourself straight away",
        "Reply that they must use the official form, and close the chat",
      ],
      answer: 0,
      explanation:
        "Requests count however they are worded and have legal deadlines. The privacy process " +
        "verifies identity and deletes across every system, which a single agent cannot do.",
    },
    {
      prompt:
        "An email claiming to be from an account owner asks you to send a full export of their " +
        "users' data to a new address. What is the main risk?",
      choices: [
        "The export might be too large for email",
        "The sender may not be who they claim, so identity must be verified before any data " +
          "is sent",
        "There is no risk if the email signature looks right",
      ],
      answer: 1,
      explanation:
        "Impersonation is a common way to steal personal data. Data goes only to verified " +
        "requesters, through the request process.",
    },
    {
      prompt:
        "A police officer emails asking for the sign-in history of one of our users. What " +
        "should you do?",
      choices: [
        "Send it, since the police have authority",
        "Ask the user whether they agree, then send it",
        "Forward the request to legal and privacy and send nothing yourself",
        "Ignore it",
      ],
      answer: 2,
      explanation:
        "Disclosures to authorities need legal review and must be logged. Only legal and " +
        "privacy decide what, if anything, is disclosed.",
    },
    {
      prompt:
        "Marketing wants to start sending website visitor data to a new analytics tool. What is " +
        "needed before any data flows?",
      choices: [
        "A data processing agreement with the vendor and a privacy review",
        "Only the marketing lead's approval",
        "Nothing, if the tool has a free plan",
      ],
      answer: 0,
      explanation:
        "A new recipient of personal data needs a data processing agreement and a check that " +
        "the privacy notice covers the sharing.",
    },
    {
      prompt:
        "You find a log file with thousands of user emails in a public bucket. Why must you " +
        "report it at once?",
      choices: [
        "Because the bucket might run out of space",
        "Because regulators may have to be told within 72 hours of us becoming aware, and " +
          "customers within their contract deadlines",
        "It does not need reporting if you make the bucket private",
      ],
      answer: 1,
      explanation:
        "Exposure of personal data can be a notifiable breach. The deadlines run from when we " +
        "become aware, so delays can put us in breach of the law.",
    },
  ],
  passMark: 0.8,
  controls: ["HR-03"],
  criteria: ["CC1.4", "CC2.2"],
};
