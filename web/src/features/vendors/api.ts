import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type {
  Cuec,
  Vendor,
  VendorDetail,
  VendorInventory,
  VendorReport,
  VendorReview,
} from "../../api/types.ts";
import { uploadMultipart } from "../../api/upload.ts";

export const vendorsKey = (org: string) => ["orgs", org, "vendors"] as const;

const vendorPath = (org: string, ref: string, rest = "") =>
  orgPath(org, `/vendors/${encodeURIComponent(ref)}${rest}`);

export function useVendors(org: string) {
  return useQuery({
    queryKey: [...vendorsKey(org), "inventory"],
    queryFn: ({ signal }) => api<VendorInventory>(orgPath(org, "/vendors"), { signal }),
  });
}

export function useVendor(org: string, ref: string) {
  return useQuery({
    queryKey: [...vendorsKey(org), "vendor", ref],
    queryFn: ({ signal }) => api<VendorDetail>(vendorPath(org, ref), { signal }),
  });
}

/** A vendor change moves readiness, tasks and the draft report's DC7: refresh the org. */
function useInvalidateOrg(org: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["orgs", org] });
}

export interface VendorInput {
  name: string;
  service: string;
  tier: number;
  owner: string | null;
  dataShared: string[];
  subservice: string | null;
  reliedControls: { text: string; criteria: string[] }[];
  website: string;
  contractStart: string | null;
  contractEnd: string | null;
  notes: string;
}

export function useCreateVendor(org: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: VendorInput) =>
      api<Vendor>(orgPath(org, "/vendors"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

/** Every field is sent; the server records only what changed (from → to) in the history. */
export function useUpdateVendor(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: VendorInput) =>
      api<Vendor>(vendorPath(org, ref), { method: "PATCH", body: input }),
    onSuccess: invalidate,
  });
}

export interface ReportMetadata {
  type: string;
  from: string;
  to: string;
  opinion: string | null;
  cuecs: string[];
}

export function useAddReport(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: ({ metadata, file }: { metadata: ReportMetadata; file: File }) =>
      uploadMultipart<VendorReport>(vendorPath(org, ref, "/reports"), metadata, file, () => {})
        .done,
    onSuccess: invalidate,
  });
}

/** A bridge letter for one of the vendor's reports: the file and the days it covers. */
export function useAddBridgeLetter(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: ({
      report,
      metadata,
      file,
    }: {
      report: string;
      metadata: { from: string; to: string };
      file: File;
    }) =>
      uploadMultipart<VendorReport>(
        vendorPath(org, ref, `/reports/${encodeURIComponent(report)}/bridge-letter`),
        metadata,
        file,
        () => {},
      ).done,
    onSuccess: invalidate,
  });
}

export function useMapCuec(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: ({ cuec, controls }: { cuec: string; controls: string[] }) =>
      api<Cuec>(vendorPath(org, ref, `/cuecs/${encodeURIComponent(cuec)}`), {
        method: "PUT",
        body: { controls },
      }),
    onSuccess: invalidate,
  });
}

export function useRecordReview(org: string, ref: string) {
  const invalidate = useInvalidateOrg(org);
  return useMutation({
    mutationFn: (input: { checked: string[]; outcome: string; notes: string }) =>
      api<VendorReview>(vendorPath(org, ref, "/reviews"), { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}
