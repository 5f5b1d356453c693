/**
 * 请假审批: the activities with leave requests waiting, for those who manage them — each activity
 * with its time and place, and each representative's reason with 准假 / 不准 (a note for them,
 * required when refusing). Approved leave exempts from the absence penalty and the yearly
 * requirements; a refusal leaves the representative expected.
 */
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { App, Badge, Button, Card, Empty, Pagination, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { decideLeave, getActivity, listActivities } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import type { ActivityDetail, ActivityListItem, ActivityParticipant } from '../../api/types.ts';
import { ActivityTypeTag, PhaseTag } from '../../components/activityTags.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LeaveDecisionModal } from './ActivityModals.tsx';
import { timeRange } from './dates.ts';
import { useTypeLabel } from './useActivityTypes.ts';

const PAGE_SIZE = 10;

export function LeaveRequestsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const list = useListParams([] as const, PAGE_SIZE);
  const query = { view: 'leave_requests' as const, page: list.page, pageSize: PAGE_SIZE };
  const page = useQuery({
    queryKey: [...keys.activities, 'leave', query],
    queryFn: ({ signal }) => listActivities(query, signal),
    placeholderData: keepPreviousData,
  });
  const details = useQueries({
    queries: (page.data?.items ?? []).map((a) => ({
      queryKey: keys.activity(a.id),
      queryFn: () => getActivity(a.id),
    })),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.activities });
  const waiting = details.reduce(
    (n, d) => n + (d.data?.participants.filter((p) => p.status === 'leave_requested').length ?? 0),
    0,
  );

  return (
    <div>
      <PageHeader
        title={t('nav.actLeave')}
        subtitle={t('act.leave.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={page.isFetching && !page.isPending}>
            {t('common.refresh')}
          </Button>
        }
      />
      {page.isError ? (
        <QueryError error={page.error} onRetry={() => void page.refetch()} />
      ) : page.isPending ? (
        <Card variant="borderless">
          <Skeleton active />
        </Card>
      ) : page.data.items.length === 0 ? (
        <Card variant="borderless">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('act.leave.none')} />
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('act.leave.summary', { n: page.data.total, m: waiting })}
          </Typography.Paragraph>
          {page.data.items.map((a, i) => (
            <LeaveCard key={a.id} item={a} detail={details[i]?.data} onChanged={refresh} />
          ))}
          {page.data.total > PAGE_SIZE && (
            <div style={{ display: 'flex', justifyContent: 'center' }}>
              <Pagination
                current={list.page}
                pageSize={PAGE_SIZE}
                total={page.data.total}
                onChange={(p) => list.setPaging(p, PAGE_SIZE)}
                showSizeChanger={false}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}

function LeaveCard({
  item,
  detail,
  onChanged,
}: {
  item: ActivityListItem;
  detail: ActivityDetail | undefined;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const location = useLocation();
  const typeLabel = useTypeLabel();
  const [deciding, setDeciding] = useState<{ p: ActivityParticipant; approve: boolean } | null>(null);
  const asking = detail?.participants.filter((p) => p.status === 'leave_requested') ?? [];
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 12 }}
      title={
        <div className="leave-card-title">
          <Space size={6} wrap>
            <ActivityTypeTag kind={item.kind} label={typeLabel(item.typeCode, item.typeLabel)} />
            <Link to={`/activities/${item.id}`} state={{ from: location.pathname + location.search }}>
              {item.title}
            </Link>
            <Badge count={asking.length} color="#d48806" />
          </Space>
          <div className="cell-sub">
            {timeRange(item.startsAt, item.endsAt)}
            {item.organiserRef ? ` · ${item.organiserRef.name}` : ''}
          </div>
        </div>
      }
      extra={<PhaseTag a={item} />}
    >
      {!detail ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      ) : asking.length === 0 ? (
        <Typography.Text type="secondary">{t('act.leave.decidedAll')}</Typography.Text>
      ) : (
        asking.map((p) => (
          <div key={p.representative.id} className="leave-row">
            <div style={{ flex: '1 1 260px', minWidth: 0 }}>
              <div style={{ fontWeight: 500 }}>{p.representative.name}</div>
              <div className="user-text" style={{ color: 'rgba(0,0,0,0.65)' }}>
                {p.leaveReason || '—'}
              </div>
            </div>
            <Space size={8}>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => setDeciding({ p, approve: true })}
              >
                {t('act.leave.approve')}
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={() => setDeciding({ p, approve: false })}>
                {t('act.leave.refuse')}
              </Button>
            </Space>
          </div>
        ))
      )}
      <LeaveDecisionModal
        participant={deciding?.p ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onSubmit={async (note) => {
          const d = deciding!;
          const next = await decideLeave(item.id, d.p.representative.id, d.approve, note || undefined);
          qc.setQueryData(keys.activity(item.id), next);
          void message.success(d.approve ? t('act.leave.approved') : t('act.leave.refused'));
          onChanged();
        }}
      />
    </Card>
  );
}
