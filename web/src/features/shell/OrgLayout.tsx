import { Alert, Anchor, AppShell, Burger, Group, NavLink, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet, useLocation, useParams } from "react-router";
import type { Action, Role } from "../../api/types.ts";
import { usePageTitle } from "../../lib/page.tsx";
import { PublicLayout } from "../auth/PublicLayout.tsx";
import { useSession } from "../session/api.ts";
import { membershipFor } from "../session/useCurrentOrg.ts";
import { OrgSwitcher } from "./OrgSwitcher.tsx";
import { UserMenu } from "./UserMenu.tsx";

interface NavItem {
  label: string;
  path: string;
  /** Shown when the membership allows any of these actions; always when empty. */
  shownWith: readonly Action[];
}

/**
 * Each page is listed for those who may use it, as the server's actions say (the session
 * answer): employees, who may read none of the program, see their tasks only.
 */
const NAV_ITEMS: readonly NavItem[] = [
  { label: "Dashboard", path: "", shownWith: [] },
  { label: "My tasks", path: "/tasks", shownWith: [] },
  { label: "Policies", path: "/policies", shownWith: ["policy:read"] },
  { label: "Training", path: "/training", shownWith: ["training:read"] },
  { label: "Criteria", path: "/criteria", shownWith: ["readiness:read"] },
  { label: "Controls", path: "/controls", shownWith: ["control:read"] },
  { label: "Evidence", path: "/evidence", shownWith: ["evidence:read"] },
  { label: "Risks", path: "/risks", shownWith: ["risk:read"] },
  { label: "Vendors", path: "/vendors", shownWith: ["vendor:read"] },
  { label: "People", path: "/people", shownWith: ["people:read"] },
  // Access reviews (issue 16 part 3).
  { label: "Access reviews", path: "/access-reviews", shownWith: ["access-review:read"] },
  { label: "Findings", path: "/findings", shownWith: ["finding:read"] },
  // The availability monitor (issue 17).
  { label: "Monitors", path: "/monitors", shownWith: ["monitor:read"] },
  { label: "Engagements", path: "/engagements", shownWith: ["engagement:read"] },
  { label: "Audit log", path: "/audit-log", shownWith: ["audit-log:read", "audit-log:verify"] },
  { label: "Users", path: "/users", shownWith: ["member:manage"] },
  {
    label: "Settings",
    path: "/settings",
    shownWith: ["organization:update", "scope:update", "job:read"],
  },
];

/** An auditor's navigation starts at their engagements, which is what their home shows. */
function navItemsFor(role: Role): readonly NavItem[] {
  if (role !== "auditor") return NAV_ITEMS;
  return [
    { label: "My engagements", path: "", shownWith: [] },
    ...NAV_ITEMS.filter((item) => item.path !== "" && item.path !== "/engagements"),
  ];
}

export function OrgLayout() {
  const { org = "" } = useParams();
  const { data: session } = useSession();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const membership = membershipFor(session, org);

  if (session === null || session === undefined || membership === undefined) {
    return <NotAMember org={org} />;
  }
  const base = `/orgs/${membership.organization.slug}`;
  const atHome = location.pathname === base || location.pathname === `${base}/`;
  const isActive = (path: string) =>
    path === ""
      ? // An auditor's home is their engagements: it stays marked while they are in one.
        atHome ||
        (membership.role === "auditor" && location.pathname.startsWith(`${base}/engagements`))
      : location.pathname.startsWith(`${base}${path}`);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? "Close navigation" : "Open navigation"}
            />
            <Anchor component={Link} to={base} fw={700} size="lg" c="dark" underline="never">
              Attest
            </Anchor>
            <Text size="sm" fw={500} visibleFrom="xs" truncate>
              {membership.organization.name}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <OrgSwitcher session={session} current={membership.organization.slug} />
            <UserMenu session={session} org={membership.organization.slug} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {navItemsFor(membership.role)
          .filter(
            (item) =>
              item.shownWith.length === 0 ||
              item.shownWith.some((action) => membership.actions.includes(action)),
          )
          .map((item) => (
            <NavLink
              key={item.label}
              component={Link}
              to={`${base}${item.path}`}
              label={item.label}
              active={isActive(item.path)}
              aria-current={isActive(item.path) ? "page" : undefined}
              onClick={nav.close}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {membership.twoFactorRequired ? (
          <Alert color="yellow" title="Two-factor sign-in required" mb="lg">
            {membership.organization.name} requires two-factor sign-in. Turn it on in your{" "}
            <Anchor component={Link} to={`${base}/account`}>
              account settings
            </Anchor>{" "}
            to open its pages.
          </Alert>
        ) : null}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function NotAMember({ org }: { org: string }) {
  usePageTitle("Organization not found");
  return (
    <PublicLayout>
      <Alert color="yellow" title="Organization not found">
        You are not a member of “{org}”, or it does not exist.{" "}
        <Anchor component={Link} to="/">
          Go to your organizations
        </Anchor>
        .
      </Alert>
    </PublicLayout>
  );
}

export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <PublicLayout>
      <Alert color="yellow" title="Page not found">
        There is nothing at this address.{" "}
        <Anchor component={Link} to="/">
          Go to the start page
        </Anchor>
        .
      </Alert>
    </PublicLayout>
  );
}

/** An unknown address inside an organization: keeps the shell, so navigation stays at hand. */
export function OrgNotFoundPage() {
  usePageTitle("Page not found");
  return (
    <Alert color="yellow" title="Page not found">
      There is nothing at this address. Choose a page from the navigation.
    </Alert>
  );
}
