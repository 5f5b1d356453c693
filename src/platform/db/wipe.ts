/**
 * Erasing a database completely, for `liaison seed --reset` (and nothing else: restore replaces
 * rows inside its own transaction instead). SQLite: the data file and its WAL companions are
 * deleted. PostgreSQL: every table, view and sequence of the configured schema is dropped (the
 * schema itself and its grants stay). The next migration recreates everything.
 */
import { rmSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import { openDatabase } from './database.ts';

export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'];

export async function wipeDatabase(config: DatabaseConfig): Promise<void> {
  if (config.kind === 'sqlite') {
    if (config.file === ':memory:') return;
    for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(config.file + suffix, { force: true });
    return;
  }
  const database = openDatabase(config);
  try {
    const db = database.db as unknown as Kysely<any>;
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S')`.execute(trx);
      const drop = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => sql.id(r.name));
      const views = drop('v');
      const matviews = drop('m');
      const tables = [...drop('r'), ...drop('p')];
      const sequences = drop('S');
      if (views.length) await sql`drop view if exists ${sql.join(views)} cascade`.execute(trx);
      if (matviews.length)
        await sql`drop materialized view if exists ${sql.join(matviews)} cascade`.execute(trx);
      if (tables.length) await sql`drop table if exists ${sql.join(tables)} cascade`.execute(trx);
      // Identity sequences went with their tables; free-standing ones remain.
      if (sequences.length) await sql`drop sequence if exists ${sql.join(sequences)} cascade`.execute(trx);
    });
  } finally {
    await database.destroy();
  }
}
