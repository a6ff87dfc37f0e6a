// Root user checks: the account's most powerful credential has MFA and no access keys.
import { accountResult } from "./common.ts";
import type { AwsCheck } from "./common.ts";

export const rootMfaEnabled: AwsCheck = {
  id: "aws.root-mfa-enabled",
  title: "Root user has MFA enabled",
  connector: "aws",
  reads: ["iam:GetAccountSummary"],
  controls: ["AC-02", "AC-07"],
  criteria: ["CC6.1", "CC6.6"],
  evaluate: (snapshot) => [
    snapshot.iam.accountMfaEnabled
      ? accountResult(snapshot, "pass", "the root user has an MFA device")
      : accountResult(snapshot, "fail", "the root user has no MFA device"),
  ],
};

export const rootNoAccessKeys: AwsCheck = {
  id: "aws.root-no-access-keys",
  title: "Root user has no access keys",
  connector: "aws",
  reads: ["iam:GetAccountSummary"],
  controls: ["AC-07", "AC-09"],
  criteria: ["CC6.1", "CC6.3"],
  evaluate: (snapshot) => [
    snapshot.iam.accountAccessKeysPresent
      ? accountResult(snapshot, "fail", "the root user has access keys")
      : accountResult(snapshot, "pass", "the root user has no access keys"),
  ],
};
