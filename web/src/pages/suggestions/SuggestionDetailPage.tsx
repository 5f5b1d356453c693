/**
 * One suggestion or motion (/suggestions/:id): its number, kind and state, the congress and the
 * session it was raised at, the lead and co-signers, category, units and 重点督办; its deadlines
 * with the overdue and 临期 warnings; the text as the representative wrote it; contacts, co-unit
 * opinions, replies with their corrections and evaluations, extensions and commitments; the
 * history; and exactly the actions (`actions`) and records (`records`) the server offers the user.
 */
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CLOSE_REASON_LABELS,
  PERIOD_LABELS,
  SIGNER_ROLE_LABELS,
  SIGNER_STATUS_LABELS,
  SUGGESTION_KIND_LABELS,
  type SignerStatus,
  type SuggestionState,
} from '../../../../src/modules/suggestions/suggestions.vocab.ts';
import { answerInvitation, getSuggestion, isSuggestionUserAction } from '../../api/suggestions.ts';
import { keys } from '../../api/keys.ts';
import type {
  SuggestionDetail,
  SuggestionReply,
  SuggestionSigner,
  SuggestionUserAction,
} from '../../api/types.ts';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { useCategoryName } from '../../components/congresses.tsx';
import { ProvisionalMark } from '../../components/opinionTags.tsx';
import {
  EvaluationTag,
  KeyTag,
  KindTag,
  ReplyClassTag,
  SuggestionDueBadges,
  SuggestionStatusTag,
  isHandling,
} from '../../components/suggestionTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { formatBeijingDate, formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ExcellentControl } from '../performance/ExcellentControl.tsx';
import { RecordModal, type RecordForm } from './RecordModal.tsx';
import {
  DANGER_SUGGESTION_ACTIONS,
  SUGGESTION_ACTION_LABEL,
  SuggestionActionModal,
} from './SuggestionActionModal.tsx';
import {
  CoOpinions,
  CommitmentsList,
  ContactsList,
  ExtensionsList,
  RepliesList,
  SuggestionTimeline,
} from './SuggestionHistory.tsx';

/** The main step of each stage is the primary button. */
const PRIMARY: readonly SuggestionUserAction[] = [
  'submit',
  'register',
  'assign',
  'sign',
  'reply',
  'evaluate',
  'approve_return',
  'approve_extension',
  'resolve_escalation',
  'publish',
];

const ROLE_LABEL: Record<string, StringKey> = {
  lead: 'sug.role.lead',
  cosigner: 'sug.role.cosigner',
  staff: 'sug.role.staff',
  lead_unit: 'sug.role.lead_unit',
  co_unit: 'sug.role.co_unit',
};

const SIGNER_COLOR: Record<SignerStatus, string> = {
  invited: 'gold',
  accepted: 'green',
  declined: 'default',
  lapsed: 'default',
};

