/**
 * The people register at size: importing 5,000 people (100 in a smoke run) from CSV, with a
 * few recent joiners and leavers whose checklists open, then everyone's task list with one
 * policy published to the whole register (5,000 acknowledgement requests by email, plus the
 * open onboarding and offboarding steps). Target: each under 2 s (issue 15).
 */
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { actorIn } from "../src/domain/actor.ts";
import type { Principal } from "../src/domain/actor.ts";
import { addDays, localDate } from "../src/domain/periods.ts";
import { createOrganization } from "../src/services/access/organizations.service.ts";
import type { ServiceContext } from "../src/services/platform/context.ts";
import { importPeople } from "../src/services/program/people-import.service.ts";
import { adoptPolicy } from "../src/services/program/policies.service.ts";
import {
  approvePolicy,
  publishPolicy,
  submitPolicy,
} from "../src/services/program/policy-workflow.service.ts";
import { listTasks } from "../src/services/program/tasks.service.ts";
import { measure, sized } from "./measure.ts";
import type { BenchSize, Measurement } from "./measure.ts";

const bench: Principal = { kind: "system", id: "bench", name: "bench" };

export interface PeopleBench {
  people: number;
  importMs: number;
  reimportMs: number;
  tasks: number;
  everyone: Measurement;
}

function csvOf(count: number, today: string): string {
  const rows = ["email,name,title,department,manager_email,start_date,end_date,type"];
  rows.push("head@people.example,Head Person,CEO,Leadership,,2019-01-07,,employee");
  for (let i = 1; i < count; i += 1) {
    // One in fifty joined last week, one in fifty left last week: their checklists open.
    const start = i % 50 === 0 ? addDays(today, -7) : "2023-04-03";
    const end = i % 50 === 25 ? addDays(today, -7) : "";
    const type = i % 10 === 0 ? "contractor" : "employee";
    rows.push(
      `person-${i}@people.example,Person ${i},Engineer,Engineering,head@people.example,${start},${end},${type}`,
    );
  }
  return `${rows.join("\n")}\n`;
}

export async function benchPeople(ctx: ServiceContext, size: BenchSize): Promise<PeopleBench> {
  const people = sized(size, 5000, 100);
  const { organization } = await createOrganization(ctx, bench, {
    name: `People Corp ${randomUUID().slice(0, 6)}`,
  });
  const owner = actorIn(bench, organization.id, "owner");
  const csv = csvOf(people, localDate(ctx.now(), organization.timeZone));

  let start = performance.now();
  await importPeople(ctx, owner, { csv });
  const importMs = Math.round(performance.now() - start);
  start = performance.now();
  await importPeople(ctx, owner, { csv });
  const reimportMs = Math.round(performance.now() - start);

  await adoptPolicy(ctx, owner, { template: "acceptable-use", owner: "head@people.example" });
  await submitPolicy(ctx, owner, "P-1");
  await approvePolicy(ctx, owner, "P-1");
  await publishPolicy(ctx, owner, "P-1");
  const all = await listTasks(ctx, owner, { mine: false });
  return {
    people,
    importMs,
    reimportMs,
    tasks: all.length,
    everyone: await measure(() => listTasks(ctx, owner, { mine: false }), {
      warmup: 1,
      runs: sized(size, 5, 2),
    }),
  };
}
