/**
 * The demo's people register: Northwind's forty people as its HR system would export them
 * (the six staff with accounts and the rest of the team), two who joined this month, one
 * starting soon and two who left. Their checklist steps were done on time, each on its due
 * day, but for the most recent leaver, whose access removal is overdue: the dashboard, the
 * register and AC-05's readiness all show it.
 */
import type { Actor } from "../../domain/actor.ts";
import { addDays, localDate } from "../../domain/periods.ts";
import { zonedMidnight } from "../../domain/periods.ts";
import type { ServiceContext } from "../platform/context.ts";
import { recordBackgroundCheck } from "../program/background-checks.service.ts";
import { importPeople } from "../program/people-import.service.ts";
import { listPeopleRegister, showPerson } from "../program/people.service.ts";
import { completeStep } from "../program/person-steps.service.ts";
import { STAFF } from "./demo-people.ts";

export interface DemoRegister {
  people: number;
  overdue: string[];
}

const FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jonah"];
const LAST = ["Park", "Novak", "Silva", "Mensah", "Ito", "Kowalski", "Haddad", "Byrne"];
const TEAMS: [string, string, string][] = [
  ["Engineering", "Software Engineer", STAFF.lee.email],
  ["Engineering", "Site Reliability Engineer", STAFF.lee.email],
  ["Security", "Security Engineer", STAFF.sam.email],
  ["IT", "IT Support Specialist", STAFF.ravi.email],
  ["Customer Success", "Customer Success Manager", STAFF.maya.email],
  ["People", "People Partner", STAFF.jo.email],
];

/** The newcomers and leavers, by how many days from today. */
const MOVES = {
  hired: { email: "nadia.osei@northwind.example", name: "Nadia Osei", startIn: -17 },
  newest: { email: "tom.becker@northwind.example", name: "Tom Becker", startIn: -2 },
  coming: { email: "lina.farah@northwind.example", name: "Lina Farah", startIn: 9 },
  left: { email: "omar.reyes@northwind.example", name: "Omar Reyes", endIn: -26 },
  leaving: { email: "eva.lund@northwind.example", name: "Eva Lund", endIn: -4 },
};

function csv(today: string): string {
  const rows = ["email,name,title,department,manager_email,start_date,end_date,type"];
  const staffTitles: Record<string, [string, string]> = {
    maya: ["Chief Executive Officer", "Leadership"],
    lee: ["Chief Technology Officer", "Engineering"],
    sam: ["Head of Security", "Security"],
    ravi: ["IT Lead", "IT"],
    jo: ["Head of People", "People"],
    kim: ["Customer Success Manager", "Customer Success"],
  };
  for (const [key, person] of Object.entries(STAFF)) {
    const [title, department] = staffTitles[key] ?? ["", ""];
    const manager = key === "maya" ? "" : STAFF.maya.email;
    rows.push(
      `${person.email},${person.name},${title},${department},${manager},2022-03-07,,employee`,
    );
  }
  for (let i = 0; i < 29; i += 1) {
    const name = `${FIRST[i % FIRST.length] ?? ""} ${LAST[(i * 3) % LAST.length] ?? ""}`;
    const email = `${name.toLowerCase().replace(" ", ".")}${i}@northwind.example`;
    const [department, title, manager] = TEAMS[i % TEAMS.length] ?? ["", "", STAFF.maya.email];
    const start = addDays("2023-01-09", i * 23);
    rows.push(
      `${email},${name},${title},${department},${manager},${start},,${i % 7 === 3 ? "contractor" : "employee"}`,
    );
  }
  for (const hire of [MOVES.hired, MOVES.newest, MOVES.coming]) {
    rows.push(
      `${hire.email},${hire.name},Software Engineer,Engineering,${STAFF.lee.email},${addDays(today, hire.startIn)},,employee`,
    );
  }
  for (const leaver of [MOVES.left, MOVES.leaving]) {
    rows.push(
      `${leaver.email},${leaver.name},Data Analyst,Engineering,${STAFF.lee.email},2024-02-05,${addDays(today, leaver.endIn)},employee`,
    );
  }
  return `${rows.join("\n")}\n`;
}

export async function loadDemoRegister(
  ctx: ServiceContext,
  maya: Actor,
  timeZone: string,
): Promise<DemoRegister> {
  const today = localDate(ctx.now(), timeZone);
  const imported = await importPeople(ctx, maya, { csv: csv(today) });
  for (const hire of [MOVES.hired, MOVES.newest]) {
    const cleared = addDays(today, hire.startIn - 6);
    await recordBackgroundCheck(
      { ...ctx, now: () => zonedMidnight(cleared, timeZone) },
      maya,
      hire.email,
      {
        status: "clear",
        checkedOn: cleared,
        provider: "Certn",
      },
    );
  }
  // Every step due by today done on its due day (at noon), but Eva's access removal.
  for (const move of [MOVES.hired, MOVES.newest, MOVES.left, MOVES.leaving]) {
    const detail = await showPerson(ctx, maya, move.email);
    for (const step of detail.checklists.flatMap((c) => c.steps)) {
      if (step.completedAt !== null || step.dueBy >= today) continue;
      if (move === MOVES.leaving && step.step === "access-removed") continue;
      const noon = new Date(zonedMidnight(step.dueBy, timeZone).getTime() + 12 * 3_600_000);
      await completeStep({ ...ctx, now: () => noon }, maya, step.id, {
        note: "Done as the checklist asks.",
      });
    }
  }
  const register = await listPeopleRegister(ctx, maya);
  return {
    people: imported.rows,
    overdue: register.overdue.map((s) => `${s.title}: ${s.person.name}`),
  };
}
