/**
 * The fake AWS server's STS and IAM operations (Query protocol), including the credential
 * report as IAM writes it: a base64 CSV with one line per user and one for the root account.
 */
import { randomUUID } from "node:crypto";
import { AwsFault, el, escapeXml, members, queryAnswer, text } from "./fake-aws-protocols.ts";
import type { Answer } from "./fake-aws-protocols.ts";
import { numberParam, page, unknown } from "./fake-aws-services.ts";
import type { FakeAwsState, FakeIamUser } from "./fake-aws-state.ts";

export function sts(state: FakeAwsState, action: string, params: URLSearchParams) {
  if (action === "GetCallerIdentity") {
    return queryAnswer(
      "sts",
      action,
      text("Arn", `arn:aws:iam::${state.accountId}:user/attest-reader`) +
        text("UserId", "AIDAFAKEREADER000001") +
        text("Account", state.accountId),
    );
  }
  if (action === "AssumeRole") {
    const roleArn = params.get("RoleArn") ?? "";
    const role = state.roles.get(roleArn);
    if (!role || (role.externalId !== undefined && role.externalId !== params.get("ExternalId"))) {
      throw new AwsFault(
        403,
        "AccessDenied",
        `not authorized to perform sts:AssumeRole on ${roleArn}`,
      );
    }
    const keyIdMade = `ASIAFAKE${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
    const secret = randomUUID();
    const token = `FwoGZXIvYXdzE${randomUUID()}`;
    state.keys.set(keyIdMade, { secret, sessionToken: token });
    return queryAnswer(
      "sts",
      action,
      el(
        "Credentials",
        text("AccessKeyId", keyIdMade) +
          text("SecretAccessKey", secret) +
          text("SessionToken", token) +
          text("Expiration", new Date(Date.now() + 3_600_000).toISOString()),
      ) +
        el(
          "AssumedRoleUser",
          text("AssumedRoleId", `AROAFAKE:${params.get("RoleSessionName")}`) +
            text(
              "Arn",
              `${roleArn.replace(":role/", ":assumed-role/")}/${params.get("RoleSessionName")}`,
            ),
        ),
    );
  }
  throw unknown("sts", action);
}

const userArn = (state: FakeAwsState, user: FakeIamUser) =>
  `arn:aws:iam::${state.accountId}:user/${user.userName}`;

/** The credential report's columns, in IAM's documented order. */
export const CREDENTIAL_REPORT_HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed," +
  "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated," +
  "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
  "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date," +
  "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active," +
  "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

function credentialReportCsv(state: FakeAwsState): string {
  const root = [
    "<root_account>",
    `arn:aws:iam::${state.accountId}:root`,
    "2019-01-01T00:00:00+00:00",
    "not_supported",
    "2026-01-01T00:00:00+00:00",
    "not_supported",
    "not_supported",
    String(state.rootMfaEnabled),
    String(state.rootAccessKeysPresent),
    ...(state.rootAccessKeysPresent ? ["2020-01-01T00:00:00+00:00"] : ["N/A"]),
    "N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
  ].join(",");
  const lines = state.users.map((user) => {
    const key = (slot: 0 | 1) => {
      const k = user.accessKeys[slot];
      if (!k) return "false,N/A,N/A,N/A,N/A";
      const used = k.lastUsedDate === null ? "N/A,N/A,N/A" : `${k.lastUsedDate},eu-west-1,s3`;
      return `${k.active},${k.lastRotated},${used}`;
    };
    return [
      user.userName,
      userArn(state, user),
      user.createDate,
      String(user.passwordEnabled),
      user.passwordEnabled ? (user.passwordLastUsed ?? "no_information") : "N/A",
      user.passwordEnabled ? (user.passwordLastChanged ?? "N/A") : "N/A",
      "N/A",
      String(user.mfaActive),
      key(0),
      key(1),
      "false,N/A,false,N/A",
    ].join(",");
  });
  return [CREDENTIAL_REPORT_HEADER, root, ...lines].join("\n") + "\n";
}

function findUser(state: FakeAwsState, name: string | null): FakeIamUser {
  const user = state.users.find((u) => u.userName === name);
  if (!user) throw new AwsFault(404, "NoSuchEntity", `The user with name ${name} cannot be found.`);
  return user;
}

export function iam(state: FakeAwsState, action: string, params: URLSearchParams): Answer {
  const truncation = (next: string | null) =>
    text("IsTruncated", next !== null) + (next === null ? "" : text("Marker", next));
  switch (action) {
    case "GetAccountSummary": {
      const entries: [string, number][] = [
        ["Users", state.users.length],
        ["AccountMFAEnabled", state.rootMfaEnabled ? 1 : 0],
        ["AccountAccessKeysPresent", state.rootAccessKeysPresent ? 1 : 0],
        ["AccountSigningCertificatesPresent", 0],
        ["Policies", 4],
      ];
      const map = entries.map(([key, value]) =>
        el("entry", text("key", key) + text("value", value)),
      );
      return queryAnswer("iam", action, el("SummaryMap", map.join("")));
    }
    case "GetAccountPasswordPolicy": {
      const policy = state.passwordPolicy;
      if (policy === null) {
        throw new AwsFault(
          404,
          "NoSuchEntity",
          `The Password Policy with domain name ${state.accountId} cannot be found.`,
        );
      }
      return queryAnswer(
        "iam",
        action,
        el(
          "PasswordPolicy",
          text("MinimumPasswordLength", policy.minimumPasswordLength) +
            text("RequireSymbols", false) +
            text("RequireNumbers", false) +
            text("RequireUppercaseCharacters", false) +
            text("RequireLowercaseCharacters", false) +
            text("AllowUsersToChangePassword", true) +
            text("ExpirePasswords", policy.expirePasswords) +
            (policy.maxPasswordAge === undefined
              ? ""
              : text("MaxPasswordAge", policy.maxPasswordAge)) +
            (policy.passwordReusePrevention === undefined
              ? ""
              : text("PasswordReusePrevention", policy.passwordReusePrevention)) +
            text("HardExpiry", false),
        ),
      );
    }
    case "GenerateCredentialReport": {
      const pending = state.reportGenerationsPending > 0;
      if (pending) state.reportGenerationsPending -= 1;
      return queryAnswer(
        "iam",
        action,
        text("State", pending ? "STARTED" : "COMPLETE") +
          text(
            "Description",
            pending ? "No report exists. Starting a new report generation task" : "",
          ),
      );
    }
    case "GetCredentialReport":
      return queryAnswer(
        "iam",
        action,
        text("Content", Buffer.from(credentialReportCsv(state)).toString("base64")) +
          text("ReportFormat", "text/csv") +
          text("GeneratedTime", state.reportGeneratedAt),
      );
    case "ListUsers": {
      const { items, next } = page(
        state,
        state.users,
        params.get("Marker"),
        numberParam(params.get("MaxItems")),
      );
      const users = items.map(
        (user) =>
          text("Path", "/") +
          text("UserName", user.userName) +
          text("UserId", user.userId) +
          text("Arn", userArn(state, user)) +
          text("CreateDate", user.createDate) +
          (user.passwordLastUsed === null ? "" : text("PasswordLastUsed", user.passwordLastUsed)),
      );
      return queryAnswer("iam", action, members("Users", users) + truncation(next));
    }
    case "ListAttachedUserPolicies": {
      const user = findUser(state, params.get("UserName"));
      const { items, next } = page(
        state,
        user.attachedPolicies,
        params.get("Marker"),
        numberParam(params.get("MaxItems")),
      );
      const policies = items.map(
        (p) => text("PolicyName", p.policyName) + text("PolicyArn", p.policyArn),
      );
      return queryAnswer("iam", action, members("AttachedPolicies", policies) + truncation(next));
    }
    case "ListUserPolicies": {
      const user = findUser(state, params.get("UserName"));
      const { items, next } = page(
        state,
        user.inlinePolicies,
        params.get("Marker"),
        numberParam(params.get("MaxItems")),
      );
      return queryAnswer(
        "iam",
        action,
        members("PolicyNames", items.map(escapeXml)) + truncation(next),
      );
    }
    default:
      throw unknown("iam", action);
  }
}
