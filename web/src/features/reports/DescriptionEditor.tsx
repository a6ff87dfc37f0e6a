import {
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { COMPONENT_KINDS, SUBSERVICE_METHODS } from "../../api/types.ts";
import type { SystemDescriptionContent } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { humanize, isCalendarDate, todayLocal } from "../../lib/format.ts";
import { applyServerErrors } from "../../lib/forms.ts";
import { useOrgCriteria } from "../criteria/api.ts";
import { useUpdateDescription } from "./api.ts";
import { SubservicesView } from "./DescriptionView.tsx";
import type { DescriptionChanges } from "./api.ts";
import { COMPONENT_LABELS } from "./labels.ts";

type Values = SystemDescriptionContent;
type Form = UseFormReturnType<Values>;

const LINE_MAX = 2000;
const blank = (value: string) => value.trim() === "";

/** The server's rules, checked as the person types: blank rows, dates, lengths. */
function validate(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  const line = (path: string, value: string, what: string) => {
    if (blank(value)) errors[path] = `Enter the ${what}, or remove the row`;
    else if (value.trim().length > LINE_MAX) errors[path] = `Keep it under ${LINE_MAX} characters`;
  };
  const date = (path: string, value: string) => {
    if (!isCalendarDate(value)) errors[path] = "Enter a date";
  };
  if (values.services.length > 20000) errors.services = "Keep it under 20000 characters";
  values.commitments.forEach((c, i) => line(`commitments.${i}`, c, "commitment"));
  values.systemRequirements.forEach((r, i) => line(`systemRequirements.${i}`, r, "requirement"));
  for (const kind of COMPONENT_KINDS) {
    values.components[kind].forEach((c, i) => {
      line(`components.${kind}.${i}.name`, c.name, "component's name");
      if (c.owner.length > 320) errors[`components.${kind}.${i}.owner`] = "Keep it short";
    });
  }
  values.incidents.forEach((incident, i) => {
    date(`incidents.${i}.date`, incident.date);
    line(`incidents.${i}.nature`, incident.nature, "nature of the incident");
    line(`incidents.${i}.extent`, incident.extent, "extent");
    line(`incidents.${i}.disposition`, incident.disposition, "disposition");
  });
  values.cuecs.forEach((c, i) => line(`cuecs.${i}.text`, c.text, "control"));
  values.subservices.forEach((s, i) => {
    line(`subservices.${i}.name`, s.name, "organization's name");
    line(`subservices.${i}.services`, s.services, "services it provides");
    s.csocs.forEach((c, j) => line(`subservices.${i}.csocs.${j}.text`, c.text, "control"));
  });
  values.changes.forEach((change, i) => {
    date(`changes.${i}.date`, change.date);
    line(`changes.${i}.description`, change.description, "change");
  });
  return errors;
}

/** Strings trimmed as the server will store them. */
function trimmed<T>(value: T): T {
  if (typeof value === "string") return value.trim() as T;
  if (Array.isArray(value)) return value.map(trimmed) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)])) as T;
  }
  return value;
}

const TOP_LEVEL = [
  "services",
  "commitments",
  "systemRequirements",
  "boundaries",
  "incidents",
  "noIncidents",
  "cuecs",
  "noCuecs",
  "subservices",
  "noSubservices",
  "changes",
  "noChanges",
] as const satisfies readonly Exclude<keyof Values, "components">[];

/** Only what was edited: the server replaces each top-level field it is given. */
function changesOf(form: Form): DescriptionChanges {
  const values = trimmed(form.getValues());
  const changes: Record<string, unknown> = {};
  for (const key of TOP_LEVEL) if (form.isDirty(key)) changes[key] = values[key];
  const components = Object.fromEntries(
    COMPONENT_KINDS.filter((kind) => form.isDirty(`components.${kind}`)).map((kind) => [
      kind,
      values.components[kind],
    ]),
  );
  if (Object.keys(components).length > 0) changes.components = components;
  return changes as DescriptionChanges;
}

/** A server error on one criterion of a list ("cuecs.0.criteria.1") belongs to its picker. */
const serverField = (field: string) => field.replace(/\.criteria\.\d+$/, ".criteria");

