/**
 * No organization write commits without its audit event: inOrgTransaction refuses, and rolls
 * back, work that changed rows but recorded nothing. Runs on both engines.
 */
import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { insertOrganization } from "../../db/organizations.repo.ts";
import { newId } from "../../db/portable.ts";
import { inOrgTransaction, inOrganizationCreation } from "../../db/transaction.ts";
import type { Tx } from "../../db/transaction.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import { recordEvent } from "./audit.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

function retitle(tx: Tx, ref: string, title: string) {
  return tx
    .updateTable("controls")
    .set({ title })
    .where("organization_id", "=", owner.organizationId)
    .where("ref", "=", ref)
    .executeTakeFirst();
}

function inOrg<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return inOrgTransaction(t.ctx.db, scopeOf(owner), work);
}

describe("a write without its audit event", () => {
  it("is refused as INTERNAL, naming the table, and leaves nothing written", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () =>
        inOrg(async (tx) => {
          const updated = await retitle(tx, "AC-04", "Renamed behind the trail's back");
          expect(updated.numUpdatedRows).toBe(1n);
        }),
      "INTERNAL",
    );
    expect(error.message).toContain("controls");
    expect(error.message).toContain("without an audit event");
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("is refused for a delete too", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    await expectAppError(
      () =>
        inOrg((tx) =>
          tx
            .deleteFrom("control_criteria")
            .where("organization_id", "=", owner.organizationId)
            .execute(),
        ),
      "INTERNAL",
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("commits once the event is recorded, storing the data as canonical JSON", async () => {
    const at = new Date("2026-03-02T10:00:00.000Z");
    await inOrg(async (tx) => {
      await retitle(tx, "AC-04", "Quarterly access review");
      await recordEvent(
        tx,
        owner,
        "control.updated",
        "AC-04",
        // Keys out of order: the stored bytes sort them, as they always did.
        { reason: null, changes: { title: { to: "Quarterly access review", from: "x" } } },
        at,
      );
    });
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner), {
      targetType: "control",
      targetId: "AC-04",
    });
    const last = events.at(-1);
    expect(last?.action).toBe("control.updated");
    expect(last?.data).toBe(
      '{"changes":{"title":{"from":"x","to":"Quarterly access review"}},"reason":null}',
    );
  });

  it("refuses an event whose data does not fit its action, and writes nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const error = await expectAppError(
      () =>
        inOrg(async (tx) => {
          await retitle(tx, "AC-04", "Quarterly access review");
          const data = { reason: 42 } as unknown as { reason: string };
          await recordEvent(tx, owner, "evidence.removed", "some-id", data, new Date());
        }),
      "INTERNAL",
    );
    expect(error.message).toMatch(/^audit event evidence\.removed: reason: /);
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("creating an organization", () => {
  it("is held to the same rule: an organization without its event is not created", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const at = "2026-03-02T10:00:00.000Z";
    await expectAppError(
      () =>
        inOrganizationCreation(t.ctx.db, (tx) =>
          insertOrganization(tx, {
            id: newId(),
            slug: "unrecorded",
            name: "Unrecorded",
            systemName: "Unrecorded",
            timeZone: "UTC",
            createdAt: at,
            updatedAt: at,
            requireTotp: false,
          }),
        ),
      "INTERNAL",
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("what the guard lets through", () => {
  it("a read-only transaction", async () => {
    const count = await inOrg(async (tx) => {
      const rows = await tx
        .selectFrom("controls")
        .select("ref")
        .where("organization_id", "=", owner.organizationId)
        .execute();
      return rows.length;
    });
    expect(count).toBeGreaterThan(0);
  });

  it("an update that matched no row", async () => {
    const updated = await inOrg((tx) => retitle(tx, "NO-SUCH", "Nothing"));
    expect(updated.numUpdatedRows).toBe(0n);
  });

  it("a table written by design without an event (sign-in throttling)", async () => {
    await inOrg((tx) =>
      tx
        .insertInto("login_throttle")
        .values({
          key: "ip:192.0.2.1",
          failures: 1,
          window_started_at: "2026-03-02T10:00:00.000Z",
          locked_until: null,
        })
        .execute(),
    );
    const rows = await t.ctx.db.kysely.selectFrom("login_throttle").selectAll().execute();
    expect(rows.map((r) => r.key)).toContain("ip:192.0.2.1");
  });
});
