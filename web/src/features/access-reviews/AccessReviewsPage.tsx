import { Anchor, Badge, Button, Group, Paper, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate } from "react-router";
import type { AccessReviewSummary } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { useAccessReviews, useStartAccessReview } from "./api.ts";

/** Access review campaigns: owners and admins start them; reviewers see those they review. */
export function AccessReviewsPage() {
  const org = useCurrentOrg();
  const reviews = useAccessReviews(org.slug);
  return (
    <>
      <PageHeader
        title="Access reviews"
        description="Each campaign reviews the accounts of its systems against the people register; completed, it is frozen and filed as evidence for AC-06."
      />
      {org.can("access-review:manage") ? <StartCampaign org={org.slug} /> : null}
      <QueryView query={reviews} lines={4}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyBlock title="No access review yet">
              <Text>
                {org.can("access-review:manage")
                  ? "Start one for the systems in scope, then import each system's accounts."
                  : "Campaigns you are asked to review appear here."}
              </Text>
            </EmptyBlock>
          ) : (
            <CampaignTable org={org.slug} items={items} />
          )
        }
      </QueryView>
    </>
  );
}

export function CampaignStatusBadge({ campaign }: { campaign: AccessReviewSummary }) {
  if (campaign.status === "completed") {
    return (
      <Badge color="green" variant="light">
        Completed
      </Badge>
    );
  }
  return campaign.overdue ? (
    <Badge color="red" variant="light">
      Overdue
    </Badge>
  ) : (
    <Badge color="blue" variant="light">
      Open
    </Badge>
  );
}

function CampaignTable({ org, items }: { org: string; items: AccessReviewSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Campaign</Table.Th>
            <Table.Th>Systems</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Decided</Table.Th>
            <Table.Th>Flagged</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/orgs/${org}/access-reviews/${c.ref}`}>
                  {c.ref} {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.systems.join(", ")}</Table.Td>
              <Table.Td>
                {formatDay(c.periodFrom)} – {formatDay(c.periodTo)}
              </Table.Td>
              <Table.Td>{formatDay(c.dueOn)}</Table.Td>
              <Table.Td>
                {c.decided} of {c.accounts}
              </Table.Td>
              <Table.Td>{c.flagged}</Table.Td>
              <Table.Td>
                <CampaignStatusBadge campaign={c} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const list = (value: string) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

function StartCampaign({ org }: { org: string }) {
  const start = useStartAccessReview(org);
  const navigate = useNavigate();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      name: "",
      systems: "",
      reviewers: "",
      periodFrom: "",
      periodTo: "",
      dueOn: "",
    },
    validate: {
      name: (v: string) => (v.trim() === "" ? "Name the campaign" : null),
      systems: (v: string) => (list(v).length === 0 ? "Name at least one system" : null),
      reviewers: (v: string) => (list(v).length === 0 ? "Name at least one reviewer" : null),
    },
  });
  const optional = (v: string) => (v.trim() === "" ? undefined : v.trim());
  return (
    <Paper withBorder p="lg" radius="md" mb="lg">
      <Title order={2} size="h4" mb="sm">
        Start a campaign
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          start.mutate(
            {
              name: values.name.trim(),
              systems: list(values.systems),
              reviewers: list(values.reviewers),
              periodFrom: optional(values.periodFrom),
              periodTo: optional(values.periodTo),
              dueOn: optional(values.dueOn),
            },
            {
              onSuccess: (created) => void navigate(`/orgs/${org}/access-reviews/${created.ref}`),
              onError: (error) => applyServerErrors(form, error),
            },
          ),
        )}
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput label="Name" w={240} {...form.getInputProps("name")} />
          <TextInput
            label="Systems"
            description="Comma-separated"
            placeholder="GitHub, AWS"
            w={220}
            {...form.getInputProps("systems")}
          />
          <TextInput
            label="Reviewers"
            description="Members' emails, comma-separated"
            w={260}
            {...form.getInputProps("reviewers")}
          />
        </Group>
        <Group align="flex-start" wrap="wrap" mt="sm">
          <TextInput
            label="Period from"
            description="YYYY-MM-DD; the last quarter if empty"
            w={220}
            {...form.getInputProps("periodFrom")}
          />
          <TextInput
            label="Period to"
            description="YYYY-MM-DD"
            w={160}
            {...form.getInputProps("periodTo")}
          />
          <TextInput
            label="Due on"
            description="In two weeks if empty"
            w={180}
            {...form.getInputProps("dueOn")}
          />
        </Group>
        <Group mt="md">
          <Button type="submit" loading={start.isPending}>
            Start campaign
          </Button>
        </Group>
        <ProblemAlert error={start.error} title="The campaign was not started" />
      </form>
    </Paper>
  );
}
