/**
 * One opinion: what the citizen said (text, photos), where it came from, who said it (masked, with
 * an audited reveal), its category and deadlines, its history (timeline, replies, ratings,
 * extensions), and exactly the actions the server says the user may take now.
 */
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  Image,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CHANNEL_LABELS,
  REJECTION_REASON_LABELS,
  SUBMITTER_KIND_LABELS,
} from '../../../../src/modules/opinions/opinions.vocab.ts';
import { getOpinion, isUserAction, photoUrl, revealContact } from '../../api/opinions.ts';
import { keys } from '../../api/keys.ts';
import type { OpinionView, RevealedContact, UserAction } from '../../api/types.ts';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { useCategoryName } from '../../components/congresses.tsx';
import { DueBadges, OpinionStatusTag, ProvisionalMark, STAGE_OF } from '../../components/opinionTags.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBeijingDate, formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { ConvertToSuggestionModal } from '../suggestions/ConvertToSuggestionModal.tsx';
import { ACTION_LABEL, ActionModal, DANGER_ACTIONS } from './ActionModal.tsx';
import { EventTimeline, ExtensionsList, RatingLine, RepliesList } from './OpinionHistory.tsx';

/** The main step of each stage is the primary button; the rest are plain. */
const PRIMARY: readonly UserAction[] = [
  'accept',
  'assign',
  'sign',
  'reply',
  'rate',
  'approve_extension',
  'approve_return',
  'publish',
];

export function OpinionDetailPage() {
  const id = Number(useParams().id);
  const { t, label } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [acting, setActing] = useState<UserAction | null>(null);
  const [contact, setContact] = useState<RevealedContact | null>(null);
  const [converting, setConverting] = useState(false);
  const item = useQuery({
    queryKey: keys.opinion(id),
    queryFn: () => getOpinion(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  const o = item.data;

  if (item.isPending) return <FullPageSpinner />;
  if (item.isError || !o) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;

  const reload = async () => {
    await item.refetch();
    void qc.invalidateQueries({ queryKey: keys.opinions, refetchType: 'none' });
    void qc.invalidateQueries({ queryKey: keys.notifications });
  };

  const actions = o.actions.filter(isUserAction);
  // Whoever may draft suggestions converts into a real draft (POST /suggestions/from-opinion);
  // others keep the plain conversion with a reference typed in.
  const convertsToDraft = can('suggestions.draft');
  const act = (a: UserAction) => (a === 'convert' && convertsToDraft ? setConverting(true) : setActing(a));
  const back = (location.state as { from?: string } | null)?.from;

  const actionCard = (
    <Card
      variant="borderless"
      title={t('op.actionsTitle')}
      style={{ marginBottom: 16 }}
      className="action-card"
    >
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('op.noActions')}</Typography.Text>
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.includes(a) ? 'primary' : 'default'}
              danger={DANGER_ACTIONS.includes(a)}
              onClick={() => act(a)}
            >
              {t(ACTION_LABEL[a])}
            </Button>
          ))}
        </div>
      )}
      {o.actions.includes('publish') === false && o.status === 'CLOSED' && !o.consentPublish && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('op.noConsentPublish')}
        </Typography.Paragraph>
      )}
    </Card>
  );

  const content = <ContentCard o={o} />;
  const replies = (
    <Card variant="borderless" title={t('op.repliesTitle')} style={{ marginBottom: 16 }}>
      <RepliesList replies={o.replies} ratings={o.ratings} />
      {o.ratings
        .filter((r) => !o.replies.some((x) => x.round === r.round))
        .map((r) => (
          <RatingLine key={`${r.round}-${r.at}`} rating={r} />
        ))}
    </Card>
  );
  const timeline = (
    <Card variant="borderless" title={t('op.timelineTitle')} style={{ marginBottom: 16 }}>
      <EventTimeline events={o.events} />
    </Card>
  );
  const source = <SourceCard o={o} />;
  const submitter = (
    <SubmitterCard o={o} contact={contact} onRevealed={setContact} canReveal={o.canRevealContact} />
  );
  const handling = <HandlingCard o={o} />;
  const extensions = o.extensions.length > 0 && (
    <Card variant="borderless" title={t('op.extensionsTitle')} style={{ marginBottom: 16 }}>
      <ExtensionsList extensions={o.extensions} />
    </Card>
  );
  const unitLink = can('org.read') && o.unit && (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
      <Link to={`/opinions/ledger?unitId=${o.unit.id}`}>{t('op.moreOfUnit', { name: o.unit.name })}</Link>
    </Typography.Paragraph>
  );

  return (
    <div>
      <PageHeader
        back={back ?? '/opinions/ledger'}
        title={
          <Space wrap size={8}>
            <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{o.trackingCode}</span>
            <OpinionStatusTag status={o.status} />
            <DueBadges deadlines={o.deadlines} status={o.status} />
            {o.rehandleRounds > 0 && (
              <Tag color="volcano">{t('op.rehandleRounds', { n: o.rehandleRounds })}</Tag>
            )}
          </Space>
        }
        subtitle={t('op.detailSubtitle', {
          at: formatDateTime(o.submittedAt, false),
          channel: label(CHANNEL_LABELS[o.channel]),
        })}
        extra={
          <Tooltip title={t('common.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.refresh')}
              onClick={() => void reload()}
            />
          </Tooltip>
        }
      />
      {screens.lg ? (
        <Row gutter={[16, 0]}>
          <Col span={16}>
            {content}
            {replies}
            {timeline}
          </Col>
          <Col span={8}>
            {actionCard}
            {source}
            {submitter}
            {handling}
            {extensions}
            {unitLink}
          </Col>
        </Row>
      ) : (
        // On a phone the deadlines come right after the text: what to do and by when.
        <>
          {actionCard}
          {content}
          {handling}
          {replies}
          {timeline}
          {source}
          {submitter}
          {extensions}
        </>
      )}
      {convertsToDraft && (
        <ConvertToSuggestionModal
          opinion={o}
          open={converting}
          onClose={() => setConverting(false)}
          onConverted={() => void reload()}
        />
      )}
      <ActionModal
        item={o}
        action={acting}
        knownNames={[contact?.name].filter((n): n is string => !!n)}
        onClose={() => setActing(null)}
        onConflict={() => void reload()}
        onDone={(updated) => {
          setActing(null);
          if (updated) qc.setQueryData(keys.opinion(o.id), updated);
          void reload();
        }}
      />
    </div>
  );
}

