import type { Command } from "commander";
import { AppError } from "../../domain/errors.ts";
import { buildEvidenceBundle } from "../../services/reporting/bundle/build-bundle.ts";
import { describeProblem } from "../../services/reporting/bundle/manifest.ts";
import { verifyBundle } from "../../services/reporting/bundle/verify-bundle.ts";
import type { BundleVerification } from "../../services/reporting/bundle/verify-bundle.ts";
import { organizationSigningKey } from "../../services/reporting/signing-keys.ts";
import { printJson } from "../io.ts";
import type { GlobalOptions, Runtime } from "../runtime.ts";
import { withActor } from "../runtime.ts";

function verdict(result: BundleVerification): string {
  const m = result.manifest;
  const what = m === null ? "" : ` of ${m.engagement} (${m.organization}, made ${m.generatedAt})`;
  const checked = `${result.entriesChecked} files (${result.bytesChecked} bytes) checked`;
  const key =
    result.key === "expected"
      ? "signed with the expected key"
      : `signature ${result.signature}${m === null ? "" : ` by ${m.signingKey.fingerprint}`}`;
  return `${result.ok ? "OK" : "FAILED"}: bundle${what}: ${checked}; ${key}.\n`;
}

export function registerBundle(program: Command, runtime: Runtime): void {
  const bundle = program
    .command("bundle")
    .description("Signed evidence bundles: build one for an engagement, verify one offline");

  bundle
    .command("build")
    .description("Write the engagement's evidence within its period as a signed ZIP")
    .argument("<engagement>", "engagement id or number (E-3)")
    .requiredOption("--out <file>", "where to write the ZIP")
    .action(async (handle: string, options: { out: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const summary = await withActor(runtime, globals, (ctx, actor) =>
        buildEvidenceBundle(ctx, actor, handle, options.out),
      );
      if (globals.json) return printJson(runtime.io, { ...summary, out: options.out });
      runtime.io.out(
        `Wrote ${options.out} for ${summary.engagement}: ${summary.files} evidence ` +
          `item${summary.files === 1 ? "" : "s"}, ` +
          `${summary.evidenceBytes} bytes of evidence, ${summary.zipBytes} bytes in all.\n` +
          `Signed with ${summary.signingKey.algorithm} key ${summary.signingKey.fingerprint}\n`,
      );
    });

  bundle
    .command("verify")
    .description(
      "Check a bundle's signature and every file's hash, offline; exit 6 naming each problem",
    )
    .argument("<file>", "the bundle (ZIP)")
    .option("--key <key>", "the key it must be signed with: fingerprint (SHA256:…), base64 or PEM")
    .action(async (file: string, options: { key?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // Deliberately no withActor/withContext: verifying reads the file alone, so it works on
      // a machine with no Attest database, and never opens or migrates one.
      const result = await verifyBundle(
        file,
        options.key === undefined ? {} : { expectedKey: options.key },
      );
      if (globals.json) printJson(runtime.io, result);
      else {
        for (const problem of result.problems) runtime.io.out(`${describeProblem(problem)}\n`);
        runtime.io.out(verdict(result));
        if (result.ok && result.key === "not-checked") {
          runtime.io.out(
            "The key was not compared with the organization's: give --key with the " +
              "fingerprint it shows (attest signing-key) to know who signed the bundle.\n",
          );
        }
      }
      if (!result.ok) {
        const count = result.problems.length;
        throw new AppError(
          "INVALID_STATE",
          `the bundle does not verify: ${count} problem${count === 1 ? "" : "s"}`,
        );
      }
    });

  program
    .command("signing-key")
    .description("The organization's public key for evidence bundles (made on first use)")
    .action(async (_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const key = await withActor(runtime, globals, organizationSigningKey);
      if (globals.json) return printJson(runtime.io, key);
      runtime.io.out(
        `Algorithm    ${key.algorithm}\n` +
          `Public key   ${key.publicKey}   (raw 32 bytes, base64)\n` +
          `Fingerprint  ${key.fingerprint}\n` +
          `Created      ${key.createdAt}\n`,
      );
    });
}
