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
