import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api/client.ts";
import type { InvitationPreview, Session } from "../../api/types.ts";
import { LoadingBlock, ProblemAlert } from "../../lib/feedback.tsx";
import { formatDateTime, humanize } from "../../lib/format.ts";
import { applyServerErrors, passwordRule, required } from "../../lib/forms.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { PasswordStrength } from "../../lib/PasswordStrength.tsx";
import { storeSession, useSession } from "../session/api.ts";
import { PublicLayout } from "./PublicLayout.tsx";

function useAccept(token: string, organizationName: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      api<Session>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
        method: "POST",
        body,
        allowUnauthenticated: true,
      }),
    onSuccess: (session) => {
      storeSession(queryClient, session);
      const joined = session.memberships.find((m) => m.organization.name === organizationName);
      void navigate(joined === undefined ? "/" : `/orgs/${joined.organization.slug}`, {
        replace: true,
      });
    },
  });
}

export function InvitePage() {
  usePageTitle("Accept invitation");
  const { token = "" } = useParams();
  const session = useSession();
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () =>
      api<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`, {
        allowUnauthenticated: true,
      }),
  });
  return (
    <PublicLayout>
      <Stack>
        <Title order={1} size="h2">
          Accept invitation
        </Title>
        {preview.isPending || session.isPending ? <LoadingBlock lines={3} /> : null}
        <ProblemAlert error={preview.error} title="This invitation cannot be used" />
        {preview.data !== undefined && !session.isPending ? (
          <InvitationBody
            token={token}
            invitation={preview.data}
            signedInAs={session.data?.user.email ?? null}
          />
        ) : null}
      </Stack>
    </PublicLayout>
  );
}

function InvitationBody({
  token,
  invitation,
  signedInAs,
}: {
  token: string;
  invitation: InvitationPreview;
  signedInAs: string | null;
}) {
  const accept = useAccept(token, invitation.organization.name);
  const sameUser = signedInAs?.toLowerCase() === invitation.email.toLowerCase();
  return (
    <Stack>
      <Text>
        You are invited to join <strong>{invitation.organization.name}</strong> as{" "}
        <strong>{humanize(invitation.role)}</strong>, using {invitation.email}. The invitation
        expires {formatDateTime(invitation.expiresAt)}.
      </Text>
      {signedInAs !== null && !sameUser ? (
        <Alert color="yellow" title="Signed in as someone else">
          You are signed in as {signedInAs}. Sign out, then open this link again to accept it as{" "}
          {invitation.email}.
        </Alert>
      ) : null}
      {invitation.accountExists && sameUser ? (
        <>
          <ProblemAlert error={accept.error} />
          <Button loading={accept.isPending} onClick={() => accept.mutate({})}>
            Join {invitation.organization.name}
          </Button>
        </>
      ) : null}
      {invitation.accountExists && signedInAs === null ? (
        <Text>
          You already have an account.{" "}
          <Anchor component={Link} to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
            Sign in to accept
          </Anchor>
          .
        </Text>
      ) : null}
      {!invitation.accountExists && signedInAs === null ? <NewAccountForm accept={accept} /> : null}
    </Stack>
  );
}

function NewAccountForm({ accept }: { accept: ReturnType<typeof useAccept> }) {
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", password: "" },
    validate: { name: required("your name"), password: passwordRule },
    validateInputOnChange: true,
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        accept.mutate(
          { name: values.name.trim(), password: values.password },
          { onError: (error) => applyServerErrors(form, error) },
        ),
      )}
    >
      <Stack>
        <Text>Create your account to accept.</Text>
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps("name")} />
        <PasswordInput
          label="Password"
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <PasswordStrength password={form.values.password} />
        <ProblemAlert error={accept.error} title="Could not accept the invitation" />
        <Button type="submit" loading={accept.isPending}>
          Create account and join
        </Button>
      </Stack>
    </form>
  );
}
