/**
 * Queries behind the dashboard and the ledger summaries. Everything but the summary by
 * representative group is a grouped sum over `opinion_stats` (tens of thousands of rows where the
 * opinion table has millions), over the rows of the scope's jurisdictions within the months and
 * filters (index (jurisdiction_id, month)).
 *
 * The dashboard needs five breakdowns; it gets them from three passes over those rows, because
 * each pass costs a scan and, on SQLite, a sort of every row for its GROUP BY:
 * - by (jurisdiction, month), in the index's own order so SQLite sorts nothing: the months, the
 *   child jurisdictions (rolled up by path in the service) and the total;
 * - by (unit, category), a few thousand sums at most: the units and the categories;
 * - by station, the top ones only.
 * The opinion table is read only for the summary by group, which the statistics cannot give
 * (see `sumByGroup`).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import { emptyCounters, STATS_COUNTERS, type Counters, type StatsCounter } from './opinions.kpi.ts';

export interface StatsFilter {
  scope: Scope;
  /** 'YYYY-MM', inclusive. */
  from: string;
  to: string;
  unitId?: number;
  stationId?: number;
  categoryCode?: string;
}

/** Counters summed for one key of a grouping. */
export interface Summed<K> {
  key: K;
  counters: Counters;
}

const sumOf = (counter: StatsCounter): RawBuilder<number> => sql<number>`sum(${sql.ref(`s.${counter}`)})`;

function countersFrom(row: Record<string, unknown>): Counters {
  const c = emptyCounters();
  // SQLite's sum() of no rows is null; PostgreSQL's bigint sums arrive as numbers (database.ts).
  for (const k of STATS_COUNTERS) c[k] = Number(row[k] ?? 0);
  return c;
}

/** opinion_stats rows of the scope, months and filters, with every counter summed. */
function summedStats(db: Kysely<DB>, f: StatsFilter) {
  let q = db
    .selectFrom('opinion_stats as s')
    .where(inScope(f.scope, 's.jurisdiction_id'))
    .where('s.month', '>=', f.from)
    .where('s.month', '<=', f.to);
  if (f.unitId !== undefined) q = q.where('s.unit_id', '=', f.unitId);
  if (f.stationId !== undefined) q = q.where('s.station_id', '=', f.stationId);
  if (f.categoryCode !== undefined) q = q.where('s.category_code', '=', f.categoryCode);
  return q.select(STATS_COUNTERS.map((c) => sumOf(c).as(c)));
}

/** Every counter summed over the scope, months and filters. */
export async function sumTotal(db: Kysely<DB>, f: StatsFilter): Promise<Counters> {
  const row = await summedStats(db, f).executeTakeFirst();
  return row ? countersFrom(row) : emptyCounters();
}

/** Sums per (jurisdiction, month), in the order of the index the rows are read by. */
export async function sumByJurisdictionMonth(
  db: Kysely<DB>,
  f: StatsFilter,
): Promise<Summed<{ jurisdictionId: number; month: string }>[]> {
  const rows = await summedStats(db, f)
    .select(['s.jurisdiction_id', 's.month'])
    .groupBy(['s.jurisdiction_id', 's.month'])
    .execute();
  return rows.map((r) => ({
    key: { jurisdictionId: r.jurisdiction_id, month: r.month },
    counters: countersFrom(r),
  }));
}

/** Sums per (unit, category): unit 0 is not yet assigned, category '' not yet categorised. */
export async function sumByUnitCategory(
  db: Kysely<DB>,
  f: StatsFilter,
): Promise<Summed<{ unitId: number; categoryCode: string }>[]> {
  const rows = await summedStats(db, f)
    .select(['s.unit_id', 's.category_code'])
    .groupBy(['s.unit_id', 's.category_code'])
    .execute();
  return rows.map((r) => ({
    key: { unitId: r.unit_id, categoryCode: r.category_code },
    counters: countersFrom(r),
  }));
}

