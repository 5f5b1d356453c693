/** The KPI columns shared by the ledger's summary table and the dashboard's tables. */
import { Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { KpiView } from '../../api/types.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import { formatRate } from '../../lib/format.ts';

/** 未评价: replied or answered items the citizen has not rated (waiting, or closed without a rating). */
export const unratedOf = (k: KpiView) => k.counts.awaiting_feedback + k.counts.closed_unrated;

const num = (n: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n.toLocaleString()}</span>;
const rate = (r: number | null) =>
  r === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(r)}</span>
  );

export function kpiColumns<T>(t: Translate, kpisOf: (row: T) => KpiView): TableColumnsType<T> {
  const col = (
    key: string,
    title: string,
    tip: string,
    render: (k: KpiView) => React.ReactNode,
    sorter: (k: KpiView) => number,
  ) => ({
    key,
    title: <Tooltip title={tip}>{title}</Tooltip>,
    align: 'right' as const,
    width: 96,
    render: (_: unknown, row: T) => render(kpisOf(row)),
    sorter: (a: T, b: T) => sorter(kpisOf(a)) - sorter(kpisOf(b)),
  });
  return [
    col(
      'collected',
      t('kpi.collected'),
      t('kpi.collectedTip'),
      (k) => num(k.counts.collected),
      (k) => k.counts.collected,
    ),
    col(
      'handled',
      t('kpi.handled'),
      t('kpi.handledTip'),
      (k) => num(k.counts.handled),
      (k) => k.counts.handled,
    ),
    col(
      'response',
      t('kpi.responseRate'),
      t('kpi.responseRateTip'),
      (k) => rate(k.responseRate),
      (k) => k.responseRate ?? -1,
    ),
    col(
      'onTime',
      t('kpi.onTimeRate'),
      t('kpi.onTimeRateTip'),
      (k) => rate(k.onTimeRate),
      (k) => k.onTimeRate ?? -1,
    ),
    col(
      'resolution',
      t('kpi.resolutionRate'),
      t('kpi.resolutionRateTip'),
      (k) => rate(k.resolutionRate),
      (k) => k.resolutionRate ?? -1,
    ),
    col(
      'satisfaction',
      t('kpi.satisfactionRate'),
      t('kpi.satisfactionRateTip'),
      (k) => rate(k.satisfactionRate),
      (k) => k.satisfactionRate ?? -1,
    ),
    col('unrated', t('kpi.unrated'), t('kpi.unratedTip'), (k) => num(unratedOf(k)), unratedOf),
    col(
      'rehandled',
      t('kpi.rehandled'),
      t('kpi.rehandledTip'),
      (k) => num(k.counts.rehandled),
      (k) => k.counts.rehandled,
    ),
  ];
}
