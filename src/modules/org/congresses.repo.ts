/** Storage of congresses (reference data, readable by every organisation user) and categories. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CongressLevel } from './org.domain.ts';

export interface CongressRecord {
  id: number;
  code: string;
  name: string;
  level: CongressLevel;
  termNumber: number;
  jurisdiction: { id: number; name: string; path: string } | null;
  termStart: string | null;
  termEnd: string | null;
  seatCount: number;
}

function congressQuery(db: Kysely<DB>) {
  return db
    .selectFrom('congress as c')
    .leftJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.level',
      'c.term_number',
      'c.jurisdiction_id',
      'j.name as jurisdiction_name',
      'j.path as jurisdiction_path',
      'c.term_start',
      'c.term_end',
    ])
    .select(
      sql<number>`(select count(*) from representative_seat s where s.congress_id = c.id)`.as('seat_count'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof congressQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): CongressRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    termNumber: r.term_number,
    jurisdiction:
      r.jurisdiction_id !== null
        ? { id: r.jurisdiction_id, name: r.jurisdiction_name ?? '', path: r.jurisdiction_path ?? '' }
        : null,
    termStart: r.term_start,
    termEnd: r.term_end,
    seatCount: Number(r.seat_count),
  };
}

export async function findCongress(db: Kysely<DB>, id: number): Promise<CongressRecord | undefined> {
  const row = await congressQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Congresses by id, for checking and showing seats. */
export async function findCongresses(db: Kysely<DB>, ids: readonly number[]): Promise<CongressRecord[]> {
  if (ids.length === 0) return [];
  const rows = await congressQuery(db)
    .where('c.id', 'in', [...ids])
    .execute();
  return rows.map(toRecord);
}

export async function listCongresses(
  db: Kysely<DB>,
  filter: { level?: CongressLevel | undefined; currentOn?: string | undefined },
): Promise<CongressRecord[]> {
  let q = congressQuery(db);
  if (filter.level) q = q.where('c.level', '=', filter.level);
  const today = filter.currentOn;
  if (today !== undefined) {
    q = q
      .where((eb) => eb.or([eb('c.term_start', 'is', null), eb('c.term_start', '<=', today)]))
      .where((eb) => eb.or([eb('c.term_end', 'is', null), eb('c.term_end', '>=', today)]));
  }
  const rows = await q.orderBy('c.term_number', 'desc').orderBy('c.code').orderBy('c.id').execute();
  return rows.map(toRecord);
}

export interface CongressColumns {
  code: string;
  name: string;
  level: CongressLevel;
  term_number: number;
  jurisdiction_id: number | null;
  term_start: string | null;
  term_end: string | null;
}

export async function insertCongress(trx: Transaction<DB>, c: CongressColumns, now: string): Promise<number> {
  const row = await trx
    .insertInto('congress')
    .values({ ...c, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCongress(
  trx: Transaction<DB>,
  id: number,
  patch: Partial<CongressColumns>,
  now: string,
): Promise<void> {
  await trx
    .updateTable('congress')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteCongress(trx: Transaction<DB>, id: number): Promise<void> {
  await trx.deleteFrom('congress').where('id', '=', id).execute();
}

export interface CategoryRecord {
  code: string;
  parentCode: string | null;
  level: number;
  nameZh: string;
  nameEn: string;
}

export async function listCategories(db: Kysely<DB>): Promise<CategoryRecord[]> {
  const rows = await db
    .selectFrom('category')
    .selectAll()
    .orderBy('level')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    nameZh: r.name_zh,
    nameEn: r.name_en,
  }));
}
