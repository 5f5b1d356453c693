/**
 * What the suggestions' scheduler looks for (suggestions.jobs.ts): cases whose reply falls due
 * soon or has passed, co-units late with their opinion, evaluations about to run out or run out —
 * each not yet alerted in the current round. Read in batches by id (keyset).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { HANDLING_STATES } from './suggestions.vocab.ts';

export const SWEEPS = [
  'reply_due_soon',
  'reply_overdue',
  'co_opinion_overdue',
  'evaluation_due_soon',
  'evaluation_expired',
] as const;
export type Sweep = (typeof SWEEPS)[number];

export interface SweepWindow {
  now: string;
  /** The end of the 临期 window for replies. */
  dueSoonBy: string;
  /** The end of the reminder window for evaluations. */
  evaluationSoonBy: string;
}

/** Reply deadlines run while the unit holds the case, not while a request waits for the staff. */
export const REPLY_RUNNING: readonly string[] = HANDLING_STATES.filter(
  (s) => s !== 'RETURN_REQUESTED' && s !== 'EXTENSION_REQUESTED',
);

export async function sweepCandidates(
  db: Kysely<DB>,
  sweep: Sweep,
  w: SweepWindow,
  afterId: number,
  limit: number,
): Promise<number[]> {
  let q = db
    .selectFrom('suggestion as s')
    .select('s.id')
    .where('s.id', '>', afterId)
    .orderBy('s.id')
    .limit(limit);
  if (sweep !== 'evaluation_expired')
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('suggestion_alert as a')
            .select('a.suggestion_id')
            .whereRef('a.suggestion_id', '=', 's.id')
            .where('a.kind', '=', sweep)
            .whereRef('a.round', '=', 's.rehandle_rounds'),
        ),
      ),
    );
  switch (sweep) {
    case 'reply_due_soon':
      return (
        await q
          .where('s.status', 'in', [...REPLY_RUNNING])
          .where('s.reply_due', '>=', w.now)
          .where('s.reply_due', '<=', w.dueSoonBy)
          .execute()
      ).map((r) => r.id);
    case 'reply_overdue':
      return (
        await q
          .where('s.status', 'in', [...REPLY_RUNNING])
          .where('s.reply_due', '<', w.now)
          .execute()
      ).map((r) => r.id);
    case 'co_opinion_overdue':
      return (
        await q
          .where('s.status', 'in', [...REPLY_RUNNING])
          .where('s.co_opinion_due', '<', w.now)
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('suggestion_unit as u')
                .select('u.unit_id')
                .whereRef('u.suggestion_id', '=', 's.id')
                .where('u.role', '=', 'co')
                .where('u.co_opinion_at', 'is', null),
            ),
          )
          .execute()
      ).map((r) => r.id);
    case 'evaluation_due_soon':
      return (
        await q
          .where('s.status', '=', 'REPLIED')
          .where('s.evaluation_due', '>=', w.now)
          .where('s.evaluation_due', '<=', w.evaluationSoonBy)
          .execute()
      ).map((r) => r.id);
    case 'evaluation_expired':
      return (await q.where('s.status', '=', 'REPLIED').where('s.evaluation_due', '<', w.now).execute()).map(
        (r) => r.id,
      );
  }
}
