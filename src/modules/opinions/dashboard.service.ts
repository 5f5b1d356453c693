/**
 * The leaders' dashboard and the ledger summaries (办理进度表): the KPIs of DESIGN.md §5 over the
 * actor's jurisdiction (or a jurisdiction inside it) and a range of months, Beijing time.
 *
 * Computed from the statistics table only (opinions.kpi.ts keeps it equal to Σ countersOf over the
 * opinions): sum the counters over the matching rows, then `kpisOf`. Never from the opinion table,
 * so the answer takes the same few grouped sums over a million opinions as over a thousand. The
 * one exception is the summary by representative group (see dashboard.repo.ts, `sumByGroup`).
 */
import type { Static } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { jurisdictionInScope } from '../../platform/db/lookup.ts';
import { scopeOf, type Scope } from '../../platform/db/scope.ts';
import { AppError } from '../../platform/http/errors.ts';
import { beijingDateOf } from '../../lib/working-days.ts';
import type { Actor } from '../auth/auth.domain.ts';
import type { Dashboard, DashboardQuery, LedgerSummary, LedgerSummaryQuery } from './dashboard.schema.ts';
import * as repo from './dashboard.repo.ts';
import { emptyCounters, kpisOf, STATS_COUNTERS, type Counters, type Kpis } from './opinions.kpi.ts';

/** Top lists (units, stations) on the dashboard. */
export const DASHBOARD_TOP = 30;
/** The longest range of months one request may ask for (byMonth lists every month). */
export const MAX_MONTHS = 120;

type Root = { id: number; name: string; path: string };

/** The jurisdiction the figures are about: the chosen one, which must lie in the actor's scope, or the actor's own. */
async function rootOf(ctx: AppContext, actor: Actor, jurisdictionId: number | undefined): Promise<Root> {
  const id = jurisdictionId ?? actor.jurisdictionId;
  if (id === null) return { id: 0, name: '全部', path: '/' };
  const found = await jurisdictionInScope(ctx.database.db, scopeOf(actor), id);
  if (!found) throw new AppError('NOT_FOUND');
  return { id: found.id, name: found.name, path: found.path };
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** from/to as asked, by default the twelve months up to this one (Beijing time). */
export function monthRange(
  now: Date,
  from?: string,
  to?: string,
): { from: string; to: string; months: string[] } {
  const last = to ?? beijingDateOf(now).slice(0, 7);
  const first = from ?? monthOf(monthIndex(last) - 11);
  const span = monthIndex(last) - monthIndex(first) + 1;
  if (span < 1) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: '/from',
        rule: 'range',
        message: { zh: '起始月份不能晚于截止月份', en: 'from must not be after to' },
      },
    ]);
  }
  if (span > MAX_MONTHS) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: '/from',
        rule: 'range',
        message: {
          zh: `一次最多查询 ${MAX_MONTHS} 个月`,
          en: `at most ${MAX_MONTHS} months at a time`,
        },
      },
    ]);
  }
  const months = Array.from({ length: span }, (_, i) => monthOf(monthIndex(first) + i));
  return { from: first, to: last, months };
}

function add(into: Counters, c: Counters): void {
  for (const k of STATS_COUNTERS) into[k] += c[k];
}

function total(rows: readonly { counters: Counters }[]): Counters {
  const sum = emptyCounters();
  for (const r of rows) add(sum, r.counters);
  return sum;
}

