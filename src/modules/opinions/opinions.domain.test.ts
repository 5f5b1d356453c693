import { describe, expect, it } from 'vitest';
import {
  availableActions,
  followUp,
  OPINION_ACTIONS,
  transition,
  type ActorKind,
  type OpinionAction,
  type TransitionContext,
} from './opinions.domain.ts';
import { OPINION_STATES, type OpinionState } from './opinions.vocab.ts';

const ctx: TransitionContext = {
  pausedFrom: null,
  rating: null,
  rehandleRounds: 0,
  maxRehandleRounds: 2,
  hasUnit: true,
  consentPublish: true,
};
const KINDS: ActorKind[] = ['staff', 'officer', 'representative', 'unit', 'citizen', 'system'];

/**
 * Every allowed (state, action, who) → next state, written out by hand from DESIGN.md §4.1.
 * The test walks all 17 × 20 × 6 combinations: these succeed, everything else is refused.
 */
const ALLOWED: [OpinionState, OpinionAction, ActorKind, OpinionState][] = [
  ['SUBMITTED', 'accept', 'staff', 'ACCEPTED'],
  ['SUBMITTED', 'accept', 'officer', 'ACCEPTED'],
  ['SUBMITTED', 'reject', 'staff', 'REJECTED'],
  ['SUBMITTED', 'reject', 'officer', 'REJECTED'],
  ['ACCEPTED', 'reject', 'staff', 'REJECTED'],
  ['ACCEPTED', 'reject', 'officer', 'REJECTED'],
  ['SUBMITTED', 'merge', 'staff', 'MERGED'],
  ['SUBMITTED', 'merge', 'officer', 'MERGED'],
  ['ACCEPTED', 'merge', 'staff', 'MERGED'],
  ['ACCEPTED', 'merge', 'officer', 'MERGED'],
  ['SUBMITTED', 'answer_on_spot', 'representative', 'ANSWERED_ON_SPOT'],
  ['SUBMITTED', 'answer_on_spot', 'officer', 'ANSWERED_ON_SPOT'],
  ['SUBMITTED', 'answer_on_spot', 'staff', 'ANSWERED_ON_SPOT'],
  ['ACCEPTED', 'answer_on_spot', 'representative', 'ANSWERED_ON_SPOT'],
  ['ACCEPTED', 'answer_on_spot', 'officer', 'ANSWERED_ON_SPOT'],
  ['ACCEPTED', 'answer_on_spot', 'staff', 'ANSWERED_ON_SPOT'],
  ['ACCEPTED', 'assign', 'staff', 'ASSIGNED'],
  ['ACCEPTED', 'convert', 'staff', 'CONVERTED'],
  ['ACCEPTED', 'convert', 'representative', 'CONVERTED'],
  ['ASSIGNED', 'sign', 'unit', 'SIGNED'],
  ['ASSIGNED', 'request_return', 'unit', 'RETURN_REQUESTED'],
  ['SIGNED', 'request_return', 'unit', 'RETURN_REQUESTED'],
  ['RETURN_REQUESTED', 'approve_return', 'staff', 'ACCEPTED'],
  ['SIGNED', 'request_extension', 'unit', 'EXTENSION_REQUESTED'],
  ['REHANDLING', 'request_extension', 'unit', 'EXTENSION_REQUESTED'],
  ['SIGNED', 'reply', 'unit', 'REPLIED'],
  ['REHANDLING', 'reply', 'unit', 'REPLIED'],
  ['REPLIED', 'open_feedback', 'system', 'AWAITING_FEEDBACK'],
  ['ANSWERED_ON_SPOT', 'open_feedback', 'system', 'AWAITING_FEEDBACK'],
  ['AWAITING_FEEDBACK', 'rate', 'citizen', 'RATED'],
  ['AWAITING_FEEDBACK', 'rate', 'staff', 'RATED'],
  ['AWAITING_FEEDBACK', 'expire_feedback', 'system', 'CLOSED_UNRATED'],
  ['CLOSED', 'publish', 'staff', 'PUBLISHED'],
];

/** Allowed by state and actor, but decided by the context: tested on their own below. */
const CONTEXTUAL = new Set<string>([
  'RETURN_REQUESTED/refuse_return/staff',
  'EXTENSION_REQUESTED/approve_extension/staff',
  'EXTENSION_REQUESTED/refuse_extension/staff',
  'RATED/reopen/system',
  'RATED/close/system',
]);

