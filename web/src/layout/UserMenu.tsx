/** The header's user block: name, role, jurisdiction; change password and sign out. */
import { useState } from 'react';
import { Avatar, Dropdown, Grid, Space, Tag, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../../src/modules/auth/auth.domain.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { ChangePasswordModal } from '../pages/account/ChangePasswordModal.tsx';

export function UserMenu() {
  const { user, signOut } = useSession();
  const { t, label } = useI18n();
  const screens = Grid.useBreakpoint();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const roles = user.roles.map((r) => label(ROLE_LABELS[r])).join('、');
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              type: 'group',
              label: (
                <div style={{ lineHeight: 1.6, padding: '4px 0' }}>
                  <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>
                    {user.displayName} <Typography.Text type="secondary">({user.username})</Typography.Text>
                  </div>
                  <div>{roles}</div>
                  <div>{user.jurisdiction.name}</div>
                </div>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: t('header.changePassword'),
              onClick: () => setChanging(true),
            },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: t('header.signOut'),
              danger: true,
              onClick: () => void signOut('signedOut'),
            },
          ],
        }}
      >
        <a
          onClick={(e) => e.preventDefault()}
          style={{ color: 'inherit', display: 'inline-flex', alignItems: 'center' }}
          aria-label={t('header.account')}
        >
          <Space size={8}>
            <Avatar size="small" style={{ background: '#1f4e8c' }} icon={<UserOutlined />} />
            {screens.md && (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                <span style={{ fontWeight: 500 }}>{user.displayName}</span>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {roles}
                </Tag>
                {screens.lg && <Typography.Text type="secondary">{user.jurisdiction.name}</Typography.Text>}
              </span>
            )}
            <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
          </Space>
        </a>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
