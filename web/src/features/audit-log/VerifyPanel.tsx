import { Alert, Button, Code, List, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api, orgPath } from "../../api/client.ts";
import type { AuditVerification } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";

/** Recomputes the hash chain, re-hashes stored files and checks records against the trail. */
export function VerifyPanel({ org }: { org: string }) {
  const verify = useMutation({
    mutationFn: () => api<AuditVerification>(orgPath(org, "/audit-log/verify"), { method: "POST" }),
  });
  return (
    <Stack gap="sm">
      <Button
        variant="default"
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        w="fit-content"
      >
        Verify the audit log
      </Button>
      <ProblemAlert error={verify.error} title="Could not verify" />
      {verify.data === undefined ? null : <VerificationResult result={verify.data} />}
    </Stack>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  return (
    <Alert
      color={result.ok ? "green" : "red"}
      title={result.ok ? "The audit log is intact" : "The audit log failed verification"}
      role="status"
    >
      <Stack gap={6}>
        <Text size="sm">
          {result.events} events in the chain, {result.filesChecked} stored files re-hashed,{" "}
          {result.recordsChecked} records checked against their events.
        </Text>
        {result.head === null ? null : (
          <Text size="sm">
            Newest event #{result.head.seq}, hash <Code>{result.head.hash}</Code>. Note it down
            elsewhere: a later verification shows nothing after it was cut off.
          </Text>
        )}
        {result.chain === null ? null : (
          <Text size="sm">
            Chain broken at event #{result.chain.seq}: {result.chain.reason}
          </Text>
        )}
        {result.corruptFiles.length === 0 ? null : (
          <List size="sm">
            {result.corruptFiles.map((file) => (
              <List.Item key={file.sha256}>
                File <Code>{file.sha256.slice(0, 16)}</Code>: {file.problem}
              </List.Item>
            ))}
          </List>
        )}
        {result.records.length === 0 ? null : (
          <List size="sm">
            {result.records.map((record) => (
              <List.Item key={`${record.target}-${record.problem}`}>
                {record.target}: {record.problem}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
