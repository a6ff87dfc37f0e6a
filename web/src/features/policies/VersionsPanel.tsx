import { Anchor, Box, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { PolicyDiff, PolicyView } from "../../api/types.ts";
import { EmptyBlock, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime, shortHash } from "../../lib/format.ts";
import { policyPdfUrl, usePolicyDiff } from "./api.ts";

const WORKING = "working";

export function VersionsPanel({ org, policy }: { org: string; policy: PolicyView }) {
  const newest = policy.versions[0]?.version ?? null;
  const [from, setFrom] = useState<string | null>(
    newest === null ? null : String(Math.max(1, newest - (policy.versions.length > 1 ? 1 : 0))),
  );
  const [to, setTo] = useState<string>(policy.versions.length > 1 ? String(newest) : WORKING);
  const diff = usePolicyDiff(
    org,
    policy.label,
    from === null ? null : Number(from),
    to === WORKING ? null : Number(to),
  );
  if (policy.versions.length === 0) {
    return (
      <EmptyBlock title="No version yet">
        <Text>Each publication freezes a version here, with its hash and approval.</Text>
      </EmptyBlock>
    );
  }
  const choices = policy.versions.map((v) => ({
    value: String(v.version),
    label: `Version ${v.version}`,
  }));
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h4" mb="sm">
          Published versions
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">SHA-256</Table.Th>
                <Table.Th scope="col">Approved</Table.Th>
                <Table.Th scope="col">Published</Table.Th>
                <Table.Th scope="col">PDF</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policy.versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>
                    <code title={v.sha256}>{shortHash(v.sha256)}</code>
                  </Table.Td>
                  <Table.Td>
                    {v.approvedBy}, {formatDateTime(v.approvedAt)}
                  </Table.Td>
                  <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                  <Table.Td>
                    <Anchor href={policyPdfUrl(org, policy.label, v.version)} download>
                      PDF of version {v.version}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h4" mb="sm">
          Compare
        </Title>
        <Group mb="md">
          <Select
            label="From"
            data={choices}
            value={from}
            onChange={setFrom}
            allowDeselect={false}
          />
          <Select
            label="To"
            data={[...choices, { value: WORKING, label: "Working text" }]}
            value={to}
            onChange={(value) => setTo(value ?? WORKING)}
            allowDeselect={false}
          />
        </Group>
        <QueryView query={diff}>{(d) => <DiffView diff={d} />}</QueryView>
      </Paper>
    </Stack>
  );
}

const MARK = { same: " ", added: "+", removed: "−" } as const;
const COLOR = {
  same: undefined,
  added: "var(--mantine-color-green-0)",
  removed: "var(--mantine-color-red-0)",
};
const WORD = { same: "unchanged", added: "added", removed: "removed" } as const;

function DiffView({ diff }: { diff: PolicyDiff }) {
  const changed = diff.lines.filter((l) => l.kind !== "same").length;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {changed === 0 ? "The two texts are the same." : `${changed} lines added or removed.`}
      </Text>
      <Box
        component="ol"
        aria-label="Differences"
        style={{ listStyle: "none", padding: 0, margin: 0, fontFamily: "monospace", fontSize: 13 }}
      >
        {diff.lines.map((line, i) => (
          <li
            key={i}
            style={{ background: COLOR[line.kind], whiteSpace: "pre-wrap", padding: "0 4px" }}
          >
            <span aria-hidden="true">{MARK[line.kind]}</span>
            {line.kind === "same" ? null : (
              <span className="visually-hidden">{WORD[line.kind]}: </span>
            )}{" "}
            {line.text}
          </li>
        ))}
      </Box>
    </Stack>
  );
}
