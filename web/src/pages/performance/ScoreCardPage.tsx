/**
 * A representative's score card for a congress and year (/performance/representatives/:id, and
 * /performance/me for the representative themself): the total, each part against its cap (what
 * was earned beyond the cap shown apart), the yearly requirements (met, not yet, or excused by
 * approved leave; the monthly reception month by month), and every line of points with the
 * record that earned it — an activity, a suggestion or an opinion, each a link.
 */
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  List,
  Progress,
  Row,
  Segmented,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { SolutionOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  SCORE_CATEGORIES,
  type ScoreCategory,
} from '../../../../src/modules/performance/performance.domain.ts';
import { getScoreCard } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { RequirementView, ScoreCardView, ScoreLine } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBeijingDate } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { CATEGORY_COLOR, CATEGORY_LABEL, fmtPoints, ruleLabel, signedPoints } from './score.ts';
import { CongressYearSelects, useCongressYear } from './useCongressYear.tsx';

export function MyScoreCardPage() {
  const { user } = useSession();
  const { t } = useI18n();
  if (!user?.representativeId)
    return (
      <Card variant="borderless">
        <Typography.Text type="secondary">{t('act.my.repOnly')}</Typography.Text>
      </Card>
    );
  return <ScoreCard representativeId={user.representativeId} own />;
}

export function ScoreCardPage() {
  const id = Number(useParams().id);
  return <ScoreCard representativeId={id} own={false} />;
}

/** Where a line's record lives in the console. */
export function sourceLink(source: ScoreLine['source']): string {
  switch (source.type) {
    case 'activity':
      return `/activities/${source.id}`;
    case 'suggestion':
      return `/suggestions/${source.id}`;
    case 'opinion':
      return `/opinions/${source.id}`;
  }
}

