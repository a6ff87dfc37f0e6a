import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import type { Session } from "../../api/types.ts";
import { LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { applyServerErrors, emailRule, passwordRule, required } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { PasswordStrength } from "../../lib/PasswordStrength.tsx";
import { storeSession } from "../session/api.ts";
import { PublicLayout } from "./PublicLayout.tsx";

/** First run: the person holding the setup link from the server log becomes the first owner. */
export function SetupPage() {
  usePageTitle("Set up Attest");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const setup = useQuery({
    queryKey: ["setup"],
    queryFn: () => api<{ needed: boolean }>("/api/v1/setup", { allowUnauthenticated: true }),
  });
  return (
    <PublicLayout>
      <Stack>
        <Title order={1} size="h2">
          Set up Attest
        </Title>
        {setup.isPending ? <LoadingBlock lines={3} /> : null}
        <ProblemAlert error={setup.error} />
        {setup.data?.needed === false ? (
          <Alert color="blue" title="Already set up">
            This server already has an account.{" "}
            <Anchor component={Link} to="/login">
              Sign in
            </Anchor>{" "}
            instead, or ask an owner for an invitation.
          </Alert>
        ) : null}
        {setup.data?.needed === true && token === "" ? (
          <Alert color="yellow" title="The setup link is incomplete">
            Open the full link printed in the server log: it ends with <code>?token=…</code>.
          </Alert>
        ) : null}
        {setup.data?.needed === true && token !== "" ? <SetupForm token={token} /> : null}
      </Stack>
    </PublicLayout>
  );
}

function SetupForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", name: "", password: "" },
    validate: { email: emailRule, name: required("your name"), password: passwordRule },
    validateInputOnChange: true,
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      api<Session>("/api/v1/setup", {
        method: "POST",
        body: {
          token,
          email: values.email.trim(),
          name: values.name.trim(),
          password: values.password,
        },
        allowUnauthenticated: true,
      }),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(values, {
          onSuccess: (session) => {
            storeSession(queryClient, session);
            // Organizations made earlier from the command line are already theirs.
            const first = session.memberships[0];
            const next = first === undefined ? "/onboarding" : `/orgs/${first.organization.slug}`;
            void navigate(next, { replace: true });
          },
          onError: (error) => applyServerErrors(form, error),
        }),
      )}
    >
      <Stack>
        <Text>Create the first account. It owns the organization you set up next.</Text>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps("email")}
        />
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps("name")} />
        <PasswordInput
          label="Password"
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <PasswordStrength password={form.values.password} />
        <ProblemAlert error={create.error} title="Could not create the account" />
        <Button type="submit" loading={create.isPending}>
          Create account
        </Button>
      </Stack>
    </form>
  );
}
