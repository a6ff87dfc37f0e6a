/**
 * Draft review: the auditor and the company comment on sections and items of the draft.
 * A thread is open until someone resolves it; a disputed thread still blocks finalization,
 * because a disagreement left standing is not a finished report.
 */
export const REPORT_SECTIONS = ["I", "II", "III", "IV", "V"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const THREAD_STATUSES = ["open", "resolved", "disputed"] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const COMMENT_ACTIONS = ["comment", "resolved", "disputed", "reopened"] as const;
export type CommentAction = (typeof COMMENT_ACTIONS)[number];

export interface ReviewComment {
  id: string;
  author: string;
  authorName: string;
  authorRole: string;
  body: string;
  action: CommentAction;
  createdAt: string;
}

export interface ReviewThread {
  id: string;
  engagementId: string;
  /** "T-3" in the engagement. */
  number: number;
  draftVersion: number;
  section: ReportSection;
  /** What in the section: "CC8.1", "CM-02", "DC4"… or null for the whole section. */
  item: string | null;
  status: ThreadStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  comments: ReviewComment[];
}

/** A status change is itself a comment, so the thread reads as a conversation. */
export function statusAfter(action: CommentAction, current: ThreadStatus): ThreadStatus {
  if (action === "resolved") return "resolved";
  if (action === "disputed") return "disputed";
  if (action === "reopened") return "open";
  return current;
}

export function threadLabel(thread: Pick<ReviewThread, "number">): string {
  return `T-${thread.number}`;
}
