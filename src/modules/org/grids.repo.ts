/** Storage of grids (网格); rosters are in members.repo.ts. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import { memberCountOf } from './members.repo.ts';
import { fetchPage, textMatch } from './org.repo.ts';

export interface GridRecord {
  id: number;
  code: string;
  name: string;
  jurisdiction: { id: number; name: string };
  /** The station as the actor may see it: null when none, or when it lies outside the scope. */
  station: { id: number; name: string } | null;
  description: string | null;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

function gridQuery(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('grid as g')
    .innerJoin('jurisdiction as j', 'j.id', 'g.jurisdiction_id')
    .leftJoin('station as s', (join) =>
      join.onRef('s.id', '=', 'g.station_id').on(inScope(scope, 's.jurisdiction_id')),
    )
    .select([
      'g.id',
      'g.code',
      'g.name',
      'g.jurisdiction_id',
      'j.name as jurisdiction_name',
      's.id as station_id',
      's.name as station_name',
      'g.description',
      'g.created_at',
      'g.updated_at',
    ])
    .select(memberCountOf(scope, 'grid', 'g.id').as('member_count'))
    .where(inScope(scope, 'g.jurisdiction_id'));
}

type Row = Awaited<ReturnType<ReturnType<typeof gridQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): GridRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
    station: r.station_id !== null ? { id: r.station_id, name: r.station_name ?? '' } : null,
    description: r.description,
    memberCount: Number(r.member_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findGrid(db: Kysely<DB>, scope: Scope, id: number): Promise<GridRecord | undefined> {
  const row = await gridQuery(db, scope).where('g.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface GridFilter {
  q?: string | undefined;
  within?: Scope | undefined;
  stationId?: number | undefined;
  /** Only grids without a representative the scope shows (coverage gaps). */
  uncovered?: boolean | undefined;
}

export async function listGrids(
  db: Kysely<DB>,
  scope: Scope,
  filter: GridFilter,
  page: number,
  pageSize: number,
) {
  let q = gridQuery(db, scope);
  if (filter.q) q = q.where(textMatch(filter.q, ['g.name', 'g.code']));
  if (filter.within) q = q.where(inScope(filter.within, 'g.jurisdiction_id'));
  if (filter.stationId !== undefined) q = q.where('g.station_id', '=', filter.stationId);
  if (filter.uncovered !== undefined)
    q = q.where(memberCountOf(scope, 'grid', 'g.id'), filter.uncovered ? '=' : '>', 0);
  const { rows, total } = await fetchPage(q.orderBy('g.code').orderBy('g.id'), page, pageSize);
  return { items: rows.map(toRecord), total };
}

export interface GridColumns {
  code: string;
  name: string;
  jurisdiction_id: number;
  station_id: number | null;
  description: string | null;
}

export async function insertGrid(trx: Transaction<DB>, g: GridColumns, now: string): Promise<number> {
  const row = await trx
    .insertInto('grid')
    .values({ ...g, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGrid(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<GridColumns>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('grid')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The grid and its roster (members cascade). */
export async function deleteGrid(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('grid').where('id', '=', id).execute();
}
