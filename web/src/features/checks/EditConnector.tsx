import { Button, Group, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { Connector, ConnectorKindInfo } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useUpdateConnector } from "./api.ts";

/** A stored setting as the form shows it: lists joined by commas, as they are typed. */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return "";
}

/**
 * Settings → Connectors, one connector's form: its name and settings prefilled; its secrets
 * never shown, replaced only when typed again (all of them, as the update route replaces every
 * credential). The server tests the connection before it saves anything.
 */
export function EditConnector({
  org,
  connector,
  kind,
  onClose,
}: {
  org: string;
  connector: Connector;
  kind: ConnectorKindInfo;
  onClose: (saved: string | null) => void;
}) {
  const update = useUpdateConnector(org);
  const [name, setName] = useState(connector.name);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      kind.fields.filter((f) => !f.secret).map((f) => [f.name, asText(connector.settings[f.name])]),
    ),
  );
  const secrets = kind.fields.filter((f) => f.secret);
  const replacing = secrets.some((f) => (values[f.name] ?? "").trim() !== "");
  const set = (field: string, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const submit = () => {
    const settings: Record<string, string> = {};
    const credentials: Record<string, string> = {};
    for (const field of kind.fields) {
      const value = (values[field.name] ?? "").trim();
      if (value === "") continue;
      (field.secret ? credentials : settings)[field.name] = value;
    }
    update.mutate(
      { ref: connector.ref, name, settings, ...(replacing ? { credentials } : {}) },
      { onSuccess: (saved) => onClose(`Saved ${saved.ref} ${saved.name}.`) },
    );
  };
  return (
    <form
      aria-label={`Edit ${connector.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm" maw={560}>
        <Title order={3} size="h5">
          Edit {connector.ref} {connector.name}
        </Title>
        <TextInput
          label="Connector name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
        />
        {kind.fields.map((field) =>
          field.secret ? (
            <PasswordInput
              key={field.name}
              label={`New ${field.label.charAt(0).toLowerCase()}${field.label.slice(1)}`}
              description={`Leave empty to keep the stored one. ${field.help}`}
              required={field.required && replacing}
              value={values[field.name] ?? ""}
              onChange={(event) => set(field.name, event.currentTarget.value)}
            />
          ) : (
            <TextInput
              key={field.name}
              label={field.label}
              description={field.help}
              required={field.required}
              value={values[field.name] ?? ""}
              onChange={(event) => set(field.name, event.currentTarget.value)}
            />
          ),
        )}
        <Text size="xs">The connection is tested again before anything is saved.</Text>
        <Group>
          <Button type="submit" loading={update.isPending}>
            Test and save changes
          </Button>
          <Button variant="default" onClick={() => onClose(null)}>
            Cancel
          </Button>
        </Group>
        <ProblemAlert error={update.error} title="Not saved" />
      </Stack>
    </form>
  );
}
