/** The start page: who I am, and the organisation at a glance with ways in. */
import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ScheduleOutlined,
  TrophyOutlined,
  EditOutlined,
  FileTextOutlined,
  FormOutlined,
  InboxOutlined,
  PieChartOutlined,
  ProfileOutlined,
  BankOutlined,
  BorderOuterOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '../../../../src/modules/auth/auth.domain.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { useJurisdictionTree } from '../../components/jurisdictionTree.ts';
import { QueryError } from '../../components/errors.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { queueViewsFor } from '../opinions/views.ts';
import { workViewsFor } from '../suggestions/views.ts';

function greetingKey(): StringKey {
  const hour = (new Date().getUTCHours() + 8) % 24;
  if (hour < 11) return 'home.morning';
  if (hour < 13) return 'home.noon';
  if (hour < 18) return 'home.afternoon';
  return 'home.evening';
}

export function HomePage() {
  const { user, can } = useSession();
  const { t, label } = useI18n();
  const tree = useJurisdictionTree(can('org.read'));
  if (!user) return null;

  const totals = (tree.data?.roots ?? []).reduce(
    (acc, r) => ({
      representatives: acc.representatives + r.total.representatives,
      stations: acc.stations + r.total.stations,
      grids: acc.grids + r.total.grids,
      units: acc.units + r.total.units,
    }),
    { representatives: 0, stations: 0, grids: 0, units: 0 },
  );

  const stats: {
    key: keyof typeof totals;
    title: StringKey;
    icon: React.ReactNode;
    to: string;
    color: string;
  }[] = [
    {
      key: 'representatives',
      title: 'nav.representatives',
      icon: <UserOutlined />,
      to: '/org/representatives',
      color: '#a8071a',
    },
    { key: 'stations', title: 'nav.stations', icon: <HomeOutlined />, to: '/org/stations', color: '#1f4e8c' },
    { key: 'grids', title: 'nav.grids', icon: <BorderOuterOutlined />, to: '/org/grids', color: '#0e7c86' },
    { key: 'units', title: 'nav.units', icon: <BankOutlined />, to: '/org/units', color: '#8c5a00' },
  ];

  const shortcuts: { to: string; title: StringKey; text: StringKey; icon: React.ReactNode; show: boolean }[] =
    [
      {
        to: '/opinions/todo',
        title: 'nav.todo',
        text: 'home.todoText',
        icon: <InboxOutlined />,
        show: can('opinions.read') && queueViewsFor(user.roles).length > 0,
      },
      {
        to: '/opinions/new',
        title: 'nav.intake',
        text: 'home.intakeText',
        icon: <EditOutlined />,
        show: can('opinions.intake'),
      },
      {
        to: '/opinions/ledger',
        title: 'nav.ledger',
        text: 'home.ledgerText',
        icon: <ProfileOutlined />,
        show: can('opinions.read'),
      },
      {
        to: '/suggestions/work',
        title: 'nav.sugWork',
        text: 'home.sugWorkText',
        icon: <FileTextOutlined />,
        show: can('suggestions.read') && workViewsFor(user.roles).length > 0,
      },
      {
        to: '/suggestions/new',
        title: 'nav.sugNew',
        text: 'home.sugNewText',
        icon: <FormOutlined />,
        show: can('suggestions.draft') && user.roles.includes('representative'),
      },
      {
        to: '/suggestions/stats',
        title: 'nav.sugStats',
        text: 'home.sugStatsText',
        icon: <PieChartOutlined />,
        show: can('suggestions.report'),
      },
      {
        to: '/activities/mine',
        title: 'nav.actMine',
        text: 'home.actMineText',
        icon: <ScheduleOutlined />,
        show: can('activities.participate') && user.roles.includes('representative'),
      },
      {
        to: '/activities',
        title: 'nav.actCalendar',
        text: 'home.actCalendarText',
        icon: <CalendarOutlined />,
        show: can('activities.read') && !user.roles.includes('representative'),
      },
      {
        to: '/activities/leave',
        title: 'nav.actLeave',
        text: 'home.actLeaveText',
        icon: <CarryOutOutlined />,
        show: can('activities.manage'),
      },
      {
        to: '/performance',
        title: 'nav.perfRanking',
        text: 'home.perfRankingText',
        icon: <TrophyOutlined />,
        show:
          can('performance.read') && (user.roles.includes('congress_staff') || user.roles.includes('leader')),
      },
      {
        to: '/performance/me',
        title: 'nav.perfMine',
        text: 'home.perfMineText',
        icon: <TrophyOutlined />,
        show: can('performance.read') && user.roles.includes('representative'),
      },
      {
        to: '/dashboard',
        title: 'nav.dashboard',
        text: 'home.dashboardText',
        icon: <BarChartOutlined />,
        show: can('dashboard.read'),
      },
      {
        to: '/system/calendar',
        title: 'nav.calendar',
        text: 'home.calendarText',
        icon: <CalendarOutlined />,
        show: can('calendar.write'),
      },
      {
        to: '/org/groups',
        title: 'nav.groups',
        text: 'home.groupsText',
        icon: <TeamOutlined />,
        show: can('org.read'),
      },
      {
        to: '/imports',
        title: 'nav.imports',
        text: 'home.importsText',
        icon: <CloudUploadOutlined />,
        show: can('org.write'),
      },
      {
        to: '/users',
        title: 'nav.users',
        text: 'home.usersText',
        icon: <UsergroupAddOutlined />,
        show: can('users.read'),
      },
      {
        to: '/audit',
        title: 'nav.audit',
        text: 'home.auditText',
        icon: <AuditOutlined />,
        show: can('audit.read'),
      },
    ];

  return (
    <div>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t(greetingKey())}，{user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {user.roles.map((r) => label(ROLE_LABELS[r])).join('、')} · {user.jurisdiction.name}
        </Typography.Text>
      </Card>
      {can('org.read') && (
        <>
          {tree.isError && <QueryError error={tree.error} compact onRetry={() => void tree.refetch()} />}
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {stats.map((s) => (
              <Col xs={12} md={6} key={s.key}>
                <Link to={s.to}>
                  <Card variant="borderless" hoverable className="stat-card" loading={tree.isPending}>
                    <Statistic
                      title={t(s.title)}
                      value={totals[s.key]}
                      prefix={<span style={{ color: s.color, marginInlineEnd: 4 }}>{s.icon}</span>}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
      <Row gutter={[16, 16]}>
        {shortcuts
          .filter((s) => s.show)
          .map((s) => (
            <Col xs={24} sm={12} lg={6} key={s.to}>
              <Link to={s.to}>
                <Card variant="borderless" hoverable style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={<span style={{ fontSize: 22, color: '#1f4e8c' }}>{s.icon}</span>}
                    title={t(s.title)}
                    description={t(s.text)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
    </div>
  );
}
