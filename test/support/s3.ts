/**
 * A local S3-compatible server for tests: s3rver, in this process, on 127.0.0.1 at a port the
 * system picks, keeping its objects in a temporary folder. One per test worker, started on
 * first use; each test gets its own key prefix in the one bucket, so tests never meet.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { S3Target } from "../../src/db/blobs/s3-store.ts";

export const S3_TEST_BUCKET = "attest-test";
/** s3rver's built-in account: it checks request signatures against these. */
export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const REGION = "us-east-1";

let started: Promise<{ endpoint: string; server: S3rver }> | undefined;
let client: S3Client | undefined;

/** The endpoint of this worker's s3rver, starting it on first call. */
export async function localS3Endpoint(): Promise<string> {
  started ??= (async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "attest-s3-"));
    const server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      directory,
      silent: true,
      configureBuckets: [{ name: S3_TEST_BUCKET }],
    });
    const address = await server.run();
    // The worker ends when its tests do; the folder goes with it.
    process.once("exit", () => rmSync(directory, { recursive: true, force: true }));
    return { endpoint: `http://127.0.0.1:${address.port}`, server };
  })();
  return (await started).endpoint;
}

/** Stops the server, for a process (a benchmark) that must end when its work does. */
export async function stopLocalS3(): Promise<void> {
  const running = started;
  started = undefined;
  client?.destroy();
  client = undefined;
  if (running !== undefined) await (await running).server.close();
}

/** A fresh, empty place for one test's objects. */
export async function s3TestTarget(): Promise<S3Target> {
  return {
    kind: "s3",
    bucket: S3_TEST_BUCKET,
    prefix: `t-${randomBytes(6).toString("hex")}/evidence`,
    endpoint: await localS3Endpoint(),
    region: REGION,
  };
}

/** What a CLI process or in-process runCli needs in its environment to reach the same place. */
export function s3Env(target: S3Target): Record<string, string> {
  return {
    ATTEST_BLOB_URL: `s3://${target.bucket}/${target.prefix}`,
    ATTEST_S3_ENDPOINT: target.endpoint ?? "",
    ATTEST_S3_REGION: target.region,
    AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
  };
}

/** A client of its own, to change the store behind Attest's back. */
async function testClient(): Promise<S3Client> {
  client ??= new S3Client({
    endpoint: await localS3Endpoint(),
    region: REGION,
    forcePathStyle: true,
    credentials: S3_TEST_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return client;
}

const keyOf = (target: S3Target, sha256: string) =>
  `${target.prefix}/sha256/${sha256.slice(0, 2)}/${sha256}`;

/** Replaces a stored object's bytes, as a faulty disk or a careless hand would. */
export async function overwriteS3Blob(target: S3Target, sha256: string, bytes: Buffer) {
  await (
    await testClient()
  ).send(new PutObjectCommand({ Bucket: target.bucket, Key: keyOf(target, sha256), Body: bytes }));
}

export async function removeS3Blob(target: S3Target, sha256: string): Promise<void> {
  await (
    await testClient()
  ).send(new DeleteObjectCommand({ Bucket: target.bucket, Key: keyOf(target, sha256) }));
}

/** Writes an object under the store's temporary prefix, as an upload cut short would leave. */
export async function abandonS3Upload(target: S3Target, name: string): Promise<void> {
  await (
    await testClient()
  ).send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: `${target.prefix}/tmp/${name}`,
      Body: Buffer.from("half an upload"),
    }),
  );
}

/** Every key under the target's prefix (relative to it), temporaries included. */
export async function s3Keys(target: S3Target): Promise<string[]> {
  const s3 = await testClient();
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: target.bucket,
        Prefix: `${target.prefix}/`,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) keys.push(object.Key.slice(target.prefix.length + 1));
    }
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys.sort();
}
