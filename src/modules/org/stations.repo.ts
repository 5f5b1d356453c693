/** Storage of liaison stations (家站点); rosters are in members.repo.ts. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { GLOBAL_SCOPE, inScope, type Scope } from '../../platform/db/scope.ts';
import { memberCountOf } from './members.repo.ts';
import type { StationStatus, StationTheme, StationTier } from './org.domain.ts';
import { fetchPage, textMatch } from './org.repo.ts';

export interface StationRecord {
  id: number;
  code: string;
  publicCode: string;
  name: string;
  tier: StationTier;
  theme: StationTheme;
  jurisdiction: { id: number; name: string };
  /** The stored parent, visible or not (for checks). */
  parentId: number | null;
  /** The parent as the actor may see it: null when it lies outside the scope. */
  parent: { id: number; name: string } | null;
  address: string | null;
  liaisonOfficer: { id: number; displayName: string } | null;
  receptionRule: string | null;
  receptionStart: string | null;
  receptionEnd: string | null;
  receptionHoliday: string;
  receptionOnDuty: number;
  receptionNoticeDays: number;
  status: StationStatus;
  openedOn: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

function stationQuery(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('station as s')
    .innerJoin('jurisdiction as j', 'j.id', 's.jurisdiction_id')
    .leftJoin('station as p', (join) =>
      join.onRef('p.id', '=', 's.parent_id').on(inScope(scope, 'p.jurisdiction_id')),
    )
    .leftJoin('app_user as u', 'u.id', 's.liaison_officer_user_id')
    .select([
      's.id',
      's.code',
      's.public_code',
      's.name',
      's.tier',
      's.theme',
      's.jurisdiction_id',
      'j.name as jurisdiction_name',
      's.parent_id',
      'p.id as parent_visible_id',
      'p.name as parent_name',
      's.address',
      's.liaison_officer_user_id',
      'u.display_name as liaison_officer_name',
      's.reception_rule',
      's.reception_start',
      's.reception_end',
      's.reception_holiday',
      's.reception_on_duty',
      's.reception_notice_days',
      's.status',
      's.opened_on',
      's.created_at',
      's.updated_at',
    ])
    .select(memberCountOf(scope, 'station', 's.id').as('member_count'))
    .where(inScope(scope, 's.jurisdiction_id'));
}

