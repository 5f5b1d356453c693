import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestEnv,
  dialectAvailable,
  describeEachDialect,
  testConfig,
  type TestEnv,
} from '../../../test/support/dialects.ts';
import { dumpDatabase } from '../../../test/support/db-dump.ts';
import { recordAuditAlone } from '../../modules/audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../../modules/auth/auth.domain.ts';
import { verifyAuditChain } from '../../modules/audit/audit.service.ts';
import { seedDemoData } from '../../modules/demo/demo.service.ts';
import { createContext } from '../context.ts';
import {
  BackupError,
  createBackup,
  detectBackupFormat,
  isDatabaseEmpty,
  restoreLogical,
  restoreSqliteFile,
  type BackupProblem,
} from './backup.ts';
import { openDatabase } from './database.ts';
import { latestMigrationName } from './migrator.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-backup-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Rewrite the lines of a logical backup (to forge the damage a test needs). */
function rewrite(file: string, out: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  writeFileSync(out, gzipSync(Buffer.from(edit(lines).join('\n'), 'utf8')));
  return out;
}

const secretOf = (env: TestEnv) => env.ctx.config.secretKey.toString('hex');

async function refusal(promise: Promise<unknown>): Promise<BackupProblem> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BackupError) return err.problem;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** A seeded source: the demo organisation plus a few audit rows of its own. */
// Each test backs up, restores or refuses the whole demo (a year of opinions, suggestions and
// activities), several times over on PostgreSQL: more than the default 30 s on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

async function seedSource(env: TestEnv): Promise<void> {
  await seedDemoData(env.ctx);
  for (const action of ['auth.login', 'user.update', 'auth.logout']) {
    env.clock.advanceMinutes(7);
    await recordAuditAlone(env.ctx, SYSTEM_ACTOR, { action, detail: { note: '备份测试' } });
  }
}

async function expectSameData(source: TestEnv, target: TestEnv): Promise<void> {
  expect(await dumpDatabase(target.ctx.database)).toEqual(await dumpDatabase(source.ctx.database));
  // Phones still decrypt under the shared secret, and the keyed audit chain still verifies.
  const reps = await target.ctx.database.db
    .selectFrom('representative')
    .select(['phone_enc', 'phone_hash'])
    .limit(50)
    .execute();
  for (const r of reps)
    expect(target.ctx.cipher.blindIndex(target.ctx.cipher.decrypt(r.phone_enc!))).toBe(r.phone_hash);
  expect(await verifyAuditChain(target.ctx)).toMatchObject({ ok: true });
}

