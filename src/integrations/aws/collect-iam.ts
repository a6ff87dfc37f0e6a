/**
 * Reads the account's IAM state: root account summary, password policy, credential report
 * and each user's directly attached and inline policies.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  paginateListAttachedUserPolicies,
  paginateListUserPolicies,
  paginateListUsers,
} from "@aws-sdk/client-iam";
import type { IAMClient } from "@aws-sdk/client-iam";
import { ConnectorError } from "../../domain/checks/check.ts";
import { parseCredentialReport } from "./credential-report.ts";
import { allPages, call, callOrNullWhen } from "./errors.ts";
import type { AwsIamUser, AwsPasswordPolicy, AwsSnapshot } from "./snapshot.ts";

/** How long to wait between asking whether the credential report is ready (about 12 s in all). */
const REPORT_WAITS_MS = [250, 500, 1000, 2000, 2000, 2000, 2000, 2000];

function iso(date: Date | undefined, what: string): string {
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new ConnectorError("invalid-answer", `AWS ${what}: a date is missing`);
  }
  return date.toISOString();
}

async function accountSummary(iam: IAMClient) {
  const answer = await call("iam:GetAccountSummary", () =>
    iam.send(new GetAccountSummaryCommand({})),
  );
  const summary = answer.SummaryMap ?? {};
  const mfa = summary.AccountMFAEnabled;
  const keys = summary.AccountAccessKeysPresent;
  if (mfa === undefined || keys === undefined) {
    throw new ConnectorError(
      "invalid-answer",
      "AWS iam:GetAccountSummary: AccountMFAEnabled or AccountAccessKeysPresent is missing",
    );
  }
  return { accountMfaEnabled: mfa > 0, accountAccessKeysPresent: keys > 0 };
}

async function passwordPolicy(iam: IAMClient): Promise<AwsPasswordPolicy | null> {
  // NoSuchEntity is IAM's documented answer for an account that never set a policy: data.
  const answer = await callOrNullWhen(
    "iam:GetAccountPasswordPolicy",
    ["NoSuchEntity", "NoSuchEntityException"],
    () => iam.send(new GetAccountPasswordPolicyCommand({})),
  );
  if (answer === null) return null;
  const policy = answer.PasswordPolicy;
  if (policy === undefined) {
    throw new ConnectorError("invalid-answer", "AWS iam:GetAccountPasswordPolicy: no policy");
  }
  return {
    // IAM documents 6 as the length of a policy that does not name one.
    minimumPasswordLength: policy.MinimumPasswordLength ?? 6,
    requireSymbols: policy.RequireSymbols ?? false,
    requireNumbers: policy.RequireNumbers ?? false,
    requireUppercaseCharacters: policy.RequireUppercaseCharacters ?? false,
    requireLowercaseCharacters: policy.RequireLowercaseCharacters ?? false,
    passwordReusePrevention: policy.PasswordReusePrevention ?? null,
    expirePasswords: policy.ExpirePasswords ?? false,
    maxPasswordAge: policy.MaxPasswordAge ?? null,
  };
}

/** Asks IAM for a fresh credential report, polling until ready; `waits` only for tests. */
export async function credentialReport(
  iam: IAMClient,
  waits: readonly number[] = REPORT_WAITS_MS,
): Promise<AwsSnapshot["iam"]["credentialReport"]> {
  for (const wait of [0, ...waits]) {
    if (wait > 0) await sleep(wait);
    const state = await call("iam:GenerateCredentialReport", () =>
      iam.send(new GenerateCredentialReportCommand({})),
    );
    if (state.State !== "COMPLETE") continue;
    const report = await call("iam:GetCredentialReport", () =>
      iam.send(new GetCredentialReportCommand({})),
    );
    if (report.Content === undefined) {
      throw new ConnectorError("invalid-answer", "AWS iam:GetCredentialReport: no content");
    }
    return {
      generatedAt: iso(report.GeneratedTime, "iam:GetCredentialReport"),
      users: parseCredentialReport(Buffer.from(report.Content).toString("utf8")),
    };
  }
  throw new ConnectorError(
    "timeout",
    "AWS iam:GenerateCredentialReport: the report never got ready",
  );
}

async function users(iam: IAMClient): Promise<AwsIamUser[]> {
  const pages = await call("iam:ListUsers", () => allPages(paginateListUsers({ client: iam }, {})));
  const listed = pages.flatMap((page) => page.Users ?? []);
  const result: AwsIamUser[] = [];
  for (const user of listed) {
    const name = user.UserName;
    if (!name || !user.UserId || !user.Arn) {
      throw new ConnectorError("invalid-answer", "AWS iam:ListUsers: a user has no name or ARN");
    }
    const attached = await call("iam:ListAttachedUserPolicies", () =>
      allPages(paginateListAttachedUserPolicies({ client: iam }, { UserName: name })),
    );
    const inline = await call("iam:ListUserPolicies", () =>
      allPages(paginateListUserPolicies({ client: iam }, { UserName: name })),
    );
    result.push({
      userName: name,
      userId: user.UserId,
      arn: user.Arn,
      createDate: iso(user.CreateDate, "iam:ListUsers"),
      attachedPolicies: attached
        .flatMap((page) => page.AttachedPolicies ?? [])
        .map((policy) => ({
          policyName: policy.PolicyName ?? "",
          policyArn: policy.PolicyArn ?? "",
        })),
      inlinePolicies: inline.flatMap((page) => page.PolicyNames ?? []),
    });
  }
  return result.sort((a, b) => a.userName.localeCompare(b.userName));
}

export async function collectIam(iam: IAMClient): Promise<AwsSnapshot["iam"]> {
  const summary = await accountSummary(iam);
  return {
    ...summary,
    passwordPolicy: await passwordPolicy(iam),
    credentialReport: await credentialReport(iam),
    users: await users(iam),
  };
}
