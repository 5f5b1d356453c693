/** Sign in: product name, user name and password, and the server's word on failures and lockouts. */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { login } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { problemText } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BrandMark } from '../../layout/Brand.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { useSession, type SignOutReason } from '../../session/SessionProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';

interface LoginState {
  reason?: SignOutReason;
  from?: string;
}

const NOTICE: Record<SignOutReason, { key: StringKey; type: 'info' | 'warning' | 'success' }> = {
  idle: { key: 'login.noticeIdle', type: 'warning' },
  expired: { key: 'login.noticeExpired', type: 'warning' },
  signedOut: { key: 'login.noticeSignedOut', type: 'success' },
  required: { key: 'login.noticeRequired', type: 'info' },
};

export function LoginPage() {
  const { t, lang } = useI18n();
  const { user, signedIn, loading } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<{ text: string; type: 'error' | 'warning' } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();

  if (!loading && user)
    return <Navigate to={user.passwordExpired ? '/password' : (state.from ?? '/')} replace />;

  const notice = state.reason && !error ? NOTICE[state.reason] : null;

  const onFinish = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const session = await login(values.username.trim(), values.password);
      signedIn(session);
      void navigate(session.user?.passwordExpired ? '/password' : (state.from ?? '/'), { replace: true });
    } catch (err) {
      form.setFieldValue('password', '');
      const locked = isApiError(err) && err.code === 'ACCOUNT_LOCKED';
      setError({ text: problemText(err, lang), type: locked ? 'warning' : 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <BrandMark size={56} />
          <Typography.Title level={2} style={{ margin: '14px 0 4px', letterSpacing: 4 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 15, letterSpacing: 1 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        <Card
          variant="borderless"
          style={{ boxShadow: '0 6px 24px rgba(15,39,68,0.10)' }}
          styles={{ body: { padding: '28px 28px 12px' } }}
        >
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20, fontWeight: 500 }}>
            {t('login.title')}
          </Typography.Title>
          {error && <Alert type={error.type} showIcon title={error.text} style={{ marginBottom: 16 }} />}
          {notice && <Alert type={notice.type} showIcon title={t(notice.key)} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void onFinish(v)}
            size="large"
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                placeholder={t('login.usernamePlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                placeholder={t('login.passwordPlaceholder')}
              />
            </Form.Item>
            <Form.Item style={{ marginTop: 8 }}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 20, fontSize: 12 }}>
          {t('login.securityNote')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
