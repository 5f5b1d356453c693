/**
 * Tags of duty activities: the type (coloured by the kind it counts as), where the activity stands
 * in time (未开始 / 进行中 / 已结束, or 已取消 / 已删除), a participant's status and attendance.
 */
import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, QrcodeOutlined, EditOutlined } from '@ant-design/icons';
import {
  PARTICIPANT_STATUS_LABELS,
  type ActivityKind,
  type ActivityStatus,
  type ParticipantStatus,
} from '../../../src/modules/activities/activities.domain.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { StringKey } from '../i18n/strings.ts';
import { formatDateTime } from '../lib/format.ts';

/** One colour per scoring kind, used by tags, calendar chips and charts alike. */
export const KIND_COLOR: Record<ActivityKind, string> = {
  reception: '#a8071a',
  research: '#1f4e8c',
  inspection: '#0e7c86',
  other: '#8c5a00',
};
const KIND_TAG: Record<ActivityKind, string> = {
  reception: 'red',
  research: 'blue',
  inspection: 'cyan',
  other: 'gold',
};
export const KIND_LABEL: Record<ActivityKind, StringKey> = {
  reception: 'act.kind.reception',
  research: 'act.kind.research',
  inspection: 'act.kind.inspection',
  other: 'act.kind.other',
};

export function ActivityTypeTag({ kind, label }: { kind: ActivityKind; label: string }) {
  return (
    <Tag color={KIND_TAG[kind]} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}

export type Phase = 'upcoming' | 'ongoing' | 'ended' | 'cancelled' | 'deleted';

export function phaseOf(
  a: { status: ActivityStatus; startsAt: string; endsAt: string },
  now = Date.now(),
): Phase {
  if (a.status !== 'planned') return a.status;
  if (now < Date.parse(a.startsAt)) return 'upcoming';
  if (now <= Date.parse(a.endsAt)) return 'ongoing';
  return 'ended';
}

const PHASE: Record<Phase, { key: StringKey; color: string }> = {
  upcoming: { key: 'act.phase.upcoming', color: 'blue' },
  ongoing: { key: 'act.phase.ongoing', color: 'green' },
  ended: { key: 'act.phase.ended', color: 'default' },
  cancelled: { key: 'act.phase.cancelled', color: 'orange' },
  deleted: { key: 'act.phase.deleted', color: 'red' },
};

export function PhaseTag({ a }: { a: { status: ActivityStatus; startsAt: string; endsAt: string } }) {
  const { t } = useI18n();
  const p = PHASE[phaseOf(a)];
  return (
    <Tag color={p.color} style={{ marginInlineEnd: 0 }}>
      {t(p.key)}
    </Tag>
  );
}

const STATUS_COLOR: Record<ParticipantStatus, string> = {
  invited: 'default',
  signed_up: 'blue',
  leave_requested: 'gold',
  leave_approved: 'purple',
  leave_refused: 'volcano',
};

export function ParticipantStatusTag({
  status,
  reason,
}: {
  status: ParticipantStatus;
  reason?: string | null;
}) {
  const { label } = useI18n();
  const tag = (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {label(PARTICIPANT_STATUS_LABELS[status])}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

/** 已签到 (by QR or recorded by hand, with the reason) or 缺席; nothing while not recorded. */
export function AttendanceTag({
  attendance,
  checkedInAt,
  method,
  manualReason,
}: {
  attendance: string | null;
  checkedInAt?: string | null;
  method?: string | null;
  manualReason?: string | null;
}) {
  const { t } = useI18n();
  if (attendance === 'present') {
    const text = [
      checkedInAt ? formatDateTime(checkedInAt, false) : null,
      method === 'manual' ? t('act.att.manual') : method === 'qr' ? t('act.att.qr') : null,
      manualReason,
    ]
      .filter(Boolean)
      .join(' · ');
    return (
      <Tooltip title={text || undefined}>
        <Tag
          color="green"
          icon={
            method === 'manual' ? (
              <EditOutlined />
            ) : method === 'qr' ? (
              <QrcodeOutlined />
            ) : (
              <CheckCircleOutlined />
            )
          }
          style={{ marginInlineEnd: 0 }}
        >
          {t('act.att.present')}
        </Tag>
      </Tooltip>
    );
  }
  if (attendance === 'absent')
    return (
      <Tooltip title={manualReason || undefined}>
        <Tag color="red" icon={<CloseCircleOutlined />} style={{ marginInlineEnd: 0 }}>
          {t('act.att.absent')}
        </Tag>
      </Tooltip>
    );
  return null;
}
