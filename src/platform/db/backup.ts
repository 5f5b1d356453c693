/**
 * Backup and restore (DESIGN.md §7: "backup and restore commands"), used by `liaison backup` and
 * `liaison restore`.
 *
 * Two formats:
 *  - 'sqlite' (the default on SQLite): a consistent online copy of the data file, taken with
 *    SQLite's backup API while the server keeps running. Restore checks the copy (integrity,
 *    migration version, audit chain under the current secret) and swaps it in for the data file;
 *    the server must be stopped for that.
 *  - 'logical' (the only one on PostgreSQL, optional on SQLite): gzipped JSON lines — a header
 *    {format, version, migration, dialect, createdAt, keyCheck, tables: {name: rowCount}}, then for
 *    each table in dependency order a {table, columns} line and one JSON array per row, then
 *    {end: true}. Read in one snapshot (REPEATABLE READ, read-only on PostgreSQL) and restored in
 *    one transaction into a migrated database of either engine. It is also how an office moves
 *    from SQLite to PostgreSQL: `backup --format logical` on the old system, `restore` on the new.
 *    Operators of PostgreSQL may prefer `pg_dump -Fc`, which this does not replace.
 *
 * Both refuse a backup from another migration version, one written under another LIAISON_SECRET
 * (encrypted phones and the keyed audit chain would be unusable), a damaged file, and a target that
 * already holds data unless told to replace it.
 */
import type { Config } from '../config.ts';
import type { AppContext } from '../context.ts';
import { detectBackupFormat, type BackupFormat, type RestoreReport } from './backup-format.ts';
import { backupLogical, restoreLogical } from './backup-logical.ts';
import { backupSqliteFile, restoreSqliteFile } from './backup-sqlite.ts';

export * from './backup-format.ts';
export { backupLogical, restoreLogical, backupSqliteFile, restoreSqliteFile };

export interface BackupReport {
  format: BackupFormat;
  file: string;
  migration: string | null;
  /** Row counts (logical format). */
  tables?: Record<string, number>;
}

/** The format used when none is asked for: the file copy on SQLite, the logical dump on PostgreSQL. */
export function defaultBackupFormat(ctx: AppContext): BackupFormat {
  return ctx.database.dialect === 'sqlite' ? 'sqlite' : 'logical';
}

export async function createBackup(
  ctx: AppContext,
  file: string,
  format: BackupFormat = defaultBackupFormat(ctx),
): Promise<BackupReport> {
  if (format === 'sqlite') {
    const { migration } = await backupSqliteFile(ctx.database, file);
    return { format, file, migration };
  }
  const header = await backupLogical(ctx, file);
  return { format, file, migration: header.migration, tables: header.tables };
}

/**
 * Restore `file`, whichever its format. `openTarget` opens (and migrates) the configured
 * database for a logical restore; a SQLite-format restore works on the data file itself and
 * must not have it open.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  opts: { replace: boolean; openTarget: () => Promise<AppContext> },
): Promise<RestoreReport> {
  const format = await detectBackupFormat(file);
  if (format === 'sqlite') return restoreSqliteFile(config, file, { replace: opts.replace });
  const ctx = await opts.openTarget();
  try {
    return await restoreLogical(ctx, file, { replace: opts.replace });
  } finally {
    await ctx.database.destroy();
  }
}
