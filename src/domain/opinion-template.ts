/**
 * Section I, the service auditor's report, as Attest's template words around what the auditor
 * fills in (`AuditorOpinion`): the opinion's form, the criteria not met, the basis for a
 * modification, the firm, city and date. The words are Attest's own; the auditor reads them
 * before recording the opinion, and the opinion remains theirs alone.
 */
import { findCriterion } from "../catalog/index.ts";
import { CATEGORIES } from "../catalog/categories.ts";
import type { CategoryId } from "../catalog/types.ts";
import { canonicalJson } from "./audit-chain.ts";
import { sha256Hex } from "./digest.ts";
import { dateInWords } from "./words.ts";
import type { EngagementType } from "./engagement.ts";
import { periodPhrase } from "./report.ts";
import type { AuditorOpinion, OpinionType, SystemDescriptionContent } from "./report.ts";

export interface OpinionPart {
  heading: string;
  paragraphs: string[];
}

/** What the template needs from the package. */
export interface OpinionContext {
  organization: { name: string; systemName: string };
  engagement: {
    type: EngagementType;
    asOf: string | null;
    periodFrom: string | null;
    periodTo: string | null;
    categories: readonly CategoryId[];
  };
  description: Pick<SystemDescriptionContent, "subservices" | "cuecs">;
}

const BASIS_HEADINGS: Record<Exclude<OpinionType, "unmodified">, string> = {
  qualified: "Basis for qualified opinion",
  adverse: "Basis for adverse opinion",
  disclaimer: "Basis for disclaimer of opinion",
};

const OPINION_HEADINGS: Record<OpinionType, string> = {
  unmodified: "Opinion",
  qualified: "Qualified opinion",
  adverse: "Adverse opinion",
  disclaimer: "Disclaimer of opinion",
};

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function categoriesInWords(ids: readonly CategoryId[]): string {
  return listInWords(
    ids.map((id) => CATEGORIES.find((c) => c.id === id)?.name.toLowerCase() ?? id),
  );
}

/** "CC7.2 (monitoring for anomalies)" */
export function criterionInWords(id: string): string {
  const label = findCriterion(id)?.label;
  return label === undefined ? id : `${id} (${label})`;
}

/**
 * The condition an opinion and an assertion carry when the design assumes controls elsewhere:
 * "" when the description names no carved-out subservice organization and no user entity control.
 */
export function complementaryCondition(c: OpinionContext): string {
  const carvedOut = c.description.subservices.some((s) => s.method === "carve-out");
  const userEntities = c.description.cuecs.length > 0;
  if (carvedOut && userEntities) {
    return (
      "and if the subservice organizations and user entities applied the complementary " +
      "controls assumed in the design of the service organization's controls"
    );
  }
  if (carvedOut) {
    return (
      "and if the subservice organizations applied the complementary subservice organization " +
      "controls assumed in the design of the service organization's controls"
    );
  }
  if (userEntities) {
    return (
      "and if user entities applied the complementary user entity controls assumed in the " +
      "design of the service organization's controls"
    );
  }
  return "";
}

function scope(c: OpinionContext): string[] {
  const org = c.organization.name;
  const when = periodPhrase(c.engagement, dateInWords);
  const type2 = c.engagement.type === 2;
  const paragraphs = [
    `We have examined the description of ${c.organization.systemName} prepared by ${org} ` +
      `${when} (the description, section III), and the suitability of the design` +
      `${type2 ? " and the operating effectiveness" : ""} of the controls stated in it to give ` +
      `reasonable assurance that ${org}'s service commitments and system requirements were ` +
      `achieved under the trust services criteria for ${categoriesInWords(c.engagement.categories)} ` +
      "(the applicable criteria).",
  ];
  const carvedOut = c.description.subservices.filter((s) => s.method === "carve-out");
  const included = c.description.subservices.filter((s) => s.method === "inclusive");
  if (carvedOut.length > 0) {
    paragraphs.push(
      `${org} uses ${listInWords(carvedOut.map((s) => s.name))} as subservice ` +
        `${carvedOut.length === 1 ? "organization" : "organizations"}, presented under the ` +
        "carve-out method: the description leaves out their controls, and our examination did " +
        "not extend to them. The description names the complementary controls they are " +
        "assumed to apply.",
    );
  }
  if (included.length > 0) {
    paragraphs.push(
      `${org} uses ${listInWords(included.map((s) => s.name))}, presented under the ` +
        "inclusive method: their relevant controls are part of the description and of our " +
        "examination.",
    );
  }
  if (c.description.cuecs.length > 0) {
    paragraphs.push(
      "The description says that some applicable criteria can be met only if user entities " +
        `apply complementary controls assumed in the design of ${org}'s controls. Our ` +
        "examination did not extend to controls at user entities.",
    );
  }
  return paragraphs;
}

