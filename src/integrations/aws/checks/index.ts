// Every AWS check, in the order `attest checks list` shows them.
import type { AwsCheck } from "./common.ts";
import { multiRegionTrail, trailLogValidation, trailsLogging } from "./cloudtrail.ts";
import { ebsDefaultEncryption, noOpenAdminPorts } from "./ec2.ts";
import { guardDutyEnabled } from "./guardduty.ts";
import {
  accessKeysRotated,
  consoleUsersHaveMfa,
  noDirectUserPolicies,
  noUnusedCredentials,
} from "./iam-users.ts";
import {
  passwordMinimumLength,
  passwordNoForcedExpiry,
  passwordReusePrevention,
} from "./password-policy.ts";
import { dbBackupRetention, dbNotPublic, dbStorageEncrypted } from "./rds.ts";
import { rootMfaEnabled, rootNoAccessKeys } from "./root.ts";
import { bucketDefaultEncryption, bucketPublicAccessBlocked, logBucketVersioning } from "./s3.ts";

export const awsChecks: readonly AwsCheck[] = [
  rootMfaEnabled,
  rootNoAccessKeys,
  consoleUsersHaveMfa,
  accessKeysRotated,
  noUnusedCredentials,
  noDirectUserPolicies,
  passwordMinimumLength,
  passwordReusePrevention,
  passwordNoForcedExpiry,
  multiRegionTrail,
  trailsLogging,
  trailLogValidation,
  bucketPublicAccessBlocked,
  bucketDefaultEncryption,
  logBucketVersioning,
  dbStorageEncrypted,
  dbBackupRetention,
  dbNotPublic,
  ebsDefaultEncryption,
  noOpenAdminPorts,
  guardDutyEnabled,
];
