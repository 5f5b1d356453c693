/**
 * 代表建议统计: a year's suggestions and motions for a congress (default: every congress in scope)
 * — registered, replied and on time, classes A/B/C, satisfaction (未评价 shown apart, never counted
 * as satisfied), re-handled, key and overdue cases, commitments — grouped by unit, category, class,
 * congress or month, as figures, charts and a table; the table as XLSX and the yearly 办理情况报告
 * as DOCX.
 */
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Col, Empty, Grid, Row, Segmented, Select, Skeleton, Table, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  downloadYearReport,
  exportSuggestionStats,
  getSuggestionStats,
  type StatsGroupBy,
  type StatsQuery,
  type StatsRow,
} from '../../api/suggestions.ts';
import { keys } from '../../api/keys.ts';
import { EChart } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CongressSelect } from '../../components/congresses.tsx';
import { QueryError, useReportError } from '../../components/errors.tsx';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { formatRate } from '../../lib/format.ts';
import { recentYears } from './filters.ts';
import { STATS_COLORS, classPieOption, monthOption, unitRatesOption } from './statsCharts.ts';

const GROUPS: { value: StatsGroupBy; label: StringKey; column: StringKey }[] = [
  { value: 'unit', label: 'sug.stats.byUnit', column: 'sug.leadUnit' },
  { value: 'category', label: 'sug.stats.byCategory', column: 'sug.category' },
  { value: 'class', label: 'sug.stats.byClass', column: 'sug.replyClass' },
  { value: 'congress', label: 'sug.stats.byCongress', column: 'sug.congress' },
  { value: 'month', label: 'sug.stats.byMonth', column: 'sug.stats.month' },
];
const isGroup = (v: string | null): v is StatsGroupBy => GROUPS.some((g) => g.value === v);