export function DescriptionEditor({
  org,
  engagementId,
  description,
  type,
  subservicesFromVendors,
}: {
  org: string;
  engagementId: string;
  description: SystemDescriptionContent;
  type: 1 | 2;
  /** DC7 lists the vendors marked as subservice organizations: shown, changed in Vendors. */
  subservicesFromVendors: boolean;
}) {
  const save = useUpdateDescription(org, engagementId);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: description,
    validate,
    validateInputOnChange: true,
  });
  const criteria = useOrgCriteria(org);
  const criteriaIds = (criteria.data ?? []).map((c) => c.id);
  const dirty = form.isDirty();
  return (
    <form
      noValidate
      aria-label="System description"
      onSubmit={form.onSubmit(() =>
        save.mutate(changesOf(form), {
          onSuccess: (view) => {
            form.setValues(view.package.description);
            form.setInitialValues(view.package.description);
            form.resetDirty(view.package.description);
          },
          onError: (error) => applyServerErrors(form, error, serverField),
        }),
      )}
    >
      <Stack gap="lg">
        <Fieldset legend="DC1 · Services">
          <Textarea
            label="The services the report covers"
            description="What the company provides to its customers with this system."
            autosize
            minRows={3}
            {...form.getInputProps("services")}
          />
        </Fieldset>

        <Fieldset legend="DC2 · Commitments and system requirements">
          <Stack>
            <StringList
              form={form}
              path="commitments"
              label="Principal service commitments"
              itemLabel="Commitment"
              placeholder="99.9% monthly availability"
            />
            <StringList
              form={form}
              path="systemRequirements"
              label="System requirements"
              itemLabel="Requirement"
              placeholder="Production access needs MFA"
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="DC3 · Components of the system">
          <Stack>
            {COMPONENT_KINDS.map((kind) => (
              <Components key={kind} form={form} kind={kind} />
            ))}
            <Textarea
              label="Boundaries of the system"
              description="What is inside the system, and what is not."
              autosize
              minRows={2}
              {...form.getInputProps("boundaries")}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="DC4 · Incidents">
          <Incidents form={form} />
        </Fieldset>

        <Fieldset legend="DC6 · Complementary user entity controls (CUECs)">
          {form.getValues().cuecs.length === 0 ? (
            <Checkbox
              mb="xs"
              label="Users of the system need no controls of their own for the criteria to be met"
              {...form.getInputProps("noCuecs", { type: "checkbox" })}
            />
          ) : null}
          <ComplementaryList
            form={form}
            path="cuecs"
            itemLabel={(i) => `CUEC ${i + 1}`}
            addLabel="Add CUEC"
            criteriaIds={criteriaIds}
            placeholder="Customers manage their own users' access."
          />
        </Fieldset>

        <Fieldset legend="DC7 · Subservice organizations">
          {subservicesFromVendors ? (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                These are the vendors marked as subservice organizations, with the services they
                provide, the method and their controls the system relies on. They are changed in the
                vendor inventory, not here.
              </Text>
              <SubservicesView description={description} />
              <Anchor component={Link} to={`/orgs/${org}/vendors`} size="sm" w="fit-content">
                Change the subservice organizations in Vendors
              </Anchor>
            </Stack>
          ) : (
            <Subservices form={form} criteriaIds={criteriaIds} />
          )}
        </Fieldset>

        {type === 2 ? (
          <Fieldset legend="DC9 · Significant changes in the period">
            <Changes form={form} />
          </Fieldset>
        ) : null}

        <Paper
          withBorder
          p="sm"
          radius="md"
          pos="sticky"
          bottom={0}
          style={{ zIndex: 2 }}
          bg="var(--mantine-color-body)"
        >
          <Stack gap="xs">
            <ProblemAlert error={save.error} title="Could not save the description" />
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {dirty
                  ? "Unsaved changes"
                  : save.isSuccess
                    ? "Saved"
                    : "DC5 and DC8 come from your controls and scope."}
              </Text>
              <Group gap="sm">
                <Button
                  variant="default"
                  disabled={!dirty}
                  onClick={() => {
                    form.reset();
                    save.reset();
                  }}
                >
                  Discard changes
                </Button>
                <Button type="submit" loading={save.isPending} disabled={!dirty}>
                  Save description
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}

/** One row of a list: its fields, and the button that removes it. */
function Row({
  children,
  onRemove,
  label,
  labelled = false,
}: {
  children: ReactNode;
  onRemove: () => void;
  label: string;
  /** The fields carry visible labels above them: the button lines up with the inputs. */
  labelled?: boolean;
}) {
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs">
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        mt={labelled ? 26 : 4}
        aria-label={`Remove ${label}`}
        onClick={onRemove}
      >
        Remove
      </Button>
    </Group>
  );
}

