// The AWS connector's setup is checked at the edge, naming the field and the reason.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { awsConnector } from "./connector.ts";

const issues = (value: unknown) => {
  const parsed = awsConnector.settings.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("AWS settings and credentials", () => {
  it("accepts regions with defaults for everything else, sorted and without repeats", () => {
    expect(
      awsConnector.settings.parse({ regions: ["us-east-1", "eu-west-1", "us-east-1"] }),
    ).toEqual({
      regions: ["eu-west-1", "us-east-1"],
      endpoint: null,
      roleArn: null,
      externalId: null,
      maxAttempts: 3,
      timeoutSeconds: 30,
    });
  });

  it("takes a form's or the command line's text: a comma-separated list, empty fields, numbers", () => {
    expect(
      awsConnector.settings.parse({
        regions: "us-east-1, eu-west-1",
        roleArn: "",
        externalId: "",
        endpoint: "",
        maxAttempts: "2",
      }),
    ).toEqual({
      regions: ["eu-west-1", "us-east-1"],
      endpoint: null,
      roleArn: null,
      externalId: null,
      maxAttempts: 2,
      timeoutSeconds: 30,
    });
  });

  it("reads back stored settings as they were saved", () => {
    const saved = awsConnector.settings.parse({
      regions: "eu-west-1",
      endpoint: "http://127.0.0.1:4566",
      roleArn: "arn:aws:iam::123456789012:role/attest-audit",
      externalId: "ext-42",
    });
    const stored: unknown = JSON.parse(JSON.stringify(saved));
    expect(awsConnector.settings.parse(stored)).toEqual(saved);
  });

  it("names the field and the reason for bad settings", () => {
    expect(issues({ regions: [] })).toEqual(["regions: name at least one region"]);
    expect(issues({ regions: ["Europe"] })).toEqual([
      "regions.0: must be an AWS region name such as eu-west-1",
    ]);
    expect(issues({ regions: ["eu-west-1"], roleArn: "attest-role" })).toEqual([
      "roleArn: must be an IAM role ARN (arn:aws:iam::123456789012:role/name)",
    ]);
    expect(issues({ regions: ["eu-west-1"], endpoint: "ftp://localhost" })).toEqual([
      "endpoint: must be an http(s) URL",
    ]);
    // Keys would travel in the clear to another machine: only loopback may use plain http.
    expect(issues({ regions: ["eu-west-1"], endpoint: "http://localstack.example:4566" })).toEqual([
      "endpoint: must use https (plain http is allowed only to a loopback address)",
    ]);
    expect(issues({ regions: ["eu-west-1"], endpoint: "https://localstack.example:4566" })).toEqual(
      [],
    );
  });

  it("requires an access key id and secret, the session token only for temporary keys", () => {
    const keys = {
      accessKeyId: "AKIAEXAMPLEKEY000001",
      secretAccessKey: "a-secret-of-forty-characters-or-so",
    };
    expect(awsConnector.credentials.safeParse(keys).success).toBe(true);
    expect(awsConnector.credentials.safeParse({ ...keys, sessionToken: "token" }).success).toBe(
      true,
    );
    const bad = awsConnector.credentials.safeParse({ ...keys, accessKeyId: "not a key" });
    expect(
      bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    ).toEqual(["accessKeyId: must be an AWS access key id"]);
  });

  it("lists only read-only permissions, and a field for each credential", () => {
    for (const permission of awsConnector.permissions) {
      expect(permission).toMatch(/^[a-z0-9]+:(Get|List|Describe|Generate|AssumeRole)/);
    }
    const secrets = awsConnector.fields.filter((f) => f.secret).map((f) => f.name);
    expect(secrets).toEqual(["accessKeyId", "secretAccessKey", "sessionToken"]);
  });

  it("lists in the README every permission it calls and every check it has", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    for (const permission of awsConnector.permissions) {
      // "sts:AssumeRole (only when a role is set, …)" is named in the text, not the policy.
      expect(readme).toContain(permission.split(" ")[0]);
    }
    const rows = readme.split("\n").map((line) => line.replace(/\s*\|\s*/g, "|"));
    for (const check of awsConnector.checks) {
      expect(rows).toContainEqual(expect.stringContaining(`|\`${check.id}\`|${check.title}|`));
    }
  });
});
