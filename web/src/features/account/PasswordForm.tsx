import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, passwordRule, required } from "../../lib/forms.ts";
import { PasswordStrength } from "../../lib/PasswordStrength.tsx";
import { useChangePassword } from "./api.ts";

export function PasswordForm() {
  const change = useChangePassword();
  const form = useForm({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", confirm: "" },
    validate: {
      currentPassword: required("your current password"),
      newPassword: passwordRule,
      confirm: (value, values) => (value === values.newPassword ? null : "The passwords differ"),
    },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        change.mutate(
          { currentPassword: values.currentPassword, newPassword: values.newPassword },
          { onSuccess: () => form.reset(), onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack maw={420}>
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps("currentPassword")}
        />
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
        />
        <PasswordStrength password={form.values.newPassword} />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          required
          {...form.getInputProps("confirm")}
        />
        <ProblemAlert error={change.error} title="Could not change the password" />
        {change.isSuccess ? <Alert color="green" title="Password changed" /> : null}
        <Button type="submit" loading={change.isPending} w="fit-content">
          Change password
        </Button>
      </Stack>
    </form>
  );
}
