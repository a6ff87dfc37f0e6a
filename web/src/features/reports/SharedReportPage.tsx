/**
 * What a customer sees through a share link, without an account: whose report it is, the
 * non-disclosure terms, and after accepting them the download.
 */
import {
  Alert,
  Button,
  Checkbox,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import type { SharedReportPreview } from "../../api/types.ts";
import { Fact } from "../../lib/Fact.tsx";
import { LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { dayInWords, instantInWords } from "./dates.ts";
import { applyServerErrors, emailRule, required } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { PublicLayout } from "../auth/PublicLayout.tsx";
import { sharedDownloadUrl, useAcceptNda, useSharedPreview } from "./api.ts";

export function SharedReportPage() {
  usePageTitle("Shared SOC 2 report");
  const { token = "" } = useParams();
  const preview = useSharedPreview(token);
  return (
    <PublicLayout width={720}>
      <Stack>
        <Title order={1} size="h2">
          {preview.data === undefined
            ? "Shared SOC 2 report"
            : `SOC 2 report shared by ${preview.data.organization}`}
        </Title>
        {preview.isPending ? <LoadingBlock lines={4} label="Loading the shared report" /> : null}
        {preview.error === null ? null : <Unavailable error={preview.error} />}
        {preview.data === undefined ? null : <Shared token={token} preview={preview.data} />}
      </Stack>
    </PublicLayout>
  );
}

/** The server writes its reasons as clauses: "this link expired on …". */
const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}.`.replace(/\.\.$/, ".");

/** 410: the link was good once; 404: it never was (or was mistyped). */
function Unavailable({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 410) {
    return (
      <Alert color="orange" title="This link has expired or was revoked" role="alert">
        {sentence(error.problem.detail)}
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert color="red" title="This link is not valid" role="alert">
        Check that the whole link was copied, or ask the company that shared it for a new one.
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

function Shared({ token, preview }: { token: string; preview: SharedReportPreview }) {
  const accept = useAcceptNda(token);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label="Organization" value={`${preview.organization} (${preview.systemName})`} />
        <Fact label="Report" value={preview.report} />
        <Fact label="Issued" value={dayInWords(preview.issueDate)} />
        <Fact label="This link expires" value={instantInWords(preview.expiresAt)} />
        <Fact label="Shared with" value={preview.recipient} />
      </SimpleGrid>
      <Paper withBorder p="md" radius="sm" bg="gray.0">
        <Title order={2} size="h4" mb="xs">
          Non-disclosure terms
        </Title>
        <Text style={{ whiteSpace: "pre-wrap" }} size="sm">
          {preview.nda}
        </Text>
      </Paper>
      {accept.data === undefined ? (
        <AcceptForm accept={accept} />
      ) : (
        <Alert color="green" title="Terms accepted">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              Your download is ready until {instantInWords(accept.data.expiresAt)}.
            </Text>
            <Button
              component="a"
              href={sharedDownloadUrl(token, accept.data.downloadToken)}
              download
            >
              Download the report (PDF)
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function AcceptForm({ accept }: { accept: ReturnType<typeof useAcceptNda> }) {
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", company: "", email: "", accept: false },
    validate: {
      name: required("your name"),
      company: required("your company"),
      email: emailRule,
      accept: (value) => (value ? null : "Accept the terms to download the report"),
    },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      aria-label="Accept the terms"
      onSubmit={form.onSubmit((values) =>
        accept.mutate(
          {
            name: values.name.trim(),
            company: values.company.trim(),
            email: values.email.trim(),
            accept: true,
          },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            {...form.getInputProps("name")}
          />
          <TextInput
            label="Company"
            autoComplete="organization"
            required
            {...form.getInputProps("company")}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
        </SimpleGrid>
        <Checkbox
          label="I accept the non-disclosure terms above"
          {...form.getInputProps("accept", { type: "checkbox" })}
        />
        <ProblemAlert error={accept.error} title="Could not record your acceptance" />
        <Button type="submit" loading={accept.isPending} w="fit-content">
          Accept and continue
        </Button>
      </Stack>
    </form>
  );
}
