import { Alert, Code, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/client.ts";

/** The server's problem in words, with the request id an operator can look up in the log. */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  const detail =
    problem?.detail ?? (error instanceof Error ? error.message : "Something went wrong.");
  return (
    <Alert color="red" title={title ?? problem?.title ?? "Something went wrong"} role="alert">
      <Stack gap={4}>
        <Text size="sm">{detail}</Text>
        {problem !== null && problem.requestId !== "" ? (
          <Text size="xs">
            Request id: <Code>{problem.requestId}</Code>
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function LoadingBlock({ lines = 4, label = "Loading" }: { lines?: number; label?: string }) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} height={index === 0 ? 28 : 18} width={index === 0 ? "40%" : "100%"} />
      ))}
    </Stack>
  );
}

export function EmptyBlock({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack
      gap="xs"
      align="center"
      py="xl"
      px="md"
      style={{ border: "1px dashed var(--mantine-color-gray-4)", borderRadius: 8 }}
    >
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Loading, failed or loaded: the three states every fetched section has. */
export function QueryView<T>({
  query,
  children,
  lines,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  lines?: number;
}) {
  if (query.isPending) return <LoadingBlock {...(lines === undefined ? {} : { lines })} />;
  if (query.error !== null && query.error !== undefined)
    return <ProblemAlert error={query.error} />;
  if (query.data === undefined) return <LoadingBlock />;
  return <>{children(query.data)}</>;
}
