/**
 * Sharing a final report with a customer: an expiring link, a non-disclosure agreement the
 * reader accepts (who, for which company, when) before the download, and an access log.
 */
export const NDA_TEXT = [
  "Before you download this report, please read and accept these terms.",
  "1. The report is confidential. It is shared with you, for your organization, only so that " +
    "you can assess the service organization as a customer or prospective customer.",
  "2. You will not pass the report, or what it says about the service organization's controls, " +
    "to anyone outside your organization, nor to anyone inside it who does not need it for that " +
    "purpose.",
  "3. You will keep the report as carefully as your own confidential documents, and delete it " +
    "when you no longer need it for that purpose or when the service organization asks.",
  "4. Your name, organization, email address, network address and the time of acceptance are " +
    "recorded and shared with the service organization.",
].join("\n\n");

/** How long a download may follow an acceptance. */
export const ACCEPTANCE_MINUTES = 60;
export const MAX_SHARE_DAYS = 90;

export interface ShareLink {
  id: string;
  reportVersionId: string;
  recipient: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  createdBy: string;
  createdAt: string;
}

export const SHARE_LINK_STATES = ["active", "expired", "revoked"] as const;
export type ShareLinkState = (typeof SHARE_LINK_STATES)[number];

export function shareLinkState(link: ShareLink, now: string): ShareLinkState {
  if (link.revokedAt !== null) return "revoked";
  return now >= link.expiresAt ? "expired" : "active";
}

export const ACCESS_EVENTS = [
  "viewed",
  "nda-accepted",
  "downloaded",
  "refused-expired",
  "refused-revoked",
] as const;
export type AccessEvent = (typeof ACCESS_EVENTS)[number];

export interface AccessRecord {
  id: string;
  linkId: string;
  event: AccessEvent;
  at: string;
  address: string | null;
  userAgent: string | null;
  /** Who accepted the NDA, for acceptances and the downloads that followed them. */
  reader: { name: string; company: string; email: string } | null;
}
