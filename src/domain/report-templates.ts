/**
 * Starting words for management's assertion and for a bridge letter. They are Attest's own
 * template, filled from the engagement; management edits them and an owner approves them.
 */
import { CATEGORIES } from "../catalog/categories.ts";
import type { CategoryId } from "../catalog/types.ts";
import { dateInWords } from "./words.ts";
import type { EngagementType } from "./engagement.ts";
import { periodPhrase } from "./report.ts";
import type { SubserviceMethod } from "./report.ts";

export interface AssertionFacts {
  organization: string;
  systemName: string;
  type: EngagementType;
  asOf: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  categories: readonly CategoryId[];
  /** The form follows the auditor's opinion: modified when it is qualified, adverse or a disclaimer. */
  modified: boolean;
  /** From the description (DC7): named with their method. */
  subservices: readonly { name: string; method: SubserviceMethod }[];
  /** From the description (DC6): whether the design assumes controls at user entities. */
  hasCuecs: boolean;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function categoryList(ids: readonly CategoryId[]): string {
  return listInWords(
    ids.map((id) => CATEGORIES.find((c) => c.id === id)?.name.toLowerCase() ?? id),
  );
}

/** DC7 in one paragraph: each subservice organization with its method, or "None". */
function subservicesParagraph(f: AssertionFacts): string {
  if (f.subservices.length === 0) {
    return "Subservice organizations: None. The system does not rely on a subservice organization for the applicable criteria.";
  }
  const named = f.subservices.map(
    (s) => `${s.name} (${s.method === "carve-out" ? "carve-out method" : "inclusive method"})`,
  );
  const carvedOut = f.subservices.some((s) => s.method === "carve-out");
  return (
    `Subservice organizations: ${listInWords(named)}. ` +
    (carvedOut
      ? "Under the carve-out method, the description names the controls the subservice " +
        "organization is assumed to apply, and does not cover its controls. "
      : "") +
    (f.subservices.some((s) => s.method === "inclusive")
      ? "Under the inclusive method, the description covers the subservice organization's " +
        "relevant controls."
      : "")
  ).trim();
}

/** The condition on complementary controls, "" when the design assumes none. */
function complementaryCondition(f: AssertionFacts): string {
  const carvedOut = f.subservices.some((s) => s.method === "carve-out");
  if (carvedOut && f.hasCuecs) {
    return (
      ", and if the subservice organizations and user entities applied the complementary " +
      `controls assumed in the design of ${f.organization}'s controls`
    );
  }
  if (carvedOut) {
    return (
      ", and if the subservice organizations applied the complementary subservice " +
      `organization controls assumed in the design of ${f.organization}'s controls`
    );
  }
  if (f.hasCuecs) {
    return (
      ", and if user entities applied the complementary user entity controls assumed in the " +
      `design of ${f.organization}'s controls`
    );
  }
  return "";
}

export function assertionTemplate(f: AssertionFacts): string {
  const when = periodPhrase(f, dateInWords);
  const categories = categoryList(f.categories);
  const condition = complementaryCondition(f);
  const except = f.modified ? ", except for the matters described in section IV" : "";
  const relies =
    f.subservices.length === 0 && !f.hasCuecs
      ? `The controls at ${f.organization} alone are designed to achieve our service ` +
        "commitments and system requirements: the description assumes no controls at " +
        "subservice organizations or user entities."
      : "The description says where controls at subservice organizations and at user entities " +
        `are needed, with the controls at ${f.organization}, for our service commitments and ` +
        "system requirements to be achieved. It does not cover the controls of those " +
        "organizations.";
  const paragraphs = [
    `We, the management of ${f.organization}, have prepared the accompanying description of ` +
      `${f.systemName} (the system) ${when}, following the description criteria for a SOC 2 ` +
      `report (DC 200). The description is meant to give the system's users, and those who ` +
      `assess them, what they need to understand the system and the controls relevant to the ` +
      `${categories} trust services categories.`,
    relies,
    subservicesParagraph(f),
    `We confirm, to the best of our knowledge and belief, that:`,
    `1. The description presents the system as designed and implemented ${when}, in accordance ` +
      `with the description criteria${except}.`,
    `2. The controls stated in the description were suitably designed ${when} to give ` +
      `reasonable assurance that our service commitments and system requirements would be ` +
      `achieved under the applicable trust services criteria, if the controls operated ` +
      `${f.type === 1 ? "as described" : "effectively"}${condition}${except}.`,
    ...(f.type === 2
      ? [
          `3. The controls stated in the description operated effectively ${when} to give ` +
            `reasonable assurance that our service commitments and system requirements were ` +
            `achieved under the applicable trust services criteria${condition}${except}.`,
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
