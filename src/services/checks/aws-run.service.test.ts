/**
 * The framework with the AWS connector against the fake AWS (test/support/fake-aws.ts): added
 * only when it connects, a result for every AWS check, and replay agreeing with each.
 */
import { describe, expect, it } from "vitest";
import { FAKE_KEY, useFakeAws } from "../../../test/support/fake-aws.ts";
import type { TestContext } from "../../../test/support/database.ts";
import { expectAppError, useOrganization } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { awsConnector } from "../../integrations/aws/connector.ts";
import { addConnector } from "./connectors.service.ts";
import { replay } from "./results.service.ts";
import { runChecks } from "./runs.service.ts";

let t: TestContext;
let owner: Actor;
useOrganization((setup) => ({ t, owner } = setup));
const fakeAws = useFakeAws(new Date("2026-03-02T09:00:00Z"));

function add(secretAccessKey = FAKE_KEY.secretAccessKey) {
  return addConnector(t.ctx, owner, {
    kind: "aws",
    name: "AWS production",
    settings: { regions: "us-east-1,eu-west-1", endpoint: fakeAws().endpoint },
    credentials: { ...FAKE_KEY, secretAccessKey },
  });
}

describe("the AWS connector through the framework", () => {
  it("is refused with the wrong key, then runs a result for every AWS check that replays", async () => {
    await expectAppError(() => add("not-the-secret"), "VALIDATION_FAILED");
    await add();
    const [summary] = await runChecks(t.ctx, owner);
    expect(summary?.outcome).toBe("ok");
    expect(summary?.results.map((r) => r.checkId).sort()).toEqual(
      awsConnector.checks.map((c) => c.id).sort(),
    );
    expect((await replay(t.ctx, owner, { run: summary?.run ?? "" })).agrees).toBe(true);
  });
});