function responsibilities(c: OpinionContext, o: AuditorOpinion): OpinionPart[] {
  const org = c.organization.name;
  const type2 = c.engagement.type === 2;
  const controls = type2 ? "designed and operated effectively" : "designed";
  return [
    {
      heading: "The service organization's responsibilities",
      paragraphs: [
        `${org} is responsible for its service commitments and system requirements, for ` +
          "preparing the description and its assertion (section II), for the completeness, " +
          "accuracy and presentation of both, for selecting the applicable criteria and for " +
          `designing, implementing${type2 ? " and operating" : ""} controls that give ` +
          "reasonable assurance that its commitments and requirements are achieved.",
      ],
    },
    {
      heading: "The service auditor's responsibilities",
      paragraphs: [
        "Our responsibility is to express an opinion on the description and on the controls, " +
          "based on our examination. We performed it under the attestation standards of the " +
          "American Institute of Certified Public Accountants. They require that we plan and " +
          "perform the examination to obtain reasonable assurance about whether, in all " +
          "material respects, the description is presented in line with the description " +
          `criteria and the controls were suitably ${controls}` +
          `${type2 ? " throughout the period" : ""}.` +
          // Under a disclaimer the auditor could not obtain that evidence, and says so instead.
          (o.type === "disclaimer"
            ? ""
            : " We believe the evidence we obtained is sufficient and appropriate to support " +
              "our opinion."),
        "We are independent of the service organization and have met our other ethical " +
          "responsibilities under the relevant requirements for this engagement.",
      ],
    },
    {
      heading: "Inherent limitations",
      paragraphs: [
        "Any system of internal control has limits: people make mistakes, controls can be " +
          "circumvented by collusion or overridden by management, and a description presents " +
          "a system at one time or over one period. Conclusions about the suitability of " +
          `design${type2 ? " or the operating effectiveness" : ""} of controls cannot be ` +
          "projected to later periods without the risk that changed conditions or weaker " +
          "compliance make the controls inadequate.",
      ],
    },
  ];
}

function opinionParagraph(c: OpinionContext, o: AuditorOpinion): string {
  const system = c.organization.systemName;
  const when = periodPhrase(c.engagement, dateInWords);
  const condition = complementaryCondition(c);
  const conditional = condition === "" ? "" : ` ${condition}`;
  const type2 = c.engagement.type === 2;
  if (o.type === "disclaimer") {
    return (
      "Because of the significance of the matters described in the basis for disclaimer of " +
      "opinion, we were not able to obtain sufficient appropriate evidence to form an opinion " +
      `on the description of ${system} or on its controls. We therefore do not express one.`
    );
  }
  if (o.type === "adverse") {
    return (
      "In our opinion, because of the significance of the matters described in the basis for " +
      `adverse opinion, the controls stated in the description were not suitably designed` +
      `${type2 ? " and did not operate effectively" : ""} ${when} to give reasonable assurance ` +
      "that the service commitments and system requirements were achieved under the " +
      "applicable criteria."
    );
  }
  const lead =
    o.type === "qualified"
      ? "In our opinion, except for the effects of the matters described in the basis for " +
        "qualified opinion, in all material respects:"
      : "In our opinion, in all material respects:";
  const points = [
    `(a) the description presents ${system} as designed and implemented ${when}, in line with ` +
      "the description criteria;",
    `(b) the controls stated in the description were suitably designed ${when} to give ` +
      "reasonable assurance that the service commitments and system requirements would be " +
      `achieved under the applicable criteria, if the controls operated effectively${conditional}` +
      (type2 ? ";" : "."),
    ...(type2
      ? [
          `(c) the controls stated in the description operated effectively ${when} to give ` +
            "reasonable assurance that the service commitments and system requirements were " +
            `achieved under the applicable criteria${condition === "" ? "" : `, ${condition.replace(/^and /, "")}`}.`,
        ]
      : []),
  ];
  return [lead, ...points].join("\n");
}

