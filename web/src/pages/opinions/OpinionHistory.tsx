/** An item's history: the timeline of events, the replies round by round, the ratings and the extensions. */
import { Space, Tag, Timeline, Typography } from 'antd';
import type { OpinionEvent, OpinionExtension, OpinionRating, OpinionReply } from '../../api/types.ts';
import { OpinionStatusTag, RatingTag, ResultTag } from '../../components/opinionTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { formatBeijingDate, formatDateTime } from '../../lib/format.ts';
import { isUserAction } from '../../api/opinions.ts';
import { ACTION_LABEL } from './ActionModal.tsx';

const SYSTEM_EVENT: Record<string, StringKey> = {
  submit: 'op.evt.submit',
  intake: 'op.evt.intake',
  open_feedback: 'op.evt.open_feedback',
  reopen: 'op.evt.reopen',
  close: 'op.evt.close',
  expire_feedback: 'op.evt.expire_feedback',
};

const ACTOR: Record<string, StringKey> = {
  staff: 'op.actor.staff',
  officer: 'op.actor.officer',
  representative: 'op.actor.representative',
  unit: 'op.actor.unit',
  citizen: 'op.actor.citizen',
  system: 'op.actor.system',
};

export function useEventLabel() {
  const { t } = useI18n();
  // A rating the citizen gave themselves is not one staff recorded for them (代录).
  return (action: string, actorKind?: string) =>
    action === 'rate' && actorKind === 'citizen'
      ? t('op.evt.citizen_rate')
      : isUserAction(action)
        ? t(ACTION_LABEL[action])
        : SYSTEM_EVENT[action]
          ? t(SYSTEM_EVENT[action])
          : action;
}

const mono = { fontVariantNumeric: 'tabular-nums' as const };

export function EventTimeline({ events }: { events: OpinionEvent[] }) {
  const { t } = useI18n();
  const eventLabel = useEventLabel();
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  if (sorted.length === 0) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Timeline
      items={sorted.map((e, i) => ({
        key: e.id,
        color: i === 0 ? 'blue' : 'gray',
        content: (
          <div style={{ lineHeight: 1.6 }}>
            <Space size={6} wrap>
              <Typography.Text strong>{eventLabel(e.action, e.actorKind)}</Typography.Text>
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                  <OpinionStatusTag status={e.fromStatus} />
                  <span aria-hidden>→</span>
                  <OpinionStatusTag status={e.toStatus} />
                </span>
              ) : (
                <OpinionStatusTag status={e.toStatus} />
              )}
            </Space>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
              <span style={mono}>{formatDateTime(e.at, false)}</span>
              {' · '}
              {e.actorName ?? t(ACTOR[e.actorKind] ?? 'op.actor.system')}
              {e.actorName && ACTOR[e.actorKind] && ` (${t(ACTOR[e.actorKind]!)})`}
              {e.unit && ` · ${e.unit.name}`}
            </div>
            {e.publicNote && (
              <div style={{ marginTop: 4 }}>
                <Tag color="green" style={{ fontSize: 11 }}>
                  {t('op.note.public')}
                </Tag>
                <span style={{ whiteSpace: 'pre-wrap' }}>{e.publicNote}</span>
              </div>
            )}
            {e.internalNote && (
              <div style={{ marginTop: 4 }}>
                <Tag style={{ fontSize: 11 }}>{t('op.note.internal')}</Tag>
                <span style={{ whiteSpace: 'pre-wrap' }}>{e.internalNote}</span>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function RepliesList({ replies, ratings }: { replies: OpinionReply[]; ratings: OpinionRating[] }) {
  const { t } = useI18n();
  const sorted = [...replies].sort((a, b) => a.round - b.round || a.at.localeCompare(b.at));
  if (sorted.length === 0) return <Typography.Text type="secondary">{t('op.noReply')}</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
      {sorted.map((r) => {
        const rated = ratings.filter((x) => x.round === r.round);
        return (
          <div key={r.id} className="reply-block">
            <Space size={6} wrap style={{ marginBottom: 4 }}>
              <Tag color={r.round > 1 ? 'volcano' : 'blue'}>{t('op.round', { n: r.round })}</Tag>
              <Typography.Text strong>
                {r.kind === 'on_spot' ? t('op.reply.onSpot') : (r.unit?.name ?? t('op.reply.unit'))}
              </Typography.Text>
              <ResultTag result={r.result} />
              {r.onTime ? (
                <Tag color="green">{t('op.reply.onTime')}</Tag>
              ) : (
                <Tag color="red">{t('op.reply.late')}</Tag>
              )}
            </Space>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)', marginBottom: 6 }}>
              <span style={mono}>{formatDateTime(r.at, false)}</span>
              {r.replierName && ` · ${r.replierName}`}
            </div>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 6 }}>
              {r.content}
            </Typography.Paragraph>
            {r.contactNote && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 6 }}>
                {t('op.field.contactNote')}：{r.contactNote}
              </Typography.Paragraph>
            )}
            {rated.map((x) => (
              <RatingLine key={`${x.round}-${x.at}`} rating={x} />
            ))}
          </div>
        );
      })}
    </div>
  );
}

export function RatingLine({ rating }: { rating: OpinionRating }) {
  const { t } = useI18n();
  return (
    <div className="rating-line">
      <Space size={6} wrap>
        <Typography.Text type="secondary">{t('op.rating')}</Typography.Text>
        <RatingTag rating={rating.rating} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {rating.byCitizen ? t('op.rating.byCitizen') : t('op.rating.byStaff')} ·{' '}
          <span style={mono}>{formatDateTime(rating.at, false)}</span>
        </Typography.Text>
      </Space>
      {rating.comment && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{rating.comment}</div>}
    </div>
  );
}

export function ExtensionsList({ extensions }: { extensions: OpinionExtension[] }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {extensions.map((e) => (
        <div key={e.id} style={{ fontSize: 13, lineHeight: 1.6 }}>
          <Space size={6} wrap>
            <Typography.Text strong>{t('op.ext.days', { n: e.workingDays })}</Typography.Text>
            {e.approved === null ? (
              <Tag color="purple">{t('op.ext.pending')}</Tag>
            ) : e.approved ? (
              <Tag color="green">{t('op.ext.approved')}</Tag>
            ) : (
              <Tag color="red">{t('op.ext.refused')}</Tag>
            )}
          </Space>
          <div style={{ color: 'rgba(0,0,0,0.5)', fontSize: 12 }}>
            {t('op.ext.askedAt', { at: formatDateTime(e.requestedAt, false) })}
          </div>
          <div>{e.reason}</div>
          <div style={{ color: 'rgba(0,0,0,0.65)' }}>
            {formatBeijingDate(e.previousDue)}
            {e.newDue && ` → ${formatBeijingDate(e.newDue)}`}
          </div>
          {e.decisionNote && (
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>
              {t('op.ext.decision')}：{e.decisionNote}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
