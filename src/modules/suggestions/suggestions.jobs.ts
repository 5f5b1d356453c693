/**
 * The suggestions' clock, run every minute by every process (platform/scheduled-jobs.ts):
 *
 * - reminds the lead unit before the reply deadline (临期, config.suggestions.dueSoonWorkingDays);
 * - escalates a passed reply deadline (超期) to the unit, the congress staff and the supervising
 *   leader of a 重点督办 case;
 * - reminds co-units late with their opinion to the lead unit;
 * - reminds the lead representatives three working days before their evaluation runs out, and
 *   closes the cases whose evaluation window ran out (REPLIED → CLOSED, 逾期未评价, by the system).
 *
 * Each alert is claimed in suggestion_alert (case, kind, round) in the transaction that sends it, so
 * a second process or a rerun never sends it twice; a reassignment or an extension clears the
 * claims of the deadlines it changed.
 */
import { addWorkingDays } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { notifyAll } from '../notifications/notifications.service.ts';
import { deadlineNotice } from './suggestions.notices.ts';
import * as repo from './suggestions.repo.ts';
import { noticeCase, performAction, systemPerformer } from './steps.service.ts';
import { REPLY_RUNNING, sweepCandidates, type Sweep, type SweepWindow } from './sweeps.repo.ts';

const BATCH = 200;
const EVALUATION_REMINDER_WORKING_DAYS = 3;

type AlertSweep = Exclude<Sweep, 'evaluation_expired'>;

/** Whether the alert still applies to the case as it stands (it may have moved since it was read). */
function applies(sweep: AlertSweep, s: repo.LoadedSuggestion, w: SweepWindow): boolean {
  const r = s.row;
  const running = REPLY_RUNNING.includes(r.status);
  switch (sweep) {
    case 'reply_due_soon':
      return running && r.reply_due !== null && r.reply_due >= w.now && r.reply_due <= w.dueSoonBy;
    case 'reply_overdue':
      return running && r.reply_due !== null && r.reply_due < w.now;
    case 'co_opinion_overdue':
      return running && r.co_opinion_due !== null && r.co_opinion_due < w.now;
    case 'evaluation_due_soon':
      return r.status === 'REPLIED' && r.evaluation_due !== null && r.evaluation_due <= w.evaluationSoonBy;
  }
}

async function raise(ctx: AppContext, sweep: AlertSweep, id: number, w: SweepWindow): Promise<boolean> {
  return ctx.database.db.transaction().execute(async (trx) => {
    const s = await repo.findSuggestion(trx, id, null);
    if (!s || !applies(sweep, s, w)) return false;
    if (!(await repo.claimAlert(trx, id, sweep, s.row.rehandle_rounds, w.now))) return false;
    const subject = noticeCase(s);
    const notice = deadlineNotice(
      sweep === 'co_opinion_overdue'
        ? {
            ...subject,
            coUnitIds: s.units
              .filter((u) => u.role === 'co' && u.co_opinion_at === null)
              .map((u) => u.unit_id),
          }
        : subject,
      sweep,
    );
    await notifyAll(ctx, trx, [notice]);
    return true;
  });
}

async function sweepAll(
  ctx: AppContext,
  sweep: Sweep,
  w: SweepWindow,
  handle: (id: number) => Promise<boolean>,
): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const ids = await sweepCandidates(ctx.database.db, sweep, w, after, BATCH);
    for (const id of ids) if (await handle(id)) done += 1;
    if (ids.length < BATCH) return done;
    after = ids[ids.length - 1]!;
  }
}

export async function runSuggestionDeadlines(ctx: AppContext): Promise<Record<string, number>> {
  const now = ctx.clock.now();
  const cal = await workCalendar(ctx);
  const w: SweepWindow = {
    now: now.toISOString(),
    dueSoonBy: addWorkingDays(cal, now, ctx.config.suggestions.dueSoonWorkingDays).due.toISOString(),
    evaluationSoonBy: addWorkingDays(cal, now, EVALUATION_REMINDER_WORKING_DAYS).due.toISOString(),
  };
  const counts: Record<string, number> = {};
  for (const sweep of [
    'reply_due_soon',
    'reply_overdue',
    'co_opinion_overdue',
    'evaluation_due_soon',
  ] as const)
    counts[`suggestion_${sweep}`] = await sweepAll(ctx, sweep, w, (id) => raise(ctx, sweep, id, w));
  counts.suggestion_evaluation_expired = await sweepAll(ctx, 'evaluation_expired', w, (id) =>
    performAction(ctx, systemPerformer, id, { action: 'expire_evaluation', body: {} }).then(
      () => true,
      (err: unknown) => {
        // Evaluated or moved on since it was read: nothing to close.
        if (err instanceof AppError && (err.code === 'INVALID_TRANSITION' || err.code === 'CONFLICT'))
          return false;
        throw err;
      },
    ),
  );
  return counts;
}
