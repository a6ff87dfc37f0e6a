import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { send } from "../../api/client.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, emailRule, passwordRule } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { PasswordStrength } from "../../lib/PasswordStrength.tsx";
import { PublicLayout } from "./PublicLayout.tsx";

export function ResetRequestPage() {
  usePageTitle("Reset your password");
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "" },
    validate: { email: emailRule },
    validateInputOnChange: true,
  });
  const request = useMutation({
    mutationFn: (email: string) =>
      send("/api/v1/auth/password-reset", {
        method: "POST",
        body: { email },
        allowUnauthenticated: true,
      }),
  });
  return (
    <PublicLayout>
      <form
        noValidate
        onSubmit={form.onSubmit(({ email }) =>
          request.mutate(email.trim(), { onError: (error) => applyServerErrors(form, error) }),
        )}
      >
        <Stack>
          <Title order={1} size="h2">
            Reset your password
          </Title>
          {request.isSuccess ? (
            <Alert color="green" title="Check your email">
              If an account uses that address, a reset link is on its way. If email is not
              configured on this server, ask an owner to help.
            </Alert>
          ) : (
            <>
              <Text>We will email you a link to choose a new password.</Text>
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                {...form.getInputProps("email")}
              />
              <ProblemAlert error={request.error} />
              <Button type="submit" loading={request.isPending}>
                Send reset link
              </Button>
            </>
          )}
          <Anchor component={Link} to="/login" size="sm">
            Back to sign in
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}

export function ResetConfirmPage() {
  usePageTitle("Choose a new password");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const form = useForm({
    mode: "controlled",
    initialValues: { password: "", confirm: "" },
    validate: {
      password: passwordRule,
      confirm: (value, values) => (value === values.password ? null : "The passwords differ"),
    },
    validateInputOnChange: true,
  });
  const confirm = useMutation({
    mutationFn: (password: string) =>
      send("/api/v1/auth/password-reset/confirm", {
        method: "POST",
        body: { token, password },
        allowUnauthenticated: true,
      }),
  });
  return (
    <PublicLayout>
      <form
        noValidate
        onSubmit={form.onSubmit(({ password }) =>
          confirm.mutate(password, { onError: (error) => applyServerErrors(form, error) }),
        )}
      >
        <Stack>
          <Title order={1} size="h2">
            Choose a new password
          </Title>
          {token === "" ? (
            <Alert color="yellow" title="The link is incomplete">
              Open the full link from the email: it ends with <code>?token=…</code>.
            </Alert>
          ) : null}
          {confirm.isSuccess ? (
            <Alert color="green" title="Password changed">
              Your password is changed.{" "}
              <Anchor component={Link} to="/login">
                Sign in
              </Anchor>{" "}
              with the new one.
            </Alert>
          ) : (
            <>
              <PasswordInput
                label="New password"
                autoComplete="new-password"
                required
                {...form.getInputProps("password")}
              />
              <PasswordStrength password={form.values.password} />
              <PasswordInput
                label="Confirm password"
                autoComplete="new-password"
                required
                {...form.getInputProps("confirm")}
              />
              <ProblemAlert error={confirm.error} title="Could not change the password" />
              <Button type="submit" loading={confirm.isPending} disabled={token === ""}>
                Change password
              </Button>
            </>
          )}
        </Stack>
      </form>
    </PublicLayout>
  );
}
