/** The answers of the availability monitor's routes (contracts in src/contracts/monitors.ts). */
export type {
  Monitor,
  MonitorDetail,
  MonitorList,
  MonitorProbe,
  MonitorProbeOutcome,
} from "../../../../src/contracts/monitors.ts";