export function SuggestionDetailPage() {
  const id = Number(useParams().id);
  const { t, label } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [acting, setActing] = useState<SuggestionUserAction | null>(null);
  const [recording, setRecording] = useState<RecordForm | null>(null);
  const item = useQuery({
    queryKey: keys.suggestion(id),
    queryFn: () => getSuggestion(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  const d = item.data;

  if (item.isPending) return <FullPageSpinner />;
  if (item.isError || !d) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;

  const reload = async () => {
    await item.refetch();
    void qc.invalidateQueries({ queryKey: keys.suggestions, refetchType: 'none' });
    void qc.invalidateQueries({ queryKey: keys.notifications });
  };
  const updated = (next?: SuggestionDetail) => {
    if (next) qc.setQueryData(keys.suggestion(d.id), next);
    void reload();
  };

  const actions = d.actions.filter(isSuggestionUserAction);
  // An action that disappeared after a reload (someone else acted) closes its form.
  const openAction = acting && actions.includes(acting) ? acting : null;
  const back = (location.state as { from?: string } | null)?.from;
  const canEditDraft = d.records.includes('edit_draft') || d.records.includes('invite');

  const actionCard = (
    <ActionCard
      d={d}
      actions={actions}
      onAct={setActing}
      onRecord={setRecording}
      onEdit={canEditDraft ? () => void navigate(`/suggestions/${d.id}/edit`) : undefined}
      onUpdated={updated}
    />
  );
  const content = <ContentCard d={d} />;
  const people = <PeopleCard d={d} />;
  const handling = <HandlingCard d={d} />;
  const replies = (d.replies.length > 0 || d.evaluations.length > 0 || isAfterAssignment(d.status)) && (
    <Card variant="borderless" title={t('sug.repliesTitle')} style={{ marginBottom: 16 }}>
      <RepliesList
        item={d}
        canCorrect={d.records.includes('correct_reply')}
        canAmend={(r) => canAmend(d, r)}
        onCorrect={(reply) => setRecording({ kind: 'correct_reply', reply })}
        onAmend={(reply) => setRecording({ kind: 'amend_reply', reply })}
      />
    </Card>
  );
  const contacts = (d.contacts.length > 0 || d.records.includes('contact')) && (
    <Card
      variant="borderless"
      title={t('sug.contactsTitle')}
      style={{ marginBottom: 16 }}
      extra={
        d.records.includes('contact') && (
          <Button size="small" onClick={() => setRecording({ kind: 'contact' })}>
            {t('sug.rec.contact')}
          </Button>
        )
      }
    >
      <ContactsList contacts={d.contacts} />
    </Card>
  );
  const coOpinions = d.units.some((u) => u.role === 'co') && (
    <Card
      variant="borderless"
      title={t('sug.coOpinionsTitle')}
      style={{ marginBottom: 16 }}
      extra={
        d.deadlines.coOpinionDue && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('sug.due.coOpinion')} {formatBeijingDate(d.deadlines.coOpinionDue)}
          </Typography.Text>
        )
      }
    >
      <CoOpinions units={d.units} />
    </Card>
  );
  const commitments = d.commitments.length > 0 && (
    <Card variant="borderless" title={t('sug.commitmentsTitle')} style={{ marginBottom: 16 }}>
      <CommitmentsList
        commitments={d.commitments}
        canReport={d.records.includes('commitment_progress')}
        onReport={(commitment) => setRecording({ kind: 'commitment_progress', commitment })}
      />
    </Card>
  );
  const extensions = d.extensions.length > 0 && (
    <Card variant="borderless" title={t('sug.extensionsTitle')} style={{ marginBottom: 16 }}>
      <ExtensionsList extensions={d.extensions} />
    </Card>
  );
  const timeline = (
    <Card variant="borderless" title={t('sug.historyTitle')} style={{ marginBottom: 16 }}>
      <SuggestionTimeline events={d.history} />
    </Card>
  );

  return (
    <div>
      <PageHeader
        back={back ?? '/suggestions/ledger'}
        title={
          <Space wrap size={8}>
            {/* Before registration there is no number: the kind stands in for it. */}
            <span className="case-no">{d.caseLabel ?? label(SUGGESTION_KIND_LABELS[d.kind])}</span>
            {d.caseLabel && <KindTag kind={d.kind} />}
            <SuggestionStatusTag status={d.status} />
            {d.keySupervision && <KeyTag supervisor={d.supervisor?.name} />}
            <SuggestionDueBadges deadlines={d.deadlines} status={d.status} />
            {d.rehandleRounds > 0 && (
              <Tag color="volcano">{t('sug.rehandledN', { n: d.rehandleRounds })}</Tag>
            )}
          </Space>
        }
        subtitle={
          <>
            {d.congress.name} · {t('sug.yearN', { n: d.year })} · {label(PERIOD_LABELS[d.period])}
            {d.sessionNumber ? ` ${t('sug.sessionN', { n: d.sessionNumber })}` : ''}
            {d.submittedAt && ` · ${t('sug.submittedAt', { at: formatDateTime(d.submittedAt, false) })}`}
          </>
        }
        extra={
          <>
            {canEditDraft && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => void navigate(`/suggestions/${d.id}/edit`)}
              >
                {t('sug.editDraft')}
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
      {screens.lg ? (
        <Row gutter={[16, 0]}>
          <Col span={16}>
            {content}
            {replies}
            {contacts}
            {coOpinions}
            {commitments}
            {timeline}
          </Col>
          <Col span={8}>
            {actionCard}
            {handling}
            {people}
            {extensions}
          </Col>
        </Row>
      ) : (
        // On a phone: what to do and by when first, then the text.
        <>
          {actionCard}
          {handling}
          {content}
          {replies}
          {contacts}
          {coOpinions}
          {commitments}
          {people}
          {extensions}
          {timeline}
        </>
      )}
      <SuggestionActionModal
        item={d}
        detail={d}
        action={openAction}
        onClose={() => setActing(null)}
        onConflict={reload}
        onDone={(next) => {
          setActing(null);
          updated(next);
        }}
      />
      <RecordModal
        item={d}
        form={recording}
        onClose={() => setRecording(null)}
        onConflict={reload}
        onDone={(next) => {
          setRecording(null);
          updated(next);
        }}
      />
    </div>
  );
}

const AFTER_ASSIGNMENT: readonly SuggestionState[] = [
  'ASSIGNED',
  'IN_PROGRESS',
  'RETURN_REQUESTED',
  'EXTENSION_REQUESTED',
  'REPLIED',
  'EVALUATED',
  'REHANDLING',
  'ESCALATED',
  'CLOSED',
  'PUBLISHED',
];
const isAfterAssignment = (s: SuggestionState) => AFTER_ASSIGNMENT.includes(s);

/** The lead unit may amend its latest reply until the representative evaluates it (the server says when). */
function canAmend(d: SuggestionDetail, r: SuggestionReply): boolean {
  if (!d.records.includes('amend_reply')) return false;
  const latest = d.replies
    .filter((x) => x.correctsReplyId === null)
    .sort((a, b) => a.repliedAt.localeCompare(b.repliedAt))
    .at(-1);
  return latest?.id === r.id && !d.evaluations.some((e) => e.replyId === r.id);
}

function ActionCard({
  d,
  actions,
  onAct,
  onRecord,
  onEdit,
  onUpdated,
}: {
  d: SuggestionDetail;
  actions: SuggestionUserAction[];
  onAct: (a: SuggestionUserAction) => void;
  onRecord: (r: RecordForm) => void;
  onEdit?: () => void;
  onUpdated: (next?: SuggestionDetail) => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const [answering, setAnswering] = useState<'accept' | 'decline' | null>(null);
  const mine = d.signers.find((s) => s.representative.id === user?.representativeId && s.role === 'cosigner');
  const answer = async (a: 'accept' | 'decline') => {
    setAnswering(a);
    try {
      const next = await answerInvitation(d.id, a);
      void message.success(a === 'accept' ? t('sug.cosign.accepted') : t('sug.cosign.declined'));
      onUpdated(next);
    } catch (err) {
      report(err);
      onUpdated();
    } finally {
      setAnswering(null);
    }
  };
  const why = whyNot(d, actions);
  const nothing =
    actions.length === 0 &&
    !onEdit &&
    !d.records.some(
      (r) => r === 'answer_invitation' || r === 'contact' || r === 'co_opinion' || r === 'flag_key',
    );
  // Corrections, amendments and commitment progress are offered beside what they concern, below.
  const below =
    d.records.includes('correct_reply') ||
    d.records.includes('commitment_progress') ||
    d.replies.some((r) => canAmend(d, r));
  return (
    <Card
      variant="borderless"
      title={t('sug.actionsTitle')}
      style={{ marginBottom: 16 }}
      className="action-card"
    >
      {d.roles.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -4 }}>
          {t('sug.yourRole')}
          {d.roles.map((r) => (ROLE_LABEL[r] ? t(ROLE_LABEL[r]) : r)).join('、')}
        </Typography.Paragraph>
      )}
      {d.records.includes('answer_invitation') && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {mine?.status === 'accepted'
              ? t('sug.cosign.youAccepted')
              : mine?.status === 'declined'
                ? t('sug.cosign.youDeclined')
                : t('sug.cosign.invitedText', { name: d.lead.name })}
          </Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={answering === 'accept'}
              disabled={mine?.status === 'accepted'}
              onClick={() => void answer('accept')}
            >
              {t('sug.cosign.accept')}
            </Button>
            <Button
              icon={<CloseOutlined />}
              loading={answering === 'decline'}
              disabled={mine?.status === 'declined'}
              onClick={() => void answer('decline')}
            >
              {t('sug.cosign.decline')}
            </Button>
          </Space>
        </div>
      )}
      {nothing ? (
        <Typography.Text type="secondary">
          {below ? t('sug.actionsBelow') : t('sug.noActions')}
        </Typography.Text>
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {onEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
              {t('sug.editDraft')}
            </Button>
          )}
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.includes(a) && !(onEdit && a === 'submit') ? 'primary' : 'default'}
              danger={DANGER_SUGGESTION_ACTIONS.includes(a)}
              onClick={() => onAct(a)}
            >
              {t(SUGGESTION_ACTION_LABEL[a])}
            </Button>
          ))}
          {d.records.includes('contact') && (
            <Button onClick={() => onRecord({ kind: 'contact' })}>{t('sug.rec.contact')}</Button>
          )}
          {d.records.includes('co_opinion') && (
            <Button
              type={actions.length === 0 ? 'primary' : 'default'}
              onClick={() => onRecord({ kind: 'co_opinion' })}
            >
              {t('sug.rec.co_opinion')}
            </Button>
          )}
          {d.records.includes('flag_key') && (
            <Button onClick={() => onRecord({ kind: 'flag_key' })}>{t('sug.rec.flag_key')}</Button>
          )}
        </div>
      )}
      {why && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {why}
        </Typography.Paragraph>
      )}
    </Card>
  );

  function whyNot(s: SuggestionDetail, a: SuggestionUserAction[]): string | null {
    if (
      s.roles.includes('lead_unit') &&
      (s.status === 'IN_PROGRESS' || s.status === 'REHANDLING') &&
      !a.includes('reply')
    )
      return t('sug.why.contactFirst');
    if (s.roles.includes('lead_unit') && s.status === 'ASSIGNED') return t('sug.why.signFirst');
    if (s.roles.includes('co_unit') && s.records.includes('co_opinion')) return t('sug.why.coUnit');
    return null;
  }
}

