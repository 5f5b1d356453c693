/**
 * The ledger's summary (办理进度表): the list's scope rolled up by station, group, unit, category or
 * jurisdiction with the KPI columns. A row's name narrows the ledger to it. The summary counts by
 * month, so a date range is widened to whole months here.
 */
import { useState } from 'react';
import { Card, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getLedgerSummary } from '../../api/dashboard.ts';
import type { KpiView, LedgerSummary, LedgerSummaryQuery } from '../../api/types.ts';
import { useCategories, useCategoryName } from '../../components/congresses.tsx';
import { QueryError } from '../../components/errors.tsx';
import { numberOrUndefined } from '../../components/paging.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { OpinionFilterKey, OpinionFilters, SetOpinionFilters } from './filters.ts';
import { kpiColumns } from './kpiColumns.tsx';

type GroupBy = LedgerSummaryQuery['groupBy'];
type Row = LedgerSummary['rows'][number];

const FILTER_OF: Record<GroupBy, OpinionFilterKey> = {
  station: 'stationId',
  group: 'groupId',
  unit: 'unitId',
  category: 'categoryCode',
  jurisdiction: 'jurisdictionId',
};

export function LedgerSummaryCard({
  filters,
  setFilters,
}: {
  filters: OpinionFilters;
  setFilters: SetOpinionFilters;
}) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const categories = useCategories();
  const categoryName = useCategoryName();

  const query: LedgerSummaryQuery = {
    groupBy,
    jurisdictionId: numberOrUndefined(filters.jurisdictionId),
    from: filters.from?.slice(0, 7),
    to: filters.to?.slice(0, 7),
    unitId: numberOrUndefined(filters.unitId),
    stationId: numberOrUndefined(filters.stationId),
    categoryCode: filters.categoryCode,
  };
  const data = useQuery({
    queryKey: ['opinions', 'summary', query],
    queryFn: ({ signal }) => getLedgerSummary(query, signal),
    placeholderData: keepPreviousData,
  });

  /** The category's code from the row's key (the server may name it by code or by label). */
  const codeOf = (name: string) =>
    categories.data?.find((c) => c.code === name || c.nameZh === name || c.nameEn === name)?.code;

  const pick = (row: Row) => {
    const key = FILTER_OF[groupBy];
    const value = groupBy === 'category' ? (row.key.code ?? codeOf(row.key.name)) : row.key.id;
    if (value !== undefined && value !== 0) setFilters({ [key]: value });
  };

  const nameTitle: Record<GroupBy, string> = {
    station: t('op.station'),
    group: t('op.group'),
    unit: t('op.unit'),
    category: t('op.category'),
    jurisdiction: t('common.jurisdiction'),
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: nameTitle[groupBy],
      fixed: 'left',
      width: 180,
      render: (_: unknown, row) => {
        const code = groupBy === 'category' ? (row.key.code ?? codeOf(row.key.name)) : undefined;
        const name = code ? categoryName(code) : row.key.name;
        const none = groupBy === 'category' ? !code : row.key.id === 0;
        return none ? (
          <Typography.Text type="secondary">{name || t('op.summary.none')}</Typography.Text>
        ) : (
          <a onClick={() => pick(row)}>{name}</a>
        );
      },
    },
    ...kpiColumns<Row>(t, (r) => r.kpis),
  ];

  const total = data.data?.total;
  return (
    <Card variant="borderless" title={t('op.summary.title')} style={{ marginBottom: 16 }}>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<GroupBy>
          size="small"
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'station', label: t('op.summary.byStation') },
            { value: 'group', label: t('op.summary.byGroup') },
            { value: 'unit', label: t('op.summary.byUnit') },
            { value: 'category', label: t('op.summary.byCategory') },
            { value: 'jurisdiction', label: t('op.summary.byJurisdiction') },
          ]}
        />
      </div>
      {data.isError ? (
        <QueryError error={data.error} compact onRetry={() => void data.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.key.id}-${r.key.name}`}
          columns={columns}
          dataSource={data.data?.rows}
          loading={data.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
          summary={() => (total ? <SummaryRow total={total} /> : null)}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('op.summary.note')}
      </Typography.Paragraph>
    </Card>
  );
}

function SummaryRow({ total }: { total: KpiView }) {
  const { t } = useI18n();
  const cells = kpiColumns<KpiView>(t, (k) => k);
  return (
    <Table.Summary fixed>
      <Table.Summary.Row style={{ background: '#fafbfc', fontWeight: 600 }}>
        <Table.Summary.Cell index={0}>{t('op.summary.total')}</Table.Summary.Cell>
        {cells.map((c, i) => (
          <Table.Summary.Cell key={String(c.key)} index={i + 1} align="right">
            {(c as { render: (v: unknown, row: KpiView) => React.ReactNode }).render(null, total)}
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  );
}
