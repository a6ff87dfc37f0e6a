import { describe, expect, it } from "vitest";
import { expectAppError } from "../../../test/support/fixtures.ts";
import { loadConfig } from "./config.ts";

describe("evidence store settings", () => {
  it("keeps the engine's own store when ATTEST_BLOB_URL is not set", () => {
    expect(loadConfig({}).blobStore).toBeNull();
    expect(loadConfig({ ATTEST_BLOB_URL: "" }).blobStore).toBeNull();
  });

  it("reads the bucket, the prefix, the endpoint and the region", () => {
    expect(
      loadConfig({
        ATTEST_BLOB_URL: "s3://attest-evidence/prod/eu/",
        ATTEST_S3_ENDPOINT: "http://127.0.0.1:9000",
        ATTEST_S3_REGION: "eu-west-3",
      }).blobStore,
    ).toEqual({
      kind: "s3",
      bucket: "attest-evidence",
      prefix: "prod/eu",
      endpoint: "http://127.0.0.1:9000",
      region: "eu-west-3",
    });
    expect(loadConfig({ ATTEST_BLOB_URL: "s3://attest-evidence" }).blobStore).toEqual({
      kind: "s3",
      bucket: "attest-evidence",
      prefix: "",
      endpoint: null,
      region: "us-east-1",
    });
    expect(
      loadConfig({ ATTEST_BLOB_URL: "s3://attest-evidence", AWS_REGION: "ap-south-1" }).blobStore
        ?.region,
    ).toBe("ap-south-1");
  });

  it("names the variable and the reason when a setting is wrong", async () => {
    const wrong = async (env: Record<string, string>, message: string) => {
      const error = await expectAppError(async () => loadConfig(env), "VALIDATION_FAILED");
      expect(error.message).toContain(message);
    };
    await wrong({ ATTEST_BLOB_URL: "https://bucket/x" }, "ATTEST_BLOB_URL: must be s3://bucket");
    await wrong({ ATTEST_BLOB_URL: "s3://Upper_Case" }, "ATTEST_BLOB_URL: must be s3://bucket");
    await wrong(
      { ATTEST_BLOB_URL: "s3://bucket", ATTEST_S3_ENDPOINT: "minio:9000" },
      "ATTEST_S3_ENDPOINT: must be an http(s) URL",
    );
    await wrong(
      { ATTEST_BLOB_URL: "s3://bucket", ATTEST_S3_ENDPOINT: "http://key:secret@minio:9000" },
      "ATTEST_S3_ENDPOINT: must not carry credentials",
    );
    await wrong(
      { ATTEST_S3_ENDPOINT: "http://minio:9000" },
      "ATTEST_S3_ENDPOINT: is set but ATTEST_BLOB_URL is not",
    );
    await wrong(
      { ATTEST_BLOB_URL: "s3://bucket", ATTEST_S3_REGION: "EU West" },
      "ATTEST_S3_REGION: must be a region name",
    );
    await wrong({ LOG_LEVEL: "loud" }, "LOG_LEVEL: must be one of fatal, error, warn");
    await wrong({ ATTEST_MAIL_FROM: "x" }, "ATTEST_MAIL_FROM: must be at least 3 characters");
    await wrong({ ATTEST_PUBLIC_URL: "ftp://files.example" }, "ATTEST_PUBLIC_URL: must be an http");
    await wrong({ ATTEST_SECRET_KEY: "short" }, "ATTEST_SECRET_KEY: ");
  });

  it("reports every wrong variable at once, each under its own name", async () => {
    const error = await expectAppError(
      async () => loadConfig({ PORT: "-1", ATTEST_TEST_JOBS: "2", DATABASE_URL: "mysql://db" }),
      "VALIDATION_FAILED",
    );
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      "DATABASE_URL",
      "PORT",
      "ATTEST_TEST_JOBS",
    ]);
  });

  it("reads whole numbers within bounds, and names a number that is not one", async () => {
    expect(loadConfig({ PORT: "8080", ATTEST_SESSION_IDLE_MINUTES: "30" })).toMatchObject({
      port: 8080,
      sessions: { idleMinutes: 30, maxHours: 7 * 24 },
    });
    expect(loadConfig({}).port).toBe(3000);
    for (const [name, value] of [
      ["PORT", "http"],
      ["PORT", "70000"],
      ["PORT", "80.5"],
      ["ATTEST_SESSION_IDLE_MINUTES", "1"],
      ["ATTEST_MAX_EVIDENCE_BYTES", "0"],
    ] as const) {
      const error = await expectAppError(
        async () => loadConfig({ [name]: value }),
        "VALIDATION_FAILED",
      );
      expect(error.message).toContain(`${name}: `);
    }
  });

  it("never puts the secret of an endpoint URL into its message", async () => {
    const error = await expectAppError(
      async () =>
        loadConfig({ ATTEST_BLOB_URL: "s3://bucket", ATTEST_S3_ENDPOINT: "http://k:hunter2@m" }),
      "VALIDATION_FAILED",
    );
    expect(error.message).not.toContain("hunter2");
  });
});

describe("trusted proxies", () => {
  it("takes true as the one proxy in front, a number of hops, or addresses with prefixes", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ ATTEST_TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ ATTEST_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ ATTEST_TRUST_PROXY: "10.0.0.0/8, ::1, 192.0.2.7" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "::1",
      "192.0.2.7",
    ]);
  });

  it("names the variable for an entry that is not an address, instead of failing at start", async () => {
    for (const value of ["123abc", "10.0.0.0/33", "yes", "10.0.0.1,", "::1/129"]) {
      const error = await expectAppError(
        async () => loadConfig({ ATTEST_TRUST_PROXY: value }),
        "VALIDATION_FAILED",
      );
      expect(error.message).toContain("ATTEST_TRUST_PROXY");
    }
  });
});