describeEachDialect('logical backup and restore', (env, dialect) => {
  const dir = tempDir();
  const file = path.join(dir, 'backup.jsonl.gz');
  const targets: TestEnv[] = [];
  const freshTarget = async (secret = secretOf(env())) => {
    const t = await createTestEnv(dialect, { LIAISON_SECRET: secret });
    targets.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of targets) await t.cleanup();
  });

  beforeAll(async () => {
    await seedSource(env());
    await createBackup(env().ctx, file, 'logical');
  });

  it('writes a header with the version, the engine and every table count', async () => {
    expect(await detectBackupFormat(file)).toBe('logical');
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]!) as Record<
      string,
      unknown
    >;
    expect(header).toMatchObject({
      format: 'liaison-logical-backup',
      version: 1,
      migration: latestMigrationName(),
      dialect,
    });
    const tables = header.tables as Record<string, number>;
    const reps = await env()
      .ctx.database.db.selectFrom('representative')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(tables.representative).toBe(Number(reps.n));
    expect(Object.keys(tables)).toEqual(
      expect.arrayContaining(['jurisdiction', 'app_user', 'audit_log', 'audit_head', 'category', 'station']),
    );
    expect(Object.keys(tables)).not.toContain('kysely_migration');
  });

  it('restores into a fresh database row for row, phones readable and the audit chain intact', async () => {
    const target = await freshTarget();
    const report = await restoreLogical(target.ctx, file, { replace: false });
    expect(report.tables.representative).toBeGreaterThan(500);
    await expectSameData(env(), target);
  });

  it('moves identity sequences past the restored ids', async () => {
    const target = await freshTarget();
    await restoreLogical(target.ctx, file, { replace: false });
    const db = target.ctx.database.db;
    const max = await db
      .selectFrom('jurisdiction')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const now = target.clock.now().toISOString();
    const added = await db
      .insertInto('jurisdiction')
      .values({
        code: '339999',
        name: '新区',
        level: 'county',
        parent_id: null,
        path: '/',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBeGreaterThan(Number(max.id));
  });

  it('refuses a target that holds data, and replaces it only when told to', async () => {
    const target = await freshTarget();
    await restoreLogical(target.ctx, file, { replace: false });
    await recordAuditAlone(target.ctx, SYSTEM_ACTOR, { action: 'after.restore' });
    expect(await refusal(restoreLogical(target.ctx, file, { replace: false }))).toBe('NOT_EMPTY');
    await restoreLogical(target.ctx, file, { replace: true });
    await expectSameData(env(), target);
  });

  it('refuses a backup of another migration version, changing nothing', async () => {
    const target = await freshTarget();
    const forged = rewrite(file, path.join(dir, 'old.jsonl.gz'), ([head, ...rest]) => [
      JSON.stringify({ ...(JSON.parse(head!) as object), migration: '2026-01-01T0000_older' }),
      ...rest,
    ]);
    expect(await refusal(restoreLogical(target.ctx, forged, { replace: false }))).toBe('MIGRATION_MISMATCH');
    expect(await isDatabaseEmpty(target.ctx.database)).toBe(true);
  });

  it('refuses a backup written under another secret', async () => {
    const target = await freshTarget('cd'.repeat(32));
    expect(await refusal(restoreLogical(target.ctx, file, { replace: false }))).toBe('SECRET_MISMATCH');
    expect(await isDatabaseEmpty(target.ctx.database)).toBe(true);
  });

  it('refuses damaged files and keeps what the target held', async () => {
    const target = await freshTarget();
    await restoreLogical(target.ctx, file, { replace: false });
    const before = await dumpDatabase(target.ctx.database);
    const bytes = readFileSync(file);
    const truncated = path.join(dir, 'truncated.jsonl.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const flipped = path.join(dir, 'flipped.jsonl.gz');
    const damaged = Buffer.from(bytes);
    for (let i = 200; i < 260; i++) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(flipped, damaged);
    const rowLost = rewrite(file, path.join(dir, 'row-lost.jsonl.gz'), (lines) =>
      lines.filter((_, i) => i !== 5),
    );
    const noEnd = rewrite(file, path.join(dir, 'no-end.jsonl.gz'), (lines) =>
      lines.filter((l) => l !== '{"end":true}'),
    );
    const tampered = rewrite(file, path.join(dir, 'tampered.jsonl.gz'), (lines) =>
      lines.map((l) => (l.includes('"demo.seed"') ? l.replace('"demo.seed"', '"demo.edited"') : l)),
    );
    const miscounted = rewrite(file, path.join(dir, 'miscounted.jsonl.gz'), ([head, ...rest]) => {
      const h = JSON.parse(head!) as { tables: Record<string, number> };
      return [JSON.stringify({ ...h, tables: { ...h.tables, grid: (h.tables.grid ?? 0) + 1 } }), ...rest];
    });
    for (const bad of [truncated, flipped, rowLost, noEnd, tampered, miscounted]) {
      expect(await refusal(restoreLogical(target.ctx, bad, { replace: true })), bad).toBe('CORRUPT');
    }
    expect(await dumpDatabase(target.ctx.database)).toEqual(before);
    const junk = path.join(dir, 'junk.bin');
    writeFileSync(junk, 'not a backup at all');
    expect(await refusal(detectBackupFormat(junk))).toBe('UNKNOWN_FORMAT');
  });
});

describe.skipIf(!dialectAvailable('postgres'))('moving from SQLite to PostgreSQL', () => {
  const dir = tempDir();
  let source: TestEnv;
  let target: TestEnv;
  beforeAll(async () => {
    source = await createTestEnv('sqlite');
    target = await createTestEnv('postgres', { LIAISON_SECRET: secretOf(source) });
  });
  afterAll(async () => {
    await source.cleanup();
    await target.cleanup();
  });

  it('carries every row across through the logical format', async () => {
    await seedSource(source);
    const file = path.join(dir, 'move.jsonl.gz');
    await createBackup(source.ctx, file, 'logical');
    const report = await restoreLogical(target.ctx, file, { replace: false });
    expect(report.tables.audit_log).toBeGreaterThan(1);
    await expectSameData(source, target);
  });
});

describe('SQLite file backups', () => {
  const dir = tempDir();
  const secret = 'ab'.repeat(32);
  const backupFile = path.join(dir, 'liaison-backup.db');
  let source: TestEnv;
  const targetConfig = (file: string, overrides: Record<string, string> = {}) =>
    testConfig({ LIAISON_SECRET: secret, DATABASE_URL: `sqlite:${file}`, ...overrides });
  /** Open a restored data file as the server would, and compare it with the source. */
  const expectRestored = async (file: string) => {
    const database = openDatabase({ kind: 'sqlite', file });
    const target = { ...source, ctx: createContext(targetConfig(file), database, source.clock) };
    try {
      await expectSameData(source, target);
    } finally {
      await database.destroy();
    }
  };

  beforeAll(async () => {
    source = await createTestEnv('sqlite', { LIAISON_SECRET: secret }, path.join(dir, 'source.db'));
    await seedSource(source);
    await createBackup(source.ctx, backupFile);
  });
  afterAll(async () => {
    await source.cleanup();
  });

  it('copies the live database into a standalone file', async () => {
    expect(await detectBackupFormat(backupFile)).toBe('sqlite');
    const copy = new SqliteDatabase(backupFile, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('restores into a new data file', async () => {
    const file = path.join(dir, 'fresh', 'liaison.db');
    mkdirSync(path.dirname(file), { recursive: true });
    const report = await restoreSqliteFile(targetConfig(file), backupFile, { replace: false });
    expect(report).toMatchObject({ format: 'sqlite', migration: latestMigrationName() });
    expect(report.previousFile).toBeUndefined();
    await expectRestored(file);
  });

  it('refuses a data file that holds data unless replacing, and then keeps the old file aside', async () => {
    const file = path.join(dir, 'busy.db');
    const other = await createTestEnv('sqlite', { LIAISON_SECRET: secret }, file);
    await recordAuditAlone(other.ctx, SYSTEM_ACTOR, { action: 'something.else' });
    await other.cleanup();
    expect(await refusal(restoreSqliteFile(targetConfig(file), backupFile, { replace: false }))).toBe(
      'NOT_EMPTY',
    );
    const report = await restoreSqliteFile(targetConfig(file), backupFile, { replace: true });
    expect(report.previousFile).toMatch(/busy\.db\.pre-restore-/);
    expect(existsSync(report.previousFile!)).toBe(true);
    await expectRestored(file);
  });

  it('refuses a copy from another migration version', async () => {
    for (const [name, change] of [
      [
        'older.db',
        (db: SqliteDatabase.Database) =>
          db.prepare('delete from kysely_migration where name = ?').run(latestMigrationName()),
      ],
      [
        'newer.db',
        (db: SqliteDatabase.Database) =>
          db
            .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
            .run('2099-01-01T0000_future', '2099-01-01T00:00:00.000Z'),
      ],
    ] as const) {
      const forged = path.join(dir, name);
      copyFileSync(backupFile, forged);
      const db = new SqliteDatabase(forged);
      change(db);
      db.close();
      expect(
        await refusal(
          restoreSqliteFile(targetConfig(path.join(dir, `t-${name}`)), forged, { replace: false }),
        ),
        name,
      ).toBe('MIGRATION_MISMATCH');
    }
  });

  it('refuses a damaged file and leaves the data file alone', async () => {
    const bytes = readFileSync(backupFile);
    const truncated = path.join(dir, 'truncated.db');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const scrambled = path.join(dir, 'scrambled.db');
    const damaged = Buffer.from(bytes);
    for (let i = 4096 * 3; i < 4096 * 3 + 2000; i++) damaged[i] = (i * 31) & 0xff;
    writeFileSync(scrambled, damaged);
    const target = path.join(dir, 'untouched.db');
    for (const bad of [truncated, scrambled]) {
      expect(await detectBackupFormat(bad)).toBe('sqlite');
      expect(await refusal(restoreSqliteFile(targetConfig(target), bad, { replace: true })), bad).toBe(
        'CORRUPT',
      );
    }
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a copy made under another secret', async () => {
    const config = targetConfig(path.join(dir, 'other-secret.db'), { LIAISON_SECRET: 'cd'.repeat(32) });
    expect(await refusal(restoreSqliteFile(config, backupFile, { replace: false }))).toBe('SECRET_MISMATCH');
  });

  it('refuses to put a SQLite file into PostgreSQL', async () => {
    const config = testConfig({ LIAISON_SECRET: secret, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(await refusal(restoreSqliteFile(config, backupFile, { replace: false }))).toBe('WRONG_ENGINE');
  });
});
