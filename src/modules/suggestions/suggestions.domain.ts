/**
 * Representatives' suggestions and motions (DESIGN.md §4.2) as a pure, total state machine: a
 * table of (state, action, who) → next state, with guards. The service persists a transition with
 * `update … where id = ? and version = ?`, so two people acting at once end with one winner.
 *
 *   DRAFT → SUBMITTED (lead; complete, a motion with enough co-signers) | WITHDRAWN
 *   SUBMITTED → REGISTERED (第N号) | NOT_ACCEPTED (reason) | MERGED (并案) | WITHDRAWN
 *   REGISTERED → ASSIGNED (交办: lead unit + co-units, T0) | MERGED | WITHDRAWN
 *   ASSIGNED → IN_PROGRESS (the lead unit signs) | RETURN_REQUESTED (within 5 working days of T0)
 *   IN_PROGRESS → RETURN_REQUESTED (same window) | EXTENSION_REQUESTED | REPLIED (after a contact)
 *   RETURN_REQUESTED → REGISTERED (approved: to be reassigned) | where it was (refused)
 *   EXTENSION_REQUESTED → where it was, with or without a later deadline
 *   REPLIED → EVALUATED (a lead representative) | CLOSED (system: no evaluation in time)
 *   EVALUATED → CLOSED (no 不满意) | REHANDLING (不满意, a round left) | ESCALATED (不满意 again)
 *   REHANDLING → REPLIED (after a new contact) | EXTENSION_REQUESTED
 *   ESCALATED → CLOSED (staff settle it)
 *   CLOSED → PUBLISHED (staff, redacted)
 *
 * Besides the transitions, records that do not move the case (a co-signer's answer, a contact, a
 * co-unit's opinion, a correction of a reply) are allowed in some states by some people only:
 * `recordAllowed` is that table.
 */
import type { EvaluationRating, SuggestionKind, SuggestionState } from './suggestions.vocab.ts';

