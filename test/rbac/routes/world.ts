/**
 * The organization every route call runs against: members in every role and a record of every
 * kind, built through the API as its owner. The route-matrix and tenant-isolation tests build
 * one (or two) before walking the table.
 */
import type { Api, Client } from "../../support/http.ts";
import { createOrgViaApi, invite } from "../../support/http.ts";
import { COMPLETE_DESCRIPTION } from "../../support/report.ts";
import {
  EVIDENCE_DATE,
  TYPE1,
  TYPE2,
  assignAuditor,
  base,
  expectStatus,
  newEngagement,
  newLinkEvidence,
  multipartEvidence,
} from "./arrange.ts";
import { publishedPolicyId } from "./policies.ts";
import { newPerson } from "./people.ts";
import { newFinding } from "./findings.ts";
import { newMonitor } from "./monitors.ts";
import { riskBody } from "./risks.ts";
import { worldVendor } from "./vendors.ts";
import { addMatrixWebhook } from "./notifications.ts";
import { newCampaign } from "./access-reviews.ts";
import type { World } from "./types.ts";

async function advance(world: World, engagement: string, steps: number): Promise<void> {
  for (let step = 0; step < steps; step += 1) {
    await expectStatus(
      world.clients.owner.request("POST", `${base(world)}/engagements/${engagement}/advance`, {}),
      200,
      "advance engagement",
    );
  }
}

/**
 * A Type 1 carried to its first final report: every control marked implemented before the scope
 * is frozen, tested as suitably designed, then the description filled in, the assertion
 * approved, the auditor's opinion recorded and the draft finalized. The auditor is assigned. The per-control calls (some 80
 * each) go out together: the organization's writers still take turns on its row lock, but the
 * requests' own work overlaps, which keeps the world quick to build.
 */
async function newReportEngagement(world: World): Promise<string> {
  const owner = world.clients.owner;
  const id = await newEngagement(world, TYPE1);
  const path = `${base(world)}/engagements/${id}`;
  await assignAuditor(world, id, world.ids.auditorUserId);
  // A control is concluded suitably designed only if it was in place when the scope was frozen.
  const listed = await expectStatus(
    owner.request("GET", `${base(world)}/controls?limit=500`),
    200,
    "list controls",
  );
  const controls = listed.json<{ items: { ref: string; status: string }[] }>().items;
  await Promise.all(
    controls
      .filter((c) => c.status !== "implemented")
      .map((control) =>
        expectStatus(
          owner.request("PATCH", `${base(world)}/controls/${control.ref}`, {
            status: "implemented",
          }),
          200,
          `mark ${control.ref} implemented`,
        ),
      ),
  );
  await advance(world, id, 3);
  const shown = await expectStatus(owner.request("GET", path), 200, "show engagement");
  const frozen = shown.json<{ snapshot: { controls: { ref: string }[] } }>().snapshot.controls;
  await Promise.all(
    frozen.map((control) =>
      expectStatus(
        owner.request("POST", `${path}/tests`, {
          control: control.ref,
          methods: ["inquiry", "inspection"],
          auditor: world.ids.auditorEmail,
          design: "suitably-designed",
        }),
        201,
        `test ${control.ref}`,
      ),
    ),
  );
  await advance(world, id, 1);
  await expectStatus(
    owner.request("PUT", `${path}/report/description`, COMPLETE_DESCRIPTION),
    200,
    "describe the system",
  );
  await expectStatus(owner.request("POST", `${path}/report/assertion/approve`), 200, "approve");
  // Finalizing needs the opinion, which only the assigned auditor records.
  await expectStatus(
    world.clients.auditor.request("PUT", `${path}/report/opinion`, {
      type: "unmodified",
      city: "Boston, Massachusetts",
    }),
    200,
    "record the opinion",
  );
  // The auditor dates and releases the report.
  await expectStatus(
    world.clients.auditor.request("POST", `${path}/report/finalize`, {}),
    201,
    "finalize",
  );
  return id;
}

/** An unused criterion for mapping; the owned control starts mapped to CC1.1 only. */
const MAP_CRITERION = "CC1.2";
const EXCLUDE_CRITERION = "CC9.2";

/**
 * Builds an organization as `owner`: members in every role (through real invitations), a
 * custom control owned by the control owner, evidence, engagements, an invitation and a token.
 */
