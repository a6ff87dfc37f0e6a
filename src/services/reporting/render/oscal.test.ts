import { describe, expect, it } from "vitest";
import { READINESS_NOTICE, emptyDescription } from "../../../domain/report.ts";
import type { ReportPackage } from "../../../domain/report.ts";
import {
  EXCEPTION_DESCRIPTION,
  MANAGEMENT_RESPONSE,
  buildReportPackage,
} from "../../../../test/support/report-package.ts";
import { errorsOf, expectValid, validators } from "../../../../test/support/oscal-schemas.ts";
import type { JsonValue } from "./oscal.ts";
import { OSCAL_METHODS, toOscalAssessmentResults, toOscalSsp, uuidV5 } from "./oscal.ts";

const variants: [string, ReportPackage][] = [
  ["Type 2 draft without an opinion", buildReportPackage()],
  ["Type 1", buildReportPackage({ type: 1 })],
  ["Type 2 final with an opinion", buildReportPackage({ opinion: true })],
  [
    "a fresh draft with an empty description and no criteria",
    {
      ...buildReportPackage(),
      description: emptyDescription(),
      criteria: [],
      notRelevant: [],
      engagement: { ...buildReportPackage().engagement, auditFirm: "" },
    },
  ],
];

type Obj = Record<string, JsonValue>;
const obj = (v: JsonValue | undefined): Obj => v as Obj;
const arr = (v: JsonValue | undefined): Obj[] => (v ?? []) as Obj[];

describe("OSCAL system security plan", () => {
  it.each(variants)("validates against the NIST schema: %s", (_name, pkg) => {
    expectValid(validators().ssp, toOscalSsp(pkg));
  });

  it("fails validation when broken, so the check above can fail", () => {
    const doc = structuredClone(toOscalSsp(buildReportPackage()));
    const ssp = obj(doc["system-security-plan"]);
    delete obj(ssp.metadata)["oscal-version"];
    ssp.uuid = "not-a-uuid";
    obj(ssp["system-characteristics"])["system-name"] = "two\nlines";
    // Only the uri-reference format rejects this, so it shows ajv-formats is in use.
    obj(ssp["import-profile"]).href = "http://[bad";
    const validate = validators().ssp;
    expect(validate(doc)).toBe(false);
    const text = errorsOf(validate.errors);
    expect(text).toContain("/system-security-plan/metadata");
    expect(text).toContain("/system-security-plan/uuid");
    expect(text).toContain("/system-security-plan/system-characteristics/system-name");
    expect(text).toContain("/system-security-plan/import-profile/href must match format");
  });

  it("maps each criterion to an implemented requirement with its controls", () => {
    const ssp = obj(toOscalSsp(buildReportPackage())["system-security-plan"]);
    const reqs = arr(obj(ssp["control-implementation"])["implemented-requirements"]);
    const cc81 = reqs.find((r) => r["control-id"] === "cc8.1");
    expect(cc81).toBeDefined();
    expect(JSON.stringify(cc81)).toContain("CM-02");
    const cc64 = reqs.find((r) => r["control-id"] === "cc6.4");
    expect(JSON.stringify(cc64)).toContain('"state":"not-applicable"');
    const components = arr(obj(ssp["system-implementation"]).components);
    expect(components.filter((c) => c.type === "this-system")).toHaveLength(1);
    const aws = components.find((c) => c.title === "Amazon Web Services");
    expect(JSON.stringify(aws?.props)).toContain('"value":"carve-out"');
  });

  it("is stable: the same package exports to the same document", () => {
    const pkg = buildReportPackage();
    expect(JSON.stringify(toOscalSsp(pkg))).toBe(JSON.stringify(toOscalSsp(pkg)));
  });

  it("uses the caller's uuidFor when given", () => {
    let n = 0;
    const uuidFor = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
    const doc = toOscalSsp(buildReportPackage(), { uuidFor });
    expect(obj(doc["system-security-plan"]).uuid).toMatch(/^00000000-0000-4000-8000-/);
    expectValid(validators().ssp, doc);
  });

  it("keeps user text as escaped markup", () => {
    const pkg = buildReportPackage();
    pkg.description.services = "<script>alert(1)</script> & more";
    const ssp = obj(toOscalSsp(pkg)["system-security-plan"]);
    const description = obj(ssp["system-characteristics"]).description;
    expect(description).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
  });
});

