/**
 * Direct-SQL tampering with the demo organization (`attest demo`), one case at a time: each
 * case changes rows behind the system's back, says what `audit-log verify` must report, and
 * puts the rows back, so every case is checked on its own against one demo.
 */
import type { Kysely } from "kysely";
import { openDatabase } from "../../src/db/connect.ts";
import type { Db } from "../../src/db/connect.ts";
import { canonicalJson } from "../../src/domain/audit-chain.ts";
import { sha256Hex } from "../../src/domain/digest.ts";
import type { Database } from "../../src/db/schema.ts";
import type { TestDatabase } from "./database.ts";

export interface Tampered {
  /** The records verify must report, as "target: problem". */
  expected: string[];
  /** Puts the rows back as they were. */
  undo(): Promise<void>;
}

export interface TamperCase {
  name: string;
  apply(db: Kysely<Database>): Promise<Tampered>;
}

/** A connection of its own to a test database, for tampering behind the CLI's back. */
export function openForTampering(database: TestDatabase): Db {
  return openDatabase(database.target);
}

const AUDITOR_EMAIL = "dana@ledger-co.example";

async function auditorId(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", AUDITOR_EMAIL)
    .executeTakeFirstOrThrow();
  return row.id;
}

export const TAMPER_CASES: TamperCase[] = [
  {
    name: "an evidence item and its links deleted outright, no tombstone",
    async apply(db) {
      // An item no other record points at (a request's answer, a checklist step, a vendor's
      // report or review, an assessment, an access review, a check result, a month of uptime):
      // those rows would keep it from being deleted at all.
      const pointedAt = new Set<string>();
      const refs = [
        db.selectFrom("audit_request_evidence").select("evidence_id as id"),
        db.selectFrom("person_steps").select("evidence_id as id"),
        db.selectFrom("background_checks").select("evidence_id as id"),
        db.selectFrom("vendor_reports").select("evidence_id as id"),
        db.selectFrom("vendor_reports").select("bridge_evidence_id as id"),
        db.selectFrom("vendor_reviews").select("evidence_id as id"),
        db.selectFrom("risk_assessments").select("evidence_id as id"),
        db.selectFrom("access_reviews").select("evidence_id as id"),
        db.selectFrom("access_review_accounts").select("done_evidence_id as id"),
        db.selectFrom("check_results").select("evidence_id as id"),
        db.selectFrom("monitor_months").select("evidence_id as id"),
      ];
      for (const query of refs) {
        for (const row of await query.execute()) if (row.id !== null) pointedAt.add(row.id);
      }
      const candidates = await db
        .selectFrom("evidence_controls")
        .innerJoin("evidence_items", "evidence_items.id", "evidence_controls.evidence_id")
        .select("evidence_items.id")
        .where("evidence_items.removed_at", "is", null)
        .orderBy("evidence_items.added_at")
        .execute();
      const link = candidates.find((c) => !pointedAt.has(c.id));
      if (link === undefined) throw new Error("no evidence item that nothing else points at");
      const item = await db
        .selectFrom("evidence_items")
        .selectAll()
        .where("id", "=", link.id)
        .executeTakeFirstOrThrow();
      const links = await db
        .selectFrom("evidence_controls")
        .selectAll()
        .where("evidence_id", "=", item.id)
        .execute();
      // One transaction: a referrer missing from the list above fails the case whole instead
      // of leaving the links deleted for the cases after it.
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("evidence_controls").where("evidence_id", "=", item.id).execute();
        await trx.deleteFrom("evidence_items").where("id", "=", item.id).execute();
      });
      return {
        expected: [
          `evidence ${item.id}: the trail records “${item.title}” as added but its record is gone`,
        ],
        undo: async () => {
          await db.insertInto("evidence_items").values(item).execute();
          await db.insertInto("evidence_controls").values(links).execute();
        },
      };
    },
  },
  {
    name: "rows of engagement_results deleted",
    async apply(db) {
      const exception = await db
        .selectFrom("engagement_results")
        .selectAll()
        .where("result", "=", "exception")
        .executeTakeFirstOrThrow();
      const passed = await db
        .selectFrom("engagement_results")
        .selectAll()
        .where("result", "=", "pass")
        .orderBy("control_ref")
        .orderBy("item_key")
        .executeTakeFirstOrThrow();
      const rows = [passed, exception];
      for (const row of rows) {
        await db
          .deleteFrom("engagement_results")
          .where("sample_id", "=", row.sample_id)
          .where("control_ref", "=", row.control_ref)
          .where("item_key", "=", row.item_key)
          .execute();
      }
      return {
        expected: rows
          .map(
            (row) =>
              `result E-1 ${row.control_ref} ${row.item_key}: ` +
              `the trail records it as ${row.result} but its record is gone`,
          )
          .sort(),
        undo: async () => {
          await db.insertInto("engagement_results").values(rows).execute();
        },
      };
    },
  },
  {
    name: "an engagement_tests row changed (design, tester, methods)",
    async apply(db) {
      const test = await db
        .selectFrom("engagement_tests")
        .selectAll()
        .orderBy("control_ref")
        .executeTakeFirstOrThrow();
      const methods = (JSON.parse(test.methods) as string[]).join(", ");
      await db
        .updateTable("engagement_tests")
        .set({ design: "suitably-designed", tester: "Mallory", methods: '["inquiry"]' })
        .where("engagement_id", "=", test.engagement_id)
        .where("control_ref", "=", test.control_ref)
        .execute();
      const target = `test E-1 ${test.control_ref}`;
      return {
        expected: [
          `${target}: its design conclusion is suitably-designed but was recorded as none`,
          `${target}: its methods are inquiry but were recorded as ${methods}`,
          `${target}: its tester is Mallory but was recorded as ${test.tester}`,
        ],
        undo: async () => {
          await db
            .updateTable("engagement_tests")
            .set({ design: test.design, tester: test.tester, methods: test.methods })
            .where("engagement_id", "=", test.engagement_id)
            .where("control_ref", "=", test.control_ref)
            .execute();
        },
      };
    },
  },
  {
    name: "the final report's opinion changed in its stored package",
    async apply(db) {
      const before = await db
        .selectFrom("report_versions")
        .select(["id", "package", "sha256"])
        .executeTakeFirstOrThrow();
      await db
        .updateTable("report_versions")
        .set((eb) => ({
          package: eb.fn<string>("replace", [
            "package",
            eb.val('"unmodified"'),
            eb.val('"adverse"'),
          ]),
        }))
        .execute();
      const after = await db
        .selectFrom("report_versions")
        .select("package")
        .where("id", "=", before.id)
        .executeTakeFirstOrThrow();
      if (after.package === before.package) throw new Error("the package has no opinion to alter");
      const altered = sha256Hex(canonicalJson(JSON.parse(after.package)));
      return {
        expected: [
          `report E-1 version 1: its stored package hashes to ${altered}, ` +
            `not to the ${before.sha256} recorded when it was finalized`,
        ],
        undo: async () => {
          await db
            .updateTable("report_versions")
            .set({ package: before.package })
            .where("id", "=", before.id)
            .execute();
        },
      };
    },
  },
  {
    name: "a member made owner (update memberships set role = 'owner')",
    async apply(db) {
      const dana = await auditorId(db);
      await db
        .updateTable("memberships")
        .set({ role: "owner" })
        .where("user_id", "=", dana)
        .execute();
      return {
        expected: [`member ${AUDITOR_EMAIL}: their role is owner but the trail says auditor`],
        undo: async () => {
          await db
            .updateTable("memberships")
            .set({ role: "auditor" })
            .where("user_id", "=", dana)
            .execute();
        },
      };
    },
  },
  {
    name: "a member added behind the system's back",
    async apply(db) {
      const org = await db.selectFrom("organizations").select("id").executeTakeFirstOrThrow();
      const at = "2026-11-27T16:00:00.000Z";
      await db
        .insertInto("users")
        .values({
          id: "mallory",
          email: "mallory@evil.example",
          name: "Mallory",
          password_hash: "x",
          totp_secret: null,
          totp_enabled_at: null,
          totp_last_step: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db
        .insertInto("memberships")
        .values({ organization_id: org.id, user_id: "mallory", role: "admin", created_at: at })
        .execute();
      return {
        expected: [
          "member mallory@evil.example: they are a member as admin but the trail records no membership",
        ],
        undo: async () => {
          await db.deleteFrom("memberships").where("user_id", "=", "mallory").execute();
          await db.deleteFrom("users").where("id", "=", "mallory").execute();
        },
      };
    },
  },
  {
    name: "an accepted invitation revived as an owner's",
    async apply(db) {
      const invitation = await db.selectFrom("invitations").selectAll().executeTakeFirstOrThrow();
      await db
        .updateTable("invitations")
        .set({ role: "owner", accepted_at: null })
        .where("id", "=", invitation.id)
        .execute();
      return {
        expected: [
          `invitation ${invitation.id}: its acceptance is none but was recorded as ${invitation.accepted_at}`,
          `invitation ${invitation.id}: its role is owner but was recorded as ${invitation.role}`,
        ],
        undo: async () => {
          await db
            .updateTable("invitations")
            .set({ role: invitation.role, accepted_at: invitation.accepted_at })
            .where("id", "=", invitation.id)
            .execute();
        },
      };
    },
  },
  {
    name: "the auditor unassigned behind the system's back",
    async apply(db) {
      const rows = await db.selectFrom("engagement_assignments").selectAll().execute();
      await db.deleteFrom("engagement_assignments").execute();
      return {
        expected: rows.map(
          (row) =>
            `assignment E-1 ${row.user_id}: ` +
            "the trail says this auditor is assigned but the assignment is gone",
        ),
        undo: async () => {
          await db.insertInto("engagement_assignments").values(rows).execute();
        },
      };
    },
  },
  {
    name: "the share link's expiry pushed out",
    async apply(db) {
      const link = await db.selectFrom("share_links").selectAll().executeTakeFirstOrThrow();
      await db
        .updateTable("share_links")
        .set({ expires_at: "2099-01-01T00:00:00.000Z" })
        .where("id", "=", link.id)
        .execute();
      return {
        expected: [
          `share link ${link.id}: its expiry is 2099-01-01T00:00:00.000Z but was recorded as ${link.expires_at}`,
        ],
        undo: async () => {
          await db
            .updateTable("share_links")
            .set({ expires_at: link.expires_at })
            .where("id", "=", link.id)
            .execute();
        },
      };
    },
  },
  {
    name: "the engagement's period and frozen scope changed",
    async apply(db) {
      const engagement = await db.selectFrom("engagements").selectAll().executeTakeFirstOrThrow();
      const snapshot = JSON.parse(engagement.snapshot ?? "null") as {
        controls: { ref: string }[];
      };
      snapshot.controls = snapshot.controls.slice(1);
      await db
        .updateTable("engagements")
        .set({ period_from: "2026-04-01", snapshot: JSON.stringify(snapshot) })
        .where("id", "=", engagement.id)
        .execute();
      return {
        expected: [
          "engagement E-1: its frozen scope differs from the one recorded",
          `engagement E-1: its period is 2026-04-01..${engagement.period_to} ` +
            `but was recorded as ${engagement.period_from}..${engagement.period_to}`,
        ],
        undo: async () => {
          await db
            .updateTable("engagements")
            .set({ period_from: engagement.period_from, snapshot: engagement.snapshot })
            .where("id", "=", engagement.id)
            .execute();
        },
      };
    },
  },
  {
    name: "the sample's drawn items changed",
    async apply(db) {
      const sample = await db
        .selectFrom("engagement_samples")
        .selectAll()
        .where("superseded_at", "is", null)
        .executeTakeFirstOrThrow();
      const controls = JSON.parse(sample.data) as { items: string[] }[];
      const drawn = controls.find((c) => c.items.length > 1);
      if (drawn === undefined) throw new Error("no control has two sampled items");
      drawn.items = drawn.items.slice(1);
      await db
        .updateTable("engagement_samples")
        .set({ data: JSON.stringify(controls) })
        .where("id", "=", sample.id)
        .execute();
      return {
        expected: [`sample E-1 ${sample.id}: its drawn items differ from the ones recorded`],
        undo: async () => {
          await db
            .updateTable("engagement_samples")
            .set({ data: sample.data })
            .where("id", "=", sample.id)
            .execute();
        },
      };
    },
  },
];

/** Records as the tests compare them: "target: problem", sorted. */
export function recordLines(records: readonly { target: string; problem: string }[]): string[] {
  return records.map((r) => `${r.target}: ${r.problem}`).sort();
}
