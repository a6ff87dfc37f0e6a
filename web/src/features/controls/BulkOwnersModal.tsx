import { Button, Group, Modal, Select, Stack, Tabs, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { OWNER_ROLES } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useMembers } from "../members/api.ts";
import { useAssignOwners } from "../notifications/api.ts";
import { ownerRoleLabel } from "./owners.ts";

/** Owners in bulk: every control suggesting a role to one member, or a CSV of ref,email. */
export function BulkOwnersModal({
  org,
  opened,
  onClose,
}: {
  org: string;
  opened: boolean;
  onClose: () => void;
}) {
  const members = useMembers(org, opened);
  const assign = useAssignOwners(org);
  const [role, setRole] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const [csv, setCsv] = useState("");
  const [tab, setTab] = useState<string | null>("role");
  const owners = (members.data ?? [])
    .filter((m) => m.role === "owner" || m.role === "admin" || m.role === "control-owner")
    .map((m) => ({ value: m.email, label: `${m.name} (${m.email})` }));
  const close = () => {
    assign.reset();
    onClose();
  };
  const outcome = assign.data;
  return (
    // No fade: the form is usable (and its contrast what it is) the moment the dialog shows.
    <Modal
      opened={opened}
      onClose={close}
      title="Assign control owners"
      size="lg"
      transitionProps={{ duration: 0 }}
    >
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="role">By suggested role</Tabs.Tab>
          <Tabs.Tab value="csv">From a CSV</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="role" pt="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (role !== null && email !== null) assign.mutate({ role, email });
            }}
          >
            <Stack>
              <Select
                label="Suggested owner role"
                data={OWNER_ROLES.map((value) => ({ value, label: ownerRoleLabel(value) }))}
                value={role}
                onChange={setRole}
                required
              />
              <Select
                label="Member who owns these controls"
                data={owners}
                value={email}
                onChange={setEmail}
                searchable
                required
              />
              <Group justify="flex-end">
                <Button type="submit" loading={assign.isPending}>
                  Assign
                </Button>
              </Group>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="csv" pt="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              assign.mutate({ csv });
            }}
          >
            <Stack>
              <Textarea
                label="One ref,email per line"
                description="A header line ref,email is allowed. If any line is wrong, nothing is assigned."
                autosize
                minRows={5}
                value={csv}
                onChange={(event) => setCsv(event.currentTarget.value)}
                required
              />
              <Group justify="flex-end">
                <Button type="submit" loading={assign.isPending}>
                  Assign from CSV
                </Button>
              </Group>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
      <Stack mt="md">
        <ProblemAlert error={assign.error} title="Nothing was assigned" />
        {outcome === undefined ? null : (
          <Text role="status">
            {outcome.changed.length} {outcome.changed.length === 1 ? "control" : "controls"}{" "}
            assigned
            {outcome.unchanged.length === 0
              ? "."
              : `; ${outcome.unchanged.length} already had that owner.`}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
