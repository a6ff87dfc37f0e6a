import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
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
        <UnstyledButton aria-label={`Account menu for ${session.user.name}`}>
          <Group gap="xs">
            <Avatar radius="xl" size="sm" color="blue" alt="">
              {initials(session.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {session.user.name}
            </Text>
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