export const SUGGESTION_ACTIONS = [
  'submit',
  'withdraw',
  'register',
  'refuse',
  'merge',
  'assign',
  'sign',
  'request_return',
  'approve_return',
  'refuse_return',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'reply',
  'evaluate',
  'rehandle',
  'escalate',
  'close',
  'expire_evaluation',
  'resolve_escalation',
  'publish',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

/**
 * Who acts, relative to the case: worked out by the service from the user's roles and the case
 * (a representative is 'lead' or 'cosigner' only on their own cases; a unit's staff are
 * 'lead_unit' or 'co_unit' only on cases assigned to their unit).
 */
export type ActorKind = 'lead' | 'cosigner' | 'staff' | 'lead_unit' | 'co_unit' | 'system';

/** What the guards need to know about the case besides its state. */
export interface TransitionContext {
  kind: SuggestionKind;
  /** Title, reasons and proposals (and a motion's basis) are filled in, and a category chosen. */
  complete: boolean;
  /** Co-signers who accepted, and how many a motion needs. */
  acceptedCosigners: number;
  minMotionCosigners: number;
  /** Where a paused case (return or extension requested) resumes. */
  pausedFrom: SuggestionState | null;
  /** Whether the return window (5 working days from T0) is still open. */
  returnWindowOpen: boolean;
  /** Whether the lead unit logged a contact with the representative in the current round. */
  contactLogged: boolean;
  /** Whether an extension was already granted (one per case). */
  extended: boolean;
  /** The evaluation just given: the worse of attitude and result. */
  rating: EvaluationRating | null;
  rehandleRounds: number;
  maxRehandleRounds: number;
}

export type TransitionError =
  | { code: 'NOT_IN_STATE'; state: SuggestionState; action: SuggestionAction }
  | { code: 'NOT_YOURS'; action: SuggestionAction; by: ActorKind }
  | { code: 'INCOMPLETE' }
  | { code: 'TOO_FEW_COSIGNERS'; have: number; need: number }
  | { code: 'RETURN_WINDOW_CLOSED' }
  | { code: 'NO_CONTACT' }
  | { code: 'ALREADY_EXTENDED' }
  | { code: 'NOT_EVALUATED' };

export type TransitionResult = { ok: true; to: SuggestionState } | { ok: false; error: TransitionError };

type Guarded = SuggestionState | TransitionError;

interface Rule {
  from: readonly SuggestionState[];
  by: readonly ActorKind[];
  to: (state: SuggestionState, ctx: TransitionContext) => Guarded;
}

const fixed = (to: SuggestionState) => (): Guarded => to;
const resume =
  (action: SuggestionAction) =>
  (state: SuggestionState, ctx: TransitionContext): Guarded =>
    ctx.pausedFrom ?? { code: 'NOT_IN_STATE', state, action };

/** 不满意 on attitude or result, decided once the evaluation is in. */
const unsatisfied = (ctx: TransitionContext) => ctx.rating === 'unsatisfied';
const roundLeft = (ctx: TransitionContext) => ctx.rehandleRounds < ctx.maxRehandleRounds;

/** The transition table. Every (state, action) pair not listed here is refused. */
export const RULES: Record<SuggestionAction, Rule> = {
  submit: {
    from: ['DRAFT'],
    by: ['lead'],
    to: (_s, ctx) => {
      if (!ctx.complete) return { code: 'INCOMPLETE' };
      if (ctx.kind === 'motion' && ctx.acceptedCosigners < ctx.minMotionCosigners)
        return { code: 'TOO_FEW_COSIGNERS', have: ctx.acceptedCosigners, need: ctx.minMotionCosigners };
      return 'SUBMITTED';
    },
  },
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'REGISTERED'], by: ['lead'], to: fixed('WITHDRAWN') },
  register: { from: ['SUBMITTED'], by: ['staff'], to: fixed('REGISTERED') },
  refuse: { from: ['SUBMITTED'], by: ['staff'], to: fixed('NOT_ACCEPTED') },
  merge: { from: ['SUBMITTED', 'REGISTERED'], by: ['staff'], to: fixed('MERGED') },
  assign: { from: ['REGISTERED'], by: ['staff'], to: fixed('ASSIGNED') },
  sign: { from: ['ASSIGNED'], by: ['lead_unit'], to: fixed('IN_PROGRESS') },
  request_return: {
    from: ['ASSIGNED', 'IN_PROGRESS'],
    by: ['lead_unit'],
    to: (_s, ctx) => (ctx.returnWindowOpen ? 'RETURN_REQUESTED' : { code: 'RETURN_WINDOW_CLOSED' }),
  },
  approve_return: { from: ['RETURN_REQUESTED'], by: ['staff'], to: fixed('REGISTERED') },
  refuse_return: { from: ['RETURN_REQUESTED'], by: ['staff'], to: resume('refuse_return') },
  request_extension: {
    from: ['IN_PROGRESS', 'REHANDLING'],
    by: ['lead_unit'],
    to: (_s, ctx) => (ctx.extended ? { code: 'ALREADY_EXTENDED' } : 'EXTENSION_REQUESTED'),
  },
  approve_extension: { from: ['EXTENSION_REQUESTED'], by: ['staff'], to: resume('approve_extension') },
  refuse_extension: { from: ['EXTENSION_REQUESTED'], by: ['staff'], to: resume('refuse_extension') },
  reply: {
    from: ['IN_PROGRESS', 'REHANDLING'],
    by: ['lead_unit'],
    to: (_s, ctx) => (ctx.contactLogged ? 'REPLIED' : { code: 'NO_CONTACT' }),
  },
  evaluate: { from: ['REPLIED'], by: ['lead'], to: fixed('EVALUATED') },
  rehandle: {
    from: ['EVALUATED'],
    by: ['system'],
    to: (state, ctx) => {
      if (ctx.rating === null) return { code: 'NOT_EVALUATED' };
      return unsatisfied(ctx) && roundLeft(ctx)
        ? 'REHANDLING'
        : { code: 'NOT_IN_STATE', state, action: 'rehandle' };
    },
  },
  escalate: {
    from: ['EVALUATED'],
    by: ['system'],
    to: (state, ctx) => {
      if (ctx.rating === null) return { code: 'NOT_EVALUATED' };
      return unsatisfied(ctx) && !roundLeft(ctx)
        ? 'ESCALATED'
        : { code: 'NOT_IN_STATE', state, action: 'escalate' };
    },
  },
  close: {
    from: ['EVALUATED'],
    by: ['system'],
    to: (state, ctx) => {
      if (ctx.rating === null) return { code: 'NOT_EVALUATED' };
      return unsatisfied(ctx) ? { code: 'NOT_IN_STATE', state, action: 'close' } : 'CLOSED';
    },
  },
  expire_evaluation: { from: ['REPLIED'], by: ['system'], to: fixed('CLOSED') },
  resolve_escalation: { from: ['ESCALATED'], by: ['staff'], to: fixed('CLOSED') },
  publish: { from: ['CLOSED'], by: ['staff'], to: fixed('PUBLISHED') },
};

