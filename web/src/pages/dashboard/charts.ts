/** The dashboard's chart options, built from the KPI views (rates as percentages, null left as a gap). */
import type { Dashboard, KpiView } from '../../api/types.ts';
import type { ChartOption } from '../../components/EChart.tsx';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import { formatRate } from '../../lib/format.ts';

export const COLORS = {
  collected: '#1f4e8c',
  handled: '#5b8fd1',
  response: '#0e7c86',
  onTime: '#c77700',
  resolution: '#2e7d32',
  satisfaction: '#a8071a',
};

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const pctLabel = (v: unknown) =>
  v === null || v === undefined || v === '-' ? '—' : `${Number(v).toFixed(1)}%`;

const baseText = { fontFamily: 'inherit' };

export function trendOption(t: Translate, rows: Dashboard['byMonth'], narrow: boolean): ChartOption {
  const months = rows.map((r) => r.month);
  const rate = (name: string, color: string, pick: (k: KpiView) => number | null) => ({
    name,
    type: 'line',
    yAxisIndex: 1,
    smooth: true,
    symbolSize: 6,
    connectNulls: false,
    itemStyle: { color },
    data: rows.map((r) => pct(pick(r.kpis))),
    tooltip: { valueFormatter: pctLabel },
  });
  return {
    textStyle: baseText,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: narrow ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: t('dash.items'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('kpi.collected'),
        type: 'bar',
        barMaxWidth: 26,
        itemStyle: { color: COLORS.collected },
        data: rows.map((r) => r.kpis.counts.collected),
      },
      {
        name: t('kpi.handled'),
        type: 'bar',
        barMaxWidth: 26,
        itemStyle: { color: COLORS.handled },
        data: rows.map((r) => r.kpis.counts.handled),
      },
      rate(t('kpi.responseRate'), COLORS.response, (k) => k.responseRate),
      rate(t('kpi.onTimeRate'), COLORS.onTime, (k) => k.onTimeRate),
      rate(t('kpi.resolutionRate'), COLORS.resolution, (k) => k.resolutionRate),
      rate(t('kpi.satisfactionRate'), COLORS.satisfaction, (k) => k.satisfactionRate),
    ],
  };
}

export function jurisdictionOption(t: Translate, rows: Dashboard['byJurisdiction']): ChartOption {
  const sorted = [...rows].sort((a, b) => b.kpis.counts.collected - a.kpis.counts.collected);
  return {
    textStyle: baseText,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: sorted.map((r) => r.jurisdiction.name),
      axisLabel: { interval: 0, rotate: sorted.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('kpi.collected'),
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: COLORS.collected },
        data: sorted.map((r) => ({ value: r.kpis.counts.collected, id: r.jurisdiction.id })),
      },
      {
        name: t('kpi.handled'),
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: COLORS.handled },
        data: sorted.map((r) => ({ value: r.kpis.counts.handled, id: r.jurisdiction.id })),
      },
    ],
  };
}

/** Units ranked by on-time rate (then satisfaction); the best at the top. */
export function unitsOption(t: Translate, rows: Dashboard['byUnit'], limit = 12): ChartOption {
  const ranked = [...rows]
    .filter((r) => r.kpis.counts.collected > 0)
    .sort(
      (a, b) =>
        (b.kpis.onTimeRate ?? -1) - (a.kpis.onTimeRate ?? -1) ||
        (b.kpis.satisfactionRate ?? -1) - (a.kpis.satisfactionRate ?? -1),
    )
    .slice(0, limit)
    .reverse();
  const tip = (r: (typeof rows)[number]) =>
    `${r.unit.name}<br/>${t('kpi.collected')} ${r.kpis.counts.collected} · ${t('kpi.onTimeRate')} ${formatRate(
      r.kpis.onTimeRate,
    )} · ${t('kpi.satisfactionRate')} ${formatRate(r.kpis.satisfactionRate)}`;
  return {
    textStyle: baseText,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => (ranked[p.dataIndex] ? tip(ranked[p.dataIndex]!) : ''),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: ranked.map((r) => r.unit.name),
      axisLabel: { width: 130, overflow: 'truncate' },
    },
    series: [
      {
        name: t('kpi.onTimeRate'),
        type: 'bar',
        barMaxWidth: 12,
        itemStyle: { color: COLORS.onTime },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => pctLabel(p.value),
          fontSize: 10,
        },
        data: ranked.map((r) => ({ value: pct(r.kpis.onTimeRate), id: r.unit.id })),
      },
      {
        name: t('kpi.satisfactionRate'),
        type: 'bar',
        barMaxWidth: 12,
        itemStyle: { color: COLORS.satisfaction },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: unknown }) => pctLabel(p.value),
          fontSize: 10,
        },
        data: ranked.map((r) => ({ value: pct(r.kpis.satisfactionRate), id: r.unit.id })),
      },
    ],
  };
}

export function categoriesOption(
  t: Translate,
  rows: Dashboard['byCategory'],
  nameOf: (code: string) => string,
  narrow: boolean,
): ChartOption {
  const data = rows
    .filter((r) => r.kpis.counts.collected > 0)
    .sort((a, b) => b.kpis.counts.collected - a.kpis.counts.collected)
    .map((r) => ({
      name: r.categoryCode ? nameOf(r.categoryCode) : t('op.uncategorised'),
      value: r.kpis.counts.collected,
      code: r.categoryCode,
    }));
  return {
    textStyle: baseText,
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} ({d}%)' },
    legend: narrow
      ? { bottom: 0, type: 'scroll' }
      : { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
    series: [
      {
        name: t('kpi.collected'),
        type: 'pie',
        radius: ['42%', '70%'],
        center: narrow ? ['50%', '42%'] : ['36%', '50%'],
        avoidLabelOverlap: true,
        // With many slices the labels collide: the legend names them and the tooltip gives the share.
        label: { show: !narrow && data.length <= 6, formatter: '{b}\n{d}%', fontSize: 11 },
        data,
      },
    ],
  };
}
