/** Honours (履职之星 …): inserted when awarded, read by staff per congress and year and by the public. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface NewHonour {
  congress_id: number;
  year: number;
  title: string;
  representative_id: number;
  rule_set_id: number;
  score_centi: number;
  citation: string | null;
  awarded_by_user_id: number | null;
  awarded_at: string;
}

export async function insertHonour(trx: Transaction<DB>, h: NewHonour): Promise<number> {
  return (await trx.insertInto('honour').values(h).returning('id').executeTakeFirstOrThrow()).id;
}

const honourColumns = [
  'h.id',
  'h.congress_id',
  'c.name as congress_name',
  'h.year',
  'h.title',
  'h.representative_id',
  'r.name as representative_name',
  'r.public_code',
  'r.is_public',
  'r.status as representative_status',
  'h.rule_set_id',
  'v.version as rule_set_version',
  'h.score_centi',
  'h.citation',
  'h.awarded_at',
] as const;

function honours(db: Kysely<DB>) {
  return db
    .selectFrom('honour as h')
    .innerJoin('congress as c', 'c.id', 'h.congress_id')
    .innerJoin('representative as r', 'r.id', 'h.representative_id')
    .innerJoin('performance_rule_set as v', 'v.id', 'h.rule_set_id')
    .select([...honourColumns]);
}

export type HonourRow = Awaited<ReturnType<typeof honoursOf>>[number];

/** The honours of a congress and year (or only these ids), highest score first. */
export function honoursOf(db: Kysely<DB>, congressId: number, year: number, ids?: readonly number[]) {
  let q = honours(db).where('h.congress_id', '=', congressId).where('h.year', '=', year);
  if (ids) q = q.where('h.id', 'in', ids.length > 0 ? [...ids] : [-1]);
  return q.orderBy('h.title').orderBy('h.score_centi', 'desc').orderBy('h.id').execute();
}

/** Every honour of a year (of one congress if asked), for the public page. */
export function honoursOfYear(db: Kysely<DB>, year: number, congressId?: number) {
  let q = honours(db).where('h.year', '=', year);
  if (congressId !== undefined) q = q.where('h.congress_id', '=', congressId);
  return q
    .orderBy('h.congress_id')
    .orderBy('h.title')
    .orderBy('h.score_centi', 'desc')
    .orderBy('h.id')
    .execute();
}

/** The years with an honour, newest first. */
export async function honourYears(db: Kysely<DB>, congressId?: number): Promise<number[]> {
  let q = db.selectFrom('honour').select('year').distinct();
  if (congressId !== undefined) q = q.where('congress_id', '=', congressId);
  return (await q.orderBy('year', 'desc').execute()).map((r) => Number(r.year));
}

/** Rule sets by id (the version each honour was scored under, for its published method). */
export function ruleSetsByIds(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('performance_rule_set')
    .select(['id', 'congress_id', 'year', 'version', 'rules'])
    .where('id', 'in', [...ids])
    .execute();
}
