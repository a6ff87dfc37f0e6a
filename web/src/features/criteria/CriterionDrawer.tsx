import { Anchor, Button, Drawer, Group, List, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { CriterionReadiness } from "../../api/types.ts";
import { ControlStatusBadge, CriterionStatusBadge } from "../../lib/badges.tsx";
import { LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { ReasonModal } from "../../lib/ReasonModal.tsx";
import { useControls } from "../controls/api.ts";
import { useExclusion, useOrgCriteria } from "./api.ts";

export function CriterionDrawer({
  org,
  criterion,
  canChangeScope,
  onClose,
}: {
  org: string;
  criterion: CriterionReadiness | null;
  canChangeScope: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={criterion !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={criterion === null ? "" : `${criterion.id} ${criterion.label}`}
    >
      {criterion === null ? null : (
        <CriterionDetail org={org} criterion={criterion} canChangeScope={canChangeScope} />
      )}
    </Drawer>
  );
}

function CriterionDetail({
  org,
  criterion,
  canChangeScope,
}: {
  org: string;
  criterion: CriterionReadiness;
  canChangeScope: boolean;
}) {
  const catalog = useOrgCriteria(org);
  const controls = useControls(org, { criterion: criterion.id });
  const exclusion = useExclusion(org);
  const [excluding, setExcluding] = useState(false);
  const summary = catalog.data?.find((c) => c.id === criterion.id)?.summary;
  const notRelevant = criterion.status === "not-relevant";

  return (
    <Stack>
      <Group>
        <CriterionStatusBadge status={criterion.status} />
        {notRelevant ? null : (
          <Text size="sm">
            {criterion.effective} of {criterion.applicable} applicable controls in place
          </Text>
        )}
      </Group>
      {summary === undefined ? null : <Text>{summary}</Text>}
      <div>
        <Title order={3} size="h5" mb={4}>
          Why
        </Title>
        <List spacing={4}>
          {criterion.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </div>
      <div>
        <Title order={3} size="h5" mb={4}>
          Controls mapped here
        </Title>
        {controls.isPending ? <LoadingBlock lines={3} /> : null}
        <ProblemAlert error={controls.error} />
        {controls.items?.length === 0 ? (
          <Text>No control is mapped to this criterion yet.</Text>
        ) : null}
        <List spacing={6} listStyleType="none" p={0}>
          {controls.items?.map((control) => (
            <List.Item key={control.ref}>
              <Anchor component={Link} to={`/orgs/${org}/controls/${control.ref}`} fw={600}>
                {control.ref}
              </Anchor>{" "}
              {control.title} <ControlStatusBadge status={control.status} />
            </List.Item>
          ))}
        </List>
      </div>
      {canChangeScope ? (
        <div>
          <ProblemAlert error={exclusion.error} />
          {notRelevant ? (
            <Button
              variant="default"
              loading={exclusion.isPending}
              onClick={() => exclusion.mutate({ criterion: criterion.id, reason: null })}
            >
              Mark relevant again
            </Button>
          ) : (
            <Button variant="default" onClick={() => setExcluding(true)}>
              Mark not relevant…
            </Button>
          )}
        </div>
      ) : null}
      <ReasonModal
        opened={excluding}
        onClose={() => setExcluding(false)}
        title={`Mark ${criterion.id} not relevant`}
        description={
          <Text size="sm">
            The report lists criteria that do not apply to your system with the reason (DC8).
          </Text>
        }
        confirmLabel="Mark not relevant"
        pending={exclusion.isPending}
        error={exclusion.error}
        onConfirm={(reason, onError) =>
          exclusion.mutate(
            { criterion: criterion.id, reason },
            { onSuccess: () => setExcluding(false), onError },
          )
        }
      />
    </Stack>
  );
}
