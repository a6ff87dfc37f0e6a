import { describe, expect, it } from "vitest";
import { monitorInput } from "./monitor-input.ts";

describe("a monitored endpoint's input", () => {
  it("refuses http, credentials in the URL and out-of-range values, naming the field", () => {
    const issues = (input: unknown) =>
      monitorInput.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ name: "A", url: "http://a.test" })).toEqual([
      "url: must be an https:// URL (plain http is not probed)",
    ]);
    expect(issues({ name: "A", url: "https://user:pw@a.test" })).toEqual([
      "url: must not carry a user name or password",
    ]);
    expect(issues({ name: "A", url: "https://a.test", intervalMinutes: 0 })?.[0]).toMatch(
      /^intervalMinutes:/,
    );
  });
});