/** Multi-line user text, never HTML. */
function Text({ children }: { children: ReactNode }) {
  return <div className="user-text suggestion-text">{children}</div>;
}

function ContentCard({ d }: { d: SuggestionDetail }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const motion = d.kind === 'motion';
  return (
    <Card
      variant="borderless"
      title={d.title || t('sug.untitled')}
      style={{ marginBottom: 16 }}
      className="suggestion-content"
    >
      {d.refusal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('sug.refusedBecause')}${d.refusal.label}`}
          description={d.refusal.note && <span className="user-text">{d.refusal.note}</span>}
        />
      )}
      {d.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              {t('sug.mergedInto')}{' '}
              <Link to={`/suggestions/${d.mergedInto.id}`}>
                {d.mergedInto.caseLabel ?? `#${d.mergedInto.id}`} {d.mergedInto.title}
              </Link>
            </>
          }
        />
      )}
      {d.closeReason && (d.status === 'CLOSED' || d.status === 'PUBLISHED') && (
        <Alert
          type={d.closeReason === 'unevaluated' ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('sug.closedAs')}${label(CLOSE_REASON_LABELS[d.closeReason])}`}
        />
      )}
      <h3 className="text-heading first">{motion ? t('sug.backgroundMotion') : t('sug.background')}</h3>
      <Text>{d.background || '—'}</Text>
      <h3 className="text-heading">{motion ? t('sug.proposalsMotion') : t('sug.proposals')}</h3>
      <Text>{d.proposals || '—'}</Text>
      {(motion || d.basis) && (
        <>
          <h3 className="text-heading">{t('sug.basis')}</h3>
          <Text>{d.basis || '—'}</Text>
        </>
      )}
      {d.mergedFrom.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text type="secondary">{t('sug.mergedHere')}</Typography.Text>{' '}
          {d.mergedFrom.map((m) => (
            <Link key={m.id} to={`/suggestions/${m.id}`} style={{ marginInlineEnd: 8 }}>
              #{m.id} {m.title}
            </Link>
          ))}
        </Typography.Paragraph>
      )}
      {d.opinions.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text type="secondary">{t('sug.fromOpinions')}</Typography.Text>{' '}
          {d.opinions.map((o) =>
            can('opinions.read') ? (
              <Link
                key={o.id}
                to={`/opinions/${o.id}`}
                className="tracking-code"
                style={{ marginInlineEnd: 8 }}
              >
                {o.trackingCode}
              </Link>
            ) : (
              <span key={o.id} className="tracking-code" style={{ marginInlineEnd: 8 }}>
                {o.trackingCode}
              </span>
            ),
          )}
        </Typography.Paragraph>
      )}
      {d.published && (
        <div className="published-block">
          <Tag color="green">{t('sug.publishedAt', { at: formatDateTime(d.published.at, false) })}</Tag>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {d.published.title}
          </Typography.Title>
          <h3 className="text-heading first">{t('sug.publish.body')}</h3>
          <Text>{d.published.body}</Text>
          <h3 className="text-heading">{t('sug.publish.reply')}</h3>
          <Text>{d.published.reply}</Text>
        </div>
      )}
    </Card>
  );
}

function PeopleCard({ d }: { d: SuggestionDetail }) {
  const { t, label } = useI18n();
  const leads = d.signers.filter((s) => s.role === 'lead');
  const cosigners = d.signers.filter((s) => s.role === 'cosigner');
  const accepted = cosigners.filter((s) => s.status === 'accepted').length;
  const row = (s: SuggestionSigner) => (
    <div key={`${s.representative.id}-${s.role}`} className="signer-row">
      <span>{s.representative.name}</span>
      {s.originSuggestionId && (
        <Link to={`/suggestions/${s.originSuggestionId}`} style={{ fontSize: 12 }}>
          {t('sug.fromMerged', { id: s.originSuggestionId })}
        </Link>
      )}
      <span style={{ flex: 1 }} />
      {s.role === 'cosigner' && (
        <Tag color={SIGNER_COLOR[s.status]} style={{ marginInlineEnd: 0 }}>
          {label(SIGNER_STATUS_LABELS[s.status])}
        </Tag>
      )}
    </div>
  );
  return (
    <Card variant="borderless" title={t('sug.peopleTitle')} style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label(SIGNER_ROLE_LABELS.lead)}
      </Typography.Text>
      {leads.map(row)}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {t('sug.cosignersCount', {
          label: label(SIGNER_ROLE_LABELS.cosigner),
          n: accepted,
          m: cosigners.length,
        })}
      </Typography.Text>
      {cosigners.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : cosigners.map(row)}
    </Card>
  );
}

/** One deadline with its warning: 已逾期 once past while it still matters, 临期 shortly before. */
function Due({
  iso,
  live,
  provisional,
  soon,
}: {
  iso: string | null;
  /** Whether the deadline still matters in the case's state. */
  live: boolean;
  provisional?: boolean;
  soon?: boolean;
}) {
  const { t } = useI18n();
  if (!iso) return <>—</>;
  const past = new Date(iso).getTime() < Date.now();
  return (
    <Space size={4} wrap>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBeijingDate(iso)}</span>
      {provisional && <ProvisionalMark />}
      {live && past && <Tag color="red">{t('sug.overdue')}</Tag>}
      {live && !past && soon && <Tag color="orange">{t('sug.dueSoon')}</Tag>}
    </Space>
  );
}

/** Whether the case is marked excellent, when the server says (the field may not be there yet). */
function excellentOf(d: SuggestionDetail): boolean | undefined {
  return 'excellent' in d && typeof d.excellent === 'boolean' ? d.excellent : undefined;
}

function HandlingCard({ d }: { d: SuggestionDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const categoryName = useCategoryName();
  const x = d.deadlines;
  const lead = d.units.find((u) => u.role === 'lead');
  const co = d.units.filter((u) => u.role === 'co');
  const handling = isHandling(d.status);
  const coPending = co.some((u) => !u.coOpinionAt);
  const soonDays = (iso: string | null, days: number) =>
    !!iso && new Date(iso).getTime() - Date.now() < days * 86_400_000;
  const items = [
    {
      key: 'category',
      label: t('sug.category'),
      children: d.categoryCode ? categoryName(d.categoryCode) : t('sug.uncategorised'),
    },
    ...(lead || isAfterAssignment(d.status)
      ? [{ key: 'lead', label: t('sug.leadUnit'), children: lead?.unit.name ?? '—' }]
      : []),
    ...(co.length > 0
      ? [{ key: 'co', label: t('sug.coUnits'), children: co.map((u) => u.unit.name).join('、') }]
      : []),
    ...(d.keySupervision
      ? [
          {
            key: 'key',
            label: t('sug.key'),
            children: (
              <Space size={4} wrap>
                <KeyTag />
                {d.supervisor && <span>{t('sug.supervisorIs', { name: d.supervisor.name })}</span>}
              </Space>
            ),
          },
        ]
      : []),
    ...(d.assignedAt
      ? [{ key: 'assigned', label: t('sug.assignedAt'), children: formatDateTime(d.assignedAt, false) }]
      : []),
    ...(x.returnDue && handling
      ? [
          {
            key: 'return',
            label: t('sug.due.return'),
            children: (
              <Space size={4} wrap>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBeijingDate(x.returnDue)}</span>
                {new Date(x.returnDue).getTime() < Date.now() && <Tag>{t('sug.windowClosed')}</Tag>}
              </Space>
            ),
          },
        ]
      : []),
    ...(x.coOpinionDue && co.length > 0
      ? [
          {
            key: 'coDue',
            label: t('sug.due.coOpinion'),
            children: (
              <Due iso={x.coOpinionDue} live={handling && coPending} soon={soonDays(x.coOpinionDue, 7)} />
            ),
          },
        ]
      : []),
    ...(x.replyDue
      ? [
          {
            key: 'reply',
            label: t('sug.replyDue'),
            children: (
              <Space size={4} wrap>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBeijingDate(x.replyDue)}</span>
                {x.replyDueProvisional && handling && <ProvisionalMark />}
                <SuggestionDueBadges deadlines={x} status={d.status} />
              </Space>
            ),
          },
        ]
      : []),
    ...(x.maxReplyDue && handling
      ? [{ key: 'max', label: t('sug.due.max'), children: formatBeijingDate(x.maxReplyDue) }]
      : []),
    ...(x.evaluationDue
      ? [
          {
            key: 'evaluation',
            label: t('sug.due.evaluation'),
            children: (
              <Due iso={x.evaluationDue} live={d.status === 'REPLIED'} soon={soonDays(x.evaluationDue, 3)} />
            ),
          },
        ]
      : []),
    // 优秀建议: marked by congress staff once the case is registered (a bonus for the lead).
    ...(can('performance.manage') && d.caseLabel
      ? [
          {
            key: 'excellent',
            label: t('perf.excellent.label'),
            children: <ExcellentControl suggestionId={d.id} known={excellentOf(d)} />,
          },
        ]
      : []),
    ...(d.replyClass
      ? [
          {
            key: 'class',
            label: t('sug.replyClass'),
            children: <ReplyClassTag replyClass={d.replyClass} long />,
          },
        ]
      : []),
    ...(d.resultRating
      ? [
          {
            key: 'rating',
            label: t('sug.evaluation'),
            children: (
              <Space size={4} wrap>
                <EvaluationTag rating={d.attitudeRating} prefix={t('sug.attitudeShort')} />
                <EvaluationTag rating={d.resultRating} prefix={t('sug.resultShort')} />
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card variant="borderless" title={t('sug.handlingTitle')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} items={items} />
      {x.replyDueProvisional && handling && (
        <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('sug.provisionalTip')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
