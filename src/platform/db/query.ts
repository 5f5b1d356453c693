/**
 * SQL pieces every list shares: a page of rows with its total, and case-insensitive text search
 * that behaves the same on SQLite and PostgreSQL.
 */
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';

/**
 * Run a list query for one page and count all its rows. The caller orders the query; the order
 * must end on a unique column so pages are stable.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: number,
  pageSize: number,
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    query
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query
      .clearSelect()
      .clearOrderBy()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number((count as { n: number | string }).n) };
}

/** `%text%` for LIKE, with the wildcard characters a person may type taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Case-insensitive substring match of `text` on any of the columns (the same on SQLite and PostgreSQL). */
export function textMatch(text: string, columns: readonly string[]): RawBuilder<SqlBool> {
  const pattern = likePattern(text.trim());
  const parts = columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
