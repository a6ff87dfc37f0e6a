/**
 * TOTP seeds and signing keys at rest: sealed with the operator's key in the database, values
 * from before encryption sealed at the next start, a wrong key refused at start, and
 * `rotateSecretKey` moving everything to a new key (file or ATTEST_SECRET_KEY) in one
 * transaction, without a sign-in or a signature lost on the way. On both engines.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generate } from "otplib";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, createTestDatabase } from "../../../test/support/database.ts";
import type { TestContext, TestDatabase } from "../../../test/support/database.ts";
import { createOrg, expectAppError, operator } from "../../../test/support/fixtures.ts";
import type { Actor } from "../../domain/actor.ts";
import { beginTotpSetup, confirmTotpSetup, disableTotp } from "../access/account.service.ts";
import {
  authenticateSession,
  completeSetup,
  completeTotpLogin,
  issueSetupToken,
  login,
} from "../access/auth.service.ts";
import type { Authenticated, ClientInfo } from "../access/auth.service.ts";
import { publicKeyObject, rawPublicKey } from "../reporting/bundle/manifest.ts";
import { loadOrganizationSigner } from "../reporting/signing-keys.ts";
import { listAuditLog, verifyAuditLog } from "./audit-log.service.ts";
import { closeContext, openContext } from "./context.ts";
import type { ContextOptions, ServiceContext } from "./context.ts";
import { SecretKey, secretContext } from "./secret-box.ts";
import { KEY_FILE_NAME } from "./secret-keys.ts";
import { rotateSecretKey } from "./secrets-at-rest.ts";
import { verify } from "node:crypto";

const EMAIL = "olivia@acme.example";
const PASSWORD = "correct battery staple horse 42";
const office: ClientInfo = { address: "203.0.113.5", userAgent: null };

let t: TestContext;
let owner: Actor;
let secret: string;
const opened: ServiceContext[] = [];

/** Another process on the same database (a server, a CLI command), closed after the test. */
async function reopen(
  database: TestDatabase,
  options: Partial<ContextOptions> = {},
): Promise<ServiceContext> {
  const ctx = await openContext({
    database: database.target,
    dataDir: database.dataDir,
    blobStore: database.blobStore,
    now: () => t.ctx.now(),
    ...options,
  });
  opened.push(ctx);
  return ctx;
}

async function signedIn(ctx: ServiceContext): Promise<Authenticated> {
  const result = await login(ctx, { email: EMAIL, password: PASSWORD }, office);
  if (result.status !== "signed-in") throw new Error(`expected a session: ${result.status}`);
  const auth = await authenticateSession(ctx, result.token);
  if (auth === undefined) throw new Error("expected a live session");
  return auth;
}

