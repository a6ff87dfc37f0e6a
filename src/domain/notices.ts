/**
 * The daily notice to owners: which implemented controls lack current evidence, and how old
 * the newest final report is. Both judgements come from elsewhere (freshness.ts, reportAge);
 * this only decides whether there is anything to say and words it.
 */
import type { FreshnessState } from "./freshness.ts";
import type { ReportAge } from "./report.ts";

export const OWNER_NOTICE_KIND = "owner-digest";

export interface OverdueControl {
  ref: string;
  title: string;
  state: FreshnessState;
  dueBy: string | null;
  reason: string;
}

export interface ReportFacts {
  engagement: string;
  version: number;
  coverageEnd: string;
  age: ReportAge;
}

export interface NoticeFacts {
  organization: string;
  overdue: readonly OverdueControl[];
  report: ReportFacts | null;
}

export interface ComposedNotice {
  title: string;
  body: string;
}

const AGE_ADVICE: Record<Exclude<ReportAge["status"], "current">, string> = {
  "renew-soon": "turns 12 months old soon: start the next audit now",
  aging: "is over a year old: customers may ask for a bridge letter or a newer report",
  expired: "is over 18 months old and no longer speaks for the company",
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Null when every control's evidence is current and the report (if any) is current. */
export function composeOwnerNotice(facts: NoticeFacts): ComposedNotice | null {
  const aging = facts.report !== null && facts.report.age.status !== "current";
  if (facts.overdue.length === 0 && !aging) return null;
  const headline: string[] = [];
  const lines: string[] = [];
  if (facts.overdue.length > 0) {
    headline.push(`${plural(facts.overdue.length, "control needs", "controls need")} evidence`);
    lines.push("Evidence due or overdue:");
    for (const control of facts.overdue) {
      lines.push(`- ${control.ref} ${control.title}: ${control.reason}`);
    }
  }
  if (aging && facts.report !== null) {
    const { report } = facts;
    const status = report.age.status as Exclude<ReportAge["status"], "current">;
    headline.push(`the SOC 2 report is ${plural(report.age.months, "month", "months")} old`);
    if (lines.length > 0) lines.push("");
    lines.push(
      `The newest final report (${report.engagement}, version ${report.version}, covering up ` +
        `to ${report.coverageEnd}) ${AGE_ADVICE[status]}.`,
    );
  }
  return { title: `${facts.organization}: ${headline.join("; ")}`, body: lines.join("\n") };
}
