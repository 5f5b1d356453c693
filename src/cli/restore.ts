/**
 * `liaison restore <file> [--yes]`: put a backup back. Stop the server first. The format is
 * recognised from the file; the target must be empty (a new data directory or database) unless
 * --yes allows replacing what it holds. Nothing is asked interactively.
 */
import path from 'node:path';
import type { Config } from '../platform/config.ts';
import { loadConfigOrExit } from '../platform/config.ts';
import { restoreBackup, type RestoreReport } from '../platform/db/backup.ts';
import { openContext } from '../platform/server.ts';
import { reportFailure } from './output.ts';

export async function runRestore(
  config: Config,
  file: string,
  opts: { yes?: boolean },
): Promise<RestoreReport> {
  return restoreBackup(config, path.resolve(file), {
    replace: opts.yes === true,
    openTarget: () => openContext(config),
  });
}

export async function restoreCommand(file: string, opts: { yes?: boolean }): Promise<void> {
  try {
    const config = loadConfigOrExit();
    const where =
      config.database.kind === 'sqlite'
        ? config.database.file
        : `PostgreSQL${config.database.schema ? ` schema ${config.database.schema}` : ''}`;
    console.log(
      `Restoring ${path.resolve(file)} into ${where}. The Liaison server must be stopped while this runs.`,
    );
    const report = await runRestore(config, file, opts);
    const rows = Object.values(report.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Restored ${rows} rows in ${Object.keys(report.tables).length} tables (${report.format} format, migration ${report.migration}).`,
    );
    if (report.previousFile) console.log(`The data file it replaced is kept as ${report.previousFile}.`);
  } catch (err) {
    reportFailure(err);
  }
}