async function code(at = t.ctx.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Makes the first account (and an organization) and turns its two-factor sign-in on. */
async function setUp(ctx: ServiceContext): Promise<void> {
  const token = await issueSetupToken(ctx);
  await completeSetup(
    ctx,
    { token: token ?? "", email: EMAIL, name: "Olivia Owner", password: PASSWORD },
    office,
  );
  owner = await createOrg(ctx);
  const auth = await signedIn(ctx);
  secret = (await beginTotpSetup(ctx, auth)).secret;
  await confirmTotpSetup(ctx, auth, await code());
  t.advance(30_000);
}

/** Password, then a fresh code: the whole two-factor sign-in. */
async function signInWithCode(ctx: ServiceContext): Promise<Authenticated> {
  const first = await login(ctx, { email: EMAIL, password: PASSWORD }, office);
  if (first.status !== "totp-required") throw new Error(`expected a code step: ${first.status}`);
  const done = await completeTotpLogin(ctx, first.token, await code(), office);
  expect(done.view.user.email).toBe(EMAIL);
  t.advance(30_000);
  const auth = await authenticateSession(ctx, done.token);
  if (auth === undefined) throw new Error("expected a live session");
  return auth;
}

/** The organization's signer signs, and its public key (unchanged) verifies the signature. */
async function expectSigning(ctx: ServiceContext, fingerprint?: string): Promise<string> {
  const signer = await loadOrganizationSigner(ctx, owner);
  const data = Buffer.from("manifest bytes");
  const raw = rawPublicKey(signer.key.publicKey);
  expect(raw).not.toBeNull();
  expect(verify(null, data, publicKeyObject(raw!), signer.sign(data))).toBe(true);
  if (fingerprint !== undefined) expect(signer.key.fingerprint).toBe(fingerprint);
  return signer.key.fingerprint;
}

/** The stored secrets as a raw SELECT shows them. */
async function stored(ctx = t.ctx): Promise<{ totp: string; signingKey: string }> {
  const users = await sql<{ totp_secret: string }>`select totp_secret from users`.execute(
    ctx.db.kysely,
  );
  const keys = await sql<{
    private_key: string;
  }>`select private_key from organization_keys`.execute(ctx.db.kysely);
  return { totp: users.rows[0]!.totp_secret, signingKey: keys.rows[0]!.private_key };
}

const keyFile = (database = t.database) => path.join(database.dataDir, KEY_FILE_NAME);

async function reEncryptions(ctx: ServiceContext) {
  const events = await listAuditLog(ctx, owner, { action: "signing-key.re-encrypted" });
  return events.items.map((e) => ({ actor: e.actor.kind, sentence: e.sentence }));
}

async function plantFailure(ctx: ServiceContext, table: "users" | "organization_keys") {
  if (ctx.db.engine === "sqlite") {
    await sql
      .raw(
        `create trigger planted_failure before update on ${table}
         begin select raise(abort, 'planted failure'); end`,
      )
      .execute(ctx.db.kysely);
    return;
  }
  await sql`create function planted_failure() returns trigger language plpgsql as
    $$ begin raise exception 'planted failure'; end $$`.execute(ctx.db.kysely);
  await sql
    .raw(
      `create trigger planted_failure before update on ${table}
       for each row execute function planted_failure()`,
    )
    .execute(ctx.db.kysely);
}

async function removeFailure(ctx: ServiceContext, table: "users" | "organization_keys") {
  await sql
    .raw(
      ctx.db.engine === "sqlite"
        ? "drop trigger planted_failure"
        : `drop trigger planted_failure on ${table}`,
    )
    .execute(ctx.db.kysely);
}

afterEach(async () => {
  for (const ctx of opened.splice(0)) await closeContext(ctx);
});

describe("secrets at rest, with the key file", () => {
  beforeEach(async () => {
    t = await createTestContext();
    await setUp(t.ctx);
  });
  afterEach(async () => {
    await t.close();
  });

  it("stores both sealed with a key made on first start beside the database, mode 0600", async () => {
    const file = keyFile();
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
    const key = SecretKey.fromBase64(readFileSync(file, "utf8"), file);
    const raw = await stored();
    expect(raw.totp).toMatch(new RegExp(`^enc:v1:${key.id}:`));
    expect(raw.signingKey).toMatch(new RegExp(`^enc:v1:${key.id}:`));
    expect(raw.totp).not.toContain(secret);
    const pkcs8 = t.ctx.secrets.open(
      raw.signingKey,
      secretContext.signingKey(owner.organizationId),
    );
    expect(pkcs8).toMatch(/^MC4CAQAwBQYDK2Vw/); // an Ed25519 PKCS#8 key, in base64
    expect(raw.signingKey).not.toContain(pkcs8.slice(20));
    await signInWithCode(t.ctx);
    await expectSigning(t.ctx);
    // A second start finds the same key and changes nothing.
    const again = await reopen(t.database);
    expect(again.secrets.current.id).toBe(key.id);
    expect(await stored()).toEqual(raw);
  });

  it("seals values written before encryption at the next start, audited per organization", async () => {
    const before = await stored();
    const pkcs8 = t.ctx.secrets.open(
      before.signingKey,
      secretContext.signingKey(owner.organizationId),
    );
    await sql`update users set totp_secret = ${secret}`.execute(t.ctx.db.kysely);
    await sql`update organization_keys set private_key = ${pkcs8}`.execute(t.ctx.db.kysely);
    const fingerprint = await expectSigning(t.ctx);

    // A CLI command reads them as they are and writes nothing.
    const command = await reopen(t.database, { housekeeping: false });
    await signInWithCode(command);
    await expectSigning(command, fingerprint);
    expect(await stored()).toEqual({ totp: secret, signingKey: pkcs8 });

    // A server start seals them.
    const server = await reopen(t.database);
    const keyId = server.secrets.current.id;
    const after = await stored();
    expect(after.totp).toMatch(new RegExp(`^enc:v1:${keyId}:`));
    expect(after.signingKey).toMatch(new RegExp(`^enc:v1:${keyId}:`));
    await signInWithCode(server);
    await expectSigning(server, fingerprint);
    expect(await reEncryptions(server)).toEqual([
      {
        actor: "system",
        sentence: `Report signing key ${fingerprint} encrypted at rest with key ${keyId} (was stored in the clear)`,
      },
    ]);
    expect((await verifyAuditLog(server, owner)).chain).toBeNull();
  });

  it("refuses to start with a key other than the one the secrets were sealed with", async () => {
    const written = t.ctx.secrets.current.id;
    const stranger = SecretKey.generate();
    const fromEnvironment = await expectAppError(
      () => reopen(t.database, { secretKey: stranger }),
      "VALIDATION_FAILED",
    );
    expect(fromEnvironment.message).toBe(
      `the database's stored secrets were encrypted with key ${written} (2 values), but ` +
        `ATTEST_SECRET_KEY is key ${stranger.id}: start Attest with the key they were written with`,
    );
    expect(fromEnvironment.fieldErrors).toEqual([
      { field: "ATTEST_SECRET_KEY", message: `is key ${stranger.id}, not ${written}` },
    ]);

    // A key file replaced by another (or lost, and made again): the same refusal, naming it.
    const file = keyFile();
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `${stranger.exportBase64()}\n`);
    const fromFile = await expectAppError(
      () => reopen(t.database, { housekeeping: false }),
      "INTERNAL",
    );
    expect(fromFile.message).toBe(
      `the database's stored secrets were encrypted with key ${written} (2 values), but ` +
        `the key file ${file} is key ${stranger.id}: start Attest with the key they were written with`,
    );
    // A key file lost (or not copied to a new machine): refused, and no stranger left in its place.
    rmSync(file);
    const lost = await expectAppError(() => reopen(t.database), "INTERNAL");
    expect(lost.message).toBe(
      `the database's stored secrets were encrypted with key ${written} (2 values), but ` +
        `there was no key file (${file}): start Attest with the key they were written with`,
    );
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, original, { mode: 0o600 });
    await signInWithCode(await reopen(t.database));
  });

  it("fails a sign-in clearly when a sealed value was altered, never taking it for a wrong code", async () => {
    const raw = await stored();
    const at = raw.totp.length - 5; // inside the ciphertext, clear of base64's padding bits
    const flipped =
      raw.totp.slice(0, at) + (raw.totp[at] === "A" ? "B" : "A") + raw.totp.slice(at + 1);
    await sql`update users set totp_secret = ${flipped}`.execute(t.ctx.db.kysely);
    const first = await login(t.ctx, { email: EMAIL, password: PASSWORD }, office);
    if (first.status !== "totp-required") throw new Error("expected a code step");
    const error = await expectAppError(
      async () => completeTotpLogin(t.ctx, first.token, await code(), office),
      "INTERNAL",
    );
    expect(error.message).toMatch(/^the stored two-factor secret of user .* altered or damaged$/);
  });

  it("rotates: a new key file, every value sealed again, sign-in and signing unchanged", async () => {
    const fingerprint = await expectSigning(t.ctx);
    const file = keyFile();
    const oldKey = readFileSync(file, "utf8");
    const oldId = t.ctx.secrets.current.id;
    // A server running beside the CLI, with the old key in memory.
    const server = await reopen(t.database);

    const rotation = await rotateSecretKey(t.ctx, operator, null);
    expect(rotation).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{12}$/),
      previousKeyId: oldId,
      source: "file",
      keyFile: file,
      totpSecrets: 1,
      signingKeys: 1,
      channelSecrets: 0,
      connectorCredentials: 0,
    });
    expect(rotation.keyId).not.toBe(oldId);
    expect(readFileSync(file, "utf8")).not.toBe(oldKey);
    expect(SecretKey.fromBase64(readFileSync(file, "utf8"), file).id).toBe(rotation.keyId);
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
    expect(existsSync(`${file}.previous`)).toBe(false);
    expect(existsSync(`${file}.next`)).toBe(false);
    const raw = await stored();
    expect(raw.totp).toMatch(new RegExp(`^enc:v1:${rotation.keyId}:`));
    expect(raw.signingKey).toMatch(new RegExp(`^enc:v1:${rotation.keyId}:`));

    await signInWithCode(t.ctx);
    await expectSigning(t.ctx, fingerprint);
    // The running server follows the new key file: it opens the new values and seals with it.
    const me = await signInWithCode(server);
    await expectSigning(server, fingerprint);
    await disableTotp(server, me, { password: PASSWORD });
    const renewed = await beginTotpSetup(server, await signedIn(server));
    const users = await sql<{
      totp_secret: string;
    }>`select totp_secret from users`.execute(server.db.kysely);
    expect(users.rows[0]!.totp_secret).toMatch(new RegExp(`^enc:v1:${rotation.keyId}:`));
    expect(users.rows[0]!.totp_secret).not.toContain(renewed.secret);

    expect(await reEncryptions(t.ctx)).toEqual([
      {
        actor: "operator",
        sentence: `Report signing key ${fingerprint} encrypted at rest with key ${rotation.keyId} (was key ${oldId})`,
      },
    ]);
    expect((await verifyAuditLog(t.ctx, owner)).chain).toBeNull();
    // The old key opens nothing any more; a start with the new file finds all in order.
    await expectAppError(
      () => reopen(t.database, { secretKey: SecretKey.fromBase64(oldKey, "old") }),
      "VALIDATION_FAILED",
    );
    await expectSigning(await reopen(t.database), fingerprint);
  });

  it("keeps both keys when the rotation's transaction fails; the next start finishes it", async () => {
    const fingerprint = await expectSigning(t.ctx);
    const oldId = t.ctx.secrets.current.id;
    const file = keyFile();
    await plantFailure(t.ctx, "organization_keys");
    const failed = await expectAppError(() => rotateSecretKey(t.ctx, operator, null), "INTERNAL");
    expect(failed.message).toMatch(/planted failure/);
    expect(failed.message).toContain(
      `the previous one in ${file}.previous; every value stays readable: run attest keys rotate again`,
    );
    // Nothing was sealed again; the new key is in place and the old one kept beside it.
    expect(existsSync(`${file}.previous`)).toBe(true);
    const newId = SecretKey.fromBase64(readFileSync(file, "utf8"), file).id;
    expect(newId).not.toBe(oldId);
    const raw = await stored();
    expect(raw.totp).toMatch(new RegExp(`^enc:v1:${oldId}:`));
    expect(raw.signingKey).toMatch(new RegExp(`^enc:v1:${oldId}:`));
    await signInWithCode(t.ctx);
    await expectSigning(t.ctx, fingerprint);

    await removeFailure(t.ctx, "organization_keys");
    const server = await reopen(t.database);
    expect(server.secrets.current.id).toBe(newId);
    const after = await stored();
    expect(after.totp).toMatch(new RegExp(`^enc:v1:${newId}:`));
    expect(after.signingKey).toMatch(new RegExp(`^enc:v1:${newId}:`));
    expect(existsSync(`${file}.previous`)).toBe(false);
    await signInWithCode(server);
    await expectSigning(server, fingerprint);
  });

  it("keeps its key file, and asks for none in the environment", async () => {
    const error = await expectAppError(
      () => rotateSecretKey(t.ctx, operator, SecretKey.generate()),
      "INVALID_STATE",
    );
    expect(error.message).toContain(`this installation keeps its key in ${keyFile()}`);
  });
});

