import { Center, Loader } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { ProblemAlert } from "../../lib/feedback.tsx";
import { useSession } from "../session/api.ts";
import { PublicLayout } from "../auth/PublicLayout.tsx";

export function FullPageLoader() {
  return (
    <Center mih="100vh" component="main">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** Renders its routes only for a signed-in user; others go to /login and come back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.error !== null) {
    return (
      <PublicLayout>
        <ProblemAlert error={session.error} title="Could not reach the server" />
      </PublicLayout>
    );
  }
  if (session.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** "/" opens the first organization, or onboarding for a user who has none yet. */
export function RootRedirect() {
  const session = useSession();
  if (session.isPending) return <FullPageLoader />;
  const first = session.data?.memberships[0];
  if (first === undefined) return <Navigate to="/onboarding" replace />;
  return <Navigate to={`/orgs/${first.organization.slug}`} replace />;
}
