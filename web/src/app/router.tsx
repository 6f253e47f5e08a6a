// Every address of the app. The same route table serves the browser and the tests.
import { Navigate, type RouteObject } from 'react-router';
import { ActivitiesRoute } from '@/features/activities/routes/ActivitiesRoute';
import { ActivityRoute } from '@/features/activities/routes/ActivityRoute';
import { CreateActivityRoute } from '@/features/activities/routes/CreateActivityRoute';
import { EditActivityRoute } from '@/features/activities/routes/EditActivityRoute';
import { FrameworksRoute } from '@/features/activities/routes/FrameworksRoute';
import { CreateGroupRoute, EditGroupRoute } from '@/features/activities/routes/GroupFormRoutes';
import { GroupRoute } from '@/features/activities/routes/GroupRoute';
import { GroupsRoute } from '@/features/activities/routes/GroupsRoute';
import { PersonProgressRoute } from '@/features/activities/routes/PersonProgressRoute';
import { AdminHomeRoute } from '@/features/admin/routes/AdminHomeRoute';
import { SchoolSegregationRoute } from '@/features/analytics/routes/SchoolSegregationRoute';
import { SegregationRoute } from '@/features/analytics/routes/SegregationRoute';
import { SimulatorRoute } from '@/features/analytics/routes/SimulatorRoute';
import { AuditRoute } from '@/features/audit/routes/AuditRoute';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { RequireRole } from '@/features/auth/components/RequireRole';
import { ChangePasswordRoute } from '@/features/auth/routes/ChangePasswordRoute';
import { CreateFamilyRoute } from '@/features/families/routes/CreateFamilyRoute';
import { EnrollmentBoardRoute } from '@/features/enrollment/routes/EnrollmentBoardRoute';
import { OpenCaseRoute } from '@/features/enrollment/routes/OpenCaseRoute';
import { GuideRoute } from '@/features/documents/routes/GuideRoute';
import { TemplatesRoute } from '@/features/documents/routes/TemplatesRoute';
import { PathwayRoute } from '@/features/enrollment/routes/PathwayRoute';
import { TodayRoute } from '@/features/enrollment/routes/TodayRoute';
import { EditFamilyRoute } from '@/features/families/routes/EditFamilyRoute';
import { FamiliesRoute } from '@/features/families/routes/FamiliesRoute';
import { FamilyRoute } from '@/features/families/routes/FamilyRoute';
import { LoginRoute } from '@/features/auth/routes/LoginRoute';
import { EditPersonRoute } from '@/features/people/routes/EditPersonRoute';
import { NewPersonRoute } from '@/features/people/routes/NewPersonRoute';
import { CoordinatorOnly } from '@/features/people/components/CoordinatorOnly';
import { MergePersonRoute } from '@/features/people/routes/MergePersonRoute';
import { MergesRoute } from '@/features/people/routes/MergesRoute';
import { PeopleSearchRoute } from '@/features/people/routes/PeopleSearchRoute';
import { PersonRoute } from '@/features/people/routes/PersonRoute';
import { IncidentRoute } from '@/features/incidents/routes/IncidentRoute';
import { IncidentsRoute } from '@/features/incidents/routes/IncidentsRoute';
import { NewIncidentRoute } from '@/features/incidents/routes/NewIncidentRoute';
import { SchoolRoute } from '@/features/schools/routes/SchoolRoute';
import { SchoolsRoute } from '@/features/schools/routes/SchoolsRoute';
import { EditSchoolRoute, NewSchoolRoute } from '@/features/schools/routes/SchoolFormRoute';
import { ThresholdsRoute } from '@/features/schools/routes/ThresholdsRoute';
import { ZapisWindowsRoute } from '@/features/schools/routes/ZapisWindowsRoute';
import { DashboardRoute } from '@/features/reports/routes/DashboardRoute';
import { ImpactRoute } from '@/features/reports/routes/ImpactRoute';
import { ReportRoute } from '@/features/reports/routes/ReportRoute';
import { ReportsRoute } from '@/features/reports/routes/ReportsRoute';
import { ProjectRoute } from '@/features/reports/routes/ProjectRoute';
import { AccountSecurityRoute } from '@/features/security/routes/AccountSecurityRoute';
import { CreateUserRoute } from '@/features/users/routes/CreateUserRoute';
import { EditUserRoute } from '@/features/users/routes/EditUserRoute';
import { UsersRoute } from '@/features/users/routes/UsersRoute';
import { HOME_PATH } from './places';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { AppShell } from './shell/AppShell';

