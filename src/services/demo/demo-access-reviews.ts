/**
 * The demo's access reviews: last quarter's review of Google Workspace and GitHub, completed
 * three weeks ago by the head of security (an old contractor's account removed, with the
 * ticket as evidence) and filed on AC-06; and this quarter's GitHub review, started three days
 * ago for the IT lead, half decided, with the two people who left still holding accounts.
 */
import type { Actor } from "../../domain/actor.ts";
import { addDays, localDate, zonedMidnight } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import {
  completeCampaign,
  decideAccounts,
  recordAccessRemoved,
} from "../program/access-review-decisions.service.ts";
import { startCampaign } from "../program/access-reviews.service.ts";
import { addEvidence } from "../program/evidence.service.ts";
import { listPeopleRegister } from "../program/people.service.ts";
import { STAFF } from "./demo-people.ts";

export interface DemoAccessReviews {
  completed: string;
  sha256: string;
  open: string;
  flagged: number;
}

const ADMINS: readonly string[] = [STAFF.maya.email, STAFF.lee.email, STAFF.sam.email];
const STRAY = "contractor.old@northwind.example";

/** One system's CSV: everyone in the register (leavers too), plus a stray contractor account. */
function accountList(emails: readonly string[]): string {
  const rows = ["account,email,privileged"];
  for (const email of emails) {
    rows.push(
      `${email.split("@")[0] ?? email},${email},${ADMINS.includes(email) ? "true" : "false"}`,
    );
  }
  rows.push(`old-contractor,${STRAY},false`);
  return `${rows.join("\n")}\n`;
}

export async function loadDemoAccessReviews(
  ctx: ServiceContext,
  maya: Actor,
  staff: { sam: Actor; ravi: Actor },
  timeZone: string,
): Promise<DemoAccessReviews> {
  const today = localDate(ctx.now(), timeZone);
  const at = (days: number) => {
    const noon = new Date(zonedMidnight(addDays(today, days), timeZone).getTime() + 12 * 3_600_000);
    return { ...ctx, now: () => noon };
  };
  const register = await listPeopleRegister(ctx, maya);
  const emails = register.items.filter((p) => p.status !== "joining").map((p) => p.email);

  // Last quarter's review, completed three weeks ago.
  const past = at(-24);
  const previous = await startCampaign(
    past,
    maya,
    {
      name: "Quarterly review: Google Workspace and GitHub",
      systems: ["Google Workspace", "GitHub"],
      reviewers: [STAFF.sam.email],
      periodFrom: addDays(today, -24 - 91),
      periodTo: addDays(today, -25),
      dueOn: addDays(today, -10),
    },
    [
      { system: "Google Workspace", csv: accountList(emails) },
      { system: "GitHub", csv: accountList(emails.filter((e) => !e.startsWith("kim"))) },
    ],
  );
  const decided = await decideAccounts(at(-22), staff.sam, previous.ref, {
    decisions: previous.accountViews.map((a) =>
      a.flags.includes("unknown")
        ? { account: a.id, decision: "remove", comment: "Contract ended last year" }
        : a.flags.includes("leaver")
          ? { account: a.id, decision: "remove", comment: "Has left Northwind" }
          : {
              account: a.id,
              decision: "keep",
              comment: a.flags.length > 0 ? "Administers the workspace as part of the role" : null,
            },
    ),
  });
  const ticket = await addEvidence(
    at(-21),
    staff.sam,
    { kind: "link", url: "https://tracker.northwind.example/it/4711" },
    {
      title: "IT-4711: old contractor accounts removed from Google Workspace and GitHub",
      controls: ["AC-06"],
      forDate: addDays(today, -21),
    },
  );
  for (const account of decided.accountViews.filter((a) => a.decision === "remove")) {
    await recordAccessRemoved(at(-21), staff.sam, previous.ref, account.id, {
      evidenceId: ticket.id,
      note: "Removed under IT-4711",
    });
  }
  const completed = await completeCampaign(at(-20), maya, previous.ref);

  // This quarter's GitHub review, started three days ago: the leavers still have accounts.
  const started = await startCampaign(
    at(-3),
    maya,
    {
      name: "Quarterly review: GitHub",
      systems: ["GitHub"],
      reviewers: [STAFF.ravi.email],
      periodFrom: addDays(today, -3 - 91),
      periodTo: addDays(today, -3),
      dueOn: addDays(today, 11),
    },
    [{ system: "GitHub", csv: accountList(emails) }],
  );
  const plain = started.accountViews.filter((a) => a.flags.length === 0);
  const open = await decideAccounts(at(-1), staff.ravi, started.ref, {
    decisions: plain
      .slice(0, Math.floor(plain.length / 2))
      .map((a) => ({ account: a.id, decision: "keep", comment: null })),
  });
  return {
    completed: completed.ref,
    sha256: completed.sha256 ?? "",
    open: open.ref,
    flagged: open.flagged,
  };
}
