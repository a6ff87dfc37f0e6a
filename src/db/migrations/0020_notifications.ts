/**
 * Notifications: the organization's channels (a Slack incoming webhook, signed webhooks), each
 * person's choices, and the record of every delivery with its attempts. Channel URLs and
 * signing secrets are sealed with the operator's key (services/platform/secret-box.ts); only
 * the URL's scheme and host are kept in the clear, to be shown.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notification_channels")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("number", "integer", (c) => c.notNull())
    // "slack" or "webhook".
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("url_hint", "text", (c) => c.notNull())
    // A webhook's signing secret; null for Slack.
    .addColumn("secret", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .addUniqueConstraint("notification_channels_org_number", ["organization_id", "number"])
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    // 1 or 0; a person with no row for a channel and kind gets it.
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", [
      "organization_id",
      "user_id",
      "channel",
      "kind",
    ])
    .execute();

  await db.schema
    .createTable("notification_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) =>
      c.notNull().references("organizations.id").onDelete("cascade"),
    )
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("channel_id", "text", (c) =>
      c.references("notification_channels.id").onDelete("set null"),
    )
    // Who or where, as it may be shown: an email, or a channel's scheme and host.
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    // JSON of what is sent (the mail, or the body posted), kept for the retries.
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("next_attempt_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("notification_deliveries_org_created")
    .on("notification_deliveries")
    .columns(["organization_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("notification_deliveries_due")
    .on("notification_deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();
}
