/**
 * The one way a suggestion changes state. Whoever acts (a representative, the staff, a unit, the
 * scheduler), a change is: load the case as the actor may see it, work out who the actor is for
 * it, ask the state machine (suggestions.domain.ts), then in ONE transaction apply the action's
 * effects (steps.effects.ts), write the case with `where version = ?` (a lost race changes
 * nothing: 409), its events, the audit row and the notices, and the system's follow-ups (an
 * evaluation closes, re-opens or escalates).
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type Bilingual } from '../../platform/http/errors.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { notifyAll, type Notice } from '../notifications/notifications.service.ts';
import { minMotionCosigners } from './suggestions.deadlines.ts';
import {
  followUp,
  transition,
  worseRating,
  type ActorKind,
  type SuggestionAction,
  type TransitionContext,
  type TransitionError,
} from './suggestions.domain.ts';
import { ACTION_LABELS } from './suggestions.labels.ts';
import { stepNotices, type NoticeCase } from './suggestions.notices.ts';
import * as repo from './suggestions.repo.ts';
import { actorKinds, visibleTo, type Visibility } from './suggestions.visibility.ts';
import { SUGGESTION_STATE_LABELS, type EvaluationRating, type SuggestionState } from './suggestions.vocab.ts';
import { effectsOf, type ActionRequest, type StepEnv } from './steps.effects.ts';

/** Who acts, and how the case is found for them. */
export interface Performer {
  actor: Actor;
  /** The visibility the case must pass (null: the system). */
  visible: Visibility | null;
  kindsOf(s: repo.LoadedSuggestion): ActorKind[];
}

export function staffPerformer(actor: Actor): Performer {
  return {
    actor,
    visible: visibleTo(actor),
    kindsOf: (s) =>
      actorKinds(actor, {
        jurisdictionPath: s.jurisdictionPath,
        status: s.row.status,
        signers: s.signers.map((x) => ({
          representativeId: x.representative_id,
          role: x.role,
          status: x.status,
        })),
        units: s.units.map((u) => ({ unitId: u.unit_id, role: u.role })),
      }),
  };
}

export const systemPerformer: Performer = { actor: SYSTEM_ACTOR, visible: null, kindsOf: () => ['system'] };

export const STALE: Bilingual = {
  zh: '该建议已被他人处理，请刷新后重试',
  en: 'Someone else has acted on this case in the meantime; reload it and try again',
};

/** The guards' view of a case, now. */
export function transitionContext(ctx: AppContext, s: repo.LoadedSuggestion, now: Date): TransitionContext {
  const r = s.row;
  const limits = ctx.config.suggestions;
  return {
    kind: r.kind === 'motion' ? 'motion' : 'suggestion',
    complete:
      r.title.trim() !== '' &&
      r.background.trim() !== '' &&
      r.proposals.trim() !== '' &&
      r.category_code !== null &&
      (r.kind !== 'motion' || (r.basis ?? '').trim() !== ''),
    acceptedCosigners: repo.acceptedCosigners(s.signers),
    minMotionCosigners: minMotionCosigners(s.congressLevel, limits),
    pausedFrom: r.paused_from as SuggestionState | null,
    returnWindowOpen: r.return_due !== null && now.getTime() <= Date.parse(r.return_due),
    contactLogged: r.last_contact_round !== null && r.last_contact_round === r.rehandle_rounds,
    extended: r.extended === 1,
    rating:
      r.attitude_rating && r.result_rating
        ? worseRating(r.attitude_rating as EvaluationRating, r.result_rating as EvaluationRating)
        : null,
    rehandleRounds: r.rehandle_rounds,
    maxRehandleRounds: limits.maxRehandleRounds,
  };
}

export function refusal(e: TransitionError): AppError {
  switch (e.code) {
    case 'NOT_IN_STATE': {
      const state = SUGGESTION_STATE_LABELS[e.state];
      const action = ACTION_LABELS[e.action];
      return new AppError('INVALID_TRANSITION', {
        zh: `该建议当前为“${state.zh}”，不能${action.zh}`,
        en: `The case is "${state.en}": you cannot ${action.en} it now`,
      });
    }
    case 'NOT_YOURS': {
      const action = ACTION_LABELS[e.action];
      return new AppError('FORBIDDEN', {
        zh: `您不能对该建议执行“${action.zh}”`,
        en: `You may not ${action.en} this case`,
      });
    }
    case 'INCOMPLETE':
      return new AppError('INVALID_TRANSITION', {
        zh: '请先填写标题、类别、事由和具体建议（议案还须填写案据）',
        en: 'Fill in the title, category, reasons and proposals (and a motion’s basis) first',
      });
    case 'TOO_FEW_COSIGNERS':
      return new AppError('INVALID_TRANSITION', {
        zh: `议案须有 ${e.need} 名以上代表附议，目前 ${e.have} 名`,
        en: `A motion needs at least ${e.need} co-signers; it has ${e.have}`,
      });
    case 'RETURN_WINDOW_CLOSED':
      return new AppError('INVALID_TRANSITION', {
        zh: '已超过申请退回的期限（交办后5个工作日内）',
        en: 'The time to ask for a return (5 working days from assignment) has passed',
      });
    case 'NO_CONTACT':
      return new AppError('INVALID_TRANSITION', {
        zh: '答复前须先登记与代表的沟通联系情况',
        en: 'Log a contact with the representative before replying',
      });
    case 'ALREADY_EXTENDED':
      return new AppError('INVALID_TRANSITION', {
        zh: '该建议已延期一次，不能再次申请',
        en: 'This case has already been extended once',
      });
    case 'NOT_EVALUATED':
      return new AppError('INVALID_TRANSITION', {
        zh: '该建议尚未评价',
        en: 'The case has not been evaluated',
      });
  }
}

