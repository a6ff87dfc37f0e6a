import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { PolicyTemplate } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useAdoptPolicy } from "./api.ts";

/** The template's values, each prefilled with its suggestion; empty fields are refused. */
export function AdoptPolicyModal({
  org,
  template,
  onClose,
}: {
  org: string;
  template: PolicyTemplate | null;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const adopt = useAdoptPolicy(org);
  const [values, setValues] = useState<Record<string, string>>({});
  const close = () => {
    setValues({});
    adopt.reset();
    onClose();
  };
  if (template === null) return null;
  const valueOf = (name: string, fallback: string) => values[name] ?? fallback;
  return (
    <Modal opened onClose={close} title={`Adopt: ${template.title}`} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = Object.fromEntries(
            template.variables.map((v) => [v.name, valueOf(v.name, v.default)]),
          );
          adopt.mutate(
            { template: template.id, values: chosen },
            {
              onSuccess: (policy) => {
                close();
                void navigate(`/orgs/${org}/policies/${policy.label}`);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {template.summary} The organization&apos;s name is filled in for you; choose the values
            below. The text is yours to edit afterwards.
          </Text>
          {template.variables.map((variable) => (
            <TextInput
              key={variable.name}
              label={variable.label}
              description={variable.help}
              value={valueOf(variable.name, variable.default)}
              onChange={(event) =>
                setValues((current) => ({ ...current, [variable.name]: event.currentTarget.value }))
              }
              required
            />
          ))}
          {adopt.error ? <ProblemAlert error={adopt.error} title="Not adopted" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={adopt.isPending}>
              Adopt as a draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
