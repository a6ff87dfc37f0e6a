import { Alert, Anchor, List, Text } from "@mantine/core";
import { Link } from "react-router";
import type { SampleRequests } from "../../api/types.ts";

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What the last draw, extension or roll-forward did to the request list: the requests it
 * opened for sampled occurrences of imported populations, those it withdrew because their
 * item left the sample, and each imported control it could ask nobody about, with why.
 */
export function DrawRequestsNote({
  org,
  engagementId,
  requests,
}: {
  org: string;
  engagementId: string;
  requests: SampleRequests | null;
}) {
  if (requests === null) return null;
  const { opened, alreadyAsked, withdrawn, unasked } = requests;
  if (opened.length + alreadyAsked + withdrawn.length + unasked.length === 0) return null;
  return (
    <Alert
      role="status"
      title="Requests for the sampled occurrences"
      color={unasked.length > 0 ? "orange" : "blue"}
    >
      <Text size="sm">
        {count(opened.length, "request opened", "requests opened")}
        {opened.length === 0 ? "" : ` (${opened.join(", ")})`}
        {alreadyAsked === 0
          ? ""
          : `; ${count(alreadyAsked, "occurrence was", "occurrences were")} already asked for`}
        .{" "}
        <Anchor component={Link} to={`/orgs/${org}/engagements/${engagementId}?tab=requests`}>
          See the requests
        </Anchor>
      </Text>
      {withdrawn.length === 0 ? null : (
        <Text size="sm">Withdrawn, their item left the sample: {withdrawn.join(", ")}.</Text>
      )}
      {unasked.length === 0 ? null : (
        <List size="sm" aria-label="Controls with no request">
          {unasked.map((control) => (
            <List.Item key={control.control}>
              No request for {control.control} ({count(control.items, "occurrence", "occurrences")}
              ): {control.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
