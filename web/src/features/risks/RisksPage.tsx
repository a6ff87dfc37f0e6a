import { Anchor, Button, Checkbox, Group, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { RISK_CATEGORIES, RISK_TREATMENTS } from "../../api/types.ts";
import type { Risk } from "../../api/types.ts";
import { EmptyBlock, LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useSearchParam } from "../../lib/search-params.ts";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useRiskRegister } from "./api.ts";
import { BandLegend, HeatMap, riskBand } from "./HeatMap.tsx";
import { NewRiskModal } from "./NewRiskModal.tsx";

export function RisksPage() {
  const org = useCurrentOrg();
  const [params, setParam] = useSearchParam();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, create] = useDisclosure(false);
  const filters = {
    category: params.get("category") ?? undefined,
    treatment: params.get("treatment") ?? undefined,
    ...(params.get("overdue") === "true" ? { overdue: "true" as const } : {}),
    q: q === "" ? undefined : q,
  };
  const register = useRiskRegister(org.slug, filters);
  const manages = org.can("risk:manage");
  return (
    <>
      <PageHeader
        title="Risks"
        description="The risk register: each risk scored before and after its controls, its treatment and its next review."
        actions={
          <>
            <Button component={Link} to={`/orgs/${org.slug}/risks/assessments`} variant="default">
              Assessments
            </Button>
            {manages ? (
              <>
                <Button component={Link} to={`/orgs/${org.slug}/risks/library`} variant="default">
                  Add from library
                </Button>
                <Button onClick={create.open}>New risk</Button>
              </>
            ) : null}
          </>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Id or title"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={220}
        />
        <Select
          label="Category"
          placeholder="Any category"
          clearable
          data={RISK_CATEGORIES.map((value) => ({ value, label: humanize(value) }))}
          value={filters.category ?? null}
          onChange={(value) => setParam("category", value)}
          w={200}
        />
        <Select
          label="Treatment"
          placeholder="Any treatment"
          clearable
          data={RISK_TREATMENTS.map((value) => ({ value, label: humanize(value) }))}
          value={filters.treatment ?? null}
          onChange={(value) => setParam("treatment", value)}
          w={180}
        />
        <Checkbox
          label="Past their review date"
          checked={filters.overdue !== undefined}
          onChange={(event) => setParam("overdue", event.currentTarget.checked ? "true" : null)}
          mb={8}
        />
      </Group>
      {register.isPending ? <LoadingBlock lines={8} /> : null}
      <ProblemAlert error={register.error} />
      {register.data !== undefined ? (
        <>
          <Group align="flex-start" gap="xl" mb="xs" wrap="wrap">
            <HeatMap title="Inherent risk (before controls)" map={register.data.heatMap.inherent} />
            <HeatMap title="Residual risk (after controls)" map={register.data.heatMap.residual} />
          </Group>
          <BandLegend />
          {register.data.items.length === 0 ? (
            <EmptyBlock title="No risks match">
              <Text>Clear a filter, or add risks from the starter library.</Text>
            </EmptyBlock>
          ) : (
            <RiskTable org={org.slug} risks={register.data.items} today={register.data.today} />
          )}
        </>
      ) : null}
      <NewRiskModal org={org.slug} opened={creating} onClose={create.close} />
    </>
  );
}

function score(likelihood: number, impact: number): string {
  const value = likelihood * impact;
  return `${likelihood}×${impact} = ${value} (${riskBand(value)})`;
}

function RiskTable({ org, risks, today }: { org: string; risks: Risk[]; today: string }) {
  return (
    <Table.ScrollContainer minWidth={860} mt="md">
      <Table striped highlightOnHover aria-label="Risk register">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Risk</Table.Th>
            <Table.Th scope="col">Category</Table.Th>
            <Table.Th scope="col">Inherent</Table.Th>
            <Table.Th scope="col">Treatment</Table.Th>
            <Table.Th scope="col">Residual</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Review by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {risks.map((risk) => (
            <Table.Tr key={risk.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/risks/${risk.ref}`} fw={600}>
                  {risk.ref}
                </Anchor>{" "}
                {risk.title}
              </Table.Td>
              <Table.Td>{humanize(risk.category)}</Table.Td>
              <Table.Td>{score(risk.likelihood, risk.impact)}</Table.Td>
              <Table.Td>{humanize(risk.treatment)}</Table.Td>
              <Table.Td>{score(risk.residualLikelihood, risk.residualImpact)}</Table.Td>
              <Table.Td>{risk.owner ?? "—"}</Table.Td>
              <Table.Td>
                {formatDay(risk.reviewDate)}
                {risk.reviewDate < today ? " (past due)" : ""}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
