import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import type { LoginResult } from "../../api/types.ts";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, emailRule, required } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { storeSession } from "../session/api.ts";
import { PublicLayout } from "./PublicLayout.tsx";
import { safeNext } from "./safe-next.ts";

export function LoginPage() {
  const [step, setStep] = useState<"password" | "code">("password");
  usePageTitle(step === "password" ? "Sign in" : "Two-factor code");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeNext(params.get("next"));
  const setup = useQuery({
    queryKey: ["setup"],
    queryFn: () => api<{ needed: boolean }>("/api/v1/setup", { allowUnauthenticated: true }),
  });

  const signedIn = (result: LoginResult) => {
    if (result.status === "totp-required") {
      setStep("code");
      return;
    }
    storeSession(queryClient, result.session);
    void navigate(next, { replace: true });
  };

  return (
    <PublicLayout>
      {step === "password" ? (
        <PasswordStep onResult={signedIn} setupNeeded={setup.data?.needed === true} />
      ) : (
        <CodeStep onResult={signedIn} onBack={() => setStep("password")} />
      )}
    </PublicLayout>
  );
}

function PasswordStep({
  onResult,
  setupNeeded,
}: {
  onResult: (result: LoginResult) => void;
  setupNeeded: boolean;
}) {
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", password: "" },
    validate: { email: emailRule, password: required("your password") },
    validateInputOnChange: true,
  });
  const login = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<LoginResult>("/api/v1/auth/login", {
        method: "POST",
        body: { email: values.email.trim(), password: values.password },
        allowUnauthenticated: true,
      }),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        login.mutate(values, {
          onSuccess: onResult,
          onError: (error) => applyServerErrors(form, error),
        }),
      )}
    >
      <Stack>
        <Title order={1} size="h2">
          Sign in to Attest
        </Title>
        {setupNeeded ? (
          <Alert color="blue" title="This server is not set up yet">
            Open the setup link printed in the server log to create the first account.
          </Alert>
        ) : null}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <ProblemAlert error={login.error} title="Could not sign in" />
        <Button type="submit" loading={login.isPending}>
          Sign in
        </Button>
        <Anchor component={Link} to="/reset-password" size="sm">
          Forgot your password?
        </Anchor>
      </Stack>
    </form>
  );
}

function CodeStep({
  onResult,
  onBack,
}: {
  onResult: (result: LoginResult) => void;
  onBack: () => void;
}) {
  const form = useForm({
    mode: "controlled",
    initialValues: { code: "" },
    validate: {
      code: (value) => (/^\d{6}$/.test(value.trim()) ? null : "Enter the six digits from your app"),
    },
    validateInputOnChange: true,
  });
  const verify = useMutation({
    mutationFn: (code: string) =>
      api<LoginResult>("/api/v1/auth/totp", {
        method: "POST",
        body: { code },
        allowUnauthenticated: true,
      }),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ code }) =>
        verify.mutate(code.trim(), {
          onSuccess: onResult,
          onError: (error) => applyServerErrors(form, error),
        }),
      )}
    >
      <Stack>
        <Title order={1} size="h2">
          Two-factor code
        </Title>
        <Text>Enter the six-digit code from your authenticator app.</Text>
        <TextInput
          label="Six-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          // The password form (and the focused button) just went away: continue here.
          autoFocus
          {...form.getInputProps("code")}
        />
        <ProblemAlert error={verify.error} title="Could not verify the code" />
        <Button type="submit" loading={verify.isPending}>
          Verify and sign in
        </Button>
        <Button variant="subtle" onClick={onBack}>
          Back to email and password
        </Button>
      </Stack>
    </form>
  );
}
