import { beforeEach, describe, expect, it } from "vitest";
import type { TestContext } from "../../../test/support/database.ts";
import { operator } from "../../../test/support/fixtures.ts";
import { invite, useApi } from "../../../test/support/http.ts";
import type { Api, Client } from "../../../test/support/http.ts";
import { actorIn } from "../../domain/actor.ts";
import { updateControl } from "../../services/program/controls.service.ts";
import { addEvidence } from "../../services/program/evidence.service.ts";

let t: TestContext;
let api: Api;
let owner: Client;
let org: string;
let auditor: Client;
let item: string;
useApi((s) => ({ t, api, owner, org } = s));

const path = (rest: string) => `/api/v1/orgs/${org}/engagements/E-1${rest}`;
const BOUNDARY = "----workpaper-test";

function upload(name: string, text: string) {
  const body = [
    `--${BOUNDARY}`,
    `Content-Disposition: form-data; name="file"; filename="${name}"`,
    "Content-Type: text/plain",
    "",
    text,
    `--${BOUNDARY}--`,
    "",
  ].join("\r\n");
  return [body, { "content-type": `multipart/form-data; boundary=${BOUNDARY}` }] as const;
}

beforeEach(async () => {
  const shown = await owner.request("GET", `/api/v1/orgs/${org}`);
  const actor = actorIn(operator, shown.json<{ id: string }>().id, "owner");
  await updateControl(t.ctx, actor, "GV-11", { status: "implemented" });
  for (const month of ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]) {
    await addEvidence(
      t.ctx,
      actor,
      { kind: "link", url: `https://tracker.test/${month}` },
      { title: `Deficiency review ${month}`, controls: ["GV-11"], forDate: month },
    );
  }
  const created = await owner.request("POST", `/api/v1/orgs/${org}/engagements`, {
    type: 2,
    from: "2025-01-01",
    to: "2025-12-31",
    auditFirm: "Ledger & Co",
  });
  expect(created.statusCode, created.body).toBe(201);
  for (let i = 0; i < 3; i += 1) {
    expect((await owner.request("POST", path("/advance"), {})).statusCode).toBe(200);
  }
  auditor = await invite(api, owner, org, "auditor", "dana@ledger.example");
  const assigned = await owner.request("PUT", path(`/auditors/${auditor.session?.user.id}`));
  expect(assigned.statusCode, assigned.body).toBe(200);
  const drawn = await auditor.request("POST", path("/sample"), { seed: "s" });
  expect(drawn.statusCode, drawn.body).toBe(201);
  const sample = drawn.json<{ controls: { controlRef: string; items: string[] }[] }>();
  item = sample.controls.find((c) => c.controlRef === "GV-11")?.items[0] ?? "";
});

describe("the auditor's workpaper files over HTTP", () => {
  it("are the auditor's alone: the owner's direct calls are refused and see no trace", async () => {
    const [body, headers] = upload("walkthrough-notes.txt", "what I saw on the call");
    const attached = await auditor.request(
      "POST",
      path(`/workpapers/GV-11/attachments?item=${item}`),
      body,
      headers,
    );
    expect(attached.statusCode, attached.body).toBe(201);
    const { id } = attached.json<{ id: string }>();
    const file = await auditor.request("GET", path(`/workpaper-attachments/${id}/file`));
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe("what I saw on the call");
    expect(file.headers["content-disposition"]).toContain("attachment");
    expect(file.headers["content-security-policy"]).toContain("sandbox");

    for (const [method, url] of [
      ["GET", path("/workpapers/GV-11/attachments")],
      ["GET", path(`/workpaper-attachments/${id}/file`)],
    ] as const) {
      const refused = await owner.request(method, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.body).not.toContain("what I saw");
    }
    const [again, ownerHeaders] = upload("owner.txt", "owner's try");
    const ownerUpload = await owner.request(
      "POST",
      path("/workpapers/GV-11/attachments"),
      again,
      ownerHeaders,
    );
    expect(ownerUpload.statusCode).toBe(403);

    for (const read of [
      path("/workpapers"),
      path("/workpapers/GV-11"),
      `/api/v1/orgs/${org}/evidence`,
    ]) {
      const seen = await owner.request("GET", read);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.body).not.toContain("walkthrough-notes");
      expect(seen.body).not.toContain(id);
    }
    const log = await owner.request("GET", `/api/v1/orgs/${org}/audit-log?limit=200`);
    expect(log.body).not.toContain("walkthrough-notes");
    const mine = await auditor.request("GET", path("/workpapers/GV-11"));
    expect(mine.json<{ attachments: { id: string }[] }>().attachments.map((a) => a.id)).toEqual([
      id,
    ]);

    // The signed workpapers carry the file (stored uncompressed, so its bytes show in the
    // answer); the owner is refused them outright.
    const zip = await auditor.request("GET", path("/workpapers.zip"));
    expect(zip.statusCode, zip.body).toBe(200);
    expect(zip.headers["content-type"]).toBe("application/zip");
    expect(zip.headers["x-signing-key-fingerprint"]).toMatch(/^SHA256:/);
    expect(zip.body).toContain(`attachments/GV-11/${id.slice(0, 8)}_walkthrough-notes.txt`);
    expect(zip.body).toContain("what I saw on the call");
    const ownerZip = await owner.request("GET", path("/workpapers.zip"));
    expect(ownerZip.statusCode).toBe(403);
    expect(ownerZip.body).not.toContain("what I saw");
  });

  it("are out of reach of an auditor not assigned to the engagement", async () => {
    const [body, headers] = upload("notes.txt", "assigned auditor's notes");
    const attached = await auditor.request(
      "POST",
      path("/workpapers/GV-11/attachments"),
      body,
      headers,
    );
    const { id } = attached.json<{ id: string }>();
    const other = await invite(api, owner, org, "auditor", "sam@other-firm.example");
    for (const url of [
      path("/workpapers/GV-11/attachments"),
      path(`/workpaper-attachments/${id}/file`),
      path("/workpapers.zip"),
    ]) {
      expect((await other.request("GET", url)).statusCode, url).toBe(404);
    }
  });

  it("records steps and attribute results, and the screen's answer carries labels and progress", async () => {
    const steps = await auditor.request("PUT", path("/workpapers/GV-11/steps"), {
      steps: ["Deficiency has an owner", "Reviewed within the month"],
    });
    expect(steps.statusCode, steps.body).toBe(200);
    const recorded = await auditor.request("POST", path(`/workpapers/GV-11/items/${item}`), {
      attributes: ["met", "not-met"],
      note: "Review held six weeks late.",
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const bad = await auditor.request("POST", path(`/workpapers/GV-11/items/${item}`), {
      attributes: ["sort of"],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("attributes");
    const screen = await auditor.request("GET", path("/workpapers"));
    const answer = screen.json<{
      progress: { sentence: string; tested: number };
      controls: { controlRef: string; items: { key: string; label: string; result: string }[] }[];
    }>();
    expect(answer.progress.tested).toBe(1);
    expect(answer.progress.sentence).toMatch(/^1 of 1 control concluded, 1 of \d+ items tested$/);
    const gv11 = answer.controls.find((c) => c.controlRef === "GV-11");
    expect(gv11?.items.find((i) => i.key === item)).toMatchObject({ result: "exception" });
    expect(gv11?.items[0]?.label).toMatch(/^[A-Z][a-z]+ 2025$/);
  });
});
