/**
 * 我的活动, a representative's own activities: those to come (soonest first) with 报名 and 请假 right
 * on each, and 签到 while an activity's check-in is open; and those past, with how each was
 * recorded. What may be done is worked out by the same pure rules the server applies.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Grid, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, QrcodeOutlined, ScanOutlined, TrophyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkinWindow,
  participantStep,
  type ParticipantStatus,
} from '../../../../src/modules/activities/activities.domain.ts';
import { listActivities, requestLeave, signUp } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import type { ActivityListItem } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { pagination, useListParams } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { ReasonModal } from './ActivityModals.tsx';
import { ActivityList } from './ActivityList.tsx';
import { QrScanModal, canScanQr } from './QrScanModal.tsx';
import { todayBeijing } from './dates.ts';

type Tab = 'coming' | 'past';

/** What the representative may do on a row, now. */
export function myActionsOf(a: ActivityListItem, now = new Date()) {
  if (!a.myStatus) return { signUp: false, leave: false, checkin: false };
  const times = { status: a.status, startsAt: a.startsAt, endsAt: a.endsAt };
  const step = (action: 'sign_up' | 'request_leave') =>
    participantStep(a.myStatus as ParticipantStatus, action, 'self', times, now).ok;
  const w = checkinWindow(a);
  return {
    signUp: step('sign_up'),
    leave: step('request_leave'),
    checkin: a.status === 'planned' && a.myAttendance !== 'present' && now >= w.opens && now <= w.closes,
  };
}

export function MyActivitiesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(['tab'] as const, 20);
  const tab: Tab = list.filters.tab === 'past' ? 'past' : 'coming';
  const today = todayBeijing();
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [busy, setBusy] = useState<number | null>(null);
  const [asking, setAsking] = useState<ActivityListItem | null>(null);
  const [scanning, setScanning] = useState(false);

  const coming = useQuery({
    queryKey: [...keys.activities, 'mine', 'coming', today],
    queryFn: ({ signal }) => listActivities({ view: 'mine', from: today, pageSize: 200 }, signal),
    // Soonest first (the list comes latest first).
    select: (p) => ({ ...p, items: [...p.items].sort((x, y) => x.startsAt.localeCompare(y.startsAt)) }),
    enabled: tab === 'coming',
    refetchInterval: 60_000,
  });
  const pastQuery = { view: 'mine' as const, to: yesterday, page: list.page, pageSize: list.pageSize };
  const past = useQuery({
    queryKey: [...keys.activities, 'mine', 'past', pastQuery],
    queryFn: ({ signal }) => listActivities(pastQuery, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'past',
  });
  const current = tab === 'coming' ? coming : past;

  if (!user?.representativeId)
    return (
      <Card variant="borderless">
        <Typography.Text type="secondary">{t('act.my.repOnly')}</Typography.Text>
      </Card>
    );

  const refresh = () => void qc.invalidateQueries({ queryKey: keys.activities });
  const sign = async (a: ActivityListItem) => {
    setBusy(a.id);
    try {
      await signUp(a.id);
      void message.success(t('act.my.signedUp'));
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const rowActions = (a: ActivityListItem) => {
    const can = myActionsOf(a);
    if (!can.signUp && !can.leave && !can.checkin) return null;
    return (
      <>
        {can.checkin &&
          (canScanQr() ? (
            <Button type="primary" size="small" icon={<ScanOutlined />} onClick={() => setScanning(true)}>
              {t('act.scan.button')}
            </Button>
          ) : (
            <Tag color="green" icon={<QrcodeOutlined />} style={{ marginInlineEnd: 0, lineHeight: '22px' }}>
              {t('act.my.checkinOpenShort')}
            </Tag>
          ))}
        {can.signUp && (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<CheckOutlined />}
            loading={busy === a.id}
            onClick={() => void sign(a)}
          >
            {t('act.my.signUp')}
          </Button>
        )}
        {can.leave && (
          <Button size="small" onClick={() => setAsking(a)}>
            {t('act.my.askLeave')}
          </Button>
        )}
      </>
    );
  };

  const openNow = (coming.data?.items ?? []).filter((a) => myActionsOf(a).checkin);

  return (
    <div>
      <PageHeader
        title={t('nav.actMine')}
        subtitle={t('act.my.subtitle')}
        extra={
          <Button icon={<TrophyOutlined />} onClick={() => void navigate('/performance/me')}>
            {t('nav.perfMine')}
          </Button>
        }
      />
      {tab === 'coming' && openNow.length > 0 && (
        <Card variant="borderless" className="checkin-now" style={{ marginBottom: 16 }}>
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
            <QrcodeOutlined style={{ fontSize: 28, color: '#237804' }} />
            <div style={{ flex: '1 1 200px' }}>
              <div style={{ fontWeight: 600 }}>{t('act.my.openNowTitle', { n: openNow.length })}</div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {openNow.map((a) => a.title).join('、')} · {t('act.my.checkinHow')}
              </Typography.Text>
            </div>
            {canScanQr() && (
              <Button type="primary" size="large" icon={<ScanOutlined />} onClick={() => setScanning(true)}>
                {t('act.scan.button')}
              </Button>
            )}
          </div>
        </Card>
      )}
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => list.setFilters({ tab: k === 'past' ? 'past' : undefined })}
          items={[
            { key: 'coming', label: t('act.my.coming') },
            { key: 'past', label: t('act.my.past') },
          ]}
        />
        {current.isError ? (
          <QueryError error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <ActivityList
            items={current.data?.items}
            loading={current.isFetching && !current.data}
            phone={phone}
            rowActions={tab === 'coming' ? rowActions : undefined}
            emptyText={tab === 'coming' ? t('act.my.noneComing') : t('act.my.nonePast')}
            pagination={
              tab === 'past'
                ? pagination(t, past.data?.total, list.page, list.pageSize, list.setPaging)
                : false
            }
          />
        )}
      </Card>
      <ReasonModal
        open={asking !== null}
        title={t('act.my.askLeaveTitle')}
        intro={
          <Typography.Text type="secondary">
            {asking?.title} · {t('act.my.askLeaveIntro')}
          </Typography.Text>
        }
        fieldLabel={t('act.leave.reason')}
        placeholder={t('act.my.askLeavePlaceholder')}
        okText={t('act.my.askLeaveOk')}
        onClose={() => setAsking(null)}
        onSubmit={async (reason) => {
          await requestLeave(asking!.id, reason);
          void message.success(t('act.my.leaveAsked'));
          refresh();
        }}
      />
      <QrScanModal
        open={scanning}
        onClose={() => setScanning(false)}
        onCode={(code) => {
          setScanning(false);
          void navigate(`/c/${code}`);
        }}
      />
    </div>
  );
}
