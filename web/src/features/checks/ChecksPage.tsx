import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { CheckException, CheckStatusView } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, formatDay } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useSearchParam } from "../../lib/search-params.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useAddException, useChecks, useExceptions, useRevokeException } from "./api.ts";

/** Light badges, dark text on a pale fill, as the other pages' states. */
const STATUS: Record<NonNullable<CheckStatusView["status"]>, { color: string; label: string }> = {
  fail: { color: "red", label: "Failing" },
  pass: { color: "green", label: "Passing" },
  "not-applicable": { color: "gray", label: "Not applicable" },
};

function StatusBadge({ status }: { status: CheckStatusView["status"] }) {
  if (status === null) {
    return (
      <Badge color="gray" variant="light">
        Not run
      </Badge>
    );
  }
  return (
    <Badge color={STATUS[status].color} variant="light">
      {STATUS[status].label}
    </Badge>
  );
}

export function ChecksPage() {
  const org = useCurrentOrg();
  const checks = useChecks(org.slug);
  const [params, setParam] = useSearchParam();
  const selected = params.get("check");
  return (
    <>
      <PageHeader
        title="Checks"
        description="Open rules run hourly over the systems you connected: what each reads, which controls it supports, and why a resource fails."
      />
      <QueryView query={checks}>
        {(items) => {
          const ran = items.filter((c) => c.status !== null);
          const failing = items.filter((c) => c.status === "fail");
          const shown = items.find((c) => c.id === selected);
          return (
            <Stack gap="lg">
              {ran.length === 0 ? (
                <EmptyBlock title="No check has run yet">
                  <Text size="sm">
                    Connect a system under Settings → Connectors; its checks run on the next pass.
                  </Text>
                </EmptyBlock>
              ) : (
                <Text>
                  {ran.length} checks ran, {failing.length} failing.
                </Text>
              )}
              {shown === undefined ? null : (
                <CheckPanel
                  org={org.slug}
                  check={shown}
                  canExcept={org.can("check:except")}
                  onClose={() => setParam("check", null)}
                />
              )}
              <CheckTable items={items} onOpen={(id) => setParam("check", id)} />
              <ExceptionList org={org.slug} canRevoke={org.can("check:except")} />
            </Stack>
          );
        }}
      </QueryView>
    </>
  );
}

function CheckTable({ items, onOpen }: { items: CheckStatusView[]; onOpen: (id: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label="Checks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Check</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Failing resources</Table.Th>
            <Table.Th scope="col">Controls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const failing = c.results.flatMap((r) =>
              r.resources.filter((x) => x.status === "fail" && x.exception === null),
            );
            return (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => onOpen(c.id)}>
                    {c.id}
                  </Anchor>
                  <Text size="xs">{c.title}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  {failing.length === 0
                    ? "None"
                    : failing
                        .slice(0, 3)
                        .map((x) => x.resourceName)
                        .join(", ") + (failing.length > 3 ? ` and ${failing.length - 3} more` : "")}
                </Table.Td>
                <Table.Td>{c.controls.join(", ")}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One check: what it reads, its controls and criteria, and each resource with its reason. */
function CheckPanel({
  org,
  check,
  canExcept,
  onClose,
}: {
  org: string;
  check: CheckStatusView;
  canExcept: boolean;
  onClose: () => void;
}) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {check.id}: {check.title}
        </Title>
        <Button size="xs" variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
      <Stack gap="xs">
        <Text size="sm">
          Supports {check.controls.join(", ")} (criteria {check.criteria.join(", ")}). Reads:{" "}
          {check.reads.join("; ")}.
        </Text>
        {check.results.length === 0 ? <Text size="sm">Not run on any connector yet.</Text> : null}
        {check.results.map((result) => (
          <Stack key={result.ref} gap="xs">
            <Text size="sm" fw={600}>
              {result.connectorName}, {result.run} ({formatDateTime(result.recordedAt)}):{" "}
              {result.passing} passing, {result.failing} failing, {result.excepted} excepted
            </Text>
            {result.connectorFailing === null ? null : (
              <Text size="sm">
                Not current: {result.connectorName} has failed since{" "}
                {formatDateTime(result.connectorFailing.since)} ({result.connectorFailing.failure}).
              </Text>
            )}
            <Table aria-label={`Resources of ${check.id} on ${result.connectorName}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Resource</Table.Th>
                  <Table.Th scope="col">Result</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.resources.map((r) => (
                  <Table.Tr key={r.resourceId}>
                    <Table.Td>{r.resourceName}</Table.Td>
                    <Table.Td>
                      {r.exception !== null ? (
                        <Badge color="yellow" variant="light">
                          Excepted ({r.exception})
                        </Badge>
                      ) : (
                        <StatusBadge status={r.status} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.reason}</Text>
                      {canExcept && r.status === "fail" && r.exception === null ? (
                        <ExceptForm org={org} check={check.id} resource={r.resourceId} />
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function ExceptForm({ org, check, resource }: { org: string; check: string; resource: string }) {
  const add = useAddException(org);
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate({ check, resource, reason, until });
      }}
    >
      <Group align="flex-end" gap="xs" mt={4}>
        <TextInput
          size="xs"
          label={`Reason to except ${resource}`}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          w={260}
        />
        <TextInput
          size="xs"
          label="Until (YYYY-MM-DD)"
          value={until}
          onChange={(event) => setUntil(event.currentTarget.value)}
          w={150}
        />
        <Button size="xs" type="submit" loading={add.isPending} aria-label={`Except ${resource}`}>
          Except
        </Button>
      </Group>
      <ProblemAlert error={add.error} title="Not excepted" />
    </form>
  );
}

function stateOf(e: CheckException): string {
  if (e.inForce) return "In force";
  return e.revokedAt === null ? "Expired" : `Revoked: ${e.revokedReason ?? ""}`;
}

function ExceptionList({ org, canRevoke }: { org: string; canRevoke: boolean }) {
  const exceptions = useExceptions(org);
  const revoke = useRevokeException(org);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Exceptions
      </Title>
      <QueryView query={exceptions} lines={2}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">No failing resource is excepted.</Text>
          ) : (
            <Table striped aria-label="Exceptions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Exception</Table.Th>
                  <Table.Th scope="col">Resource</Table.Th>
                  <Table.Th scope="col">Approved by, until</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      {e.ref} on {e.checkId}
                      <Text size="xs">{e.reason}</Text>
                    </Table.Td>
                    <Table.Td>{e.resourceId}</Table.Td>
                    <Table.Td>
                      {e.approver}, {formatDay(e.expiresOn)}
                    </Table.Td>
                    <Table.Td>{stateOf(e)}</Table.Td>
                    <Table.Td>
                      {canRevoke && e.inForce ? (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Revoke ${e.ref}`}
                          onClick={() =>
                            revoke.mutate({ ref: e.ref, reason: "Revoked from the checks page." })
                          }
                        >
                          Revoke
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
      <ProblemAlert error={revoke.error} />
    </Stack>
  );
}
