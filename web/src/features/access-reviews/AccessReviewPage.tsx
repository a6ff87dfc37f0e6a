import {
  Anchor,
  Breadcrumbs,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import type { AccessReviewDetail, ReviewAccount } from "../../api/types.ts";
import { Fact } from "../../lib/Fact.tsx";
import { ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDay, humanize } from "../../lib/format.ts";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { AccountFlags } from "./AccountFlags.tsx";
import { CampaignStatusBadge } from "./AccessReviewsPage.tsx";
import {
  useAccessReview,
  useCompleteAccessReview,
  useImportAccounts,
  useRecordDone,
} from "./api.ts";

/** One campaign: its systems (and their imports), then every account, flagged first. */
export function AccessReviewPage() {
  const org = useCurrentOrg();
  const { review = "" } = useParams();
  const campaign = useAccessReview(org.slug, review);
  return (
    <QueryView query={campaign} lines={6}>
      {(c) => <Campaign campaign={c} />}
    </QueryView>
  );
}

function Campaign({ campaign: c }: { campaign: AccessReviewDetail }) {
  const org = useCurrentOrg();
  const manages = org.can("access-review:manage");
  const open = c.status === "open";
  const complete = useCompleteAccessReview(org.slug, c.ref);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={`/orgs/${org.slug}/access-reviews`}>
          Access reviews
        </Anchor>
        <Text>{c.ref}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${c.ref} ${c.name}`}
        description={<CampaignStatusBadge campaign={c} />}
        actions={
          <>
            {open && c.reviewer ? (
              <Button component={Link} to={`/orgs/${org.slug}/access-reviews/${c.ref}/decide`}>
                Decide accounts
              </Button>
            ) : null}
            {open && manages ? (
              <Button
                variant="default"
                loading={complete.isPending}
                disabled={c.accounts === 0 || c.decided < c.accounts}
                onClick={() => complete.mutate()}
              >
                Complete and freeze
              </Button>
            ) : null}
          </>
        }
      />
      <ProblemAlert error={complete.error} title="The campaign was not completed" />
      <Group gap="xl" mb="lg" wrap="wrap">
        <Fact
          label="Period reviewed"
          value={`${formatDay(c.periodFrom)} – ${formatDay(c.periodTo)}`}
        />
        <Fact label="Due" value={formatDay(c.dueOn)} />
        <Fact label="Reviewers" value={c.reviewers.join(", ")} />
        <Fact label="Decided" value={`${c.decided} of ${c.accounts} (${c.flagged} flagged)`} />
        {c.completedOn === null ? null : (
          <Fact label="Completed" value={`${formatDay(c.completedOn)} by ${c.completedBy ?? ""}`} />
        )}
      </Group>
      {c.sha256 === null ? null : (
        <Text size="sm" mb="lg">
          Snapshot SHA-256 <Code>{c.sha256}</Code>, filed as{" "}
          <Anchor component={Link} to={`/orgs/${org.slug}/evidence/${c.evidenceId ?? ""}`}>
            evidence on AC-06
          </Anchor>
          .
        </Text>
      )}
      <Systems campaign={c} canImport={open && manages} />
      <Title order={2} size="h4" mt="xl" mb="sm">
        Accounts
      </Title>
      <AccountTable campaign={c} canRecord={manages || c.reviewer} />
    </>
  );
}

function Systems({ campaign: c, canImport }: { campaign: AccessReviewDetail; canImport: boolean }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>System</Table.Th>
            <Table.Th>Accounts</Table.Th>
            <Table.Th>Flagged</Table.Th>
            <Table.Th>Imported</Table.Th>
            {canImport ? <Table.Th>Account list</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.systemViews.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>
                {s.decided} of {s.accounts} decided
              </Table.Td>
              <Table.Td>{s.flagged}</Table.Td>
              <Table.Td>{s.importedAt === null ? "Not yet" : `by ${s.importedBy ?? ""}`}</Table.Td>
              {canImport ? (
                <Table.Td>
                  {s.decided === 0 ? (
                    <ImportAccounts review={c.ref} system={s.name} />
                  ) : (
                    "Being decided"
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Uploads a system's CSV (account,email,privileged); a bad row refuses it, each line named. */
function ImportAccounts({ review, system }: { review: string; system: string }) {
  const org = useCurrentOrg();
  const inputRef = useRef<HTMLInputElement>(null);
  const importing = useImportAccounts(org.slug, review);
  const fields = importing.error instanceof ApiError ? importing.error.fieldErrors : [];
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          loading={importing.isPending}
          onClick={() => inputRef.current?.click()}
        >
          Import CSV
        </Button>
        <input
          ref={inputRef}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label={`Accounts of ${system} (CSV: account,email,privileged)`}
          onChange={(event) => {
            const file = event.currentTarget.files?.item(0);
            event.currentTarget.value = "";
            if (file !== null && file !== undefined) {
              void file.text().then((csv) => importing.mutate({ system, csv }));
            }
          }}
        />
      </Group>
      {importing.data === undefined ? null : (
        <Text size="sm" role="status">
          {importing.data.accounts} accounts: {importing.data.leavers} leavers,{" "}
          {importing.data.unknown} unknown, {importing.data.privileged} privileged
        </Text>
      )}
      <ProblemAlert error={importing.error} title="The file was not imported" />
      {fields.map((f) => (
        <Text key={`${f.field}:${f.message}`} size="sm">
          {f.field}: {f.message}
        </Text>
      ))}
    </Stack>
  );
}

function AccountTable({
  campaign: c,
  canRecord,
}: {
  campaign: AccessReviewDetail;
  canRecord: boolean;
}) {
  if (c.accountViews.length === 0) {
    return <Text>No account is imported yet.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>System</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>Person</Table.Th>
            <Table.Th>Flags</Table.Th>
            <Table.Th>Decision</Table.Th>
            <Table.Th>Removal</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.accountViews.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.system}</Table.Td>
              <Table.Td>
                <Text size="sm">{a.account}</Text>
                <Text size="xs" c="dimmed">
                  {a.email}
                </Text>
              </Table.Td>
              <Table.Td>{a.personName ?? "Not in the register"}</Table.Td>
              <Table.Td>
                <AccountFlags flags={a.flags} />
                {a.reason === null ? null : <Text size="xs">{a.reason}</Text>}
              </Table.Td>
              <Table.Td>
                {a.decision === null ? "Undecided" : humanize(a.decision)}
                {a.comment === null ? null : <Text size="xs">{a.comment}</Text>}
              </Table.Td>
              <Table.Td>
                <Removal review={c.ref} account={a} canRecord={canRecord} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A removal or change: done (with its evidence), or recorded done here with an evidence id. */
function Removal({
  review,
  account: a,
  canRecord,
}: {
  review: string;
  account: ReviewAccount;
  canRecord: boolean;
}) {
  const org = useCurrentOrg();
  const [evidenceId, setEvidenceId] = useState("");
  const record = useRecordDone(org.slug, review);
  if (a.decision !== "remove" && a.decision !== "change") return null;
  if (a.doneAt !== null) {
    return (
      <Text size="sm">
        Done {formatDay(a.doneAt.slice(0, 10))} (
        <Anchor component={Link} to={`/orgs/${org.slug}/evidence/${a.doneEvidenceId ?? ""}`}>
          evidence
        </Anchor>
        )
      </Text>
    );
  }
  if (!canRecord) return <Text size="sm">To do</Text>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate({ account: a.id, evidenceId: evidenceId.trim(), note: null });
      }}
    >
      <Group gap={4} wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={`Evidence id for ${a.account}`}
          placeholder="Evidence id"
          value={evidenceId}
          onChange={(event) => setEvidenceId(event.currentTarget.value)}
          w={130}
        />
        <Button
          size="xs"
          type="submit"
          disabled={evidenceId.trim() === ""}
          loading={record.isPending}
        >
          Record done
        </Button>
      </Group>
      <ProblemAlert error={record.error} title="Not recorded" />
    </form>
  );
}
