/** Tags of the opinion loop: status by stage, deadline badges (临期 / 超期 / 暂定), results and ratings. */
import { Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import {
  OPINION_STATE_LABELS,
  RATING_LABELS,
  REPLY_RESULT_LABELS,
  type OpinionState,
  type Rating,
  type ReplyResult,
} from '../../../src/modules/opinions/opinions.vocab.ts';
import type { Deadlines } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatBeijingDate } from '../lib/format.ts';

/** The stage an item is at, which gives its colour: waiting for triage, at a unit, paused, with the citizen, done. */
export type Stage = 'triage' | 'handling' | 'paused' | 'feedback' | 'closed' | 'ended';

export const STAGE_OF: Record<OpinionState, Stage> = {
  SUBMITTED: 'triage',
  ACCEPTED: 'triage',
  ASSIGNED: 'handling',
  SIGNED: 'handling',
  REHANDLING: 'handling',
  RETURN_REQUESTED: 'paused',
  EXTENSION_REQUESTED: 'paused',
  ANSWERED_ON_SPOT: 'feedback',
  REPLIED: 'feedback',
  AWAITING_FEEDBACK: 'feedback',
  RATED: 'feedback',
  CLOSED: 'closed',
  PUBLISHED: 'closed',
  REJECTED: 'ended',
  MERGED: 'ended',
  CONVERTED: 'ended',
  CLOSED_UNRATED: 'ended',
};

const STAGE_COLOR: Record<Stage, string> = {
  triage: 'gold',
  handling: 'blue',
  paused: 'purple',
  feedback: 'cyan',
  closed: 'green',
  ended: 'default',
};

export function OpinionStatusTag({ status }: { status: OpinionState }) {
  const { label } = useI18n();
  const color = status === 'REHANDLING' ? 'volcano' : STAGE_COLOR[STAGE_OF[status]];
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {label(OPINION_STATE_LABELS[status])}
    </Tag>
  );
}

/** 超期 when any deadline has passed undone, 临期 when the reply falls due soon. */
export function DueBadges({ deadlines, status }: { deadlines: Deadlines; status: OpinionState }) {
  const { t } = useI18n();
  const { overdue } = deadlines;
  const open =
    STAGE_OF[status] === 'triage' || STAGE_OF[status] === 'handling' || STAGE_OF[status] === 'paused';
  const late = overdue.ack || overdue.sign || overdue.reply;
  const what = [
    overdue.ack && t('op.due.ack'),
    overdue.sign && t('op.due.sign'),
    overdue.reply && t('op.due.reply'),
  ].filter(Boolean);
  return (
    <>
      {late && open && (
        <Tooltip title={t('op.overdueOf', { what: what.join('、') })}>
          <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 4 }}>
            {/* Which deadline passed: in a unit's inbox 签收超期 is not 答复超期. */}
            {what.length === 1 ? t('op.overdueWhat', { what: String(what[0]) }) : t('op.overdue')}
          </Tag>
        </Tooltip>
      )}
      {!late && deadlines.dueSoon && open && (
        <Tag color="orange" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 4 }}>
          {t('op.dueSoon')}
        </Tag>
      )}
    </>
  );
}

/** The small "暂定" mark: the deadline was counted into a year whose holidays are not yet published. */
export function ProvisionalMark() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('op.provisionalTip')}>
      <Tag
        bordered={false}
        color="warning"
        style={{ fontSize: 11, lineHeight: '16px', paddingInline: 4, marginInlineEnd: 0 }}
      >
        {t('op.provisional')}
      </Tag>
    </Tooltip>
  );
}

/** The reply deadline (or, before assignment, the acknowledgement deadline) with its badges. */
export function DueCell({ deadlines, status }: { deadlines: Deadlines; status: OpinionState }) {
  const { t } = useI18n();
  const stage = STAGE_OF[status];
  const showAck = !deadlines.replyDue && stage === 'triage';
  return (
    <span
      style={{ whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}
    >
      {deadlines.replyDue ? (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBeijingDate(deadlines.replyDue)}</span>
      ) : showAck ? (
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('op.ackBy', { date: formatBeijingDate(deadlines.ackDue) })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      )}
      {deadlines.replyDue && deadlines.replyDueProvisional && <ProvisionalMark />}
      <DueBadges deadlines={deadlines} status={status} />
    </span>
  );
}

const RATING_COLOR: Record<Rating, string> = {
  satisfied: 'green',
  basically_satisfied: 'lime',
  unsatisfied: 'red',
};

export function RatingTag({ rating }: { rating: Rating | null }) {
  const { label } = useI18n();
  if (!rating) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={RATING_COLOR[rating]} style={{ marginInlineEnd: 0 }}>
      {label(RATING_LABELS[rating])}
    </Tag>
  );
}

const RESULT_COLOR: Record<ReplyResult, string> = {
  solved: 'green',
  partially_solved: 'gold',
  explained: 'blue',
};

export function ResultTag({ result }: { result: ReplyResult | null }) {
  const { label } = useI18n();
  if (!result) return null;
  return (
    <Tag color={RESULT_COLOR[result]} style={{ marginInlineEnd: 0 }}>
      {label(REPLY_RESULT_LABELS[result])}
    </Tag>
  );
}
