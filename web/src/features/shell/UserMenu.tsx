import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useNavigate } from "react-router";
import type { Session } from "../../api/types.ts";
import { useSignOut } from "../session/api.ts";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

export function UserMenu({ session, org }: { session: Session; org: string }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton>
          <Group gap="xs">
            <Avatar radius="xl" size="sm" color="blue" aria-hidden="true">
              {initials(session.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {session.user.name}
            </Text>
            <VisuallyHidden>account menu</VisuallyHidden>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item onClick={() => void navigate(`/orgs/${org}/account`)}>
          Account settings
        </Menu.Item>
        <Menu.Item onClick={() => void navigate("/onboarding")}>New organization</Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          onClick={() =>
            signOut.mutate(undefined, {
              onSettled: () => void navigate("/login", { replace: true }),
            })
          }
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
