/**
 * Access reviews (AC-06): a campaign reviews the accounts of one or more systems. Each system's
 * accounts arrive as CSV (`account,email,privileged`), are matched to the people register by
 * normalized email and flagged (a leaver who still has the account, an account nobody in the
 * register owns, a privileged account), and a reviewer decides keep, change or remove for each.
 * Pure: dates are local calendar dates in the organization's time zone.
 */
import { EMAIL_PATTERN, normalizeEmail } from "./account.ts";
import type { CsvProblem } from "./people-csv.ts";
import { parseCsv } from "./csv-table.ts";
import { addBusinessDays, hasLeft } from "./person.ts";
import type { Person } from "./person.ts";
import { addMonths } from "./periods.ts";

export const ACCOUNT_CSV_COLUMNS = ["account", "email", "privileged"] as const;

export const ACCOUNT_FLAGS = ["leaver", "unknown", "privileged"] as const;
export type AccountFlag = (typeof ACCOUNT_FLAGS)[number];

export const ACCESS_DECISIONS = ["keep", "change", "remove"] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];

export const CAMPAIGN_STATUSES = ["open", "completed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** AC-06 asks that changes and removals be made within five business days of the decision. */
export const REMOVAL_BUSINESS_DAYS = 5;

export const CAMPAIGN_REF_PATTERN = /^AR-(\d+)$/i;

export function campaignRef(number: number): string {
  return `AR-${number}`;
}

export interface AccountCsvRow {
  line: number;
  account: string;
  /** Normalized (trimmed, lower case). */
  email: string;
  privileged: boolean;
}

const MAX_ACCOUNT_LENGTH = 320;

/**
 * Reads a system's account list. Every row is checked and every problem reported with its
 * line, so a file is accepted whole or refused whole.
 */
export function readAccountsCsv(text: string): { rows: AccountCsvRow[]; problems: CsvProblem[] } {
  const table = parseCsv(text);
  if ("error" in table) {
    return { rows: [], problems: [{ line: table.line, field: "file", message: table.error }] };
  }
  const missing = ACCOUNT_CSV_COLUMNS.filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          field: "header",
          message: `the header must be ${ACCOUNT_CSV_COLUMNS.join(",")} (missing ${missing.join(", ")})`,
        },
      ],
    };
  }
  const column = (name: (typeof ACCOUNT_CSV_COLUMNS)[number]) => table.header.indexOf(name);
  const [accountAt, emailAt, privilegedAt] = [
    column("account"),
    column("email"),
    column("privileged"),
  ];
  if (table.rows.length === 0) {
    return { rows: [], problems: [{ line: 0, field: "file", message: "it lists no accounts" }] };
  }
  const rows: AccountCsvRow[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const account = (cells[accountAt] ?? "").trim();
    const email = normalizeEmail(cells[emailAt] ?? "");
    const privileged = (cells[privilegedAt] ?? "").trim().toLowerCase();
    const before = problems.length;
    if (account === "") problems.push({ line, field: "account", message: "is empty" });
    else if (account.length > MAX_ACCOUNT_LENGTH) {
      problems.push({ line, field: "account", message: "is longer than 320 characters" });
    } else {
      const first = seen.get(account.toLowerCase());
      if (first !== undefined) {
        problems.push({
          line,
          field: "account",
          message: `"${account}" is listed on line ${first} too`,
        });
      } else seen.set(account.toLowerCase(), line);
    }
    if (email === "") problems.push({ line, field: "email", message: "is empty" });
    else if (!EMAIL_PATTERN.test(email) || email.length > 320) {
      problems.push({ line, field: "email", message: `"${email}" is not an email address` });
    }
    if (privileged !== "true" && privileged !== "false") {
      problems.push({
        line,
        field: "privileged",
        message: `must be true or false, not "${cells[privilegedAt] ?? ""}"`,
      });
    }
    if (problems.length === before) {
      rows.push({ line, account, email, privileged: privileged === "true" });
    }
  }
  return { rows, problems };
}

export interface AccountMatch {
  /** The person of the register with that email, or null. */
  personId: string | null;
  flags: AccountFlag[];
}

/**
 * Matches accounts to the register by normalized email, as of `today`: no person is
 * `unknown`, a person whose end date has passed is a `leaver`, and `privileged` is the
 * system's own word. The register is indexed once, so 20,000 accounts cost one pass.
 */
export function matchAccounts(
  rows: readonly Pick<AccountCsvRow, "email" | "privileged">[],
  people: readonly Pick<Person, "id" | "email" | "endDate">[],
  today: string,
): AccountMatch[] {
  const byEmail = new Map(people.map((p) => [normalizeEmail(p.email), p]));
  return rows.map((row) => {
    const person = byEmail.get(row.email);
    const flags: AccountFlag[] = [];
    if (person === undefined) flags.push("unknown");
    else if (hasLeft(person, today)) flags.push("leaver");
    if (row.privileged) flags.push("privileged");
    return { personId: person?.id ?? null, flags };
  });
}

export function isFlagged(account: { flags: readonly AccountFlag[] }): boolean {
  return account.flags.length > 0;
}

