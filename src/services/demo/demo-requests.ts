/**
 * The demo auditor's request list, worked during fieldwork: one request accepted, one
 * answered and waiting on her, one returned with her reason, and one still open.
 */
import { Readable } from "node:stream";
import type { Actor } from "../../domain/actor.ts";
import { addDays } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { listEvidence } from "../program/evidence.service.ts";
import {
  acceptRequest,
  answerRequest,
  commentOnRequest,
  returnRequest,
} from "../fieldwork/request-answers.service.ts";
import { openRequest } from "../fieldwork/requests.service.ts";

export interface DemoRequests {
  requests: number;
}

function csv(lines: string[]): { content: Readable; fileName: string; mediaType: string } {
  return {
    content: Readable.from([Buffer.from(`${lines.join("\n")}\n`)]),
    fileName: "export.csv",
    mediaType: "text/csv",
  };
}

export async function loadDemoRequests(
  ctx: ServiceContext,
  dana: Actor,
  handle: string,
  staff: { jo: Actor; lee: Actor; sam: Actor; ravi: Actor },
  period: { from: string; to: string },
  today: string,
): Promise<DemoRequests> {
  const due = addDays(today, 10);
  const ask = (to: Actor, description: string, control?: string) =>
    openRequest(ctx, dana, handle, {
      description,
      to: to.email ?? "",
      dueOn: due,
      ...(control === undefined ? {} : { control }),
    });

  const people = await ask(
    staff.jo,
    "The list of people who joined and left during the period, exported from the HR system with start and end dates.",
  );
  await answerRequest(
    ctx,
    staff.jo,
    handle,
    people.ref,
    {
      title: "Joiners and leavers in the period (HR export)",
      comment: "Straight from the HR system.",
    },
    csv(["name,start,end", `A. Example,${period.from},`, `B. Example,,${period.to}`]),
  );
  await acceptRequest(ctx, dana, handle, people.ref);

  // A change made in the period, given as the evidence already filed for it.
  const change = (await listEvidence(ctx, staff.lee, { control: "CM-02" })).find(
    (e) => e.forFrom >= period.from && e.forTo <= period.to,
  );
  const changes = await ask(
    staff.lee,
    "The approval of a change deployed in the period, as recorded on its pull request.",
    "CM-02",
  );
  if (change !== undefined) {
    await answerRequest(ctx, staff.lee, handle, changes.ref, {
      evidence: [change.id],
      comment: "The pull request with its reviewer's approval.",
    });
  }

  const pentest = await ask(
    staff.sam,
    "The penetration test report of the period and management's plan for its findings.",
  );
  await answerRequest(
    ctx,
    staff.sam,
    handle,
    pentest.ref,
    { title: "Penetration test findings and plan" },
    csv([
      "finding,severity,plan",
      "TLS 1.0 enabled on a legacy endpoint,medium,Disable by the next release",
    ]),
  );
  await returnRequest(ctx, dana, handle, pentest.ref, {
    reason: "This is the findings list only; send the tester's signed report dated in the period.",
  });
  await commentOnRequest(ctx, staff.sam, handle, pentest.ref, {
    body: "The signed report is with the tester; we will upload it this week.",
  });

  await ask(staff.ravi, "The list of production systems with each one's owner and data held.");
  return { requests: 4 };
}
