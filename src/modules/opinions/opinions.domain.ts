/**
 * The opinion loop (DESIGN.md §4.1) as a pure, total state machine: a table of
 * (state, action, who) → next state, with guards. The service persists a transition with
 * `update … where id = ? and version = ?`, so two clerks acting at once end with one winner.
 *
 *   SUBMITTED → ACCEPTED | REJECTED | MERGED | ANSWERED_ON_SPOT
 *   ACCEPTED  → ASSIGNED | CONVERTED | ANSWERED_ON_SPOT | REJECTED | MERGED
 *   ASSIGNED  → SIGNED | RETURN_REQUESTED
 *   SIGNED / REHANDLING → REPLIED | EXTENSION_REQUESTED | RETURN_REQUESTED (signed only)
 *   RETURN_REQUESTED → ACCEPTED (approved: back to triage) | where it was (refused)
 *   EXTENSION_REQUESTED → where it was, with or without a new deadline
 *   REPLIED / ANSWERED_ON_SPOT → AWAITING_FEEDBACK (system, at once)
 *   AWAITING_FEEDBACK → RATED (citizen, or staff recording a phone rating) | CLOSED_UNRATED (system, 7 days)
 *   RATED → CLOSED (满意/基本满意, or 不满意 with no rounds left) | REHANDLING (不满意, same unit)
 *          | ACCEPTED (不满意 with no unit: an on-the-spot answer goes back to triage)
 *   CLOSED → PUBLISHED (staff, only with the submitter's consent)
 */
import type { OpinionState, Rating } from './opinions.vocab.ts';

export const OPINION_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'answer_on_spot',
  'assign',
  'convert',
  'sign',
  'request_return',
  'approve_return',
  'refuse_return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'reply',
  'open_feedback',
  'rate',
  'reopen',
  'close',
  'expire_feedback',
  'publish',
] as const;
export type OpinionAction = (typeof OPINION_ACTIONS)[number];

/**
 * Who acts, relative to the opinion: the service works this out from the user's roles and the
 * opinion (a unit's staff are 'unit' only for items assigned to their unit).
 */
export type ActorKind = 'staff' | 'officer' | 'representative' | 'unit' | 'citizen' | 'system';

/** What the guards need to know about the opinion besides its state. */
export interface TransitionContext {
  /** Where a paused item (return or extension requested) resumes. */
  pausedFrom: OpinionState | null;
  /** The rating just given (for the system's step after RATED). */
  rating: Rating | null;
  /** Re-handling rounds already used. */
  rehandleRounds: number;
  maxRehandleRounds: number;
  /** Whether a handling unit is attached (an on-the-spot answer has none). */
  hasUnit: boolean;
  consentPublish: boolean;
}

export type TransitionError =
  | { code: 'NOT_IN_STATE'; state: OpinionState; action: OpinionAction }
  | { code: 'NOT_YOURS'; action: OpinionAction; by: ActorKind }
  | { code: 'NO_CONSENT' }
  | { code: 'NOT_RATED' };

export type TransitionResult = { ok: true; to: OpinionState } | { ok: false; error: TransitionError };

interface Rule {
  from: readonly OpinionState[];
  by: readonly ActorKind[];
  to: (state: OpinionState, ctx: TransitionContext) => OpinionState | TransitionError;
}

const fixed = (to: OpinionState) => () => to;
const resume = (state: OpinionState, ctx: TransitionContext): OpinionState | TransitionError =>
  ctx.pausedFrom ?? { code: 'NOT_IN_STATE', state, action: 'refuse_return' };

const TRIAGE: readonly ActorKind[] = ['staff', 'officer'];

