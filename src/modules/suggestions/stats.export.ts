/**
 * GET /suggestions/stats/export: the statistics as an XLSX sheet — a Chinese header row, one row
 * per group and a 合计 row. Counts are number cells (so the sheet can be summed and charted);
 * rates are number cells shown as percentages with one decimal ('0.0%'), empty when there is
 * nothing to divide by. Every export is audited, like the opinions' ledger export.
 */
import { toXlsx, type ExportFile, type XlsxCell } from '../../lib/spreadsheet.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { recordAuditAlone } from '../audit/audit.service.ts';
import type { StatsQuery, StatsView } from './stats.schema.ts';
import { suggestionStats } from './stats.service.ts';
import { STATS_COUNT_LABELS, STATS_COUNTS, STATS_GROUP_LABELS, type StatsGroup } from './stats.tally.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const RATE_HEADERS = ['按时答复率', '满意率', '解决率'] as const;

/** The header row: the grouping, every count, then the three rates. */
export function statsHeaders(groupBy: StatsGroup): string[] {
  return [STATS_GROUP_LABELS[groupBy], ...STATS_COUNTS.map((k) => STATS_COUNT_LABELS[k]), ...RATE_HEADERS];
}

type Row = StatsView['total'];

function cells(r: Row): XlsxCell[] {
  // Rounded to the tenth of a percent the sheet shows, so a copied value is the one seen.
  const rate = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return [
    r.label,
    ...STATS_COUNTS.map((k) => r.counts[k]),
    rate(r.rates.onTime),
    rate(r.rates.satisfaction),
    rate(r.rates.solved),
  ];
}

export async function statsWorkbook(view: StatsView): Promise<Buffer> {
  const headers = statsHeaders(view.groupBy as StatsGroup);
  const firstRate = headers.length - RATE_HEADERS.length + 1;
  return toXlsx('代表建议办理统计', [headers, ...view.rows.map(cells), cells(view.total)], {
    totalRow: true,
    percentColumns: RATE_HEADERS.map((_, i) => firstRate + i),
  });
}

export async function exportStats(ctx: AppContext, actor: Actor, q: StatsQuery): Promise<ExportFile> {
  const view = await suggestionStats(ctx, actor, q);
  const body = await statsWorkbook(view);
  await recordAuditAlone(ctx, actor, {
    action: 'suggestion.stats_export',
    entityType: 'suggestion',
    detail: {
      year: view.year,
      congressId: q.congressId ?? null,
      groupBy: view.groupBy,
      rows: view.rows.length,
    },
  });
  return { body, contentType: XLSX_TYPE, filename: `代表建议办理统计-${view.year}.xlsx` };
}
