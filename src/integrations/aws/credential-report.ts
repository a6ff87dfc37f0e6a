/**
 * The IAM credential report: a CSV with one line per user (and one for the root account),
 * giving password and access key use. AWS writes "N/A", "no_information" or "not_supported"
 * where a date or flag does not apply; those become null here.
 */
import { ConnectorError } from "../../domain/checks/check.ts";
import type { AwsCredentialReportUser } from "./snapshot.ts";

/** The report names the root account's line this way; root is read from the account summary. */
export const ROOT_LINE = "<root_account>";

const REQUIRED_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
] as const;
type Column = (typeof REQUIRED_COLUMNS)[number];

function invalid(reason: string): ConnectorError {
  return new ConnectorError("invalid-answer", `AWS iam:GetCredentialReport: ${reason}`);
}

/** A date column: an ISO 8601 time, or null for AWS's "does not apply" words. */
function dateOrNull(value: string, column: string, line: number): string | null {
  if (value === "N/A" || value === "no_information" || value === "not_supported" || value === "") {
    return null;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalid(`line ${line}: ${column} is not a date ("${value}")`);
  return new Date(time).toISOString();
}

function flag(value: string, column: string, line: number): boolean {
  if (value === "true") return true;
  if (value === "false" || value === "not_supported") return false;
  throw invalid(`line ${line}: ${column} is not true or false ("${value}")`);
}

/** Parses the report's CSV (no field in it is quoted: names and ARNs contain no commas). */
export function parseCredentialReport(csv: string): AwsCredentialReportUser[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0]?.split(",") ?? [];
  const index = new Map(header.map((name, i) => [name, i]));
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) throw invalid(`the report has no ${missing.join(", ")} column`);
  const users: AwsCredentialReportUser[] = [];
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    const cells = text.split(",");
    if (cells.length !== header.length) {
      throw invalid(`line ${line} has ${cells.length} fields, the header ${header.length}`);
    }
    const cell = (column: Column) => cells[index.get(column) ?? -1] ?? "";
    const user = cell("user");
    if (user === ROOT_LINE) return;
    const creation = dateOrNull(cell("user_creation_time"), "user_creation_time", line);
    if (creation === null) throw invalid(`line ${line}: user_creation_time is missing`);
    users.push({
      user,
      arn: cell("arn"),
      userCreationTime: creation,
      passwordEnabled: flag(cell("password_enabled"), "password_enabled", line),
      passwordLastUsed: dateOrNull(cell("password_last_used"), "password_last_used", line),
      passwordLastChanged: dateOrNull(cell("password_last_changed"), "password_last_changed", line),
      mfaActive: flag(cell("mfa_active"), "mfa_active", line),
      accessKeys: ([1, 2] as const).map((slot) => ({
        slot,
        active: flag(cell(`access_key_${slot}_active`), `access_key_${slot}_active`, line),
        lastRotated: dateOrNull(
          cell(`access_key_${slot}_last_rotated`),
          `access_key_${slot}_last_rotated`,
          line,
        ),
        lastUsedDate: dateOrNull(
          cell(`access_key_${slot}_last_used_date`),
          `access_key_${slot}_last_used_date`,
          line,
        ),
      })),
    });
  });
  return users.sort((a, b) => a.user.localeCompare(b.user));
}
