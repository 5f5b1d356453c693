/** Activities as a list: a table on a desk, a card per activity on a phone. */
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Card, Pagination, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { ORGANISER_LABELS } from '../../../../src/modules/activities/activities.domain.ts';
import type { ActivityListItem } from '../../api/types.ts';
import {
  ActivityTypeTag,
  AttendanceTag,
  ParticipantStatusTag,
  PhaseTag,
} from '../../components/activityTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { beijingTime, timeRange } from './dates.ts';
import { useTypeLabel } from './useActivityTypes.ts';

/** The caller's own place on it (a representative), else where the activity stands. */
function StatusCell({ a }: { a: ActivityListItem }) {
  return (
    <Space size={4} wrap>
      <PhaseTag a={a} />
      {a.myStatus && <ParticipantStatusTag status={a.myStatus} />}
      {a.myAttendance && <AttendanceTag attendance={a.myAttendance} />}
    </Space>
  );
}

function Organiser({ a }: { a: ActivityListItem }) {
  const { label } = useI18n();
  return <>{a.organiserRef?.name ?? label(ORGANISER_LABELS[a.organiser])}</>;
}

export function ActivityList({
  items,
  loading,
  pagination,
  phone,
  rowActions,
  emptyText,
}: {
  items: ActivityListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig | false;
  phone: boolean;
  rowActions?: (a: ActivityListItem) => ReactNode;
  emptyText?: ReactNode;
}) {
  const { t } = useI18n();
  const typeLabel = useTypeLabel();
  const location = useLocation();
  const from = location.pathname + location.search;
  if (phone)
    return (
      <ActivityCards
        items={items}
        loading={loading}
        pagination={pagination}
        rowActions={rowActions}
        emptyText={emptyText}
      />
    );
  const columns: TableColumnsType<ActivityListItem> = [
    {
      title: t('act.when'),
      key: 'when',
      width: 150,
      render: (_: unknown, a) => {
        const start = formatDateTime(a.startsAt, false);
        return (
          <div style={{ lineHeight: 1.5, fontVariantNumeric: 'tabular-nums' }}>
            <div>{start.slice(0, 10)}</div>
            <span className="cell-sub">
              {beijingTime(a.startsAt)}–{beijingTime(a.endsAt)}
            </span>
          </div>
        );
      },
    },
    {
      title: t('act.activity'),
      key: 'title',
      render: (_: unknown, a) => (
        <div style={{ lineHeight: 1.5 }}>
          <Space size={6} wrap>
            <ActivityTypeTag kind={a.kind} label={typeLabel(a.typeCode, a.typeLabel)} />
            <Link to={`/activities/${a.id}`} state={{ from }}>
              {a.title}
            </Link>
          </Space>
          <span className="cell-sub">
            <Organiser a={a} />
          </span>
        </div>
      ),
    },
    {
      title: t('act.place'),
      dataIndex: 'place',
      responsive: ['xl'],
      ellipsis: true,
      render: (p: string | null) => p ?? '—',
    },
    {
      title: t('act.people'),
      key: 'people',
      width: 96,
      align: 'right',
      render: (_: unknown, a) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }} title={t('act.presentOfInvited')}>
          {a.presentCount}/{a.participantCount}
        </span>
      ),
    },
    { title: t('common.status'), key: 'status', width: 190, render: (_: unknown, a) => <StatusCell a={a} /> },
    ...(rowActions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, a: ActivityListItem) => rowActions(a),
          },
        ]
      : []),
  ];
  return (
    <Table<ActivityListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      rowClassName={(a) => (a.status !== 'planned' ? 'retired-row' : '')}
      locale={{ emptyText: emptyText ?? t('common.empty') }}
      scroll={{ x: 720 }}
    />
  );
}

export function ActivityCards({
  items,
  loading,
  pagination,
  rowActions,
  emptyText,
}: {
  items: ActivityListItem[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig | false;
  rowActions?: (a: ActivityListItem) => ReactNode;
  emptyText?: ReactNode;
}) {
  const { t } = useI18n();
  const typeLabel = useTypeLabel();
  const navigate = useNavigate();
  const location = useLocation();
  const from = location.pathname + location.search;
  const list = items ?? [];
  return (
    <Spin spinning={loading}>
      {list.length === 0 && !loading && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 24, margin: 0 }}>
          {emptyText ?? t('common.empty')}
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {list.map((a) => {
          const actions = rowActions?.(a);
          return (
            <Card
              key={a.id}
              size="small"
              hoverable
              className={`activity-card${a.status !== 'planned' ? ' activity-card-off' : ''}`}
              onClick={() => void navigate(`/activities/${a.id}`, { state: { from } })}
            >
              <div className="activity-card-top">
                <ActivityTypeTag kind={a.kind} label={typeLabel(a.typeCode, a.typeLabel)} />
                <span className="activity-card-time">{timeRange(a.startsAt, a.endsAt)}</span>
              </div>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0', fontWeight: 500 }}>
                {a.title}
              </Typography.Paragraph>
              <div className="opinion-card-meta">
                <div>
                  <TeamOutlined /> <Organiser a={a} /> · {t('act.presentN', { n: a.presentCount })}/
                  {a.participantCount}
                </div>
                {a.place && (
                  <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    <EnvironmentOutlined /> {a.place}
                  </div>
                )}
              </div>
              <div style={{ marginTop: 8 }}>
                <StatusCell a={a} />
              </div>
              {actions && (
                <div
                  onClick={(e) => e.stopPropagation()}
                  style={{
                    marginTop: 10,
                    display: 'flex',
                    gap: 8,
                    justifyContent: 'flex-end',
                    flexWrap: 'wrap',
                  }}
                >
                  {actions}
                </div>
              )}
            </Card>
          );
        })}
      </div>
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 20) && (
        <div style={{ display: 'flex', justifyContent: 'center', marginTop: 12 }}>
          <Pagination
            size="small"
            simple
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            onChange={pagination.onChange}
            showTotal={pagination.showTotal}
          />
        </div>
      )}
    </Spin>
  );
}
