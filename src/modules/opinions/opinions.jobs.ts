/**
 * The opinion loop's clock, run every minute by every process (platform/scheduled-jobs.ts):
 *
 * - flags deadlines that passed (ack_overdue, sign_overdue, reply_overdue), with their statistics;
 * - reminds the unit before the reply deadline (临期, config.opinions.dueSoonWorkingDays ahead);
 * - escalates what is overdue (超期) to the unit, the unit supervising it and the congress staff;
 * - closes feedback windows that ran out (AWAITING_FEEDBACK → CLOSED_UNRATED, by the system);
 * - forgets idempotency keys older than a day.
 *
 * Each alert is claimed in opinion_alert (opinion, kind, round) in the transaction that sends it:
 * a second process, or a rerun, finds the claim and skips it, so nothing is sent twice. A changed
 * deadline (a new unit, an extension) clears its claims, so the new one alerts again. Items are
 * read in batches and each is handled in its own short transaction.
 */
import { addWorkingDays, beijingDateOf } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { purgeIdempotencyKeys } from '../../platform/http/idempotency.ts';
import { SYSTEM_ACTOR } from '../auth/auth.domain.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { getUnit } from '../org/units.service.ts';
import { REPLY_PENDING } from './deadlines.ts';
import { candidates, type DeadlineSweep, type SweepWindow } from './deadlines.repo.ts';
import { statsDeltas } from './opinions.kpi.ts';
import { deadlineNotice, type DeadlineAlert } from './opinions.notices.ts';
import * as repo from './opinions.repo.ts';
import type { OpinionState } from './opinions.vocab.ts';
import { performSteps, systemPerformer, systemStep, type Prepared } from './transitions.service.ts';

const BATCH = 200;

const before = (due: string | null, now: string) => due !== null && due < now;
const replyPending = (row: repo.OpinionRow) => REPLY_PENDING.includes(row.status as OpinionState);

/** Per alert: the flag it sets (if any), whether it still applies to the item as it stands, its round. */
const ALERTS: Record<
  DeadlineAlert,
  {
    flag: 'ack_overdue' | 'sign_overdue' | 'reply_overdue' | null;
    applies(row: repo.OpinionRow, w: SweepWindow): boolean;
    escalates: boolean;
  }
> = {
  ack_overdue: {
    flag: 'ack_overdue',
    applies: (o, w) => o.status === 'SUBMITTED' && o.ack_overdue === 0 && before(o.ack_due, w.now),
    escalates: false,
  },
  sign_overdue: {
    flag: 'sign_overdue',
    applies: (o, w) => o.status === 'ASSIGNED' && o.sign_overdue === 0 && before(o.sign_due, w.now),
    escalates: true,
  },
  reply_due_soon: {
    flag: null,
    applies: (o, w) =>
      replyPending(o) && o.reply_due !== null && o.reply_due >= w.now && o.reply_due <= w.dueSoonBy,
    escalates: false,
  },
  reply_overdue: {
    flag: 'reply_overdue',
    applies: (o, w) => replyPending(o) && o.reply_overdue === 0 && before(o.reply_due, w.now),
    escalates: true,
  },
};

/** Thrown inside an alert's transaction to undo its claim when the item moved meanwhile. */
class Moved extends Error {}

async function eachCandidate(
  ctx: AppContext,
  sweep: DeadlineSweep,
  w: SweepWindow,
  handle: (c: { id: number; unit_id: number | null }) => Promise<boolean>,
): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const batch = await candidates(ctx.database.db, sweep, w, after, BATCH);
    for (const c of batch) if (await handle(c)) done += 1;
    if (batch.length < BATCH) return done;
    after = batch[batch.length - 1]!.id;
  }
}

/** Raise one alert on one item, once; false when it no longer applies or was already raised. */
async function raise(
  ctx: AppContext,
  alert: DeadlineAlert,
  id: number,
  supervisorUnitId: number | null,
  w: SweepWindow,
): Promise<boolean> {
  const rule = ALERTS[alert];
  return ctx.database.db
    .transaction()
    .execute(async (trx) => {
      const loaded = await repo.findOpinion(trx, id, null, null);
      if (!loaded || !rule.applies(loaded.row, w)) return false;
      const row = loaded.row;
      const round = alert === 'ack_overdue' ? 0 : row.rehandle_rounds;
      if (!(await repo.claimAlert(trx, { opinion_id: id, kind: alert, round, at: w.now }))) return false;
      if (rule.flag) {
        // The flag is a change like any other: it raises the version, so a transition racing with
        // it cannot count the item from a stale copy.
        if (!(await repo.updateOpinion(trx, id, row.version, { [rule.flag]: 1 }))) throw new Moved();
        await repo.applyStatsDeltas(trx, statsDeltas(row, { ...row, [rule.flag]: 1 }));
      }
      const due = alert === 'sign_overdue' ? row.sign_due : row.reply_due;
      await notify(
        ctx,
        trx,
        deadlineNotice(
          alert,
          {
            id,
            trackingCode: row.tracking_code,
            content: row.content,
            jurisdictionPath: loaded.jurisdictionPath,
            phoneEnc: null,
          },
          row.unit_id,
          rule.escalates ? supervisorUnitId : null,
          due ? beijingDateOf(new Date(due)) : null,
        ),
      );
      return true;
    })
    .catch((err: unknown) => {
      if (err instanceof Moved) return false;
      throw err;
    });
}

export async function runOpinionDeadlines(ctx: AppContext): Promise<Record<string, number>> {
  const now = ctx.clock.now();
  const cal = await workCalendar(ctx);
  const w: SweepWindow = {
    now: now.toISOString(),
    dueSoonBy: addWorkingDays(cal, now, ctx.config.opinions.dueSoonWorkingDays).due.toISOString(),
  };
  // The unit supervising each unit (to escalate to), looked up once per run.
  const supervisors = new Map<number, number | null>();
  const supervisorOf = async (unitId: number | null): Promise<number | null> => {
    if (unitId === null) return null;
    if (!supervisors.has(unitId)) {
      const unit = await getUnit(ctx, SYSTEM_ACTOR, unitId).catch(() => null);
      supervisors.set(unitId, unit?.parent?.id ?? null);
    }
    return supervisors.get(unitId) ?? null;
  };
  const counts: Record<string, number> = {};
  for (const alert of Object.keys(ALERTS) as DeadlineAlert[]) {
    counts[alert] = await eachCandidate(ctx, alert, w, async (c) =>
      raise(ctx, alert, c.id, ALERTS[alert].escalates ? await supervisorOf(c.unit_id) : null, w),
    );
  }
  const prepared: Prepared = { cal, unit: null, invalid: null };
  counts.feedback_expired = await eachCandidate(ctx, 'feedback_expired', w, async (c) =>
    performSteps(ctx, systemPerformer, { id: c.id }, () => [systemStep('expire_feedback')], prepared).then(
      () => true,
      (err: unknown) => {
        // Rated or moved on since it was read: nothing to expire.
        if (err instanceof AppError && (err.code === 'INVALID_TRANSITION' || err.code === 'CONFLICT'))
          return false;
        throw err;
      },
    ),
  );
  counts.idempotency_keys_purged = await purgeIdempotencyKeys(ctx.database.db, now);
  return counts;
}
