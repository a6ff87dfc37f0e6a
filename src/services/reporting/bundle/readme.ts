/** The README.txt placed in every evidence bundle: what it holds and how to check it. */
import type { SigningKeyInfo } from "./manifest.ts";
import { MANIFEST_PATH, SIGNATURE_PATH } from "./manifest.ts";

export interface ReadmeFacts {
  organization: string;
  engagement: string;
  window: { from: string; to: string };
  generatedAt: string;
  files: number;
  key: SigningKeyInfo;
}

export function readmeText(facts: ReadmeFacts): string {
  return `EVIDENCE BUNDLE: ${facts.organization}, engagement ${facts.engagement}
Made by Attest on ${facts.generatedAt}: ${facts.files} evidence items dated within
${facts.window.from} to ${facts.window.to}.

WHAT IS INSIDE

  ${MANIFEST_PATH}   Every file in this archive with its SHA-256 and size, the evidence item
                  it comes from (id, title, the controls it serves, the dates it is for, its
                  source, when and by whom it was added), and the signing key.
  ${SIGNATURE_PATH}    The Ed25519 signature over the exact bytes of ${MANIFEST_PATH}, in base64.
  evidence/       One folder per control. An item serving several controls is stored once,
                  in the folder of the first of them (by control id); the manifest lists all
                  of its controls, and under "controls" every control's files.
                  Links and structured records are small JSON files (.link.json and
                  .record.json); their "storedSha256" in the manifest is the SHA-256 Attest
                  keeps of the URL, or of the record's data as canonical JSON.
  README.txt      This file (its hash is in the manifest too).

THE SIGNING KEY

  Algorithm:   ${facts.key.algorithm}
  Public key:  ${facts.key.publicKey}   (the raw 32-byte key, base64)
  Fingerprint: ${facts.key.fingerprint}   (SHA-256 of those 32 bytes, base64)

  A signature only tells you who made the bundle if the key is the organization's. Compare
  the fingerprint with the one the organization gives you separately from this archive (Attest
  shows it with the command "attest signing-key" and at /api/v1/orgs/ORG/signing-key).

CHECKING THE BUNDLE WITH ATTEST (no database or account needed)

  attest bundle verify THIS-FILE.zip --key ${facts.key.fingerprint}

  It checks the signature, that the key is the one given, and every file's size and SHA-256;
  it names each missing, extra or altered file and exits non-zero if anything is off.

CHECKING IT BY HAND (unzip, jq, openssl and sha256sum)

  1. The signature:
       jq -r .signingKey.publicKey ${MANIFEST_PATH} | base64 -d > key.raw
       { printf '302a300506032b6570032100' | xxd -r -p; cat key.raw; } > key.der
       openssl pkey -pubin -inform DER -in key.der -out key.pem
       base64 -d ${SIGNATURE_PATH} > manifest.sig.bin
       openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in ${MANIFEST_PATH} \\
         -sigfile manifest.sig.bin
  2. The fingerprint (add "SHA256:" in front and drop any trailing "="):
       openssl dgst -sha256 -binary key.raw | base64
  3. Every file:
       jq -r '(.files[], .readme) | "\\(.sha256)  \\(.path)"' ${MANIFEST_PATH} | sha256sum -c
     and check that the archive holds no file the manifest does not list.
`;
}
