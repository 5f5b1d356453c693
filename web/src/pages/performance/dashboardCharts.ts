/** The performance dashboard's chart options (rates as percentages; a missing rate is a gap, never 0). */
import type { PerformanceDashboard } from '../../api/types.ts';
import { KIND_COLOR } from '../../components/activityTags.tsx';
import type { ChartOption } from '../../components/EChart.tsx';
import type { Translate } from '../../i18n/I18nProvider.tsx';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const pctLabel = (v: unknown) =>
  v === null || v === undefined || v === '-' ? '—' : `${Number(v).toFixed(1)}%`;
const baseText = { fontFamily: 'inherit' };
export const DASH_COLORS = {
  activities: '#1f4e8c',
  held: '#7fa6d8',
  rate: '#a8071a',
  attended: '#2e7d32',
  leave: '#9254de',
  absent: '#cf1322',
  members: '#bfbfbf',
};

/** Month by month: activities and those held as bars, the attendance rate as a line. */
export function monthOption(t: Translate, d: PerformanceDashboard, narrow: boolean): ChartOption {
  return {
    textStyle: baseText,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: narrow ? 56 : 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: d.byMonth.map((m) => `${Number(m.month.slice(5))}${t('perf.dash.monthSuffix')}`),
    },
    yAxis: [
      { type: 'value', name: t('perf.dash.count'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('perf.dash.activities'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: DASH_COLORS.activities },
        data: d.byMonth.map((m) => m.activities),
      },
      {
        name: t('perf.dash.held'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: DASH_COLORS.held },
        data: d.byMonth.map((m) => m.held),
      },
      {
        name: t('perf.dash.attendanceRate'),
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        connectNulls: false,
        itemStyle: { color: DASH_COLORS.rate },
        data: d.byMonth.map((m) => pct(m.attendance.rate)),
        tooltip: { valueFormatter: pctLabel },
      },
    ],
  };
}

/** Activities by type, coloured by the kind each type is scored as. */
export function typeOption(
  t: Translate,
  d: PerformanceDashboard,
  label: (code: string, fallback: string) => string,
): ChartOption {
  const rows = [...d.byType].filter((x) => x.activities > 0).sort((a, b) => a.activities - b.activities);
  return {
    textStyle: baseText,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const r = rows[p.dataIndex];
        if (!r) return '';
        return `${label(r.typeCode, r.label)}<br/>${t('perf.dash.activities')} ${r.activities} · ${t('perf.dash.held')} ${r.held}<br/>${t(
          'perf.dash.attendanceRate',
        )} ${pctLabel(pct(r.attendance.rate))}`;
      },
    },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => label(r.typeCode, r.label)),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        label: { show: true, position: 'right', fontSize: 11 },
        data: rows.map((r) => ({ value: r.activities, itemStyle: { color: KIND_COLOR[r.kind] } })),
      },
    ],
  };
}

/** Representatives by level: those who took part against all, with the attendance rate. */
export function levelOption(
  t: Translate,
  d: PerformanceDashboard,
  levelLabel: (level: PerformanceDashboard['byLevel'][number]['level']) => string,
): ChartOption {
  const rows = d.byLevel;
  return {
    textStyle: baseText,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => levelLabel(r.level) || r.label) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: t('perf.dash.members'),
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: DASH_COLORS.members },
        data: rows.map((r) => r.representatives),
      },
      {
        name: t('perf.dash.participating'),
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: DASH_COLORS.attended },
        data: rows.map((r) => r.participating),
      },
      {
        name: t('perf.dash.attendanceRate'),
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: DASH_COLORS.rate },
        data: rows.map((r) => pct(r.attendance.rate)),
        tooltip: { valueFormatter: pctLabel },
      },
    ],
  };
}

/** Attendance of everyone invited: present, on leave, absent. */
export function attendancePie(t: Translate, d: PerformanceDashboard): ChartOption {
  const a = d.totals.attendance;
  return {
    textStyle: baseText,
    tooltip: { trigger: 'item', formatter: '{b}<br/>{c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '66%'],
        center: ['50%', '44%'],
        label: { formatter: '{b} {c}', fontSize: 12 },
        data: [
          { name: t('perf.dash.attended'), value: a.attended, itemStyle: { color: DASH_COLORS.attended } },
          { name: t('perf.dash.onLeave'), value: a.onLeave, itemStyle: { color: DASH_COLORS.leave } },
          { name: t('perf.dash.absent'), value: a.absent, itemStyle: { color: DASH_COLORS.absent } },
        ],
      },
    ],
  };
}
