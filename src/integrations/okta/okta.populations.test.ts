/** Hires and leavers pulled from the local Okta server for a period. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { compliantOktaOrg, oktaUser, startFakeOkta } from "../../../test/support/fake-okta.ts";
import type { FakeOkta } from "../../../test/support/fake-okta.ts";
import { oktaConnector } from "./connector.ts";

let fake: FakeOkta;

beforeEach(async () => {
  fake = await startFakeOkta(compliantOktaOrg());
  fake.state.users.push(
    oktaUser("00u6new", "nina.new@acme.test", { created: "2026-11-30T23:30:00.000Z" }),
    oktaUser("00u7out", "oscar.out@acme.test", {
      created: "2024-02-01T00:00:00.000Z",
      status: "DEPROVISIONED",
      statusChanged: "2026-12-02T08:00:00.000Z",
    }),
  );
});
afterEach(async () => {
  await fake.close();
});

function population(id: string) {
  const found = oktaConnector.populations.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no population ${id}`);
  return found;
}

const settings = () => oktaConnector.settings.parse({ orgUrl: fake.orgUrl });
const credentials = () => oktaConnector.credentials.parse({ apiToken: fake.state.token });

it("okta.hires: accounts created inside the period, keyed by user id, mapped to onboarding", async () => {
  const hires = population("okta.hires");
  expect(hires.controls).toEqual(["HR-07"]);
  const pulled = await hires.pull(settings(), credentials(), {
    start: "2026-01-05",
    end: "2026-11-30",
  });
  // Everyone in the compliant org was created on 2026-01-05 (the leaver dave too: a search
  // covers every status); nina on the period's last day; oscar before the period.
  expect(pulled.occurrences.map((o) => o.key)).toEqual([
    "00u1alice",
    "00u2bob",
    "00u3carol",
    "00u4dave",
    "00u5erin",
    "00u6new",
  ]);
  expect(pulled.occurrences.at(-1)).toEqual({
    key: "00u6new",
    date: "2026-11-30",
    label: "Nina New (nina.new@acme.test)",
  });
  expect(pulled.query).toContain(
    'created ge "2026-01-05T00:00:00.000Z" and created lt "2026-12-01T00:00:00.000Z"',
  );
  const later = await hires.pull(settings(), credentials(), {
    start: "2026-12-01",
    end: "2026-12-31",
  });
  expect(later.occurrences).toEqual([]);
});

it("okta.leavers: accounts deprovisioned inside the period, mapped to offboarding", async () => {
  const leavers = population("okta.leavers");
  expect(leavers.controls).toContain("HR-08");
  const pulled = await leavers.pull(settings(), credentials(), {
    start: "2026-10-01",
    end: "2026-12-31",
  });
  expect(pulled.occurrences).toEqual([
    { key: "00u4dave", date: "2026-10-31", label: "Dave Leaver (dave.leaver@acme.test)" },
    { key: "00u7out", date: "2026-12-02", label: "Oscar Out (oscar.out@acme.test)" },
  ]);
  // The suspended account changed status in the period but has not left.
  expect(pulled.occurrences.map((o) => o.key)).not.toContain("00u5erin");
});

it("a failed pull is a ConnectorError, not an empty population", async () => {
  fake.failWith = { kind: "status", status: 401 };
  await expect(
    population("okta.leavers").pull(settings(), credentials(), {
      start: "2026-10-01",
      end: "2026-12-31",
    }),
  ).rejects.toMatchObject({ failure: "unauthorized" });
});
