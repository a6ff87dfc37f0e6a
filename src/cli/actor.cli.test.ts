import os from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, json } from "../../test/support/cli.ts";
import { createTestDatabase } from "../../test/support/database.ts";
import type { TestDatabase } from "../../test/support/database.ts";

interface AuditPage {
  items: { action: string; actor: { kind: string; id: string; name: string } }[];
}

interface Added {
  user: { email: string; name: string };
  organization: string;
  role: string;
  link: string | null;
}

let database: TestDatabase;
let env: Record<string, string>;
beforeEach(async () => {
  database = await createTestDatabase();
  env = { ...database.env, ATTEST_PUBLIC_URL: "https://attest.acme.example" };
  expect((await cli(env, "init", "--name", "Acme")).code).toBe(0);
});
afterEach(async () => {
  await database.drop();
});

async function addMember(email: string, name: string, role: string): Promise<Added> {
  return json<Added>(
    await cli(env, "users", "add", "--email", email, "--name", name, "--role", role, "--json"),
  );
}

async function auditActors(extra: Record<string, string> = {}): Promise<AuditPage["items"]> {
  return json<AuditPage>(await cli({ ...env, ...extra }, "audit-log", "--limit", "500", "--json"))
    .items;
}

const TYPE2 = ["--type", "2", "--from", "2025-07-01", "--to", "2025-12-31", "--firm", "Ledger"];

