import { Button, Group, Modal, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate } from "react-router";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors } from "../../lib/forms.ts";
import { useCreateRisk } from "./api.ts";
import { RiskFields, inputOf, riskFieldRules } from "./RiskFields.tsx";
import type { RiskFormValues } from "./RiskFields.tsx";

export function NewRiskModal({
  org,
  opened,
  onClose,
}: {
  org: string;
  opened: boolean;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateRisk(org);
  const form = useForm<RiskFormValues>({
    mode: "controlled",
    initialValues: {
      title: "",
      description: "",
      category: "security",
      owner: "",
      likelihood: "3",
      impact: "3",
      treatment: "mitigate",
      controls: [],
      residualLikelihood: "3",
      residualImpact: "3",
      reviewDate: "",
      acceptanceNote: "",
    },
    validate: riskFieldRules,
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New risk" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(inputOf(values), {
            onSuccess: (risk) => {
              close();
              void navigate(`/orgs/${org}/risks/${risk.ref}`);
            },
            onError: (error) => applyServerErrors(form, error),
          }),
        )}
      >
        <Stack>
          <RiskFields org={org} form={form} />
          <ProblemAlert error={create.error} title="Could not add the risk" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add risk
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
