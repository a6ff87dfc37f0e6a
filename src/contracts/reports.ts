/**
 * Answers of the report routes around the package: the draft view, review threads, final
 * versions, the organization's report standing, share links and their access log, what a
 * share link's reader sees, bridge letters and the evidence bundles' signing key.
 */
import { z } from "zod";
import { REPORT_AGE_STATUSES } from "../domain/report.ts";
import { COMMENT_ACTIONS, REPORT_SECTIONS, THREAD_STATUSES } from "../domain/review.ts";
import { ACCESS_EVENTS, SHARE_LINK_STATES } from "../domain/sharing.ts";
import { day, instant } from "./common.ts";
import { engagement, engagementType } from "./engagements.ts";
import { publicSigningKey, reportPackage } from "./report-package.ts";

/** The draft package with the engagement it belongs to (also the answer of every draft edit). */
export const reportDraftView = z.object({
  engagement,
  package: reportPackage,
  subservicesFromVendors: z
    .boolean()
    .describe(
      "DC7 lists the vendors marked as subservice organizations: it is changed in the vendor inventory, and an edit of it here is refused",
    ),
});
export type ReportDraftView = z.output<typeof reportDraftView>;

export const reportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.output<typeof reportSection>;

export const threadStatus = z.enum(THREAD_STATUSES);
export type ThreadStatus = z.output<typeof threadStatus>;

export const commentAction = z.enum(COMMENT_ACTIONS);
export type CommentAction = z.output<typeof commentAction>;

export const reviewComment = z.object({
  id: z.string(),
  author: z.string().describe("the author's user id"),
  authorName: z.string(),
  authorRole: z.string(),
  body: z.string(),
  action: commentAction.describe("a status change is itself a comment"),
  createdAt: instant,
});
export type ReviewComment = z.output<typeof reviewComment>;

export const reviewThread = z.object({
  id: z.string(),
  engagementId: z.string(),
  number: z.number().int().describe('the thread is "T-<number>" in its engagement'),
  draftVersion: z.number().int().describe("the draft version it was opened on"),
  section: reportSection,
  item: z
    .string()
    .nullable()
    .describe('what in the section ("CC8.1", "CM-02", "DC4"…); null for the whole section'),
  status: threadStatus,
  createdBy: z.string(),
  createdAt: instant,
  updatedAt: instant,
  comments: z.array(reviewComment),
});
export type ReviewThread = z.output<typeof reviewThread>;

export const reportVersion = z.object({
  id: z.string(),
  engagementId: z.string(),
  version: z.number().int(),
  sha256: z.string().describe("SHA-256 of the frozen package's canonical JSON"),
  issueDate: day,
  finalizedAt: instant,
  finalizedBy: z.string(),
});
export type ReportVersion = z.output<typeof reportVersion>;

export const reportAgeStatus = z.enum(REPORT_AGE_STATUSES);
export type ReportAgeStatus = z.output<typeof reportAgeStatus>;

/** The newest final report and how old it is, as a customer asking for it would see it. */
export const reportStanding = z.object({
  engagement: z.string().describe('"E-3"'),
  type: engagementType,
  version: z.number().int(),
  issueDate: day,
  coverageEnd: day.describe("the last day the report speaks for"),
  age: z.object({
    months: z.number().int().describe("whole months since the coverage ended"),
    status: reportAgeStatus,
  }),
});
export type ReportStanding = z.output<typeof reportStanding>;

export const shareLinkState = z.enum(SHARE_LINK_STATES);
export type ShareLinkState = z.output<typeof shareLinkState>;

export const accessEvent = z.enum(ACCESS_EVENTS);
export type AccessEvent = z.output<typeof accessEvent>;

/** One entry of a share link's access log (refusals included). */
export const accessRecord = z.object({
  id: z.string(),
  linkId: z.string(),
  event: accessEvent,
  at: instant,
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  reader: z
    .object({ name: z.string(), company: z.string(), email: z.string() })
    .nullable()
    .describe("who accepted the NDA, for acceptances and the downloads that followed them"),
});
export type AccessRecord = z.output<typeof accessRecord>;

/** A share link as stored: never its secret, which only the created link's url carries. */
export const shareLink = z.object({
  id: z.string(),
  reportVersionId: z.string(),
  recipient: z.string(),
  expiresAt: instant,
  revokedAt: instant.nullable(),
  revokedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: instant,
});
export type ShareLink = z.output<typeof shareLink>;

export const shareLinkView = shareLink.extend({
  version: z.number().int().describe("the final version it shares"),
  state: shareLinkState,
  access: z.array(accessRecord),
});
export type ShareLinkView = z.output<typeof shareLinkView>;

export const createdShareLink = z.object({
  link: shareLink,
  url: z.string().describe("the link to pass on, with its secret: shown this once"),
});
export type CreatedShareLink = z.output<typeof createdShareLink>;

/** What a share link's reader sees before accepting the NDA. */
export const sharedReportPreview = z.object({
  organization: z.string(),
  systemName: z.string(),
  report: z.string().describe("which report, in words"),
  issueDate: day,
  expiresAt: instant.describe("when the link stops working"),
  recipient: z.string(),
  nda: z.string().describe("the non-disclosure terms to accept"),
});
export type SharedReportPreview = z.output<typeof sharedReportPreview>;

export const ndaAcceptance = z.object({
  downloadToken: z.string().describe("the download query parameter of the shared report"),
  expiresAt: instant.describe("one hour after the acceptance"),
});
export type NdaAcceptance = z.output<typeof ndaAcceptance>;

export const bridgeLetter = z.object({
  id: z.string(),
  reportVersionId: z.string(),
  number: z.number().int(),
  through: day.describe("the last day the letter speaks for"),
  text: z.string(),
  createdBy: z.string(),
  createdAt: instant,
  approval: z
    .object({ by: z.string().describe("the owner's user id"), name: z.string(), at: instant })
    .nullable()
    .describe("an approved letter no longer changes"),
  version: z.number().int().describe("the final version it follows"),
  coverageEnd: day.describe("the last day that version speaks for"),
  gapFrom: day.describe("the first day the letter speaks for: the day after coverageEnd"),
  warnings: z
    .array(z.string())
    .describe("for the reader first, e.g. a gap over three months, when a new report is due"),
});
export type BridgeLetterView = z.output<typeof bridgeLetter>;

/** The public half of the key that signs evidence bundles; the private key never leaves. */
export const signingKey = publicSigningKey.extend({ createdAt: instant });
export type SigningKey = z.output<typeof signingKey>;
