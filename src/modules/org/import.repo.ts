/**
 * Storage for bulk imports: the code → id lookups a file needs (one query per table and 1000
 * codes), and multi-row inserts in chunks inside the caller's transaction.
 *
 * Lookups are not scoped here: the import must know that a code exists anywhere (a key already
 * taken) and decides visibility itself from each record's jurisdiction path (import.lookups.ts).
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { StationTier } from './org.domain.ts';
import { emptyLookups, type CodeRequest, type ImportLookups, type Target } from './import.lookups.ts';

/** Codes per lookup query (well under the parameter limits of SQLite, 32766, and PostgreSQL, 65535). */
const LOOKUP_CHUNK = 1000;
/** Bound parameters per INSERT statement; rows per statement = this / columns, at most MAX_ROWS_PER_INSERT. */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_INSERT = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per statement for a table of `columns` columns. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS / columns)));
}

function chunksForInsert<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  return chunks(rows, rowsPerInsert(Object.keys(rows[0]!).length));
}

type CodedTable = 'representative' | 'station' | 'rep_group' | 'grid' | 'unit';

async function findCoded(
  db: Kysely<DB>,
  table: CodedTable,
  codes: ReadonlySet<string>,
): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  for (const part of chunks([...codes], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom(table)
      .innerJoin('jurisdiction', 'jurisdiction.id', `${table}.jurisdiction_id`)
      .select([`${table}.id as id`, `${table}.code as code`, 'jurisdiction.path as path'])
      .where(`${table}.code`, 'in', part)
      .execute();
    for (const r of rows) found.set(r.code, { id: r.id, path: r.path });
  }
  return found;
}

async function findStations(
  db: Kysely<DB>,
  codes: ReadonlySet<string>,
): Promise<Map<string, Target & { tier: StationTier }>> {
  const found = new Map<string, Target & { tier: StationTier }>();
  for (const part of chunks([...codes], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('station')
      .innerJoin('jurisdiction', 'jurisdiction.id', 'station.jurisdiction_id')
      .select([
        'station.id as id',
        'station.code as code',
        'station.tier as tier',
        'jurisdiction.path as path',
      ])
      .where('station.code', 'in', part)
      .execute();
    for (const r of rows) found.set(r.code, { id: r.id, path: r.path, tier: r.tier });
  }
  return found;
}

async function findJurisdictions(db: Kysely<DB>, codes: ReadonlySet<string>): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  for (const part of chunks([...codes], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('jurisdiction')
      .select(['id', 'code', 'path'])
      .where('code', 'in', part)
      .execute();
    for (const r of rows) found.set(r.code, { id: r.id, path: r.path });
  }
  return found;
}

/** Congresses with the path of their jurisdiction; null for those above the deployment (national). */
async function findCongresses(db: Kysely<DB>, codes: ReadonlySet<string>): Promise<Map<string, Target>> {
  const found = new Map<string, Target>();
  for (const part of chunks([...codes], LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom('congress')
      .leftJoin('jurisdiction', 'jurisdiction.id', 'congress.jurisdiction_id')
      .select(['congress.id as id', 'congress.code as code', 'jurisdiction.path as path'])
      .where('congress.code', 'in', part)
      .execute();
    for (const r of rows) found.set(r.code, { id: r.id, path: r.path });
  }
  return found;
}

/** Every category by code, Chinese name and lower-case English name. */
async function categoryNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('category').select(['code', 'name_zh', 'name_en']).execute();
  const names = new Map<string, string>();
  for (const r of rows) {
    names.set(r.name_en.toLowerCase(), r.code);
    names.set(r.name_zh, r.code);
  }
  // Codes win over names that happen to spell another category's code.
  for (const r of rows) names.set(r.code, r.code);
  return names;
}

/** Everything the file refers to, in one query per table (and per 1000 codes). */
export async function loadLookups(db: Kysely<DB>, req: CodeRequest): Promise<ImportLookups> {
  const lookups = emptyLookups();
  const [jurisdictions, congresses, stations, groups, grids, units, representatives, categories] =
    await Promise.all([
      findJurisdictions(db, req.jurisdictions),
      findCongresses(db, req.congresses),
      findStations(db, req.stations),
      findCoded(db, 'rep_group', req.groups),
      findCoded(db, 'grid', req.grids),
      findCoded(db, 'unit', req.units),
      findCoded(db, 'representative', req.representatives),
      req.categories ? categoryNames(db) : Promise.resolve(lookups.categories),
    ]);
  return { jurisdictions, congresses, stations, groups, grids, units, representatives, categories };
}

/** Insert rows in chunks and return code → new id. */
async function insertCoded<T extends 'representative' | 'station' | 'unit' | 'grid'>(
  trx: Transaction<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunksForInsert(rows)) {
    // The row order RETURNING gives back is not guaranteed on SQLite: map by code.
    const created = (await trx
      .insertInto(table)
      .values(part as never)
      .returning(['id', 'code'] as never)
      .execute()) as unknown as { id: number; code: string }[];
    for (const r of created) ids.set(r.code, r.id);
  }
  return ids;
}

export const insertRepresentatives = (trx: Transaction<DB>, rows: Insertable<DB['representative']>[]) =>
  insertCoded(trx, 'representative', rows);
export const insertStations = (trx: Transaction<DB>, rows: Insertable<DB['station']>[]) =>
  insertCoded(trx, 'station', rows);
export const insertUnits = (trx: Transaction<DB>, rows: Insertable<DB['unit']>[]) =>
  insertCoded(trx, 'unit', rows);
export const insertGrids = (trx: Transaction<DB>, rows: Insertable<DB['grid']>[]) =>
  insertCoded(trx, 'grid', rows);

type LinkTable = 'representative_seat' | 'station_member' | 'group_member' | 'grid_member' | 'unit_category';

/** Insert link rows (memberships, seats, categories) in chunks. */
export async function insertLinks<T extends LinkTable>(
  trx: Transaction<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  for (const part of chunksForInsert(rows)) {
    await trx
      .insertInto(table)
      .values(part as never)
      .execute();
  }
}
