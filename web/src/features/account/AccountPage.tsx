import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "../../lib/page.tsx";
import { useCurrentOrg } from "../session/useCurrentOrg.ts";
import { PasswordForm } from "./PasswordForm.tsx";
import { SessionsPanel } from "./SessionsPanel.tsx";
import { TokensPanel } from "./TokensPanel.tsx";
import { TwoFactorPanel } from "./TwoFactorPanel.tsx";
import { PreferencesPanel } from "../notifications/PreferencesPanel.tsx";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function AccountPage() {
  const org = useCurrentOrg();
  const { user } = org.session;
  return (
    <>
      <PageHeader title="Account settings" description={`${user.name} · ${user.email}`} />
      <Stack gap="lg">
        <Section title="Password">
          <PasswordForm />
        </Section>
        <Section title="Two-factor sign-in">
          <TwoFactorPanel user={user} />
        </Section>
        {org.can("notification:choose") ? (
          <Section title={`Notifications from ${org.name}`}>
            <PreferencesPanel org={org.slug} />
          </Section>
        ) : null}
        <Section title="Sessions">
          <SessionsPanel />
        </Section>
        <Section title={`API tokens for ${org.name}`}>
          {org.can("token:manage") ? (
            <TokensPanel org={org.slug} />
          ) : (
            <Text>Your role in {org.name} does not use API tokens.</Text>
          )}
        </Section>
      </Stack>
    </>
  );
}
