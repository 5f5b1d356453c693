/**
 * Existence checks across modules without reaching into another module's repo: "is record N of
 * this scoped table visible in this scope?" Used to validate references (a station's liaison
 * officer, an account's representative) before writing them.
 */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { inScope, type Scope } from './scope.ts';

export type ScopedTable = 'representative' | 'unit' | 'app_user' | 'station' | 'grid' | 'rep_group';

export async function existsInScope(
  db: Kysely<DB>,
  scope: Scope,
  table: ScopedTable,
  id: number,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where(inScope(scope, `${table}.jurisdiction_id`))
    .executeTakeFirst();
  return row !== undefined;
}

/** The jurisdiction's id and path, or undefined when it does not exist or lies outside the scope. */
export async function jurisdictionInScope(
  db: Kysely<DB>,
  scope: Scope,
  id: number,
): Promise<{ id: number; name: string; path: string; level: string } | undefined> {
  const row = await db
    .selectFrom('jurisdiction')
    .select(['id', 'name', 'path', 'level'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !row.path.startsWith(scope.path)) return undefined;
  return row;
}

/** A jurisdiction by its code (行政区划代码), regardless of scope: for the command line and imports. */
export async function jurisdictionByCode(
  db: Kysely<DB>,
  code: string,
): Promise<{ id: number; name: string; path: string; level: string } | undefined> {
  return db
    .selectFrom('jurisdiction')
    .select(['id', 'name', 'path', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Whether the account holds the role (e.g. a station's liaison officer must hold 'liaison_officer'). */
export async function accountHasRole(db: Kysely<DB>, userId: number, role: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_role')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return row !== undefined;
}

/** How many accounts refer to a record (before deleting it): by representative, unit or jurisdiction. */
export async function accountsReferring(
  db: Kysely<DB>,
  column: 'representative_id' | 'unit_id' | 'jurisdiction_id',
  id: number,
): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
