/**
 * A case's records: the history timeline, contacts with the representative, co-units' opinions,
 * replies round by round (with the corrections beside the reply they correct and the evaluation
 * of each round), extensions, and the commitments of class-B replies with their progress.
 * User text is rendered as text, line breaks kept.
 */
import { Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import {
  COMMITMENT_STATUS_LABELS,
  CONTACT_MEANS_LABELS,
  type CommitmentStatus,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import { downloadAttachment } from '../../api/suggestions.ts';
import type {
  SuggestionCommitment,
  SuggestionContact,
  SuggestionDetail,
  SuggestionEvaluation,
  SuggestionEvent,
  SuggestionExtension,
  SuggestionReply,
  SuggestionUnit,
} from '../../api/types.ts';
import { useReportError } from '../../components/errors.tsx';
import { EvaluationTag, ReplyClassTag, SuggestionStatusTag } from '../../components/suggestionTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { formatBeijingDate, formatDateTime } from '../../lib/format.ts';

/** Every event the history may hold: the state machine's actions and the records beside it. */
const EVENT_LABEL: Record<string, StringKey> = {
  create: 'sug.evt.create',
  create_submitted: 'sug.evt.create_submitted',
  from_opinion: 'sug.evt.from_opinion',
  invite: 'sug.evt.invite',
  uninvite: 'sug.evt.uninvite',
  accept_invitation: 'sug.evt.accept_invitation',
  decline_invitation: 'sug.evt.decline_invitation',
  absorb: 'sug.evt.absorb',
  contact: 'sug.evt.contact',
  co_opinion: 'sug.evt.co_opinion',
  correct_reply: 'sug.evt.correct_reply',
  amend_reply: 'sug.evt.amend_reply',
  flag_key: 'sug.evt.flag_key',
  commitment_progress: 'sug.evt.commitment_progress',
  commitment_done: 'sug.evt.commitment_done',
  edit_draft: 'sug.evt.edit_draft',
  submit: 'sug.act.submit',
  withdraw: 'sug.act.withdraw',
  register: 'sug.act.register',
  refuse: 'sug.act.refuse',
  merge: 'sug.act.merge',
  assign: 'sug.act.assign',
  sign: 'sug.act.sign',
  request_return: 'sug.act.request_return',
  approve_return: 'sug.act.approve_return',
  refuse_return: 'sug.act.refuse_return',
  request_extension: 'sug.act.request_extension',
  approve_extension: 'sug.act.approve_extension',
  refuse_extension: 'sug.act.refuse_extension',
  reply: 'sug.act.reply',
  evaluate: 'sug.act.evaluate',
  rehandle: 'sug.evt.rehandle',
  escalate: 'sug.evt.escalate',
  close: 'sug.evt.close',
  expire_evaluation: 'sug.evt.expire_evaluation',
  resolve_escalation: 'sug.act.resolve_escalation',
  publish: 'sug.act.publish',
};

const ACTOR: Record<string, StringKey> = {
  lead: 'sug.actor.lead',
  cosigner: 'sug.actor.cosigner',
  staff: 'sug.actor.staff',
  lead_unit: 'sug.actor.lead_unit',
  co_unit: 'sug.actor.co_unit',
  system: 'sug.actor.system',
};

const mono = { fontVariantNumeric: 'tabular-nums' as const };
const meta = { fontSize: 12, color: 'rgba(0,0,0,0.5)' };

export function useSuggestionEventLabel() {
  const { t } = useI18n();
  return (action: string) => (EVENT_LABEL[action] ? t(EVENT_LABEL[action]) : action);
}

export function SuggestionTimeline({ events }: { events: SuggestionEvent[] }) {
  const { t } = useI18n();
  const eventLabel = useSuggestionEventLabel();
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  if (sorted.length === 0) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Timeline
      items={sorted.map((e, i) => ({
        key: e.id,
        color: i === 0 ? 'blue' : e.action === 'escalate' || e.action === 'rehandle' ? 'red' : 'gray',
        content: (
          <div style={{ lineHeight: 1.6 }}>
            <Space size={6} wrap>
              <Typography.Text strong>{eventLabel(e.action)}</Typography.Text>
              {e.fromStatus && e.fromStatus !== e.toStatus ? (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                  <SuggestionStatusTag status={e.fromStatus} />
                  <span aria-hidden>→</span>
                  <SuggestionStatusTag status={e.toStatus} />
                </span>
              ) : !e.fromStatus ? (
                <SuggestionStatusTag status={e.toStatus} />
              ) : null}
            </Space>
            <div style={meta}>
              <span style={mono}>{formatDateTime(e.at, false)}</span>
              {' · '}
              {e.actorName ?? t(ACTOR[e.actorKind] ?? 'sug.actor.system')}
              {e.actorName && ACTOR[e.actorKind] && ` (${t(ACTOR[e.actorKind]!)})`}
              {e.unit && ` · ${e.unit.name}`}
            </div>
            {e.note && <div className="user-text">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

export function ContactsList({ contacts }: { contacts: SuggestionContact[] }) {
  const { t, label } = useI18n();
  if (contacts.length === 0) return <Typography.Text type="secondary">{t('sug.noContacts')}</Typography.Text>;
  const sorted = [...contacts].sort((a, b) => a.contactedOn.localeCompare(b.contactedOn) || a.id - b.id);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {sorted.map((c) => (
        <div key={c.id} className="record-block">
          <Space size={6} wrap>
            <Typography.Text strong style={mono}>
              {c.contactedOn}
            </Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{label(CONTACT_MEANS_LABELS[c.means])}</Tag>
            {c.round > 0 && <Tag color="volcano">{t('sug.roundN', { n: c.round + 1 })}</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.unit.name}
            </Typography.Text>
          </Space>
          <div className="user-text" style={{ marginTop: 4 }}>
            {c.summary}
          </div>
        </div>
      ))}
    </div>
  );
}

export function CoOpinions({ units }: { units: SuggestionUnit[] }) {
  const { t } = useI18n();
  const co = units.filter((u) => u.role === 'co');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {co.map((u) => (
        <div key={u.unit.id} className="record-block">
          <Space size={6} wrap>
            <Typography.Text strong>{u.unit.name}</Typography.Text>
            {u.coOpinionAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, ...mono }}>
                {formatDateTime(u.coOpinionAt, false)}
              </Typography.Text>
            ) : (
              <Tag>{t('sug.coOpinionPending')}</Tag>
            )}
          </Space>
          {u.coOpinion && (
            <div className="user-text" style={{ marginTop: 4 }}>
              {u.coOpinion}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * Replies grouped by round: each original reply, then the corrections that point at it, then the
 * evaluation of that round.
 */
export function RepliesList({
  item,
  canCorrect,
  canAmend,
  onCorrect,
  onAmend,
}: {
  item: SuggestionDetail;
  canCorrect: boolean;
  canAmend: (reply: SuggestionReply) => boolean;
  onCorrect: (reply: SuggestionReply) => void;
  onAmend: (reply: SuggestionReply) => void;
}) {
  const { t } = useI18n();
  const originals = item.replies
    .filter((r) => r.correctsReplyId === null)
    .sort((a, b) => a.round - b.round || a.repliedAt.localeCompare(b.repliedAt));
  if (originals.length === 0) return <Typography.Text type="secondary">{t('sug.noReply')}</Typography.Text>;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
      {originals.map((r) => {
        const corrections = item.replies
          .filter((c) => c.correctsReplyId === r.id)
          .sort((a, b) => a.repliedAt.localeCompare(b.repliedAt));
        const evaluations = item.evaluations.filter((e) => e.replyId === r.id);
        return (
          <div key={r.id} className="reply-block">
            <ReplyBody
              id={item.id}
              reply={r}
              extra={
                <>
                  {canAmend(r) && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => onAmend(r)}>
                      {t('sug.rec.amend_reply')}
                    </Button>
                  )}
                  {canCorrect && (
                    <Button size="small" onClick={() => onCorrect(r)}>
                      {t('sug.rec.correct_reply')}
                    </Button>
                  )}
                </>
              }
            />
            {corrections.map((c) => (
              <div key={c.id} className="correction-block">
                <Tag color="purple" style={{ marginBottom: 4 }}>
                  {t('sug.correctionOf', { doc: r.documentNumber })}
                </Tag>
                <ReplyBody id={item.id} reply={c} />
              </div>
            ))}
            {evaluations.map((e) => (
              <EvaluationLine key={`${e.round}-${e.at}`} evaluation={e} />
            ))}
          </div>
        );
      })}
    </div>
  );
}

function ReplyBody({ id, reply, extra }: { id: number; reply: SuggestionReply; extra?: React.ReactNode }) {
  const { t } = useI18n();
  const report = useReportError();
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Space size={6} wrap style={{ flex: 1, minWidth: 0 }}>
          {reply.correctsReplyId === null && (
            // Rounds count from 0 on the server: the first reply is round 1 to people.
            <Tag color={reply.round > 0 ? 'volcano' : 'blue'}>{t('sug.roundN', { n: reply.round + 1 })}</Tag>
          )}
          <Typography.Text strong>{reply.unit.name}</Typography.Text>
          <ReplyClassTag replyClass={reply.replyClass} />
          {reply.correctsReplyId === null &&
            (reply.onTime ? (
              <Tag color="green">{t('sug.onTime')}</Tag>
            ) : (
              <Tag color="red">{t('sug.late')}</Tag>
            ))}
        </Space>
        {extra && <Space size={6}>{extra}</Space>}
      </div>
      <div style={{ ...meta, margin: '4px 0 6px' }}>
        {t('sug.docNo')}：{reply.documentNumber} · {t('sug.signer')}：{reply.signer} ·{' '}
        <span style={mono}>{formatDateTime(reply.repliedAt, false)}</span>
      </div>
      <div className="user-text">{reply.body}</div>
      {reply.attachment && (
        <Button
          size="small"
          type="link"
          icon={<PaperClipOutlined />}
          style={{ paddingInline: 0, marginTop: 6 }}
          onClick={() =>
            void downloadAttachment(
              id,
              reply.attachment!.id,
              reply.attachment!.fileName ?? 'attachment',
            ).catch((err: unknown) => report(err))
          }
        >
          {reply.attachment.fileName ?? t('sug.attachment')} (
          {Math.max(1, Math.round(reply.attachment.size / 1024))} KB) <DownloadOutlined />
        </Button>
      )}
    </>
  );
}

export function EvaluationLine({ evaluation: e }: { evaluation: SuggestionEvaluation }) {
  const { t } = useI18n();
  return (
    <div className="rating-line">
      <Space size={6} wrap>
        <Typography.Text type="secondary">
          {t('sug.evaluationBy', { name: e.representative.name })}
        </Typography.Text>
        <EvaluationTag rating={e.attitude} prefix={t('sug.attitudeShort')} />
        <EvaluationTag rating={e.result} prefix={t('sug.resultShort')} />
        <Typography.Text type="secondary" style={{ fontSize: 12, ...mono }}>
          {formatDateTime(e.at, false)}
        </Typography.Text>
      </Space>
      {e.comment && (
        <div className="user-text" style={{ marginTop: 4 }}>
          {e.comment}
        </div>
      )}
    </div>
  );
}

export function ExtensionsList({ extensions }: { extensions: SuggestionExtension[] }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {extensions.map((e) => (
        <div key={e.id} style={{ fontSize: 13, lineHeight: 1.6 }}>
          <Space size={6} wrap>
            <Typography.Text strong>
              {t('sug.ext.until', { date: e.requestedDue.slice(0, 10) })}
            </Typography.Text>
            {e.decision === null ? (
              <Tag color="purple">{t('sug.ext.pending')}</Tag>
            ) : e.decision === 'approved' ? (
              <Tag color="green">{t('sug.ext.approved')}</Tag>
            ) : (
              <Tag color="red">{t('sug.ext.refused')}</Tag>
            )}
          </Space>
          <div style={meta}>{t('sug.ext.askedAt', { at: formatDateTime(e.requestedAt, false) })}</div>
          <div className="user-text">{e.reason}</div>
          {e.newDue && (
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>
              {t('sug.ext.newDue', { date: formatBeijingDate(e.newDue) })}
            </div>
          )}
          {e.decisionNote && (
            <div style={{ color: 'rgba(0,0,0,0.65)' }}>
              {t('sug.ext.decision')}：<span className="user-text">{e.decisionNote}</span>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

const COMMITMENT_COLOR: Record<CommitmentStatus, string> = {
  open: 'gold',
  done: 'green',
  cancelled: 'default',
};

export function CommitmentStatusTag({ status, overdue }: { status: CommitmentStatus; overdue?: boolean }) {
  const { t, label } = useI18n();
  return (
    <Space size={4}>
      <Tag color={COMMITMENT_COLOR[status]} style={{ marginInlineEnd: 0 }}>
        {label(COMMITMENT_STATUS_LABELS[status])}
      </Tag>
      {overdue && status === 'open' && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('sug.overdue')}
        </Tag>
      )}
    </Space>
  );
}

export function CommitmentsList({
  commitments,
  canReport,
  onReport,
}: {
  commitments: SuggestionCommitment[];
  canReport: boolean;
  onReport: (c: SuggestionCommitment) => void;
}) {
  const { t } = useI18n();
  if (commitments.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sug.noCommitments')} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {commitments.map((c, i) => (
        <div key={c.id} className="record-block">
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text strong>
                {i + 1}. <span className="user-text-inline">{c.content}</span>
              </Typography.Text>
              <div style={meta}>
                {c.unit.name}
                {c.dueDate && ` · ${t('sug.commitmentDue', { date: c.dueDate })}`}
                {c.doneAt && ` · ${t('sug.commitmentDoneAt', { at: formatBeijingDate(c.doneAt) })}`}
              </div>
            </div>
            <CommitmentStatusTag status={c.status} overdue={c.overdue} />
            {canReport && c.status === 'open' && (
              <Button size="small" onClick={() => onReport(c)}>
                {t('sug.rec.commitment_progress')}
              </Button>
            )}
          </div>
          {c.progress.length > 0 && (
            <Timeline
              style={{ marginTop: 10, marginBottom: -16 }}
              items={c.progress.map((p, j) => ({
                key: `${p.at}-${j}`,
                color: 'gray',
                content: (
                  <div style={{ fontSize: 13 }}>
                    <span style={meta}>
                      {t('sug.yearN', { n: p.year })} · {formatDateTime(p.at, false)}
                    </span>
                    <div className="user-text">{p.note}</div>
                  </div>
                ),
              }))}
            />
          )}
        </div>
      ))}
    </div>
  );
}
