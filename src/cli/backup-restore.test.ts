import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { cliDatabase } from '../../test/support/cli-database.ts';
import { dumpDatabase } from '../../test/support/db-dump.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import type { Config } from '../platform/config.ts';
import { BackupError } from '../platform/db/backup.ts';
import { openDatabase } from '../platform/db/database.ts';
import { runBackup } from './backup.ts';
import { CliError } from './output.ts';
import { runRestore } from './restore.ts';
import { runSeed } from './seed.ts';

// The demo is loaded twice and backed up and restored whole (a year of opinions, suggestions and
// activities): more than the default 30 s on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

async function dump(config: Config) {
  const database = openDatabase(config.database);
  try {
    return await dumpDatabase(database);
  } finally {
    await database.destroy();
  }
}

describeEachDialect('liaison backup and restore', (_env, dialect) => {
  const secret = randomBytes(32).toString('hex');
  const source = cliDatabase(dialect, secret);
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-cli-backup-'));
  const targets: ReturnType<typeof cliDatabase>[] = [];
  const newTarget = () => {
    const t = cliDatabase(dialect, secret);
    targets.push(t);
    return t.config;
  };
  beforeAll(async () => {
    await runSeed(source.config, {});
  });
  afterAll(async () => {
    for (const t of [source, ...targets]) await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`backs up in the engine's default format and restores into a new database`, async () => {
    const file = path.join(dir, 'default.bak');
    const report = await runBackup(source.config, file);
    expect(report.format).toBe(dialect === 'sqlite' ? 'sqlite' : 'logical');
    const target = newTarget();
    await runRestore(target, file, {});
    expect(await dump(target)).toEqual(await dump(source.config));
  });

  it('backs up in the logical format and restores it, replacing data only with --yes', async () => {
    const file = path.join(dir, 'logical.jsonl.gz');
    expect((await runBackup(source.config, file, 'logical')).format).toBe('logical');
    const target = newTarget();
    await runSeed(target, { seed: 'something-else' });
    await expect(runRestore(target, file, {})).rejects.toSatisfy(
      (e) => e instanceof BackupError && e.problem === 'NOT_EMPTY',
    );
    await runRestore(target, file, { yes: true });
    expect(await dump(target)).toEqual(await dump(source.config));
  });

  it('refuses an unknown format, and a file copy of PostgreSQL', async () => {
    await expect(runBackup(source.config, path.join(dir, 'x'), 'zip')).rejects.toBeInstanceOf(CliError);
    if (dialect === 'postgres') {
      await expect(runBackup(source.config, path.join(dir, 'pg.db'), 'sqlite')).rejects.toSatisfy(
        (e) => e instanceof BackupError && e.problem === 'WRONG_ENGINE',
      );
    } else {
      await expect(runBackup(newTarget(), path.join(dir, 'nothing.db'))).rejects.toThrow(/no database/);
    }
  });
});
