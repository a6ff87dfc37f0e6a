import { MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { RISK_CATEGORIES, RISK_TREATMENTS } from "../../api/types.ts";
import type { Risk } from "../../api/types.ts";
import { humanize } from "../../lib/format.ts";
import { required } from "../../lib/forms.ts";
import { useAllControls } from "../controls/api.ts";
import type { RiskInput } from "./api.ts";

/** A risk as its forms hold it: levels as the selects' strings. */
export interface RiskFormValues {
  title: string;
  description: string;
  category: string;
  owner: string;
  likelihood: string;
  impact: string;
  treatment: string;
  controls: string[];
  residualLikelihood: string;
  residualImpact: string;
  reviewDate: string;
  acceptanceNote: string;
}

export const riskFieldRules = {
  title: required("a title"),
  description: required("the event, its cause and its effect"),
  controls: (value: string[], values: RiskFormValues) =>
    values.treatment === "mitigate" && value.length === 0
      ? "A mitigated risk needs at least one control that mitigates it"
      : null,
};

export function formValuesOf(risk: Risk): RiskFormValues {
  return {
    title: risk.title,
    description: risk.description,
    category: risk.category,
    owner: risk.owner ?? "",
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    treatment: risk.treatment,
    controls: risk.controls,
    residualLikelihood: String(risk.residualLikelihood),
    residualImpact: String(risk.residualImpact),
    reviewDate: risk.reviewDate,
    acceptanceNote: risk.acceptanceNote ?? "",
  };
}

export function inputOf(values: RiskFormValues): RiskInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    category: values.category,
    owner: values.owner.trim() === "" ? null : values.owner.trim(),
    likelihood: Number(values.likelihood),
    impact: Number(values.impact),
    treatment: values.treatment,
    controls: values.controls,
    residualLikelihood: Number(values.residualLikelihood),
    residualImpact: Number(values.residualImpact),
    ...(values.reviewDate === "" ? {} : { reviewDate: values.reviewDate }),
    acceptanceNote: values.acceptanceNote.trim() === "" ? null : values.acceptanceNote.trim(),
  };
}

const LEVELS = ["1", "2", "3", "4", "5"].map((value) => ({ value, label: value }));
const options = (values: readonly string[]) =>
  values.map((value) => ({ value, label: humanize(value) }));

/** The questions a risk asks, the same in creating and editing. */
export function RiskFields({
  org,
  form,
}: {
  org: string;
  form: UseFormReturnType<RiskFormValues>;
}) {
  const controls = useAllControls(org);
  return (
    <Stack>
      <TextInput label="Title" required {...form.getInputProps("title")} />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        required
        {...form.getInputProps("description")}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Category"
          allowDeselect={false}
          data={options(RISK_CATEGORIES)}
          {...form.getInputProps("category")}
        />
        <TextInput label="Owner" description="A member's email" {...form.getInputProps("owner")} />
        <TextInput
          label="Review by"
          description="YYYY-MM-DD"
          {...form.getInputProps("reviewDate")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Likelihood (1–5)"
          allowDeselect={false}
          data={LEVELS}
          {...form.getInputProps("likelihood")}
        />
        <Select
          label="Impact (1–5)"
          allowDeselect={false}
          data={LEVELS}
          {...form.getInputProps("impact")}
        />
        <Select
          label="Treatment"
          allowDeselect={false}
          data={options(RISK_TREATMENTS)}
          {...form.getInputProps("treatment")}
        />
      </SimpleGrid>
      <MultiSelect
        label="Controls that mitigate it"
        searchable
        data={(controls.data ?? []).map((c) => ({ value: c.ref, label: `${c.ref} ${c.title}` }))}
        {...form.getInputProps("controls")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Residual likelihood (1–5)"
          allowDeselect={false}
          data={LEVELS}
          {...form.getInputProps("residualLikelihood")}
        />
        <Select
          label="Residual impact (1–5)"
          allowDeselect={false}
          data={LEVELS}
          {...form.getInputProps("residualImpact")}
        />
      </SimpleGrid>
      <Textarea
        label="Acceptance note"
        description="For an accepted risk: who accepted it and why"
        autosize
        minRows={2}
        {...form.getInputProps("acceptanceNote")}
      />
    </Stack>
  );
}
