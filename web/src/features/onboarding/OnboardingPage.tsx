import {
  Button,
  Checkbox,
  Container,
  Group,
  Paper,
  Select,
  Stack,
  Stepper,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api/client.ts";
import type { CategoryId, CreatedOrganization } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, required } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { PublicLayoutHeader } from "./PublicLayoutHeader.tsx";
import { SESSION_KEY } from "../session/api.ts";
import { CATEGORY_INFO } from "./categories.ts";

interface OnboardingValues {
  name: string;
  timeZone: string;
  systemName: string;
  categories: CategoryId[];
  adoptLibrary: boolean;
}

/** Which fields each step asks for, so Next validates only what is on screen. */
const STEP_FIELDS: readonly (keyof OnboardingValues)[][] = [
  ["name", "timeZone"],
  ["systemName"],
  ["categories"],
  ["adoptLibrary"],
];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
}

export function OnboardingPage() {
  usePageTitle("Set up your organization");
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const zones = useMemo(() => ["UTC", ...timeZones().filter((zone) => zone !== "UTC")], []);
  const form = useForm<OnboardingValues>({
    mode: "controlled",
    initialValues: {
      name: "",
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
      systemName: "",
      categories: ["security"],
      adoptLibrary: true,
    },
    validate: {
      name: required("the company's name"),
      timeZone: (value) => (value === "" ? "Choose the time zone your dates are in" : null),
      systemName: required("the name of the system the report covers"),
    },
    validateInputOnChange: true,
  });
  const create = useMutation({
    mutationFn: (values: OnboardingValues) =>
      api<CreatedOrganization>("/api/v1/orgs", {
        method: "POST",
        body: {
          name: values.name.trim(),
          systemName: values.systemName.trim(),
          timeZone: values.timeZone,
          categories: values.categories,
          adoptLibrary: values.adoptLibrary,
        },
      }),
  });

  const stepValid = (step: number) =>
    (STEP_FIELDS[step] ?? []).every((field) => !form.validateField(field).hasError);
  const next = () => {
    if (stepValid(active)) setActive((step) => Math.min(step + 1, STEP_FIELDS.length - 1));
  };
  const submit = form.onSubmit((values) =>
    create.mutate(values, {
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
        void navigate(`/orgs/${created.organization.slug}`, { replace: true });
      },
      onError: (error) => {
        applyServerErrors(form, error);
        const firstBad = STEP_FIELDS.findIndex((fields) =>
          fields.some((field) => form.errors[field] !== undefined),
        );
        if (firstBad >= 0) setActive(firstBad);
      },
    }),
  );

  return (
    <>
      <PublicLayoutHeader />
      <Container component="main" size={720} py="xl">
        <Title order={1} size="h2" mb="xs">
          Set up your organization
        </Title>
        <Text mb="lg">Four short steps; you can change all of this later in Settings.</Text>
        <Paper withBorder p="lg" radius="md">
          <form noValidate onSubmit={submit}>
            <Stepper active={active} onStepClick={(step) => step < active && setActive(step)}>
              <Stepper.Step label="Company" description="Name and time zone">
                <Stack mt="md">
                  <TextInput
                    label="Company name"
                    required
                    data-autofocus
                    {...form.getInputProps("name")}
                  />
                  <Select
                    label="Time zone"
                    description="Evidence dates and deadlines are counted in this zone."
                    searchable
                    allowDeselect={false}
                    data={zones}
                    {...form.getInputProps("timeZone")}
                  />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label="System" description="What the report covers">
                <Stack mt="md">
                  <TextInput
                    label="System name"
                    description="The product or service your SOC 2 report describes, such as “Acme Cloud Platform”."
                    required
                    {...form.getInputProps("systemName")}
                  />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label="Categories" description="Trust services in scope">
                <CategoryChoice
                  value={form.values.categories}
                  onChange={(categories) => form.setFieldValue("categories", categories)}
                />
              </Stepper.Step>
              <Stepper.Step label="Controls" description="Start from the library">
                <Stack mt="md">
                  <Switch
                    label="Adopt Attest's control library"
                    description="Adds ready-made controls mapped to the criteria in scope. You edit, map or mark them not applicable afterwards."
                    {...form.getInputProps("adoptLibrary", { type: "checkbox" })}
                  />
                  <ProblemAlert error={create.error} title="Could not create the organization" />
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Group justify="space-between" mt="xl">
              <Button
                variant="default"
                disabled={active === 0}
                onClick={() => setActive((s) => s - 1)}
              >
                Back
              </Button>
              {/* Distinct keys: reusing one button element would turn the click on Next
                  into a submit as it changes type under the pointer. */}
              {active < STEP_FIELDS.length - 1 ? (
                <Button key="next" onClick={next}>
                  Next
                </Button>
              ) : (
                <Button key="submit" type="submit" loading={create.isPending}>
                  Create organization
                </Button>
              )}
            </Group>
          </form>
        </Paper>
      </Container>
    </>
  );
}

function CategoryChoice({
  value,
  onChange,
}: {
  value: CategoryId[];
  onChange: (categories: CategoryId[]) => void;
}) {
  return (
    <Checkbox.Group
      mt="md"
      label="Trust services categories"
      description="Security is in every SOC 2. Add the others your customers ask about."
      value={value}
      onChange={(ids) =>
        onChange(
          CATEGORY_INFO.map((c) => c.id).filter((id) => id === "security" || ids.includes(id)),
        )
      }
    >
      <Stack mt="sm" gap="sm">
        {CATEGORY_INFO.map((category) => (
          <Checkbox
            key={category.id}
            value={category.id}
            label={category.name}
            description={category.summary}
            disabled={category.id === "security"}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
