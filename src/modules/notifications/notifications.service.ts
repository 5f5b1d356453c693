/**
 * Telling people something happened: a row in each recipient's in-app inbox and, where they can
 * be reached, a message in the outbox (SMS to a citizen's phone, e-mail to an account's address).
 * Both are written in the caller's transaction (a transactional outbox): a notice exists exactly
 * when the change it announces was committed, and the dispatcher sends outbox messages afterwards.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../auth/auth.domain.ts';
import { notificationRecipients } from '../auth/users.service.ts';
import * as repo from './notifications.repo.ts';

export type Recipient =
  | { userIds: readonly number[] }
  | { unitId: number }
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
  link?: { type: 'opinion'; id: number };
  /** The SMS text for citizens (short; no personal data beyond what they gave). */
  sms?: string;
  /** Also e-mail the accounts that have an address. */
  email?: boolean;
}

export async function notify(ctx: AppContext, trx: Transaction<DB>, notice: Notice): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const users = new Map<number, string | null>();
  const phones: string[] = [];
  for (const to of notice.to) {
    if ('phoneEnc' in to) {
      phones.push(to.phoneEnc);
      continue;
    }
    const query =
      'userIds' in to
        ? ({ kind: 'users', userIds: to.userIds } as const)
        : 'unitId' in to
          ? ({ kind: 'unit', unitId: to.unitId } as const)
          : ({ kind: 'role', role: to.role, jurisdictionPath: to.jurisdictionPath } as const);
    for (const r of await notificationRecipients(ctx, query)) users.set(r.id, r.email);
  }
  await repo.insertNotifications(
    trx,
    [...users.keys()].map((user_id) => ({
      user_id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link_type: notice.link?.type ?? null,
      link_id: notice.link?.id ?? null,
      created_at: now,
    })),
  );
  const messages: repo.NewOutboxMessage[] = [];
  if (notice.sms) {
    for (const phoneEnc of phones) {
      messages.push({
        channel: 'sms',
        recipient_enc: phoneEnc,
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
  await repo.insertOutbox(trx, messages);
}
