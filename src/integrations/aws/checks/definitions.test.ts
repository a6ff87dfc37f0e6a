// What holds for every AWS check as a definition: ids, library controls and criteria that
// exist, and a pure evaluation that depends on the snapshot and nothing else.
import { afterEach, describe, expect, it, vi } from "vitest";
import { CONTROL_TEMPLATES } from "../../../catalog/controls/index.ts";
import { CRITERIA } from "../../../catalog/criteria.ts";
import { compliantSnapshot } from "../../../../test/support/aws-snapshot.ts";
import { awsConnector } from "../connector.ts";
import { awsChecks } from "./index.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("AWS check definitions", () => {
  it("has at least 18 checks with unique aws.* ids", () => {
    expect(awsChecks.length).toBeGreaterThanOrEqual(18);
    const ids = awsChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of awsChecks) {
      expect(check.id).toMatch(/^aws\.[a-z0-9-]+$/);
      expect(check.connector).toBe("aws");
      expect(check.reads.length).toBeGreaterThan(0);
    }
    expect(awsConnector.checks).toBe(awsChecks);
  });

  it("maps every check to controls and criteria of the library", () => {
    const controls = new Set(CONTROL_TEMPLATES.map((c) => c.id));
    const criteria = new Set(CRITERIA.map((c) => c.id));
    for (const check of awsChecks) {
      expect(check.controls.length, check.id).toBeGreaterThan(0);
      expect(check.criteria.length, check.id).toBeGreaterThan(0);
      for (const ref of check.controls) expect(controls.has(ref), `${check.id} ${ref}`).toBe(true);
      for (const id of check.criteria) expect(criteria.has(id), `${check.id} ${id}`).toBe(true);
    }
  });

  it("evaluates against the snapshot's time, not the clock", () => {
    const snapshot = compliantSnapshot();
    const evaluateAll = () => awsChecks.map((check) => check.evaluate(snapshot));
    const now = evaluateAll();
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    expect(evaluateAll()).toEqual(now);
  });

  it("gives the same results, in the same order, for the same snapshot", () => {
    const snapshot = awsConnector.syntheticSnapshot(500);
    const copy = structuredClone(snapshot);
    for (const check of awsChecks) {
      expect(check.evaluate(copy)).toEqual(check.evaluate(snapshot));
    }
    expect(copy).toEqual(snapshot);
  });

  it("makes a synthetic snapshot of about the size asked, with passing and failing resources", () => {
    const snapshot = awsConnector.syntheticSnapshot(1_000);
    const resources =
      snapshot.iam.users.length +
      snapshot.buckets.length +
      snapshot.securityGroups.length +
      snapshot.dbInstances.length;
    expect(resources).toBe(1_000);
    expect(awsConnector.syntheticSnapshot(1_000)).toEqual(snapshot);
    const statuses = new Set(awsChecks.flatMap((c) => c.evaluate(snapshot).map((r) => r.status)));
    expect(statuses).toEqual(new Set(["pass", "fail", "not-applicable"]));
  });
});
