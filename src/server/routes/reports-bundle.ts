/** The signed evidence bundle of an engagement, and the organization's signing key. */
import { z } from "zod";
import { openEvidenceBundle } from "../../services/reporting/bundle/build-bundle.ts";
import { organizationSigningKey } from "../../services/reporting/signing-keys.ts";
import { signingKey } from "../../contracts/reports.ts";
import { fileAnswer, orgRoute } from "../route.ts";
import type { Router } from "../route.ts";
import { attachment } from "./downloads.ts";

const idParam = { id: z.string().min(1).max(100).describe("engagement id or E-number") };

export function registerBundleRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/engagements/:id/evidence-bundle",
    tag: "engagements",
    summary:
      "The engagement's evidence within its period, by control, as a ZIP with a manifest " +
      "signed by the organization's Ed25519 key (verify with `attest bundle verify`)",
    params: idParam,
    response: fileAnswer("application/zip"),
    handler: async ({ actor, params, reply }) => {
      // Every refusal is thrown here, before the answer starts; the ZIP then streams.
      const bundle = await openEvidenceBundle(ctx, actor, params.id);
      const { summary } = bundle;
      // A build that fails part-way (a corrupt stored file) then ends short of this length,
      // so no client mistakes the truncated answer for a whole bundle.
      const length = summary.zipBytes >= 0 ? summary.zipBytes : undefined;
      attachment(reply, summary.fileName, "application/zip", length).header(
        "x-signing-key-fingerprint",
        summary.signingKey.fingerprint,
      );
      return bundle.stream;
    },
  });
  orgRoute(router, {
    method: "GET",
    url: "/signing-key",
    tag: "organizations",
    summary:
      "The organization's public key for evidence bundles (Ed25519, raw key in base64, and " +
      "its SHA256 fingerprint), made with the organization",
    response: signingKey,
    handler: async ({ actor }) => organizationSigningKey(ctx, actor),
  });
}