describe("the command line acts as a named account", () => {
  it("credits actions to the only owner, and never to the operating system's user", async () => {
    const maya = await addMember("Maya@Acme.example", "Maya Chen", "owner");
    expect(maya).toMatchObject({
      user: { email: "maya@acme.example", name: "Maya Chen" },
      organization: "acme",
      role: "owner",
    });
    expect(maya.link).toMatch(/^https:\/\/attest\.acme\.example\/reset-password\/confirm\?token=/);
    expect((await cli(env, "controls", "update", "AC-01", "--status", "implemented")).code).toBe(0);

    const events = await auditActors();
    const update = events.find((e) => e.action === "control.updated");
    expect(update?.actor).toMatchObject({ kind: "user", name: "Maya Chen" });
    const joined = events.find((e) => e.action === "member.joined");
    expect(joined?.actor).toMatchObject({
      kind: "operator",
      name: "Attest operator (command line)",
    });
    // The trail accounts for the member made from the command line.
    expect((await cli(env, "audit-log", "verify")).code).toBe(0);
    const osUser = os.userInfo().username;
    for (const event of events) {
      expect(event.actor.name).not.toBe(osUser);
      expect(event.actor.id).not.toContain(osUser);
    }
  });

  it("asks for --as when several owners could act, and takes it from ATTEST_AS too", async () => {
    await addMember("maya@acme.example", "Maya Chen", "owner");
    await addMember("lee@acme.example", "Lee Park", "owner");
    const ambiguous = await cli(env, "controls", "update", "AC-01", "--status", "implemented");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain("--as");
    expect(ambiguous.err).toContain("lee@acme.example");

    expect(
      (
        await cli(
          env,
          "controls",
          "update",
          "AC-01",
          "--status",
          "implemented",
          "--as",
          "lee@acme.example",
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          { ...env, ATTEST_AS: "maya@acme.example" },
          "controls",
          "update",
          "AC-02",
          "--status",
          "implemented",
        )
      ).code,
    ).toBe(0);
    const events = await auditActors({ ATTEST_AS: "maya@acme.example" });
    const updates = events.filter((e) => e.action === "control.updated").map((e) => e.actor.name);
    expect(updates.sort()).toEqual(["Lee Park", "Maya Chen"]);
  });

  it("refuses an unknown email or a non-member, naming --as, and changes nothing", async () => {
    await addMember("maya@acme.example", "Maya Chen", "owner");
    expect((await cli(env, "init", "--name", "Other Co")).code).toBe(0);
    await cli(
      env,
      "--org",
      "other-co",
      "users",
      "add",
      "--email",
      "olga@other.example",
      "--name",
      "Olga",
      "--role",
      "owner",
    );
    const unknown = await cli(env, "--org", "acme", "--as", "nobody@acme.example", "readiness");
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain("--as");
    expect(unknown.err).toContain("nobody@acme.example");
    const notAnAddress = await cli(env, "--org", "acme", "--as", "maya", "readiness");
    expect(notAnAddress.code).toBe(3);
    expect(notAnAddress.err).toContain('--as: "maya" is not an email address');
    // Any spelling of a member's address is that member.
    expect((await cli(env, "--org", "acme", "--as", " Maya@ACME.example ", "readiness")).code).toBe(
      0,
    );
    const stranger = await cli(
      env,
      "--org",
      "acme",
      "--as",
      "olga@other.example",
      "controls",
      "update",
      "AC-01",
      "--status",
      "implemented",
    );
    expect(stranger.code).toBe(3);
    expect(stranger.err).toContain("--as: olga@other.example is not a member");
    const events = await auditActors({ ATTEST_ORG: "acme" });
    expect(events.some((e) => e.action === "control.updated")).toBe(false);
  });

  it("acts with the chosen account's role: an auditor sees only what is assigned", async () => {
    await addMember("maya@acme.example", "Maya Chen", "owner");
    await addMember("dana@ledger.example", "Dana Whitfield", "auditor");
    const dana = { ...env, ATTEST_AS: "dana@ledger.example" };
    const refused = await cli(dana, "engagement", "create", ...TYPE2);
    expect(refused.code).toBe(4);
    expect((await cli(env, "engagement", "create", ...TYPE2)).code).toBe(0);
    expect((await cli(dana, "engagement", "show", "E-1")).code).toBe(5);

    const assigned = json<{ user: { email: string } }[]>(
      await cli(env, "engagement", "assign", "E-1", "--auditor", "dana@ledger.example", "--json"),
    );
    expect(assigned.map((a) => a.user.email)).toEqual(["dana@ledger.example"]);
    expect((await cli(dana, "engagement", "show", "E-1")).code).toBe(0);
    const events = await auditActors();
    expect(events.find((e) => e.action === "engagement.auditor-assigned")?.actor.name).toBe(
      "Maya Chen",
    );

    const unassigned = await cli(
      env,
      "engagement",
      "assign",
      "E-1",
      "--auditor",
      "dana@ledger.example",
      "--unassign",
    );
    expect(unassigned.code).toBe(0);
    expect(unassigned.out).toContain("No auditor is assigned to E-1");
    expect((await cli(dana, "engagement", "show", "E-1")).code).toBe(5);
  });

  it("refuses to assign someone who is not an auditor member, naming --auditor", async () => {
    await addMember("maya@acme.example", "Maya Chen", "owner");
    expect((await cli(env, "engagement", "create", ...TYPE2)).code).toBe(0);
    const missing = await cli(env, "engagement", "assign", "E-1", "--auditor", "x@y.example");
    expect(missing.code).toBe(5);
    expect(missing.err).toContain("--auditor");
    const owner = await cli(env, "engagement", "assign", "E-1", "--auditor", "maya@acme.example");
    expect(owner.code).toBe(3);
    expect(owner.err).toContain("not an auditor");
  });

  it("users add refuses a bad role or a member already there, naming the field", async () => {
    const bad = await cli(
      env,
      "users",
      "add",
      "--email",
      "a@acme.example",
      "--name",
      "A",
      "--role",
      "boss",
    );
    expect(bad.code).toBe(3);
    expect(bad.err).toContain("role");
    await addMember("a@acme.example", "A", "admin");
    const again = await cli(
      env,
      "users",
      "add",
      "--email",
      "a@acme.example",
      "--name",
      "A",
      "--role",
      "admin",
    );
    expect(again.code).toBe(6);
    expect(again.err).toContain("email: a@acme.example is already a member");
  });
});
