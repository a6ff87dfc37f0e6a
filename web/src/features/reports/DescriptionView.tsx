import { List, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { COMPONENT_KINDS } from "../../api/types.ts";
import type { ComplementaryControl, SystemDescriptionContent } from "../../api/types.ts";
import { formatDay, humanize } from "../../lib/format.ts";
import { COMPONENT_LABELS } from "./labels.ts";

/** The system description as the report will print it, for readers who do not edit it. */
export function DescriptionView({
  description: d,
  type,
}: {
  description: SystemDescriptionContent;
  type: 1 | 2;
}) {
  return (
    <Stack gap="lg">
      <Part title="DC1 · Services">
        <Prose text={d.services} />
      </Part>
      <Part title="DC2 · Commitments and system requirements">
        <Text fw={600} size="sm">
          Principal service commitments
        </Text>
        <Lines items={d.commitments} />
        <Text fw={600} size="sm" mt="xs">
          System requirements
        </Text>
        <Lines items={d.systemRequirements} />
      </Part>
      <Part title="DC3 · Components of the system">
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Description</Table.Th>
                <Table.Th scope="col">Owner</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {COMPONENT_KINDS.flatMap((kind) =>
                d.components[kind].length === 0
                  ? [
                      <Table.Tr key={kind}>
                        <Table.Td>{COMPONENT_LABELS[kind]}</Table.Td>
                        <Table.Td colSpan={3}>None listed</Table.Td>
                      </Table.Tr>,
                    ]
                  : d.components[kind].map((c, i) => (
                      <Table.Tr key={`${kind}-${i}`}>
                        <Table.Td>{COMPONENT_LABELS[kind]}</Table.Td>
                        <Table.Td>{c.name}</Table.Td>
                        <Table.Td>{c.description || "—"}</Table.Td>
                        <Table.Td>{c.owner || "—"}</Table.Td>
                      </Table.Tr>
                    )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text fw={600} size="sm" mt="xs">
          Boundaries
        </Text>
        <Prose text={d.boundaries} />
      </Part>
      <Part title="DC4 · Incidents">
        {d.incidents.length === 0 ? (
          <Text>{d.noIncidents ? "No incidents in the period." : "Not stated yet."}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Nature</Table.Th>
                  <Table.Th scope="col">Extent</Table.Th>
                  <Table.Th scope="col">Disposition</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.incidents.map((incident, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{formatDay(incident.date)}</Table.Td>
                    <Table.Td>{incident.nature}</Table.Td>
                    <Table.Td>{incident.extent}</Table.Td>
                    <Table.Td>{incident.disposition}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Part>
      <Part title="DC6 · Complementary user entity controls (CUECs)">
        {d.cuecs.length === 0 && d.noCuecs ? (
          <Text>Users of the system need no controls of their own.</Text>
        ) : (
          <Complementary items={d.cuecs} />
        )}
      </Part>
      <Part title="DC7 · Subservice organizations">
        <SubservicesView description={d} />
      </Part>
      {type === 2 ? (
        <Part title="DC9 · Significant changes in the period">
          {d.changes.length === 0 ? (
            <Text>{d.noChanges ? "No significant changes in the period." : "Not stated yet."}</Text>
          ) : (
            <List>
              {d.changes.map((change, i) => (
                <List.Item key={i}>
                  {formatDay(change.date)}: {change.description}
                </List.Item>
              ))}
            </List>
          )}
        </Part>
      ) : null}
    </Stack>
  );
}

/** DC7 as the report prints it: each organization, its services and method, and its CSOCs. */
export function SubservicesView({
  description: d,
}: {
  description: Pick<SystemDescriptionContent, "subservices" | "noSubservices">;
}) {
  if (d.subservices.length === 0) {
    return <Text>{d.noSubservices ? "No subservice organizations." : "Not stated yet."}</Text>;
  }
  return (
    <Stack gap="sm">
      {d.subservices.map((s, i) => (
        <div key={i}>
          <Text fw={600}>
            {s.name} · {s.services} ({humanize(s.method)})
          </Text>
          <Complementary items={s.csocs} />
        </div>
      ))}
    </Stack>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Prose({ text }: { text: string }) {
  return text.trim() === "" ? (
    <Text c="dimmed">Not written yet.</Text>
  ) : (
    <Text style={{ whiteSpace: "pre-wrap" }}>{text}</Text>
  );
}

function Lines({ items }: { items: string[] }) {
  if (items.length === 0) return <Text c="dimmed">None listed yet.</Text>;
  return (
    <List>
      {items.map((item, i) => (
        <List.Item key={i}>{item}</List.Item>
      ))}
    </List>
  );
}

function Complementary({ items }: { items: ComplementaryControl[] }) {
  if (items.length === 0) return <Text c="dimmed">None listed.</Text>;
  return (
    <List>
      {items.map((item, i) => (
        <List.Item key={i}>
          {item.text}
          {item.criteria.length > 0 ? ` (${item.criteria.join(", ")})` : ""}
        </List.Item>
      ))}
    </List>
  );
}
