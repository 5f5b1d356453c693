/**
 * Telling people something happened: a row in each recipient's in-app inbox and, where they can
 * be reached, a message in the outbox (SMS to a citizen's phone, e-mail to an account's address).
 * Both are written in the caller's transaction (a transactional outbox): a notice exists exactly
 * when the change it announces was committed, and the dispatcher sends outbox messages afterwards.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PageOf } from '../../platform/http/schemas.ts';
import type { Actor, Role } from '../auth/auth.domain.ts';
import { notificationRecipients, type RecipientQuery } from '../auth/users.service.ts';
import type { NotificationQuery, NotificationView } from './notifications.schema.ts';
import * as repo from './notifications.repo.ts';

export type Recipient =
  | { userIds: readonly number[] }
  | { unitId: number }
  /** The accounts of these representatives. */
  | { representativeIds: readonly number[] }
  /** Holders of the role at the nearest level whose jurisdiction contains this one. */
  | { role: Role; jurisdictionPath: string }
  /** A citizen reachable only by SMS (the encrypted phone number as stored). */
  | { phoneEnc: string };

export interface Notice {
  to: readonly Recipient[];
  /** Machine-readable kind, e.g. 'opinion.assigned', 'opinion.reply_overdue'. */
  kind: string;
  title: string;
  body: string;
  link?: { type: 'opinion' | 'suggestion' | 'activity'; id: number };
  /** The SMS text for citizens (short; no personal data beyond what they gave). */
  sms?: string;
  /** Also e-mail the accounts that have an address. */
  email?: boolean;
}

export async function notify(ctx: AppContext, trx: Transaction<DB>, notice: Notice): Promise<void> {
  await notifyAll(ctx, trx, [notice]);
}

function recipientQuery(to: Exclude<Recipient, { phoneEnc: string }>): RecipientQuery {
  if ('userIds' in to) return { kind: 'users', userIds: to.userIds };
  if ('unitId' in to) return { kind: 'unit', unitId: to.unitId };
  if ('representativeIds' in to) return { kind: 'representatives', representativeIds: to.representativeIds };
  return { kind: 'role', role: to.role, jurisdictionPath: to.jurisdictionPath };
}

/**
 * Write several notices in the caller's transaction: their recipients looked up together, their
 * inbox rows in one statement and their outbox messages in another.
 */
export async function notifyAll(
  ctx: AppContext,
  trx: Transaction<DB>,
  notices: readonly Notice[],
): Promise<void> {
  if (notices.length === 0) return;
  const now = ctx.clock.now().toISOString();
  // Look the recipients up inside the caller's transaction: on SQLite (one connection) a query
  // through ctx.database.db would wait for this very transaction to end.
  const inTrx: AppContext = { ...ctx, database: { ...ctx.database, db: trx } };
  const queries = notices.map((n) => n.to.flatMap((to) => ('phoneEnc' in to ? [] : [recipientQuery(to)])));
  const found = await notificationRecipients(inTrx, queries.flat());
  const inbox: repo.NewNotification[] = [];
  const messages: repo.NewOutboxMessage[] = [];
  let next = 0;
  notices.forEach((notice, i) => {
    const users = new Map<number, string | null>();
    for (const records of found.slice(next, (next += queries[i]!.length)))
      for (const r of records) users.set(r.id, r.email);
    for (const user_id of users.keys()) {
      inbox.push({
        user_id,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link_type: notice.link?.type ?? null,
        link_id: notice.link?.id ?? null,
        created_at: now,
      });
    }
    if (notice.sms) {
      for (const to of notice.to) {
        if (!('phoneEnc' in to)) continue;
        messages.push({
          channel: 'sms',
          recipient_enc: to.phoneEnc,
          subject: null,
          body: notice.sms,
          next_attempt_at: now,
          created_at: now,
        });
      }
    }
    if (notice.email) {
      for (const email of users.values()) {
        if (email) {
          messages.push({
            channel: 'email',
            recipient_enc: ctx.cipher.encrypt(email),
            subject: notice.title,
            body: notice.body,
            next_attempt_at: now,
            created_at: now,
          });
        }
      }
    }
  });
  await repo.insertNotifications(trx, inbox);
  await repo.insertOutbox(trx, messages);
}

// ── The in-app inbox: each signed-in user reads and clears their own notifications only ──

/** The system actor has no inbox; every account does. */
function inboxOwner(actor: Actor): number {
  if (actor.userId === null) throw new AppError('NOT_FOUND');
  return actor.userId;
}

/** The actor's notifications, newest first, with how many are unread in all. */
export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  query: NotificationQuery,
): Promise<PageOf<NotificationView> & { unread: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const found = await repo.listNotifications(
    ctx.database.db,
    inboxOwner(actor),
    query.unread === true,
    page,
    pageSize,
  );
  return {
    items: found.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.linkType !== null && n.linkId !== null ? { type: n.linkType, id: n.linkId } : null,
      createdAt: n.createdAt,
      readAt: n.readAt,
    })),
    total: found.total,
    page,
    pageSize,
    unread: found.unread,
  };
}

/**
 * Mark one of the actor's notifications read (again is harmless: nothing is marked); another
 * user's is NOT_FOUND. Answers with the unread count left, for the badge.
 */
export async function readNotification(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ marked: number; unread: number }> {
  const userId = inboxOwner(actor);
  const db = ctx.database.db;
  if (!(await repo.isOwnNotification(db, userId, id))) throw new AppError('NOT_FOUND');
  const marked = await repo.markRead(db, userId, id, ctx.clock.now().toISOString());
  return { marked, unread: await repo.countUnread(db, userId) };
}

/** Mark every notification of the actor read. */
export async function readAllNotifications(
  ctx: AppContext,
  actor: Actor,
): Promise<{ marked: number; unread: number }> {
  const userId = inboxOwner(actor);
  const db = ctx.database.db;
  const marked = await repo.markRead(db, userId, null, ctx.clock.now().toISOString());
  return { marked, unread: await repo.countUnread(db, userId) };
}
