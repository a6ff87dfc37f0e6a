import { Anchor, Code, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Fact } from "../../lib/Fact.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { evidenceBundleUrl, useSigningKey } from "./api.ts";

/**
 * The evidence bundle (a signed archive of the engagement's evidence) and the organization's
 * key that signs it, so a reader can check a bundle came from here.
 */
export function EvidenceBundle({ org, engagementId }: { org: string; engagementId: string }) {
  const key = useSigningKey(org);
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={3} size="h4" mb="xs">
        Evidence bundle
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          A signed archive of the evidence behind this engagement, for the auditor or a customer's
          reviewer.{" "}
          <Anchor href={evidenceBundleUrl(org, engagementId)} download>
            Download the evidence bundle
          </Anchor>
        </Text>
        {key.data === null || key.data === undefined ? null : (
          <>
            <Text fw={600} size="sm">
              The organization's signing key
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Fact label="Algorithm" value={key.data.algorithm} />
              <Fact label="Created" value={formatDateTime(key.data.createdAt)} />
              <Fact
                label="Fingerprint"
                value={<Code className="wrapped-code">{key.data.fingerprint}</Code>}
              />
            </SimpleGrid>
            <Fact
              label="Public key"
              value={
                <Code block className="wrapped-code">
                  {key.data.publicKey}
                </Code>
              }
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
