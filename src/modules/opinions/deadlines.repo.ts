/**
 * What the scheduler looks for (opinions.jobs.ts): items past a deadline not yet flagged, items
 * whose reply falls due soon and have not been reminded, feedback windows that have run out. Read
 * in batches by id (keyset), so a backlog is worked through in short steps.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { REPLY_PENDING } from './deadlines.ts';

export type DeadlineSweep =
  'ack_overdue' | 'sign_overdue' | 'reply_due_soon' | 'reply_overdue' | 'feedback_expired';

export interface SweepWindow {
  now: string;
  /** The end of the 临期 window. */
  dueSoonBy: string;
}

export async function candidates(
  db: Kysely<DB>,
  sweep: DeadlineSweep,
  w: SweepWindow,
  afterId: number,
  limit: number,
): Promise<{ id: number; unit_id: number | null }[]> {
  let q = db
    .selectFrom('opinion')
    .select(['opinion.id', 'opinion.unit_id'])
    .where('opinion.id', '>', afterId)
    .orderBy('opinion.id')
    .limit(limit);
  switch (sweep) {
    case 'ack_overdue':
      q = q
        .where('opinion.status', '=', 'SUBMITTED')
        .where('opinion.ack_overdue', '=', 0)
        .where('opinion.ack_due', '<', w.now);
      break;
    case 'sign_overdue':
      q = q
        .where('opinion.status', '=', 'ASSIGNED')
        .where('opinion.sign_overdue', '=', 0)
        .where('opinion.sign_due', '<', w.now);
      break;
    case 'reply_overdue':
      q = q
        .where('opinion.status', 'in', [...REPLY_PENDING])
        .where('opinion.reply_overdue', '=', 0)
        .where('opinion.reply_due', '<', w.now);
      break;
    case 'reply_due_soon':
      q = q
        .where('opinion.status', 'in', [...REPLY_PENDING])
        .where('opinion.reply_due', '>=', w.now)
        .where('opinion.reply_due', '<=', w.dueSoonBy)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('opinion_alert as a')
                .select('a.opinion_id')
                .whereRef('a.opinion_id', '=', 'opinion.id')
                .where('a.kind', '=', 'reply_due_soon')
                .whereRef('a.round', '=', 'opinion.rehandle_rounds'),
            ),
          ),
        );
      break;
    case 'feedback_expired':
      q = q.where('opinion.status', '=', 'AWAITING_FEEDBACK').where('opinion.feedback_due', '<', w.now);
      break;
  }
  return q.execute();
}
