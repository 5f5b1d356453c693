/**
 * What tables the database holds, read from the engine's own catalog (sqlite_master and pragmas;
 * pg_catalog): their columns, primary keys, foreign keys and identity columns, ordered so that a
 * table comes after the tables it refers to. Backup and restore walk this list, so a table added
 * by a later migration is included without anyone editing a list.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.ts';

export interface TableInfo {
  name: string;
  /** Columns a row is written with, in table order (generated columns are left out). */
  columns: string[];
  primaryKey: string[];
  foreignKeys: { column: string; references: string }[];
  /** The auto-numbered id column (PostgreSQL identity, SQLite INTEGER PRIMARY KEY), if any. */
  identity: string | null;
}

/** Kysely's own bookkeeping: the migration version travels in a backup's header instead. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

const any = (database: Database) => database.db as unknown as Kysely<any>;

async function sqliteTables(database: Database): Promise<(TableInfo & { order: number })[]> {
  const db = any(database);
  const { rows: tables } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(
    db,
  );
  // Virtual tables (FTS5 search indexes) and their shadow tables are derived data, rebuilt from their sources.
  const virtual = tables.filter((t) => /^create\s+virtual\s+table/i.test(t.sql ?? '')).map((t) => t.name);
  const plain = tables.filter(
    (t) =>
      !virtual.includes(t.name) &&
      !virtual.some((v) => t.name.startsWith(`${v}_`)) &&
      !MIGRATION_TABLES.includes(t.name),
  );
  const out: (TableInfo & { order: number })[] = [];
  for (const [order, t] of plain.entries()) {
    const { rows: cols } = await sql<{ name: string; type: string; pk: number }>`
      select name, type, pk from pragma_table_info(${t.name}) order by cid`.execute(db);
    const { rows: fks } = await sql<{ from: string; table: string }>`
      select "from", "table" from pragma_foreign_key_list(${t.name})`.execute(db);
    const primaryKey = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const pkCol = primaryKey.length === 1 ? cols.find((c) => c.name === primaryKey[0]) : undefined;
    out.push({
      name: t.name,
      order,
      columns: cols.map((c) => c.name),
      primaryKey,
      foreignKeys: fks.map((f) => ({ column: f.from, references: f.table })),
      identity: pkCol && pkCol.type.toUpperCase() === 'INTEGER' ? pkCol.name : null,
    });
  }
  return out;
}

async function postgresTables(database: Database): Promise<(TableInfo & { order: number })[]> {
  const db = any(database);
  const { rows: tables } = await sql<{ name: string; oid: number }>`
    select c.relname as name, c.oid::int8 as oid from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
    order by c.oid`.execute(db);
  const { rows: cols } = await sql<{ table: string; name: string; generated: string; identity: string }>`
    select table_name as "table", column_name as name, is_generated as generated, is_identity as identity
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(
    db,
  );
  const { rows: pks } = await sql<{ table: string; name: string }>`
    select c.relname as "table", a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = current_schema()
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const { rows: fks } = await sql<{ table: string; column: string; references: string }>`
    select cl.relname as "table", a.attname as "column", ft.relname as "references"
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_class ft on ft.oid = k.confrelid
    join pg_namespace n on n.oid = k.connamespace
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  return tables
    .filter((t) => !MIGRATION_TABLES.includes(t.name))
    .map((t, order) => {
      const own = cols.filter((c) => c.table === t.name);
      return {
        name: t.name,
        order,
        // A generated column (a tsvector kept from other columns) is recomputed on insert, never written.
        columns: own.filter((c) => c.generated !== 'ALWAYS').map((c) => c.name),
        primaryKey: pks.filter((p) => p.table === t.name).map((p) => p.name),
        foreignKeys: fks
          .filter((f) => f.table === t.name)
          .map((f) => ({ column: f.column, references: f.references })),
        identity: own.find((c) => c.identity === 'YES')?.name ?? null,
      };
    });
}

/**
 * The application's tables, each after the tables it refers to (ties in creation order, which is
 * migration order). References within a table, or around a cycle, cannot be ordered away: whoever
 * writes rows must fill those columns in a second pass (see `deferredColumns`).
 */
export async function describeTables(database: Database): Promise<TableInfo[]> {
  const tables =
    database.dialect === 'sqlite' ? await sqliteTables(database) : await postgresTables(database);
  const names = new Set(tables.map((t) => t.name));
  const placed: TableInfo[] = [];
  const done = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.order - b.order);
  while (remaining.length > 0) {
    const ready = remaining.find((t) =>
      t.foreignKeys.every(
        (f) => f.references === t.name || done.has(f.references) || !names.has(f.references),
      ),
    );
    // A cycle between tables: take the oldest, and let its forward references be deferred.
    const next = ready ?? remaining[0]!;
    placed.push({
      name: next.name,
      columns: next.columns,
      primaryKey: next.primaryKey,
      foreignKeys: next.foreignKeys,
      identity: next.identity,
    });
    done.add(next.name);
    remaining = remaining.filter((t) => t !== next);
  }
  return placed;
}

/** The foreign-key columns of `table` that point at itself or at a table not loaded yet. */
export function deferredColumns(table: TableInfo, loaded: ReadonlySet<string>): string[] {
  return [
    ...new Set(
      table.foreignKeys
        .filter((f) => f.references === table.name || !loaded.has(f.references))
        .map((f) => f.column),
    ),
  ];
}

/** Row count of one table. */
export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The newest migration recorded in the database itself (null when none), read straight from
 * Kysely's table: unlike the migrator's view, it also reports migrations this build does not know.
 */
export async function appliedMigration(database: Database): Promise<string | null> {
  const db = any(database);
  const exists =
    database.dialect === 'sqlite'
      ? (
          await sql<{
            n: number;
          }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(
            db,
          )
        ).rows[0]
      : (
          await sql<{
            n: number;
          }>`select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relname = 'kysely_migration'`.execute(db)
        ).rows[0];
  if (!exists || Number(exists.n) === 0) return null;
  const row = await db
    .selectFrom('kysely_migration')
    .select((eb) => eb.fn.max('name').as('name'))
    .executeTakeFirst();
  return (row?.name as string | null | undefined) ?? null;
}