/** Why an account is flagged, in words ("left on 2026-09-30; privileged"). */
export function flagsInWords(flags: readonly AccountFlag[], endDate: string | null): string {
  return flags
    .map((flag) =>
      flag === "leaver"
        ? `the person left${endDate === null ? "" : ` on ${endDate}`}`
        : flag === "unknown"
          ? "no one in the people register has this email"
          : "privileged access",
    )
    .join("; ");
}

/**
 * What a decision needs: keeping a flagged account needs a comment saying why (the reviewer
 * accepted the leaver, unknown or privileged account knowingly); a change needs one saying what
 * to change. Returns the problem in words, or null.
 */
export function decisionProblem(
  decision: AccessDecision,
  comment: string | null,
  flags: readonly AccountFlag[],
): string | null {
  const empty = comment === null || comment.trim() === "";
  if (decision === "keep" && flags.length > 0 && empty) {
    return `keeping a flagged account (${flags.join(", ")}) needs a comment saying why`;
  }
  if (decision === "change" && empty) return "a change needs a comment saying what to change";
  return null;
}

/** The day a removal or change decided on `decidedOn` is due to be done. */
export function removalDueBy(decidedOn: string): string {
  return addBusinessDays(decidedOn, REMOVAL_BUSINESS_DAYS);
}

/** "Within the last quarter": completed on or after the day three months before today. */
export function completedWithinQuarter(completedOn: string, today: string): boolean {
  return completedOn >= addMonths(today, -3) && completedOn <= today;
}

/** Orders accounts for review: flagged first, then by system and account name. */
export function compareForReview(
  a: { flags: readonly AccountFlag[]; system: string; account: string },
  b: { flags: readonly AccountFlag[]; system: string; account: string },
): number {
  const flagged = Number(isFlagged(b)) - Number(isFlagged(a));
  if (flagged !== 0) return flagged;
  if (a.system !== b.system) return a.system < b.system ? -1 : 1;
  return a.account < b.account ? -1 : a.account > b.account ? 1 : 0;
}

export interface Campaign {
  id: string;
  ref: string;
  number: number;
  name: string;
  periodFrom: string;
  periodTo: string;
  dueOn: string;
  /** The reviewers' emails. */
  reviewers: string[];
  status: CampaignStatus;
  startedBy: string;
  createdAt: string;
  completedOn: string | null;
  completedAt: string | null;
  completedBy: string | null;
  sha256: string | null;
  evidenceId: string | null;
}

export interface CampaignSystem {
  id: string;
  name: string;
  fileSha256: string | null;
  importedBy: string | null;
  importedAt: string | null;
}

export interface ReviewAccount {
  id: string;
  systemId: string;
  system: string;
  line: number;
  account: string;
  email: string;
  privileged: boolean;
  personId: string | null;
  flags: AccountFlag[];
  decision: AccessDecision | null;
  comment: string | null;
  /** The reviewer's email. */
  decidedBy: string | null;
  decidedAt: string | null;
  /** When the removal or change was recorded as done, by whom and with which evidence. */
  doneAt: string | null;
  doneBy: string | null;
  doneEvidenceId: string | null;
  doneNote: string | null;
}

/** A campaign past its due day with accounts still undecided. */
export function isOverdue(campaign: Pick<Campaign, "status" | "dueOn">, today: string): boolean {
  return campaign.status === "open" && campaign.dueOn < today;
}

export interface CampaignSnapshot {
  organization: string;
  campaign: string;
  name: string;
  period: { from: string; to: string };
  dueOn: string;
  reviewers: string[];
  startedBy: string;
  completedOn: string;
  completedBy: string;
  systems: {
    name: string;
    fileSha256: string | null;
    importedAt: string | null;
    accounts: {
      account: string;
      email: string;
      privileged: boolean;
      flags: AccountFlag[];
      decision: AccessDecision | null;
      comment: string | null;
      decidedBy: string | null;
      decidedAt: string | null;
    }[];
  }[];
}

/** What a completed campaign freezes: every system and account with its decision, in order. */
export function campaignSnapshot(
  organization: string,
  campaign: Campaign,
  systems: readonly CampaignSystem[],
  accounts: readonly ReviewAccount[],
  completed: { on: string; by: string },
): CampaignSnapshot {
  const ordered = [...systems].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    organization,
    campaign: campaign.ref,
    name: campaign.name,
    period: { from: campaign.periodFrom, to: campaign.periodTo },
    dueOn: campaign.dueOn,
    reviewers: [...campaign.reviewers],
    startedBy: campaign.startedBy,
    completedOn: completed.on,
    completedBy: completed.by,
    systems: ordered.map((system) => ({
      name: system.name,
      fileSha256: system.fileSha256,
      importedAt: system.importedAt,
      accounts: accounts
        .filter((a) => a.systemId === system.id)
        .sort((a, b) => a.line - b.line)
        .map((a) => ({
          account: a.account,
          email: a.email,
          privileged: a.privileged,
          flags: a.flags,
          decision: a.decision,
          comment: a.comment,
          decidedBy: a.decidedBy,
          decidedAt: a.decidedAt,
        })),
    })),
  };
}
