/**
 * A representative group's year (the 履职 tab of its page): the activities it organised, how they
 * were attended, what came of them (suggestions, reports, opinions raised there), and each member's
 * attendance at them.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Empty, Grid, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { GROUP_ROLE_LABELS } from '../../../../src/modules/org/org.domain.ts';
import { getGroupPerformance } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { Attendance, GroupPerformance as GroupYear } from '../../api/types.ts';
import { ActivityTypeTag } from '../../components/activityTags.tsx';
import { QueryError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatRate } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { timeRange } from '../activities/dates.ts';
import { useTypeLabel } from '../activities/useActivityTypes.ts';
import { recentYears } from '../suggestions/filters.ts';

type Member = GroupYear['members'][number];
type Activity = GroupYear['activities'][number];

const rate = (a: Attendance) => (
  <Tooltip title={`${a.attended}/${a.invited}`}>
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(a.rate)}</span>
  </Tooltip>
);

export function GroupPerformance({ groupId }: { groupId: number }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const typeLabel = useTypeLabel();
  const [year, setYear] = useState(recentYears(1)[0]!);
  const q = useQuery({
    queryKey: [...keys.performance, 'group', groupId, year],
    queryFn: () => getGroupPerformance(groupId, year),
  });
  const d = q.data;
  if (q.isError) return <QueryError compact error={q.error} onRetry={() => void q.refetch()} />;

  const members: TableColumnsType<Member> = [
    {
      title: t('act.representative'),
      key: 'name',
      render: (_: unknown, m) => (
        <Space size={[4, 2]} wrap style={{ whiteSpace: 'nowrap' }}>
          {m.representative.name}
          {m.role !== 'member' && (
            <Tag color={m.role === 'leader' ? 'red' : 'orange'}>{label(GROUP_ROLE_LABELS[m.role])}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('perf.dash.attended'),
      key: 'a',
      width: 64,
      align: 'right',
      render: (_: unknown, m) => m.attendance.attended,
    },
    {
      title: t('perf.dash.onLeave'),
      key: 'l',
      width: 56,
      align: 'right',
      render: (_: unknown, m) => m.attendance.onLeave,
    },
    {
      title: t('perf.dash.absent'),
      key: 'x',
      width: 56,
      align: 'right',
      render: (_: unknown, m) =>
        m.attendance.absent > 0 ? <span className="points-neg">{m.attendance.absent}</span> : 0,
    },
    {
      title: t('perf.dash.rate'),
      key: 'r',
      width: 72,
      align: 'right',
      render: (_: unknown, m) => rate(m.attendance),
    },
    { title: t('perf.group.upcoming'), dataIndex: 'upcoming', width: 64, align: 'right', responsive: ['md'] },
  ];
  const activities: TableColumnsType<Activity> = [
    {
      title: t('act.activity'),
      key: 'a',
      render: (_: unknown, a) => (
        <div>
          <Space size={6} wrap>
            <ActivityTypeTag kind={a.kind} label={typeLabel(a.typeCode, a.typeLabel)} />
            <Link to={`/activities/${a.id}`}>{a.title}</Link>
            {!a.held && <Tag color="blue">{t('act.phase.upcoming')}</Tag>}
          </Space>
          <span className="cell-sub">{timeRange(a.startsAt, a.endsAt)}</span>
        </div>
      ),
    },
    {
      title: t('perf.dash.rate'),
      key: 'r',
      width: 80,
      align: 'right',
      render: (_: unknown, a) => rate(a.attendance),
    },
    {
      title: t('perf.group.outputs'),
      key: 'o',
      width: 220,
      responsive: ['md'],
      render: (_: unknown, a) =>
        a.outputs.length + a.opinions.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {a.outputs.map((o) =>
              o.suggestion && can('suggestions.read') ? (
                <Link key={o.id} to={`/suggestions/${o.suggestion.id}`}>
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    {o.suggestion.caseNumber
                      ? t('perf.group.caseN', { n: o.suggestion.caseNumber })
                      : t('act.output.suggestion')}
                  </Tag>
                </Link>
              ) : (
                <Tooltip key={o.id} title={o.title}>
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {o.kind === 'report' ? t('act.output.report') : t('act.output.suggestion')}
                  </Tag>
                </Tooltip>
              ),
            )}
            {a.opinions.length > 0 && (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('perf.group.opinionsN', { n: a.opinions.length })}
              </Tag>
            )}
          </Space>
        ),
    },
  ];

  return (
    <div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <Select<number>
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={recentYears(5).map((y) => ({ value: y, label: t('sug.yearN', { n: y }) }))}
          aria-label={t('sug.year')}
        />
        {d && (
          <Typography.Text type="secondary">
            {t('perf.group.summary', {
              a: d.totals.activities,
              h: d.totals.held,
              s: d.totals.suggestions,
              r: d.totals.reports,
              o: d.totals.opinions,
            })}
          </Typography.Text>
        )}
      </div>
      {!d ? (
        <Skeleton active />
      ) : (
        <div style={{ display: 'grid', gap: 16, gridTemplateColumns: screens.xl ? '5fr 4fr' : '1fr' }}>
          <Card size="small" title={t('perf.group.activities', { n: d.activities.length })}>
            {d.activities.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station.noActivities')} />
            ) : (
              <Table<Activity>
                rowKey="id"
                size="small"
                columns={activities}
                dataSource={d.activities}
                pagination={
                  d.activities.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false
                }
              />
            )}
          </Card>
          <Card
            size="small"
            title={t('perf.group.members')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('perf.dash.rate')} {formatRate(d.totals.membersAttendance.rate)}
              </Typography.Text>
            }
          >
            <Table<Member>
              rowKey={(m) => m.representative.id}
              size="small"
              columns={members}
              dataSource={d.members}
              pagination={
                d.members.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false
              }
            />
          </Card>
        </div>
      )}
    </div>
  );
}
