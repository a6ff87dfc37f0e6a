/**
 * The tests and their results as OSCAL 1.2.1 assessment results: one result for the period (or
 * the as-of date), an observation per tested control and per exception, and a finding per
 * criterion. A finding restates the recorded test conclusion; it is not an opinion, and the
 * metadata says plainly whether an auditor's opinion was recorded at all.
 */
import type { PackageControl, PackageCriterion, ReportPackage } from "../../../domain/report.ts";
import { periodPhrase } from "../../../domain/report.ts";
import type { ControlConclusion, TestMethod } from "../../../domain/test-results.ts";
import type { Draft, JsonObject, OscalOptions } from "./oscal-common.ts";
import {
  dateTime,
  defaultOptions,
  line,
  md,
  metadata,
  opinionRemarks,
  periodProps,
  prop,
  pruneDocument,
} from "./oscal-common.ts";
import {
  CONCLUSION_LABELS,
  MANAGEMENT_RESPONSE,
  NO_MANAGEMENT_RESPONSE,
  OPINION_TYPE_LABELS,
  reportTypeLabel,
} from "./report-wording.ts";

/** OSCAL knows three methods; observing a control at work is examining it. */
export const OSCAL_METHODS: Record<TestMethod, "EXAMINE" | "INTERVIEW" | "TEST"> = {
  inspection: "EXAMINE",
  observation: "EXAMINE",
  inquiry: "INTERVIEW",
  "re-performance": "TEST",
};

function methodsOf(c: PackageControl): string[] {
  const methods = [...new Set((c.test?.methods ?? []).map((m) => OSCAL_METHODS[m]))];
  return methods.length === 0 ? ["UNKNOWN"] : methods;
}

interface TargetStatus {
  state: "satisfied" | "not-satisfied";
  reason: "pass" | "fail" | "other";
  remarks?: string;
}

/** A test conclusion that stands for a criterion without anyone's judgement on exceptions. */
function clean(c: ControlConclusion): boolean {
  return c === "operating-effectively" || c === "suitably-designed";
}

/** Conclusions that give no ground for any determination: nothing was concluded yet. */
function untested(c: ControlConclusion): boolean {
  return c === "not-tested" || c === "not-evaluated";
}

/**
 * The criteria the auditor's opinion says were not met. The structured opinion names them
 * when it is modified; an opinion without that list is read by its kind: an unmodified one
 * says every criterion was met, and a qualified or adverse one is taken to be about the
 * criteria whose controls showed exceptions, deficiencies or no control in place.
 */
function criteriaNotMet(pkg: ReportPackage): Set<string> {
  const o = pkg.opinion;
  if (o === null || o.type === "unmodified") return new Set();
  if ("criteriaNotMet" in o && Array.isArray(o.criteriaNotMet)) {
    return new Set(o.criteriaNotMet.filter((id): id is string => typeof id === "string"));
  }
  return new Set(
    pkg.criteria
      .filter(
        (c) => !clean(c.conclusion) && !untested(c.conclusion) && c.conclusion !== "no-occurrences",
      )
      .map((c) => c.id),
  );
}

/**
 * Whether a criterion was met is the service auditor's judgement, so the finding follows the
 * opinion: "not-satisfied" only for a criterion the opinion says was not met, "satisfied" for
 * the rest, exceptions included (they are in the observations). Without an opinion (or with a
 * disclaimer, which gives none) only a clean test result is reported as satisfied. Nothing is
 * determined for a criterion not yet tested: untested is not a failure, and OSCAL has no state
 * for "unknown", so such a criterion has no finding (the result's remarks list it).
 */
function targetStatus(
  c: PackageCriterion,
  pkg: ReportPackage,
  notMet: Set<string>,
): TargetStatus | null {
  const opinion = pkg.opinion;
  if (opinion === null || opinion.type === "disclaimer") {
    return clean(c.conclusion) ? { state: "satisfied", reason: "pass" } : null;
  }
  if (notMet.has(c.id)) {
    return {
      state: "not-satisfied",
      reason: "fail",
      remarks: "The service auditor's opinion states that this criterion was not met.",
    };
  }
  if (untested(c.conclusion)) return null;
  if (clean(c.conclusion)) return { state: "satisfied", reason: "pass" };
  return {
    state: "satisfied",
    reason: "other",
    remarks:
      `Recorded test conclusion: ${CONCLUSION_LABELS[c.conclusion]}. The service auditor's ` +
      "opinion does not state that this criterion was not met; any exceptions are in the " +
      "related observations with management's responses.",
  };
}