export function StatsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [params, setParams] = useSearchParams();
  const thisYear = recentYears(1)[0]!;
  const year = numberOrUndefined(params.get('year') ?? undefined) ?? thisYear;
  const congressId = numberOrUndefined(params.get('congressId') ?? undefined);
  const groupParam = params.get('groupBy');
  const groupBy: StatsGroupBy = isGroup(groupParam) ? groupParam : 'unit';
  const set = (patch: Record<string, string | number | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );

  const base = { year, congressId };
  const stats = (g: StatsGroupBy) => ({
    queryKey: [...keys.suggestions, 'stats', { ...base, groupBy: g }],
    queryFn: ({ signal }: { signal: AbortSignal }) => getSuggestionStats({ ...base, groupBy: g }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const table = useQuery(stats(groupBy));
  const byUnit = useQuery(stats('unit'));
  const byMonth = useQuery(stats('month'));
  const d = table.data;

  const options = useMemo(
    () => ({
      units: byUnit.data ? unitRatesOption(t, byUnit.data.rows, narrow ? 8 : 14) : null,
      months: byMonth.data ? monthOption(t, byMonth.data.rows, narrow) : null,
      classes: d ? classPieOption(t, d.total) : null,
    }),
    [byUnit.data, byMonth.data, d, t, narrow],
  );

  const download = async (what: 'xlsx' | 'docx') => {
    const hide = message.loading(t('sug.stats.preparing'), 0);
    try {
      const query: StatsQuery = { year, congressId, groupBy };
      const name =
        what === 'xlsx' ? await exportSuggestionStats(query) : await downloadYearReport({ year, congressId });
      void message.success(t('sug.stats.downloaded', { name }));
    } catch (err) {
      report(err);
    } finally {
      hide();
    }
  };

  const unitsShown = (byUnit.data?.rows ?? []).filter(
    (r) => r.counts.assigned > 0 || r.counts.replied > 0,
  ).length;

  return (
    <div>
      <PageHeader
        title={t('nav.sugStats')}
        subtitle={t('sug.stats.subtitle', { year })}
        extra={
          <>
            <Button icon={<FileExcelOutlined />} onClick={() => void download('xlsx')}>
              {t('sug.stats.exportXlsx')}
            </Button>
            <Button icon={<FileWordOutlined />} onClick={() => void download('docx')}>
              {t('sug.stats.reportDocx')}
            </Button>
          </>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <Select
            value={year}
            onChange={(v: number) => set({ year: v === thisYear ? undefined : v })}
            options={recentYears(8).map((y) => ({ value: y, label: t('sug.yearN', { n: y }) }))}
            aria-label={t('sug.year')}
          />
          <CongressSelect
            value={congressId}
            onChange={(id) => set({ congressId: id })}
            placeholder={t('sug.stats.allCongresses')}
          />
          {narrow ? (
            <Select<StatsGroupBy>
              value={groupBy}
              onChange={(v) => set({ groupBy: v === 'unit' ? undefined : v })}
              options={GROUPS.map((g) => ({ value: g.value, label: t(g.label) }))}
              aria-label={t('sug.stats.groupBy')}
            />
          ) : (
            <div className="filter-wide stats-group">
              <Segmented<StatsGroupBy>
                value={groupBy}
                onChange={(v) => set({ groupBy: v === 'unit' ? undefined : v })}
                options={GROUPS.map((g) => ({ value: g.value, label: t(g.label) }))}
              />
            </div>
          )}
        </div>
      </Card>
      {table.isError ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : !d ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Headline total={d.total} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={14}>
              <Card
                variant="borderless"
                title={t('sug.stats.unitChart')}
                style={{ height: '100%' }}
                extra={<Hint text={t('sug.stats.unitChartHint')} />}
              >
                {!options.units || unitsShown === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    option={options.units}
                    height={Math.max(240, Math.min(unitsShown, narrow ? 8 : 14) * 40 + 50)}
                    ariaLabel={t('sug.stats.unitChart')}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card variant="borderless" title={t('sug.stats.classChart')} style={{ height: '100%' }}>
                {d.total.counts.replied === 0 || !options.classes ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sug.stats.noReplies')} />
                ) : (
                  <EChart option={options.classes} height={300} ariaLabel={t('sug.stats.classChart')} />
                )}
              </Card>
            </Col>
            <Col span={24}>
              <Card variant="borderless" title={t('sug.stats.monthChart')}>
                {!options.months || (byMonth.data?.rows.length ?? 0) === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    option={options.months}
                    height={narrow ? 300 : 320}
                    ariaLabel={t('sug.stats.monthChart')}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <StatsTable rows={d.rows} total={d.total} groupBy={groupBy} />
        </>
      )}
    </div>
  );
}

function Hint({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12, cursor: 'help' }}>ⓘ</span>
    </Tooltip>
  );
}

function Headline({ total }: { total: StatsRow }) {
  const { t } = useI18n();
  const c = total.counts;
  const cards: {
    key: string;
    title: string;
    tip?: string;
    value: ReactNode;
    color: string;
    sub?: ReactNode;
    apart?: boolean;
  }[] = [
    {
      key: 'registered',
      title: t('sug.stats.registered'),
      value: c.registered.toLocaleString(),
      color: STATS_COLORS.registered,
      sub: t('sug.stats.assignedN', { n: c.assigned }),
    },
    {
      key: 'replied',
      title: t('sug.stats.replied'),
      value: c.replied.toLocaleString(),
      color: STATS_COLORS.replied,
      sub: t('sug.stats.onTimeN', { n: c.repliedOnTime }),
    },
    {
      key: 'onTime',
      title: t('sug.stats.onTimeRate'),
      tip: t('sug.stats.onTimeTip'),
      value: formatRate(total.rates.onTime),
      color: STATS_COLORS.onTime,
    },
    {
      key: 'classes',
      title: t('sug.stats.classes'),
      tip: t('sug.stats.classesTip'),
      value: (
        <span className="kpi-abc">
          <span style={{ color: STATS_COLORS.classA }}>{c.classA}</span>
          <span className="kpi-sep">/</span>
          <span style={{ color: STATS_COLORS.classB }}>{c.classB}</span>
          <span className="kpi-sep">/</span>
          <span style={{ color: STATS_COLORS.classC }}>{c.classC}</span>
        </span>
      ),
      color: STATS_COLORS.classA,
      sub: t('sug.stats.solvedRate', { rate: formatRate(total.rates.solved) }),
    },
    {
      key: 'satisfaction',
      title: t('sug.stats.satisfactionRate'),
      tip: t('sug.stats.satisfactionTip'),
      value: formatRate(total.rates.satisfaction),
      color: STATS_COLORS.satisfaction,
      sub: t('sug.stats.evaluatedN', { n: c.evaluated, u: c.unsatisfied }),
    },
    {
      key: 'unevaluated',
      title: t('sug.stats.unevaluated'),
      tip: t('sug.stats.unevaluatedTip'),
      value: c.unevaluated.toLocaleString(),
      color: '#8c8c8c',
      apart: true,
    },
    {
      key: 'rehandled',
      title: t('sug.stats.rehandled'),
      value: c.rehandled.toLocaleString(),
      color: '#d4380d',
    },
    {
      key: 'key',
      title: t('sug.stats.key'),
      value: c.key.toLocaleString(),
      color: '#a8071a',
    },
    {
      key: 'overdue',
      title: t('sug.stats.overdue'),
      tip: t('sug.stats.overdueTip'),
      value: c.overdue.toLocaleString(),
      color: c.overdue > 0 ? '#cf1322' : '#8c8c8c',
    },
    {
      key: 'commitments',
      title: t('sug.stats.commitments'),
      tip: t('sug.stats.commitmentsTip'),
      value: `${c.commitmentsDone}/${c.commitmentsDone + c.commitmentsOpen}`,
      color: '#0e7c86',
      sub: t('sug.stats.commitmentsOpen', { n: c.commitmentsOpen }),
    },
  ];
  return (
    <div className="kpi-grid-10">
      {cards.map((k) => (
        <Card
          key={k.key}
          variant="borderless"
          className={`kpi-card kpi-static${k.apart ? ' kpi-card-apart' : ''}`}
        >
          {k.tip ? (
            <Tooltip title={k.tip}>
              <div className="kpi-title">{k.title}</div>
            </Tooltip>
          ) : (
            <div className="kpi-title">{k.title}</div>
          )}
          <div className="kpi-value" style={{ color: k.color }}>
            {k.value}
          </div>
          {k.sub && <div className="kpi-sub">{k.sub}</div>}
        </Card>
      ))}
    </div>
  );
}

function StatsTable({ rows, total, groupBy }: { rows: StatsRow[]; total: StatsRow; groupBy: StatsGroupBy }) {
  const { t } = useI18n();
  const group = GROUPS.find((g) => g.value === groupBy)!;
  const n = (pick: (r: StatsRow) => number) => (_: unknown, r: StatsRow) => pick(r).toLocaleString();
  const rate = (pick: (r: StatsRow) => number | null) => (_: unknown, r: StatsRow) => formatRate(pick(r));
  const num = { align: 'right' as const, width: 72 };
  const columns: TableColumnsType<StatsRow> = [
    {
      title: t(group.column),
      dataIndex: 'label',
      fixed: 'left',
      width: 210,
      render: (label: string, r) => (r.key === '__total' ? <strong>{label}</strong> : label),
    },
    { title: t('sug.stats.registered'), key: 'registered', ...num, render: n((r) => r.counts.registered) },
    { title: t('sug.stats.assigned'), key: 'assigned', ...num, render: n((r) => r.counts.assigned) },
    { title: t('sug.stats.replied'), key: 'replied', ...num, render: n((r) => r.counts.replied) },
    {
      title: t('sug.stats.onTimeRate'),
      key: 'onTime',
      ...num,
      width: 96,
      render: rate((r) => r.rates.onTime),
    },
    { title: 'A', key: 'a', ...num, width: 56, render: n((r) => r.counts.classA) },
    { title: 'B', key: 'b', ...num, width: 56, render: n((r) => r.counts.classB) },
    { title: 'C', key: 'c', ...num, width: 56, render: n((r) => r.counts.classC) },
    { title: t('sug.stats.evaluated'), key: 'evaluated', ...num, render: n((r) => r.counts.evaluated) },
    {
      title: t('sug.stats.satisfactionRate'),
      key: 'satisfaction',
      ...num,
      width: 96,
      render: rate((r) => r.rates.satisfaction),
    },
    { title: t('sug.stats.unsatisfied'), key: 'unsatisfied', ...num, render: n((r) => r.counts.unsatisfied) },
    { title: t('sug.stats.unevaluated'), key: 'unevaluated', ...num, render: n((r) => r.counts.unevaluated) },
    { title: t('sug.stats.rehandled'), key: 'rehandled', ...num, render: n((r) => r.counts.rehandled) },
    { title: t('sug.stats.key'), key: 'key', ...num, render: n((r) => r.counts.key) },
    { title: t('sug.stats.overdue'), key: 'overdue', ...num, render: n((r) => r.counts.overdue) },
    {
      title: t('sug.stats.commitments'),
      key: 'commitments',
      align: 'right',
      width: 110,
      render: (_: unknown, r) =>
        `${r.counts.commitmentsDone}/${r.counts.commitmentsDone + r.counts.commitmentsOpen}`,
    },
  ];
  const data = [...rows, { ...total, key: '__total', label: t('sug.stats.total') }];
  return (
    <Card variant="borderless" title={t('sug.stats.table')}>
      <Table<StatsRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={data}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 20 ? { pageSize: 21, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: t('common.empty') }}
      />
    </Card>
  );
}
