// RDS instance checks: storage encrypted, backups kept a week, no address on the internet.
import type { AwsDbInstance } from "../snapshot.ts";
import { result } from "./common.ts";
import type { AwsCheck } from "./common.ts";

/** Days of automated backups an instance must keep. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

const READS = ["rds:DescribeDBInstances"] as const;
const label = (db: AwsDbInstance) => `${db.identifier} (${db.region})`;

export const dbStorageEncrypted: AwsCheck = {
  id: "aws.rds-storage-encrypted",
  title: "RDS instances encrypt their storage",
  connector: "aws",
  reads: READS,
  controls: ["AC-10", "CF-04"],
  criteria: ["CC6.1", "C1.1"],
  evaluate: (snapshot) =>
    snapshot.dbInstances.map((db) =>
      db.storageEncrypted
        ? result(db.arn, label(db), "pass", `${label(db)} has encrypted storage`)
        : result(db.arn, label(db), "fail", `${label(db)} stores its data unencrypted`),
    ),
};

export const dbBackupRetention: AwsCheck = {
  id: "aws.rds-backup-retention",
  title: `RDS instances keep automated backups for at least ${MIN_BACKUP_RETENTION_DAYS} days`,
  connector: "aws",
  reads: READS,
  controls: ["BC-04"],
  criteria: ["A1.2", "CC7.5"],
  evaluate: (snapshot) =>
    snapshot.dbInstances.map((db) => {
      const days = db.backupRetentionPeriod;
      if (days >= MIN_BACKUP_RETENTION_DAYS) {
        return result(db.arn, label(db), "pass", `${label(db)} keeps backups for ${days} days`);
      }
      const reason =
        days === 0
          ? `${label(db)} has automated backups turned off`
          : `${label(db)} keeps backups for only ${days} days; at least ${MIN_BACKUP_RETENTION_DAYS} are needed`;
      return result(db.arn, label(db), "fail", reason);
    }),
};

export const dbNotPublic: AwsCheck = {
  id: "aws.rds-not-public",
  title: "RDS instances are not publicly accessible",
  connector: "aws",
  reads: READS,
  controls: ["AC-11"],
  criteria: ["CC6.6", "CC6.1"],
  evaluate: (snapshot) =>
    snapshot.dbInstances.map((db) =>
      db.publiclyAccessible
        ? result(db.arn, label(db), "fail", `${label(db)} is publicly accessible`)
        : result(db.arn, label(db), "pass", `${label(db)} has no public address`),
    ),
};
