/** Tags of suggestions and motions: status by stage, kind, reply class, ratings, 重点督办, deadline badges. */
import { Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, FlagFilled } from '@ant-design/icons';
import {
  EVALUATION_RATING_LABELS,
  HANDLING_STATES,
  REPLY_CLASS_LABELS,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATE_LABELS,
  type EvaluationRating,
  type ReplyClass,
  type SuggestionKind,
  type SuggestionState,
} from '../../../src/modules/suggestions/suggestions.vocab.ts';
import type { SuggestionDeadlines } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatBeijingDate } from '../lib/format.ts';
import { ProvisionalMark } from './opinionTags.tsx';

/** Where a case stands, which gives its colour. */
export type SuggestionStage =
  | 'draft'
  | 'screening'
  | 'handling'
  | 'paused'
  | 'evaluation'
  | 'rehandling'
  | 'escalated'
  | 'closed'
  | 'ended';

export const SUGGESTION_STAGE: Record<SuggestionState, SuggestionStage> = {
  DRAFT: 'draft',
  SUBMITTED: 'screening',
  REGISTERED: 'screening',
  ASSIGNED: 'handling',
  IN_PROGRESS: 'handling',
  RETURN_REQUESTED: 'paused',
  EXTENSION_REQUESTED: 'paused',
  REPLIED: 'evaluation',
  EVALUATED: 'evaluation',
  REHANDLING: 'rehandling',
  ESCALATED: 'escalated',
  CLOSED: 'closed',
  PUBLISHED: 'closed',
  WITHDRAWN: 'ended',
  NOT_ACCEPTED: 'ended',
  MERGED: 'ended',
};

const STAGE_COLOR: Record<SuggestionStage, string> = {
  draft: 'default',
  screening: 'gold',
  handling: 'blue',
  paused: 'purple',
  evaluation: 'cyan',
  rehandling: 'volcano',
  escalated: 'red',
  closed: 'green',
  ended: 'default',
};

export function SuggestionStatusTag({ status }: { status: SuggestionState }) {
  const { label } = useI18n();
  return (
    <Tag
      color={STAGE_COLOR[SUGGESTION_STAGE[status]]}
      variant={status === 'DRAFT' ? 'outlined' : undefined}
      style={{ marginInlineEnd: 0 }}
    >
      {label(SUGGESTION_STATE_LABELS[status])}
    </Tag>
  );
}

/** 议案 stands out; a plain 建议 gets a quiet tag only where asked. */
export function KindTag({ kind, quiet }: { kind: SuggestionKind; quiet?: boolean }) {
  const { label } = useI18n();
  if (kind === 'suggestion' && quiet) return null;
  return (
    <Tag color={kind === 'motion' ? 'magenta' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
      {label(SUGGESTION_KIND_LABELS[kind])}
    </Tag>
  );
}

const CLASS_COLOR: Record<ReplyClass, string> = { A: 'green', B: 'gold', C: 'default' };

/** 'A类' with the long label ('A类（已解决或基本解决）') as its tooltip, or the long label itself. */
export function ReplyClassTag({ replyClass, long }: { replyClass: ReplyClass | null; long?: boolean }) {
  const { t, label } = useI18n();
  if (!replyClass) return <Typography.Text type="secondary">—</Typography.Text>;
  const full = label(REPLY_CLASS_LABELS[replyClass]);
  return (
    <Tooltip title={long ? undefined : full}>
      <Tag color={CLASS_COLOR[replyClass]} style={{ marginInlineEnd: 0 }}>
        {long ? full : t('sug.classShort', { c: replyClass })}
      </Tag>
    </Tooltip>
  );
}

const RATING_COLOR: Record<EvaluationRating, string> = {
  satisfied: 'green',
  basically_satisfied: 'lime',
  unsatisfied: 'red',
};

export function EvaluationTag({ rating, prefix }: { rating: EvaluationRating | null; prefix?: string }) {
  const { label } = useI18n();
  if (!rating) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tag color={RATING_COLOR[rating]} style={{ marginInlineEnd: 0 }}>
      {prefix ? `${prefix} ` : ''}
      {label(EVALUATION_RATING_LABELS[rating])}
    </Tag>
  );
}

export function KeyTag({ supervisor }: { supervisor?: string | null }) {
  const { t } = useI18n();
  const tag = (
    <Tag color="red" icon={<FlagFilled />} style={{ marginInlineEnd: 0 }}>
      {t('sug.key')}
    </Tag>
  );
  return supervisor ? <Tooltip title={t('sug.supervisorIs', { name: supervisor })}>{tag}</Tooltip> : tag;
}

export const isHandling = (status: SuggestionState) => HANDLING_STATES.includes(status);

/** 超期 when the reply deadline passed without a reply, 临期 when it falls due soon. */
export function SuggestionDueBadges({
  deadlines,
  status,
}: {
  deadlines: SuggestionDeadlines;
  status: SuggestionState;
}) {
  const { t } = useI18n();
  if (!isHandling(status)) return null;
  if (deadlines.overdue)
    return (
      <Tag color="red" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('sug.overdue')}
      </Tag>
    );
  if (deadlines.dueSoon)
    return (
      <Tag color="orange" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('sug.dueSoon')}
      </Tag>
    );
  return null;
}

/** The reply deadline with its badges (暂定 when counted into a year without an official calendar). */
export function SuggestionDueCell({
  deadlines,
  status,
}: {
  deadlines: SuggestionDeadlines;
  status: SuggestionState;
}) {
  if (!deadlines.replyDue) return <Typography.Text type="secondary">—</Typography.Text>;
  const open = isHandling(status);
  return (
    <span
      style={{ whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}
    >
      <Typography.Text type={open ? undefined : 'secondary'} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatBeijingDate(deadlines.replyDue)}
      </Typography.Text>
      {deadlines.replyDueProvisional && open && <ProvisionalMark />}
      <SuggestionDueBadges deadlines={deadlines} status={status} />
    </span>
  );
}
