// Every address of the app. The same route table serves the browser and the tests.
import { Navigate, type RouteObject } from 'react-router';
import { AdminHomeRoute } from '@/features/admin/routes/AdminHomeRoute';
import { SchoolSegregationRoute } from '@/features/analytics/routes/SchoolSegregationRoute';
import { SegregationRoute } from '@/features/analytics/routes/SegregationRoute';
import { SimulatorRoute } from '@/features/analytics/routes/SimulatorRoute';
import { AuditRoute } from '@/features/audit/routes/AuditRoute';
import { RequireAuth } from '@/features/auth/components/RequireAuth';
import { RequireRole } from '@/features/auth/components/RequireRole';
import { ChangePasswordRoute } from '@/features/auth/routes/ChangePasswordRoute';
import { CreateFamilyRoute } from '@/features/families/routes/CreateFamilyRoute';
import { EditFamilyRoute } from '@/features/families/routes/EditFamilyRoute';
import { FamiliesRoute } from '@/features/families/routes/FamiliesRoute';
import { FamilyRoute } from '@/features/families/routes/FamilyRoute';
import { LoginRoute } from '@/features/auth/routes/LoginRoute';
import { EditPersonRoute } from '@/features/people/routes/EditPersonRoute';
import { NewPersonRoute } from '@/features/people/routes/NewPersonRoute';
import { PersonRoute } from '@/features/people/routes/PersonRoute';
import { PlannedPlaceRoute } from '@/features/places/routes/PlannedPlaceRoute';
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
      { path: 'today', element: <PlannedPlaceRoute place="today" /> },
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
      { path: 'people/:personId', element: <PersonRoute /> },
      { path: 'people/:personId/edit', element: <EditPersonRoute /> },
      { path: 'activities', element: <PlannedPlaceRoute place="activities" /> },
      { path: 'enrollment', element: <PlannedPlaceRoute place="enrollment" /> },
      { path: 'schools', element: <PlannedPlaceRoute place="schools" /> },
      { path: 'reports', element: <PlannedPlaceRoute place="reports" /> },
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
