/** The suggestion statistics' chart options (rates as percentages, a missing rate left as a gap). */
import type { StatsRow } from '../../api/suggestions.ts';
import type { ChartOption } from '../../components/EChart.tsx';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import { formatRate } from '../../lib/format.ts';

export const STATS_COLORS = {
  registered: '#1f4e8c',
  replied: '#5b8fd1',
  onTime: '#c77700',
  satisfaction: '#a8071a',
  classA: '#2e7d32',
  classB: '#d4a106',
  classC: '#8c8c8c',
};

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const pctLabel = (v: unknown) =>
  v === null || v === undefined || v === '-' ? '—' : `${Number(v).toFixed(1)}%`;
const baseText = { fontFamily: 'inherit' };

/** Units ranked by on-time rate, then satisfaction: the best at the top. */
export function unitRatesOption(t: Translate, rows: StatsRow[], limit: number): ChartOption {
  const ranked = [...rows]
    .filter((r) => r.counts.assigned > 0 || r.counts.replied > 0)
    .sort(
      (a, b) =>
        (b.rates.onTime ?? -1) - (a.rates.onTime ?? -1) ||
        (b.rates.satisfaction ?? -1) - (a.rates.satisfaction ?? -1) ||
        b.counts.assigned - a.counts.assigned,
    )
    .slice(0, limit)
    .reverse();
  const tip = (r: StatsRow) =>
    `${r.label}<br/>${t('sug.stats.assigned')} ${r.counts.assigned} · ${t('sug.stats.replied')} ${r.counts.replied}<br/>${t(
      'sug.stats.onTimeRate',
    )} ${formatRate(r.rates.onTime)} · ${t('sug.stats.satisfactionRate')} ${formatRate(r.rates.satisfaction)}`;
  const bar = (name: string, color: string, pick: (r: StatsRow) => number | null) => ({
    name,
    type: 'bar',
    barMaxWidth: 12,
    itemStyle: { color },
    label: {
      show: true,
      position: 'right',
      formatter: (p: { value: unknown }) => pctLabel(p.value),
      fontSize: 10,
    },
    data: ranked.map((r) => pct(pick(r))),
  });
  return {
    textStyle: baseText,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => (ranked[p.dataIndex] ? tip(ranked[p.dataIndex]!) : ''),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 44, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: ranked.map((r) => r.label),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      bar(t('sug.stats.onTimeRate'), STATS_COLORS.onTime, (r) => r.rates.onTime),
      bar(t('sug.stats.satisfactionRate'), STATS_COLORS.satisfaction, (r) => r.rates.satisfaction),
    ],
  };
}

/** Replies by class A / B / C. */
export function classPieOption(t: Translate, total: StatsRow): ChartOption {
  const c = total.counts;
  return {
    textStyle: baseText,
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        name: t('sug.replyClass'),
        type: 'pie',
        radius: ['40%', '64%'],
        center: ['50%', '45%'],
        label: { show: true, formatter: '{b} {c}', fontSize: 12, overflow: 'none' },
        data: [
          { name: t('sug.stats.classA'), value: c.classA, itemStyle: { color: STATS_COLORS.classA } },
          { name: t('sug.stats.classB'), value: c.classB, itemStyle: { color: STATS_COLORS.classB } },
          { name: t('sug.stats.classC'), value: c.classC, itemStyle: { color: STATS_COLORS.classC } },
        ],
      },
    ],
  };
}

/** Month by month: registered and replied as bars, the on-time and satisfaction rates as lines. */
export function monthOption(t: Translate, rows: StatsRow[], narrow: boolean): ChartOption {
  const months = rows.map((r) => r.label);
  const rate = (name: string, color: string, pick: (r: StatsRow) => number | null) => ({
    name,
    type: 'line',
    yAxisIndex: 1,
    smooth: true,
    symbolSize: 6,
    connectNulls: false,
    itemStyle: { color },
    data: rows.map((r) => pct(pick(r))),
    tooltip: { valueFormatter: pctLabel },
  });
  return {
    textStyle: baseText,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: narrow ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: t('sug.stats.items'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('sug.stats.registered'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: STATS_COLORS.registered },
        data: rows.map((r) => r.counts.registered),
      },
      {
        name: t('sug.stats.replied'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: STATS_COLORS.replied },
        data: rows.map((r) => r.counts.replied),
      },
      rate(t('sug.stats.onTimeRate'), STATS_COLORS.onTime, (r) => r.rates.onTime),
      rate(t('sug.stats.satisfactionRate'), STATS_COLORS.satisfaction, (r) => r.rates.satisfaction),
    ],
  };
}
