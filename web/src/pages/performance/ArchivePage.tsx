/**
 * 履职档案: a representative's year in one place — who they are, the figures (activities attended,
 * hosted, on leave, missed; suggestions led and co-signed with their replies; opinions received,
 * answered, solved and how satisfied people were), the score, and the whole timeline month by
 * month, every entry linked to its record and showing the points it earned. Downloads: the report
 * to the voters (向选民报告履职, Word) and the records (Excel). Staff pick the representative; a
 * representative sees their own.
 */
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Row,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Tooltip,
} from 'antd';
import { FileExcelOutlined, FileWordOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { downloadArchive, getArchive } from '../../api/performance.ts';
import { keys } from '../../api/keys.ts';
import type { ArchiveView, TimelineEntry } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RepresentativePicker } from '../../components/RepresentativePicker.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime, formatRate } from '../../lib/format.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { beijingDay, beijingTime } from '../activities/dates.ts';
import { useTypeLabel } from '../activities/useActivityTypes.ts';
import { CATEGORY_LABEL, fmtPoints, signedPoints } from './score.ts';
import { CongressYearSelects, useCongressYear } from './useCongressYear.tsx';

type Filter = 'all' | TimelineEntry['type'];

const TYPE_TAG: Record<
  TimelineEntry['type'],
  { color: string; key: 'perf.src.activity' | 'perf.src.suggestion' | 'perf.src.opinion' }
> = {
  activity: { color: 'blue', key: 'perf.src.activity' },
  suggestion: { color: 'orange', key: 'perf.src.suggestion' },
  opinion: { color: 'green', key: 'perf.src.opinion' },
};

/** An activity's outcome in the console's words (the server words it in Chinese, for the report). */
const OUTCOME_LABEL = {
  attended: 'perf.outcome.attended',
  leave: 'perf.outcome.leave',
  absent: 'perf.outcome.absent',
  upcoming: 'perf.outcome.upcoming',
  cancelled: 'perf.outcome.cancelled',
} as const;
const isOutcome = (o: string): o is keyof typeof OUTCOME_LABEL => o in OUTCOME_LABEL;

/** The colour an outcome reads in. */
const OUTCOME_COLOR: Record<string, string> = {
  attended: 'green',
  leave: 'purple',
  absent: 'red',
  upcoming: 'blue',
  cancelled: 'default',
};

export function ArchivePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const scope = useCongressYear();
  const { congressId, year } = scope;
  const staff = !!user && (user.roles.includes('congress_staff') || user.roles.includes('leader'));
  const asked = numberOrUndefined(scope.params.get('representativeId') ?? undefined);
  const representativeId = staff ? asked : (user?.representativeId ?? undefined);
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);

  const archive = useQuery({
    queryKey: [...keys.performance, 'archive', representativeId, congressId, year],
    queryFn: () => getArchive(representativeId!, { congressId: congressId!, year }),
    enabled: !!representativeId && !!congressId,
  });
  const a = archive.data;

  const save = async (format: 'docx' | 'xlsx') => {
    if (!representativeId || !congressId) return;
    setBusy(format);
    try {
      const name = await downloadArchive(representativeId, { congressId, year }, format);
      void message.success(t('sug.stats.downloaded', { name }));
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('nav.perfArchive')}
        subtitle={
          a
            ? `${a.representative.name} · ${a.congress.name} · ${t('sug.yearN', { n: a.year })}`
            : t('perf.archive.subtitle')
        }
        extra={
          <>
            <Tooltip title={t('perf.archive.docxTip')}>
              <Button
                icon={<FileWordOutlined />}
                disabled={!a}
                loading={busy === 'docx'}
                onClick={() => void save('docx')}
              >
                {t('perf.archive.docx')}
              </Button>
            </Tooltip>
            <Tooltip title={t('perf.archive.xlsxTip')}>
              <Button
                icon={<FileExcelOutlined />}
                disabled={!a}
                loading={busy === 'xlsx'}
                onClick={() => void save('xlsx')}
              >
                {t('perf.archive.xlsx')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          {staff && (
            <RepresentativePicker
              value={representativeId ?? null}
              congressId={congressId}
              onChange={(id) => scope.set({ representativeId: id })}
              placeholder={t('perf.archive.pickRep')}
              style={{ gridColumn: 'span 2' }}
            />
          )}
          <CongressYearSelects scope={scope} />
        </div>
      </Card>
      {!representativeId ? (
        <Card variant="borderless">
          <Empty description={staff ? t('perf.archive.pickFirst') : t('act.my.repOnly')} />
        </Card>
      ) : !congressId && !scope.loading ? (
        <Card variant="borderless">
          <Empty description={t('perf.noCongress')} />
        </Card>
      ) : archive.isError ? (
        <QueryError error={archive.error} onRetry={() => void archive.refetch()} />
      ) : !a ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <ArchiveBody
          a={a}
          onCard={() =>
            void navigate(
              staff
                ? `/performance/representatives/${a.representative.id}?congressId=${a.congress.id}&year=${a.year}`
                : `/performance/me?congressId=${a.congress.id}&year=${a.year}`,
            )
          }
        />
      )}
    </div>
  );
}

