/** One colour per state, the same on every page. Light variants: dark text on a pale fill. */
import { Badge } from "@mantine/core";
import type {
  ControlConclusion,
  ControlStatus,
  CriterionStatus,
  EngagementStatus,
  Role,
} from "../api/types.ts";
import { humanize } from "./format.ts";

const CONTROL_STATUS_COLOR: Record<ControlStatus, string> = {
  "not-started": "red",
  "in-progress": "yellow",
  implemented: "green",
  "not-applicable": "gray",
};

const FULL_LABEL = { label: { overflow: "visible" } } as const;

const CRITERION_STATUS_COLOR: Record<CriterionStatus, string> = {
  covered: "green",
  partial: "yellow",
  gap: "red",
  "not-relevant": "gray",
};

const CONCLUSION_COLOR: Record<ControlConclusion, string> = {
  "operating-effectively": "green",
  "suitably-designed": "green",
  "exception-noted": "red",
  "design-deficiency": "red",
  "not-tested": "gray",
  "not-evaluated": "gray",
  "no-occurrences": "gray",
  "not-implemented": "orange",
};

export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  // A table squeezes the badge to a width a pixel or two short of its text: show it whole.
  return (
    <Badge variant="light" color={CONTROL_STATUS_COLOR[status]} styles={FULL_LABEL}>
      {humanize(status)}
    </Badge>
  );
}

export function CriterionStatusBadge({ status }: { status: CriterionStatus }) {
  return (
    <Badge variant="light" color={CRITERION_STATUS_COLOR[status]}>
      {humanize(status)}
    </Badge>
  );
}

export function ConclusionBadge({ conclusion }: { conclusion: ControlConclusion }) {
  return (
    <Badge variant="light" color={CONCLUSION_COLOR[conclusion]}>
      {humanize(conclusion)}
    </Badge>
  );
}

export function EngagementStatusBadge({ status }: { status: EngagementStatus }) {
  return (
    <Badge variant="light" color={status === "distributed" ? "green" : "blue"}>
      {humanize(status)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={role === "owner" || role === "admin" ? "violet" : "gray"}>
      {humanize(role)}
    </Badge>
  );
}
