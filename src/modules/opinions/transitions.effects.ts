/**
 * What each step of the loop writes besides the new status: the fact columns the KPIs and the
 * deadlines read, the rows beside the opinion (a reply, a rating, an extension request), and the
 * event that the timelines show. Pure: the service passes in the clock's time, the working-day
 * calendar and whatever it looked up (the unit of an assignment, the target of a merge).
 */
import { addCalendarDays, addWorkingDays, type WorkCalendar } from '../../lib/working-days.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { OpinionAction } from './opinions.domain.ts';
import type { NewExtension, NewRating, NewReply, OpinionPatch, OpinionRow } from './opinions.repo.ts';
import type { ActionBody, UserAction } from './opinions.schema.ts';
import type { OpinionState } from './opinions.vocab.ts';

/** A step of the loop: a person's action with its body, or one of the system's own. */
export type ActionRequest =
  | { [A in UserAction]: { action: A; body: ActionBody<A> } }[UserAction]
  | { action: Exclude<OpinionAction, UserAction>; body: Record<string, never> };

export interface StepEnv {
  now: Date;
  cal: WorkCalendar;
  limits: Config['opinions'];
  actor: { userId: number | null; name: string | null; unitId: number | null };
  /** True when a citizen rates through the tracking page (not staff recording a phone call). */
  byCitizen: boolean;
  /** The unit an assignment names (checked by the service). */
  unit: { id: number; name: string } | null;
  /** The item a merge goes into (checked by the service). */
  mergeTarget: { id: number; trackingCode: string } | null;
  /** The extension request awaiting a decision. */
  pendingExtension: { working_days: number; previous_due: string } | null;
}

export interface StepEffects {
  patch: OpinionPatch;
  event: { publicNote: string | null; internalNote: string | null; unitId: number | null };
  reply?: Omit<NewReply, 'opinion_id'>;
  rating?: Omit<NewRating, 'opinion_id'>;
  extension?: Omit<NewExtension, 'opinion_id'>;
  extensionDecision?: {
    decided_at: string;
    decided_by_user_id: number | null;
    approved: number;
    new_due: string | null;
    decision_note: string | null;
  };
  /** Alerts of deadlines this step replaced (see opinions.jobs.ts). */
  clearAlerts?: readonly string[];
}

/** The first of these acknowledges the item (响应): the response-rate clock stops. */
const TRIAGE_ACTIONS: ReadonlySet<OpinionAction> = new Set([
  'accept',
  'reject',
  'merge',
  'answer_on_spot',
  'assign',
]);

export const SIGN_ALERTS = ['sign_overdue'] as const;
export const REPLY_ALERTS = ['reply_due_soon', 'reply_overdue'] as const;

const onOrBefore = (now: Date, due: string | null) => due === null || now.getTime() <= Date.parse(due);

function tooManyDays(max: number, path: string) {
  return invalid([
    {
      path,
      rule: 'maximum',
      message: { zh: `延期最多 ${max} 个工作日`, en: `An extension may be at most ${max} working days` },
    },
  ]);
}

/** Columns cleared when an item leaves its unit (a return approved). */
const UNASSIGNED: OpinionPatch = {
  unit_id: null,
  assigned_at: null,
  sign_due: null,
  signed_at: null,
  sign_overdue: 0,
  reply_due: null,
  reply_due_provisional: 0,
  reply_overdue: 0,
  paused_from: null,
};

