/**
 * 数据看板: the KPIs of DESIGN.md §5 for a scope (a jurisdiction, default the user's), a month range,
 * and optionally a unit or a category. Every figure opens the ledger filtered to what it counts.
 */
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Card, Col, DatePicker, Empty, Grid, Row, Skeleton, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDashboard } from '../../api/dashboard.ts';
import { keys } from '../../api/keys.ts';
import type { Dashboard, DashboardQuery } from '../../api/types.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/errors.tsx';
import { CategorySelect, useCategoryName } from '../../components/congresses.tsx';
import { EChart } from '../../components/EChart.tsx';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime, formatRate } from '../../lib/format.ts';
import { ledgerLink, type OpinionFilterKey } from '../opinions/filters.ts';
import { kpiColumns, unratedOf } from '../opinions/kpiColumns.tsx';
import { categoriesOption, COLORS, jurisdictionOption, trendOption, unitsOption } from './charts.ts';

type LedgerFilters = Partial<Record<OpinionFilterKey, string | number | boolean | undefined>>;

/** 'YYYY-MM' → the first and last day of that month. */
const monthStart = (m: string) => `${m}-01`;
const monthEnd = (m: string) => dayjs(`${m}-01`).endOf('month').format('YYYY-MM-DD');

export function DashboardPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const categoryName = useCategoryName();
  const [params, setParams] = useSearchParams();

  const query: DashboardQuery = {
    jurisdictionId: numberOrUndefined(params.get('jurisdictionId') ?? undefined),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    unitId: numberOrUndefined(params.get('unitId') ?? undefined),
    categoryCode: params.get('categoryCode') ?? undefined,
  };
  const set = (patch: Partial<Record<keyof DashboardQuery, string | number | undefined>>) =>
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

  const data = useQuery({
    queryKey: [...keys.dashboard, query],
    queryFn: ({ signal }) => getDashboard(query, signal),
    placeholderData: keepPreviousData,
  });
  const d = data.data;

  /** The ledger for this scope and period, narrowed further by `extra`. */
  const toLedger = (extra: LedgerFilters = {}) => {
    const from = d?.from ?? query.from;
    const to = d?.to ?? query.to;
    void navigate(
      ledgerLink({
        jurisdictionId: query.jurisdictionId,
        unitId: query.unitId,
        categoryCode: query.categoryCode,
        from: from ? monthStart(from.slice(0, 7)) : undefined,
        to: to ? monthEnd(to.slice(0, 7)) : undefined,
        ...extra,
      }),
    );
  };

  const options = useMemo(() => {
    if (!d) return null;
    return {
      trend: trendOption(t, d.byMonth, narrow),
      jurisdictions: jurisdictionOption(t, d.byJurisdiction),
      units: unitsOption(t, d.byUnit, narrow ? 8 : 12),
      categories: categoriesOption(t, d.byCategory, categoryName, narrow),
    };
  }, [d, t, narrow, categoryName]);

  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    query.from ? dayjs(`${query.from}-01`) : d ? dayjs(`${d.from.slice(0, 7)}-01`) : null,
    query.to ? dayjs(`${query.to}-01`) : d ? dayjs(`${d.to.slice(0, 7)}-01`) : null,
  ];

  return (
    <div>
      <PageHeader
        title={t('nav.dashboard')}
        subtitle={
          d
            ? t('dash.subtitle', {
                scope: d.scope.name,
                from: d.from.slice(0, 7),
                to: d.to.slice(0, 7),
                at: formatDateTime(d.generatedAt, false),
              })
            : t('dash.subtitleLoading')
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 4 } }}>
        <div className="filter-bar" style={{ marginBottom: 12 }}>
          <JurisdictionTreeSelect
            value={query.jurisdictionId}
            onChange={(id) => set({ jurisdictionId: id })}
            placeholder={t('dash.scopeDefault')}
          />
          <DatePicker.RangePicker
            picker="month"
            className="filter-wide"
            style={{ width: '100%' }}
            value={range}
            allowClear
            disabledDate={(m) => m.isAfter(dayjs(), 'month')}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM'), to: r?.[1]?.format('YYYY-MM') })}
          />
          <UnitPicker
            jurisdictionId={query.jurisdictionId}
            value={query.unitId}
            onChange={(id) => set({ unitId: id })}
          />
          <CategorySelect
            value={query.categoryCode}
            onChange={(v) => set({ categoryCode: typeof v === 'string' ? v : undefined })}
          />
        </div>
      </Card>
      {data.isError ? (
        <QueryError error={data.error} onRetry={() => void data.refetch()} />
      ) : !d || !options ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Headline d={d} onOpen={toLedger} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col span={24}>
              <Card variant="borderless" title={t('dash.trend')} extra={<Hint text={t('dash.clickHint')} />}>
                {d.byMonth.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    option={options.trend}
                    height={narrow ? 300 : 340}
                    ariaLabel={t('dash.trend')}
                    onClick={(e) => {
                      const row = d.byMonth[e.dataIndex];
                      if (row) toLedger({ from: monthStart(row.month), to: monthEnd(row.month) });
                    }}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card variant="borderless" title={t('dash.byJurisdiction')} style={{ height: '100%' }}>
                {d.byJurisdiction.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.noChildren')} />
                ) : (
                  <EChart
                    option={options.jurisdictions}
                    height={320}
                    ariaLabel={t('dash.byJurisdiction')}
                    onClick={(e) => {
                      const id = (e.data as { id?: number } | null)?.id;
                      if (id) toLedger({ jurisdictionId: id });
                    }}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card variant="borderless" title={t('dash.byCategory')} style={{ height: '100%' }}>
                {d.byCategory.every((c) => c.kpis.counts.collected === 0) ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    option={options.categories}
                    height={320}
                    ariaLabel={t('dash.byCategory')}
                    onClick={(e) => {
                      const code = (e.data as { code?: string } | null)?.code;
                      if (code) toLedger({ categoryCode: code });
                    }}
                  />
                )}
              </Card>
            </Col>
            <Col span={24}>
              <Card
                variant="borderless"
                title={t('dash.byUnit')}
                extra={<Hint text={t('dash.byUnitHint')} />}
              >
                {d.byUnit.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <EChart
                    option={options.units}
                    height={Math.max(240, Math.min(d.byUnit.length, narrow ? 8 : 12) * 44 + 50)}
                    ariaLabel={t('dash.byUnit')}
                    onClick={(e) => {
                      const id = (e.data as { id?: number } | null)?.id;
                      if (id) toLedger({ unitId: id });
                    }}
                  />
                )}
              </Card>
            </Col>
            <Col span={24}>
              <StationsTable rows={d.byStation} onOpen={(id) => toLedger({ stationId: id })} />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

function Hint({ text }: { text: string }) {
  return (
    <Tooltip title={text}>
      <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
    </Tooltip>
  );
}

function Headline({ d, onOpen }: { d: Dashboard; onOpen: (extra?: LedgerFilters) => void }) {
  const { t } = useI18n();
  const k = d.total;
  const unrated = unratedOf(k);
  const cards: {
    key: string;
    title: string;
    tip: string;
    value: string;
    color: string;
    sub?: React.ReactNode;
    open: LedgerFilters;
  }[] = [
    {
      key: 'collected',
      title: t('kpi.collected'),
      tip: t('kpi.collectedTip'),
      value: k.counts.collected.toLocaleString(),
      color: COLORS.collected,
      open: {},
    },
    {
      key: 'handled',
      title: t('kpi.handled'),
      tip: t('kpi.handledTip'),
      value: k.counts.handled.toLocaleString(),
      color: COLORS.handled,
      sub: t('dash.overdueOpen', { n: k.counts.overdue_open }),
      open: {},
    },
    {
      key: 'response',
      title: t('kpi.responseRate'),
      tip: t('kpi.responseRateTip'),
      value: formatRate(k.responseRate),
      color: COLORS.response,
      sub: t('dash.responsePending', { n: k.responsePending }),
      open: {},
    },
    {
      key: 'onTime',
      title: t('kpi.onTimeRate'),
      tip: t('kpi.onTimeRateTip'),
      value: formatRate(k.onTimeRate),
      color: COLORS.onTime,
      sub: t('dash.replied', { n: k.counts.replied }),
      open: {},
    },
    {
      key: 'resolution',
      title: t('kpi.resolutionRate'),
      tip: t('kpi.resolutionRateTip'),
      value: formatRate(k.resolutionRate),
      color: COLORS.resolution,
      sub: t('dash.solved', { n: k.counts.solved }),
      open: {},
    },
    {
      key: 'satisfaction',
      title: t('kpi.satisfactionRate'),
      tip: t('kpi.satisfactionRateTip'),
      value: formatRate(k.satisfactionRate),
      color: COLORS.satisfaction,
      sub: t('dash.rated', { n: k.counts.rated }),
      open: {},
    },
    {
      key: 'unrated',
      title: t('kpi.unrated'),
      tip: t('kpi.unratedTip'),
      value: t('dash.nItems', { n: unrated }),
      color: '#8c8c8c',
      open: { status: 'AWAITING_FEEDBACK,CLOSED_UNRATED' },
    },
    {
      key: 'rehandled',
      title: t('kpi.rehandled'),
      tip: t('kpi.rehandledTip'),
      value: k.counts.rehandled.toLocaleString(),
      color: '#d4380d',
      open: { rehandled: true },
    },
  ];
  return (
    <div className="kpi-grid">
      {cards.map((c) => (
        <Card
          key={c.key}
          variant="borderless"
          hoverable
          className={`kpi-card${c.key === 'unrated' ? ' kpi-card-apart' : ''}`}
          onClick={() => onOpen(c.open)}
          role="link"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onOpen(c.open);
          }}
        >
          <Tooltip title={c.tip}>
            <div className="kpi-title">{c.title}</div>
          </Tooltip>
          <div className="kpi-value" style={{ color: c.color }}>
            {c.value}
          </div>
          {c.sub && <div className="kpi-sub">{c.sub}</div>}
        </Card>
      ))}
    </div>
  );
}

function StationsTable({ rows, onOpen }: { rows: Dashboard['byStation']; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  type Row = Dashboard['byStation'][number];
  const sorted = [...rows].sort((a, b) => b.kpis.counts.collected - a.kpis.counts.collected);
  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('op.station'),
      fixed: 'left',
      width: 180,
      render: (_: unknown, r) =>
        r.station.id ? (
          <a onClick={() => onOpen(r.station.id)}>{r.station.name}</a>
        ) : (
          <Typography.Text type="secondary">{r.station.name || t('dash.noStation')}</Typography.Text>
        ),
    },
    ...kpiColumns<Row>(t, (r) => r.kpis),
  ];
  return (
    <Card variant="borderless" title={t('dash.byStation')}>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.station.id}-${r.station.name}`}
        columns={columns}
        dataSource={sorted}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
      />
    </Card>
  );
}
