import { beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import type { AppContext } from '../../platform/context.ts';
import { claimOutbox } from './notifications.repo.ts';
import { dispatchOutbox, MAX_ATTEMPTS, RETRY_MINUTES } from './outbox.ts';
import type { OutgoingMessage, Sender, Senders } from './senders/index.ts';

/** A sender that records what it was given and fails while `failing` says so. */
class FakeSender implements Sender {
  readonly name = 'fake';
  sent: OutgoingMessage[] = [];
  failing = false;
  /** Resolves each send only after this many milliseconds (to let two dispatchers interleave). */
  delayMs = 0;
  async send(message: OutgoingMessage): Promise<void> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failing) throw new Error('gateway said no');
    this.sent.push(message);
  }
}

async function queue(
  ctx: AppContext,
  m: { channel: 'sms' | 'email'; to: string; body?: string; subject?: string | null; dueInMinutes?: number },
  recipientEnc = ctx.cipher.encrypt(m.to),
): Promise<number> {
  const now = ctx.clock.now();
  const row = await ctx.database.db
    .insertInto('outbox')
    .values({
      channel: m.channel,
      recipient_enc: recipientEnc,
      subject: m.subject ?? null,
      body: m.body ?? '您的意见已受理',
      next_attempt_at: new Date(now.getTime() + (m.dueInMinutes ?? 0) * 60_000).toISOString(),
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function rowOf(ctx: AppContext, id: number) {
  return ctx.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describeEachDialect('outbox dispatcher', (env) => {
  let sms: FakeSender;
  let email: FakeSender;
  let senders: Senders;

  beforeEach(async () => {
    await env().ctx.database.db.deleteFrom('outbox').execute();
    sms = new FakeSender();
    email = new FakeSender();
    senders = { sms, email };
  });

  it('sends what is due through the channel’s sender, with the recipient decrypted, and marks it sent', async () => {
    const { ctx } = env();
    const a = await queue(ctx, { channel: 'sms', to: '13812345678', body: '短信正文' });
    const b = await queue(ctx, {
      channel: 'email',
      to: 'zhang@example.gov.cn',
      subject: '新交办',
      body: '邮件正文',
    });
    const later = await queue(ctx, { channel: 'sms', to: '13900000000', dueInMinutes: 10 });

    const report = await dispatchOutbox(ctx, senders);

    expect(report).toEqual({ sent: 2, retried: 0, failed: 0, skipped: 0 });
    expect(sms.sent).toEqual([{ id: a, channel: 'sms', to: '13812345678', subject: null, body: '短信正文' }]);
    expect(email.sent).toEqual([
      { id: b, channel: 'email', to: 'zhang@example.gov.cn', subject: '新交办', body: '邮件正文' },
    ]);
    expect(await rowOf(ctx, a)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sent_at: ctx.clock.now().toISOString(),
      last_error: null,
    });
    expect(await rowOf(ctx, later)).toMatchObject({ status: 'pending', attempts: 0, sent_at: null });

    // Nothing is sent twice: a second run finds nothing due.
    expect(await dispatchOutbox(ctx, senders)).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    expect(sms.sent).toHaveLength(1);
  });

  it('retries a failure after 1, 5, 30 and 120 minutes, then gives up with the last error', async () => {
    const { ctx, clock } = env();
    const id = await queue(ctx, { channel: 'sms', to: '13812345678' });
    sms.failing = true;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await dispatchOutbox(ctx, senders)).toMatchObject({ retried: 1, failed: 0 });
      const wait = RETRY_MINUTES[attempt - 1]!;
      expect(await rowOf(ctx, id)).toMatchObject({
        status: 'pending',
        attempts: attempt,
        next_attempt_at: new Date(clock.now().getTime() + wait * 60_000).toISOString(),
        last_error: 'fake: gateway said no',
      });
      // Not before its time.
      clock.advanceMinutes(wait - 1);
      expect(await dispatchOutbox(ctx, senders)).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
      clock.advanceMinutes(1);
    }
    expect(RETRY_MINUTES).toEqual([1, 5, 30, 120]);
    expect(await dispatchOutbox(ctx, senders)).toMatchObject({ retried: 0, failed: 1 });
    expect(await rowOf(ctx, id)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      last_error: 'fake: gateway said no',
      sent_at: null,
    });
    clock.advanceMinutes(24 * 60);
    sms.failing = false;
    expect(await dispatchOutbox(ctx, senders)).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    expect(sms.sent).toHaveLength(0);
  });

  it('sends on a later attempt once the channel works again', async () => {
    const { ctx, clock } = env();
    const id = await queue(ctx, { channel: 'email', to: 'li@example.gov.cn', subject: 's' });
    email.failing = true;
    await dispatchOutbox(ctx, senders);
    email.failing = false;
    clock.advanceMinutes(1);
    expect(await dispatchOutbox(ctx, senders)).toMatchObject({ sent: 1 });
    expect(await rowOf(ctx, id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('fails at once, unsent, when the channel is switched off or the recipient cannot be decrypted', async () => {
    const { ctx } = env();
    const off = await queue(ctx, { channel: 'sms', to: '13812345678' });
    const garbled = await queue(ctx, { channel: 'email', to: 'x@example.gov.cn' }, 'v1.not.a.ciphertext');
    expect(await dispatchOutbox(ctx, { sms: null, email })).toEqual({
      sent: 0,
      retried: 0,
      failed: 2,
      skipped: 0,
    });
    expect(await rowOf(ctx, off)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('SMS_SENDER=none'),
    });
    expect(await rowOf(ctx, garbled)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('cannot be decrypted'),
    });
    expect(email.sent).toHaveLength(0);
  });

  it('claims a row only as it was read: of two claims with the same attempt count, one wins', async () => {
    const { ctx } = env();
    const id = await queue(ctx, { channel: 'sms', to: '13812345678' });
    const lease = new Date(ctx.clock.now().getTime() + 5 * 60_000).toISOString();
    expect(await claimOutbox(ctx.database.db, id, 0, lease)).toBe(true);
    expect(await claimOutbox(ctx.database.db, id, 0, lease)).toBe(false);
    expect(await rowOf(ctx, id)).toMatchObject({ attempts: 1, next_attempt_at: lease });
  });

  it('never sends a message twice when two dispatchers run at once', async () => {
    const { ctx } = env();
    const ids: number[] = [];
    for (let i = 0; i < 30; i++)
      ids.push(await queue(ctx, { channel: 'sms', to: `1380000${String(i).padStart(4, '0')}` }));
    sms.delayMs = 2;
    const [one, two] = await Promise.all([dispatchOutbox(ctx, senders), dispatchOutbox(ctx, senders)]);
    expect(one.sent + two.sent).toBe(30);
    expect(sms.sent.map((m) => m.id).sort((a, b) => a - b)).toEqual(ids);
    const statuses = await ctx.database.db.selectFrom('outbox').select(['status', 'attempts']).execute();
    expect(statuses.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('takes up a message again after the lease when the process that claimed it died while sending', async () => {
    const { ctx, clock } = env();
    const id = await queue(ctx, { channel: 'sms', to: '13812345678' });
    // Claimed by a process that never came back.
    const lease = new Date(clock.now().getTime() + 5 * 60_000).toISOString();
    expect(await claimOutbox(ctx.database.db, id, 0, lease)).toBe(true);
    expect(await dispatchOutbox(ctx, senders)).toMatchObject({ sent: 0 });
    clock.advanceMinutes(5);
    expect(await dispatchOutbox(ctx, senders)).toMatchObject({ sent: 1 });
    expect(await rowOf(ctx, id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
