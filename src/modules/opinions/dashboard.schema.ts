/** The dashboard and ledger summaries: KPIs of DESIGN.md §5 per jurisdiction, unit, category, station and month. */
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../../platform/http/schemas.ts';
import { Ref } from '../org/org.schema.ts';
import { STATS_COUNTERS } from './opinions.kpi.ts';

export const Month = Type.String({
  title: '月份',
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  'x-hint-zh': '应为 YYYY-MM',
  'x-hint-en': 'must be YYYY-MM',
});

export const KpiView = Type.Object({
  counts: Type.Object(
    Object.fromEntries(STATS_COUNTERS.map((c) => [c, Type.Integer()])) as Record<
      (typeof STATS_COUNTERS)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  responseRate: Nullable(Type.Number()),
  onTimeRate: Nullable(Type.Number()),
  resolutionRate: Nullable(Type.Number()),
  satisfactionRate: Nullable(Type.Number()),
  responsePending: Type.Integer(),
});
export type KpiView = Static<typeof KpiView>;

export const DashboardQuery = Type.Object(
  {
    jurisdictionId: Type.Optional(Type.Integer({ title: '辖区', minimum: 1 })),
    from: Type.Optional(Month),
    to: Type.Optional(Month),
    unitId: Type.Optional(Type.Integer({ title: '承办单位', minimum: 1 })),
    stationId: Type.Optional(Type.Integer({ title: '联络站', minimum: 1 })),
    categoryCode: Type.Optional(Type.String({ title: '类别', maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

export const Dashboard = Type.Object({
  scope: Ref,
  from: Type.String(),
  to: Type.String(),
  total: KpiView,
  byMonth: Type.Array(Type.Object({ month: Type.String(), kpis: KpiView })),
  /** The next level of the jurisdiction tree under the scope. */
  byJurisdiction: Type.Array(Type.Object({ jurisdiction: Ref, kpis: KpiView })),
  byUnit: Type.Array(Type.Object({ unit: Ref, kpis: KpiView })),
  byCategory: Type.Array(Type.Object({ categoryCode: Type.String(), kpis: KpiView })),
  byStation: Type.Array(Type.Object({ station: Ref, kpis: KpiView })),
  generatedAt: Type.String(),
});
export type Dashboard = Static<typeof Dashboard>;

/** GET /opinions/ledger-summary: the 台账 rolled up by station, group, unit or category (the monthly 办理进度表). */
export const LedgerSummaryQuery = Type.Object(
  {
    ...DashboardQuery.properties,
    groupBy: StringEnum(['station', 'group', 'unit', 'category', 'jurisdiction'] as const, {
      title: '汇总方式',
    }),
  },
  { additionalProperties: false },
);
export type LedgerSummaryQuery = Static<typeof LedgerSummaryQuery>;

export const LedgerSummary = Type.Object({
  groupBy: Type.String(),
  /** Grouped by category, `key.code` is the category code ('' = not categorised) and `key.id` its position. */
  rows: Type.Array(
    Type.Object({
      key: Type.Object({ ...Ref.properties, code: Type.Optional(Type.String()) }),
      kpis: KpiView,
    }),
  ),
  total: KpiView,
});
