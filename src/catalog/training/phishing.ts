// Training module: spotting phishing and other social engineering, and what to do about it.
import type { TrainingModule } from "./types.ts";

const body = `## Why attackers go after people

Most breaches of small software companies do not start with a clever exploit. They start with a message that persuades one person to type a password into the wrong page, approve a sign-in they did not start, or send money or data to the wrong place. Attackers pick this route because it is cheap and it works: one convincing email sent to forty people only needs one click.

Social engineering is the wider name for this. It covers email (phishing), text messages (smishing), phone calls (vishing), chat messages on Slack or Teams from outside accounts, and even people who turn up at the office or on a video call pretending to be someone else.

## What phishing looks like at a SaaS company

These are the messages our industry actually sees:

- **A fake sign-in page.** "Your Google Workspace password expires today" with a button that leads to a page which looks exactly like our single sign-on screen, on a domain such as \`acme-sso-login.com\`.
- **A shared document.** "Maria shared *Q3 compensation review.xlsx* with you". The link asks you to sign in again to view it.
- **A cloud or code host alert.** "Unusual activity on your AWS account" or "Action required: your GitHub token will be revoked", written to create panic so you act before you think.
- **A request from an executive.** A message that seems to come from the CEO asks you to buy gift cards, change a supplier's bank details or send a customer export "before the board meeting".
- **A push notification you did not expect.** Your phone asks you to approve a sign-in. An attacker who already has your password is hoping you tap "Approve" to make the prompts stop.
- **A helpful caller.** Someone phones the help desk claiming to be a new engineer who lost their phone and needs their MFA reset.

## The warning signs

No single sign proves a message is malicious, but each one is a reason to slow down:

1. **Urgency or fear.** Deadlines of minutes or hours, threats of account closure, or a boss who "needs this now".
2. **A request that skips the normal process.** Paying an invoice without a purchase order, sharing data outside the approved tool, or resetting MFA over the phone.
3. **A sender or link that does not match.** Look at the full address, not the display name. Hover over links (or long-press on a phone) and read the real domain from right to left.
4. **A sign-in prompt after clicking a link.** Our password manager fills in passwords only on the real site. If it offers nothing, that is a strong hint the page is fake.
5. **Attachments you did not expect,** especially archives, macros or files that ask you to "enable content".

## What to do

- **Do not click, reply or open attachments** in a message you are unsure about.
- **Verify through a second channel** you already trust: look up the person in the company directory and message or call them there, never using the contact details in the suspicious message.
- **Report it** with the *Report phishing* button in your mail client, or forward it to the security channel. Reporting takes ten seconds and lets us block the sender for everyone.
- **Never approve an MFA prompt you did not start.** Deny it and report it: it means someone has your password.

## If you already clicked

It happens to careful people. What matters is speed:

1. Tell security straight away through the security channel or the on-call number. Do not wait to be sure.
2. If you entered a password, change it from a page you open yourself, and let security end your other sessions.
3. If you opened an attachment, disconnect the laptop from the network but leave it switched on, so it can be examined.

Nobody is blamed for reporting a mistake quickly. The expensive incidents are the ones reported days later, or never.
`;

export const phishingModule: TrainingModule = {
  id: "phishing",
  title: "Phishing and social engineering",
  version: 1,
  audience: "everyone",
  categories: [],
  minutes: 15,
  summary:
    "How attackers use email, chat, texts and phone calls to trick staff, the signs that give " +
    "them away, and what to do when a message looks wrong or you have already clicked.",
  body,
  quiz: [
    {
      prompt:
        "An email says your single sign-on password expires today and links to a login page " +
        "on acme-sso-login.com. Your password manager offers no saved password there. What " +
        "does that most likely mean?",
      choices: [
        "The password manager needs an update",
        "The password really has expired and the page wants the new one",
        "Nothing: password managers often fail on login pages",
        "The page is not our real sign-in page, so you should close it and report the email",
      ],
      answer: 3,
      explanation:
        "Password managers match the exact domain they saved the password for. Silence on a " +
        "page that looks like our sign-in page is a strong sign that it is a look-alike domain.",
    },
    {
      prompt:
        "Your phone shows an MFA push asking you to approve a sign-in, but you are not signing " +
        "in to anything. What should you do?",
      choices: [
        "Approve it once so the prompts stop",
        "Ignore it and carry on with your work",
        "Deny it and report it to security, because someone probably has your password",
      ],
      answer: 2,
      explanation:
        "An unexpected prompt means someone already got past the password step. Denying it " +
        "blocks them, and reporting it lets security reset your password and look for other " +
        "activity.",
    },
    {
      prompt:
        "A message that appears to come from the CEO asks you to change a supplier's bank " +
        "details before the end of the day and to keep it quiet. What is the right response?",
      choices: [
        "Make the change, since the CEO can approve any payment",
        "Verify the request with the CEO through a channel you already trust, follow the normal " +
          "approval process, and report the message",
        "Reply to the email asking whether it is genuine",
        "Forward it to finance and let them decide",
      ],
      answer: 1,
      explanation:
        "Urgency, secrecy and a request that skips the normal process are classic signs of " +
        "payment fraud. Replying to the same message reaches the attacker, so verification must " +
        "use a separate, known channel.",
    },
    {
      prompt: "Which of these is the most reliable way to check where a link really goes?",
      choices: [
        "Read the link text in the email",
        "Check that the email has the company logo",
        "Hover over the link, or long-press it on a phone, and read the real domain",
        "Check that the page uses https",
      ],
      answer: 2,
      explanation:
        "Link text and logos are easy to fake, and attackers get https certificates for their " +
        "own domains for free. The real destination domain is what counts.",
    },
    {
      prompt:
        "You clicked a link and typed your password into a page you now think was fake. What " +
        "should you do first?",
      choices: [
        "Tell security straight away, then change your password from a page you open yourself",
        "Wait a day to see whether anything strange happens",
        "Delete the email so nobody else clicks it",
        "Run a virus scan and say nothing if it finds nothing",
      ],
      answer: 0,
      explanation:
        "Attackers use stolen passwords within minutes. Reporting at once lets security end " +
        "sessions and watch the account; waiting gives the attacker time.",
    },
    {
      prompt:
        "Someone phones the help desk saying they are a new engineer who lost their phone and " +
        "needs their MFA reset right now. What should happen?",
      choices: [
        "Reset it, since new starters often have problems",
        "Reset it if they can give their employee id",
        "Verify their identity through the documented process, such as a video call with their " +
          "manager, before any reset",
      ],
      answer: 2,
      explanation:
        "MFA resets over the phone are a favourite way to take over accounts, and details such " +
        "as an employee id are often easy to find. Identity must be checked through the agreed " +
        "process, whatever the pressure.",
    },
    {
      prompt: "Why does reporting a phishing email help even if you did not click it?",
      choices: [
        "It does not: only clicked messages need reporting",
        "Security can block the sender and remove the message from everyone's inbox",
        "It automatically sends a warning to the attacker",
      ],
      answer: 1,
      explanation:
        "Phishing campaigns target many people at once. One report lets security block the " +
        "sender and pull the message from other mailboxes before someone else clicks.",
    },
  ],
  passMark: 0.8,
  controls: ["HR-03"],
  criteria: ["CC1.4", "CC2.2"],
};
