/** The left menu, shaped by the user's permissions. */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  HomeOutlined,
  BorderOuterOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../src/modules/auth/auth.policy.ts';
import type { StringKey } from '../i18n/strings.ts';

export interface MenuEntry {
  key: string;
  label: StringKey;
  icon: ReactNode;
  permission?: Permission;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  { key: '/', label: 'nav.home', icon: <DashboardOutlined /> },
  {
    key: 'org',
    label: 'nav.org',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    children: [
      { key: '/org/jurisdictions', label: 'nav.jurisdictions', icon: <EnvironmentOutlined /> },
      { key: '/org/representatives', label: 'nav.representatives', icon: <UserOutlined /> },
      { key: '/org/groups', label: 'nav.groups', icon: <TeamOutlined /> },
      { key: '/org/stations', label: 'nav.stations', icon: <HomeOutlined /> },
      { key: '/org/grids', label: 'nav.grids', icon: <BorderOuterOutlined /> },
      { key: '/org/units', label: 'nav.units', icon: <BankOutlined /> },
      { key: '/org/congresses', label: 'nav.congresses', icon: <FlagOutlined /> },
    ],
  },
  { key: '/imports', label: 'nav.imports', icon: <CloudUploadOutlined />, permission: 'org.write' },
  { key: '/users', label: 'nav.users', icon: <UsergroupAddOutlined />, permission: 'users.read' },
  { key: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export function visibleMenu(can: (p: Permission) => boolean): MenuEntry[] {
  return MENU.filter((m) => !m.permission || can(m.permission)).map((m) =>
    m.children ? { ...m, children: m.children.filter((c) => !c.permission || can(c.permission)) } : m,
  );
}

/** The menu key for a path: the longest entry that prefixes it. */
export function selectedKeyFor(pathname: string, entries: MenuEntry[]): string {
  const flat = entries.flatMap((e) => (e.children ? e.children : [e]));
  let best = '/';
  for (const e of flat) {
    if (
      e.key !== '/' &&
      (pathname === e.key || pathname.startsWith(`${e.key}/`)) &&
      e.key.length > best.length
    )
      best = e.key;
  }
  return best;
}
