/**
 * Each Okta check on a passing and a failing fixture, read through the real SDK from the local
 * Okta server: the compliant org passes everything, then one thing at a time is broken.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RegisterPerson, ResourceResult } from "../../domain/checks/check.ts";
import {
  compliantOktaOrg,
  daysAgo,
  oktaUser,
  startFakeOkta,
} from "../../../test/support/fake-okta.ts";
import type { FakeOkta, FakeOktaUser } from "../../../test/support/fake-okta.ts";
import { oktaChecks } from "./checks/index.ts";
import { oktaConnector } from "./connector.ts";
import type { OktaSnapshot } from "./snapshot.ts";

const REGISTER: RegisterPerson[] = [
  {
    email: "alice.martin@acme.test",
    name: "Alice Martin",
    status: "active",
    startDate: "2025-02-01",
    endDate: null,
  },
  {
    email: "bob.stone@acme.test",
    name: "Bob Stone",
    status: "active",
    startDate: "2025-03-01",
    endDate: null,
  },
  {
    email: "carol.diaz@acme.test",
    name: "Carol Diaz",
    status: "active",
    startDate: "2025-04-01",
    endDate: null,
  },
  {
    email: "dave.leaver@acme.test",
    name: "Dave Leaver",
    status: "left",
    startDate: "2025-01-01",
    endDate: "2026-10-31",
  },
  {
    email: "erin.paused@acme.test",
    name: "Erin Paused",
    status: "active",
    startDate: "2025-05-01",
    endDate: null,
  },
];

let fake: FakeOkta;

beforeEach(async () => {
  fake = await startFakeOkta(compliantOktaOrg());
});
afterEach(async () => {
  await fake.close();
});

async function collect(people: RegisterPerson[] = REGISTER): Promise<OktaSnapshot> {
  const settings = oktaConnector.settings.parse({ orgUrl: fake.orgUrl });
  const credentials = oktaConnector.credentials.parse({ apiToken: fake.state.token });
  return oktaConnector.collect(settings, credentials, { people });
}

function run(snapshot: OktaSnapshot, id: string): ResourceResult[] {
  const check = oktaChecks.find((c) => c.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check.evaluate(snapshot);
}

function failing(results: ResourceResult[]): ResourceResult[] {
  return results.filter((r) => r.status === "fail");
}

function user(id: string): FakeOktaUser {
  const found = fake.state.users.find((u) => u.id === id);
  if (found === undefined) throw new Error(`no user ${id}`);
  return found;
}

describe("the compliant org", () => {
  it("passes every check, with at least one passing resource each", async () => {
    const snapshot = await collect();
    expect(oktaChecks.length).toBeGreaterThanOrEqual(8);
    for (const check of oktaChecks) {
      const results = check.evaluate(snapshot);
      expect(failing(results), check.id).toEqual([]);
      expect(results.filter((r) => r.status === "pass").length, check.id).toBeGreaterThan(0);
    }
  });

  it("reads every user across pages of the Link header, deprovisioned ones included", async () => {
    const snapshot = await collect();
    expect(snapshot.users.map((u) => u.id)).toEqual([
      "00u1alice",
      "00u2bob",
      "00u3carol",
      "00u4dave",
      "00u5erin",
    ]);
    // Page size 2: four users without the deprovisioned one take two pages, then one more list.
    expect(fake.requests.filter((p) => p === "/api/v1/users").length).toBe(3);
    expect(snapshot.users.find((u) => u.id === "00u3carol")?.roles).toEqual([
      { type: "ORG_ADMIN", label: "Organization Administrator", assignmentType: "GROUP" },
    ]);
  });
});

describe("each check fails on its own fixture, naming the resource", () => {
  it("okta.users-mfa: a user without a factor", async () => {
    user("00u2bob").factors = [
      { id: "emf1", factorType: "email", provider: "OKTA", status: "ACTIVE" },
    ];
    const bad = failing(run(await collect(), "okta.users-mfa"));
    expect(bad.map((r) => r.resourceId)).toEqual(["00u2bob"]);
    expect(bad[0]?.reason).toBe("bob.stone@acme.test has only email: no second factor is enrolled");
  });

  it("okta.admins-mfa: an administrator whose only factor is pending", async () => {
    user("00u3carol").factors = [
      { id: "fw", factorType: "webauthn", provider: "FIDO", status: "PENDING_ACTIVATION" },
    ];
    const bad = failing(run(await collect(), "okta.admins-mfa"));
    expect(bad.map((r) => r.resourceName)).toEqual(["Carol Diaz (carol.diaz@acme.test)"]);
    expect(bad[0]?.reason).toContain("administrator carol.diaz@acme.test has no active factor");
  });

  it("okta.admins-phishing-resistant-mfa: an administrator with push only", async () => {
    user("00u3carol").factors = [
      { id: "op", factorType: "push", provider: "OKTA", status: "ACTIVE" },
    ];
    const snapshot = await collect();
    expect(failing(run(snapshot, "okta.admins-mfa"))).toEqual([]);
    const bad = failing(run(snapshot, "okta.admins-phishing-resistant-mfa"));
    expect(bad.map((r) => r.resourceId)).toEqual(["00u3carol"]);
    expect(bad[0]?.reason).toContain("only push");
  });

  it("okta.super-admins-few: four super administrators, and none", async () => {
    for (const n of [6, 7, 8]) {
      fake.state.users.push(
        oktaUser(`00u${n}x`, `admin${n}@acme.test`, {
          roles: [
            {
              id: `r${n}`,
              type: "SUPER_ADMIN",
              label: "Super Administrator",
              assignmentType: "USER",
            },
          ],
        }),
      );
    }
    const [many] = run(await collect(), "okta.super-admins-few");
    expect(many?.status).toBe("fail");
    expect(many?.reason).toBe(
      "4 super administrators, more than 3: admin6@acme.test, admin7@acme.test, admin8@acme.test, alice.martin@acme.test",
    );
    fake.state.users = fake.state.users.filter(
      (u) => !u.roles.some((r) => r.type === "SUPER_ADMIN"),
    );
    const [none] = run(await collect(), "okta.super-admins-few");
    expect(none?.status).toBe("fail");
  });

  it("okta.inactive-users-no-admin-roles: a suspended user keeps a role", async () => {
    user("00u5erin").roles = [
      { id: "r5", type: "USER_ADMIN", label: "Group Administrator", assignmentType: "USER" },
    ];
    user("00u4dave").roles = [
      { id: "r4", type: "APP_ADMIN", label: "Application Administrator", assignmentType: "USER" },
    ];
    const bad = failing(run(await collect(), "okta.inactive-users-no-admin-roles"));
    expect(bad.map((r) => r.reason)).toEqual([
      "dave.leaver@acme.test is deprovisioned but still holds APP_ADMIN",
      "erin.paused@acme.test is suspended but still holds USER_ADMIN",
    ]);
  });

  it("okta.leavers-deactivated: a leaver whose account still works", async () => {
    user("00u4dave").status = "ACTIVE";
    const bad = failing(run(await collect(), "okta.leavers-deactivated"));
    expect(bad).toEqual([
      {
        resourceId: "person:dave.leaver@acme.test",
        resourceName: "Dave Leaver (dave.leaver@acme.test)",
        status: "fail",
        reason: "Dave Leaver left on 2026-10-31 but their Okta account is active",
      },
    ]);
  });

  it("okta.unknown-accounts: an account matching nobody, and not applicable without a register", async () => {
    fake.state.users.push(oktaUser("00u9ci", "ci-bot@acme.test"));
    const bad = failing(run(await collect(), "okta.unknown-accounts"));
    expect(bad.map((r) => r.resourceId)).toEqual(["00u9ci"]);
    expect(bad[0]?.reason).toContain("ci-bot@acme.test matches nobody on the people register");
    const empty = run(await collect([]), "okta.unknown-accounts");
    expect(empty.map((r) => r.status)).toEqual(["not-applicable"]);
    expect(run(await collect([]), "okta.leavers-deactivated").map((r) => r.status)).toEqual([
      "not-applicable",
    ]);
  });

  it("okta.inactive-users: an active user unused for 120 days, and one who never signed in", async () => {
    user("00u2bob").lastLogin = daysAgo(120);
    fake.state.users.push(
      oktaUser("00u7new", "new.hire@acme.test", { lastLogin: null, created: daysAgo(10) }),
      oktaUser("00u8old", "never@acme.test", { lastLogin: null, created: daysAgo(200) }),
    );
    const bad = failing(run(await collect(), "okta.inactive-users"));
    expect(bad.map((r) => r.resourceId)).toEqual(["00u2bob", "00u8old"]);
    expect(bad[0]?.reason).toMatch(
      /^bob\.stone@acme\.test last signed in on \d{4}-\d\d-\d\d, 120 days ago/,
    );
    expect(bad[1]?.reason).toContain("has never signed in");
  });

  it("okta.password-policy: short passwords without lockout, and not applicable when unreadable", async () => {
    const policy = fake.state.policies.find((p) => p.type === "PASSWORD");
    policy!.settings = { password: { complexity: { minLength: 8 }, lockout: { maxAttempts: 0 } } };
    const bad = failing(run(await collect(), "okta.password-policy"));
    expect(bad.map((r) => r.reason)).toEqual([
      '"Default Policy" has a minimum length of 8 (under 12), no common-password screening, no lockout',
    ]);
    fake.failWith = { kind: "status", status: 403, pathPrefix: "/api/v1/policies" };
    const unreadable = await collect();
    expect(unreadable.passwordPolicies).toBeNull();
    expect(run(unreadable, "okta.password-policy").map((r) => r.status)).toEqual([
      "not-applicable",
    ]);
  });

  it("okta.sign-on-policy-mfa: a rule that lets people in without a factor", async () => {
    const policy = fake.state.policies.find((p) => p.type === "OKTA_SIGN_ON");
    policy!.rules.push({
      id: "0pr3",
      name: "Office network",
      status: "ACTIVE",
      priority: 2,
      actions: { signon: { access: "ALLOW", requireFactor: false } },
    });
    const bad = failing(run(await collect(), "okta.sign-on-policy-mfa"));
    expect(bad.map((r) => r.reason)).toEqual([
      '"Default Policy" allows sign-in without a second factor in rule(s) "Office network"',
    ]);
  });
});

describe("purity", () => {
  it("gives the same results from the snapshot after a JSON round trip (a replay)", async () => {
    user("00u2bob").factors = [];
    const snapshot = await collect();
    const replayed = JSON.parse(JSON.stringify(snapshot)) as OktaSnapshot;
    for (const check of oktaChecks) {
      expect(check.evaluate(replayed), check.id).toEqual(check.evaluate(snapshot));
    }
    expect(snapshot.people.map((p) => p.email)).toContain("dave.leaver@acme.test");
  });

  it("the synthetic snapshot has about the size asked for and work on both sides of each check", () => {
    const snapshot = oktaConnector.syntheticSnapshot(700);
    expect(snapshot.users.length).toBe(700);
    for (const check of oktaChecks) {
      const statuses = check.evaluate(snapshot).map((r) => r.status);
      expect(statuses, check.id).toContain("fail");
    }
  });
});
