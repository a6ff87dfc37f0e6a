import {
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import type { Connector, ConnectorKindInfo } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import {
  useAddConnector,
  useConnectorKinds,
  useConnectors,
  useRemoveConnector,
  useRunChecks,
  useTestConnector,
} from "./api.ts";
import { EditConnector } from "./EditConnector.tsx";

/** Settings → Connectors: the systems whose checks run, their last run and error. */
export function ConnectorsSection({ org, canManage }: { org: string; canManage: boolean }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        Connectors
      </Title>
      <Stack gap="lg">
        <ConnectorList org={org} canManage={canManage} />
        {canManage ? <AddConnector org={org} /> : null}
      </Stack>
    </Paper>
  );
}

function stateOf(c: Connector) {
  if (c.error !== null) {
    return (
      <Stack gap={2}>
        <Badge color="red" variant="light">
          {c.error.failure}
        </Badge>
        <Text size="xs">
          {c.error.message} ({c.consecutiveFailures} failed in a row; next try{" "}
          {formatDateTime(c.nextRunAt)})
        </Text>
      </Stack>
    );
  }
  return c.lastRun === null ? (
    <Text size="sm">Not run yet</Text>
  ) : (
    <Badge color="green" variant="light">
      ok
    </Badge>
  );
}

function ConnectorList({ org, canManage }: { org: string; canManage: boolean }) {
  const connectors = useConnectors(org);
  const test = useTestConnector(org);
  const run = useRunChecks(org);
  const remove = useRemoveConnector(org);
  const kinds = useConnectorKinds(org);
  const [done, setDone] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const edited = connectors.data?.find((c) => c.ref === editing);
  const editedKind = kinds.data?.find((k) => k.kind === edited?.kind);
  return (
    <Stack gap="sm">
      <QueryView query={connectors} lines={2}>
        {(items) =>
          items.length === 0 ? (
            <Text size="sm">
              No connector yet: connect GitHub (or another system) to check its settings every hour.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped aria-label="Connectors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Connector</Table.Th>
                    <Table.Th scope="col">Last run</Table.Th>
                    <Table.Th scope="col">State</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {c.ref} {c.name}
                        </Text>
                        <Text size="xs">
                          {c.system}, every {c.intervalMinutes} minutes
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {c.lastRun === null
                          ? "Never"
                          : `${c.lastRun.ref}, ${formatDateTime(c.lastRun.finishedAt)}`}
                      </Table.Td>
                      <Table.Td>{stateOf(c)}</Table.Td>
                      <Table.Td>
                        {canManage ? (
                          <Group justify="flex-end" gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Test ${c.name}`}
                              loading={test.isPending && test.variables === c.ref}
                              onClick={() =>
                                test.mutate(c.ref, {
                                  onSuccess: () => setDone(`${c.name} connects.`),
                                })
                              }
                            >
                              Test
                            </Button>
                            <Button
                              size="xs"
                              aria-label={`Run now: ${c.name}`}
                              loading={run.isPending && run.variables === c.ref}
                              onClick={() =>
                                run.mutate(c.ref, {
                                  onSuccess: (answer) => {
                                    const s = answer.items[0];
                                    const failing =
                                      s?.results.filter((r) => r.status === "fail").length ?? 0;
                                    setDone(
                                      s === undefined
                                        ? "Nothing ran."
                                        : s.outcome === "ok"
                                          ? `${s.run}: ${s.results.length} checks, ${failing} failing.`
                                          : `${s.run} failed (${s.outcome}): ${s.message ?? ""}`,
                                    );
                                  },
                                })
                              }
                            >
                              Run now
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={`Edit ${c.name}`}
                              onClick={() => {
                                setDone(null);
                                setEditing(c.ref);
                              }}
                            >
                              Edit
                            </Button>
                            <Button
                              size="xs"
                              color="red"
                              variant="light"
                              aria-label={`Remove ${c.name}`}
                              onClick={() => remove.mutate(c.ref)}
                            >
                              Remove
                            </Button>
                          </Group>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      {edited === undefined || editedKind === undefined ? null : (
        <EditConnector
          key={edited.ref}
          org={org}
          connector={edited}
          kind={editedKind}
          onClose={(saved) => {
            setEditing(null);
            if (saved !== null) setDone(saved);
          }}
        />
      )}
      {done === null ? null : (
        <Text size="sm" role="status">
          {done}
        </Text>
      )}
      <ProblemAlert error={test.error ?? run.error ?? remove.error} />
    </Stack>
  );
}

function AddConnector({ org }: { org: string }) {
  const kinds = useConnectorKinds(org);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Connect a system
      </Title>
      <QueryView query={kinds} lines={2}>
        {(items) => <ConnectorForm org={org} kinds={items} />}
      </QueryView>
    </Stack>
  );
}

/** The form is made from the connector's own fields: secrets as password inputs. */
function ConnectorForm({ org, kinds }: { org: string; kinds: ConnectorKindInfo[] }) {
  const add = useAddConnector(org);
  const [kind, setKind] = useState<string | null>(kinds[0]?.kind ?? null);
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const chosen = kinds.find((k) => k.kind === kind);
  const submit = () => {
    if (chosen === undefined) return;
    const settings: Record<string, string> = {};
    const credentials: Record<string, string> = {};
    for (const field of chosen.fields) {
      const value = (values[field.name] ?? "").trim();
      if (value === "") continue;
      (field.secret ? credentials : settings)[field.name] = value;
    }
    add.mutate(
      { kind: chosen.kind, name, settings, credentials },
      {
        onSuccess: (connector) => {
          setSaved(`Connected ${connector.ref} ${connector.name}.`);
          setValues({});
          setName("");
        },
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm" maw={560}>
        <Select
          label="System"
          data={kinds.map((k) => ({ value: k.kind, label: `${k.title} (${k.checks} checks)` }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setValues({});
          }}
          allowDeselect={false}
        />
        <TextInput
          label="Name"
          description="How lists and results name this connection."
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        {chosen?.fields.map((field) =>
          field.secret ? (
            <PasswordInput
              key={`${chosen.kind}-${field.name}`}
              label={field.label}
              description={`${field.help} Stored encrypted; never shown again.`}
              required={field.required}
              value={values[field.name] ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((v) => ({ ...v, [field.name]: value }));
              }}
            />
          ) : (
            <TextInput
              key={`${chosen.kind}-${field.name}`}
              label={field.label}
              description={field.help}
              required={field.required}
              value={values[field.name] ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((v) => ({ ...v, [field.name]: value }));
              }}
            />
          ),
        )}
        {chosen === undefined ? null : (
          <Text size="xs">Read-only access it needs: {chosen.permissions.join("; ")}</Text>
        )}
        <Group>
          <Button type="submit" loading={add.isPending}>
            Test and save
          </Button>
        </Group>
        {saved === null ? null : (
          <Text size="sm" role="status">
            {saved}
          </Text>
        )}
        <ProblemAlert error={add.error} title="Not saved" />
      </Stack>
    </form>
  );
}
