/** Routes of src/server/routes/findings.ts: the list, imports, one finding, triage, evidence. */
import { sarifLog } from "../../support/findings-files.ts";
import { base, expectStatus, none } from "./arrange.ts";
import type { Call, OrgRoute, World } from "./types.ts";

const BOUNDARY = "matrix-findings-boundary";

/** A SARIF file with one result of its own, as a multipart upload. */
export function sarifUpload(world: World, label: string): Pick<Call, "body" | "headers"> {
  const file = sarifLog([
    { rule: `matrix/${label}`, file: `src/${world.prefix}/${label}-${world.next()}.ts`, line: 1 },
  ]);
  const body =
    `--${BOUNDARY}\r\n` +
    `Content-Disposition: form-data; name="file"; filename="${label}.sarif"\r\n` +
    "Content-Type: application/sarif+json\r\n\r\n" +
    `${file}\r\n--${BOUNDARY}--\r\n`;
  return { body, headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` } };
}

/**
 * Imports a fresh finding as the owner and returns its id: a uuid, since refs (F-1) are numbered
 * per organization and another organization's F-1 is a different finding.
 */
export async function newFinding(world: World, label: string): Promise<string> {
  const owner = world.clients.owner;
  const upload = sarifUpload(world, label);
  await expectStatus(
    owner.request("POST", `${base(world)}/findings/imports/sarif`, upload.body, upload.headers),
    201,
    "import findings",
  );
  const list = await expectStatus(
    owner.request("GET", `${base(world)}/findings?limit=1`),
    200,
    "list findings",
  );
  const id = list.json<{ items: { id: string }[] }>().items[0]?.id;
  if (id === undefined) throw new Error("no finding after the import");
  return id;
}

export const FINDING_ROUTES: readonly OrgRoute[] = [
  { method: "GET", path: "/findings", action: "finding:read", status: 200, prepare: none },
  { method: "GET", path: "/findings/imports", action: "finding:read", status: 200, prepare: none },
  {
    method: "POST",
    path: "/findings/imports/:source",
    action: "finding:import",
    status: 201,
    prepare: async (world, role) => ({
      params: { source: "sarif" },
      ...sarifUpload(world, `import-${role}`),
    }),
  },
  {
    method: "POST",
    path: "/findings/evidence",
    action: "finding:triage",
    status: 201,
    // The world's clock stands on its first day, when its findings were imported.
    prepare: async (world) => {
      const first = await expectStatus(
        world.clients.owner.request("GET", `${base(world)}/findings?limit=1`),
        200,
        "list findings",
      );
      const day = first.json<{ items: { firstSeenAt: string }[] }>().items[0]?.firstSeenAt ?? "";
      return { params: {}, body: { from: day.slice(0, 10), to: day.slice(0, 10) } };
    },
  },
  {
    method: "GET",
    path: "/findings/:finding",
    action: "finding:read",
    status: 200,
    resources: { finding: "finding" },
    prepare: async (world) => ({ params: { finding: world.ids.finding } }),
  },
  {
    method: "POST",
    path: "/findings/:finding/triage",
    action: "finding:triage",
    status: 200,
    resources: { finding: "finding" },
    prepare: async (world, role) => ({
      params: { finding: await newFinding(world, `triage-${role}`) },
      body: { decision: "false-positive", reason: `Triaged by the matrix as ${role}.` },
    }),
  },
];