/** The next state, or why not. Refusals are checked in order: state first, then who acts, then guards. */
export function transition(
  state: SuggestionState,
  action: SuggestionAction,
  by: ActorKind,
  ctx: TransitionContext,
): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(state)) return { ok: false, error: { code: 'NOT_IN_STATE', state, action } };
  if (!rule.by.includes(by)) return { ok: false, error: { code: 'NOT_YOURS', action, by } };
  const to = rule.to(state, ctx);
  return typeof to === 'string' ? { ok: true, to } : { ok: false, error: to };
}

/** The step the system takes at once after an action, if any (an evaluation closes or reopens). */
export function followUp(state: SuggestionState, ctx: TransitionContext): SuggestionAction | null {
  if (state !== 'EVALUATED') return null;
  if (!unsatisfied(ctx)) return 'close';
  return roundLeft(ctx) ? 'rehandle' : 'escalate';
}

/** The actions an actor of each kind may take now: what the work pages offer as buttons. */
export function availableActions(
  state: SuggestionState,
  kinds: readonly ActorKind[],
  ctx: TransitionContext,
): SuggestionAction[] {
  return SUGGESTION_ACTIONS.filter((action) =>
    kinds.some((by) => by !== 'system' && transition(state, action, by, ctx).ok),
  );
}

/** Records that do not move the case, each allowed in some states to some people. */
export const SUGGESTION_RECORDS = [
  'edit_draft', // autosave of the draft's text
  'invite', // invite co-signers (附议)
  'answer_invitation', // a co-signer accepts or declines
  'contact', // 沟通联系 with the representative
  'co_opinion', // a co-unit's opinion to the lead unit
  'amend_reply', // the lead unit amends its reply before it is evaluated
  'correct_reply', // a correction, recorded as a new reply
  'commitment_progress', // progress on a class-B commitment
  'flag_key', // 重点督办 on or off
] as const;
export type SuggestionRecord = (typeof SUGGESTION_RECORDS)[number];

const AFTER_REPLY: readonly SuggestionState[] = [
  'REPLIED',
  'EVALUATED',
  'REHANDLING',
  'ESCALATED',
  'CLOSED',
  'PUBLISHED',
];

const RECORD_RULES: Record<SuggestionRecord, { in: readonly SuggestionState[]; by: readonly ActorKind[] }> = {
  edit_draft: { in: ['DRAFT'], by: ['lead'] },
  invite: { in: ['DRAFT'], by: ['lead'] },
  answer_invitation: { in: ['DRAFT'], by: ['cosigner'] },
  contact: {
    in: ['ASSIGNED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'REHANDLING'],
    by: ['lead_unit', 'co_unit'],
  },
  co_opinion: { in: ['ASSIGNED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'REHANDLING'], by: ['co_unit'] },
  amend_reply: { in: ['REPLIED'], by: ['lead_unit'] },
  correct_reply: { in: AFTER_REPLY, by: ['lead_unit', 'staff'] },
  commitment_progress: { in: AFTER_REPLY, by: ['lead_unit', 'staff'] },
  flag_key: {
    in: [
      'REGISTERED',
      'ASSIGNED',
      'RETURN_REQUESTED',
      'IN_PROGRESS',
      'EXTENSION_REQUESTED',
      'REPLIED',
      'EVALUATED',
      'REHANDLING',
      'ESCALATED',
    ],
    by: ['staff'],
  },
};

export type RecordResult =
  | { ok: true }
  | {
      ok: false;
      error:
        | { code: 'NOT_IN_STATE'; state: SuggestionState; record: SuggestionRecord }
        | { code: 'NOT_YOURS'; record: SuggestionRecord };
    };

/** Whether an actor of one of `kinds` may add this record now: state first, then who. */
export function recordAllowed(
  state: SuggestionState,
  record: SuggestionRecord,
  kinds: readonly ActorKind[],
): RecordResult {
  const rule = RECORD_RULES[record];
  if (!rule.in.includes(state)) return { ok: false, error: { code: 'NOT_IN_STATE', state, record } };
  if (!kinds.some((k) => rule.by.includes(k))) return { ok: false, error: { code: 'NOT_YOURS', record } };
  return { ok: true };
}

/** The records an actor may add now (for the work pages). */
export function availableRecords(state: SuggestionState, kinds: readonly ActorKind[]): SuggestionRecord[] {
  return SUGGESTION_RECORDS.filter((r) => recordAllowed(state, r, kinds).ok);
}

/** The worse of the two ratings an evaluation gives (attitude, result): 不满意 on either counts. */
export function worseRating(a: EvaluationRating, b: EvaluationRating): EvaluationRating {
  const order: readonly EvaluationRating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}
