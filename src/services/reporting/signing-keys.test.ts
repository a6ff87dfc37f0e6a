import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, tamperWith } from "../../../test/support/database.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { createOrg } from "../../../test/support/fixtures.ts";
import { listAuditLog } from "../platform/audit-log.service.ts";
import { closeContext, openContext } from "../platform/context.ts";
import { organizationSigningKey } from "./signing-keys.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe("organization signing keys", () => {
  it("come with the organization, and an organization from before gets one at start", async () => {
    const owner = await createOrg(t.ctx);
    const made = await organizationSigningKey(t.ctx, owner);
    expect(made.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    // An organization made before keys came with it: its key appears when Attest starts.
    await tamperWith(t.database, "delete from organization_keys");
    const restarted = await openContext({
      database: t.database.target,
      dataDir: t.database.dataDir,
      blobStore: t.database.blobStore,
      now: t.ctx.now,
    });
    try {
      const renewed = await organizationSigningKey(restarted, owner);
      expect(renewed.fingerprint).not.toBe(made.fingerprint);
      const events = (await listAuditLog(restarted, owner, { action: "signing-key.created" }))
        .items;
      // Newest first: the key made at start, then the organization's first.
      expect(events.map((e) => e.actor.kind)).toEqual(["system", "operator"]);
      expect(JSON.stringify(events)).not.toMatch(/private/i);
    } finally {
      await closeContext(restarted);
    }
  });
});
