import { describe, expect, it } from "vitest";
import { opinionParts, signatureLines } from "./opinion-template.ts";
import type { OpinionContext } from "./opinion-template.ts";
import type { AuditorOpinion, OpinionType } from "./report.ts";

const TYPE2: OpinionContext = {
  organization: { name: "Acme", systemName: "Acme Dashboards" },
  engagement: {
    type: 2,
    asOf: null,
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
    categories: ["security", "availability"],
  },
  description: {
    subservices: [
      { name: "Amazon Web Services", services: "Hosting", method: "carve-out", csocs: [] },
    ],
    cuecs: [],
  },
};

function opinion(type: OpinionType, criteriaNotMet: string[] = []): AuditorOpinion {
  return {
    type,
    firm: "Ledger & Co",
    city: "Boston, Massachusetts",
    date: "2026-08-14",
    criteriaNotMet,
    basisForModification: type === "unmodified" ? null : "Alerts were not reviewed in October.",
    text: "",
    contentSha256: "0".repeat(64),
    recordedBy: "user:dana",
    recordedByName: "Dana Whitfield",
    recordedAt: "2026-08-14T10:00:00.000Z",
  };
}

const text = (type: OpinionType, criteria: string[] = [], c = TYPE2) =>
  opinionParts(c, opinion(type, criteria))
    .map((p) => [p.heading, ...p.paragraphs].join("\n"))
    .join("\n\n");

describe("Section I's template words", () => {
  it("states an unmodified Type 2 opinion with the carve-out condition and no basis", () => {
    const words = text("unmodified");
    expect(words).toContain("In our opinion, in all material respects:");
    expect(words).toContain("(c) the controls stated in the description operated effectively");
    expect(words).toContain("if the subservice organizations applied the complementary");
    expect(words).toContain("Acme uses Amazon Web Services as subservice organization");
    expect(words).toContain("for the period 1 January 2026 to 30 June 2026");
    expect(words).not.toContain("Basis for");
    expect(signatureLines(opinion("unmodified"))).toEqual([
      "Ledger & Co",
      "Boston, Massachusetts",
      "14 August 2026",
    ]);
  });

  it("names the criteria not met in the basis of a qualified or adverse opinion", () => {
    const qualified = text("qualified", ["CC7.2", "A1.2"]);
    expect(qualified).toContain("Basis for qualified opinion");
    expect(qualified).toMatch(/criteria were not met: CC7\.2 \([^)]+\) and A1\.2 \(/);
    expect(qualified).toContain("except for the effects of the matters described");
    const adverse = text("adverse", ["CC7.2"]);
    expect(adverse).toContain("Basis for adverse opinion");
    expect(adverse).toContain("were not suitably designed and did not operate effectively");
  });

  it("gives no opinion under a disclaimer, and claims no sufficient evidence", () => {
    const words = text("disclaimer");
    expect(words).toContain("Basis for disclaimer of opinion");
    expect(words).toContain("We therefore do not express one.");
    expect(words).not.toContain("sufficient and appropriate to support our opinion");
  });

  it("leaves the test description and the operating clause out of a Type 1", () => {
    const type1 = {
      ...TYPE2,
      engagement: { ...TYPE2.engagement, type: 1, asOf: "2026-06-30" },
      description: { subservices: [], cuecs: [] },
    } satisfies OpinionContext;
    const words = text("unmodified", [], type1);
    expect(words).not.toContain("Description of tests of controls");
    expect(words).not.toContain("(c)");
    expect(words).not.toContain("complementary");
    expect(words).toContain("as of 30 June 2026");
  });
});