type Row = Awaited<ReturnType<ReturnType<typeof stationQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): StationRecord {
  return {
    id: r.id,
    code: r.code,
    publicCode: r.public_code,
    name: r.name,
    tier: r.tier,
    theme: r.theme,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    parentId: r.parent_id,
    parent: r.parent_visible_id !== null ? { id: r.parent_visible_id, name: r.parent_name ?? '' } : null,
    address: r.address,
    liaisonOfficer:
      r.liaison_officer_user_id !== null
        ? { id: r.liaison_officer_user_id, displayName: r.liaison_officer_name ?? '' }
        : null,
    receptionRule: r.reception_rule,
    receptionStart: r.reception_start,
    receptionEnd: r.reception_end,
    receptionHoliday: r.reception_holiday,
    receptionOnDuty: r.reception_on_duty,
    receptionNoticeDays: r.reception_notice_days,
    status: r.status,
    openedOn: r.opened_on,
    memberCount: Number(r.member_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findStation(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<StationRecord | undefined> {
  const row = await stationQuery(db, scope).where('s.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface StationFilter {
  q?: string | undefined;
  within?: Scope | undefined;
  tier?: StationTier | undefined;
  theme?: StationTheme | undefined;
  status?: StationStatus | undefined;
  parentId?: number | undefined;
}

export async function listStations(
  db: Kysely<DB>,
  scope: Scope,
  filter: StationFilter,
  page: number,
  pageSize: number,
) {
  let q = stationQuery(db, scope);
  if (filter.q) q = q.where(textMatch(filter.q, ['s.name', 's.code', 's.address']));
  if (filter.within) q = q.where(inScope(filter.within, 's.jurisdiction_id'));
  if (filter.tier) q = q.where('s.tier', '=', filter.tier);
  if (filter.theme) q = q.where('s.theme', '=', filter.theme);
  if (filter.status) q = q.where('s.status', '=', filter.status);
  if (filter.parentId !== undefined) q = q.where('s.parent_id', '=', filter.parentId);
  const { rows, total } = await fetchPage(q.orderBy('s.code').orderBy('s.id'), page, pageSize);
  return { items: rows.map(toRecord), total };
}

/** The station's children that the scope shows. */
export async function childrenOf(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<{ id: number; name: string; tier: StationTier }[]> {
  return db
    .selectFrom('station')
    .select(['id', 'name', 'tier'])
    .where('parent_id', '=', id)
    .where(inScope(scope, 'station.jurisdiction_id'))
    .orderBy('code')
    .orderBy('id')
    .execute();
}

/** Tiers of all children, visible or not (a tier change must stay above every child). */
export async function childTiers(db: Kysely<DB>, id: number): Promise<StationTier[]> {
  const rows = await db.selectFrom('station').select('tier').where('parent_id', '=', id).execute();
  return rows.map((r) => r.tier);
}

/** A station's tier whatever the scope (to check a tier change against a parent the actor may not see). */
export async function tierOf(db: Kysely<DB>, id: number): Promise<StationTier | undefined> {
  const row = await db.selectFrom('station').select('tier').where('id', '=', id).executeTakeFirst();
  return row?.tier;
}

/** What still hangs from a station, whatever the scope: members, child stations, grids. */
export async function dependentsOf(
  db: Kysely<DB>,
  id: number,
): Promise<{ members: number; children: number; grids: number }> {
  const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string }> }) =>
    q.executeTakeFirstOrThrow().then((r) => Number(r.n));
  const [members, children, grids] = await Promise.all([
    count(
      db
        .selectFrom('station_member')
        .select(sql<number>`count(*)`.as('n'))
        .where('station_id', '=', id),
    ),
    count(
      db
        .selectFrom('station')
        .select(sql<number>`count(*)`.as('n'))
        .where('parent_id', '=', id),
    ),
    count(
      db
        .selectFrom('grid')
        .select(sql<number>`count(*)`.as('n'))
        .where('station_id', '=', id),
    ),
  ]);
  return { members, children, grids };
}

export interface StationColumns {
  code: string;
  name: string;
  tier: StationTier;
  theme: StationTheme;
  jurisdiction_id: number;
  parent_id: number | null;
  address: string | null;
  liaison_officer_user_id: number | null;
  reception_rule: string | null;
  reception_start: string | null;
  reception_end: string | null;
  status: StationStatus;
  opened_on: string | null;
}

/**
 * What a new station holds where its creator says nothing: community theme, active, no parent,
 * officer, address, schedule or opening date. The create API and the test fixtures start from it.
 */
export const NEW_STATION_DEFAULTS = {
  theme: 'community',
  parent_id: null,
  address: null,
  liaison_officer_user_id: null,
  reception_rule: null,
  reception_start: null,
  reception_end: null,
  status: 'active',
  opened_on: null,
} as const satisfies Omit<StationColumns, 'code' | 'name' | 'tier' | 'jurisdiction_id'>;

export async function insertStation(
  trx: Transaction<DB>,
  s: StationColumns & { public_code: string },
  now: string,
): Promise<number> {
  const row = await trx
    .insertInto('station')
    .values({ ...s, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Update the editable columns; the public code is never changed. */
export async function updateStation(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<StationColumns>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('station')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteStation(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('station').where('id', '=', id).execute();
}

/**
 * A station by the code printed in its QR, whatever the scope and the status: the public pages'
 * way in (a retired station still answers, so a poster left on a wall leads somewhere).
 */
export async function findStationByPublicCode(
  db: Kysely<DB>,
  publicCode: string,
): Promise<StationRecord | undefined> {
  const row = await stationQuery(db, GLOBAL_SCOPE).where('s.public_code', '=', publicCode).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The public face of stations by id, whatever the scope (a retired station's successor, a representative's stations). */
export async function publicStationsByIds(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<
  {
    id: number;
    publicCode: string;
    name: string;
    status: StationStatus;
    parentId: number | null;
    receptionRule: string | null;
    receptionStart: string | null;
    receptionEnd: string | null;
  }[]
> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('station')
    .select([
      'id',
      'public_code',
      'name',
      'status',
      'parent_id',
      'reception_rule',
      'reception_start',
      'reception_end',
    ])
    .where('id', 'in', [...ids])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    publicCode: r.public_code,
    name: r.name,
    status: r.status,
    parentId: r.parent_id,
    receptionRule: r.reception_rule,
    receptionStart: r.reception_start,
    receptionEnd: r.reception_end,
  }));
}

/** How many stations are open, in the whole deployment (the public headline). */
export async function countActiveStations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('station')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
