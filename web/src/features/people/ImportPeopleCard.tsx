import { Button, Checkbox, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { ApiError } from "../../api/client.ts";
import type { PeopleImport } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useImportPeople } from "./api.ts";

const HEADER = "email,name,title,department,manager_email,start_date,end_date,type";

/** Upload the HR system's CSV: a file with any bad row is refused whole, each line named. */
export function ImportPeopleCard({ org }: { org: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [invite, setInvite] = useState(false);
  const [result, setResult] = useState<PeopleImport | null>(null);
  const importing = useImportPeople(org);

  const run = async () => {
    if (file === null) return;
    setResult(null);
    const csv = await file.text();
    importing.mutate({ csv, invite }, { onSuccess: setResult });
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="xs">
        Import from your HR system
      </Title>
      <Text size="sm" mb="sm">
        A CSV file with the header <code>{HEADER}</code> (and optionally <code>employee_id</code>).
        Dates are YYYY-MM-DD; leave the end date empty while someone is employed. Importing again
        updates people by email or employee id.
      </Text>
      <Stack gap="sm">
        <Group gap="sm">
          <Button variant="default" onClick={() => inputRef.current?.click()}>
            {file === null ? "Choose a CSV file" : "Choose another file"}
          </Button>
          <Text size="sm">{file === null ? "No file chosen" : file.name}</Text>
          <input
            ref={inputRef}
            type="file"
            accept=".csv,text/csv"
            hidden
            aria-label="People CSV file"
            onChange={(event) => {
              setFile(event.currentTarget.files?.item(0) ?? null);
              event.currentTarget.value = "";
            }}
          />
        </Group>
        <Checkbox
          label="Invite people without an account as employees"
          checked={invite}
          onChange={(event) => setInvite(event.currentTarget.checked)}
        />
        <Group>
          <Button onClick={() => void run()} disabled={file === null} loading={importing.isPending}>
            Import people
          </Button>
        </Group>
        <ProblemAlert error={importing.error} title="The file was not imported" />
        {importing.error !== null && importing.error !== undefined ? (
          <FieldProblems error={importing.error} />
        ) : null}
        {result === null ? null : (
          <Text role="status">
            Imported {result.rows} rows: {result.created.length} created, {result.updated.length}{" "}
            updated, {result.ended.length} ended, {result.unchanged} unchanged
            {result.invited.length > 0 ? `; ${result.invited.length} invited` : ""}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Every bad line and field (the alert's sentence names the first few). */
function FieldProblems({ error }: { error: unknown }) {
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  if (fields.length === 0) return null;
  return (
    <List size="sm" aria-label="Problems in the file">
      {fields.map((f) => (
        <List.Item key={`${f.field}:${f.message}`}>
          {f.field}: {f.message}
        </List.Item>
      ))}
    </List>
  );
}
