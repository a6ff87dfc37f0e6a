import { describe, expect, it } from "vitest";
import { accountRows, accountsCsv, registerCsv } from "../../../test/support/access-review.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { sampledEngagement } from "../../../test/support/fieldwork.ts";
import { useOrganization } from "../../../test/support/fixtures.ts";
import { addMember } from "../../../test/support/members.ts";
import type { Actor } from "../../domain/actor.ts";
import { completeCampaign, decideAccounts } from "../program/access-review-decisions.service.ts";
import { startCampaign } from "../program/access-reviews.service.ts";
import { importPeople } from "../program/people-import.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup), {
  start: new Date("2026-05-04T09:00:00Z"),
});

const DAY = 24 * 60 * 60 * 1000;

describe("completed access reviews as AC-06's population", () => {
  it("lists each campaign completed in the period with its reviewer and dates, and the auditor samples them", async () => {
    const reviewer = await addMember(t, owner, "control-owner", "sam@acme.example");
    await importPeople(t.ctx, owner, { csv: registerCsv(20) });
    const reviews: string[] = [];
    for (const quarter of [
      { from: "2026-01-01", to: "2026-03-31" },
      { from: "2026-04-01", to: "2026-06-30" },
    ]) {
      const campaign = await startCampaign(
        t.ctx,
        owner,
        {
          name: `Review ${quarter.from.slice(0, 7)}`,
          systems: ["GitHub"],
          reviewers: ["sam@acme.example"],
          periodFrom: quarter.from,
          periodTo: quarter.to,
        },
        [{ system: "GitHub", csv: accountsCsv(accountRows(20)) }],
      );
      await decideAccounts(t.ctx, reviewer, campaign.ref, {
        decisions: campaign.accountViews.map((a) => ({
          account: a.id,
          decision: a.flags.length > 0 ? "remove" : "keep",
        })),
      });
      const done = await completeCampaign(t.ctx, owner, campaign.ref);
      reviews.push(done.evidenceId ?? "");
      t.advance(91 * DAY);
    }
    const { sample } = await sampledEngagement(t.ctx, owner, ["AC-06"]);
    const control = sample.controls.find((c) => c.controlRef === "AC-06");
    expect(control?.populationSource).toBe("events");
    expect(control?.population.map((i) => i.label)).toEqual([
      "Access review AR-1 Review 2026-01, reviewed by sam@acme.example: 1 January 2026 to 31 March 2026, completed 4 May 2026",
      "Access review AR-2 Review 2026-04, reviewed by sam@acme.example: 1 April 2026 to 30 June 2026, completed 3 August 2026",
    ]);
    expect(control?.population.map((i) => i.evidence)).toEqual(reviews.map((id) => [id]));
    expect(control?.missing).toEqual([]);
    expect(control?.items).toHaveLength(2);
  });
});