function responseOf(e: PackageControl["exceptions"][number]): string {
  const text = e.managementResponse?.trim() ?? "";
  return text === "" ? NO_MANAGEMENT_RESPONSE : text;
}

export function toOscalAssessmentResults(pkg: ReportPackage, options?: OscalOptions): JsonObject {
  const { uuidFor } = options ?? defaultOptions(pkg);
  const e = pkg.engagement;
  const systemName = line(pkg.organization.systemName, "Unnamed system");
  const { metadata: meta } = metadata(
    pkg,
    `${systemName}: assessment results for a ${reportTypeLabel(e.type)}, ${periodPhrase(e)}`,
    uuidFor,
  );
  const planUuid = uuidFor("resource/assessment-plan");
  const thisSystem = uuidFor("component/this-system");
  const subject = [{ "subject-uuid": thisSystem, type: "component" }];

  // A control mapped to several criteria was tested once: one observation, shared.
  const observations: Draft[] = [];
  const controlObservation = new Map<string, string>();
  const exceptionObservations = new Map<string, string[]>();
  for (const control of pkg.criteria.flatMap((c) => c.controls)) {
    if (control.test === null || controlObservation.has(control.ref)) continue;
    const uuid = uuidFor(`observation/${control.ref}`);
    controlObservation.set(control.ref, uuid);
    const design = control.test.designNotes;
    observations.push({
      uuid,
      title: line(`${control.ref} ${control.title}`, control.ref),
      description: md(
        [
          control.test.procedure,
          e.type === 2
            ? `Population ${control.population}, sample ${control.sampleSize}, ` +
              `${control.deviations} deviation(s). ${control.result}`
            : `Design: ${CONCLUSION_LABELS[control.conclusion]}.${design === null ? "" : ` ${design}`}`,
        ].join("\n\n"),
      ),
      props: [
        prop("control-ref", control.ref),
        prop("conclusion", control.conclusion),
        prop("tester", control.test.tester),
        prop("entered-by", control.test.enteredBy),
        ...(e.type === 2
          ? [
              prop("population", String(control.population)),
              prop("sample-size", String(control.sampleSize)),
              prop("deviations", String(control.deviations)),
            ]
          : []),
      ],
      methods: methodsOf(control),
      types: ["control-objective"],
      subjects: subject,
      collected: dateTime(control.test.testedOn),
    });
    const exceptions = control.exceptions.map((x, i) => {
      const xUuid = uuidFor(`observation/${control.ref}/exception/${i}/${x.item}`);
      observations.push({
        uuid: xUuid,
        title: line(`Exception in ${control.ref}: item ${x.item}`, `Exception in ${control.ref}`),
        description: md(x.description),
        props: [
          prop("control-ref", control.ref),
          prop("exception-item", x.item),
          prop("management-response", responseOf(x)),
          prop("management-responded-at", x.respondedAt),
        ],
        methods: methodsOf(control),
        types: ["finding"],
        subjects: subject,
        collected: dateTime(control.test?.testedOn ?? pkg.generatedAt),
        remarks: md(`${MANAGEMENT_RESPONSE} ${responseOf(x)}`),
      });
      return xUuid;
    });
    exceptionObservations.set(control.ref, exceptions);
  }

  const notMet = criteriaNotMet(pkg);
  const undetermined: string[] = [];
  const finding = (c: PackageCriterion): Draft[] => {
    const status = targetStatus(c, pkg, notMet);
    if (status === null) {
      undetermined.push(c.id);
      return [];
    }
    const related = c.controls.flatMap((x) => {
      const own = controlObservation.get(x.ref);
      return [...(own === undefined ? [] : [own]), ...(exceptionObservations.get(x.ref) ?? [])];
    });
    const exceptions = c.controls.flatMap((x) =>
      x.exceptions.map(
        (ex) =>
          `- ${x.ref}, item ${ex.item}: ${ex.description}\n  ${MANAGEMENT_RESPONSE} ${responseOf(ex)}`,
      ),
    );
    const untested = c.controls.filter((x) => x.test === null).map((x) => x.ref);
    return [
      {
        uuid: uuidFor(`finding/${c.id}`),
        title: line(`${c.id} ${c.label}`, c.id),
        description: md(
          `Recorded test conclusion: ${CONCLUSION_LABELS[c.conclusion]}. Controls: ` +
            (c.controls.length === 0
              ? "none mapped."
              : `${c.controls.map((x) => x.ref).join(", ")}.`) +
            (untested.length === 0 ? "" : ` Not yet tested: ${untested.join(", ")}.`),
        ),
        props: [prop("criterion-id", c.id), prop("conclusion", c.conclusion)],
        target: {
          type: "objective-id",
          "target-id": c.id.toLowerCase(),
          status: {
            state: status.state,
            reason: status.reason,
            remarks: status.remarks === undefined ? undefined : md(status.remarks),
          },
        },
        "related-observations": [...new Set(related)].map((uuid) => ({ "observation-uuid": uuid })),
        remarks:
          exceptions.length === 0 ? undefined : md(`Exceptions:\n\n${exceptions.join("\n")}`),
      },
    ];
  };
  const findings = pkg.criteria.flatMap(finding);

  const o = pkg.opinion;
  const start = e.type === 1 ? (e.asOf ?? null) : e.periodFrom;
  const end = e.type === 1 ? (e.asOf ?? null) : e.periodTo;
  const selected = pkg.criteria.map((c) => ({ "control-id": c.id.toLowerCase() }));
  const inScope = new Set(pkg.criteria.map((c) => c.id));
  const excluded = pkg.notRelevant
    .filter((n) => !inScope.has(n.criterionId))
    .map((n) => ({ "control-id": n.criterionId.toLowerCase() }));

  return pruneDocument("assessment-results", {
    uuid: uuidFor(`assessment-results/v${pkg.version}/${pkg.generatedAt}`),
    metadata: meta,
    "import-ap": {
      href: `#${planUuid}`,
      remarks: md(
        "Attest does not export an assessment plan; this reference names the engagement " +
          "through a resource in the back matter.",
      ),
    },
    results: [
      {
        uuid: uuidFor(`result/v${pkg.version}/${pkg.generatedAt}`),
        title: line(`${reportTypeLabel(e.type)} tests, ${periodPhrase(e)}`, "SOC 2 tests"),
        description: md(
          e.type === 1
            ? "The design of each control in scope as of the report date, as recorded in Attest."
            : "The tests of each control in scope over the period and their results, as recorded in Attest.",
        ),
        start: dateTime(start ?? pkg.generatedAt),
        end: end === null ? undefined : dateTime(end, true),
        props: periodProps(pkg),
        "local-definitions": {
          components: [
            {
              uuid: thisSystem,
              type: "this-system",
              title: systemName,
              description: md(pkg.description.services),
              status: { state: "operational" },
            },
          ],
        },
        "reviewed-controls": {
          description: md("The trust services criteria in scope, in lower case (cc6.1 is CC6.1)."),
          "control-selections": [
            selected.length === 0
              ? { description: md("The package lists no criteria."), "include-all": {} }
              : { "include-controls": selected, "exclude-controls": excluded },
          ],
        },
        attestations:
          o === null
            ? undefined
            : [
                {
                  parts: [
                    {
                      name: "auditor-opinion",
                      title: line(OPINION_TYPE_LABELS[o.type], "Opinion"),
                      prose: md(o.text),
                      props: [
                        prop("opinion-type", o.type),
                        prop("recorded-by", o.recordedBy),
                        prop("recorded-at", o.recordedAt),
                      ],
                    },
                  ],
                },
              ],
        observations,
        findings,
        remarks: md(
          opinionRemarks(pkg) +
            (undetermined.length === 0
              ? ""
              : `\n\nNo finding is given for ${undetermined.join(", ")}: ` +
                (pkg.opinion === null || pkg.opinion.type === "disclaimer"
                  ? "whether a criterion with exceptions or without a tested control was met is " +
                    "for the service auditor's opinion, and none is recorded."
                  : "no test conclusion is recorded for them yet.")),
        ),
      },
    ],
    "back-matter": {
      resources: [
        {
          uuid: planUuid,
          title: line(`Engagement ${e.label}`, "Engagement"),
          description: md(
            `The ${reportTypeLabel(e.type)} engagement ${periodPhrase(e)}` +
              (e.auditFirm.trim() === "" ? "." : `, service auditor ${e.auditFirm}.`),
          ),
          props: [prop("engagement-id", e.id)],
        },
      ],
    },
  });
}