async function filterOf(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<{ root: Root; filter: repo.StatsFilter; months: string[] }> {
  const root = await rootOf(ctx, actor, query.jurisdictionId);
  const range = monthRange(ctx.clock.now(), query.from, query.to);
  const scope: Scope = { path: root.path };
  return {
    root,
    months: range.months,
    filter: {
      scope,
      from: range.from,
      to: range.to,
      ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
      ...(query.stationId !== undefined ? { stationId: query.stationId } : {}),
      ...(query.categoryCode !== undefined ? { categoryCode: query.categoryCode } : {}),
    },
  };
}

/**
 * The next level of the tree under the root, each child's whole sub-tree summed, in tree order
 * (children with nothing show zeros: a township with no opinions is worth seeing). Opinions
 * registered at the root itself come first as "（本级）" when there are any, so the rows add up
 * to the total.
 */
async function byChildJurisdiction(
  ctx: AppContext,
  root: Root,
  perJurisdiction: ReadonlyMap<number, Counters>,
): Promise<{ jurisdiction: { id: number; name: string }; counters: Counters }[]> {
  const db = ctx.database.db;
  const [children, paths] = await Promise.all([
    repo.childJurisdictions(db, root.id === 0 ? null : root.id),
    repo.jurisdictionPaths(db, [...perJurisdiction.keys()]),
  ]);
  const byChild = new Map(children.map((c) => [c.id, emptyCounters()]));
  const own = emptyCounters();
  for (const [id, counters] of perJurisdiction) {
    const path = paths.get(id) ?? '';
    const bucket = byChild.get(Number(path.slice(root.path.length).split('/')[0]));
    add(bucket ?? own, counters);
  }
  const rows = children.map((c) => ({
    jurisdiction: { id: c.id, name: c.name },
    counters: byChild.get(c.id)!,
  }));
  if (own.collected > 0 && root.id !== 0) {
    rows.unshift({ jurisdiction: { id: root.id, name: `${root.name}（本级）` }, counters: own });
  }
  return rows;
}

/** Sum the rows into one bucket per key. */
function bucketed<K>(rows: readonly { counters: Counters }[], keyOf: (i: number) => K): Map<K, Counters> {
  const out = new Map<K, Counters>();
  rows.forEach((r, i) => {
    const k = keyOf(i);
    let bucket = out.get(k);
    if (!bucket) out.set(k, (bucket = emptyCounters()));
    add(bucket, r.counters);
  });
  return out;
}

/** Most collected first; ties in key order, so the answer does not depend on the engine. */
function ranked<K extends number | string>(m: ReadonlyMap<K, Counters>): [K, Counters][] {
  return [...m].sort(([ka, a], [kb, b]) => b.collected - a.collected || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

const UNASSIGNED = '未交办';
const NO_STATION = '未关联联络站';
const UNCATEGORISED = '未分类';

function nameOr(key: repo.NamedKey, none: string): string {
  return key.id === 0 ? none : (key.name ?? `#${key.id}`);
}

export async function opinionDashboard(
  ctx: AppContext,
  actor: Actor,
  query: DashboardQuery,
): Promise<Static<typeof Dashboard>> {
  const { root, filter, months } = await filterOf(ctx, actor, query);
  const db = ctx.database.db;
  // Three passes over the statistics (see dashboard.repo.ts), the rest is arithmetic.
  const [byJurisdictionMonth, byUnitCategory, stations] = await Promise.all([
    repo.sumByJurisdictionMonth(db, filter),
    repo.sumByUnitCategory(db, filter),
    repo.sumByStation(db, filter, DASHBOARD_TOP),
  ]);
  const perMonth = bucketed(byJurisdictionMonth, (i) => byJurisdictionMonth[i]!.key.month);
  const perJurisdiction = bucketed(byJurisdictionMonth, (i) => byJurisdictionMonth[i]!.key.jurisdictionId);
  const perUnit = bucketed(byUnitCategory, (i) => byUnitCategory[i]!.key.unitId);
  const perCategory = bucketed(byUnitCategory, (i) => byUnitCategory[i]!.key.categoryCode);
  // Units: real ones only (unassigned items are not a unit), the top ones by what they collected.
  const topUnits = ranked(perUnit)
    .filter(([id]) => id !== 0)
    .slice(0, DASHBOARD_TOP);
  const [jurisdictions, names] = await Promise.all([
    byChildJurisdiction(ctx, root, perJurisdiction),
    repo.unitNames(
      db,
      topUnits.map(([id]) => id),
    ),
  ]);
  return {
    scope: { id: root.id, name: root.name },
    from: filter.from,
    to: filter.to,
    total: kpisOf(total(byJurisdictionMonth)),
    byMonth: months.map((month) => ({ month, kpis: kpisOf(perMonth.get(month) ?? emptyCounters()) })),
    byJurisdiction: jurisdictions.map((j) => ({ jurisdiction: j.jurisdiction, kpis: kpisOf(j.counters) })),
    byUnit: topUnits.map(([id, counters]) => ({
      unit: { id, name: names.get(id) ?? `#${id}` },
      kpis: kpisOf(counters),
    })),
    byCategory: ranked(perCategory).map(([categoryCode, counters]) => ({
      categoryCode,
      kpis: kpisOf(counters),
    })),
    byStation: stations.map((s) => ({
      station: { id: s.key.id, name: nameOr(s.key, NO_STATION) },
      kpis: kpisOf(s.counters),
    })),
    generatedAt: ctx.clock.now().toISOString(),
  };
}

type LedgerRow = { key: { id: number; name: string; code?: string }; kpis: Kpis };

/**
 * The ledger rolled up by station, unit, category, jurisdiction (from the statistics) or
 * representative group (from the opinions: see `sumByGroup`). Every row of the scope, most
 * collected first (jurisdictions in tree order); `total` is the whole scope's, whatever the
 * grouping, so with groups (which overlap and leave out opinions addressed to no representative)
 * the rows need not add up to it.
 */
export async function ledgerSummary(
  ctx: AppContext,
  actor: Actor,
  query: LedgerSummaryQuery,
): Promise<Static<typeof LedgerSummary>> {
  const { groupBy, ...rest } = query;
  const { root, filter } = await filterOf(ctx, actor, rest);
  const db = ctx.database.db;
  const named = (rows: repo.Summed<repo.NamedKey>[], none: string): LedgerRow[] =>
    rows.map((r) => ({ key: { id: r.key.id, name: nameOr(r.key, none) }, kpis: kpisOf(r.counters) }));
  let rows: LedgerRow[];
  switch (groupBy) {
    case 'station':
      rows = named(await repo.sumByStation(db, filter), NO_STATION);
      break;
    case 'unit':
      rows = named(await repo.sumByUnit(db, filter), UNASSIGNED);
      break;
    case 'group':
      rows = named(await repo.sumByGroup(db, filter), '');
      break;
    case 'category':
      rows = (await repo.sumByCategory(db, filter)).map((r) => ({
        key: {
          id: r.key.sortOrder ?? 0,
          name: r.key.code === '' ? UNCATEGORISED : (r.key.name ?? r.key.code),
          code: r.key.code,
        },
        kpis: kpisOf(r.counters),
      }));
      break;
    case 'jurisdiction': {
      const sums = await repo.sumByJurisdictionMonth(db, filter);
      const perJurisdiction = bucketed(sums, (i) => sums[i]!.key.jurisdictionId);
      rows = (await byChildJurisdiction(ctx, root, perJurisdiction)).map((j) => ({
        key: j.jurisdiction,
        kpis: kpisOf(j.counters),
      }));
      break;
    }
  }
  return { groupBy, rows, total: kpisOf(await repo.sumTotal(db, filter)) };
}
