/**
 * The one way an opinion changes state. Whoever acts (a clerk through the API, a citizen with a
 * tracking code, the scheduler), a change is: load the item as the actor may see it, work out who
 * the actor is for it, ask the state machine (opinions.domain.ts), then in ONE transaction write
 * the opinion with `where version = ?` (a lost race changes nothing: 409), its events, the rows
 * beside it, the statistics delta, the audit row, the notices, and the system's follow-ups (a
 * reply opens the feedback window; a rating closes or reopens).
 */
import type { Transaction } from 'kysely';
import { type WorkCalendar } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, invalid, type Bilingual } from '../../platform/http/errors.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { getUnit, listCategories } from '../org/units.service.ts';
import { OPINION_ACTION_LABELS } from './action-labels.ts';
import {
  followUp,
  transition,
  type ActorKind,
  type OpinionAction,
  type TransitionContext,
  type TransitionError,
} from './opinions.domain.ts';
import { statsDeltas } from './opinions.kpi.ts';
import { notifyAll, type Notice } from '../notifications/notifications.service.ts';
import { stepNotices } from './opinions.notices.ts';
import * as repo from './opinions.repo.ts';
import { FINAL_STATES, OPINION_STATE_LABELS, type OpinionState, type Rating } from './opinions.vocab.ts';
import { actorKinds, representativeOf, visibleTo } from './opinions.visibility.ts';
import { effectsOf, type ActionRequest, type StepEffects, type StepEnv } from './transitions.effects.ts';

/** Who acts, and how the item is found for them. */
export interface Performer {
  /** Recorded in the audit log and the events. */
  actor: Actor;
  /** The visibility the item must pass (null: the citizen by tracking code, or the system). */
  visible: repo.Visibility | null;
  kindsOf(o: repo.LoadedOpinion): ActorKind[];
  /** The kind recorded for the citizen's and the system's own steps. */
  fixedKind?: ActorKind;
}

export function staffPerformer(actor: Actor): Performer {
  return {
    actor,
    visible: visibleTo(actor),
    kindsOf: (o) =>
      actorKinds(actor, {
        jurisdictionPath: o.jurisdictionPath,
        unitId: o.row.unit_id,
        representativeId: o.row.representative_id,
        representativeServes: o.representativeServes,
      }),
  };
}

/** The public, acting with a tracking code (the code is their key to the item). */
export function publicActor(ip: string | null): Actor {
  return { ...SYSTEM_ACTOR, username: 'public', displayName: '群众', ip };
}

export function citizenPerformer(ip: string | null): Performer {
  return { actor: publicActor(ip), visible: null, kindsOf: () => ['citizen'], fixedKind: 'citizen' };
}

export const systemPerformer: Performer = {
  actor: SYSTEM_ACTOR,
  visible: null,
  kindsOf: () => ['system'],
  fixedKind: 'system',
};

export type Locator = { id: number } | { trackingCode: string };

export const STALE: Bilingual = {
  zh: '该事项已被他人处理，请刷新后重试',
  en: 'Someone else has acted on this item in the meantime; reload it and try again',
};

export function transitionContext(ctx: AppContext, row: repo.OpinionRow): TransitionContext {
  return {
    pausedFrom: row.paused_from as OpinionState | null,
    rating: row.last_rating as Rating | null,
    rehandleRounds: row.rehandle_rounds,
    maxRehandleRounds: ctx.config.opinions.maxRehandleRounds,
    hasUnit: row.unit_id !== null,
    consentPublish: row.consent_publish === 1,
  };
}

function refusal(e: TransitionError): AppError {
  switch (e.code) {
    case 'NOT_IN_STATE': {
      const state = OPINION_STATE_LABELS[e.state];
      const action = OPINION_ACTION_LABELS[e.action];
      return new AppError('INVALID_TRANSITION', {
        zh: `该事项当前为“${state.zh}”，不能${action.zh}`,
        en: `The item is "${state.en}": it cannot ${action.en} now`,
      });
    }
    case 'NOT_YOURS': {
      const action = OPINION_ACTION_LABELS[e.action];
      return new AppError('FORBIDDEN', {
        zh: `您不能对该事项执行“${action.zh}”`,
        en: `You may not ${action.en} this item`,
      });
    }
    case 'NO_CONSENT':
      return new AppError('INVALID_TRANSITION', {
        zh: '提交人未同意公开，该事项不能公开',
        en: 'The submitter did not agree to publication',
      });
    case 'NOT_RATED':
      return new AppError('INVALID_TRANSITION', { zh: '该事项尚未评价', en: 'The item has not been rated' });
  }
}

/**
 * The next state for the first of the actor's kinds that may take the action, or why none may:
 * a guard's refusal first, then "not in this state" (409), then "not yours" (403).
 */
