import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { TOKEN_SCOPES } from "../../api/types.ts";
import type { TokenScope } from "../../api/types.ts";
import { EmptyBlock, ProblemAlert, QueryView } from "../../lib/feedback.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { useCreateToken, useRevokeToken, useTokens } from "./api.ts";

const SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read: readiness, controls, evidence",
  "evidence:write": "Add evidence (for scripts and CI jobs)",
};

/** Tokens for scripts acting in this organization; the secret is shown once, at creation. */
export function TokensPanel({ org }: { org: string }) {
  const tokens = useTokens(org, true);
  const create = useCreateToken(org);
  const revoke = useRevokeToken(org);
  const form = useForm<{ name: string; scopes: string[]; expiresInDays: number | string }>({
    mode: "controlled",
    initialValues: { name: "", scopes: ["read"], expiresInDays: 90 },
    validate: {
      name: required("a name that says where the token is used"),
      scopes: (value) => (value.length === 0 ? "Choose at least one scope" : null),
      expiresInDays: (value) =>
        typeof value === "number" && value >= 1 && value <= 366 ? null : "Between 1 and 366 days",
    },
    validateInputOnChange: true,
  });
  return (
    <Stack>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            {
              name: values.name.trim(),
              scopes: values.scopes as TokenScope[],
              expiresInDays: Number(values.expiresInDays),
            },
            { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) },
          ),
        )}
      >
        <Stack maw={520}>
          <TextInput
            label="Token name"
            placeholder="CI evidence upload"
            required
            {...form.getInputProps("name")}
          />
          <Checkbox.Group label="Scopes" required {...form.getInputProps("scopes")}>
            <Stack gap="xs" mt="xs">
              {TOKEN_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={SCOPE_LABELS[scope]} />
              ))}
            </Stack>
          </Checkbox.Group>
          <NumberInput
            label="Expires after (days)"
            min={1}
            max={366}
            w={200}
            {...form.getInputProps("expiresInDays")}
          />
          <ProblemAlert error={create.error} title="Could not create the token" />
          <Button type="submit" loading={create.isPending} w="fit-content">
            Create token
          </Button>
        </Stack>
      </form>
      {create.data === undefined ? null : (
        <Alert color="blue" title={`Token “${create.data.token.name}” created`}>
          <Stack gap="xs">
            <Text size="sm">Copy the secret now: it is not shown again.</Text>
            <Code block style={{ wordBreak: "break-all" }}>
              {create.data.secret}
            </Code>
            <CopyButton value={create.data.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy} w="fit-content">
                  {copied ? "Copied" : "Copy secret"}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
      <ProblemAlert error={revoke.error} />
      <QueryView query={tokens}>
        {(items) =>
          items.length === 0 ? (
            <EmptyBlock title="No tokens">
              <Text>Create one for a script that uploads evidence.</Text>
            </EmptyBlock>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Scopes</Table.Th>
                    <Table.Th scope="col">Expires</Table.Th>
                    <Table.Th scope="col">Last used</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td>{token.name}</Table.Td>
                      <Table.Td>{token.scopes.join(", ")}</Table.Td>
                      <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
                      <Table.Td>{formatDateTime(token.lastUsedAt)}</Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Revoke token ${token.name}`}
                            loading={revoke.isPending && revoke.variables === token.id}
                            onClick={() => revoke.mutate(token.id)}
                          >
                            Revoke
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