function ListHeading({ label, count, error }: { label: string; count: number; error?: ReactNode }) {
  return (
    <div>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          None listed yet.
        </Text>
      ) : null}
      {error === undefined || error === null ? null : (
        <Text size="sm" c="var(--mantine-color-error)">
          {error}
        </Text>
      )}
    </div>
  );
}

function StringList({
  form,
  path,
  label,
  itemLabel,
  placeholder,
}: {
  form: Form;
  path: "commitments" | "systemRequirements";
  label: string;
  itemLabel: string;
  placeholder: string;
}) {
  const items = form.getValues()[path];
  return (
    <Stack gap="xs">
      <ListHeading label={label} count={items.length} error={form.errors[path]} />
      {items.map((_, i) => (
        <Row
          key={i}
          label={`${itemLabel.toLowerCase()} ${i + 1}`}
          onRemove={() => form.removeListItem(path, i)}
        >
          <TextInput
            aria-label={`${itemLabel} ${i + 1}`}
            placeholder={placeholder}
            {...form.getInputProps(`${path}.${i}`)}
          />
        </Row>
      ))}
      <AddButton onClick={() => form.insertListItem(path, "")}>
        Add {itemLabel.toLowerCase()}
      </AddButton>
    </Stack>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="light" size="xs" w="fit-content" onClick={onClick}>
      {children}
    </Button>
  );
}

function Components({ form, kind }: { form: Form; kind: (typeof COMPONENT_KINDS)[number] }) {
  const path = `components.${kind}` as const;
  const items = form.getValues().components[kind];
  const name = COMPONENT_LABELS[kind];
  return (
    <Stack gap="xs">
      <ListHeading label={name} count={items.length} error={form.errors[path]} />
      {items.map((_, i) => (
        <Row
          key={i}
          label={`${name.toLowerCase()} component ${i + 1}`}
          labelled={i === 0}
          onRemove={() => form.removeListItem(path, i)}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput
              label={i === 0 ? "Name" : undefined}
              aria-label={`${name} ${i + 1} name`}
              {...form.getInputProps(`${path}.${i}.name`)}
            />
            <TextInput
              label={i === 0 ? "Description" : undefined}
              aria-label={`${name} ${i + 1} description`}
              {...form.getInputProps(`${path}.${i}.description`)}
            />
            <TextInput
              label={i === 0 ? "Owner" : undefined}
              aria-label={`${name} ${i + 1} owner`}
              placeholder="name@example.com"
              {...form.getInputProps(`${path}.${i}.owner`)}
            />
          </SimpleGrid>
        </Row>
      ))}
      <AddButton
        onClick={() => form.insertListItem(path, { name: "", description: "", owner: "" })}
      >
        Add {name.toLowerCase()} component
      </AddButton>
    </Stack>
  );
}

function Incidents({ form }: { form: Form }) {
  const { incidents } = form.getValues();
  return (
    <Stack gap="xs">
      {incidents.length === 0 ? (
        <Checkbox
          label="There were no incidents in the period"
          {...form.getInputProps("noIncidents", { type: "checkbox" })}
        />
      ) : null}
      {incidents.map((_, i) => (
        <Row
          key={i}
          label={`incident ${i + 1}`}
          onRemove={() => form.removeListItem("incidents", i)}
        >
          <Paper withBorder p="sm" radius="sm">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Incident {i + 1}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  type="date"
                  label="Date"
                  max={todayLocal()}
                  {...form.getInputProps(`incidents.${i}.date`)}
                />
                <TextInput label="Nature" {...form.getInputProps(`incidents.${i}.nature`)} />
                <TextInput label="Extent" {...form.getInputProps(`incidents.${i}.extent`)} />
                <TextInput
                  label="Disposition"
                  {...form.getInputProps(`incidents.${i}.disposition`)}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        </Row>
      ))}
      {form.getValues().noIncidents && incidents.length === 0 ? null : (
        <AddButton
          onClick={() => {
            form.setFieldValue("noIncidents", false);
            form.insertListItem("incidents", { date: "", nature: "", extent: "", disposition: "" });
          }}
        >
          Add incident
        </AddButton>
      )}
    </Stack>
  );
}

