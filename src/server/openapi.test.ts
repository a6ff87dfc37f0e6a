/**
 * Every operation in the OpenAPI document describes its success answer, so a client can be
 * generated from it and an auditor can read what each route discloses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../../test/support/database.ts";
import type { TestContext } from "../../test/support/database.ts";
import { client, createApi } from "../../test/support/http.ts";
import type { Api } from "../../test/support/http.ts";

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

let t: TestContext;
let api: Api;
beforeAll(async () => {
  t = await createTestContext();
  api = await createApi(t);
});
afterAll(async () => {
  await api.close();
  await t.close();
});

describe("OpenAPI answers", () => {
  it("describes the success answer of every operation", async () => {
    const response = await client(api).request("GET", "/api/v1/openapi.json");
    const paths = response.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
    const undescribed: string[] = [];
    let described = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        const success = Object.entries(operation.responses ?? {}).find(([status]) =>
          status.startsWith("2"),
        );
        const hasSchema =
          success !== undefined &&
          (success[0] === "204" ||
            Object.values(success[1].content ?? {}).some((media) => media.schema !== undefined));
        if (hasSchema) described += 1;
        else undescribed.push(name);
      }
    }
    expect(undescribed).toEqual([]);
    expect(described).toBeGreaterThan(90);
  });
});
