/**
 * The signed-in frame: the menu on the left (a drawer on small screens), the header with the
 * user and the language, and the page.
 */
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, theme } from 'antd';
import type { MenuProps } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { IdleWatcher } from '../session/IdleWatcher.tsx';
import { FullPageSpinner } from '../components/FullPageSpinner.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { selectedKeyFor, visibleMenu, type MenuEntry } from './menu.tsx';

const SIDER_BG = '#0f2744';

export function AppLayout() {
  const { can, user } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const mobile = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const roles = user?.roles;
  const entries = useMemo(() => visibleMenu(can, roles ?? []), [can, roles]);
  const selected = selectedKeyFor(location.pathname, entries);

  const toItems = (list: MenuEntry[]): MenuProps['items'] =>
    list.map((e) =>
      e.children
        ? { key: e.key, icon: e.icon, label: t(e.label), children: toItems(e.children) }
        : { key: e.key, icon: e.icon, label: t(e.label) },
    );
  const items = toItems(entries);
  const openGroups = entries.filter((e) => e.children?.some((c) => c.key === selected)).map((e) => e.key);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={
        openGroups.length
          ? openGroups
          : entries
              .filter((e) => e.children)
              .slice(0, 1)
              .map((e) => e.key)
      }
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ background: 'transparent', borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider
          width={224}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ background: SIDER_BG, position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div
            style={{
              height: 64,
              display: 'flex',
              alignItems: 'center',
              padding: collapsed ? '0 24px' : '0 18px',
            }}
          >
            <Brand collapsed={collapsed} dark />
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Drawer
        placement="left"
        open={mobile && drawerOpen}
        onClose={() => setDrawerOpen(false)}
        size={256}
        closable={false}
        styles={{ body: { padding: 0, background: SIDER_BG }, header: { display: 'none' } }}
      >
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 18px' }}>
          <Brand dark />
        </div>
        {menu}
      </Drawer>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            background: token.colorBgContainer,
            borderTop: '3px solid #a8071a',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            height: 60,
            lineHeight: '56px',
            padding: mobile ? '0 12px' : '0 20px',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
          }}
        >
          <Button
            type="text"
            aria-label={t('header.menu')}
            icon={mobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (mobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
          />
          {mobile && <Brand collapsed={!screens.sm} />}
          <div style={{ flex: 1 }} />
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer
          style={{
            textAlign: 'center',
            color: token.colorTextTertiary,
            fontSize: 12,
            padding: '12px 24px 20px',
          }}
        >
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
      <IdleWatcher />
    </Layout>
  );
}