function ScoreCard({ representativeId, own }: { representativeId: number; own: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const scope = useCongressYear();
  const { congressId, year } = scope;
  const card = useQuery({
    queryKey: [...keys.performance, 'card', representativeId, congressId, year],
    queryFn: () => getScoreCard(representativeId, { congressId: congressId!, year }),
    enabled: !!congressId && representativeId > 0,
  });
  const c = card.data;
  const back = (location.state as { from?: string } | null)?.from;
  const archive = `/performance/archive?representativeId=${representativeId}&congressId=${congressId ?? ''}&year=${year}`;

  return (
    <div>
      <PageHeader
        back={own ? undefined : (back ?? `/performance?${scope.params.toString()}`)}
        title={
          own
            ? t('nav.perfMine')
            : c
              ? t('perf.card.title', { name: c.representative.name })
              : t('perf.card.titlePlain')
        }
        subtitle={
          c
            ? `${c.congress.name} · ${t('sug.yearN', { n: c.year })} · ${
                c.ruleSet.id === null
                  ? t('perf.defaultRules')
                  : t('perf.ruleVersion', { v: c.ruleSet.version })
              }`
            : undefined
        }
        extra={
          <Button icon={<SolutionOutlined />} onClick={() => void navigate(archive)} disabled={!congressId}>
            {t('nav.perfArchive')}
          </Button>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <CongressYearSelects scope={scope} />
        </div>
      </Card>
      {!congressId && !scope.loading ? (
        <Card variant="borderless">
          <Empty description={t('perf.noCongress')} />
        </Card>
      ) : card.isError ? (
        <QueryError error={card.error} onRetry={() => void card.refetch()} />
      ) : !c ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <CardBody c={c} />
      )}
    </div>
  );
}

function CardBody({ c }: { c: ScoreCardView }) {
  const { t } = useI18n();
  const capTotal = c.categories.reduce((n, x) => n + x.cap, 0);
  return (
    <>
      <Row
        gutter={[
          { xs: 8, md: 16 },
          { xs: 8, md: 16 },
        ]}
        style={{ marginBottom: 16 }}
      >
        <Col xs={24} md={6}>
          <Card variant="borderless" className="score-hero" style={{ height: '100%' }}>
            <div className="kpi-title">{t('perf.total')}</div>
            <div className="score-hero-n">
              {fmtPoints(c.total)}
              <span className="score-hero-cap"> / {fmtPoints(capTotal)}</span>
            </div>
            <Progress
              percent={capTotal ? (c.total / capTotal) * 100 : 0}
              showInfo={false}
              strokeColor="#a8071a"
            />
          </Card>
        </Col>
        {c.categories.map((x) => (
          <Col xs={8} md={6} key={x.category}>
            <Card variant="borderless" className="score-part-card" style={{ height: '100%' }}>
              <div className="kpi-title">{t(CATEGORY_LABEL[x.category])}</div>
              <div className="kpi-value" style={{ color: CATEGORY_COLOR[x.category] }}>
                {fmtPoints(x.counted)}
                <span className="score-hero-cap"> / {fmtPoints(x.cap)}</span>
              </div>
              <Progress
                percent={x.cap ? (x.counted / x.cap) * 100 : 0}
                showInfo={false}
                size="small"
                strokeColor={CATEGORY_COLOR[x.category]}
              />
              {x.raw !== x.counted && (
                <div className="kpi-sub">
                  {x.raw > x.counted
                    ? t('perf.card.overCap', { raw: fmtPoints(x.raw), cap: fmtPoints(x.cap) })
                    : t('perf.card.belowZero', { raw: fmtPoints(x.raw) })}
                </div>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Requirements list={c.requirements} />
      <Lines c={c} />
    </>
  );
}

const REQ_TAG: Record<
  RequirementView['status'],
  { color: string; key: 'perf.req.met' | 'perf.req.not_yet' | 'perf.req.exempt' }
> = {
  met: { color: 'green', key: 'perf.req.met' },
  not_yet: { color: 'red', key: 'perf.req.not_yet' },
  exempt: { color: 'purple', key: 'perf.req.exempt' },
};
const MONTH_CLASS = {
  met: 'month-met',
  missing: 'month-missing',
  exempt: 'month-exempt',
  pending: 'month-pending',
} as const;

export function Requirements({ list }: { list: RequirementView[] }) {
  const { t } = useI18n();
  return (
    <Card variant="borderless" title={t('perf.requirements')} style={{ marginBottom: 16 }}>
      {list.length === 0 ? (
        <Typography.Text type="secondary">{t('perf.req.none')}</Typography.Text>
      ) : (
        <List
          dataSource={list}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                <Tag color={REQ_TAG[r.status].color} style={{ marginInlineEnd: 0 }}>
                  {t(REQ_TAG[r.status].key)}
                </Tag>
                <span style={{ flex: '1 1 200px' }}>{r.label}</span>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.months
                    ? t('perf.req.months', { n: r.have, m: r.need })
                    : t('perf.req.have', { n: r.have, m: r.need })}
                </Typography.Text>
              </div>
              {r.months && r.months.length > 0 && (
                <div className="month-strip" aria-label={r.label}>
                  {r.months.map((m) => (
                    <Tooltip key={m.month} title={`${m.month} · ${t(`perf.month.${m.status}`)}`}>
                      <span className={`month-box ${MONTH_CLASS[m.status]}`}>{Number(m.month.slice(5))}</span>
                    </Tooltip>
                  ))}
                </div>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

const SOURCE_TAG: Record<
  ScoreLine['source']['type'],
  { color: string; key: 'perf.src.activity' | 'perf.src.suggestion' | 'perf.src.opinion' }
> = {
  activity: { color: 'blue', key: 'perf.src.activity' },
  suggestion: { color: 'orange', key: 'perf.src.suggestion' },
  opinion: { color: 'green', key: 'perf.src.opinion' },
};

function Lines({ c }: { c: ScoreCardView }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [cat, setCat] = useState<ScoreCategory | 'all'>('all');
  const lines = [...c.lines]
    .filter((l) => cat === 'all' || l.category === cat)
    .sort((a, b) => (b.source.date ?? '').localeCompare(a.source.date ?? ''));
  const record = (l: ScoreLine) => <Link to={sourceLink(l.source)}>{l.source.title}</Link>;
  const columns: TableColumnsType<ScoreLine> = [
    {
      title: t('perf.line.date'),
      key: 'date',
      width: 110,
      render: (_: unknown, l) => (l.source.date ? formatBeijingDate(l.source.date) : '—'),
    },
    {
      title: t('perf.line.record'),
      key: 'record',
      render: (_: unknown, l) => (
        <span>
          <Tag color={SOURCE_TAG[l.source.type].color}>{t(SOURCE_TAG[l.source.type].key)}</Tag>
          {record(l)}
        </span>
      ),
    },
    {
      title: t('perf.line.rule'),
      key: 'rule',
      width: 140,
      render: (_: unknown, l) => ruleLabel(t, l.rule, l.label),
    },
    {
      title: t('perf.line.points'),
      dataIndex: 'points',
      width: 90,
      align: 'right',
      render: (p: number) => <span className={p < 0 ? 'points-neg' : 'points-pos'}>{signedPoints(p)}</span>,
    },
  ];
  return (
    <Card
      variant="borderless"
      title={t('perf.line.title', { n: c.lines.length })}
      extra={
        screens.sm && (
          <Segmented<ScoreCategory | 'all'>
            size="small"
            value={cat}
            onChange={setCat}
            options={[
              { value: 'all', label: t('common.all') },
              ...SCORE_CATEGORIES.map((k) => ({ value: k, label: t(CATEGORY_LABEL[k]) })),
            ]}
          />
        )
      }
    >
      {c.lines.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('perf.line.none')} />
      )}
      {screens.md ? (
        <Table<ScoreLine>
          rowKey={(l, i) => `${l.rule}-${l.source.type}-${l.source.id}-${i ?? 0}`}
          size="small"
          columns={columns}
          dataSource={lines}
          pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false, size: 'small' } : false}
          locale={{ emptyText: t('common.empty') }}
        />
      ) : (
        <List
          size="small"
          dataSource={lines}
          pagination={lines.length > 30 ? { pageSize: 30, size: 'small', simple: true } : false}
          renderItem={(l) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div>{record(l)}</div>
                <span className="cell-sub">
                  {l.source.date ? formatBeijingDate(l.source.date) : ''} · {ruleLabel(t, l.rule, l.label)}
                </span>
              </div>
              <span className={l.points < 0 ? 'points-neg' : 'points-pos'}>{signedPoints(l.points)}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
