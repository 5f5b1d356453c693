/**
 * One activity (/activities/:id): what, when and where, who organises it, the agenda; the
 * representative's own part (sign up, leave, check-in); for managers the check-in QR code, the
 * people with their leave decisions, attendance and clashes, and editing, cancelling, deleting;
 * then the minutes, outputs, photos and, for a reception day, the opinions registered at it.
 */
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Dropdown, Grid, Row, Space, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, MoreOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ORGANISER_LABELS } from '../../../../src/modules/activities/activities.domain.ts';
import { cancelActivity, deleteActivity, getActivity } from '../../api/activities.ts';
import { keys } from '../../api/keys.ts';
import type { ActivityDetail } from '../../api/types.ts';
import { ActivityTypeTag, KIND_LABEL, PhaseTag } from '../../components/activityTags.tsx';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MinutesCard, OutputsCard, PhotosCard, ReceptionOpinionsCard } from './ActivityRecords.tsx';
import { CheckinQrCard, MyPartCard } from './CheckinCards.tsx';
import { ParticipantsCard } from './ParticipantsCard.tsx';
import { ReasonModal } from './ActivityModals.tsx';
import { timeRange } from './dates.ts';
import { useTypeLabel } from './useActivityTypes.ts';

export function ActivityDetailPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const typeLabel = useTypeLabel();
  const [closing, setClosing] = useState<'cancel' | 'delete' | null>(null);
  const item = useQuery({
    queryKey: keys.activity(id),
    queryFn: () => getActivity(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  const a = item.data;
  if (item.isPending) return <FullPageSpinner />;
  if (item.isError || !a) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;

  const reload = async () => {
    await item.refetch();
    void qc.invalidateQueries({ queryKey: keys.activities, refetchType: 'none' });
    void qc.invalidateQueries({ queryKey: keys.notifications });
  };
  const updated = (next?: ActivityDetail) => {
    if (next) qc.setQueryData(keys.activity(a.id), next);
    void reload();
  };
  const back = (location.state as { from?: string } | null)?.from;
  const live = a.status === 'planned';

  return (
    <div>
      <PageHeader
        back={back ?? '/activities'}
        title={
          <Space wrap size={8}>
            <span>{a.title}</span>
          </Space>
        }
        subtitle={
          <Space wrap size={6}>
            <ActivityTypeTag kind={a.kind} label={typeLabel(a.typeCode, a.typeLabel)} />
            <PhaseTag a={a} />
            {a.fromSchedule && <Tag>{t('act.fromSchedule')}</Tag>}
            <span>{timeRange(a.startsAt, a.endsAt)}</span>
          </Space>
        }
        extra={
          <>
            {a.canManage && live && (
              <>
                <Button icon={<EditOutlined />} onClick={() => void navigate(`/activities/${a.id}/edit`)}>
                  {t('common.edit')}
                </Button>
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: [
                      { key: 'cancel', icon: <StopOutlined />, label: t('act.cancel') },
                      { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('act.delete') },
                    ],
                    onClick: ({ key }) => setClosing(key as 'cancel' | 'delete'),
                  }}
                >
                  <Button icon={<MoreOutlined />}>{t('common.more')}</Button>
                </Dropdown>
              </>
            )}
            {a.canManage && a.status === 'cancelled' && (
              <Button danger icon={<DeleteOutlined />} onClick={() => setClosing('delete')}>
                {t('act.delete')}
              </Button>
            )}
            <Tooltip title={t('common.refresh')}>
              <Button
                icon={<ReloadOutlined />}
                aria-label={t('common.refresh')}
                onClick={() => void reload()}
              />
            </Tooltip>
          </>
        }
      />
      {a.status === 'cancelled' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('act.cancelledBanner')} />
      )}
      {a.status === 'deleted' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('act.deletedBanner')}
          description={a.deletedReason && <span className="user-text">{a.deletedReason}</span>}
        />
      )}
      <ActivityDetailBody a={a} onUpdated={updated} />
      <ReasonModal
        open={closing !== null}
        title={closing === 'delete' ? t('act.deleteTitle') : t('act.cancelTitle')}
        intro={closing === 'delete' ? t('act.deleteText') : t('act.cancelText')}
        fieldLabel={t('act.closeReason')}
        okText={closing === 'delete' ? t('act.delete') : t('act.cancel')}
        danger
        onClose={() => setClosing(null)}
        onSubmit={async (reason) => {
          const next =
            closing === 'delete' ? await deleteActivity(a.id, reason) : await cancelActivity(a.id, reason);
          void message.success(closing === 'delete' ? t('act.deleted') : t('act.cancelled'));
          updated(next);
        }}
      />
    </div>
  );
}

/** The facts of an activity, for the detail page's main column. */
function ActivityInfoCard({ a }: { a: ActivityDetail }) {
  const { t, label } = useI18n();
  const typeLabel = useTypeLabel();
  const screens = Grid.useBreakpoint();
  return (
    <Card variant="borderless" title={t('act.info')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={screens.md ? 2 : 1}
        items={[
          { key: 'when', label: t('act.when'), children: timeRange(a.startsAt, a.endsAt) },
          {
            key: 'type',
            label: t('act.type'),
            children: (
              <span>
                {typeLabel(a.typeCode, a.typeLabel)}
                <span className="cell-sub" style={{ display: 'inline', marginInlineStart: 6 }}>
                  {t('act.countsAs', { kind: t(KIND_LABEL[a.kind]) })}
                </span>
              </span>
            ),
          },
          {
            key: 'organiser',
            label: t('act.organiser'),
            children: `${label(ORGANISER_LABELS[a.organiser])}${a.organiserRef ? ` · ${a.organiserRef.name}` : ''}`,
          },
          { key: 'jurisdiction', label: t('common.jurisdiction'), children: a.jurisdiction.name },
          { key: 'place', label: t('act.place'), span: screens.md ? 2 : 1, children: a.place ?? '—' },
        ]}
      />
      {a.agenda && (
        <>
          <h3 className="text-heading">{t('act.agenda')}</h3>
          <div className="user-text">{a.agenda}</div>
        </>
      )}
    </Card>
  );
}

/** The cards, in two columns on a desk; on a phone the person's own part first. */
function ActivityDetailBody({
  a,
  onUpdated,
}: {
  a: ActivityDetail;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const screens = Grid.useBreakpoint();
  const info = <ActivityInfoCard a={a} />;
  const mine = <MyPartCard a={a} onUpdated={onUpdated} />;
  const qr = <CheckinQrCard a={a} />;
  const people = <ParticipantsCard a={a} onUpdated={onUpdated} />;
  const minutes = <MinutesCard a={a} onUpdated={onUpdated} />;
  const outputs = <OutputsCard a={a} onUpdated={onUpdated} />;
  const photos = <PhotosCard a={a} onUpdated={onUpdated} />;
  const opinions = <ReceptionOpinionsCard a={a} />;
  if (!screens.lg)
    return (
      <>
        {mine}
        {info}
        {qr}
        {people}
        {minutes}
        {outputs}
        {opinions}
        {photos}
      </>
    );
  return (
    <Row gutter={[16, 0]}>
      <Col span={16}>
        {info}
        {people}
        {minutes}
        {photos}
      </Col>
      <Col span={8}>
        {mine}
        {qr}
        {outputs}
        {opinions}
      </Col>
    </Row>
  );
}
