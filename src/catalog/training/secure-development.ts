// Training module for engineers: the secure development habits our change controls rely on.
import type { TrainingModule } from "./types.ts";

const body = `## Why engineers get their own module

Engineers hold the keys to production and write the code our customers trust with their data. Most serious weaknesses in SaaS products are not exotic: they are a missing authorization check, a query built from user input, a secret in a repository or a dependency nobody updated. This module covers the habits that prevent them and the change process that catches what slips through.

## Authorization on every request

The most common serious flaw in multi-tenant software is one customer reaching another customer's data. It usually happens because an endpoint checks that the user is signed in but not that the record belongs to their organization.

- Check permissions on the server, in the service layer, for every read and every write. Hiding a button in the interface is not a control.
- Scope every query by the caller's tenant, and take the tenant from the session, never from the request body or a URL parameter the user controls.
- Return the same "not found" for a record in another tenant as for one that does not exist, so ids cannot be probed.
- Write a test that tries to read and change another tenant's record and expects it to fail.

## Treat all input as hostile

- Validate input at the edge against a schema: types, lengths, formats and allowed values. Reject what does not match with a clear error.
- Use parameterized queries or the query builder; never build SQL by joining strings with user input.
- Let the web framework escape output, and avoid features that insert raw HTML.
- Be careful with anything that fetches a URL the user supplies (server-side request forgery), unpacks archives, or parses XML or YAML from outside.

## Secrets never go in code

API keys, database passwords and signing keys live in the secrets manager and are injected at runtime. Never commit them, not even to a test file or a private repository, and never put them in logs or error messages. Secret scanning in CI blocks most mistakes; if one gets through, tell security so the secret is revoked and rotated. Deleting the commit is not enough, because clones and caches keep it.

## Dependencies are code you did not review

Every package you add runs with the same rights as our own code.

- Prefer well-maintained packages with a real user base; check the exact name before installing, since attackers publish look-alike names.
- Commit the lockfile and keep versions pinned, so builds are reproducible.
- Act on dependency scanner findings within the remediation deadlines for their severity.
- Remove packages you no longer use.

## Changes go through review and the pipeline

Our change controls exist so that no single person can put code into production unseen:

1. Every change starts from a ticket or pull request that says what it does and how it was tested.
2. Another qualified engineer reviews and approves it. Review for security too: authorization, input handling, secrets and logging.
3. Required checks (tests, static analysis, dependency and secret scanning) must pass before merge.
4. Only the pipeline deploys to production, from the protected branch. Nobody deploys from a laptop.
5. Urgent fixes during an incident may use the emergency path, but they are labelled and fully reviewed within two business days.

Flag changes that touch authentication, authorization, encryption or audit logging so that security looks at them.

## Production access and data

Use time-limited, approved elevation to reach production, and only for the task in the ticket. Do not copy customer data into development or staging environments, and do not paste it into issues, logs or chat. Log security-relevant events (sign-ins, permission changes, exports) without logging passwords, tokens or personal data you do not need.

## When you find a vulnerability

If you find a weakness in our product, in your own code or someone else's, report it to security rather than fixing it silently. It may already have been exploited, and the fix may need to follow the vulnerability deadlines and a retest.
`;

export const secureDevelopmentModule: TrainingModule = {
  id: "secure-development",
  title: "Secure development for engineers",
  version: 1,
  audience: "engineers",
  categories: [],
  minutes: 20,
  summary:
    "Tenant-safe authorization, input handling, secrets, dependencies and the review and " +
    "pipeline rules every production change follows.",
  body,
  quiz: [
    {
      prompt:
        "An endpoint loads an invoice by the id in the URL after checking that the user is " +
        "signed in. What is missing?",
      choices: [
        "Nothing: signed-in users are trusted",
        "Rate limiting on the endpoint",
        "Hiding the invoice link in the interface for other customers",
        "A check that the invoice belongs to the caller's organization, taken from the session",
      ],
      answer: 3,
      explanation:
        "Without a tenant check, any signed-in user can read other customers' invoices by " +
        "changing the id. The tenant must come from the session, not from the request.",
    },
    {
      prompt: "Which way of building a database query from a search term is safe?",
      choices: [
        "Join the search term into the SQL string after removing quote characters",
        "Pass the search term as a bound parameter through the query builder",
        "Join it into the SQL string, since the input comes from our own web app",
      ],
      answer: 1,
      explanation:
        "Bound parameters keep data separate from the SQL command. Stripping characters by hand " +
        "misses cases, and requests can be sent by anyone, not only our web app.",
    },
    {
      prompt:
        "You committed a cloud access key to a private repository and noticed before anyone " +
        "reviewed it. What must happen?",
      choices: [
        "Rewrite the branch history to remove it; that is enough",
        "Nothing, since the repository is private",
        "Report it to security so the key is revoked and rotated, and its use checked",
        "Add the file to the ignore list",
      ],
      answer: 2,
      explanation:
        "A pushed secret is exposed: clones, caches and CI logs may hold it. Only revoking and " +
        "rotating it makes it safe.",
    },
    {
      prompt:
        "You want to add a small open-source package to parse dates. What should you check first?",
      choices: [
        "That it is maintained and widely used, and that the name is exactly the package you " +
          "mean",
        "Nothing: the dependency scanner will handle it",
        "Only that its licence allows commercial use",
      ],
      answer: 0,
      explanation:
        "Dependencies run with our code's privileges. Abandoned packages and look-alike names " +
        "are common routes for supply-chain attacks.",
    },
    {
      prompt: "A production incident needs a fix in the next ten minutes. What is allowed?",
      choices: [
        "Deploy the fix from your laptop and tell the team later",
        "Push directly to the protected branch, bypassing review",
        "Use the emergency change path through the pipeline, label the change and get it fully " +
          "reviewed within two business days",
      ],
      answer: 2,
      explanation:
        "The emergency path keeps deploys in the pipeline and traceable while allowing a " +
        "shortened review; the full review follows soon after.",
    },
    {
      prompt: "To debug a bug in a report, can you copy a customer's records into staging?",
      choices: [
        "Yes, if you delete them afterwards",
        "No: customer data stays in production; use test data or an approved anonymized sample",
        "Yes, because staging has the same security as production",
      ],
      answer: 1,
      explanation:
        "Staging and development have wider access and weaker controls. Copies of customer data " +
        "there are a common cause of breaches.",
    },
    {
      prompt: "What should audit logging of a password change record?",
      choices: [
        "Who changed it, for which account, when and from where, without the password itself",
        "The old and new passwords, to help with support requests",
        "Nothing: password changes do not need logging",
      ],
      answer: 0,
      explanation:
        "Security events must be logged so they can be investigated, but logs are widely read " +
        "and kept long, so they must never contain secrets.",
    },
  ],
  passMark: 0.8,
  controls: ["HR-03"],
  criteria: ["CC1.4", "CC2.2"],
};