export async function buildWorld(
  api: Api,
  owner: Client,
  name: string,
  prefix: string,
): Promise<World> {
  const slug = await createOrgViaApi(owner, name);
  const path = `/api/v1/orgs/${slug}`;
  const email = (local: string) => `${local}@${prefix}.example`;
  const admin = await invite(api, owner, slug, "admin", email("admin"));
  const controlOwner = await invite(api, owner, slug, "control-owner", email("control-owner"));
  const employee = await invite(api, owner, slug, "employee", email("employee"));
  const auditor = await invite(api, owner, slug, "auditor", email("auditor"));
  const spare = await invite(api, owner, slug, "auditor", email("spare-auditor"));
  const target = await invite(api, owner, slug, "employee", email("target"));
  let counter = 0;
  const userId = (client: Client) => {
    if (client.session === null) throw new Error("not signed in");
    return client.session.user.id;
  };

  const ownedControl = `${prefix.toUpperCase()}-OWNED-01`;
  await expectStatus(
    owner.request("POST", `${path}/controls`, {
      ref: ownedControl,
      title: "Owned by the control owner",
      description: "A control the matrix changes as its owner.",
      kind: "preventive",
      automation: "manual",
      frequency: "quarterly",
      owner: email("control-owner"),
      criteria: ["CC1.1"],
    }),
    201,
    "create control",
  );

  const ownedEventControl = `${prefix.toUpperCase()}-OWNED-02`;
  await expectStatus(
    owner.request("POST", `${path}/controls`, {
      ref: ownedEventControl,
      title: "Changes reviewed, owned by the control owner",
      description: "An event-driven control whose population the matrix imports.",
      kind: "preventive",
      automation: "manual",
      frequency: "event-driven",
      owner: email("control-owner"),
      criteria: ["CC8.1"],
    }),
    201,
    "create event-driven control",
  );

  const world: World = {
    api,
    slug,
    prefix,
    clients: {
      owner,
      admin,
      "control-owner": controlOwner,
      employee,
      auditor,
    },
    ids: {
      organization: "",
      ownedControl,
      ownedEventControl,
      unownedControl: "AC-01",
      mapCriterion: MAP_CRITERION,
      excludeCriterion: EXCLUDE_CRITERION,
      linkEvidence: "",
      fileEvidence: "",
      sampledEngagement: "",
      openEngagement: "",
      hiddenEngagement: "",
      reportEngagement: "",
      sampledControl: "",
      sampledItem: "",
      auditorUserId: userId(auditor),
      auditorEmail: email("auditor"),
      spareAuditorUserId: userId(spare),
      targetUserId: userId(target),
      invitation: "",
      token: "",
      ownerSession: "",
      policy: "",
      risk: "",
      riskAssessment: "",
      vendor: "",
      vendorReport: "",
      cuec: "",
      notificationChannel: "",
      person: "",
      personStep: "",
      finding: "",
      monitor: "",
      accessReview: "",
    },
    next: () => {
      counter += 1;
      return counter;
    },
  };

  const organization = await expectStatus(owner.request("GET", path), 200, "show organization");
  world.ids.organization = organization.json<{ id: string }>().id;
  world.ids.linkEvidence = await newLinkEvidence(world, [ownedControl]);
  const upload = multipartEvidence(
    { title: "Uploaded file", controls: [ownedControl], forDate: EVIDENCE_DATE },
    `file evidence of ${prefix}`,
  );
  const file = await expectStatus(
    owner.request("POST", `${path}/evidence`, upload.body, upload.headers),
    201,
    "upload evidence",
  );
  world.ids.fileEvidence = file.json<{ id: string }>().id;

  world.ids.sampledEngagement = await newEngagement(world, TYPE2);
  world.ids.openEngagement = await newEngagement(world, TYPE2);
  world.ids.hiddenEngagement = await newEngagement(world, TYPE1);
  for (const engagement of [world.ids.sampledEngagement, world.ids.openEngagement]) {
    await advance(world, engagement, 3);
    await assignAuditor(world, engagement, world.ids.auditorUserId);
  }
  // Only the assigned auditor draws a sample.
  const drawn = await expectStatus(
    auditor.request("POST", `${path}/engagements/${world.ids.sampledEngagement}/sample`, {
      seed: "matrix",
    }),
    201,
    "draw sample",
  );
  const sampled = drawn
    .json<{ controls: { controlRef: string; items: string[] }[] }>()
    .controls.find((c) => c.items.length > 0);
  if (sampled === undefined) throw new Error("the sample has no items");
  world.ids.sampledControl = sampled.controlRef;
  world.ids.sampledItem = sampled.items[0] ?? "";
  await expectStatus(
    owner.request("POST", `${path}/engagements/${world.ids.sampledEngagement}/items`, {
      control: world.ids.sampledControl,
      item: world.ids.sampledItem,
      result: "exception",
      description: "No review was recorded for this occurrence.",
      auditor: world.ids.auditorEmail,
    }),
    201,
    "record exception",
  );
  world.ids.reportEngagement = await newReportEngagement(world);

  const invitation = await expectStatus(
    owner.request("POST", `${path}/invitations`, { email: email("pending"), role: "employee" }),
    201,
    "invite",
  );
  world.ids.invitation = invitation.json<{ invitation: { id: string } }>().invitation.id;
  const token = await expectStatus(
    owner.request("POST", `${path}/tokens`, { name: "owner-read", scopes: ["read"] }),
    201,
    "create token",
  );
  world.ids.token = token.json<{ token: { id: string } }>().token.id;
  const sessions = await expectStatus(
    owner.request("GET", "/api/v1/account/sessions"),
    200,
    "list sessions",
  );
  const current = sessions
    .json<{ items: { id: string; current: boolean }[] }>()
    .items.find((s) => s.current);
  world.ids.ownerSession = current?.id ?? "";
  world.ids.policy = await publishedPolicyId(world);
  const risk = await expectStatus(
    owner.request("POST", `${path}/risks`, riskBody(`The ${prefix} world's own risk`)),
    201,
    "write risk",
  );
  world.ids.risk = risk.json<{ id: string }>().id;
  const assessment = await expectStatus(
    owner.request("POST", `${path}/risk-assessments`, { participants: [email("owner")] }),
    201,
    "record risk assessment",
  );
  world.ids.riskAssessment = assessment.json<{ id: string }>().id;
  const vendor = await worldVendor(world);
  world.ids.vendor = vendor.vendor;
  world.ids.vendorReport = vendor.report;
  world.ids.cuec = vendor.cuec;
  world.ids.notificationChannel = await addMatrixWebhook(world);
  const person = await newPerson(world, "person");
  world.ids.person = person.id;
  const shown = await expectStatus(
    owner.request("GET", `${path}/people/${person.id}`),
    200,
    "show person",
  );
  world.ids.personStep =
    shown.json<{ checklists: { steps: { id: string }[] }[] }>().checklists[0]?.steps[0]?.id ?? "";
  world.ids.finding = await newFinding(world, "world");
  world.ids.monitor = await newMonitor(world, "world");
  // Access reviews (issue 16 part 3).
  world.ids.accessReview = await newCampaign(world, "control-owner");
  return world;
}
