/**
 * Column helpers for migrations that must run on SQLite and PostgreSQL alike. Frozen with the
 * migrations: change behaviour only by adding new helpers, never by editing these.
 */
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
} from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Type of an instant: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
export function timestampType(db: Kysely<any>) {
  return isPostgres(db) ? sql`timestamptz` : sql`text`;
}

/** Type of a calendar date: date on PostgreSQL, 'YYYY-MM-DD' text on SQLite. */
export function dateType(db: Kysely<any>) {
  return isPostgres(db) ? sql`date` : sql`text`;
}

/** An auto-numbered integer primary key named id. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** created_at / updated_at, both required. */
export function withTimestamps<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, any>) {
  return table
    .addColumn('created_at', timestampType(db), (c) => c.notNull())
    .addColumn('updated_at', timestampType(db), (c) => c.notNull());
}

/** A CHECK constraint restricting a text column to a list of values. */
export function oneOf(column: string, values: readonly string[]) {
  return (c: ColumnDefinitionBuilder) =>
    c.check(sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`);
}