const adminOnly = ['admin'] as const;

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    path: '/',
    element: <RequireAuth>{(user) => <AppShell user={user} />}</RequireAuth>,
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
      { path: 'today', element: <TodayRoute /> },
      {
        path: 'families',
        children: [
          { index: true, element: <FamiliesRoute /> },
          { path: 'new', element: <CreateFamilyRoute /> },
          { path: ':familyId', element: <FamilyRoute /> },
          { path: ':familyId/edit', element: <EditFamilyRoute /> },
          { path: ':familyId/people/new', element: <NewPersonRoute /> },
        ],
      },
      {
        path: 'people',
        children: [
          { index: true, element: <PeopleSearchRoute /> },
          { path: 'merges', element: <CoordinatorOnly><MergesRoute /></CoordinatorOnly> },
          { path: ':personId', element: <PersonRoute /> },
          { path: ':personId/edit', element: <EditPersonRoute /> },
          { path: ':personId/merge', element: <CoordinatorOnly><MergePersonRoute /></CoordinatorOnly> },
        ],
      },
      {
        path: 'activities',
        children: [
          { index: true, element: <ActivitiesRoute /> },
          { path: 'new', element: <CreateActivityRoute /> },
          { path: 'people/:personId', element: <PersonProgressRoute /> },
          { path: 'groups', element: <GroupsRoute /> },
          { path: 'groups/new', element: <CreateGroupRoute /> },
          { path: 'groups/:groupId', element: <GroupRoute /> },
          { path: 'groups/:groupId/edit', element: <EditGroupRoute /> },
          { path: 'frameworks', element: <FrameworksRoute /> },
          { path: ':activityId', element: <ActivityRoute /> },
          { path: ':activityId/edit', element: <EditActivityRoute /> },
        ],
      },
      {
        path: 'enrollment',
        children: [
          { index: true, element: <EnrollmentBoardRoute /> },
          { path: 'new', element: <OpenCaseRoute /> },
          { path: 'templates', element: <TemplatesRoute /> },
          { path: 'guide', element: <GuideRoute /> },
          { path: ':caseId', element: <PathwayRoute /> },
        ],
      },
      {
        path: 'schools',
        children: [
          { index: true, element: <SchoolsRoute /> },
          { path: 'zapis-windows', element: <ZapisWindowsRoute /> },
          { path: 'new', element: <NewSchoolRoute /> },
          { path: 'thresholds', element: <ThresholdsRoute /> },
          { path: ':schoolId', element: <SchoolRoute /> },
          { path: ':schoolId/edit', element: <EditSchoolRoute /> },
        ],
      },
      {
        path: 'reports',
        children: [
          { index: true, element: <ReportsRoute /> },
          { path: 'dashboard', element: <DashboardRoute /> },
          { path: 'impact', element: <ImpactRoute /> },
          { path: 'project', element: <ProjectRoute /> },
          { path: ':reportId', element: <ReportRoute /> },
        ],
      },
      {
        path: 'incidents',
        children: [
          { index: true, element: <IncidentsRoute /> },
          { path: 'new', element: <NewIncidentRoute /> },
          { path: ':incidentId', element: <IncidentRoute /> },
        ],
      },
      {
        path: 'analytics',
        children: [
          { index: true, element: <SchoolSegregationRoute /> },
          { path: 'simulator', element: <SimulatorRoute /> },
          { path: 'segregation', element: <SegregationRoute /> },
        ],
      },
      {
        path: 'admin',
        children: [
          { index: true, element: <RequireRole roles={adminOnly}><AdminHomeRoute /></RequireRole> },
          { path: 'users', element: <RequireRole roles={adminOnly}><UsersRoute /></RequireRole> },
          { path: 'users/new', element: <RequireRole roles={adminOnly}><CreateUserRoute /></RequireRole> },
          { path: 'users/:userId', element: <RequireRole roles={adminOnly}><EditUserRoute /></RequireRole> },
          { path: 'audit', element: <RequireRole roles={adminOnly}><AuditRoute /></RequireRole> },
        ],
      },
      { path: 'account/password', element: <ChangePasswordRoute /> },
      { path: 'account/security', element: <AccountSecurityRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
