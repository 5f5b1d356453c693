import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { cliDatabase } from '../../test/support/cli-database.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import { buildJurisdiction, buildUser } from '../../test/support/fixtures.ts';
import type { Config } from '../platform/config.ts';
import { openContext } from '../platform/server.ts';
import { formatJobResults, jobsCommand, runJobs } from './jobs.ts';

describeEachDialect('liaison jobs --once', (_env, dialect) => {
  const target = cliDatabase(dialect);
  let dataDir: string;
  let config: Config;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-jobs-'));
    config = {
      ...target.config,
      dataDir,
      notifications: { ...target.config.notifications, sms: 'file', email: 'file' },
    };
    // A message waiting in the outbox and a session long dead, written as the server would.
    const ctx = await openContext(config);
    try {
      const now = new Date();
      const j = await buildJurisdiction(ctx, { name: '清江市', level: 'city' });
      const user = await buildUser(ctx, { roles: ['leader'], jurisdictionId: j.id });
      await ctx.database.db
        .insertInto('outbox')
        .values({
          channel: 'sms',
          recipient_enc: ctx.cipher.encrypt('13812345678'),
          subject: null,
          body: '【联络】您的意见已办结，请评价',
          next_attempt_at: new Date(now.getTime() - 60_000).toISOString(),
          created_at: now.toISOString(),
        })
        .execute();
      const old = new Date(now.getTime() - 30 * 86_400_000).toISOString();
      await ctx.database.db
        .insertInto('session')
        .values({
          id: 'dead',
          user_id: user.id,
          created_at: old,
          last_seen_at: old,
          expires_at: old,
          ip: null,
          user_agent: null,
        })
        .execute();
    } finally {
      await ctx.database.destroy();
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await target.cleanup();
  });

  it('runs every job once and reports what each did', async () => {
    const results = await runJobs(config);
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['opinion-deadlines', true],
      ['suggestion-deadlines', true],
      ['reception-days', true],
      ['score-refresh', true],
      ['outbox', true],
      ['session-purge', true],
    ]);
    const did = (name: string) => results.find((r) => r.name === name)!.did;
    expect(Object.values(did('suggestion-deadlines')).every((n) => n === 0)).toBe(true);
    expect(did('outbox')).toEqual({ sent: 1, retried: 0, failed: 0, skipped: 0 });
    expect(did('session-purge')).toEqual({ purged: 1 });
    const log = path.join(dataDir, 'outbox.log');
    expect(statSync(log).mode & 0o777).toBe(0o600);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      channel: 'sms',
      to: '*******5678',
      body: '【联络】您的意见已办结，请评价',
    });

    const lines2 = formatJobResults(results);
    expect(lines2).toHaveLength(6);
    expect(lines2[4]).toMatch(/^outbox\s+ok\s+sent=1 retried=0 failed=0 skipped=0\s+\d+ ms$/);
    expect(lines2[5]).toMatch(/^session-purge\s+ok\s+purged=1\s+\d+ ms$/);
  });

  it('does nothing twice: a second run finds nothing to send or purge', async () => {
    const results = await runJobs(config);
    expect(results.every((r) => r.ok)).toBe(true);
    const did = (name: string) => results.find((r) => r.name === name)!.did;
    expect(did('outbox')).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    expect(did('session-purge')).toEqual({ purged: 0 });
    expect(readFileSync(path.join(dataDir, 'outbox.log'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});

it('formats a failed job with its error', () => {
  expect(
    formatJobResults([
      { name: 'outbox', ok: true, did: {}, ms: 3 },
      { name: 'opinion-deadlines', ok: false, did: {}, error: 'database is locked', ms: 12 },
    ]),
  ).toEqual([
    'outbox             ok      -                   3 ms',
    'opinion-deadlines  FAILED  database is locked  12 ms',
  ]);
});

it('asks for --once rather than running the scheduler in the foreground', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await jobsCommand({});
    expect(process.exitCode).toBe(1);
    expect(errors.mock.calls.flat().join(' ')).toContain('--once');
  } finally {
    process.exitCode = undefined;
    errors.mockRestore();
  }
});
