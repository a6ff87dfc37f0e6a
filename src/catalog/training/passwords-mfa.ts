// Training module: strong passphrases, the password manager and multi-factor authentication.
import type { TrainingModule } from "./types.ts";

const body = `## Why passwords still matter

Stolen credentials are the most common way into a company's systems. Attackers rarely guess a password one letter at a time. Instead they take lists of email and password pairs leaked from other websites and try them everywhere (credential stuffing), or they try a few very common passwords against many accounts (password spraying). If you reused your work password on a shopping site that was breached, the attacker already has it.

Our single sign-on account opens the cloud console, the code host, the customer support tool and our HR system. Protecting that one account protects almost everything.

## Passphrases beat clever passwords

Length makes a password hard to crack far more than odd symbols do. Our standard asks for at least 12 characters, and the identity provider rejects passwords that appear in known breach lists.

- A good choice is a **passphrase** of four or more random, unrelated words (the password manager can pick them for you), such as \`copper-lantern-oatmeal-violin\` (but not that one, now that it is published). It is long, easy to type and hard to guess.
- Avoid anything linked to you or the company: the product name, your team, your pet, the season and year ("Summer2026!"). These are the first things attackers try.
- Never reuse your work password anywhere else, and never use a personal password at work.
- You do not need to change your password on a schedule. Change it when there is any sign it was exposed, and tell security.

## Use the password manager for everything else

Nobody can remember a unique strong password for every tool. That is what the company password manager is for.

- Let it **generate** passwords for every account that does not use single sign-on.
- Keep work credentials in the **work vault**, not in your browser's built-in store, a spreadsheet or a notes app.
- Share a credential with a colleague only through a **shared vault** item. Never paste passwords into Slack, email, tickets or documents.
- The password manager fills in passwords only on the site they belong to. If it does not offer your password, check the address bar before typing anything.

## Multi-factor authentication

MFA means that a password alone is not enough: you also prove you hold something, such as your phone or a security key. Even if a password leaks, MFA stops most account takeovers.

Not all second factors are equal:

1. **Security keys and passkeys** (for example a USB or NFC key, or a passkey on your laptop) are the strongest. They check the website's address themselves, so they cannot be used on a fake page. Administrators must use one.
2. **Authenticator app push or codes** are good, as long as you only approve what you started.
3. **Text message codes** are the weakest, because attackers can take over phone numbers by persuading a mobile carrier to move them to a new SIM. Use them only where nothing else is offered.

## MFA fatigue and code requests

Attackers who have your password may send prompt after prompt, often late at night, hoping you approve one to make them stop. Others phone you pretending to be IT and ask you to read out the code you just received.

- Approve a prompt only when you are signing in yourself, at that moment.
- **Nobody from IT or security will ever ask for your password or an MFA code.** Anyone who asks is an attacker.
- If you get prompts you did not start, deny them and report them: your password needs changing.

## Lost devices and resets

If you lose your phone or security key, tell IT the same day so the old factor can be removed. Resets follow a documented identity check, such as a video call with your manager. It may feel slow, but it is what stops an attacker from resetting your account by phone.
`;

export const passwordsMfaModule: TrainingModule = {
  id: "passwords-mfa",
  title: "Passwords, passphrases and MFA",
  version: 1,
  audience: "everyone",
  categories: [],
  minutes: 15,
  summary:
    "Why stolen credentials are the easiest way in, how to choose a passphrase, why the " +
    "password manager is mandatory, and how to use multi-factor authentication safely.",
  body,
  quiz: [
    {
      prompt: "Which of these would make the best password for your single sign-on account?",
      choices: [
        "Attest2026!",
        "Your usual personal password with a 1 added at the end",
        "P@ssw0rd#9",
        "A random four-word passphrase such as copper-lantern-oatmeal-violin",
      ],
      answer: 3,
      explanation:
        "Length and unpredictability matter most. Company names, years and small changes to a " +
        "known password are the first guesses attackers try, and short symbol-heavy passwords " +
        "are still short.",
    },
    {
      prompt:
        "A colleague needs the login for a shared vendor portal that does not support single " +
        "sign-on. How should you give it to them?",
      choices: [
        "Paste it in a direct message and delete it afterwards",
        "Share it through a shared vault item in the company password manager",
        "Write it in the team's onboarding document",
      ],
      answer: 1,
      explanation:
        "Shared vault items are encrypted, can be revoked and show who has access. Messages " +
        "and documents are copied, searched and kept long after anyone remembers them.",
    },
    {
      prompt: "Which second factor protects you even if you are tricked into using a fake page?",
      choices: [
        "A text message code",
        "A code read from an authenticator app",
        "A hardware security key or passkey",
        "A security question",
      ],
      answer: 2,
      explanation:
        "Security keys and passkeys check the website's real address before they answer, so " +
        "they will not work on a look-alike domain. Typed codes can be relayed by a fake page.",
    },
    {
      prompt:
        "Someone calls saying they are from IT, that your account is being migrated, and asks " +
        "you to read out the code that was just sent to your phone. What do you do?",
      choices: [
        "Read it out, since IT needs it for the migration",
        "Read out only the first three digits",
        "Refuse, hang up and report the call to security",
        "Ask them to email you first, then send the code by email",
      ],
      answer: 2,
      explanation:
        "IT and security never ask for passwords or MFA codes. A request for one is an attempt " +
        "to sign in as you.",
    },
    {
      prompt: "When should you change your work password?",
      choices: [
        "Every 30 days, whatever happens",
        "When there is any sign it may have been exposed, and you tell security",
        "Only when the identity provider forces you to",
      ],
      answer: 1,
      explanation:
        "Forced frequent changes lead to predictable patterns. Our standard is a strong unique " +
        "password changed when compromise is suspected.",
    },
    {
      prompt: "Why is reusing your work password on a personal website dangerous?",
      choices: [
        "If that website is breached, attackers will try the same email and password on our " +
          "sign-in page",
        "It is not dangerous if the website uses https",
        "It only matters if the website is a bank",
      ],
      answer: 0,
      explanation:
        "Credential stuffing tools try leaked pairs against many services automatically. A " +
        "password used only at work cannot leak from somewhere else.",
    },
    {
      prompt: "You lost your phone with your authenticator app on it. What should you do?",
      choices: [
        "Nothing, as long as the phone has a screen lock",
        "Tell IT the same day so the old factor is removed and a new one is set up after an " +
          "identity check",
        "Wait until you buy a new phone and then set it up again",
      ],
      answer: 1,
      explanation:
        "Removing the lost factor quickly stops anyone who finds the phone from using it, and " +
        "the identity check stops an attacker from claiming to be you.",
    },
  ],
  passMark: 0.8,
  controls: ["HR-03"],
  criteria: ["CC1.4", "CC2.2"],
};