function ArchiveBody({ a, onCard }: { a: ArchiveView; onCard: () => void }) {
  const { t } = useI18n();
  const typeLabel = useTypeLabel();
  const s = a.summary;
  const r = a.representative;
  const act = s.activities;
  const sug = s.suggestions;
  const op = s.opinions;
  return (
    <>
      {!a.yearComplete && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('perf.archive.asOf', { at: formatDateTime(a.asOf, false) })}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={r.name} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'employer',
                  label: t('perf.archive.employer'),
                  children: [r.employer, r.post].filter(Boolean).join(' ') || '—',
                },
                {
                  key: 'constituency',
                  label: t('perf.archive.constituency'),
                  children: r.constituency ?? '—',
                },
                { key: 'delegation', label: t('perf.archive.delegation'), children: r.delegation ?? '—' },
                {
                  key: 'stations',
                  label: t('perf.archive.stations'),
                  children: r.stations.join('、') || '—',
                },
              ]}
            />
            <div
              className="archive-score"
              role="button"
              tabIndex={0}
              onClick={onCard}
              onKeyDown={(e) => e.key === 'Enter' && onCard()}
            >
              <TrophyOutlined />
              <span>{t('perf.total')}</span>
              <strong>{fmtPoints(a.score.total)}</strong>
              <span className="cell-sub" style={{ display: 'inline' }}>
                {a.score.categories
                  .map((c) => `${t(CATEGORY_LABEL[c.category])} ${fmtPoints(c.counted)}`)
                  .join(' · ')}
              </span>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <div className="archive-figures">
            <Figure
              title={t('perf.archive.activities')}
              value={`${act.attended}/${act.invited}`}
              sub={t('perf.archive.activitiesSub', {
                h: act.hosted,
                l: act.leave,
                a: act.absent,
                u: act.upcoming,
              })}
              color="#1f4e8c"
            />
            <Figure
              title={t('perf.archive.suggestions')}
              value={`${sug.led} + ${sug.cosigned}`}
              sub={t('perf.archive.suggestionsSub', {
                r: sug.replied,
                a: sug.classA,
                b: sug.classB,
                c: sug.classC,
                k: sug.key,
                e: sug.excellent,
              })}
              color="#c77700"
            />
            <Figure
              title={t('perf.archive.opinions')}
              value={String(op.received)}
              sub={t('perf.archive.opinionsSub', {
                r: op.replied,
                s: op.solved,
                o: op.open,
                c: op.carriedOver,
              })}
              color="#2e7d32"
            />
            <Figure
              title={t('perf.archive.satisfaction')}
              value={formatRate(op.satisfactionRate)}
              sub={t('perf.archive.satisfactionSub', {
                n: op.rated,
                s: op.satisfied,
                b: op.basicallySatisfied,
                u: op.unsatisfied,
              })}
              color="#a8071a"
            />
          </div>
          {act.byType.length > 0 && (
            <Card
              variant="borderless"
              size="small"
              title={t('perf.archive.byType')}
              style={{ marginTop: 12 }}
            >
              <Space size={[6, 6]} wrap>
                {act.byType.map((b) => (
                  <Tooltip key={b.typeCode} title={b.dates.join('、') || undefined}>
                    <Tag style={{ marginInlineEnd: 0 }}>
                      {typeLabel(b.typeCode, b.label)} <b>{b.attended}</b>
                    </Tag>
                  </Tooltip>
                ))}
              </Space>
            </Card>
          )}
        </Col>
      </Row>
      <TimelineCard a={a} />
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'method',
            label: t('perf.rules.method'),
            children: (
              <div className="method-text">
                {a.method.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

function Figure({ title, value, sub, color }: { title: string; value: string; sub: string; color: string }) {
  return (
    <Card variant="borderless" className="kpi-card kpi-static">
      <div className="kpi-title">{title}</div>
      <div className="kpi-value" style={{ color }}>
        {value}
      </div>
      <div className="kpi-sub">{sub}</div>
    </Card>
  );
}

function entryLink(e: TimelineEntry): string {
  return e.type === 'activity'
    ? `/activities/${e.id}`
    : e.type === 'suggestion'
      ? `/suggestions/${e.id}`
      : `/opinions/${e.id}`;
}

function TimelineCard({ a }: { a: ArchiveView }) {
  const { t, lang } = useI18n();
  const typeLabel = useTypeLabel();
  // Activities' type and outcome in the console's language; the rest as the server words them.
  const category = (e: TimelineEntry) =>
    e.activity ? typeLabel(e.activity.typeCode, e.category) : e.category;
  const outcome = (e: TimelineEntry) =>
    e.type === 'activity' && lang === 'en' && isOutcome(e.outcome)
      ? t(OUTCOME_LABEL[e.outcome])
      : e.outcomeLabel;
  const [filter, setFilter] = useState<Filter>('all');
  const months = useMemo(() => {
    const shown = a.timeline.filter((e) => filter === 'all' || e.type === filter);
    const byMonth = new Map<string, TimelineEntry[]>();
    // Newest first: the year as it stands reads from the top.
    for (const e of [...shown].reverse()) {
      const m = beijingDay(e.at).slice(0, 7);
      byMonth.set(m, [...(byMonth.get(m) ?? []), e]);
    }
    return [...byMonth.entries()];
  }, [a.timeline, filter]);
  const count = (type: TimelineEntry['type']) => a.timeline.filter((e) => e.type === type).length;
  return (
    <Card
      variant="borderless"
      title={t('perf.archive.timeline', { n: a.timeline.length })}
      extra={
        <Segmented<Filter>
          size="small"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'activity', label: `${t('perf.src.activity')} ${count('activity')}` },
            { value: 'suggestion', label: `${t('perf.src.suggestion')} ${count('suggestion')}` },
            { value: 'opinion', label: `${t('perf.src.opinion')} ${count('opinion')}` },
          ]}
        />
      }
    >
      {months.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('perf.archive.empty')} />
      ) : (
        months.map(([month, entries]) => (
          <section key={month} className="archive-month">
            <h3 className="archive-month-title">
              {t('perf.archive.month', { y: month.slice(0, 4), m: Number(month.slice(5)) })}
              <span className="tree-count">{entries.length}</span>
            </h3>
            {entries.map((e) => (
              <div key={`${e.type}-${e.id}`} className="archive-entry">
                <div className="archive-date">
                  {beijingDay(e.at).slice(5)}
                  {e.type === 'activity' && <span className="cell-sub">{beijingTime(e.at)}</span>}
                </div>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Space size={[6, 4]} wrap>
                    <Tag color={TYPE_TAG[e.type].color} style={{ marginInlineEnd: 0 }}>
                      {t(TYPE_TAG[e.type].key)}
                    </Tag>
                    <Link to={entryLink(e)}>{e.title}</Link>
                  </Space>
                  <div className="cell-sub">{[category(e), e.detail].filter(Boolean).join(' · ')}</div>
                </div>
                <div className="archive-outcome">
                  <Tag color={OUTCOME_COLOR[e.outcome] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                    {outcome(e)}
                  </Tag>
                  {e.points !== 0 && (
                    <span className={e.points < 0 ? 'points-neg' : 'points-pos'}>
                      {signedPoints(e.points)}
                    </span>
                  )}
                </div>
              </div>
            ))}
          </section>
        ))
      )}
    </Card>
  );
}
