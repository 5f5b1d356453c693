/**
 * The statistics of suggestions (代表建议办理统计), their XLSX export and the yearly handling report
 * (办理情况报告): queries and the JSON answer. What each count means is written in stats.tally.ts.
 */
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { STATS_COUNT_LABELS, STATS_COUNTS, STATS_GROUPS, type StatsCount } from './stats.tally.ts';

const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });
const CongressId = Type.Integer({ title: '人民代表大会', minimum: 1, maximum: 2147483647 });

/** GET /suggestions/report.docx: the year (default: this year, Beijing time) and optionally one congress. */
export const ReportQuery = Type.Object(
  { year: Type.Optional(Year), congressId: Type.Optional(CongressId) },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

/** GET /suggestions/stats and /suggestions/stats/export: as the report, grouped (default: by lead unit). */
export const StatsQuery = Type.Object(
  {
    ...ReportQuery.properties,
    groupBy: Type.Optional(StringEnum(STATS_GROUPS, { title: '分组方式' })),
  },
  { additionalProperties: false },
);
export type StatsQuery = Static<typeof StatsQuery>;

const Counts = Type.Object(
  Object.fromEntries(STATS_COUNTS.map((k) => [k, Type.Integer({ title: STATS_COUNT_LABELS[k] })])) as Record<
    StatsCount,
    ReturnType<typeof Type.Integer>
  >,
);

const Rate = (title: string) => Nullable(Type.Number({ title, minimum: 0, maximum: 1 }));

export const StatsRowView = Type.Object({
  /** The lead unit's id, the category code, 'A'/'B'/'C', the congress's id or 'YYYY-MM'; 'none' for no unit, category or reply; 'total' for the total. */
  key: Type.String({ title: '分组键' }),
  label: Type.String({ title: '分组名称' }),
  counts: Counts,
  /** Fractions between 0 and 1; null when the denominator is 0. */
  rates: Type.Object({
    onTime: Rate('按时答复率'),
    satisfaction: Rate('满意率'),
    solved: Rate('解决率'),
  }),
});

export const StatsView = Type.Object({
  year: Type.Integer({ title: '年度' }),
  groupBy: Type.String({ title: '分组方式' }),
  total: StatsRowView,
  rows: Type.Array(StatsRowView),
});
export type StatsView = Static<typeof StatsView>;
