// Training module: data classification levels and the handling rules that go with each.
import type { TrainingModule } from "./types.ts";

const body = `## Why we classify data

We hold data that our customers trusted us with: their users' records, their files, their configuration and their usage history. We also hold our own sensitive data, such as source code, contracts, salaries and security settings. Losing any of it can break a customer contract, trigger a legal duty to notify people and cost us customers.

Not all data needs the same care, and treating everything as top secret makes people ignore the rules. So we sort data into four levels and attach simple handling rules to each.

## The four levels

- **Public**: meant for anyone. Marketing pages, published documentation, the status page.
- **Internal**: fine for all staff, not for outsiders. Roadmaps, the org chart, most wiki pages.
- **Confidential**: limited to the people who need it. Contracts, pricing deals, source code, security reports.
- **Restricted**: the most sensitive, with strict access and logging. Customer data in production, secrets and keys, payroll, personal data about staff.

When you are not sure, treat data as the higher level and ask its owner or security.

## Handling rules that come up every week

### Customer data stays in production

Customer data lives in our production systems and nowhere else. Do not copy it to your laptop, a staging database, a spreadsheet or a personal drive. When you need realistic data to debug or test, use seeded test data or an anonymized sample prepared through the approved process.

### Share with the approved tools only

- Share files through the company file-sharing service, which lets us see and revoke access. Not personal email, not a personal cloud drive, not a USB stick.
- Before you share a document outside the company, check the link setting. "Anyone with the link" on a confidential file means anyone who ever sees that link.
- Send secrets (API keys, passwords) only through the password manager, never in chat or tickets.

### Support tickets and screenshots

Customers sometimes paste passwords, card numbers or health details into support tickets. Do not copy them into other tools, and ask support to redact the original. Before you post a screenshot in Slack or a bug report, crop out customer names, emails and any data you do not need.

### AI tools and online services

Pasting text into an online translator, formatter or AI assistant sends it to another company. Use only the tools approved for the data's level, and never paste customer data, secrets or confidential code into a tool that is not on the approved list.

### Printing, screens and travel

Lock your screen when you step away (Windows key + L, or Control + Command + Q on a Mac). In cafés, trains and co-working spaces, think about who can see your screen or hear your call. Avoid printing confidential material; if you must, collect it at once and shred it.

## Keeping and deleting data

We keep data only as long as the retention schedule says, and then we delete it. Old exports, downloaded reports and one-off database dumps are a common source of leaks because nobody remembers they exist. Delete your local copies as soon as the job is done, and empty the downloads folder regularly.

When a customer leaves, their data is deleted through the offboarding process within the contractual period. Do not keep a private copy "just in case".

## When something goes wrong

If you sent data to the wrong person, shared a link too widely, or find customer data somewhere it should not be, report it to security at once. Do not try to quietly fix it yourself: we may have a legal deadline to meet, and a quick report usually turns a potential breach into a non-event.
`;

export const dataHandlingModule: TrainingModule = {
  id: "data-handling",
  title: "Data handling and classification",
  version: 1,
  audience: "everyone",
  categories: [],
  minutes: 15,
  summary:
    "The four data classification levels, how to store and share each, and the everyday " +
    "situations where data leaks: copies, links, screenshots, AI tools and old exports.",
  body,
  quiz: [
    {
      prompt:
        "You need to reproduce a customer's bug. What is the right way to get data to work with?",
      choices: [
        "Export the customer's records to a CSV on your laptop",
        "Copy the production database to staging",
        "Use seeded test data or an anonymized sample prepared through the approved process",
        "Ask the customer to email you their data",
      ],
      answer: 2,
      explanation:
        "Customer data stays in production. Test data or an approved anonymized sample lets " +
        "you debug without creating uncontrolled copies.",
    },
    {
      prompt: "Which classification level fits the production database holding customer records?",
      choices: ["Internal", "Confidential", "Restricted"],
      answer: 2,
      explanation:
        "Customer data in production is our most sensitive data: access to it is limited to a " +
        "few named people and logged.",
    },
    {
      prompt:
        "You want to share a confidential contract with a partner. Which way of sharing is " +
        "acceptable?",
      choices: [
        "Share it through the company file-sharing service with access for the named people only",
        "Attach it to an email from your personal account",
        "Share it with an 'anyone with the link' setting so it is easy to open",
        "Upload it to a personal cloud drive and send the link",
      ],
      answer: 0,
      explanation:
        "The company service keeps access limited to named people and lets us revoke it. " +
        "Open links and personal accounts leave us no control over who sees the file.",
    },
    {
      prompt: "A customer pasted their password into a support ticket. What should happen with it?",
      choices: [
        "Copy it into the engineering ticket so engineers can log in as the customer",
        "Leave it there, since the ticket system is internal",
        "Do not reuse it anywhere, have it redacted from the ticket and advise the customer to " +
          "change it",
      ],
      answer: 2,
      explanation:
        "A password in a ticket is exposed to everyone who can read tickets. It must be " +
        "removed, and the customer should change it because it has been disclosed.",
    },
    {
      prompt:
        "Can you paste a confidential code file into an online AI assistant to get help with a " +
        "bug?",
      choices: [
        "Yes, AI tools do not keep what you paste",
        "Only if the tool is on the approved list for confidential data",
        "Yes, as long as you remove the comments first",
      ],
      answer: 1,
      explanation:
        "Pasting into an online service sends the data to another company. Only tools that " +
        "have been reviewed and approved for that level of data may be used.",
    },
    {
      prompt: "You finished an analysis using a downloaded report of customer usage. Now what?",
      choices: [
        "Keep it in case someone asks a follow-up question",
        "Move it to a shared drive for the team",
        "Delete your local copy now that the job is done",
        "Email it to yourself as a backup",
      ],
      answer: 2,
      explanation:
        "Forgotten exports are a common source of leaks. Data is kept only where and as long as " +
        "the retention schedule says.",
    },
    {
      prompt:
        "You realize you shared a document with a customer's data with the wrong external " +
        "address. What should you do?",
      choices: [
        "Remove the access and say nothing, since it was probably not opened",
        "Report it to security at once, even if you already removed the access",
        "Ask the recipient to delete it and consider the matter closed",
      ],
      answer: 1,
      explanation:
        "A misdirected share may be a data breach with a legal deadline for notice. Security " +
        "needs to assess it quickly, and a prompt report is always better.",
    },
  ],
  passMark: 0.8,
  controls: ["HR-03"],
  criteria: ["CC1.4", "CC2.2"],
};
