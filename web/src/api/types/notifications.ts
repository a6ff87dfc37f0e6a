/** The answers of the notification routes (the contracts are in src/contracts/notifications.ts). */
import type { OwnerRole } from "../../../../src/contracts/controls.ts";
export type {
  ControlOwnersOutcome,
  DigestOutcome,
  NewWebhook,
  NotificationChannelView,
  NotificationDelivery,
  NotificationPreference,
} from "../../../../src/contracts/notifications.ts";
export type { OwnerRole } from "../../../../src/contracts/controls.ts";

// Value lists for pickers: copies (the browser runs none of the server's code), held to the
// contract's types.
export const OWNER_ROLES = [
  "leadership",
  "security",
  "engineering",
  "it",
  "people",
  "legal",
  "privacy",
  "operations",
  "finance",
] as const satisfies readonly OwnerRole[];