function basis(o: AuditorOpinion): OpinionPart[] {
  if (o.type === "unmodified") return [];
  const named =
    o.criteriaNotMet.length === 0
      ? []
      : [
          `Our examination found that the following applicable ${o.criteriaNotMet.length === 1 ? "criterion was" : "criteria were"} ` +
            `not met: ${listInWords(o.criteriaNotMet.map(criterionInWords))}.`,
        ];
  const own = o.basisForModification?.trim() ?? "";
  return [
    {
      heading: BASIS_HEADINGS[o.type],
      paragraphs: [...named, ...(own === "" ? [] : own.split(/\r?\n\s*\r?\n/))],
    },
  ];
}

/** Section I in order, each part with its heading; the signature comes from `signatureLines`. */
export function opinionParts(c: OpinionContext, o: AuditorOpinion): OpinionPart[] {
  const org = c.organization.name;
  const when = periodPhrase(c.engagement, dateInWords);
  const tests: OpinionPart[] =
    c.engagement.type === 2
      ? [
          {
            heading: "Description of tests of controls",
            paragraphs: [
              "Section IV lists the controls we tested, the nature, timing and extent of our " +
                "tests, and their results.",
            ],
          },
        ]
      : [];
  const other = o.text.trim();
  return [
    { heading: "Scope", paragraphs: scope(c) },
    ...responsibilities(c, o),
    ...tests,
    ...basis(o),
    { heading: OPINION_HEADINGS[o.type], paragraphs: [opinionParagraph(c, o)] },
    ...(other === ""
      ? []
      : [{ heading: "Other matters", paragraphs: other.split(/\r?\n\s*\r?\n/) }]),
    {
      heading: "Restricted use",
      paragraphs: [
        `This report is meant only for ${org}, for user entities of ${c.organization.systemName} ` +
          `${when}, and for their auditors and prospective user entities who understand the ` +
          "nature of the service, the system" +
          (complementaryCondition(c) === "" ? "" : ", the complementary controls") +
          " and the applicable criteria well enough to use it. It is not meant for anyone else.",
      ],
    },
  ];
}

/** Firm, city and date, as signed: "Ledger & Co", "Boston, Massachusetts", "2 March 2026". */
export function signatureLines(o: AuditorOpinion): string[] {
  return [o.firm, o.city, dateInWords(o.date)];
}

/** An opinion stored before Section I was structured has only its type and free text. */
export function isStructuredOpinion(o: AuditorOpinion): boolean {
  return typeof (o as Partial<AuditorOpinion>).date === "string";
}

/**
 * The digest of what the auditor wrote in Section I, which the opinion's audit event records
 * (`textSha256`): every part they fill in, or the free text alone for an older opinion.
 */
export function opinionTextDigest(
  o: Partial<
    Pick<
      AuditorOpinion,
      "firm" | "city" | "date" | "criteriaNotMet" | "basisForModification" | "text"
    >
  >,
): string {
  if (typeof o.date !== "string") return sha256Hex(o.text ?? "");
  return sha256Hex(
    canonicalJson({
      firm: o.firm,
      city: o.city,
      date: o.date,
      criteriaNotMet: o.criteriaNotMet,
      basisForModification: o.basisForModification,
      text: o.text,
    }),
  );
}