function ComplementaryList({
  form,
  path,
  itemLabel,
  addLabel,
  criteriaIds,
  placeholder,
}: {
  form: Form;
  path: string;
  itemLabel: (index: number) => string;
  addLabel: string;
  criteriaIds: string[];
  placeholder: string;
}) {
  const items = (form.getInputProps(path).value ?? []) as { text: string; criteria: string[] }[];
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None listed yet.
        </Text>
      ) : null}
      {items.map((item, i) => (
        <Row key={i} label={itemLabel(i)} labelled onRemove={() => form.removeListItem(path, i)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Textarea
              label={itemLabel(i)}
              placeholder={placeholder}
              autosize
              minRows={1}
              {...form.getInputProps(`${path}.${i}.text`)}
            />
            <MultiSelect
              label={`${itemLabel(i)}: criteria`}
              placeholder={item.criteria.length === 0 ? "CC6.1, A1.2…" : undefined}
              data={[...new Set([...criteriaIds, ...item.criteria])]}
              searchable
              clearable
              {...form.getInputProps(`${path}.${i}.criteria`)}
            />
          </SimpleGrid>
        </Row>
      ))}
      <AddButton onClick={() => form.insertListItem(path, { text: "", criteria: [] })}>
        {addLabel}
      </AddButton>
    </Stack>
  );
}

function Subservices({ form, criteriaIds }: { form: Form; criteriaIds: string[] }) {
  const { subservices, noSubservices } = form.getValues();
  return (
    <Stack gap="xs">
      {subservices.length === 0 ? (
        <Checkbox
          label="The system uses no subservice organizations"
          {...form.getInputProps("noSubservices", { type: "checkbox" })}
        />
      ) : null}
      {subservices.map((s, i) => (
        <Row
          key={i}
          label={`subservice organization ${i + 1}`}
          onRemove={() => form.removeListItem("subservices", i)}
        >
          <Paper withBorder p="sm" radius="sm">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                Subservice organization {i + 1}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput label="Name" {...form.getInputProps(`subservices.${i}.name`)} />
                <TextInput label="Services" {...form.getInputProps(`subservices.${i}.services`)} />
                <Select
                  label="Method"
                  data={SUBSERVICE_METHODS.map((value) => ({ value, label: humanize(value) }))}
                  allowDeselect={false}
                  {...form.getInputProps(`subservices.${i}.method`)}
                />
              </SimpleGrid>
              <Text size="sm" fw={600} mt="xs">
                Complementary subservice organization controls (CSOCs)
              </Text>
              {s.method === "inclusive" ? (
                <Text size="sm" c="dimmed">
                  Inclusive: the organization's controls are described and tested with yours, so
                  CSOCs are optional.
                </Text>
              ) : null}
              <ComplementaryList
                form={form}
                path={`subservices.${i}.csocs`}
                itemLabel={(j) => `${s.name.trim() || `Organization ${i + 1}`} CSOC ${j + 1}`}
                addLabel="Add CSOC"
                criteriaIds={criteriaIds}
                placeholder="Physical access to data centres is restricted."
              />
            </Stack>
          </Paper>
        </Row>
      ))}
      {noSubservices && subservices.length === 0 ? null : (
        <AddButton
          onClick={() => {
            form.setFieldValue("noSubservices", false);
            form.insertListItem("subservices", {
              name: "",
              services: "",
              method: "carve-out",
              csocs: [],
            });
          }}
        >
          Add subservice organization
        </AddButton>
      )}
    </Stack>
  );
}

function Changes({ form }: { form: Form }) {
  const { changes, noChanges } = form.getValues();
  return (
    <Stack gap="xs">
      {changes.length === 0 ? (
        <Checkbox
          label="There were no significant changes in the period"
          {...form.getInputProps("noChanges", { type: "checkbox" })}
        />
      ) : null}
      {changes.map((_, i) => (
        <Row
          key={i}
          label={`change ${i + 1}`}
          labelled
          onRemove={() => form.removeListItem("changes", i)}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput
              type="date"
              label={`Change ${i + 1} date`}
              {...form.getInputProps(`changes.${i}.date`)}
            />
            <Textarea
              label="Description"
              autosize
              minRows={1}
              style={{ gridColumn: "span 2" }}
              {...form.getInputProps(`changes.${i}.description`)}
            />
          </SimpleGrid>
        </Row>
      ))}
      {noChanges && changes.length === 0 ? null : (
        <AddButton
          onClick={() => {
            form.setFieldValue("noChanges", false);
            form.insertListItem("changes", { date: "", description: "" });
          }}
        >
          Add change
        </AddButton>
      )}
    </Stack>
  );
}