/** The transition table. Every (state, action) pair not listed here is refused. */
export const RULES: Record<OpinionAction, Rule> = {
  accept: { from: ['SUBMITTED'], by: TRIAGE, to: fixed('ACCEPTED') },
  reject: { from: ['SUBMITTED', 'ACCEPTED'], by: TRIAGE, to: fixed('REJECTED') },
  merge: { from: ['SUBMITTED', 'ACCEPTED'], by: TRIAGE, to: fixed('MERGED') },
  answer_on_spot: {
    from: ['SUBMITTED', 'ACCEPTED'],
    by: ['representative', 'officer', 'staff'],
    to: fixed('ANSWERED_ON_SPOT'),
  },
  assign: { from: ['ACCEPTED'], by: ['staff'], to: fixed('ASSIGNED') },
  convert: { from: ['ACCEPTED'], by: ['staff', 'representative'], to: fixed('CONVERTED') },
  sign: { from: ['ASSIGNED'], by: ['unit'], to: fixed('SIGNED') },
  request_return: { from: ['ASSIGNED', 'SIGNED'], by: ['unit'], to: fixed('RETURN_REQUESTED') },
  approve_return: { from: ['RETURN_REQUESTED'], by: ['staff'], to: fixed('ACCEPTED') },
  refuse_return: { from: ['RETURN_REQUESTED'], by: ['staff'], to: resume },
  request_extension: { from: ['SIGNED', 'REHANDLING'], by: ['unit'], to: fixed('EXTENSION_REQUESTED') },
  approve_extension: { from: ['EXTENSION_REQUESTED'], by: ['staff'], to: resume },
  refuse_extension: { from: ['EXTENSION_REQUESTED'], by: ['staff'], to: resume },
  reply: { from: ['SIGNED', 'REHANDLING'], by: ['unit'], to: fixed('REPLIED') },
  open_feedback: { from: ['REPLIED', 'ANSWERED_ON_SPOT'], by: ['system'], to: fixed('AWAITING_FEEDBACK') },
  rate: { from: ['AWAITING_FEEDBACK'], by: ['citizen', 'staff'], to: fixed('RATED') },
  reopen: {
    from: ['RATED'],
    by: ['system'],
    to: (state, ctx) => {
      if (ctx.rating !== 'unsatisfied') return { code: 'NOT_RATED' };
      if (!ctx.hasUnit) return 'ACCEPTED';
      if (ctx.rehandleRounds >= ctx.maxRehandleRounds)
        return { code: 'NOT_IN_STATE', state, action: 'reopen' };
      return 'REHANDLING';
    },
  },
  close: {
    from: ['RATED'],
    by: ['system'],
    to: (state, ctx) => {
      if (ctx.rating === null) return { code: 'NOT_RATED' };
      // 不满意 closes only when there is a unit and no round is left (otherwise it is re-handled).
      if (ctx.rating === 'unsatisfied' && (!ctx.hasUnit || ctx.rehandleRounds < ctx.maxRehandleRounds)) {
        return { code: 'NOT_IN_STATE', state, action: 'close' };
      }
      return 'CLOSED';
    },
  },
  expire_feedback: { from: ['AWAITING_FEEDBACK'], by: ['system'], to: fixed('CLOSED_UNRATED') },
  publish: {
    from: ['CLOSED'],
    by: ['staff'],
    to: (_s, ctx) => (ctx.consentPublish ? 'PUBLISHED' : { code: 'NO_CONSENT' }),
  },
};

/** The next state, or why not. Refusals are checked in order: state first, then who acts, then guards. */
export function transition(
  state: OpinionState,
  action: OpinionAction,
  by: ActorKind,
  ctx: TransitionContext,
): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(state)) return { ok: false, error: { code: 'NOT_IN_STATE', state, action } };
  if (!rule.by.includes(by)) return { ok: false, error: { code: 'NOT_YOURS', action, by } };
  const to = rule.to(state, ctx);
  return typeof to === 'string' ? { ok: true, to } : { ok: false, error: to };
}

/** The step the system takes at once after an action, if any (a reply opens the feedback window …). */
export function followUp(state: OpinionState, ctx: TransitionContext): OpinionAction | null {
  if (state === 'REPLIED' || state === 'ANSWERED_ON_SPOT') return 'open_feedback';
  if (state === 'RATED') {
    return ctx.rating === 'unsatisfied' && (!ctx.hasUnit || ctx.rehandleRounds < ctx.maxRehandleRounds)
      ? 'reopen'
      : 'close';
  }
  return null;
}

/** The actions an actor of each kind may take now: what the work pages offer as buttons. */
export function availableActions(
  state: OpinionState,
  kinds: readonly ActorKind[],
  ctx: TransitionContext,
): OpinionAction[] {
  return OPINION_ACTIONS.filter((action) =>
    kinds.some((by) => by !== 'system' && transition(state, action, by, ctx).ok),
  );
}
