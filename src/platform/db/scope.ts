/**
 * Jurisdiction scoping, in one place. Every user belongs to a jurisdiction and sees the rows of
 * that jurisdiction and its descendants only (DESIGN.md §2). Repos of scoped records take a
 * `Scope` (there is no overload without one) and filter with `inScope`, so a list, a read by id,
 * a search and an export all apply the same rule, and a row outside the scope is simply not found.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export interface Scope {
  /** Materialised path of the scope's root jurisdiction, e.g. '/1/4/'; '/' is everything. */
  readonly path: string;
}

/** The scope of the whole database, for the system actor (CLI, seeding, jobs). */
export const GLOBAL_SCOPE: Scope = Object.freeze({ path: '/' });

export function scopeOf(actor: { jurisdictionPath: string }): Scope {
  return { path: actor.jurisdictionPath };
}

export function isGlobal(scope: Scope): boolean {
  return scope.path === '/';
}

/**
 * `<column> in (jurisdictions under the scope)`, for a column holding a jurisdiction id.
 * The jurisdiction table is small (thousands of rows at most), so the sub-select is cheap and the
 * outer table uses its index on the column.
 *
 * `byIndex: false` is for a query that another index serves better (one holding the column, so
 * the condition is checked in that index): it writes `+<column>`, which SQLite's planner takes
 * as "do not look rows up by this column's index" (without statistics it would, for a wide
 * scope, and then read every row of the scope) and PostgreSQL as the same number.
 */
export function inScope(
  scope: Scope,
  column: string,
  options: { byIndex?: boolean } = {},
): RawBuilder<SqlBool> {
  if (isGlobal(scope)) return sql<SqlBool>`1 = 1`;
  const ref = options.byIndex === false ? sql`+${sql.ref(column)}` : sql.ref(column);
  return sql<SqlBool>`${ref} in (select j.id from jurisdiction j where j.path like ${scope.path + '%'})`;
}

/** Whether a jurisdiction path lies inside the scope (for checks on values about to be written). */
export function pathInScope(scope: Scope, path: string): boolean {
  return path.startsWith(scope.path);
}
