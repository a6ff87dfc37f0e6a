import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import { readPdfText } from "../../../test/support/pdf-text.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import { adoptPolicy, listPoliciesOf, showPolicy, updatePolicy } from "./policies.service.ts";
import { diffPolicyVersions } from "./policy-diff.service.ts";
import { policyPdf, renderPolicyPdf } from "./policy-pdf.ts";
import {
  approvePolicy,
  publishPolicy,
  retirePolicy,
  submitPolicy,
} from "./policy-workflow.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

async function publish(actor: Actor, label: string) {
  await submitPolicy(t.ctx, actor, label);
  await approvePolicy(t.ctx, owner, label);
  return publishPolicy(t.ctx, actor, label);
}

describe("adopting a policy template", () => {
  it("fills the organization's name and the chosen values, the rest from the defaults", async () => {
    const policy = await adoptPolicy(t.ctx, owner, {
      template: "acceptable-use",
      values: { screen_lock_minutes: "3" },
      owner: "olivia@acme.example",
    });
    expect(policy).toMatchObject({
      label: "P-1",
      title: "Acceptable Use Policy",
      state: "draft",
      owner: "olivia@acme.example",
      reviewMonths: 12,
      ackDays: 30,
      current: null,
      templateId: "acceptable-use",
    });
    expect(policy.body).toContain("everyone who works for Acme Cloud");
    expect(policy.body).toContain("Head of Security");
    expect(policy.body).not.toMatch(/\{\{/);
    expect(policy.bodySha256).toBe(sha256(policy.body ?? ""));
    expect(policy.controls).toContain("GV-07");
  });

  it("refuses an unknown template, an unknown value and an empty one, writing nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const unknownTemplate = await expectAppError(
      () => adoptPolicy(t.ctx, owner, { template: "no-such-policy" }),
      "VALIDATION_FAILED",
    );
    expect(unknownTemplate.fieldErrors?.[0]?.field).toBe("template");
    const unknownValue = await expectAppError(
      () => adoptPolicy(t.ctx, owner, { template: "acceptable-use", values: { colour: "blue" } }),
      "VALIDATION_FAILED",
    );
    expect(unknownValue.fieldErrors?.[0]?.field).toBe("values.colour");
    expect(unknownValue.message).toContain('the template has no variable "colour"');
    const empty = await expectAppError(
      () => adoptPolicy(t.ctx, owner, { template: "acceptable-use", values: { it_lead: "  " } }),
      "VALIDATION_FAILED",
    );
    expect(empty.fieldErrors).toEqual([{ field: "values.it_lead", message: "must not be empty" }]);
    expect(await snapshotDatabase(t.ctx.db)).toEqual(before);
  });

  it("records the adoption in the audit trail with the text's hash", async () => {
    const policy = await adoptPolicy(t.ctx, owner, { template: "information-security" });
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    const adopted = events.find((e) => e.action === "policy.adopted");
    expect(JSON.parse(adopted?.data ?? "{}")).toMatchObject({
      policy: "P-1",
      sha256: policy.bodySha256,
    });
  });
});