describe('the opinion state machine', () => {
  it('allows exactly the transitions of DESIGN.md §4.1 and refuses every other combination', () => {
    const allowed = new Map(ALLOWED.map(([s, a, b, to]) => [`${s}/${a}/${b}`, to]));
    let refused = 0;
    for (const state of OPINION_STATES) {
      for (const action of OPINION_ACTIONS) {
        for (const by of KINDS) {
          const key = `${state}/${action}/${by}`;
          if (CONTEXTUAL.has(key)) continue;
          const result = transition(state, action, by, ctx);
          const expected = allowed.get(key);
          if (expected) {
            expect(result, key).toEqual({ ok: true, to: expected });
          } else {
            expect(result.ok, key).toBe(false);
            refused += 1;
          }
        }
      }
    }
    expect(refused).toBe(
      OPINION_STATES.length * OPINION_ACTIONS.length * KINDS.length - ALLOWED.length - CONTEXTUAL.size,
    );
  });

  it('says why it refuses: the state first, then who acts', () => {
    expect(transition('CLOSED', 'sign', 'unit', ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_IN_STATE', state: 'CLOSED', action: 'sign' },
    });
    expect(transition('ASSIGNED', 'sign', 'staff', ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_YOURS', action: 'sign', by: 'staff' },
    });
  });

  it('resumes a paused item where it was', () => {
    for (const from of ['ASSIGNED', 'SIGNED'] as const) {
      expect(transition('RETURN_REQUESTED', 'refuse_return', 'staff', { ...ctx, pausedFrom: from })).toEqual({
        ok: true,
        to: from,
      });
    }
    for (const action of ['approve_extension', 'refuse_extension'] as const) {
      for (const from of ['SIGNED', 'REHANDLING'] as const) {
        expect(transition('EXTENSION_REQUESTED', action, 'staff', { ...ctx, pausedFrom: from })).toEqual({
          ok: true,
          to: from,
        });
      }
      expect(transition('EXTENSION_REQUESTED', action, 'unit', { ...ctx, pausedFrom: 'SIGNED' }).ok).toBe(
        false,
      );
    }
    expect(transition('RETURN_REQUESTED', 'refuse_return', 'staff', ctx).ok).toBe(false);
  });

  it.each([
    // rating, rounds used, has unit → what the system does next
    ['satisfied', 0, true, 'close', 'CLOSED'],
    ['basically_satisfied', 1, true, 'close', 'CLOSED'],
    ['unsatisfied', 0, true, 'reopen', 'REHANDLING'],
    ['unsatisfied', 1, true, 'reopen', 'REHANDLING'],
    ['unsatisfied', 2, true, 'close', 'CLOSED'],
    ['unsatisfied', 0, false, 'reopen', 'ACCEPTED'],
  ] as const)(
    'after %s with %i round(s) used (unit: %s) the system will %s → %s',
    (rating, rounds, hasUnit, action, to) => {
      const c = { ...ctx, rating, rehandleRounds: rounds, hasUnit };
      expect(followUp('RATED', c)).toBe(action);
      expect(transition('RATED', action, 'system', c)).toEqual({ ok: true, to });
      const other = action === 'close' ? 'reopen' : 'close';
      expect(transition('RATED', other, 'system', c).ok).toBe(false);
    },
  );

  it('opens the feedback window at once after a reply or an on-the-spot answer, and nothing else', () => {
    expect(followUp('REPLIED', ctx)).toBe('open_feedback');
    expect(followUp('ANSWERED_ON_SPOT', ctx)).toBe('open_feedback');
    for (const s of OPINION_STATES.filter((x) => !['REPLIED', 'ANSWERED_ON_SPOT', 'RATED'].includes(x))) {
      expect(followUp(s, ctx), s).toBeNull();
    }
  });

  it('publishes only with the submitter’s consent', () => {
    expect(transition('CLOSED', 'publish', 'staff', { ...ctx, consentPublish: false })).toEqual({
      ok: false,
      error: { code: 'NO_CONSENT' },
    });
    expect(transition('CLOSED_UNRATED', 'publish', 'staff', ctx).ok).toBe(false);
  });

  it('offers each actor the buttons it may press', () => {
    expect(availableActions('SUBMITTED', ['staff'], ctx)).toEqual([
      'accept',
      'reject',
      'merge',
      'answer_on_spot',
    ]);
    expect(availableActions('ACCEPTED', ['representative'], ctx)).toEqual(['answer_on_spot', 'convert']);
    expect(availableActions('ASSIGNED', ['unit'], ctx)).toEqual(['sign', 'request_return']);
    expect(availableActions('SIGNED', ['unit'], ctx)).toEqual([
      'request_return',
      'request_extension',
      'reply',
    ]);
    expect(availableActions('AWAITING_FEEDBACK', ['citizen'], ctx)).toEqual(['rate']);
    expect(availableActions('REPLIED', ['staff', 'unit'], ctx)).toEqual([]);
  });
});
