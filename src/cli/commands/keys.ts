import type { Command } from "commander";
import { SecretKey } from "../../services/platform/secret-box.ts";
import { rotateSecretKey, secretKeyStatus } from "../../services/platform/secrets-at-rest.ts";
import { printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { operatorPrincipal, withContext } from "../runtime.ts";
import { UsageError } from "../usage.ts";

/** Where the new key of an ATTEST_SECRET_KEY installation comes from: a variable, never argv. */
function keyFromEnvironment(runtime: Runtime, name: string | undefined): SecretKey | null {
  if (name === undefined) return null;
  const text = runtime.env[name];
  if (text === undefined || text === "") {
    throw new UsageError(`--new-key-env ${name}: the variable ${name} is not set`);
  }
  return SecretKey.fromBase64(text, name);
}

/**
 * The operator's key that seals the stored TOTP seeds and signing keys. Only its id is ever
 * printed: the key itself stays in its file or variable.
 */
export function registerKeys(program: Command, runtime: Runtime): void {
  const keys = program
    .command("keys")
    .description("The key sealing stored two-factor secrets and signing keys: its id and source")
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const status = await withContext(runtime, async (ctx) => secretKeyStatus(ctx));
      if (globals.json) return printJson(runtime.io, status);
      runtime.io.out(`Key ${status.keyId}, from ${status.keyFile ?? "ATTEST_SECRET_KEY"}\n`);
    });

  keys
    .command("rotate")
    .description(
      "Seal every stored two-factor secret and signing key with a new key, in one transaction",
    )
    .option(
      "--new-key-env <name>",
      "with ATTEST_SECRET_KEY: the variable holding the new key (base64 of 32 bytes)",
    )
    .action(async (options: { newKeyEnv?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const newKey = keyFromEnvironment(runtime, options.newKeyEnv);
      const rotation = await withContext(runtime, (ctx) =>
        rotateSecretKey(ctx, operatorPrincipal(), newKey),
      );
      if (globals.json) return printJson(runtime.io, rotation);
      runtime.io.out(
        `Key ${rotation.previousKeyId} replaced by ${rotation.keyId}: ` +
          `${rotation.totpSecrets} two-factor secret(s), ${rotation.signingKeys} signing ` +
          `key(s), ${rotation.channelSecrets} notification channel secret(s) and ` +
          `${rotation.connectorCredentials} connector credential(s) sealed again.\n` +
          (rotation.keyFile === null
            ? `Start Attest with ATTEST_SECRET_KEY set to the key in ${options.newKeyEnv ?? ""}; ` +
              "the old key no longer opens anything.\n"
            : `The new key is in ${rotation.keyFile}; keep a copy of it apart from the database's backups.\n`),
      );
    });
}
