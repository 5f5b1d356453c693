/**
 * `liaison backup <file> [--format sqlite|logical]`: a consistent backup while the server keeps
 * running. SQLite defaults to a copy of the data file; PostgreSQL always writes the logical
 * format (operators may also use `pg_dump -Fc`). See src/platform/db/backup.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.ts';
import { loadConfigOrExit } from '../platform/config.ts';
import { createContext } from '../platform/context.ts';
import {
  createBackup,
  defaultBackupFormat,
  type BackupFormat,
  type BackupReport,
} from '../platform/db/backup.ts';
import { openDatabase } from '../platform/db/database.ts';
import { CliError, reportFailure } from './output.ts';

const FORMATS: readonly BackupFormat[] = ['sqlite', 'logical'];

/** Back up the configured database to `file`. The database is read as it is: no migration runs first. */
export async function runBackup(config: Config, file: string, format?: string): Promise<BackupReport> {
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }
  if (
    config.database.kind === 'sqlite' &&
    config.database.file !== ':memory:' &&
    !existsSync(config.database.file)
  ) {
    throw new CliError(`There is no database at ${config.database.file} to back up.`);
  }
  const ctx = createContext(config, openDatabase(config.database));
  try {
    return await createBackup(
      ctx,
      path.resolve(file),
      (format as BackupFormat | undefined) ?? defaultBackupFormat(ctx),
    );
  } finally {
    await ctx.database.destroy();
  }
}

export async function backupCommand(file: string, opts: { format?: string }): Promise<void> {
  try {
    const config = loadConfigOrExit();
    const report = await runBackup(config, file, opts.format);
    const rows = report.tables ? `, ${Object.values(report.tables).reduce((a, b) => a + b, 0)} rows` : '';
    console.log(
      `Backed up to ${report.file} (${report.format} format, migration ${report.migration ?? 'none'}${rows}).`,
    );
    console.log(
      config.secretSource === 'file'
        ? `Keep ${path.join(config.dataDir, 'secret.key')} with it: phone numbers and the audit chain need the same secret to be read.`
        : 'Keep LIAISON_SECRET with it: phone numbers and the audit chain need the same secret to be read.',
    );
  } catch (err) {
    reportFailure(err);
  }
}