describe("secrets at rest, with ATTEST_SECRET_KEY", () => {
  let database: TestDatabase;
  const first = SecretKey.generate();
  let ctx: ServiceContext;
  beforeEach(async () => {
    database = await createTestDatabase();
    let now = new Date("2026-03-02T09:00:00Z").getTime();
    ctx = await openContext({
      database: database.target,
      dataDir: database.dataDir,
      blobStore: database.blobStore,
      secretKey: first,
      now: () => new Date(now),
    });
    t = {
      ctx,
      database,
      advance: (ms) => {
        now += ms;
      },
      close: async () => undefined,
    };
    await setUp(ctx);
  });
  afterEach(async () => {
    await closeContext(ctx);
    await database.drop();
  });

  it("makes no key file, and rotates only to a key the operator gives", async () => {
    expect(existsSync(keyFile(database))).toBe(false);
    expect((await stored(ctx)).totp).toMatch(new RegExp(`^enc:v1:${first.id}:`));
    const refused = await expectAppError(
      () => rotateSecretKey(ctx, operator, null),
      "INVALID_STATE",
    );
    expect(refused.message).toMatch(/^ATTEST_SECRET_KEY is set, so the key is yours to make/);
    await expectAppError(() => rotateSecretKey(ctx, operator, first), "INVALID_STATE");

    const fingerprint = await expectSigning(ctx);
    const next = SecretKey.generate();
    const rotation = await rotateSecretKey(ctx, operator, next);
    expect(rotation).toEqual({
      keyId: next.id,
      previousKeyId: first.id,
      source: "environment",
      keyFile: null,
      totpSecrets: 1,
      signingKeys: 1,
      channelSecrets: 0,
      connectorCredentials: 0,
    });
    expect(existsSync(keyFile(database))).toBe(false);
    const raw = await stored(ctx);
    expect(raw.totp).toMatch(new RegExp(`^enc:v1:${next.id}:`));
    expect(raw.signingKey).toMatch(new RegExp(`^enc:v1:${next.id}:`));

    // Restarted with the old key: refused. With the new one: all as before.
    const stale = await expectAppError(
      () => reopen(database, { secretKey: first }),
      "VALIDATION_FAILED",
    );
    expect(stale.message).toContain(`encrypted with key ${next.id} (2 values)`);
    const restarted = await reopen(database, { secretKey: next });
    await signInWithCode(restarted);
    await expectSigning(restarted, fingerprint);
  });
});
