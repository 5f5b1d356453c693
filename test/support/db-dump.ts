/**
 * Every row of every table, in a canonical order, for comparing two databases exactly (backup
 * round trips, SQLite → PostgreSQL moves).
 */
import type { Kysely } from 'kysely';
import { describeTables } from '../../src/platform/db/catalog.ts';
import type { Database } from '../../src/platform/db/database.ts';

export async function dumpDatabase(database: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  const db = database.db as unknown as Kysely<any>;
  for (const t of await describeTables(database)) {
    const rows = (await db.selectFrom(t.name).select(t.columns).execute()) as Record<string, unknown>[];
    // Sorted here rather than by ORDER BY: the engines collate text keys differently.
    out[t.name] = rows
      .map((r) => ({ ...r }))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}
