// Admins and coordinators who must use a second factor (setting security.require_totp_for_staff)
// and have none yet see only the enrolment page: the server answers nothing else for them.
import type { ReactElement } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { User } from '@/types/user';
import { useTotpStatus } from '../api/totp';

export const SECURITY_PATH = '/account/security';

export function TotpGate({ user, children }: { user: User; children: ReactElement }) {
  const staff = user.role === 'admin' || user.role === 'coordinator';
  const status = useTotpStatus(staff);
  const location = useLocation();
  if (staff && status.data?.required && !status.data.enabled && location.pathname !== SECURITY_PATH)
    return <Navigate to={SECURITY_PATH} replace />;
  return children;
}