/** The effects of one step taken on `row` (the opinion as it stands before the step) towards `to`. */
export function effectsOf(row: OpinionRow, to: OpinionState, req: ActionRequest, env: StepEnv): StepEffects {
  const now = env.now.toISOString();
  const round = row.rehandle_rounds + 1;
  const none = { publicNote: null, internalNote: null, unitId: null };
  const ack: OpinionPatch =
    row.ack_at === null && TRIAGE_ACTIONS.has(req.action)
      ? { ack_at: now, ack_on_time: onOrBefore(env.now, row.ack_due) ? 1 : 0 }
      : {};
  const effects = ((): StepEffects => {
    switch (req.action) {
      case 'accept':
        return {
          patch: { category_code: req.body.categoryCode ?? row.category_code },
          event: { ...none, internalNote: req.body.note ?? null },
        };
      case 'reject':
        return {
          patch: { rejection_reason: req.body.reason, rejection_note: req.body.note ?? null, closed_at: now },
          event: { ...none, publicNote: req.body.note ?? null },
        };
      case 'merge': {
        const target = env.mergeTarget!;
        return {
          patch: { merged_into_id: target.id, closed_at: now },
          event: {
            ...none,
            publicNote: `已与同类事项（追踪码 ${target.trackingCode}）合并办理`,
            internalNote: req.body.note ?? null,
          },
        };
      }
      case 'answer_on_spot':
      case 'reply': {
        const onTime = onOrBefore(env.now, row.reply_due);
        const unitReply = req.action === 'reply';
        return {
          patch: {
            first_reply_at: row.first_reply_at ?? now,
            // 按时办结 counts the first reply against the first deadline.
            reply_on_time: row.first_reply_at === null ? (onTime ? 1 : 0) : row.reply_on_time,
            last_result: req.body.result,
            last_reply_at: now,
            reply_overdue: 0,
          },
          event: { ...none, unitId: unitReply ? row.unit_id : null },
          reply: {
            round,
            kind: unitReply ? 'unit' : 'on_spot',
            result: req.body.result,
            content: req.body.content,
            unit_id: unitReply ? row.unit_id : null,
            replied_by_user_id: env.actor.userId,
            replier_name: env.actor.name,
            contact_note: req.action === 'reply' ? (req.body.contactNote ?? null) : null,
            at: now,
            on_time: onTime ? 1 : 0,
          },
        };
      }
      case 'assign': {
        const unit = env.unit!;
        const sign = addWorkingDays(env.cal, env.now, env.limits.signWorkingDays);
        const reply = addWorkingDays(env.cal, env.now, env.limits.replyWorkingDays);
        return {
          patch: {
            ...UNASSIGNED,
            unit_id: unit.id,
            category_code: req.body.categoryCode ?? row.category_code,
            assigned_at: now,
            sign_due: sign.due.toISOString(),
            reply_due: reply.due.toISOString(),
            reply_due_provisional: reply.provisional ? 1 : 0,
          },
          event: {
            publicNote: `已交由${unit.name}办理`,
            internalNote: req.body.note ?? null,
            unitId: unit.id,
          },
          clearAlerts: [...SIGN_ALERTS, ...REPLY_ALERTS],
        };
      }
      case 'convert':
        return {
          patch: { converted_ref: req.body.ref ?? null, closed_at: now },
          event: {
            ...none,
            // The citizen follows the suggestion on the tracking page; the internal link stays internal.
            publicNote: '已由人大代表转为代表建议',
            internalNote: req.body.note ?? null,
          },
        };
      case 'sign':
        return {
          patch: { signed_at: now },
          event: { ...none, internalNote: req.body.note ?? null, unitId: row.unit_id },
        };
      case 'request_return':
        return {
          patch: { paused_from: row.status },
          event: { ...none, internalNote: req.body.reason, unitId: row.unit_id },
        };
      case 'approve_return':
        return {
          patch: UNASSIGNED,
          event: { ...none, internalNote: req.body.note ?? null, unitId: row.unit_id },
          clearAlerts: [...SIGN_ALERTS, ...REPLY_ALERTS],
        };
      case 'refuse_return':
        return {
          patch: { paused_from: null },
          event: { ...none, internalNote: req.body.note, unitId: row.unit_id },
        };
      case 'request_extension': {
        const max = env.limits.maxExtensionWorkingDays;
        if (req.body.workingDays > max) throw tooManyDays(max, '/workingDays');
        return {
          patch: { paused_from: row.status },
          event: { ...none, internalNote: req.body.reason, unitId: row.unit_id },
          extension: {
            requested_at: now,
            requested_by_user_id: env.actor.userId,
            working_days: req.body.workingDays,
            reason: req.body.reason,
            previous_due: row.reply_due ?? now,
          },
        };
      }
      case 'approve_extension': {
        const max = env.limits.maxExtensionWorkingDays;
        const days = req.body.workingDays ?? env.pendingExtension?.working_days ?? 0;
        if (days > max) throw tooManyDays(max, '/workingDays');
        const from = new Date(row.reply_due ?? env.pendingExtension?.previous_due ?? now);
        const due = addWorkingDays(env.cal, from, days);
        return {
          patch: {
            paused_from: null,
            reply_due: due.due.toISOString(),
            reply_due_provisional: due.provisional ? 1 : 0,
            reply_overdue: env.now.getTime() > due.due.getTime() ? 1 : 0,
          },
          event: {
            publicNote: `办理期限延长至 ${due.dueDate}`,
            internalNote: req.body.note ?? null,
            unitId: row.unit_id,
          },
          extensionDecision: {
            decided_at: now,
            decided_by_user_id: env.actor.userId,
            approved: 1,
            new_due: due.due.toISOString(),
            decision_note: req.body.note ?? null,
          },
          clearAlerts: REPLY_ALERTS,
        };
      }
      case 'refuse_extension':
        return {
          patch: { paused_from: null },
          event: { ...none, internalNote: req.body.note, unitId: row.unit_id },
          extensionDecision: {
            decided_at: now,
            decided_by_user_id: env.actor.userId,
            approved: 0,
            new_due: null,
            decision_note: req.body.note,
          },
        };
      case 'open_feedback':
        return {
          patch: { feedback_due: addCalendarDays(env.now, env.limits.feedbackDays).toISOString() },
          event: none,
        };
      case 'rate':
        if (env.byCitizen && row.feedback_due !== null && env.now.getTime() > Date.parse(row.feedback_due)) {
          throw new AppError('INVALID_TRANSITION', {
            zh: '评价期已过，不能再评价',
            en: 'The time to rate this answer has passed',
          });
        }
        return {
          patch: { last_rating: req.body.rating, rated_at: now },
          event: { ...none, internalNote: env.byCitizen ? null : '工作人员代为记录评价' },
          rating: {
            round,
            rating: req.body.rating,
            comment: req.body.comment ?? null,
            by_citizen: env.byCitizen ? 1 : 0,
            recorded_by_user_id: env.byCitizen ? null : env.actor.userId,
            at: now,
          },
        };
      case 'reopen': {
        if (to !== 'REHANDLING') {
          // An on-the-spot answer the citizen was unhappy with goes back to triage.
          return {
            patch: { rehandle_rounds: round, feedback_due: null },
            event: { ...none, publicNote: '已重新受理，将安排办理' },
          };
        }
        const due = addWorkingDays(env.cal, env.now, env.limits.rehandleWorkingDays);
        return {
          patch: {
            rehandle_rounds: round,
            feedback_due: null,
            reply_due: due.due.toISOString(),
            reply_due_provisional: due.provisional ? 1 : 0,
            reply_overdue: 0,
          },
          event: { ...none, publicNote: `已安排二次办理，期限至 ${due.dueDate}`, unitId: row.unit_id },
        };
      }
      case 'close':
        return { patch: { closed_at: now }, event: none };
      case 'expire_feedback':
        return { patch: { closed_at: now }, event: { ...none, publicNote: '评价期已过，事项办结' } };
      case 'publish':
        return {
          patch: { published_at: now, published_content: req.body.content, published_reply: req.body.reply },
          event: none,
        };
    }
  })();
  return { ...effects, patch: { ...ack, ...effects.patch, status: to, updated_at: now } };
}
