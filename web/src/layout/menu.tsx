/** The left menu, shaped by the user's permissions (and, for the queue, by their roles). */
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  CheckSquareOutlined,
  FileTextOutlined,
  FormOutlined,
  PieChartOutlined,
  StopOutlined,
  UnorderedListOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  HomeOutlined,
  BorderOuterOutlined,
  InboxOutlined,
  ProfileOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  AimOutlined,
  CarryOutOutlined,
  ControlOutlined,
  FundOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  StarOutlined,
  TagsOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Role } from '../../../src/modules/auth/auth.domain.ts';
import type { Permission } from '../../../src/modules/auth/auth.policy.ts';
import type { StringKey } from '../i18n/strings.ts';
import { queueViewsFor } from '../pages/opinions/views.ts';
import { workViewsFor } from '../pages/suggestions/views.ts';

export interface MenuEntry {
  key: string;
  label: StringKey;
  icon: ReactNode;
  permission?: Permission;
  /** A further condition on the user's roles. */
  when?: (roles: readonly Role[]) => boolean;
  /** Other paths that belong to this entry (e.g. an item's page to the ledger). */
  matches?: RegExp;
  children?: MenuEntry[];
}

/** Scores, rules and the dashboard are the congress staff's and the leaders' (a representative sees their own). */
const isStaffOrLeader = (roles: readonly Role[]) =>
  roles.includes('congress_staff') || roles.includes('leader');

export const MENU: MenuEntry[] = [
  { key: '/', label: 'nav.home', icon: <DashboardOutlined /> },
  {
    key: 'opinions',
    label: 'nav.opinions',
    icon: <CommentOutlined />,
    permission: 'opinions.read',
    children: [
      {
        key: '/opinions/todo',
        label: 'nav.todo',
        icon: <InboxOutlined />,
        when: (roles) => queueViewsFor(roles).length > 0,
      },
      {
        key: '/opinions/ledger',
        label: 'nav.ledger',
        icon: <ProfileOutlined />,
        matches: /^\/opinions\/\d+/,
      },
      { key: '/opinions/new', label: 'nav.intake', icon: <EditOutlined />, permission: 'opinions.intake' },
      { key: '/dashboard', label: 'nav.dashboard', icon: <BarChartOutlined />, permission: 'dashboard.read' },
    ],
  },
  {
    key: 'suggestions',
    label: 'nav.suggestions',
    icon: <FileTextOutlined />,
    permission: 'suggestions.read',
    children: [
      {
        key: '/suggestions/work',
        label: 'nav.sugWork',
        icon: <InboxOutlined />,
        when: (roles) => workViewsFor(roles).length > 0,
      },
      {
        key: '/suggestions/new',
        label: 'nav.sugNew',
        icon: <FormOutlined />,
        permission: 'suggestions.draft',
        when: (roles) => roles.includes('representative'),
        matches: /^\/suggestions\/\d+\/edit$/,
      },
      {
        key: '/suggestions/new',
        label: 'nav.sugPaper',
        icon: <FormOutlined />,
        permission: 'suggestions.draft',
        when: (roles) => !roles.includes('representative'),
      },
      {
        key: '/suggestions/ledger',
        label: 'nav.sugLedger',
        icon: <UnorderedListOutlined />,
        matches: /^\/suggestions\/\d+/,
      },
      {
        key: '/suggestions/commitments',
        label: 'nav.sugCommitments',
        icon: <CheckSquareOutlined />,
        when: (roles) => roles.some((r) => r === 'unit_staff' || r === 'congress_staff' || r === 'leader'),
      },
      {
        key: '/suggestions/stats',
        label: 'nav.sugStats',
        icon: <PieChartOutlined />,
        permission: 'suggestions.report',
      },
      {
        key: '/suggestions/refusal-reasons',
        label: 'nav.sugReasons',
        icon: <StopOutlined />,
        permission: 'suggestions.configure',
      },
    ],
  },
  {
    key: 'duty',
    label: 'nav.duty',
    icon: <TrophyOutlined />,
    children: [
      {
        key: '/activities',
        label: 'nav.actCalendar',
        icon: <CalendarOutlined />,
        permission: 'activities.read',
        matches: /^\/activities\/\d+/,
      },
      {
        key: '/activities/mine',
        label: 'nav.actMine',
        icon: <ScheduleOutlined />,
        permission: 'activities.participate',
        when: (roles) => roles.includes('representative'),
      },
      {
        key: '/activities/leave',
        label: 'nav.actLeave',
        icon: <CarryOutOutlined />,
        permission: 'activities.manage',
      },
      {
        key: '/performance',
        label: 'nav.perfRanking',
        icon: <OrderedListOutlined />,
        permission: 'performance.read',
        when: isStaffOrLeader,
      },
      {
        key: '/performance/me',
        label: 'nav.perfMine',
        icon: <OrderedListOutlined />,
        permission: 'performance.read',
        when: (roles) => roles.includes('representative') && !isStaffOrLeader(roles),
      },
      {
        key: '/performance/archive',
        label: 'nav.perfArchive',
        icon: <SolutionOutlined />,
        permission: 'performance.read',
      },
      {
        key: '/performance/disclosures',
        label: 'nav.perfDisclosures',
        icon: <NotificationOutlined />,
        permission: 'performance.read',
        when: isStaffOrLeader,
      },
      {
        key: '/performance/honours',
        label: 'nav.perfHonours',
        icon: <StarOutlined />,
        permission: 'performance.read',
        when: isStaffOrLeader,
      },
      {
        key: '/performance/dashboard',
        label: 'nav.perfDashboard',
        icon: <FundOutlined />,
        permission: 'performance.read',
        when: isStaffOrLeader,
      },
      {
        key: '/performance/coverage',
        label: 'nav.perfCoverage',
        icon: <AimOutlined />,
        permission: 'org.read',
        when: (roles) => isStaffOrLeader(roles) || roles.includes('liaison_officer'),
      },
      {
        key: '/performance/rules',
        label: 'nav.perfRules',
        icon: <ControlOutlined />,
        permission: 'performance.read',
        when: isStaffOrLeader,
      },
      {
        key: '/activities/types',
        label: 'nav.actTypes',
        icon: <TagsOutlined />,
        permission: 'activities.configure',
      },
    ],
  },
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
  {
    key: 'system',
    label: 'nav.system',
    icon: <SettingOutlined />,
    children: [
      { key: '/users', label: 'nav.users', icon: <UsergroupAddOutlined />, permission: 'users.read' },
      { key: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      {
        key: '/system/calendar',
        label: 'nav.calendar',
        icon: <CalendarOutlined />,
        permission: 'calendar.write',
      },
    ],
  },
];

export function visibleMenu(can: (p: Permission) => boolean, roles: readonly Role[] = []): MenuEntry[] {
  const shown = (m: MenuEntry) => (!m.permission || can(m.permission)) && (!m.when || m.when(roles));
  return MENU.filter(shown)
    .map((m) => (m.children ? { ...m, children: m.children.filter(shown) } : m))
    .filter((m) => !m.children || m.children.length > 0);
}

/** The menu key for a path: the longest entry that prefixes it, else an entry that claims it. */
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
  if (best === '/') {
    const claimed = flat.find((e) => e.matches?.test(pathname));
    if (claimed) return claimed.key;
  }
  return best;
}
