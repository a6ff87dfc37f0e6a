import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError } from "../../../test/support/fixtures.ts";
import {
  finalizeAsAuditor,
  recordTestOpinion,
  useReportEngagement,
} from "../../../test/support/report.ts";
import { snapshotDatabase } from "../../../test/support/snapshot.ts";
import type { Actor } from "../../domain/actor.ts";
import { renderReport } from "./report-output.ts";
import {
  approveAssertion,
  showReportDraft,
  updateSystemDescription,
} from "./report-draft.service.ts";
import { loadReportPackage } from "./report-versions.service.ts";

let t: TestContext;
let owner: Actor;
let handle: string;
useReportEngagement((s) => ({ t, owner, handle } = s));

const QUALIFIED = {
  type: "qualified",
  criteriaNotMet: ["cc7.2"] as string[],
  basisForModification:
    "Alerts from the monitoring tool were not reviewed between 1 and 20 October 2026, and no " +
    "other control addressed the monitoring of anomalies in that time.",
} as const;

async function html(): Promise<string> {
  const pkg = await loadReportPackage(t.ctx, owner, handle, "draft");
  return (await renderReport(pkg, "html")).body.toString();
}

describe("Section I, structured", () => {
  it("sets the auditor's parts in the template: scope to restricted use, firm, city and date", async () => {
    await recordTestOpinion(t.ctx, owner, handle, QUALIFIED);
    const { package: pkg } = await showReportDraft(t.ctx, owner, handle);
    expect(pkg.opinion).toMatchObject({
      type: "qualified",
      firm: "Ledger & Co",
      city: "Boston, Massachusetts",
      date: "2026-11-20",
      criteriaNotMet: ["CC7.2"],
    });
    const page = await html();
    const headings = [
      "Scope",
      "The service organization&#39;s responsibilities",
      "The service auditor&#39;s responsibilities",
      "Inherent limitations",
      "Basis for qualified opinion",
      "Qualified opinion",
      "Restricted use",
    ];
    let at = 0;
    for (const heading of headings) {
      const next = page.indexOf(`<h3>${heading}</h3>`, at);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    expect(page).toContain("following applicable criterion was not met: CC7.2 (");
    expect(page).toContain("except for the effects of the matters described in the basis");
    expect(page).toContain("Alerts from the monitoring tool were not reviewed");
    expect(page).toContain("Ledger &amp; Co<br>Boston, Massachusetts<br>20 November 2026");
    // A Type 1 has no tests of operating effectiveness to describe.
    expect(page).not.toContain("Description of tests of controls");
  });

  it("refuses an opinion that does not hold together, naming the field, and changes nothing", async () => {
    const before = await snapshotDatabase(t.ctx.db);
    const cases: [Record<string, unknown>, string][] = [
      [
        { type: "qualified", basisForModification: QUALIFIED.basisForModification },
        "criteriaNotMet",
      ],
      [{ ...QUALIFIED, criteriaNotMet: ["A1.1"] }, "criteriaNotMet"],
      [{ ...QUALIFIED, basisForModification: "" }, "basisForModification"],
      [{ type: "unmodified", criteriaNotMet: ["CC7.2"] }, "criteriaNotMet"],
      [{ type: "adverse", basisForModification: QUALIFIED.basisForModification }, "criteriaNotMet"],
      [{ city: "" }, "city"],
    ];
    for (const [input, field] of cases) {
      const error = await expectAppError(
        () => recordTestOpinion(t.ctx, owner, handle, input),
        "VALIDATION_FAILED",
      );
      expect(
        error.fieldErrors.map((f) => f.field),
        JSON.stringify(input),
      ).toContain(field);
    }
    expect(await snapshotDatabase(t.ctx.db)).toBe(before);
  });
});

describe("management's assertion follows the opinion", () => {
  it("reads unmodified until the auditor's opinion is modified, then says 'except'", async () => {
    const plain = (await showReportDraft(t.ctx, owner, handle)).package.assertion.text;
    expect(plain).not.toContain("except");
    await approveAssertion(t.ctx, owner, handle);
    await recordTestOpinion(t.ctx, owner, handle, QUALIFIED);
    const modified = (await showReportDraft(t.ctx, owner, handle)).package;
    expect(modified.assertion.text).toContain("except for the matters described in section IV");
    // Management approved the unmodified form: it must approve the modified one.
    expect(modified.assertion.approval).toBeNull();
    expect(modified.opinion?.type).toBe("qualified");
    await approveAssertion(t.ctx, owner, handle);
    const version = await finalizeAsAuditor(t.ctx, owner, handle);
    const final = await loadReportPackage(t.ctx, owner, handle, version.version);
    expect(final.opinion?.type).toBe("qualified");
    expect(final.assertion.text).toContain("except for the matters described in section IV");
  });

  it("names the subservice organizations with their method and states the complementary-control condition", async () => {
    const text = (await showReportDraft(t.ctx, owner, handle)).package.assertion.text;
    expect(text).toContain("Subservice organizations: Amazon Web Services (carve-out method).");
    expect(text).toContain(
      "if the subservice organizations and user entities applied the complementary controls",
    );
    expect(text).toContain("as of 31 October 2026");
  });

  it("says 'None' plainly when there are no subservice organizations or user entity controls", async () => {
    await updateSystemDescription(t.ctx, owner, handle, {
      subservices: [],
      noSubservices: true,
      cuecs: [],
      noCuecs: true,
    });
    const text = (await showReportDraft(t.ctx, owner, handle)).package.assertion.text;
    expect(text).toContain("Subservice organizations: None.");
    expect(text).not.toContain("complementary");
  });
});

describe("section IV keeps each control's description", () => {
  it("takes it from the scope frozen at fieldwork", async () => {
    const pkg = (await showReportDraft(t.ctx, owner, handle)).package;
    const control = pkg.criteria[0]?.controls[0];
    expect(control?.ref).toBe("GOV-01");
    expect(control?.description).toBe("Leadership reviews the security programme each quarter.");
    expect(await html()).toContain("Leadership reviews the security programme each quarter.");
  });
});
