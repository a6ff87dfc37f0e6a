import { Alert, Anchor, Breadcrumbs, Button, Checkbox, List, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import type { LibraryAddition } from "../../api/types.ts";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useAddFromLibrary, useRiskLibrary, useRiskRegister } from "./api.ts";

/** The starter risks: pick some, and they join the register mapped to the controls adopted. */
export function RiskLibraryPage() {
  const org = useCurrentOrg();
  const library = useRiskLibrary(org.slug);
  const register = useRiskRegister(org.slug);
  const add = useAddFromLibrary(org.slug);
  const [picked, setPicked] = useState<string[]>([]);
  const [added, setAdded] = useState<LibraryAddition | null>(null);
  const inRegister = new Map(
    (register.data?.items ?? []).flatMap((r) =>
      r.templateId === null ? [] : [[r.templateId, r.ref]],
    ),
  );
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id] : current.filter((p) => p !== id)));

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/risks`}>
          Risks
        </Anchor>
        <Text>Starter library</Text>
      </Breadcrumbs>
      <PageHeader
        title="Starter risks"
        description="Common risks of a small SaaS company, with suggested scores. Copy them into your register, then rescore them for yourselves."
        actions={
          org.can("risk:manage") ? (
            <Button
              disabled={picked.length === 0}
              loading={add.isPending}
              onClick={() =>
                add.mutate(picked, {
                  onSuccess: (result) => {
                    setAdded(result);
                    setPicked([]);
                  },
                })
              }
            >
              Add {picked.length === 0 ? "selected" : picked.length} to the register
            </Button>
          ) : undefined
        }
      />
      <ProblemAlert error={add.error} title="Could not add the risks" />
      {added === null ? null : (
        <Alert color="green" title={`Added ${added.risks.map((r) => r.ref).join(", ")}`} mb="md">
          {added.skipped.length === 0 ? (
            <Text size="sm">Every control they name is adopted and mapped.</Text>
          ) : (
            <List size="sm">
              {added.skipped.map((s) => (
                <List.Item key={s.risk}>
                  {s.risk}: {s.controls.join(", ")} not mapped (not adopted by this organization)
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <QueryView query={library} lines={10}>
        {({ items }) => (
          <Table.ScrollContainer minWidth={860}>
            <Table striped aria-label="Starter risks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Add</Table.Th>
                  <Table.Th scope="col">Starter risk</Table.Th>
                  <Table.Th scope="col">Category</Table.Th>
                  <Table.Th scope="col">Likelihood × impact</Table.Th>
                  <Table.Th scope="col">Treatment</Table.Th>
                  <Table.Th scope="col">Controls</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((template) => {
                  const ref = inRegister.get(template.id);
                  return (
                    <Table.Tr key={template.id}>
                      <Table.Td>
                        {ref === undefined ? (
                          <Checkbox
                            aria-label={`Add ${template.id} ${template.title}`}
                            checked={picked.includes(template.id)}
                            disabled={!org.can("risk:manage")}
                            onChange={(event) => toggle(template.id, event.currentTarget.checked)}
                          />
                        ) : (
                          <Anchor component={Link} to={`/orgs/${org.slug}/risks/${ref}`}>
                            {ref}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text fw={600} span>
                          {template.id}
                        </Text>{" "}
                        {template.title}
                        <Text size="sm" c="dimmed">
                          {template.description}
                        </Text>
                      </Table.Td>
                      <Table.Td>{humanize(template.category)}</Table.Td>
                      <Table.Td>
                        {template.likelihood} × {template.impact} ={" "}
                        {template.likelihood * template.impact}
                      </Table.Td>
                      <Table.Td>{humanize(template.treatment)}</Table.Td>
                      <Table.Td>{template.controls.join(", ")}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </>
  );
}
