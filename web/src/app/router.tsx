import { createBrowserRouter } from "react-router";
import { InvitePage } from "../features/auth/InvitePage.tsx";
import { LoginPage } from "../features/auth/LoginPage.tsx";
import { ResetConfirmPage, ResetRequestPage } from "../features/auth/ResetPasswordPages.tsx";
import { SetupPage } from "../features/auth/SetupPage.tsx";
import { AccountPage } from "../features/account/AccountPage.tsx";
import { AuditLogPage } from "../features/audit-log/AuditLogPage.tsx";
import { ControlDetailPage } from "../features/controls/ControlDetailPage.tsx";
import { ControlsPage } from "../features/controls/ControlsPage.tsx";
import { PeoplePage } from "../features/people/PeoplePage.tsx";
import { PersonPage } from "../features/people/PersonPage.tsx";
import { AccessReviewPage } from "../features/access-reviews/AccessReviewPage.tsx";
import { AccessReviewsPage } from "../features/access-reviews/AccessReviewsPage.tsx";
import { DecisionPage } from "../features/access-reviews/DecisionPage.tsx";
import { RiskAssessmentsPage } from "../features/risks/RiskAssessmentsPage.tsx";
import { RiskDetailPage } from "../features/risks/RiskDetailPage.tsx";
import { RiskLibraryPage } from "../features/risks/RiskLibraryPage.tsx";
import { FindingDetailPage } from "../features/findings/FindingDetailPage.tsx";
import { FindingsPage } from "../features/findings/FindingsPage.tsx";
import { MonitorsPage } from "../features/monitors/MonitorsPage.tsx";
import { RisksPage } from "../features/risks/RisksPage.tsx";
import { VendorDetailPage } from "../features/vendors/VendorDetailPage.tsx";
import { VendorsPage } from "../features/vendors/VendorsPage.tsx";
import { CriteriaPage } from "../features/criteria/CriteriaPage.tsx";
import { DashboardPage } from "../features/dashboard/DashboardPage.tsx";
import { EngagementDetailPage } from "../features/engagements/EngagementDetailPage.tsx";
import { RequestsPage } from "../features/requests/RequestsPage.tsx";
import { EngagementsPage } from "../features/engagements/EngagementsPage.tsx";
import { EvidenceDetailPage } from "../features/evidence/EvidenceDetailPage.tsx";
import { EvidencePage } from "../features/evidence/EvidencePage.tsx";
import { OnboardingPage } from "../features/onboarding/OnboardingPage.tsx";
import { SharedReportPage } from "../features/reports/SharedReportPage.tsx";
import { SettingsPage } from "../features/settings/SettingsPage.tsx";
import { NotFoundPage, OrgLayout, OrgNotFoundPage } from "../features/shell/OrgLayout.tsx";
import { RequireSession, RootRedirect } from "../features/shell/guards.tsx";
import { MembersPage } from "../features/members/MembersPage.tsx";
import { PoliciesPage } from "../features/policies/PoliciesPage.tsx";
import { PolicyDetailPage } from "../features/policies/PolicyDetailPage.tsx";
import { TrainingModulePage } from "../features/training/TrainingModulePage.tsx";
import { TrainingPage } from "../features/training/TrainingPage.tsx";
import { TasksPage } from "../features/tasks/TasksPage.tsx";

// A share link is opened by a customer with no account: never sent to sign in.
const PUBLIC_PREFIXES = ["/login", "/setup", "/reset-password", "/invite/", "/shared/"];

/** Pages a signed-out visitor may stay on when a request answers 401. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: "/login", element: <LoginPage /> },
    { path: "/setup", element: <SetupPage /> },
    { path: "/reset-password", element: <ResetRequestPage /> },
    { path: "/reset-password/confirm", element: <ResetConfirmPage /> },
    { path: "/invite/:token", element: <InvitePage /> },
    { path: "/shared/:token", element: <SharedReportPage /> },
    {
      element: <RequireSession />,
      children: [
        { path: "/", element: <RootRedirect /> },
        { path: "/onboarding", element: <OnboardingPage /> },
        {
          path: "/orgs/:org",
          element: <OrgLayout />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: "criteria", element: <CriteriaPage /> },
            { path: "controls", element: <ControlsPage /> },
            { path: "controls/:ref", element: <ControlDetailPage /> },
            { path: "evidence", element: <EvidencePage /> },
            { path: "evidence/:id", element: <EvidenceDetailPage /> },
            { path: "engagements", element: <EngagementsPage /> },
            { path: "engagements/:id", element: <EngagementDetailPage /> },
            { path: "engagements/:id/requests", element: <RequestsPage /> },
            { path: "audit-log", element: <AuditLogPage /> },
            { path: "risks", element: <RisksPage /> },
            { path: "risks/library", element: <RiskLibraryPage /> },
            { path: "risks/assessments", element: <RiskAssessmentsPage /> },
            { path: "risks/:risk", element: <RiskDetailPage /> },
            { path: "vendors", element: <VendorsPage /> },
            { path: "vendors/:vendor", element: <VendorDetailPage /> },
            { path: "people", element: <PeoplePage /> },
            { path: "people/:person", element: <PersonPage /> },
            { path: "findings", element: <FindingsPage /> },
            { path: "findings/:finding", element: <FindingDetailPage /> },
            { path: "monitors", element: <MonitorsPage /> },
            // Access reviews (issue 16 part 3).
            { path: "access-reviews", element: <AccessReviewsPage /> },
            { path: "access-reviews/:review", element: <AccessReviewPage /> },
            { path: "access-reviews/:review/decide", element: <DecisionPage /> },
            { path: "users", element: <MembersPage /> },
            { path: "settings", element: <SettingsPage /> },
            { path: "tasks", element: <TasksPage /> },
            { path: "policies", element: <PoliciesPage /> },
            { path: "policies/:label", element: <PolicyDetailPage /> },
            { path: "training", element: <TrainingPage /> },
            { path: "training/:module", element: <TrainingModulePage /> },
            { path: "account", element: <AccountPage /> },
            { path: "*", element: <OrgNotFoundPage /> },
          ],
        },
      ],
    },
    { path: "*", element: <NotFoundPage /> },
  ]);
}