describe("OSCAL assessment results", () => {
  it.each(variants)("validates against the NIST schema: %s", (_name, pkg) => {
    expectValid(validators().ar, toOscalAssessmentResults(pkg));
  });

  it("fails validation when broken, so the check above can fail", () => {
    const doc = structuredClone(toOscalAssessmentResults(buildReportPackage()));
    const result = arr(obj(doc["assessment-results"]).results)[0]!;
    delete result["reviewed-controls"];
    arr(result.observations)[0]!.methods = [];
    const validate = validators().ar;
    expect(validate(doc)).toBe(false);
    const text = errorsOf(validate.errors);
    expect(text).toContain("reviewed-controls");
    expect(text).toContain("/assessment-results/results/0/observations/0/methods");
  });

  it("says in the metadata whether an auditor's opinion was recorded", () => {
    const without = obj(toOscalAssessmentResults(buildReportPackage())["assessment-results"]);
    expect(obj(without.metadata).remarks).toContain(READINESS_NOTICE);
    expect(JSON.stringify(obj(without.metadata).props)).toContain(
      '"name":"auditor-opinion-recorded","ns":"https://attest.dev/ns/oscal","value":"no"',
    );
    expect(arr(without.results)[0]!.attestations).toBeUndefined();

    const withOpinion = obj(
      toOscalAssessmentResults(buildReportPackage({ opinion: true }))["assessment-results"],
    );
    expect(obj(withOpinion.metadata).remarks).toContain("An auditor's opinion is recorded");
    expect(JSON.stringify(arr(withOpinion.results)[0]!.attestations)).toContain("unmodified");
  });

  const findingOf = (result: Obj, id: string): Obj | undefined =>
    arr(result.findings).find((f) => obj(f.target)["target-id"] === id);
  const stateOf = (finding: Obj | undefined) => obj(obj(finding?.target).status).state;

  it("reports the exception and management's response under CC8.1", () => {
    const ar = obj(
      toOscalAssessmentResults(buildReportPackage({ opinion: true }))["assessment-results"],
    );
    const result = arr(ar.results)[0]!;
    expect(result.start).toBe("2026-01-01T00:00:00Z");
    expect(result.end).toBe("2026-06-30T23:59:59Z");
    const selected = arr(
      arr(obj(result["reviewed-controls"])["control-selections"])[0]!["include-controls"],
    );
    expect(selected.map((s) => s["control-id"])).toContain("cc8.1");

    // The opinion is unmodified: an exception is in the observations, not a criterion not met.
    const finding = findingOf(result, "cc8.1")!;
    expect(obj(obj(finding.target).status)).toMatchObject({ state: "satisfied", reason: "other" });
    expect(stateOf(findingOf(result, "cc1.1"))).toBe("satisfied");

    const related = arr(finding["related-observations"]).map((r) => r["observation-uuid"]);
    const exception = arr(result.observations).find(
      (o) => related.includes(o.uuid!) && JSON.stringify(o.types) === '["finding"]',
    )!;
    expect(exception.description).toBe(EXCEPTION_DESCRIPTION);
    expect(exception.remarks).toBe(`Management's response: ${MANAGEMENT_RESPONSE}`);
  });

  it("has no not-satisfied objective beside an unmodified opinion, untested ones included", () => {
    const pkg = buildReportPackage({ opinion: true });
    // One criterion left untested: it gets no finding at all, not a failed one.
    pkg.criteria = pkg.criteria.map((c) =>
      c.id === "CC1.1" ? { ...c, conclusion: "not-tested" } : c,
    );
    const doc = toOscalAssessmentResults(pkg);
    expectValid(validators().ar, doc);
    const result = arr(obj(doc["assessment-results"]).results)[0]!;
    const states = arr(result.findings).map((f) => stateOf(f));
    expect(states.length).toBeGreaterThan(5);
    expect(states).not.toContain("not-satisfied");
    expect(findingOf(result, "cc1.1")).toBeUndefined();
    expect(result.remarks).toContain("No finding is given for CC1.1");
  });

  it("says not-satisfied only for the criteria the opinion names as not met", () => {
    const pkg = buildReportPackage({ opinion: true });
    pkg.opinion = Object.assign(
      { ...pkg.opinion!, type: "qualified" as const },
      {
        criteriaNotMet: ["CC8.1"],
      },
    );
    const doc = toOscalAssessmentResults(pkg);
    expectValid(validators().ar, doc);
    const result = arr(obj(doc["assessment-results"]).results)[0]!;
    const notMet = arr(result.findings).filter((f) => stateOf(f) === "not-satisfied");
    expect(notMet.map((f) => obj(f.target)["target-id"])).toEqual(["cc8.1"]);
    expect(obj(obj(notMet[0]!.target).status).reason).toBe("fail");
  });

  it("determines nothing about an exception while no opinion is recorded", () => {
    const doc = toOscalAssessmentResults(buildReportPackage());
    const result = arr(obj(doc["assessment-results"]).results)[0]!;
    expect(findingOf(result, "cc8.1")).toBeUndefined();
    expect(stateOf(findingOf(result, "cc1.1"))).toBe("satisfied");
    expect(arr(result.findings).map((f) => stateOf(f))).not.toContain("not-satisfied");
    expect(result.remarks).toContain("CC8.1");
    // The exception is still reported, as an observation.
    const exception = arr(result.observations).find(
      (o) => JSON.stringify(o.types) === '["finding"]',
    );
    expect(exception?.description).toBe(EXCEPTION_DESCRIPTION);
  });

  it("maps Attest's test methods to OSCAL's", () => {
    expect(OSCAL_METHODS).toEqual({
      inspection: "EXAMINE",
      observation: "EXAMINE",
      inquiry: "INTERVIEW",
      "re-performance": "TEST",
    });
    const ar = obj(toOscalAssessmentResults(buildReportPackage())["assessment-results"]);
    const cm02 = arr(arr(ar.results)[0]!.observations).find(
      (o) => o.title === "CM-02 Peer review before merge",
    );
    expect(cm02?.methods).toEqual(["INTERVIEW", "EXAMINE"]);
  });
});

describe("deterministic UUIDs", () => {
  it("are RFC 4122 version 5", () => {
    // The RFC's own example: the DNS namespace and www.example.com.
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
    const ssp = JSON.stringify(toOscalSsp(buildReportPackage()));
    const uuids = ssp.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    expect(uuids.length).toBeGreaterThan(50);
    for (const u of uuids)
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
  });

  it("differ between engagements", () => {
    const a = buildReportPackage();
    const b = { ...a, engagement: { ...a.engagement, id: "another-engagement" } };
    const uuid = (p: ReportPackage) => obj(toOscalSsp(p)["system-security-plan"]).uuid;
    expect(uuid(a)).not.toBe(uuid(b));
  });
});