function ContentCard({ o }: { o: OpinionView }) {
  const { t, label } = useI18n();
  return (
    <Card variant="borderless" title={t('op.contentTitle')} style={{ marginBottom: 16 }}>
      {o.rejection && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('op.rejectedBecause')}${label(REJECTION_REASON_LABELS[o.rejection.reason])}`}
          description={
            <>
              <div>
                {t('op.reject.citizenReads')}：{label(REJECTION_REASON_LABELS[o.rejection.reason].guidance)}
              </div>
              {o.rejection.note && <div>{o.rejection.note}</div>}
            </>
          }
        />
      )}
      {o.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              {t('op.mergedInto')}{' '}
              <Link to={`/opinions/${o.mergedInto.id}`}>{o.mergedInto.trackingCode}</Link>
            </>
          }
        />
      )}
      {o.convertedRef !== null && o.status === 'CONVERTED' && (
        <ConvertedAlert convertedRef={o.convertedRef} />
      )}
      <div className="opinion-text">{o.content}</div>
      {o.address && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('op.address')}：{o.address}
        </Typography.Paragraph>
      )}
      {o.photos.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Image.PreviewGroup>
            <div className="photo-strip">
              {o.photos.map((p, i) => (
                <Image
                  key={p.id}
                  width={96}
                  height={96}
                  src={photoUrl(o.id, p.id)}
                  alt={t('op.photoN', { n: i + 1 })}
                />
              ))}
            </div>
          </Image.PreviewGroup>
        </div>
      )}
      {o.merged.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text type="secondary">{t('op.mergedHere')}</Typography.Text>{' '}
          {o.merged.map((m) => (
            <Link key={m.id} to={`/opinions/${m.id}`} style={{ marginInlineEnd: 8 }}>
              {m.trackingCode}
            </Link>
          ))}
        </Typography.Paragraph>
      )}
      {o.publishedAt && (
        <div style={{ marginTop: 16 }}>
          <Tag color="green">{t('op.publishedAt', { at: formatDateTime(o.publishedAt, false) })}</Tag>
          {o.publishedContent && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {o.publishedContent}
            </Typography.Paragraph>
          )}
          {o.publishedReply && (
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {o.publishedReply}
            </Typography.Paragraph>
          )}
        </div>
      )}
    </Card>
  );
}

/** Where the opinion went: a link to the suggestion it became ('suggestion:<id>'), else the reference as typed. */
function ConvertedAlert({ convertedRef }: { convertedRef: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const match = /^suggestion:(\d+)$/.exec(convertedRef);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={
        match && can('suggestions.read') ? (
          <>
            {t('op.convertedToSuggestion')}{' '}
            <Link to={`/suggestions/${match[1]}`}>{t('op.openSuggestion', { id: match[1]! })}</Link>
          </>
        ) : (
          t('op.convertedTo', { ref: convertedRef || '—' })
        )
      }
      description={match ? t('op.convertedDraftNote') : undefined}
    />
  );
}

function SourceCard({ o }: { o: OpinionView }) {
  const { t, label } = useI18n();
  const { can } = useSession();
  const orgLink = (to: string, name: string) => (can('org.read') ? <Link to={to}>{name}</Link> : name);
  return (
    <Card variant="borderless" title={t('op.sourceTitle')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'channel', label: t('op.channel'), children: label(CHANNEL_LABELS[o.channel]) },
          { key: 'jurisdiction', label: t('common.jurisdiction'), children: o.jurisdiction.name },
          {
            key: 'station',
            label: t('op.station'),
            children: o.station ? orgLink(`/org/stations/${o.station.id}`, o.station.name) : '—',
          },
          {
            key: 'rep',
            label: t('op.representative'),
            children: o.representative
              ? orgLink(`/org/representatives?view=${o.representative.id}`, o.representative.name)
              : '—',
          },
          {
            key: 'grid',
            label: t('op.grid'),
            children: o.grid ? orgLink(`/org/grids/${o.grid.id}`, o.grid.name) : '—',
          },
          ...(o.registeredBy ? [{ key: 'by', label: t('op.registeredBy'), children: o.registeredBy }] : []),
        ]}
      />
    </Card>
  );
}

function SubmitterCard({
  o,
  contact,
  onRevealed,
  canReveal,
}: {
  o: OpinionView;
  contact: RevealedContact | null;
  onRevealed: (c: RevealedContact) => void;
  canReveal: boolean;
}) {
  const { t, label } = useI18n();
  const { modal } = App.useApp();
  const report = useReportError();
  const reveal = () =>
    modal.confirm({
      title: t('op.revealTitle'),
      content: t('op.revealText'),
      okText: t('op.revealConfirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          onRevealed(await revealContact(o.id));
        } catch (err) {
          report(err);
        }
      },
    });
  return (
    <Card variant="borderless" title={t('op.submitterTitle')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'kind',
            label: t('op.submitterKind'),
            children: label(SUBMITTER_KIND_LABELS[o.submitterKind]),
          },
          {
            key: 'name',
            label: t('op.submitterName'),
            children: contact ? (
              <Typography.Text strong>{contact.name ?? t('op.anonymous')}</Typography.Text>
            ) : o.anonymous ? (
              <Tag>{t('op.anonymous')}</Tag>
            ) : (
              o.submitterName
            ),
          },
          {
            key: 'phone',
            label: t('op.phone'),
            children: contact ? (
              contact.phone ? (
                <Typography.Text copyable strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {contact.phone}
                </Typography.Text>
              ) : (
                '—'
              )
            ) : (
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{o.phoneMasked ?? '—'}</span>
            ),
          },
          {
            key: 'publish',
            label: t('op.consentPublish'),
            children: o.consentPublish ? t('common.yes') : t('common.no'),
          },
        ]}
      />
      {contact ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('op.revealedAudited')}
        </Typography.Text>
      ) : (
        canReveal && (
          <Button size="small" icon={<EyeOutlined />} onClick={reveal} style={{ marginTop: 4 }}>
            {t('op.reveal')}
          </Button>
        )
      )}
    </Card>
  );
}

function HandlingCard({ o }: { o: OpinionView }) {
  const { t } = useI18n();
  const categoryName = useCategoryName();
  const d = o.deadlines;
  const open = ['triage', 'handling', 'paused'].includes(STAGE_OF[o.status]);
  const due = (iso: string | null, late: boolean, provisional = false) =>
    iso ? (
      <Space size={4} wrap>
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatBeijingDate(iso)}</span>
        {provisional && <ProvisionalMark />}
        {late && open && <Tag color="red">{t('op.overdue')}</Tag>}
      </Space>
    ) : (
      '—'
    );
  return (
    <Card variant="borderless" title={t('op.handlingTitle')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'category',
            label: t('op.category'),
            children: o.categoryCode ? categoryName(o.categoryCode) : t('op.uncategorised'),
          },
          { key: 'unit', label: t('op.unit'), children: o.unit?.name ?? '—' },
          { key: 'ack', label: t('op.due.ackFull'), children: due(d.ackDue, d.overdue.ack) },
          ...(o.assignedAt
            ? [{ key: 'assigned', label: t('op.assignedAt'), children: formatDateTime(o.assignedAt, false) }]
            : []),
          ...(d.signDue
            ? [{ key: 'sign', label: t('op.due.signFull'), children: due(d.signDue, d.overdue.sign) }]
            : []),
          ...(o.signedAt
            ? [{ key: 'signed', label: t('op.signedAt'), children: formatDateTime(o.signedAt, false) }]
            : []),
          {
            key: 'reply',
            label: t('op.replyDue'),
            children: (
              <Space size={4} wrap>
                {due(d.replyDue, d.overdue.reply, d.replyDueProvisional)}
                {d.dueSoon && open && !d.overdue.reply && <Tag color="orange">{t('op.dueSoon')}</Tag>}
              </Space>
            ),
          },
          ...(d.feedbackDue
            ? [{ key: 'feedback', label: t('op.feedbackDue'), children: formatBeijingDate(d.feedbackDue) }]
            : []),
          ...(o.closedAt
            ? [{ key: 'closed', label: t('op.closedAt'), children: formatDateTime(o.closedAt, false) }]
            : []),
        ]}
      />
      {d.replyDueProvisional && (
        <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('op.provisionalTip')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
