/**
 * Who is on an activity: hosts first, each with their status (invited, signed up, leave asked,
 * approved or refused) and attendance (checked in by QR or recorded by hand, absent), the other
 * activities booked at the same time; for managers the leave decisions, hand-recorded attendance,
 * removal and invitations. A phone gets one row per person, with the actions under the name.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Grid, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  UserAddOutlined,
  UserDeleteOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  decideLeave,
  inviteParticipants,
  recordAttendance,
  removeParticipant,
} from '../../api/activities.ts';
import type { ActivityDetail, ActivityParticipant } from '../../api/types.ts';
import { AttendanceTag, ParticipantStatusTag } from '../../components/activityTags.tsx';
import { useReportError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { AttendanceModal, InviteModal, LeaveDecisionModal } from './ActivityModals.tsx';

export function ParticipantsCard({
  a,
  onUpdated,
}: {
  a: ActivityDetail;
  onUpdated: (next?: ActivityDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [deciding, setDeciding] = useState<{ p: ActivityParticipant; approve: boolean } | null>(null);
  const [recording, setRecording] = useState<ActivityParticipant | null>(null);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);

  const live = a.status === 'planned';
  const started = Date.now() >= Date.parse(a.startsAt);
  const manage = a.canManage && live;
  const people = [...a.participants].sort((x, y) => (x.role === y.role ? 0 : x.role === 'host' ? -1 : 1));
  const count = (pred: (p: ActivityParticipant) => boolean) => a.participants.filter(pred).length;
  const clashing = a.participants.filter((p) => p.overlaps.length > 0);
  const waiting = count((p) => p.status === 'leave_requested');

  const remove = async (p: ActivityParticipant) => {
    setRemoving(p.representative.id);
    try {
      const next = await removeParticipant(a.id, p.representative.id);
      void message.success(t('act.removed', { name: p.representative.name }));
      onUpdated(next);
    } catch (err) {
      report(err);
      onUpdated();
    } finally {
      setRemoving(null);
    }
  };

  const actions = (p: ActivityParticipant) =>
    manage ? (
      <Space size={4} wrap>
        {p.status === 'leave_requested' && (
          <>
            <Button
              size="small"
              type="primary"
              ghost
              icon={<CheckOutlined />}
              onClick={() => setDeciding({ p, approve: true })}
            >
              {t('act.leave.approve')}
            </Button>
            <Button
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => setDeciding({ p, approve: false })}
            >
              {t('act.leave.refuse')}
            </Button>
          </>
        )}
        {started && (
          <Tooltip title={t('act.att.recordTip')}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setRecording(p)}>
              {t('act.att.record')}
            </Button>
          </Tooltip>
        )}
        {p.attendance === null && (
          <Popconfirm
            title={t('act.removeConfirm', { name: p.representative.name })}
            okText={t('common.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(p)}
          >
            <Button
              size="small"
              type="text"
              danger
              icon={<UserDeleteOutlined />}
              loading={removing === p.representative.id}
              aria-label={t('common.remove')}
            />
          </Popconfirm>
        )}
      </Space>
    ) : null;

  const name = (p: ActivityParticipant) => (
    <Space size={4} wrap>
      <span style={{ fontWeight: 500 }}>{p.representative.name}</span>
      {p.role === 'host' && <Tag color="magenta">{t('act.role.host')}</Tag>}
      {p.overlaps.length > 0 && (
        <Tooltip
          title={
            <div>
              <div>{t('act.overlapTip')}</div>
              {p.overlaps.map((o) => (
                <div key={o.id}>
                  {formatDateTime(o.startsAt, false)} {o.title}
                </div>
              ))}
            </div>
          }
        >
          <WarningOutlined style={{ color: '#d46b08' }} aria-label={t('act.overlap')} />
        </Tooltip>
      )}
    </Space>
  );

  const columns: TableColumnsType<ActivityParticipant> = [
    { title: t('act.representative'), key: 'name', render: (_: unknown, p) => name(p) },
    {
      title: t('act.participantStatus'),
      key: 'status',
      width: 120,
      render: (_: unknown, p) => <ParticipantStatusTag status={p.status} reason={p.leaveReason} />,
    },
    {
      title: t('act.att.title'),
      key: 'att',
      width: 170,
      render: (_: unknown, p) =>
        p.attendance ? (
          <Space size={4} wrap>
            <AttendanceTag
              attendance={p.attendance}
              checkedInAt={p.checkedInAt}
              method={p.checkinMethod}
              manualReason={p.manualReason}
            />
            {p.checkedInAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(p.checkedInAt, false).slice(11)}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{started ? t('act.att.none') : '—'}</Typography.Text>
        ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            render: (_: unknown, p: ActivityParticipant) => actions(p),
          },
        ]
      : []),
  ];

  return (
    <Card
      variant="borderless"
      title={
        <Space size={8} wrap>
          {t('act.participantsN', { n: a.participants.length })}
          {waiting > 0 && <Tag color="gold">{t('act.leave.waitingN', { n: waiting })}</Tag>}
        </Space>
      }
      style={{ marginBottom: 16 }}
      extra={
        manage && (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
            {t('act.invite.button')}
          </Button>
        )
      }
    >
      <div className="participant-summary">
        <span>
          {t('act.sum.signedUp')} <b>{count((p) => p.status === 'signed_up')}</b>
        </span>
        <span>
          {t('act.sum.leave')} <b>{count((p) => p.status === 'leave_approved')}</b>
        </span>
        <span>
          {t('act.sum.present')} <b>{count((p) => p.attendance === 'present')}</b>
        </span>
        <span>
          {t('act.sum.absent')} <b>{count((p) => p.attendance === 'absent')}</b>
        </span>
      </div>
      {clashing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('act.overlapBanner', { n: clashing.length })}
          description={
            <div className="overlap-list">
              {clashing.map((p) => (
                <div key={p.representative.id}>
                  <b>{p.representative.name}</b>：
                  {p.overlaps.map((o, i) => (
                    <span key={o.id}>
                      {i > 0 && '、'}
                      <Link to={`/activities/${o.id}`}>
                        {formatDateTime(o.startsAt, false).slice(5)} {o.title}
                      </Link>
                    </span>
                  ))}
                </div>
              ))}
            </div>
          }
        />
      )}
      {phone ? (
        <div className="participant-rows">
          {people.length === 0 && (
            <Typography.Text type="secondary">{t('act.noParticipants')}</Typography.Text>
          )}
          {people.map((p) => {
            const act = actions(p);
            return (
              <div key={p.representative.id} className="participant-row">
                <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
                  {name(p)}
                  <span style={{ flex: 1 }} />
                  <ParticipantStatusTag status={p.status} reason={p.leaveReason} />
                  <AttendanceTag
                    attendance={p.attendance}
                    checkedInAt={p.checkedInAt}
                    method={p.checkinMethod}
                    manualReason={p.manualReason}
                  />
                </div>
                {p.leaveReason && p.status !== 'signed_up' && (
                  <div className="cell-sub user-text">
                    {t('act.leave.reason')}：{p.leaveReason}
                  </div>
                )}
                {act && <div style={{ marginTop: 6 }}>{act}</div>}
              </div>
            );
          })}
        </div>
      ) : (
        <Table<ActivityParticipant>
          rowKey={(p) => p.representative.id}
          size="small"
          columns={columns}
          dataSource={people}
          pagination={people.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
          locale={{ emptyText: t('act.noParticipants') }}
          expandable={{
            rowExpandable: (p) => !!p.leaveReason || !!p.manualReason,
            expandedRowRender: (p) => (
              <div className="user-text" style={{ fontSize: 13 }}>
                {p.leaveReason && (
                  <div>
                    <Typography.Text type="secondary">{t('act.leave.reason')}：</Typography.Text>
                    {p.leaveReason}
                  </div>
                )}
                {p.manualReason && (
                  <div>
                    <Typography.Text type="secondary">{t('act.att.reason')}：</Typography.Text>
                    {p.manualReason}
                  </div>
                )}
              </div>
            ),
          }}
        />
      )}
      {manage && !started && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('act.att.afterStart')}
        </Typography.Paragraph>
      )}
      <LeaveDecisionModal
        participant={deciding?.p ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onSubmit={async (note) => {
          const d = deciding!;
          const next = await decideLeave(a.id, d.p.representative.id, d.approve, note || undefined);
          void message.success(d.approve ? t('act.leave.approved') : t('act.leave.refused'));
          onUpdated(next);
        }}
      />
      <AttendanceModal
        participant={recording}
        onClose={() => setRecording(null)}
        onSubmit={async (attendance, reason) => {
          const next = await recordAttendance(a.id, {
            representativeId: recording!.representative.id,
            attendance,
            reason,
          });
          void message.success(t('common.saved'));
          onUpdated(next);
        }}
      />
      <InviteModal
        open={inviting}
        activity={a}
        onClose={() => setInviting(false)}
        onSubmit={async (ids, role) => {
          const next = await inviteParticipants(a.id, ids, role);
          void message.success(t('act.invite.done', { n: ids.length }));
          onUpdated(next);
        }}
      />
    </Card>
  );
}
