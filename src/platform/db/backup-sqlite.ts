/**
 * The SQLite format (see backup.ts): an online copy of the data file, and its restore by swapping
 * a checked copy in for the data file.
 */
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { verifyAuditChain } from '../../modules/audit/audit.service.ts';
import type { Config } from '../config.ts';
import { createContext } from '../context.ts';
import {
  BackupError,
  corrupt,
  isDatabaseEmpty,
  migrationMismatch,
  notEmptyError,
  secretMismatch,
  type RestoreReport,
} from './backup-format.ts';
import { appliedMigration, countRows, describeTables } from './catalog.ts';
import type { Database } from './database.ts';
import { openDatabase } from './database.ts';
import { latestMigrationName } from './migrator.ts';
import type { DB } from './schema.ts';
import { SQLITE_COMPANIONS } from './wipe.ts';

/**
 * Copy the live SQLite database to `file` with SQLite's online backup (consistent even while the
 * server writes), then make the copy a self-contained file (rollback journal, no WAL) and check it.
 */
export async function backupSqliteFile(
  database: Database,
  file: string,
): Promise<{ migration: string | null; bytes: number }> {
  if (!database.sqlite) {
    throw new BackupError(
      'WRONG_ENGINE',
      'PostgreSQL 数据库请使用逻辑备份（--format logical）或 pg_dump',
      'A PostgreSQL database is backed up in the logical format (--format logical) or with pg_dump',
    );
  }
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  try {
    await database.sqlite.backup(partial);
    const copy = new SqliteDatabase(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw corrupt(`the copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    await rename(partial, file);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  return { migration: await appliedMigration(database), bytes: (await stat(file)).size };
}

/** A Database over an open better-sqlite3 handle, for checking a file without the usual pragmas. */
function wrap(sqlite: SqliteDatabase.Database): Database {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, destroy: () => db.destroy() };
}

/** Integrity, migration version and audit chain (which also proves the secret) of a SQLite copy. */
async function checkCopy(
  config: Config,
  file: string,
): Promise<{ migration: string; tables: Record<string, number> }> {
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(file, { fileMustExist: true });
  } catch (err) {
    throw corrupt(err instanceof Error ? err.message : String(err));
  }
  const database = wrap(sqlite);
  try {
    let integrity: unknown;
    try {
      integrity = sqlite.pragma('integrity_check', { simple: true });
    } catch (err) {
      throw corrupt(err instanceof Error ? err.message : String(err));
    }
    if (integrity !== 'ok') throw corrupt(`integrity check: ${String(integrity)}`);
    const migration = await appliedMigration(database);
    if (migration !== latestMigrationName()) throw migrationMismatch(migration, latestMigrationName());
    const chain = await verifyAuditChain(createContext(config, database));
    if (!chain.ok) {
      // The first row failing its hash is what a different key looks like; anything else is damage or tampering.
      if (chain.problem?.kind === 'hash' && chain.problem.seq === 1) throw secretMismatch();
      throw corrupt(`the audit chain does not verify (${JSON.stringify(chain.problem)})`);
    }
    const tables: Record<string, number> = {};
    for (const t of await describeTables(database))
      tables[t.name] = await countRows(database.db as never, t.name);
    return { migration, tables };
  } finally {
    await database.destroy();
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Put a SQLite backup in place of the configured data file. The server must be stopped: the
 * swap replaces the file under any process that has it open. The backup is copied next to the
 * data file and checked there first; a data file that holds data is refused unless `replace`,
 * and then kept aside as `<file>.pre-restore-<time>`.
 */
export async function restoreSqliteFile(
  config: Config,
  file: string,
  opts: { replace: boolean },
): Promise<RestoreReport> {
  if (config.database.kind !== 'sqlite') {
    throw new BackupError(
      'WRONG_ENGINE',
      '这是 SQLite 数据文件备份，不能恢复到 PostgreSQL。请在原系统上用 backup --format logical 做逻辑备份后再恢复',
      'This is a SQLite file backup and cannot be restored into PostgreSQL. Make a logical backup (backup --format logical) on the old system and restore that',
    );
  }
  const target = config.database.file;
  if (target === ':memory:')
    throw new BackupError(
      'WRONG_ENGINE',
      '内存数据库无法恢复',
      'An in-memory database cannot be restored into',
    );
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restoring`);
  await mkdir(path.dirname(target), { recursive: true });
  await rm(staging, { force: true });
  await copyFile(file, staging);
  try {
    const checked = await checkCopy(config, staging);
    let previousFile: string | undefined;
    if (await exists(target)) {
      const current = openDatabase(config.database);
      try {
        const empty = (await describeTables(current)).length === 0 || (await isDatabaseEmpty(current));
        if (!empty && !opts.replace) throw notEmptyError();
        // Fold the WAL into the main file, so the file kept aside is complete on its own.
        current.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
        previousFile = empty
          ? undefined
          : `${target}.pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      } finally {
        await current.destroy();
      }
      if (previousFile) await rename(target, previousFile);
      else await rm(target, { force: true });
      for (const suffix of SQLITE_COMPANIONS) await rm(target + suffix, { force: true });
    }
    await rename(staging, target);
    return {
      format: 'sqlite',
      migration: checked.migration,
      tables: checked.tables,
      ...(previousFile ? { previousFile } : {}),
    };
  } finally {
    await rm(staging, { force: true });
  }
}