/**
 * The next state for the first of the actor's kinds that may take the action, or why none may:
 * a guard's refusal first, then "not in this state" (409), then "not yours" (403).
 */
export function decide(
  state: SuggestionState,
  action: SuggestionAction,
  kinds: readonly ActorKind[],
  tctx: TransitionContext,
): { by: ActorKind; to: SuggestionState } {
  const tried = (kinds.length > 0 ? kinds : (['system'] as const)).map((by) => ({
    by,
    result: transition(state, action, by, tctx),
  }));
  for (const t of tried) if (t.result.ok) return { by: t.by, to: t.result.to };
  const errors = tried.flatMap((t) => (t.result.ok ? [] : [t.result.error]));
  const pick =
    errors.find((e) => e.code !== 'NOT_IN_STATE' && e.code !== 'NOT_YOURS') ??
    errors.find((e) => e.code === 'NOT_IN_STATE') ??
    errors[0]!;
  throw refusal(pick);
}

/** What the notices need to know of a case (its people and units as they are now). */
export function noticeCase(s: repo.LoadedSuggestion): NoticeCase {
  const r = s.row;
  return {
    id: r.id,
    title: r.title,
    caseLabel: r.case_number !== null ? `第${r.case_number}号` : null,
    jurisdictionPath: s.jurisdictionPath,
    leads: s.signers.filter((x) => x.role === 'lead').map((x) => x.representative_id),
    cosigners: s.signers
      .filter((x) => x.role === 'cosigner' && x.status === 'accepted')
      .map((x) => x.representative_id),
    leadUnitId: s.units.find((u) => u.role === 'lead')?.unit_id ?? null,
    coUnitIds: s.units.filter((u) => u.role === 'co').map((u) => u.unit_id),
    supervisorUserId: r.supervisor_user_id,
  };
}

export interface StepOutcome {
  id: number;
  status: SuggestionState;
}

/**
 * Apply one person's action (and the system's follow-ups) to the case, in one transaction. The
 * effects may read and write through the transaction; notices are computed from the case as it
 * was before the step (the units being relieved of a return still hear of it).
 */
export async function performAction(
  ctx: AppContext,
  who: Performer,
  id: number,
  request: ActionRequest,
): Promise<StepOutcome> {
  const cal = await workCalendar(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const loaded = await repo.findSuggestion(trx, id, who.visible);
    if (!loaded) throw new AppError('NOT_FOUND');
    return applySteps(ctx, trx, who, loaded, request, cal);
  });
}

async function applySteps(
  ctx: AppContext,
  trx: Transaction<DB>,
  who: Performer,
  loaded: repo.LoadedSuggestion,
  request: ActionRequest,
  cal: StepEnv['cal'],
): Promise<StepOutcome> {
  const before = loaded.row;
  const seen = 'version' in request.body ? request.body.version : undefined;
  if (seen !== undefined && seen !== before.version) throw new AppError('CONFLICT', STALE);
  const now = ctx.clock.now();
  const env: StepEnv = {
    ctx,
    trx,
    now,
    cal,
    limits: ctx.config.suggestions,
    actor: who.actor,
  };
  const kinds = who.kindsOf(loaded);
  let current: repo.LoadedSuggestion = loaded;
  const events: repo.NewEvent[] = [];
  const notices: Notice[] = [];
  const patch: repo.SuggestionPatch = {};
  const step = async (req: ActionRequest, byKinds: readonly ActorKind[]) => {
    const { by, to } = decide(
      current.row.status as SuggestionState,
      req.action,
      byKinds,
      transitionContext(ctx, current, now),
    );
    const effects = await effectsOf(env, current, req);
    const system = by === 'system';
    events.push({
      suggestion_id: before.id,
      at: now.toISOString(),
      action: req.action,
      from_status: current.row.status,
      to_status: to,
      actor_kind: by,
      actor_user_id: system ? null : who.actor.userId,
      actor_name: system ? null : who.actor.displayName,
      unit_id: effects.eventUnitId,
      note: effects.note,
    });
    notices.push(...stepNotices(noticeCase(effects.noticeSubject ?? current), req.action));
    Object.assign(patch, effects.patch, { status: to, updated_at: now.toISOString() });
    current = { ...current, row: { ...current.row, ...effects.patch, status: to }, ...effects.reloaded };
  };
  await step(request, kinds);
  for (
    let f = followUp(current.row.status as SuggestionState, transitionContext(ctx, current, now));
    f;
    f = followUp(current.row.status as SuggestionState, transitionContext(ctx, current, now))
  ) {
    await step({ action: f, body: {} } as ActionRequest, ['system']);
  }
  if (!(await repo.updateSuggestion(trx, before.id, before.version, patch)))
    throw new AppError('CONFLICT', STALE);
  await repo.insertEvents(trx, events);
  await recordAudit(ctx, trx, who.actor, {
    action: `suggestion.${events.map((e) => e.action).join('+')}`,
    entityType: 'suggestion',
    entityId: before.id,
    jurisdictionId: before.jurisdiction_id,
    detail: {
      from: before.status,
      to: current.row.status,
      case: before.case_number ?? current.row.case_number,
    },
  });
  await notifyAll(ctx, trx, notices);
  return { id: before.id, status: current.row.status as SuggestionState };
}
