/** Storage of the jurisdiction tree (materialised paths) and what hangs from each node. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inScope, type Scope } from '../../platform/db/scope.ts';
import { childPath, type JurisdictionLevel } from './org.domain.ts';
import { fetchPage, textMatch } from './org.repo.ts';

export interface JurisdictionRecord {
  id: number;
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentId: number | null;
  path: string;
  sortOrder: number;
  childCount: number;
}

function jurisdictionQuery(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('jurisdiction as j')
    .select(['j.id', 'j.code', 'j.name', 'j.level', 'j.parent_id', 'j.path', 'j.sort_order'])
    .select(sql<number>`(select count(*) from jurisdiction c where c.parent_id = j.id)`.as('child_count'))
    .where(inScope(scope, 'j.id'));
}

type Row = Awaited<ReturnType<ReturnType<typeof jurisdictionQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): JurisdictionRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    path: r.path,
    sortOrder: r.sort_order,
    childCount: Number(r.child_count),
  };
}

export async function findJurisdiction(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<JurisdictionRecord | undefined> {
  const row = await jurisdictionQuery(db, scope).where('j.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface JurisdictionFilter {
  q?: string | undefined;
  parentId?: number | undefined;
  level?: JurisdictionLevel | undefined;
  /** A sub-tree already resolved within the scope. */
  within?: Scope | undefined;
}

export async function listJurisdictions(
  db: Kysely<DB>,
  scope: Scope,
  filter: JurisdictionFilter,
  page: number,
  pageSize: number,
) {
  let q = jurisdictionQuery(db, scope);
  if (filter.q) q = q.where(textMatch(filter.q, ['j.name', 'j.code']));
  if (filter.parentId !== undefined) q = q.where('j.parent_id', '=', filter.parentId);
  if (filter.level) q = q.where('j.level', '=', filter.level);
  if (filter.within) q = q.where(inScope(filter.within, 'j.id'));
  const { rows, total } = await fetchPage(
    q.orderBy('j.sort_order').orderBy('j.code').orderBy('j.id'),
    page,
    pageSize,
  );
  return { items: rows.map(toRecord), total };
}

/** Every jurisdiction in the scope, siblings in display order (the service arranges them as a tree). */
export async function listScopeTree(db: Kysely<DB>, scope: Scope): Promise<JurisdictionRecord[]> {
  const rows = await jurisdictionQuery(db, scope)
    .orderBy('j.sort_order')
    .orderBy('j.code')
    .orderBy('j.id')
    .execute();
  return rows.map(toRecord);
}

export interface HeldCounts {
  representatives: number;
  stations: number;
  grids: number;
  units: number;
}

/** How many representatives, stations, grids and units each jurisdiction in the scope holds directly. */
export async function countHeldDirectly(db: Kysely<DB>, scope: Scope): Promise<Map<number, HeldCounts>> {
  const count = (table: 'representative' | 'station' | 'grid' | 'unit') =>
    db
      .selectFrom(table)
      .select(['jurisdiction_id', sql<number>`count(*)`.as('n')])
      .where(inScope(scope, `${table}.jurisdiction_id`))
      .groupBy('jurisdiction_id')
      .execute();
  const [representatives, stations, grids, units] = await Promise.all([
    count('representative'),
    count('station'),
    count('grid'),
    count('unit'),
  ]);
  const result = new Map<number, HeldCounts>();
  const at = (id: number) => {
    let c = result.get(id);
    if (!c) {
      c = { representatives: 0, stations: 0, grids: 0, units: 0 };
      result.set(id, c);
    }
    return c;
  };
  for (const r of representatives) at(r.jurisdiction_id).representatives = Number(r.n);
  for (const r of stations) at(r.jurisdiction_id).stations = Number(r.n);
  for (const r of grids) at(r.jurisdiction_id).grids = Number(r.n);
  for (const r of units) at(r.jurisdiction_id).units = Number(r.n);
  return result;
}

export async function insertJurisdiction(
  trx: Transaction<DB>,
  j: {
    code: string;
    name: string;
    level: JurisdictionLevel;
    parentId: number | null;
    parentPath: string;
    sortOrder: number;
    now: string;
  },
): Promise<number> {
  const row = await trx
    .insertInto('jurisdiction')
    .values({
      code: j.code,
      name: j.name,
      level: j.level,
      parent_id: j.parentId,
      path: 'pending',
      sort_order: j.sortOrder,
      created_at: j.now,
      updated_at: j.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('jurisdiction')
    .set({ path: childPath(j.parentPath, row.id) })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

export async function updateJurisdiction(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<{ code: string; name: string; sort_order: number }>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('jurisdiction')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** What refers to a jurisdiction, by kind, counting only kinds with at least one row. */
export async function referencesTo(db: Kysely<DB>, id: number): Promise<Record<string, number>> {
  const count = async (
    table: 'representative' | 'congress' | 'rep_group' | 'station' | 'grid' | 'unit' | 'unit_category',
  ) => {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .where('jurisdiction_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const children = await db
    .selectFrom('jurisdiction')
    .select(sql<number>`count(*)`.as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const counts: Record<string, number> = {
    children: Number(children.n),
    representatives: await count('representative'),
    congresses: await count('congress'),
    groups: await count('rep_group'),
    stations: await count('station'),
    grids: await count('grid'),
    units: await count('unit'),
    routing: await count('unit_category'),
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

export async function deleteJurisdiction(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('jurisdiction').where('id', '=', id).execute();
}
