/**
 * 履职看板: a congress's year of duty performance, counted live from the records — how many
 * members took part and how they attended (present, on approved leave, absent), activities month
 * by month and by type, participation by level, by group and by station, the representatives who
 * attended most and least, and the yearly requirements with who has not met them yet.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Card,
  Col,
  Empty,
  Grid,
  Progress,
  Row,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CONGRESS_LEVEL_LABELS,
  GROUP_KIND_LABELS,
  STATION_TIER_LABELS,
} from '../../../../src/modules/org/org.domain.ts';
import { getPerformanceDashboard } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { Attendance, PerformanceDashboard } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime, formatRate } from '../../lib/format.ts';
import { useTypeLabel } from '../activities/useActivityTypes.ts';
import { DASH_COLORS, attendancePie, levelOption, monthOption, typeOption } from './dashboardCharts.ts';
import { CongressYearSelects, useCongressYear } from './useCongressYear.tsx';

export function PerformanceDashboardPage() {
  const { t, label } = useI18n();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const scope = useCongressYear();
  const { congressId, year } = scope;
  const typeLabel = useTypeLabel();
  const dash = useQuery({
    queryKey: [...keys.performance, 'dashboard', congressId, year],
    queryFn: ({ signal }) => getPerformanceDashboard({ congressId: congressId!, year, limit: 10 }, signal),
    enabled: !!congressId,
    placeholderData: keepPreviousData,
  });
  const d = dash.data;
  const options = useMemo(
    () =>
      d
        ? {
            month: monthOption(t, d, narrow),
            type: typeOption(t, d, typeLabel),
            level: levelOption(t, d, (level) => label(CONGRESS_LEVEL_LABELS[level])),
            pie: attendancePie(t, d),
          }
        : null,
    [d, t, label, narrow, typeLabel],
  );

  return (
    <div>
      <PageHeader
        title={t('nav.perfDashboard')}
        subtitle={
          d
            ? t('perf.dash.subtitleOf', { scope: d.scope.name, at: formatDateTime(d.generatedAt, false) })
            : t('perf.dash.subtitle')
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <CongressYearSelects scope={scope} />
        </div>
      </Card>
      {!congressId && !scope.loading ? (
        <Card variant="borderless">
          <Empty description={t('perf.noCongress')} />
        </Card>
      ) : dash.isError ? (
        <QueryError error={dash.error} onRetry={() => void dash.refetch()} />
      ) : !d || !options ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <>
          <Headline d={d} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={16}>
              <Card variant="borderless" title={t('perf.dash.byMonth')} style={{ height: '100%' }}>
                <EChart
                  option={options.month}
                  height={narrow ? 280 : 300}
                  ariaLabel={t('perf.dash.byMonth')}
                />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card variant="borderless" title={t('perf.dash.attendanceMix')} style={{ height: '100%' }}>
                {d.totals.attendance.invited === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.dash.noneHeld')} />
                ) : (
                  <EChart option={options.pie} height={280} ariaLabel={t('perf.dash.attendanceMix')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card variant="borderless" title={t('perf.dash.byType')} style={{ height: '100%' }}>
                {d.byType.every((x) => x.activities === 0) ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    option={options.type}
                    height={Math.max(200, d.byType.filter((x) => x.activities > 0).length * 30 + 30)}
                    ariaLabel={t('perf.dash.byType')}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card variant="borderless" title={t('perf.dash.byLevel')} style={{ height: '100%' }}>
                {d.byLevel.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart option={options.level} height={280} ariaLabel={t('perf.dash.byLevel')} />
                )}
              </Card>
            </Col>
          </Row>
          <RequirementsCard d={d} />
          <People d={d} />
          <Rosters d={d} />
        </>
      )}
    </div>
  );
}

function Headline({ d }: { d: PerformanceDashboard }) {
  const { t } = useI18n();
  const x = d.totals;
  const cards = [
    { key: 'members', title: t('perf.dash.members'), value: x.members.toLocaleString(), color: '#1f4e8c' },
    {
      key: 'participation',
      title: t('perf.dash.participationRate'),
      tip: t('perf.dash.participationTip'),
      value: formatRate(x.participationRate),
      sub: t('perf.dash.participatingN', { n: x.participating }),
      color: '#2e7d32',
    },
    {
      key: 'activities',
      title: t('perf.dash.activities'),
      value: x.activities.toLocaleString(),
      sub: t('perf.dash.heldN', { n: x.held }),
      color: '#0e7c86',
    },
    {
      key: 'attendance',
      title: t('perf.dash.attendanceRate'),
      tip: t('perf.dash.attendanceTip'),
      value: formatRate(x.attendance.rate),
      sub: t('perf.dash.attendedOf', { n: x.attendance.attended, m: x.attendance.invited }),
      color: '#a8071a',
    },
    {
      key: 'leave',
      title: t('perf.dash.onLeave'),
      value: x.attendance.onLeave.toLocaleString(),
      color: DASH_COLORS.leave,
    },
    {
      key: 'absent',
      title: t('perf.dash.absent'),
      tip: t('perf.dash.absentTip'),
      value: x.attendance.absent.toLocaleString(),
      color: x.attendance.absent > 0 ? '#cf1322' : '#8c8c8c',
    },
    {
      key: 'never',
      title: t('perf.dash.neverAttended'),
      value: d.byRepresentative.neverAttended.toLocaleString(),
      sub: t('perf.dash.neverInvitedN', { n: d.byRepresentative.neverInvited }),
      color: '#d46b08',
    },
    {
      key: 'rules',
      title: t('nav.perfRules'),
      value:
        d.ruleSet.id === null ? t('perf.dash.defaults') : t('perf.ruleVersion', { v: d.ruleSet.version }),
      color: '#595959',
    },
  ];
  return (
    <div className="kpi-grid">
      {cards.map((k) => (
        <Card key={k.key} variant="borderless" className="kpi-card kpi-static">
          {k.tip ? (
            <Tooltip title={k.tip}>
              <div className="kpi-title">{k.title}</div>
            </Tooltip>
          ) : (
            <div className="kpi-title">{k.title}</div>
          )}
          <div className="kpi-value" style={{ color: k.color }}>
            {k.value}
          </div>
          {k.sub && <div className="kpi-sub">{k.sub}</div>}
        </Card>
      ))}
    </div>
  );
}

function RequirementsCard({ d }: { d: PerformanceDashboard }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const cardOf = (id: number) =>
    `/performance/representatives/${id}?congressId=${d.congress.id}&year=${d.year}`;
  return (
    <Card variant="borderless" title={t('perf.dash.requirements')} style={{ marginBottom: 16 }}>
      {d.requirements.length === 0 ? (
        <Typography.Text type="secondary">{t('perf.req.none')}</Typography.Text>
      ) : (
        d.requirements.map((r) => {
          const total = r.met + r.exempt + r.notMet;
          return (
            <div key={r.code} className="dash-req">
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <span style={{ fontWeight: 500, flex: '1 1 220px' }}>{r.label}</span>
                <Space size={4} wrap>
                  <Tag color="green">{t('perf.dash.reqMet', { n: r.met })}</Tag>
                  {r.exempt > 0 && <Tag color="purple">{t('perf.dash.reqExempt', { n: r.exempt })}</Tag>}
                  <Tag color={r.notMet > 0 ? 'red' : 'default'}>
                    {t('perf.dash.reqNotMet', { n: r.notMet })}
                  </Tag>
                </Space>
              </div>
              <Progress
                percent={total ? ((r.met + r.exempt) / total) * 100 : 0}
                success={{ percent: total ? (r.met / total) * 100 : 0, strokeColor: '#2e7d32' }}
                strokeColor="#9254de"
                railColor="#fde8e8"
                showInfo={false}
              />
              {r.notMet > 0 && (
                <Typography.Link
                  onClick={() => setOpen(open === r.code ? null : r.code)}
                  style={{ fontSize: 13 }}
                >
                  {open === r.code ? t('perf.dash.hideNames') : t('perf.dash.showNames', { n: r.notMet })}
                </Typography.Link>
              )}
              {open === r.code && (
                <div className="dash-names">
                  {r.notMetRepresentatives.map((p) => (
                    <Link key={p.id} to={cardOf(p.id)}>
                      {p.name}
                    </Link>
                  ))}
                  {r.listTruncated && (
                    <Typography.Text type="secondary">{t('perf.dash.truncated')}</Typography.Text>
                  )}
                </div>
              )}
            </div>
          );
        })
      )}
    </Card>
  );
}

const rateCell = (a: Attendance) => (
  <Tooltip title={`${a.attended}/${a.invited}`}>
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(a.rate)}</span>
  </Tooltip>
);

function People({ d }: { d: PerformanceDashboard }) {
  const { t } = useI18n();
  type Rep = PerformanceDashboard['byRepresentative']['top'][number];
  const cardOf = (id: number) =>
    `/performance/representatives/${id}?congressId=${d.congress.id}&year=${d.year}`;
  const columns: TableColumnsType<Rep> = [
    {
      title: t('act.representative'),
      key: 'name',
      render: (_: unknown, r) => <Link to={cardOf(r.representative.id)}>{r.representative.name}</Link>,
    },
    { title: t('perf.dash.attended'), dataIndex: 'attended', width: 64, align: 'right' },
    { title: t('perf.dash.invited'), dataIndex: 'invited', width: 64, align: 'right' },
    { title: t('perf.dash.onLeave'), dataIndex: 'onLeave', width: 56, align: 'right', responsive: ['sm'] },
    {
      title: t('perf.dash.absent'),
      dataIndex: 'absent',
      width: 56,
      align: 'right',
      render: (n: number) => (n > 0 ? <span className="points-neg">{n}</span> : n),
    },
    {
      title: t('perf.dash.rate'),
      key: 'rate',
      width: 72,
      align: 'right',
      render: (_: unknown, r) => rateCell(r),
    },
  ];
  const table = (rows: Rep[]) => (
    <Table<Rep>
      rowKey={(r) => r.representative.id}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('common.empty') }}
    />
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card variant="borderless" title={t('perf.dash.top')} style={{ height: '100%' }}>
          {table(d.byRepresentative.top)}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card variant="borderless" title={t('perf.dash.bottom')} style={{ height: '100%' }}>
          {table(d.byRepresentative.bottom)}
        </Card>
      </Col>
    </Row>
  );
}

function Rosters({ d }: { d: PerformanceDashboard }) {
  const { t, label } = useI18n();
  const [which, setWhich] = useState<'group' | 'station'>('group');
  type G = PerformanceDashboard['byGroup'][number];
  type S = PerformanceDashboard['byStation'][number];
  const common = {
    members: { title: t('perf.dash.members'), dataIndex: 'members', width: 72, align: 'right' as const },
    activities: {
      title: t('perf.dash.activities'),
      key: 'activities',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: G | S) => `${r.held}/${r.activities}`,
    },
    rate: {
      title: t('perf.dash.membersAttendance'),
      key: 'rate',
      width: 150,
      render: (_: unknown, r: G | S) => (
        <div className="score-part">
          {rateCell(r.attendance)}
          <Progress
            percent={(r.attendance.rate ?? 0) * 100}
            showInfo={false}
            size="small"
            strokeColor="#2e7d32"
          />
        </div>
      ),
      sorter: (a: G | S, b: G | S) => (a.attendance.rate ?? -1) - (b.attendance.rate ?? -1),
    },
    absent: {
      title: t('perf.dash.absent'),
      key: 'absent',
      width: 64,
      align: 'right' as const,
      responsive: ['md' as const],
      render: (_: unknown, r: G | S) => r.attendance.absent,
    },
  };
  const groups: TableColumnsType<G> = [
    {
      title: t('nav.groups'),
      key: 'name',
      render: (_: unknown, g) => (
        <div>
          <Link to={`/org/groups/${g.group.id}`}>{g.group.name}</Link>
          <span className="cell-sub">
            {label(GROUP_KIND_LABELS[g.kind])} · {g.jurisdiction.name}
          </span>
        </div>
      ),
    },
    common.members,
    common.activities,
    common.rate,
    common.absent,
  ];
  const stations: TableColumnsType<S> = [
    {
      title: t('nav.stations'),
      key: 'name',
      render: (_: unknown, s) => (
        <div>
          <Link to={`/org/stations/${s.station.id}`}>{s.station.name}</Link>
          <span className="cell-sub">
            {label(STATION_TIER_LABELS[s.tier])} · {s.jurisdiction.name}
          </span>
        </div>
      ),
    },
    common.members,
    common.activities,
    common.rate,
    common.absent,
  ];
  return (
    <Card
      variant="borderless"
      title={which === 'group' ? t('perf.dash.byGroup') : t('perf.dash.byStation')}
      extra={
        <Segmented<'group' | 'station'>
          size="small"
          value={which}
          onChange={setWhich}
          options={[
            { value: 'group', label: `${t('nav.groups')} ${d.byGroup.length}` },
            { value: 'station', label: `${t('nav.stations')} ${d.byStation.length}` },
          ]}
        />
      }
    >
      {which === 'group' ? (
        <Table<G>
          rowKey={(g) => g.group.id}
          size="small"
          columns={groups}
          dataSource={d.byGroup}
          pagination={d.byGroup.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false}
          scroll={{ x: 560 }}
        />
      ) : (
        <Table<S>
          rowKey={(s) => s.station.id}
          size="small"
          columns={stations}
          dataSource={d.byStation}
          pagination={
            d.byStation.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false
          }
          scroll={{ x: 560 }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('perf.dash.rosterNote')}
      </Typography.Paragraph>
    </Card>
  );
}
