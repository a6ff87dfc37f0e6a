/** The vendor inventory: vendors, their reports (multipart uploads), bridge letters, CUECs, reviews. */
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import {
  cuec,
  vendor,
  vendorDetail,
  vendorInventory,
  vendorReport,
  vendorReview,
} from "../../contracts/vendors.ts";
import { invalidField } from "../../domain/errors.ts";
import type { VendorReport } from "../../domain/vendor.ts";
import {
  bridgeLetterInput,
  createVendorInput,
  mapCuecInput,
  reviewInput,
  updateVendorInput,
} from "../../services/program/vendor-inputs.ts";
import {
  addBridgeLetter,
  addVendorReport,
  mapCuec,
} from "../../services/program/vendor-reports.service.ts";
import type { VendorFile } from "../../services/program/vendor-reports.service.ts";
import { recordVendorReview } from "../../services/program/vendor-reviews.service.ts";
import {
  createVendor,
  listVendorInventory,
  showVendor,
  updateVendor,
} from "../../services/program/vendors.service.ts";
import { multipartParts, readingPart, serviceInput } from "../body.ts";
import { orgRoute } from "../route.ts";
import type { Router } from "../route.ts";

const vendorParam = { vendor: z.string().min(1).max(200) };
const key = z.string().min(1).max(40);

/**
 * Reads the `metadata` JSON field, then hands the one `file` part, streaming, to `store`.
 * Nothing is stored before the metadata is read and the service has checked it.
 */
async function uploaded(
  request: FastifyRequest,
  describe: string,
  store: (metadata: unknown, file: VendorFile) => Promise<VendorReport>,
): Promise<VendorReport> {
  if (!request.isMultipart()) {
    throw invalidField(
      "file",
      `send multipart/form-data: a metadata field (${describe}), then the file`,
    );
  }
  let metadata: unknown;
  let done: VendorReport | undefined;
  for await (const part of multipartParts(request)) {
    if (part.type === "field" && part.fieldname === "metadata") {
      try {
        metadata = JSON.parse(String(part.value));
      } catch {
        throw invalidField("metadata", `must be JSON: ${describe}`);
      }
    } else if (part.type === "file") {
      if (metadata === undefined || done !== undefined) {
        part.file.resume();
        throw invalidField(
          done === undefined ? "metadata" : "file",
          done === undefined
            ? "send the metadata field before the file"
            : "send one file per request",
        );
      }
      const content = part.file;
      const file = { content, fileName: part.filename, mediaType: part.mimetype };
      const chosen = metadata;
      done = await readingPart(content, () => store(chosen, file));
    }
  }
  if (done === undefined) throw invalidField("file", "missing: send it after the metadata field");
  return done;
}

export function registerVendorRoutes(router: Router): void {
  const { ctx } = router;
  orgRoute(router, {
    method: "GET",
    url: "/vendors",
    tag: "vendors",
    summary: "The vendor inventory, each vendor with its current report's flags and review due day",
    response: vendorInventory,
    reuse: true,
    handler: async ({ actor }) => listVendorInventory(ctx, actor),
  });
  orgRoute(router, {
    method: "POST",
    url: "/vendors",
    tag: "vendors",
    summary: "Add a vendor to the inventory",
    response: vendor,
    body: createVendorInput,
    status: 201,
    handler: async ({ actor, body }) => createVendor(ctx, actor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "GET",
    url: "/vendors/:vendor",
    tag: "vendors",
    summary: "A vendor (V-3, its id or its name) with its reports, CUECs, reviews and history",
    response: vendorDetail,
    params: vendorParam,
    handler: async ({ actor, params }) => showVendor(ctx, actor, params.vendor),
  });
  orgRoute(router, {
    method: "PATCH",
    url: "/vendors/:vendor",
    tag: "vendors",
    summary: "Change a vendor (tier, owner, subservice method, controls relied on…)",
    response: vendor,
    params: vendorParam,
    body: updateVendorInput,
    handler: async ({ actor, params, body }) =>
      updateVendor(ctx, actor, params.vendor, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/vendors/:vendor/reports",
    tag: "vendors",
    summary:
      "Add a vendor's SOC or ISO report: multipart, a `metadata` JSON field ({type, from, to, opinion, cuecs}), then the `file`",
    response: vendorReport,
    params: vendorParam,
    status: 201,
    handler: async ({ actor, params, request }) =>
      uploaded(request, "{type, from, to, opinion, cuecs}", (metadata, file) =>
        addVendorReport(ctx, actor, params.vendor, serviceInput(metadata), file),
      ),
  });
  orgRoute(router, {
    method: "POST",
    url: "/vendors/:vendor/reports/:report/bridge-letter",
    tag: "vendors",
    summary:
      "File a bridge letter for a report: multipart, a `metadata` JSON field ({from, to}), then the `file`",
    response: vendorReport,
    params: { ...vendorParam, report: key },
    status: 201,
    handler: async ({ actor, params, request }) =>
      uploaded(request, "{from, to}", (metadata, file) =>
        addBridgeLetter(
          ctx,
          actor,
          params.vendor,
          params.report,
          serviceInput<z.input<typeof bridgeLetterInput>>(metadata),
          file,
        ),
      ),
  });
  orgRoute(router, {
    method: "PUT",
    url: "/vendors/:vendor/cuecs/:cuec",
    tag: "vendors",
    summary: "Map a CUEC to the controls of ours that address it (an empty list unmaps it)",
    response: cuec,
    params: { ...vendorParam, cuec: key },
    body: mapCuecInput,
    handler: async ({ actor, params, body }) =>
      mapCuec(ctx, actor, params.vendor, params.cuec, serviceInput(body)),
  });
  orgRoute(router, {
    method: "POST",
    url: "/vendors/:vendor/reviews",
    tag: "vendors",
    summary: "Record the vendor's yearly review; it is filed as evidence for RM-06 and RM-07",
    response: vendorReview,
    params: vendorParam,
    body: reviewInput,
    status: 201,
    handler: async ({ actor, params, body }) =>
      recordVendorReview(ctx, actor, params.vendor, serviceInput(body)),
  });
}
