/** The answers of the connectors and checks routes (the contracts are in src/contracts/checks.ts). */
export type {
  CheckDetail,
  CheckException,
  CheckStatusView,
  Connector,
  ConnectorKindInfo,
  ReplayAnswer,
  RunSummary,
  RunView,
} from "../../../../src/contracts/checks.ts";
