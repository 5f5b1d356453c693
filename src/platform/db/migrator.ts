/** Runs the migrations of `migrations/index.ts` on either engine. */
import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

function migrator(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Without it, Kysely looks for its bookkeeping tables in every schema of the database and,
    // finding another schema's, skips creating its own (test suites, DATABASE_SCHEMA deployments).
    ...(database.pgSchema ? { migrationTableSchema: database.pgSchema } : {}),
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? '↑' : '↓'} ${r.migrationName}`);
}

/** Bring the schema to the newest version; returns the names applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  if (database.pgSchema) {
    await sql`create schema if not exists ${sql.id(database.pgSchema)}`.execute(database.db);
  }
  return check(await migrator(database).migrateToLatest());
}

/** Undo the newest migration. */
export async function migrateDown(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateDown());
}

/** The name of the newest applied migration, or null on an empty database. */
export async function currentMigration(database: Database): Promise<string | null> {
  const all = await migrator(database).getMigrations();
  const applied = all.filter((m) => m.executedAt !== undefined);
  return applied.at(-1)?.name ?? null;
}

/** The name of the newest migration this build knows. */
export function latestMigrationName(): string {
  return Object.keys(migrations).sort().at(-1) ?? '';
}
