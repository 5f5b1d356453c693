/** The forced password change (expired or administrator-set password): nothing else is reachable until it is done. */
import { Navigate, useNavigate } from 'react-router';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BrandMark } from '../../layout/Brand.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, loading, refresh, signOut } = useSession();
  const navigate = useNavigate();
  if (loading) return <FullPageSpinner />;
  if (!user) return <Navigate to="/login" replace />;
  return (
    <div className="login-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <div style={{ width: '100%', maxWidth: 440 }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <BrandMark size={48} />
          <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
            {t('password.pageTitle')}
          </Typography.Title>
        </div>
        <Card variant="borderless" style={{ boxShadow: '0 6px 24px rgba(15,39,68,0.10)' }}>
          <Alert
            type={user.passwordExpired ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 20 }}
            title={
              user.passwordExpired
                ? t('password.expiredNotice', { name: user.displayName })
                : t('password.voluntaryNotice')
            }
          />
          <ChangePasswordForm
            onDone={() => {
              void message.success(t('password.changed'));
              void refresh().then(() => navigate('/', { replace: true }));
            }}
          />
          <div style={{ textAlign: 'center', marginTop: 8 }}>
            <Button type="link" onClick={() => void signOut('signedOut')}>
              {t('header.signOut')}
            </Button>
          </div>
        </Card>
      </div>
    </div>
  );
}
