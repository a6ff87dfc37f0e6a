/**
 * Reads one AWS account through the SDK clients into the snapshot the AWS checks evaluate.
 * Loaded by the connector on first use only, so reading the checks never loads the SDK.
 */
import { openSession } from "./clients.ts";
import { collectIam } from "./collect-iam.ts";
import { collectRegions } from "./collect-regional.ts";
import { collectBuckets } from "./collect-s3.ts";
import type { AwsCredentials, AwsSettings } from "./settings.ts";
import type { AwsSnapshot } from "./snapshot.ts";

/** Reads the whole account; any failed call fails the collection (never a partial snapshot). */
export async function collectAws(
  settings: AwsSettings,
  credentials: AwsCredentials,
  now: () => Date = () => new Date(),
): Promise<AwsSnapshot> {
  const collectedAt = now().toISOString();
  const session = await openSession(settings, credentials);
  try {
    const iam = await collectIam(session.iam());
    const buckets = await collectBuckets(session);
    const regional = await collectRegions(session, settings.regions);
    return {
      collectedAt,
      accountId: session.accountId,
      regions: [...settings.regions],
      iam,
      trails: regional.trails,
      buckets,
      dbInstances: regional.dbInstances,
      securityGroups: regional.securityGroups,
      regionStates: regional.regionStates,
    };
  } finally {
    session.destroy();
  }
}
