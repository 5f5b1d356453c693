import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { cliDatabase } from '../../test/support/cli-database.ts';
import { describeEachDialect } from '../../test/support/dialects.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openContext, startServer } from './server.ts';

async function queueSms(ctx: AppContext, body: string): Promise<number> {
  const now = new Date().toISOString();
  const row = await ctx.database.db
    .insertInto('outbox')
    .values({
      channel: 'sms',
      recipient_enc: ctx.cipher.encrypt('13812345678'),
      subject: null,
      body,
      next_attempt_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function statusOf(ctx: AppContext, id: number): Promise<string> {
  const row = await ctx.database.db
    .selectFrom('outbox')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

describeEachDialect('the server runs the scheduled jobs', (_env, dialect) => {
  const target = cliDatabase(dialect);
  let dataDir: string;
  let config: Config;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'liaison-server-'));
    config = {
      ...target.config,
      host: '127.0.0.1',
      port: 0,
      dataDir,
      scheduler: { enabled: true, intervalSeconds: 1 },
      notifications: { ...target.config.notifications, sms: 'file' },
    };
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await target.cleanup();
  });

  it('starts the runner with the server, runs it every interval, and stops it on shutdown', async () => {
    const ctx = await openContext(config);
    const first = await queueSms(ctx, '第一条');
    const server = await startServer(ctx);
    try {
      expect(server.jobs).not.toBeNull();
      // The first run comes at start-up, the next one an interval later.
      await vi.waitFor(async () => expect(await statusOf(ctx, first)).toBe('sent'), {
        timeout: 15_000,
        interval: 50,
      });
      const second = await queueSms(ctx, '第二条');
      await vi.waitFor(async () => expect(await statusOf(ctx, second)).toBe('sent'), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      await server.stop();
    }
    // Stopped: the database is closed, so no further run could have touched it.
    await expect(ctx.database.db.selectFrom('outbox').select('id').execute()).rejects.toThrow();
  });

  it('runs no jobs when the scheduler is off', async () => {
    const ctx = await openContext({ ...config, scheduler: { enabled: false, intervalSeconds: 1 } });
    const id = await queueSms(ctx, '不发送');
    const server = await startServer(ctx);
    try {
      expect(server.jobs).toBeNull();
      expect(await statusOf(ctx, id)).toBe('pending');
    } finally {
      await server.stop();
    }
  });
});
