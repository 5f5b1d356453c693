/** Storage of the in-app inbox and the outbox. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface NewNotification {
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link_type: string | null;
  link_id: number | null;
  created_at: string;
}

export async function insertNotifications(trx: Transaction<DB>, rows: NewNotification[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('notification').values(rows).execute();
}

export interface NewOutboxMessage {
  channel: 'sms' | 'email';
  recipient_enc: string;
  subject: string | null;
  body: string;
  next_attempt_at: string;
  created_at: string;
}

export async function insertOutbox(trx: Transaction<DB>, rows: NewOutboxMessage[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('outbox').values(rows).execute();
}

export interface NotificationRecord {
  id: number;
  kind: string;
  title: string;
  body: string;
  linkType: string | null;
  linkId: number | null;
  createdAt: string;
  readAt: string | null;
}

export async function listNotifications(
  db: Kysely<DB>,
  userId: number,
  unreadOnly: boolean,
  page: number,
  pageSize: number,
): Promise<{ items: NotificationRecord[]; total: number; unread: number }> {
  let q = db.selectFrom('notification').where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      linkType: r.link_type,
      linkId: r.link_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    total: Number(total.n),
    unread: Number(unread.n),
  };
}

/** Mark one (or, with id null, all) of the user's notifications read; returns how many changed. */
export async function markRead(
  db: Kysely<DB>,
  userId: number,
  id: number | null,
  now: string,
): Promise<number> {
  let q = db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Whether the notification exists and is the user's (another user's is simply not found). */
export async function isOwnNotification(db: Kysely<DB>, userId: number, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('notification')
    .select('id')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnread(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ── The outbox, as the dispatcher sees it (outbox.ts) ────────────────────────

export interface OutboxRecord {
  id: number;
  channel: 'sms' | 'email';
  recipientEnc: string;
  subject: string | null;
  body: string;
  attempts: number;
}

/** Pending messages due at `now`, oldest first. */
export async function dueOutbox(db: Kysely<DB>, now: string, limit: number): Promise<OutboxRecord[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'channel', 'recipient_enc', 'subject', 'body', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    recipientEnc: r.recipient_enc,
    subject: r.subject,
    body: r.body,
    attempts: r.attempts,
  }));
}

/**
 * Take a message for one attempt: count the attempt and push its next attempt past the lease, so a
 * process that dies while sending leaves it to be retried later. The update only matches the row as
 * it was read (still pending, same attempt count), so of two processes that read it, one wins.
 */
export async function claimOutbox(
  db: Kysely<DB>,
  id: number,
  attempts: number,
  leaseUntil: string,
): Promise<boolean> {
  const res = await db
    .updateTable('outbox')
    .set({ attempts: attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Record the outcome of the attempt this process claimed (`attempts` is the count after the claim). */
export async function settleOutbox(
  db: Kysely<DB>,
  id: number,
  attempts: number,
  outcome:
    | { status: 'sent'; at: string }
    | { status: 'pending'; nextAttemptAt: string; error: string }
    | { status: 'failed'; error: string },
): Promise<void> {
  const set =
    outcome.status === 'sent'
      ? { status: 'sent' as const, sent_at: outcome.at, last_error: null }
      : outcome.status === 'pending'
        ? { next_attempt_at: outcome.nextAttemptAt, last_error: outcome.error.slice(0, 500) }
        : { status: 'failed' as const, last_error: outcome.error.slice(0, 500) };
  await db
    .updateTable('outbox')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('attempts', '=', attempts)
    .execute();
}
