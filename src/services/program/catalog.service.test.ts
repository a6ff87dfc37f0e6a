import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { as, createOrg, expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import { listAuditEvents } from "../../db/audit.repo.ts";
import { scopeOf } from "../../domain/actor.ts";
import type { Actor } from "../../domain/actor.ts";
import {
  importCriterionText,
  listCatalogCriteria,
  listCriteriaForOrganization,
} from "./catalog.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));

// Placeholder wording written for the test: the real text comes from the user's licensed file.
const file = {
  criteria: [
    { id: "CC1.1", text: "Licensed wording one.", pointsOfFocus: ["Focus a", "Focus b"] },
    { id: "CC6.1", text: "Licensed wording two." },
  ],
};

describe("catalog", () => {
  it("filters criteria by category and refuses an unknown one", () => {
    expect(listCatalogCriteria({ category: "confidentiality" }).map((c) => c.id)).toEqual([
      "C1.1",
      "C1.2",
    ]);
    expect(() => listCatalogCriteria({ category: "uptime" })).toThrow('unknown category "uptime"');
  });

  it("imports official text for the organization only, apart from our summaries", async () => {
    const result = await importCriterionText(t.ctx, owner, file, "tsc-2017.json");
    expect(result).toEqual({ imported: 2, replaced: 0, categories: ["security"] });
    const criteria = await listCriteriaForOrganization(t.ctx, owner);
    const cc11 = criteria.find((c) => c.id === "CC1.1");
    expect(cc11?.officialText).toEqual({
      criterionId: "CC1.1",
      text: "Licensed wording one.",
      pointsOfFocus: ["Focus a", "Focus b"],
    });
    expect(cc11?.summary).not.toContain("Licensed");
    expect(criteria.find((c) => c.id === "CC1.2")?.officialText).toBeUndefined();
    // The audit trail records the import but not the licensed words.
    const events = await listAuditEvents(t.ctx.db.kysely, scopeOf(owner));
    expect(events.at(-1)?.action).toBe("catalog-text.imported");
    expect(events.at(-1)?.data).not.toContain("Licensed wording");

    const again = await importCriterionText(
      t.ctx,
      owner,
      { criteria: [{ id: "cc1.2", text: "x" }] },
      "v2",
    );
    expect(again).toMatchObject({ imported: 1, replaced: 2 });
    expect(
      (await listCriteriaForOrganization(t.ctx, owner)).filter((c) => c.officialText),
    ).toHaveLength(1);

    const other = await createOrg(t.ctx, { name: "Other", adoptLibrary: false });
    const theirs = await listCriteriaForOrganization(t.ctx, other);
    expect(theirs.some((c) => c.officialText !== undefined)).toBe(false);
  });

  it("refuses a file with unknown ids, duplicates or empty text, changing nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const unknown = await expectAppError(
      () => importCriterionText(t.ctx, owner, { criteria: [{ id: "CC2.4", text: "x" }] }, "f"),
      "VALIDATION_FAILED",
    );
    expect(unknown.fieldErrors[0]).toEqual({
      field: "criteria.0.id",
      message: 'unknown criterion "CC2.4"; ids look like CC6.1 or A1.2 (see attest criteria)',
    });
    await expectAppError(
      () =>
        importCriterionText(t.ctx, owner, { criteria: [file.criteria[0], file.criteria[0]] }, "f"),
      "VALIDATION_FAILED",
    );
    await expectAppError(
      () => importCriterionText(t.ctx, owner, { criteria: [{ id: "CC1.1", text: " " }] }, "f"),
      "VALIDATION_FAILED",
    );
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });

  it("lets only the owner import licensed text", async () => {
    await expectAppError(
      () => importCriterionText(t.ctx, as(owner, "admin"), file, "f"),
      "FORBIDDEN",
    );
  });
});
