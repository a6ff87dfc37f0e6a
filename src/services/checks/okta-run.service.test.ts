/**
 * The framework with the Okta connector against the fake Okta (test/support/fake-okta.ts): added
 * only when it connects, a result for every Okta check, and the people register handed to the
 * collection, so that a leaver (end date passed) with a working account and an account matching
 * nobody fail, naming who, until the org is put right.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compliantOktaOrg, oktaUser, startFakeOkta } from "../../../test/support/fake-okta.ts";
import type { FakeOkta } from "../../../test/support/fake-okta.ts";
import { createTestContext } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg, expectAppError } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { peopleCsv } from "../../../test/support/people.ts";
import { startMailbox } from "../../../test/support/smtp.ts";
import type { Mailbox } from "../../../test/support/smtp.ts";
import type { Actor } from "../../domain/actor.ts";
import { oktaConnector } from "../../integrations/okta/connector.ts";
import { setPreferences } from "../notifications/preferences.service.ts";
import { smtpMailer } from "../platform/mailer.ts";
import { updateControl } from "../program/controls.service.ts";
import { importPeople } from "../program/people-import.service.ts";
import { addConnector } from "./connectors.service.ts";
import { replay, showCheck } from "./results.service.ts";
import { runChecks } from "./runs.service.ts";

let t: TestContext;
let owner: Actor;
let fake: FakeOkta;
let mailbox: Mailbox;

beforeEach(async () => {
  mailbox = await startMailbox();
  // The register's "today" is the organization's date at the run: 7 December 2026.
  t = await createTestContext(new Date("2026-12-07T09:00:00Z"), {
    mailer: smtpMailer(mailbox.url, "Attest <attest@acme.example>"),
    publicUrl: "https://attest.acme.example",
  });
  owner = await createOrg(t.ctx);
  const org = compliantOktaOrg();
  fake = await startFakeOkta({
    ...org,
    users: [
      ...org.users,
      // Left on 20 November, yet the account still works.
      oktaUser("00u6frank", "frank.gone@acme.test"),
      // Leaves at the end of January: still on staff today.
      oktaUser("00u7gina", "gina.later@acme.test"),
      // Nobody on the register has this address.
      oktaUser("00u8shared", "shared.ops@acme.test"),
    ],
  });
  await importPeople(t.ctx, owner, {
    csv: peopleCsv([
      { email: "alice.martin@acme.test", name: "Alice Martin" },
      { email: "bob.stone@acme.test", name: "Bob Stone" },
      { email: "carol.diaz@acme.test", name: "Carol Diaz" },
      { email: "dave.leaver@acme.test", name: "Dave Leaver", end: "2026-10-31" },
      { email: "frank.gone@acme.test", name: "Frank Gone", end: "2026-11-20" },
      { email: "gina.later@acme.test", name: "Gina Later", end: "2027-01-31" },
    ]),
  });
});
afterEach(async () => {
  await fake.close();
  await t.close();
  await mailbox.close();
});

function add(apiToken = fake.state.token) {
  return addConnector(t.ctx, owner, {
    kind: "okta",
    name: "Okta acme",
    settings: { orgUrl: fake.orgUrl },
    credentials: { apiToken },
  });
}

async function failingOf(checkId: string) {
  const check = await showCheck(t.ctx, owner, checkId);
  return check.results.flatMap((r) => r.resources).filter((r) => r.status === "fail");
}

describe("the Okta connector through the framework", () => {
  it("is refused with the wrong token, then runs a result for every Okta check that replays", async () => {
    await expectAppError(() => add("not-the-token"), "VALIDATION_FAILED");
    await add();
    const [summary] = await runChecks(t.ctx, owner);
    expect(summary?.outcome).toBe("ok");
    expect(summary?.results.map((r) => r.checkId).sort()).toEqual(
      oktaConnector.checks.map((c) => c.id).sort(),
    );
    expect((await replay(t.ctx, owner, { run: summary?.run ?? "" })).agrees).toBe(true);
  });

  it("fails a leaver's working account and an unknown account, naming them, until both are fixed", async () => {
    await add();
    await runChecks(t.ctx, owner);

    const leavers = await showCheck(t.ctx, owner, "okta.leavers-deactivated");
    expect(leavers.status).toBe("fail");
    const judged = leavers.results.flatMap((r) => r.resources);
    // Only those whose end date has passed are judged; Gina has not left yet.
    expect(judged.map((r) => r.resourceId).sort()).toEqual([
      "person:dave.leaver@acme.test",
      "person:frank.gone@acme.test",
    ]);
    const [frank] = await failingOf("okta.leavers-deactivated");
    expect(frank?.resourceName).toContain("Frank Gone");
    expect(frank?.reason).toContain("Frank Gone left on 2026-11-20");

    const unknown = await failingOf("okta.unknown-accounts");
    expect(unknown.map((r) => r.reason)).toEqual([
      expect.stringContaining("shared.ops@acme.test matches nobody on the people register"),
    ]);

    const frankAccount = fake.state.users.find((u) => u.id === "00u6frank");
    if (frankAccount !== undefined) frankAccount.status = "DEPROVISIONED";
    fake.state.users = fake.state.users.filter((u) => u.id !== "00u8shared");
    await runChecks(t.ctx, owner);
    expect((await showCheck(t.ctx, owner, "okta.leavers-deactivated")).status).toBe("pass");
    expect((await showCheck(t.ctx, owner, "okta.unknown-accounts")).status).toBe("pass");
  });

  it("mails the notice to the owner of a control the failing check supports, unless they turned it off", async () => {
    const ivy = await addMember(t, owner, "control-owner", "ivy@acme.test");
    const jon = await addMember(t, owner, "control-owner", "jon@acme.test");
    // The leaver check supports AC-05; the unknown-accounts check supports AC-01.
    await updateControl(t.ctx, owner, "AC-05", { owner: ivy.email, status: "implemented" });
    await updateControl(t.ctx, owner, "AC-01", { owner: jon.email, status: "implemented" });
    await setPreferences(t.ctx, jon, {
      preferences: [{ channel: "mail", kind: "check-failing", enabled: false }],
    });
    await add();
    const [summary] = await runChecks(t.ctx, owner);
    expect(summary?.startedFailing).toEqual(
      expect.arrayContaining(["okta.leavers-deactivated", "okta.unknown-accounts"]),
    );
    const mail = await mailbox.next();
    expect(mail.to).toEqual(["ivy@acme.test"]);
    expect(mail.subject).toMatch(/^A check started failing in /);
    expect(mail.text).toContain(`Checks run ${summary?.run ?? ""}`);
    expect(mail.text).toContain("AC-05: okta.leavers-deactivated");
    expect(mail.text).toContain("Frank Gone");
    expect(mail.text).not.toContain("okta.unknown-accounts");
    // Jon turned the mail off: nobody else was written to, and a second run tells nobody again.
    await runChecks(t.ctx, owner);
    expect(mailbox.received.map((m) => m.to)).toEqual([["ivy@acme.test"]]);
  });
});