export function decide(
  state: OpinionState,
  action: OpinionAction,
  kinds: readonly ActorKind[],
  tctx: TransitionContext,
): { by: ActorKind; to: OpinionState } {
  // Someone who sees the item but is none of its actors is asked as 'system', which takes no
  // person's action: the answer is "not in this state" or "not yours", as for anyone else.
  const tried = (kinds.length > 0 ? kinds : (['system'] as const)).map((by) => ({
    by,
    result: transition(state, action, by, tctx),
  }));
  for (const t of tried) if (t.result.ok) return { by: t.by, to: t.result.to };
  const errors = tried.flatMap((t) => (t.result.ok ? [] : [t.result.error]));
  const pick =
    errors.find((e) => e.code === 'NO_CONSENT' || e.code === 'NOT_RATED') ??
    errors.find((e) => e.code === 'NOT_IN_STATE') ??
    errors[0]!;
  throw refusal(pick);
}

/**
 * What the steps need that is read before the transaction (on SQLite the transaction holds the
 * one connection): the calendar, the unit an assignment names. A reference that does not check
 * out is refused only after the state machine has had its say, so "not yours" and "not now" come
 * before "no such unit".
 */
export interface Prepared {
  cal: WorkCalendar;
  unit: { id: number; name: string } | null;
  invalid: AppError | null;
}

/** Check the references of the requests (unit, category) and load the calendar. */
export async function prepare(
  ctx: AppContext,
  actor: Actor,
  requests: readonly ActionRequest[],
): Promise<Prepared> {
  const prepared: Prepared = { cal: await workCalendar(ctx), unit: null, invalid: null };
  for (const req of requests) {
    if (req.action === 'accept' || req.action === 'assign') {
      const code = req.body.categoryCode;
      if (code !== undefined && !(await listCategories(ctx)).some((c) => c.code === code)) {
        prepared.invalid = invalid([
          {
            path: '/categoryCode',
            rule: 'exists',
            message: { zh: `未知的类别“${code}”`, en: `Unknown category "${code}"` },
          },
        ]);
      }
    }
    if (req.action === 'assign') {
      const found = await getUnit(ctx, actor, req.body.unitId).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
        throw err;
      });
      if (found && found.status === 'active') prepared.unit = { id: found.id, name: found.name };
      else {
        prepared.invalid = invalid([
          {
            path: '/unitId',
            rule: 'scope',
            message: {
              zh: '承办单位不存在、已停用或不在您的管辖范围内',
              en: 'The unit does not exist, is inactive, or is outside your jurisdiction',
            },
          },
        ]);
      }
    }
  }
  return prepared;
}

async function load(trx: Transaction<DB>, who: Performer, at: Locator) {
  return 'id' in at
    ? repo.findOpinion(trx, at.id, who.visible, representativeOf(who.actor))
    : repo.findByTrackingCode(trx, at.trackingCode);
}

/** A merge goes into an open item the actor sees, not itself merged and not the same one. */
async function mergeTarget(trx: Transaction<DB>, who: Performer, row: repo.OpinionRow, targetId: number) {
  const target = targetId === row.id ? undefined : await repo.findOpinion(trx, targetId, who.visible, null);
  const open = target && !FINAL_STATES.includes(target.row.status as OpinionState);
  if (!target || !open || target.row.merged_into_id !== null) {
    throw invalid([
      {
        path: '/targetId',
        rule: 'mergeTarget',
        message: {
          zh: '并入的事项须是您可见、尚未办结、未被并案的另一事项',
          en: 'Merge into another open item you can see, not one itself merged',
        },
      },
    ]);
  }
  return { id: target.row.id, trackingCode: target.row.tracking_code };
}

export interface StepOutcome {
  id: number;
  trackingCode: string;
  status: OpinionState;
}

/**
 * Apply `plan(row)` — one or more person's steps, each followed by the system's follow-ups — to
 * the item, in one transaction.
 */
export async function performSteps(
  ctx: AppContext,
  who: Performer,
  at: Locator,
  plan: (row: repo.OpinionRow) => readonly ActionRequest[],
  prepared: Prepared,
): Promise<StepOutcome> {
  return ctx.database.db.transaction().execute((trx) => performStepsIn(ctx, trx, who, at, plan, prepared));
}

/**
 * The same, in the caller's transaction: for another module whose own change must commit with
 * the opinion's (a suggestion drafted from the opinion it converts).
 */