describe("approving and publishing", () => {
  it("lets only an owner approve, then freezes the version with its hash and approval", async () => {
    const admin = await addMember(t, owner, "admin", "adam@acme.example");
    await adoptPolicy(t.ctx, admin, { template: "acceptable-use" });
    await submitPolicy(t.ctx, admin, "P-1");
    const refused = await expectAppError(() => approvePolicy(t.ctx, admin, "P-1"), "FORBIDDEN");
    expect(refused.message).toBe('role "admin" may not perform policy:approve');
    await approvePolicy(t.ctx, owner, "P-1");
    const published = await publishPolicy(t.ctx, admin, "P-1");
    const text = published.body ?? "";
    expect(published.state).toBe("published");
    expect(published.current).toMatchObject({
      version: 1,
      sha256: sha256(text),
      approvedBy: owner.name,
      approvedAt: "2026-03-02T09:00:00.000Z",
      ackDueBy: "2026-04-01",
    });
    expect(published.currentBody).toBe(text);
  });

  it("keeps a published version unchanged while the next one is edited and published", async () => {
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use" });
    const first = await publish(owner, "P-1");
    const edited = await updatePolicy(t.ctx, owner, "P-1", {
      body: `${first.body ?? ""}\n\n## Exceptions\n\nAsk the security lead in writing.`,
    });
    expect(edited.state).toBe("draft");
    expect(edited.current?.version).toBe(1);
    expect(edited.currentBody).toBe(first.currentBody);
    const refused = await expectAppError(() => publishPolicy(t.ctx, owner, "P-1"), "INVALID_STATE");
    expect(refused.message).toBe("P-1 is a draft: submit it for review first");
    t.advance(86_400_000);
    const second = await publish(owner, "P-1");
    expect(second.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(second.versions[1]?.sha256).toBe(first.current?.sha256);
    expect(second.current?.sha256).toBe(sha256(second.currentBody ?? ""));
    expect(second.current?.sha256).not.toBe(first.current?.sha256);
    const diff = await diffPolicyVersions(t.ctx, owner, "P-1", 1, 2);
    expect(diff.lines.filter((l) => l.kind !== "same").map((l) => [l.kind, l.text])).toEqual([
      ["added", ""],
      ["added", "## Exceptions"],
      ["added", ""],
      ["added", "Ask the security lead in writing."],
    ]);
  });

  it("records a review, not a new version, when the approved text is unchanged", async () => {
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use" });
    await publish(owner, "P-1");
    await updatePolicy(t.ctx, owner, "P-1", { title: "Acceptable Use" });
    await updatePolicy(t.ctx, owner, "P-1", { title: "Acceptable Use Policy" });
    t.advance(100 * 86_400_000);
    const reviewed = await publish(owner, "P-1");
    expect(reviewed.versions).toHaveLength(1);
    expect(reviewed.reviewedAt).toBe("2026-06-10T09:00:00.000Z");
    expect(reviewed.reviewDueBy).toBe("2027-06-10");
  });

  it("retires a policy with a reason; a retired policy no longer changes", async () => {
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use" });
    await retirePolicy(t.ctx, owner, "P-1", { reason: "Merged into the security policy." });
    const refused = await expectAppError(
      () => updatePolicy(t.ctx, owner, "P-1", { title: "New" }),
      "INVALID_STATE",
    );
    expect(refused.message).toBe("P-1 is retired and no longer changes");
  });
});

describe("what an employee sees", () => {
  it("lists only published policies, with the version in force and no working text", async () => {
    const employee = await addMember(t, owner, "employee", "emma@acme.example");
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use" });
    await adoptPolicy(t.ctx, owner, { template: "information-security" });
    await publish(owner, "P-2");
    await updatePolicy(t.ctx, owner, "P-2", { body: "A draft nobody should read yet." });
    expect((await listPoliciesOf(t.ctx, employee)).map((p) => p.label)).toEqual(["P-2"]);
    const seen = await showPolicy(t.ctx, employee, "P-2");
    expect(seen.body).toBeNull();
    expect(seen.currentBody).not.toContain("A draft nobody should read yet.");
    expect(seen.acknowledgedByMe).toBe(false);
    await expectAppError(() => showPolicy(t.ctx, employee, "P-1"), "NOT_FOUND");
    await expectAppError(
      () => updatePolicy(t.ctx, employee, "P-2", { title: "Mine now" }),
      "FORBIDDEN",
    );
  });
});

describe("the PDF of a version", () => {
  it("renders the published text with its version, approval and hash", async () => {
    await adoptPolicy(t.ctx, owner, { template: "acceptable-use" });
    const published = await publish(owner, "P-1");
    const pdf = await policyPdf(t.ctx, owner, "P-1");
    expect(pdf.fileName).toBe("p-1-v1.pdf");
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const plain = await renderPolicyPdf(
      {
        organization: "Acme Cloud",
        label: "P-1",
        title: "Acceptable Use Policy",
        version: 1,
        sha256: published.current?.sha256 ?? "",
        approvedBy: "ana",
        approvedAt: "2026-03-02T09:00:00.000Z",
        publishedAt: "2026-03-02T09:00:00.000Z",
        body: "## Purpose\n\nBe **careful**.\n\n- Lock the screen\n- Report losses",
      },
      { compress: false },
    );
    const text = readPdfText(plain)
      .map((page) => page.text)
      .join(" ");
    expect(text).toContain("Acceptable Use Policy");
    expect(text).toContain(published.current?.sha256 ?? "missing");
    expect(text).toContain("Be careful.");
    expect(text).toContain("Lock the screen");
  });
});
