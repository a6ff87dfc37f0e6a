// The synthetic snapshot the checks benchmark uses: about the size asked for, and every check
// evaluates it with a mix of passing and failing results.
import { describe, expect, it } from "vitest";
import { githubConnector } from "./connector.ts";

describe("github syntheticSnapshot", () => {
  it("has about the number of resources asked for", () => {
    const snapshot = githubConnector.syntheticSnapshot(1000);
    expect(snapshot.members.length + snapshot.repositories.length).toBe(1000);
  });

  it("gives every check both passing and failing resources", () => {
    const snapshot = githubConnector.syntheticSnapshot(500);
    for (const check of githubConnector.checks) {
      const statuses = new Set(check.evaluate(snapshot).map((result) => result.status));
      if (
        check.id === "github.org-requires-2fa" ||
        check.id === "github.default-permission-restricted"
      ) {
        // One organization: a single result.
        expect(statuses.size, check.id).toBe(1);
        continue;
      }
      expect(statuses.has("pass"), check.id).toBe(true);
      expect(statuses.has("fail"), check.id).toBe(true);
    }
  });

  it("is deterministic", () => {
    expect(githubConnector.syntheticSnapshot(300)).toEqual(githubConnector.syntheticSnapshot(300));
  });
});