export async function performStepsIn(
  ctx: AppContext,
  trx: Transaction<DB>,
  who: Performer,
  at: Locator,
  plan: (row: repo.OpinionRow) => readonly ActionRequest[],
  prepared: Prepared,
): Promise<StepOutcome> {
  const loaded = await load(trx, who, at);
  if (!loaded) throw new AppError('NOT_FOUND');
  const before = loaded.row;
  const requests = plan(before);
  const first = requests[0]?.body;
  const seen = first && 'version' in first ? first.version : undefined;
  if (seen !== undefined && seen !== before.version) throw new AppError('CONFLICT', STALE);
  const kinds = who.kindsOf(loaded);
  const now = ctx.clock.now();
  const env: StepEnv = {
    now,
    cal: prepared.cal,
    limits: ctx.config.opinions,
    actor: {
      userId: who.actor.userId,
      name: who.fixedKind === 'citizen' || who.fixedKind === 'system' ? null : who.actor.displayName,
      unitId: who.actor.unitId,
    },
    byCitizen: who.fixedKind === 'citizen',
    unit: prepared.unit,
    mergeTarget: null,
    pendingExtension: null,
  };
  let row = before;
  const events: repo.NewEvent[] = [];
  const effects: StepEffects[] = [];
  const notices: Notice[] = [];
  const apply = async (req: ActionRequest, byKinds: readonly ActorKind[]) => {
    const { by, to } = decide(row.status as OpinionState, req.action, byKinds, transitionContext(ctx, row));
    if (prepared.invalid && by !== 'system') throw prepared.invalid;
    if (req.action === 'merge') env.mergeTarget = await mergeTarget(trx, who, row, req.body.targetId);
    if (req.action === 'approve_extension' || req.action === 'refuse_extension')
      env.pendingExtension = (await repo.pendingExtension(trx, row.id)) ?? null;
    const step = effectsOf(row, to, req, env);
    const system = by === 'system';
    events.push({
      opinion_id: row.id,
      at: now.toISOString(),
      action: req.action,
      from_status: row.status,
      to_status: to,
      actor_kind: by,
      actor_user_id: system ? null : who.actor.userId,
      actor_name: system ? null : env.actor.name,
      unit_id: step.event.unitId,
      public_note: step.event.publicNote,
      internal_note: step.event.internalNote,
    });
    effects.push(step);
    const next = { ...row, ...step.patch };
    // A return just approved has cleared the unit: tell the unit it was.
    const unitId = next.unit_id ?? row.unit_id;
    notices.push(...stepNotices(ctx, subject(loaded, next), req.action, to, unitId, next.last_rating));
    row = next;
  };
  for (const req of requests) {
    await apply(req, kinds);
    for (let f = followUp(row.status as OpinionState, transitionContext(ctx, row)); f;) {
      await apply(systemStep(f), ['system']);
      f = followUp(row.status as OpinionState, transitionContext(ctx, row));
    }
  }
  const patch = Object.assign({}, ...effects.map((e) => e.patch)) as repo.OpinionPatch;
  if (!(await repo.updateOpinion(trx, before.id, before.version, patch))) {
    throw new AppError('CONFLICT', STALE);
  }
  await repo.insertEvents(trx, events);
  for (const e of effects) {
    if (e.reply) await repo.insertReply(trx, { ...e.reply, opinion_id: before.id });
    if (e.rating) await repo.insertRating(trx, { ...e.rating, opinion_id: before.id });
    if (e.extension) await repo.insertExtension(trx, { ...e.extension, opinion_id: before.id });
    if (e.extensionDecision) await repo.decideExtension(trx, before.id, e.extensionDecision);
    if (e.clearAlerts) await repo.clearAlerts(trx, before.id, e.clearAlerts);
  }
  await repo.applyStatsDeltas(trx, statsDeltas(before, row));
  await recordAudit(ctx, trx, who.actor, {
    action: `opinion.${requests.map((r) => r.action).join('+')}`,
    entityType: 'opinion',
    entityId: before.id,
    jurisdictionId: before.jurisdiction_id,
    detail: { trackingCode: before.tracking_code, from: before.status, to: row.status },
  });
  await notifyAll(ctx, trx, notices);
  return { id: before.id, trackingCode: before.tracking_code, status: row.status as OpinionState };
}

/** A step the system takes of itself (a follow-up, a deadline): such steps carry no body. */
export const systemStep = (action: OpinionAction): ActionRequest => ({ action, body: {} }) as ActionRequest;

function subject(o: repo.LoadedOpinion, row: repo.OpinionRow) {
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    content: row.content,
    jurisdictionPath: o.jurisdictionPath,
    phoneEnc: row.submitter_phone_enc,
  };
}

/** One person's action on one item (the state machine decides whether they may). */
export async function performAction(
  ctx: AppContext,
  who: Performer,
  at: Locator,
  request: ActionRequest,
): Promise<StepOutcome> {
  const prepared = await prepare(ctx, who.actor, [request]);
  return performSteps(ctx, who, at, () => [request], prepared);
}