/** The paths of the given jurisdictions (to roll their sums up the tree). */
export async function jurisdictionPaths(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('jurisdiction')
    .select(['id', 'path'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** The names of the given units. */
export async function unitNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface NamedKey {
  id: number;
  /** null for id 0 (no unit / no station) or a record since deleted. */
  name: string | null;
}

/** Sums per handling unit (id 0: not yet assigned), most collected first. */
export async function sumByUnit(db: Kysely<DB>, f: StatsFilter): Promise<Summed<NamedKey>[]> {
  const rows = await summedStats(db, f)
    .leftJoin('unit as u', 'u.id', 's.unit_id')
    .select(['s.unit_id as id', 'u.name as name'])
    .groupBy(['s.unit_id', 'u.name'])
    .orderBy(sumOf('collected'), 'desc')
    .orderBy('s.unit_id')
    .execute();
  return rows.map((r) => ({ key: { id: r.id, name: r.name }, counters: countersFrom(r) }));
}

/**
 * Sums per station (id 0: submitted without one), most collected first; with `limit`, a top list
 * of stations, which leaves out the items without one.
 */
export async function sumByStation(
  db: Kysely<DB>,
  f: StatsFilter,
  limit?: number,
): Promise<Summed<NamedKey>[]> {
  let q = summedStats(db, f)
    .leftJoin('station as st', 'st.id', 's.station_id')
    .select(['s.station_id as id', 'st.name as name'])
    .groupBy(['s.station_id', 'st.name'])
    .orderBy(sumOf('collected'), 'desc')
    .orderBy('s.station_id');
  if (limit !== undefined) q = q.where('s.station_id', '<>', 0).limit(limit);
  const rows = await q.execute();
  return rows.map((r) => ({ key: { id: r.id, name: r.name }, counters: countersFrom(r) }));
}

export interface CategoryKey {
  /** '' for opinions not yet categorised. */
  code: string;
  name: string | null;
  sortOrder: number | null;
}

/** Sums per category, most collected first. */
export async function sumByCategory(db: Kysely<DB>, f: StatsFilter): Promise<Summed<CategoryKey>[]> {
  const rows = await summedStats(db, f)
    .leftJoin('category as c', 'c.code', 's.category_code')
    .select(['s.category_code as code', 'c.name_zh as name', 'c.sort_order as sort_order'])
    .groupBy(['s.category_code', 'c.name_zh', 'c.sort_order'])
    .orderBy(sumOf('collected'), 'desc')
    .orderBy('s.category_code')
    .execute();
  return rows.map((r) => ({
    key: { code: r.code, name: r.name, sortOrder: r.sort_order },
    counters: countersFrom(r),
  }));
}

export interface JurisdictionNode {
  id: number;
  name: string;
  path: string;
}

/** The children of a jurisdiction (of the tree's roots when `parentId` is null), in tree order. */
export async function childJurisdictions(
  db: Kysely<DB>,
  parentId: number | null,
): Promise<JurisdictionNode[]> {
  let q = db.selectFrom('jurisdiction').select(['id', 'name', 'path']);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return q.orderBy('sort_order').orderBy('code').orderBy('id').execute();
}

// ── By representative group, from the opinion table ──────────────────────────

/**
 * Each counter of `countersOf` (opinions.kpi.ts) as a SQL condition on an opinion row `o`, so the
 * summary by group can be summed in the database. It must say exactly what `countersOf` says: the
 * test in dashboard.repo.test.ts sums both over opinions in every state and compares.
 */
const NOT_VALID = ['REJECTED', 'MERGED'];
const HANDLED_WITHOUT_REPLY = ['REJECTED', 'MERGED', 'CONVERTED'];
const OPEN_STATES = [
  'SUBMITTED',
  'ACCEPTED',
  'ASSIGNED',
  'SIGNED',
  'RETURN_REQUESTED',
  'EXTENSION_REQUESTED',
  'REHANDLING',
];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const REPLIED = 'o.first_reply_at is not null';
const COUNTER_SQL: Record<StatsCounter, string> = {
  collected: '1 = 1',
  valid: `o.status not in (${list(NOT_VALID)})`,
  handled: `(${REPLIED} or o.status in (${list(HANDLED_WITHOUT_REPLY)}))`,
  responded: 'o.ack_at is not null',
  responded_on_time: 'o.ack_on_time = 1',
  response_overdue: 'o.ack_at is null and o.ack_overdue = 1',
  replied: REPLIED,
  replied_on_time: `${REPLIED} and o.reply_on_time = 1`,
  solved: `${REPLIED} and o.last_result = 'solved'`,
  partially_solved: `${REPLIED} and o.last_result = 'partially_solved'`,
  explained: `${REPLIED} and o.last_result = 'explained'`,
  rated: 'o.last_rating is not null',
  satisfied: `o.last_rating = 'satisfied'`,
  basically_satisfied: `o.last_rating = 'basically_satisfied'`,
  unsatisfied: `o.last_rating = 'unsatisfied'`,
  awaiting_feedback: `o.status = 'AWAITING_FEEDBACK'`,
  closed_unrated: `o.status = 'CLOSED_UNRATED'`,
  rehandled: 'o.rehandle_rounds > 0',
  overdue_open: `o.status in (${list(OPEN_STATES)}) and o.reply_overdue = 1`,
};

/**
 * Sums per representative group of the opinions addressed to the group's members.
 *
 * The statistics table has no group key, and cannot have one: a representative may sit in several
 * groups (regional and professional, 交叉任职), so an opinion would count in several rows and no
 * sum over the table would be right. So this one summary reads the opinion table: the opinions of
 * the scope (and months and filters) whose representative is a member of the group, counted once
 * per group. The rows overlap (an opinion counts in each of its representative's groups), and
 * opinions addressed to no representative are in none. Only the scope's own groups are listed: a
 * group of another jurisdiction is that jurisdiction's record.
 */
export async function sumByGroup(db: Kysely<DB>, f: StatsFilter): Promise<Summed<NamedKey>[]> {
  // Read from opinion_representative_facts_idx alone: the groups of the scope, their members,
  // each member's opinions of the months (the index is partial: hence "is not null"), the scope
  // and the filters checked in the index entries.
  let q = db
    .selectFrom('opinion as o')
    .innerJoin('group_member as gm', 'gm.representative_id', 'o.representative_id')
    .innerJoin('rep_group as g', 'g.id', 'gm.group_id')
    .where('o.representative_id', 'is not', null)
    .where(inScope(f.scope, 'o.jurisdiction_id', { byIndex: false }))
    .where(inScope(f.scope, 'g.jurisdiction_id'))
    .where('o.stats_month', '>=', f.from)
    .where('o.stats_month', '<=', f.to);
  if (f.unitId !== undefined) q = q.where('o.unit_id', '=', f.unitId);
  if (f.stationId !== undefined) q = q.where('o.station_id', '=', f.stationId);
  if (f.categoryCode !== undefined) q = q.where('o.category_code', '=', f.categoryCode);
  const rows = await q
    .select(['g.id as id', 'g.name as name'])
    .select(
      STATS_COUNTERS.map((c) =>
        sql<number>`sum(case when ${sql.raw(COUNTER_SQL[c])} then 1 else 0 end)`.as(c),
      ),
    )
    .groupBy(['g.id', 'g.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({ key: { id: r.id, name: r.name }, counters: countersFrom(r) }));
}
