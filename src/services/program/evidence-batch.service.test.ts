import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { addEvidenceBatch } from "./evidence-batch.service.ts";
import type { BatchEvidence } from "./evidence-batch.service.ts";
import { updateControl } from "./controls.service.ts";
import { listEvidence } from "./evidence.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

const pullRequest = (n: number, day: string): BatchEvidence => ({
  content: { kind: "link", url: `https://github.example/acme/app/pull/${n}` },
  metadata: { title: `Pull request #${n}`, controls: ["CM-02"], forDate: day },
});

describe("adding evidence in a batch", () => {
  it("adds every item with its own event, in one go", async () => {
    const added = await addEvidenceBatch(t.ctx, owner, [
      pullRequest(4101, "2026-02-02"),
      pullRequest(4102, "2026-02-03"),
      {
        content: { kind: "record", record: { kind: "hr.hire", data: { person: "P-17" } } },
        metadata: { title: "Hire P-17", controls: ["HR-01"], forDate: "2026-02-04" },
      },
    ]);
    expect(added.map((e) => [e.kind, e.controls])).toEqual([
      ["link", ["CM-02"]],
      ["link", ["CM-02"]],
      ["record", ["HR-01"]],
    ]);
    expect((await listEvidence(t.ctx, owner)).length).toBe(3);
    const events = await listAuditLog(t.ctx, owner, { action: "evidence.added" });
    expect(events.items.map((e) => e.target.id).sort()).toEqual(added.map((e) => e.id).sort());
  });

  it("adds nothing when one item is wrong, naming it by its index", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const badDate = await expectAppError(
      () =>
        addEvidenceBatch(t.ctx, owner, [
          pullRequest(1, "2026-02-02"),
          pullRequest(2, "2026-02-30"),
        ]),
      "VALIDATION_FAILED",
    );
    expect(badDate.fieldErrors[0]?.field).toMatch(/^items\.1\./);
    const future = await expectAppError(
      () =>
        addEvidenceBatch(t.ctx, owner, [
          pullRequest(1, "2026-02-02"),
          pullRequest(2, "2027-01-01"),
        ]),
      "VALIDATION_FAILED",
    );
    expect(future.message).toContain("in the future");
    await expectAppError(() => addEvidenceBatch(t.ctx, owner, []), "VALIDATION_FAILED");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("holds a control owner to the controls they own", async () => {
    await updateControl(t.ctx, owner, "CM-02", { owner: "lee@acme.example" });
    const lee = as(owner, "control-owner", "user-lee", { email: "lee@acme.example", kind: "user" });
    expect(await addEvidenceBatch(t.ctx, lee, [pullRequest(7, "2026-02-02")])).toHaveLength(1);
    const other = { ...pullRequest(8, "2026-02-02") };
    other.metadata = { ...other.metadata, controls: ["AC-04"] };
    await expectAppError(() => addEvidenceBatch(t.ctx, lee, [other]), "FORBIDDEN");
  });
});
