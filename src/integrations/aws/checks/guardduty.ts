// GuardDuty check: threat detection runs in every region in scope.
import { regionResult } from "./common.ts";
import type { AwsCheck } from "./common.ts";

export const guardDutyEnabled: AwsCheck = {
  id: "aws.guardduty-enabled",
  title: "GuardDuty is enabled in every region in scope",
  connector: "aws",
  reads: ["guardduty:ListDetectors", "guardduty:GetDetector"],
  controls: ["OP-08"],
  criteria: ["CC7.2", "CC6.6"],
  evaluate: (snapshot) =>
    snapshot.regionStates.map((state) => {
      const detectors = state.guardDutyDetectors;
      if (detectors.some((detector) => detector.status === "ENABLED")) {
        return regionResult(
          snapshot,
          state.region,
          "pass",
          `GuardDuty is enabled in ${state.region}`,
        );
      }
      const reason =
        detectors.length === 0
          ? `GuardDuty has no detector in ${state.region}`
          : `GuardDuty's detector in ${state.region} is disabled`;
      return regionResult(snapshot, state.region, "fail", reason);
    }),
};
