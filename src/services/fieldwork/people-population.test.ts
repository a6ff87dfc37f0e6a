import { describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { sampledEngagement } from "../../../test/support/fieldwork.ts";
import { useOrganization } from "../../../test/support/fixtures.ts";
import { peopleCsv, workforce } from "../../../test/support/people.ts";
import type { Actor } from "../../domain/actor.ts";
import { recordBackgroundCheck } from "../program/background-checks.service.ts";
import { importPeople } from "../program/people-import.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup), {
  start: new Date("2026-10-15T09:00:00Z"),
});

describe("the people register as a Type 2 population", () => {
  it("gives HR-01 the period's hires and AC-05 its leavers, and the auditor samples them", async () => {
    await importPeople(t.ctx, owner, {
      csv: peopleCsv(
        workforce(3, "acme.example", [
          { email: "jo@acme.example", name: "Jo Park", start: "2026-05-04" },
          { email: "kim@acme.example", name: "Kim Lee", start: "2026-07-01" },
          { email: "early@acme.example", name: "Early Bird", start: "2026-03-02" },
          { email: "sam@acme.example", name: "Sam Leaver", start: "2024-01-08", end: "2026-06-12" },
        ]),
      ),
    });
    const check = await recordBackgroundCheck(t.ctx, owner, "jo@acme.example", {
      status: "clear",
      checkedOn: "2026-04-27",
      provider: "Checkr",
      document: {
        fileName: "jo.pdf",
        contentBase64: Buffer.from("%PDF report").toString("base64"),
      },
    });
    const { sample } = await sampledEngagement(t.ctx, owner, ["HR-01", "AC-05"]);
    const hires = sample.controls.find((c) => c.controlRef === "HR-01");
    expect(hires?.populationSource).toBe("people");
    expect(hires?.population.map((i) => i.label)).toEqual([
      "Hire: Jo Park (4 May 2026)",
      "Hire: Kim Lee (1 July 2026)",
    ]);
    expect(hires?.population[0]?.evidence).toEqual([check.evidenceId]);
    expect(hires?.missing).toEqual([hires?.population[1]?.key]);
    // Two hires: the auditor's sample takes them all.
    expect(hires?.items.sort()).toEqual(hires?.population.map((i) => i.key).sort());
    const leavers = sample.controls.find((c) => c.controlRef === "AC-05");
    expect(leavers?.populationSource).toBe("people");
    expect(leavers?.population.map((i) => i.label)).toEqual(["Leaver: Sam Leaver (12 June 2026)"]);
    expect(leavers?.items).toHaveLength(1);
  });
});
