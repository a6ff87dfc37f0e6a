/**
 * The owner's calls that both the world's builder and several areas' `prepare`s make, and the
 * dates and engagement kinds they share: one copy, so the areas cannot drift apart.
 */
import type { Call, World } from "./types.ts";

export const TYPE2_PERIOD = { from: "2025-01-01", to: "2025-12-31" };
/** Inside the Type 2 period, so an assigned auditor sees the evidence. */
export const EVIDENCE_DATE = "2025-06-30";

export const TYPE1 = { type: 1, asOf: "2025-12-31", auditFirm: "Matrix & Co" };
export const TYPE2 = { type: 2, ...TYPE2_PERIOD, auditFirm: "Matrix & Co" };

/** The `prepare` of a route that needs nothing arranged. */
export const none = (): Promise<Call> => Promise.resolve({ params: {} });

/** Throws, naming the step, when an arranging call fails: a broken setup must not pass as a 403. */
export async function expectStatus(
  response: Promise<{ statusCode: number; body: string; json<T>(): T }>,
  status: number,
  what: string,
) {
  const answer = await response;
  if (answer.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${answer.statusCode}: ${answer.body}`);
  }
  return answer;
}

/** The world's organization path, for a prepare's own calls. */
export function base(world: World): string {
  return `/api/v1/orgs/${world.slug}`;
}

export async function newLinkEvidence(world: World, controls: string[] = []): Promise<string> {
  const owner = world.clients.owner;
  const created = await expectStatus(
    owner.request("POST", `${base(world)}/evidence`, {
      title: `Evidence ${world.next()}`,
      link: `https://evidence.example/${world.prefix}/${world.next()}`,
      controls,
      forDate: EVIDENCE_DATE,
    }),
    201,
    "add evidence",
  );
  return created.json<{ id: string }>().id;
}

export async function newEngagement(world: World, body: object): Promise<string> {
  const owner = world.clients.owner;
  const created = await expectStatus(
    owner.request("POST", `${base(world)}/engagements`, body),
    201,
    "create engagement",
  );
  return created.json<{ id: string }>().id;
}

export async function assignAuditor(
  world: World,
  engagement: string,
  userId: string,
): Promise<void> {
  await expectStatus(
    world.clients.owner.request(
      "PUT",
      `${base(world)}/engagements/${engagement}/auditors/${userId}`,
    ),
    200,
    "assign auditor",
  );
}

/** A multipart evidence upload: the metadata field, then the file. */
export function multipartEvidence(metadata: object, text: string): Call & { body: string } {
  const boundary = "----attest-matrix-boundary";
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="metadata"',
    "",
    JSON.stringify(metadata),
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="matrix.txt"',
    "Content-Type: text/plain",
    "",
    text,
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return {
    params: {},
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
