/** Every page of the console and who may open it. Pages load on demand. */
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import type { Permission } from '../../src/modules/auth/auth.policy.ts';
import { SessionProvider } from './session/SessionProvider.tsx';
import { RequireAuth, RequirePermission } from './session/RequireAuth.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { ChangePasswordPage } from './pages/account/ChangePasswordPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OrgScopeProvider } from './components/OrgScope.tsx';
import { FullPageSpinner } from './components/FullPageSpinner.tsx';

const HomePage = lazy(() => import('./pages/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const JurisdictionsPage = lazy(() =>
  import('./pages/org/jurisdictions/JurisdictionsPage.tsx').then((m) => ({ default: m.JurisdictionsPage })),
);
const RepresentativesPage = lazy(() =>
  import('./pages/org/representatives/RepresentativesPage.tsx').then((m) => ({
    default: m.RepresentativesPage,
  })),
);
const RepresentativeFormPage = lazy(() =>
  import('./pages/org/representatives/RepresentativeFormPage.tsx').then((m) => ({
    default: m.RepresentativeFormPage,
  })),
);
const GroupsPage = lazy(() =>
  import('./pages/org/groups/GroupsPage.tsx').then((m) => ({ default: m.GroupsPage })),
);
const GroupDetailPage = lazy(() =>
  import('./pages/org/groups/GroupDetailPage.tsx').then((m) => ({ default: m.GroupDetailPage })),
);
const StationsPage = lazy(() =>
  import('./pages/org/stations/StationsPage.tsx').then((m) => ({ default: m.StationsPage })),
);
const StationDetailPage = lazy(() =>
  import('./pages/org/stations/StationDetailPage.tsx').then((m) => ({ default: m.StationDetailPage })),
);
const StationFormPage = lazy(() =>
  import('./pages/org/stations/StationFormPage.tsx').then((m) => ({ default: m.StationFormPage })),
);
const GridsPage = lazy(() =>
  import('./pages/org/grids/GridsPage.tsx').then((m) => ({ default: m.GridsPage })),
);
const GridDetailPage = lazy(() =>
  import('./pages/org/grids/GridDetailPage.tsx').then((m) => ({ default: m.GridDetailPage })),
);
const UnitsPage = lazy(() =>
  import('./pages/org/units/UnitsPage.tsx').then((m) => ({ default: m.UnitsPage })),
);
const CongressesPage = lazy(() =>
  import('./pages/org/congresses/CongressesPage.tsx').then((m) => ({ default: m.CongressesPage })),
);
const ImportWizardPage = lazy(() =>
  import('./pages/imports/ImportWizardPage.tsx').then((m) => ({ default: m.ImportWizardPage })),
);
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const OpinionTodoPage = lazy(() =>
  import('./pages/opinions/OpinionListPage.tsx').then((m) => ({ default: m.OpinionTodoPage })),
);
const OpinionLedgerPage = lazy(() =>
  import('./pages/opinions/OpinionListPage.tsx').then((m) => ({ default: m.OpinionLedgerPage })),
);
const OpinionDetailPage = lazy(() =>
  import('./pages/opinions/OpinionDetailPage.tsx').then((m) => ({ default: m.OpinionDetailPage })),
);
const IntakePage = lazy(() =>
  import('./pages/opinions/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
);
const DashboardPage = lazy(() =>
  import('./pages/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const SuggestionWorkPage = lazy(() =>
  import('./pages/suggestions/SuggestionListPage.tsx').then((m) => ({ default: m.SuggestionWorkPage })),
);
const SuggestionLedgerPage = lazy(() =>
  import('./pages/suggestions/SuggestionListPage.tsx').then((m) => ({ default: m.SuggestionLedgerPage })),
);
const SuggestionDetailPage = lazy(() =>
  import('./pages/suggestions/SuggestionDetailPage.tsx').then((m) => ({ default: m.SuggestionDetailPage })),
);
const DraftEditorPage = lazy(() =>
  import('./pages/suggestions/DraftEditorPage.tsx').then((m) => ({ default: m.DraftEditorPage })),
);
const CommitmentsPage = lazy(() =>
  import('./pages/suggestions/CommitmentsPage.tsx').then((m) => ({ default: m.CommitmentsPage })),
);
const SuggestionStatsPage = lazy(() =>
  import('./pages/suggestions/StatsPage.tsx').then((m) => ({ default: m.StatsPage })),
);
const RefusalReasonsPage = lazy(() =>
  import('./pages/suggestions/RefusalReasonsPage.tsx').then((m) => ({ default: m.RefusalReasonsPage })),
);
const CalendarPage = lazy(() =>
  import('./pages/calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
const ActivitiesPage = lazy(() =>
  import('./pages/activities/ActivitiesPage.tsx').then((m) => ({ default: m.ActivitiesPage })),
);
const ActivityDetailPage = lazy(() =>
  import('./pages/activities/ActivityDetailPage.tsx').then((m) => ({ default: m.ActivityDetailPage })),
);
const ActivityFormPage = lazy(() =>
  import('./pages/activities/ActivityFormPage.tsx').then((m) => ({ default: m.ActivityFormPage })),
);
const MyActivitiesPage = lazy(() =>
  import('./pages/activities/MyActivitiesPage.tsx').then((m) => ({ default: m.MyActivitiesPage })),
);
const LeaveRequestsPage = lazy(() =>
  import('./pages/activities/LeaveRequestsPage.tsx').then((m) => ({ default: m.LeaveRequestsPage })),
);
const ActivityTypesPage = lazy(() =>
  import('./pages/activities/ActivityTypesPage.tsx').then((m) => ({ default: m.ActivityTypesPage })),
);
const CheckinPage = lazy(() =>
  import('./pages/activities/CheckinPage.tsx').then((m) => ({ default: m.CheckinPage })),
);
const CheckinPosterPage = lazy(() =>
  import('./pages/activities/CheckinPosterPage.tsx').then((m) => ({ default: m.CheckinPosterPage })),
);
const RankingPage = lazy(() =>
  import('./pages/performance/RankingPage.tsx').then((m) => ({ default: m.RankingPage })),
);
const ScoreCardPage = lazy(() =>
  import('./pages/performance/ScoreCardPage.tsx').then((m) => ({ default: m.ScoreCardPage })),
);
const MyScoreCardPage = lazy(() =>
  import('./pages/performance/ScoreCardPage.tsx').then((m) => ({ default: m.MyScoreCardPage })),
);
const RulesPage = lazy(() =>
  import('./pages/performance/RulesPage.tsx').then((m) => ({ default: m.RulesPage })),
);
const ArchivePage = lazy(() =>
  import('./pages/performance/ArchivePage.tsx').then((m) => ({ default: m.ArchivePage })),
);
const DisclosuresPage = lazy(() =>
  import('./pages/performance/DisclosuresPage.tsx').then((m) => ({ default: m.DisclosuresPage })),
);
const HonoursPage = lazy(() =>
  import('./pages/performance/HonoursPage.tsx').then((m) => ({ default: m.HonoursPage })),
);
const PerformanceDashboardPage = lazy(() =>
  import('./pages/performance/PerformanceDashboardPage.tsx').then((m) => ({
    default: m.PerformanceDashboardPage,
  })),
);
const CoveragePage = lazy(() =>
  import('./pages/performance/CoveragePage.tsx').then((m) => ({ default: m.CoveragePage })),
);
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

function guarded(permission: Permission, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

const router = createBrowserRouter([
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/password', element: <ChangePasswordPage /> },
      // Pages of their own, without the console's frame: the check-in a QR code opens on a
      // representative's phone, and the check-in code on A4 for printing.
      {
        element: (
          <RequireAuth>
            <Suspense fallback={<FullPageSpinner />}>
              <Outlet />
            </Suspense>
          </RequireAuth>
        ),
        children: [
          { path: 'c/:code', element: <CheckinPage /> },
          { path: 'activities/:id/qr', element: guarded('activities.manage', <CheckinPosterPage />) },
        ],
      },
      {
        element: (
          <RequireAuth>
            <OrgScopeProvider>
              <AppLayout />
            </OrgScopeProvider>
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'opinions/todo', element: guarded('opinions.read', <OpinionTodoPage />) },
          { path: 'opinions/ledger', element: guarded('opinions.read', <OpinionLedgerPage />) },
          { path: 'opinions/new', element: guarded('opinions.intake', <IntakePage />) },
          { path: 'opinions/:id', element: guarded('opinions.read', <OpinionDetailPage />) },
          { path: 'dashboard', element: guarded('dashboard.read', <DashboardPage />) },
          { path: 'suggestions/work', element: guarded('suggestions.read', <SuggestionWorkPage />) },
          { path: 'suggestions/ledger', element: guarded('suggestions.read', <SuggestionLedgerPage />) },
          // /new and /:id/edit render the same editor, so a new draft keeps its form when it gets its id.
          { path: 'suggestions/new', element: guarded('suggestions.draft', <DraftEditorPage />) },
          { path: 'suggestions/:id/edit', element: guarded('suggestions.draft', <DraftEditorPage />) },
          { path: 'suggestions/commitments', element: guarded('suggestions.read', <CommitmentsPage />) },
          { path: 'suggestions/stats', element: guarded('suggestions.report', <SuggestionStatsPage />) },
          {
            path: 'suggestions/refusal-reasons',
            element: guarded('suggestions.configure', <RefusalReasonsPage />),
          },
          { path: 'suggestions/:id', element: guarded('suggestions.read', <SuggestionDetailPage />) },
          { path: 'activities', element: guarded('activities.read', <ActivitiesPage />) },
          { path: 'activities/new', element: guarded('activities.manage', <ActivityFormPage />) },
          { path: 'activities/mine', element: guarded('activities.participate', <MyActivitiesPage />) },
          { path: 'activities/leave', element: guarded('activities.manage', <LeaveRequestsPage />) },
          { path: 'activities/types', element: guarded('activities.configure', <ActivityTypesPage />) },
          { path: 'activities/:id', element: guarded('activities.read', <ActivityDetailPage />) },
          { path: 'activities/:id/edit', element: guarded('activities.manage', <ActivityFormPage />) },
          { path: 'performance', element: guarded('performance.read', <RankingPage />) },
          { path: 'performance/me', element: guarded('performance.read', <MyScoreCardPage />) },
          {
            path: 'performance/representatives/:id',
            element: guarded('performance.read', <ScoreCardPage />),
          },
          { path: 'performance/rules', element: guarded('performance.read', <RulesPage />) },
          { path: 'performance/archive', element: guarded('performance.read', <ArchivePage />) },
          { path: 'performance/disclosures', element: guarded('performance.read', <DisclosuresPage />) },
          { path: 'performance/honours', element: guarded('performance.read', <HonoursPage />) },
          {
            path: 'performance/dashboard',
            element: guarded('performance.read', <PerformanceDashboardPage />),
          },
          { path: 'performance/coverage', element: guarded('org.read', <CoveragePage />) },
          { path: 'system/calendar', element: guarded('calendar.write', <CalendarPage />) },
          { path: 'org/jurisdictions', element: guarded('org.read', <JurisdictionsPage />) },
          { path: 'org/representatives', element: guarded('org.read', <RepresentativesPage />) },
          { path: 'org/representatives/new', element: guarded('org.write', <RepresentativeFormPage />) },
          { path: 'org/representatives/:id/edit', element: guarded('org.write', <RepresentativeFormPage />) },
          { path: 'org/groups', element: guarded('org.read', <GroupsPage />) },
          { path: 'org/groups/:id', element: guarded('org.read', <GroupDetailPage />) },
          { path: 'org/stations', element: guarded('org.read', <StationsPage />) },
          { path: 'org/stations/new', element: guarded('org.write', <StationFormPage />) },
          { path: 'org/stations/:id', element: guarded('org.read', <StationDetailPage />) },
          { path: 'org/stations/:id/edit', element: guarded('org.write', <StationFormPage />) },
          { path: 'org/grids', element: guarded('org.read', <GridsPage />) },
          { path: 'org/grids/:id', element: guarded('org.read', <GridDetailPage />) },
          { path: 'org/units', element: guarded('org.read', <UnitsPage />) },
          { path: 'org/congresses', element: guarded('org.read', <CongressesPage />) },
          { path: 'imports', element: guarded('org.write', <ImportWizardPage />) },
          { path: 'users', element: guarded('users.read', <UsersPage />) },
          { path: 'audit', element: guarded('audit.read', <AuditPage />) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
