import { describe, expect, it } from 'vitest';
import { deadlinesOf, type DeadlineFacts } from './deadlines.ts';

const base: DeadlineFacts = {
  status: 'SUBMITTED',
  ack_due: '2026-03-04T15:59:59.999Z',
  ack_at: null,
  sign_due: null,
  signed_at: null,
  reply_due: null,
  reply_due_provisional: 0,
  feedback_due: null,
};
const at = (iso: string) => new Date(iso);
const soonBy = at('2026-03-25T15:59:59.999Z');

describe('which deadlines have passed', () => {
  it('an unacknowledged item past its acknowledgement deadline', () => {
    expect(deadlinesOf(base, at('2026-03-04T15:59:59.999Z'), soonBy).overdue.ack).toBe(false);
    expect(deadlinesOf(base, at('2026-03-04T16:00:00.000Z'), soonBy).overdue.ack).toBe(true);
    expect(
      deadlinesOf({ ...base, status: 'ACCEPTED', ack_at: 'x' }, at('2026-03-05T00:00:00Z'), soonBy).overdue
        .ack,
    ).toBe(false);
  });

  const assigned: DeadlineFacts = {
    ...base,
    status: 'ASSIGNED',
    ack_at: '2026-03-02T01:00:00.000Z',
    sign_due: '2026-03-03T15:59:59.999Z',
    reply_due: '2026-03-23T15:59:59.999Z',
  };

  it('sign-off and reply, only while they are owed', () => {
    const now = at('2026-03-24T00:00:00.000Z');
    expect(deadlinesOf(assigned, now, soonBy).overdue).toEqual({ ack: false, sign: true, reply: true });
    const signed = { ...assigned, status: 'SIGNED', signed_at: '2026-03-03T00:00:00.000Z' };
    expect(deadlinesOf(signed, now, soonBy).overdue).toEqual({ ack: false, sign: false, reply: true });
    expect(deadlinesOf({ ...signed, status: 'AWAITING_FEEDBACK' }, now, soonBy).overdue.reply).toBe(false);
  });

  it('due soon (临期) within the window and not yet overdue', () => {
    expect(deadlinesOf(assigned, at('2026-03-20T02:00:00.000Z'), soonBy).dueSoon).toBe(true);
    expect(
      deadlinesOf(assigned, at('2026-03-10T02:00:00.000Z'), at('2026-03-12T15:59:59.999Z')).dueSoon,
    ).toBe(false);
    expect(deadlinesOf(assigned, at('2026-03-24T02:00:00.000Z'), soonBy).dueSoon).toBe(false);
    expect(
      deadlinesOf({ ...assigned, reply_due_provisional: 1 }, at('2026-03-20T02:00:00.000Z'), soonBy)
        .replyDueProvisional,
    ).toBe(true);
  });
});
