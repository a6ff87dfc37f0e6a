/**
 * Starting words for management's assertion and for a bridge letter. They are Attest's own
 * template, filled from the engagement; management edits them and an owner approves them.
 */
import { CATEGORIES } from "../catalog/categories.ts";
import type { CategoryId } from "../catalog/types.ts";
import type { EngagementType } from "./engagement.ts";

export interface AssertionFacts {
  organization: string;
  systemName: string;
  type: EngagementType;
  asOf: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  categories: readonly CategoryId[];
}

function categoryList(ids: readonly CategoryId[]): string {
  const names = ids.map((id) => CATEGORIES.find((c) => c.id === id)?.name.toLowerCase() ?? id);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function assertionTemplate(f: AssertionFacts): string {
  const when =
    f.type === 1
      ? `as of ${f.asOf ?? "?"}`
      : `throughout the period ${f.periodFrom} to ${f.periodTo}`;
  const categories = categoryList(f.categories);
  const paragraphs = [
    `We, the management of ${f.organization}, have prepared the accompanying description of ` +
      `${f.systemName} (the system) ${when}, following the description criteria for a SOC 2 ` +
      `report (DC 200). The description is meant to give the system's users, and those who ` +
      `assess them, what they need to understand the system and the controls relevant to the ` +
      `${categories} trust services categories.`,
    `The description says where controls at subservice organizations and at user entities are ` +
      `needed, with the controls at ${f.organization}, for our service commitments and system ` +
      `requirements to be achieved. It does not cover the controls of those organizations.`,
    `We confirm, to the best of our knowledge and belief, that:`,
    `1. The description presents the system as designed and implemented ${when}, in accordance ` +
      `with the description criteria.`,
    f.type === 1
      ? `2. The controls stated in the description were suitably designed ${when} to give ` +
        `reasonable assurance that our service commitments and system requirements would be ` +
        `achieved under the applicable trust services criteria, had the controls operated as ` +
        `described and had subservice organizations and user entities applied the ` +
        `complementary controls we assumed.`
      : `2. The controls stated in the description were suitably designed ${when} to give ` +
        `reasonable assurance that our service commitments and system requirements would be ` +
        `achieved under the applicable trust services criteria, had the controls operated ` +
        `effectively and had subservice organizations and user entities applied the ` +
        `complementary controls we assumed.`,
    ...(f.type === 2
      ? [
          `3. The controls stated in the description operated effectively ${when} to give ` +
            `reasonable assurance that our service commitments and system requirements were ` +
            `achieved under the applicable trust services criteria, except as described in ` +
            `section IV where exceptions are reported with our responses.`,
        ]
      : []),
  ];
  return paragraphs.join("\n\n");
}

export interface BridgeFacts {
  organization: string;
  systemName: string;
  reportLabel: string;
  /** "the period from 2026-05-01 to 2026-10-31", or "2026-10-31" for a Type 1. */
  reportCoverage: string;
  /** The firm that issued the report. */
  auditor: string;
  /** The first day no report covers: the day after the report's period (or date). */
  gapFrom: string;
  through: string;
  /** When the next report is expected, in words: "by 2027-10-31" or what is planned. */
  nextReport: string;
}

export function bridgeLetterTemplate(f: BridgeFacts): string {
  return [
    `To the customers of ${f.organization}:`,
    `Our most recent SOC 2 report on ${f.systemName} (${f.reportLabel}), issued by ` +
      `${f.auditor}, covers ${f.reportCoverage}. This letter speaks for the time from ` +
      `${f.gapFrom} to ${f.through}, which no auditor's report yet covers.`,
    `To the best of our knowledge, during that time we made no changes to the system or its ` +
      `controls that would materially affect what the report describes, and we know of no ` +
      `incident or control failure that would make the report misleading. Our next report is ` +
      `expected ${f.nextReport}, and will replace this letter.`,
    `This letter is management's own statement. No auditor has examined it, and it is not a ` +
      `substitute for an auditor's report.`,
  ].join("\n\n");
}
