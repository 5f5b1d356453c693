/** Route guards: signed in (else the log-in page), password not expired, and a permission where a page needs one. */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Result } from 'antd';
import type { Permission } from '../../../src/modules/auth/auth.policy.ts';
import { FullPageSpinner } from '../components/FullPageSpinner.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSession } from './SessionProvider.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { loading, user, signOutReason } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpinner />;
  if (!user)
    return (
      <Navigate
        to="/login"
        replace
        state={{ reason: signOutReason ?? 'required', from: location.pathname + location.search }}
      />
    );
  if (user.passwordExpired) return <Navigate to="/password" replace />;
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  if (!can(permission))
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenText')} />;
  return <>{children}</>;
}
