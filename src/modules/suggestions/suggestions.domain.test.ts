import { describe, expect, it } from 'vitest';
import {
  availableActions,
  availableRecords,
  followUp,
  recordAllowed,
  SUGGESTION_ACTIONS,
  SUGGESTION_RECORDS,
  transition,
  worseRating,
  type ActorKind,
  type SuggestionAction,
  type SuggestionRecord,
  type TransitionContext,
} from './suggestions.domain.ts';
import { SUGGESTION_STATES, type SuggestionState } from './suggestions.vocab.ts';

/** A context in which every guard passes (a complete suggestion, a contact logged, no extension yet). */
const ctx: TransitionContext = {
  kind: 'suggestion',
  complete: true,
  acceptedCosigners: 0,
  minMotionCosigners: 10,
  pausedFrom: null,
  returnWindowOpen: true,
  contactLogged: true,
  extended: false,
  rating: null,
  rehandleRounds: 0,
  maxRehandleRounds: 1,
};
const KINDS: ActorKind[] = ['lead', 'cosigner', 'staff', 'lead_unit', 'co_unit', 'system'];

/**
 * Every allowed (state, action, who) → next state, written out by hand from DESIGN.md §4.2.
 * The test walks all 16 × 21 × 6 combinations: these succeed, everything else is refused.
 */
const ALLOWED: [SuggestionState, SuggestionAction, ActorKind, SuggestionState][] = [
  ['DRAFT', 'submit', 'lead', 'SUBMITTED'],
  ['DRAFT', 'withdraw', 'lead', 'WITHDRAWN'],
  ['SUBMITTED', 'withdraw', 'lead', 'WITHDRAWN'],
  ['REGISTERED', 'withdraw', 'lead', 'WITHDRAWN'],
  ['SUBMITTED', 'register', 'staff', 'REGISTERED'],
  ['SUBMITTED', 'refuse', 'staff', 'NOT_ACCEPTED'],
  ['SUBMITTED', 'merge', 'staff', 'MERGED'],
  ['REGISTERED', 'merge', 'staff', 'MERGED'],
  ['REGISTERED', 'assign', 'staff', 'ASSIGNED'],
  ['ASSIGNED', 'sign', 'lead_unit', 'IN_PROGRESS'],
  ['ASSIGNED', 'request_return', 'lead_unit', 'RETURN_REQUESTED'],
  ['IN_PROGRESS', 'request_return', 'lead_unit', 'RETURN_REQUESTED'],
  ['RETURN_REQUESTED', 'approve_return', 'staff', 'REGISTERED'],
  ['IN_PROGRESS', 'request_extension', 'lead_unit', 'EXTENSION_REQUESTED'],
  ['REHANDLING', 'request_extension', 'lead_unit', 'EXTENSION_REQUESTED'],
  ['IN_PROGRESS', 'reply', 'lead_unit', 'REPLIED'],
  ['REHANDLING', 'reply', 'lead_unit', 'REPLIED'],
  ['REPLIED', 'evaluate', 'lead', 'EVALUATED'],
  ['REPLIED', 'expire_evaluation', 'system', 'CLOSED'],
  ['ESCALATED', 'resolve_escalation', 'staff', 'CLOSED'],
  ['CLOSED', 'publish', 'staff', 'PUBLISHED'],
];

/** Allowed by state and actor, but decided by the context: tested on their own below. */
const CONTEXTUAL = new Set<string>([
  'RETURN_REQUESTED/refuse_return/staff',
  'EXTENSION_REQUESTED/approve_extension/staff',
  'EXTENSION_REQUESTED/refuse_extension/staff',
  'EVALUATED/rehandle/system',
  'EVALUATED/escalate/system',
  'EVALUATED/close/system',
]);

describe('the suggestion state machine', () => {
  it('allows exactly the transitions of DESIGN.md §4.2 and refuses every other combination', () => {
    const allowed = new Map(ALLOWED.map(([s, a, b, to]) => [`${s}/${a}/${b}`, to]));
    let refused = 0;
    for (const state of SUGGESTION_STATES) {
      for (const action of SUGGESTION_ACTIONS) {
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
      SUGGESTION_STATES.length * SUGGESTION_ACTIONS.length * KINDS.length - ALLOWED.length - CONTEXTUAL.size,
    );
  });

  it('says why it refuses: the state first, then who acts', () => {
    expect(transition('CLOSED', 'sign', 'lead_unit', ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_IN_STATE', state: 'CLOSED', action: 'sign' },
    });
    expect(transition('ASSIGNED', 'sign', 'co_unit', ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_YOURS', action: 'sign', by: 'co_unit' },
    });
    expect(transition('SUBMITTED', 'register', 'lead', ctx)).toEqual({
      ok: false,
      error: { code: 'NOT_YOURS', action: 'register', by: 'lead' },
    });
  });

  it('refuses to submit an incomplete draft, and a motion without enough co-signers', () => {
    expect(transition('DRAFT', 'submit', 'lead', { ...ctx, complete: false })).toEqual({
      ok: false,
      error: { code: 'INCOMPLETE' },
    });
    const motion = { ...ctx, kind: 'motion' as const, minMotionCosigners: 10 };
    expect(transition('DRAFT', 'submit', 'lead', { ...motion, acceptedCosigners: 9 })).toEqual({
      ok: false,
      error: { code: 'TOO_FEW_COSIGNERS', have: 9, need: 10 },
    });
    expect(transition('DRAFT', 'submit', 'lead', { ...motion, acceptedCosigners: 10 })).toEqual({
      ok: true,
      to: 'SUBMITTED',
    });
    // A suggestion needs no co-signer.
    expect(transition('DRAFT', 'submit', 'lead', { ...ctx, acceptedCosigners: 0 }).ok).toBe(true);
  });

  it('lets the lead unit ask to return a case only within the return window', () => {
    for (const state of ['ASSIGNED', 'IN_PROGRESS'] as const) {
      expect(transition(state, 'request_return', 'lead_unit', { ...ctx, returnWindowOpen: false })).toEqual({
        ok: false,
        error: { code: 'RETURN_WINDOW_CLOSED' },
      });
    }
  });

  it('refuses a reply before the lead unit logged a contact with the representative in this round', () => {
    for (const state of ['IN_PROGRESS', 'REHANDLING'] as const) {
      expect(transition(state, 'reply', 'lead_unit', { ...ctx, contactLogged: false })).toEqual({
        ok: false,
        error: { code: 'NO_CONTACT' },
      });
    }
  });

  it('grants one extension per case', () => {
    expect(transition('IN_PROGRESS', 'request_extension', 'lead_unit', { ...ctx, extended: true })).toEqual({
      ok: false,
      error: { code: 'ALREADY_EXTENDED' },
    });
  });

  it('resumes a paused case where it was', () => {
    for (const from of ['ASSIGNED', 'IN_PROGRESS'] as const) {
      expect(transition('RETURN_REQUESTED', 'refuse_return', 'staff', { ...ctx, pausedFrom: from })).toEqual({
        ok: true,
        to: from,
      });
    }
    for (const action of ['approve_extension', 'refuse_extension'] as const) {
      for (const from of ['IN_PROGRESS', 'REHANDLING'] as const) {
        expect(transition('EXTENSION_REQUESTED', action, 'staff', { ...ctx, pausedFrom: from })).toEqual({
          ok: true,
          to: from,
        });
      }
      expect(transition('EXTENSION_REQUESTED', action, 'staff', ctx).ok).toBe(false);
    }
    expect(transition('RETURN_REQUESTED', 'refuse_return', 'staff', ctx).ok).toBe(false);
  });

  it('after an evaluation: closes when satisfied, re-handles 不满意 while a round is left, then escalates', () => {
    const cases: [TransitionContext['rating'], number, SuggestionAction, SuggestionState][] = [
      ['satisfied', 0, 'close', 'CLOSED'],
      ['basically_satisfied', 0, 'close', 'CLOSED'],
      ['satisfied', 1, 'close', 'CLOSED'],
      ['unsatisfied', 0, 'rehandle', 'REHANDLING'],
      ['unsatisfied', 1, 'escalate', 'ESCALATED'],
    ];
    for (const [rating, rounds, action, to] of cases) {
      const c = { ...ctx, rating, rehandleRounds: rounds };
      expect(followUp('EVALUATED', c), `${rating}/${rounds}`).toBe(action);
      expect(transition('EVALUATED', action, 'system', c)).toEqual({ ok: true, to });
      // The other two follow-ups are refused in that situation.
      for (const other of (['close', 'rehandle', 'escalate'] as const).filter((a) => a !== action)) {
        expect(transition('EVALUATED', other, 'system', c).ok, `${rating}/${rounds}/${other}`).toBe(false);
      }
    }
    for (const action of ['close', 'rehandle', 'escalate'] as const) {
      expect(transition('EVALUATED', action, 'system', ctx)).toEqual({
        ok: false,
        error: { code: 'NOT_EVALUATED' },
      });
    }
  });

  it('takes no follow-up outside EVALUATED', () => {
    for (const state of SUGGESTION_STATES.filter((s) => s !== 'EVALUATED'))
      expect(followUp(state, { ...ctx, rating: 'unsatisfied' })).toBeNull();
  });

  it('offers each actor the actions they may take now', () => {
    expect(availableActions('DRAFT', ['lead'], ctx)).toEqual(['submit', 'withdraw']);
    expect(availableActions('DRAFT', ['cosigner'], ctx)).toEqual([]);
    expect(availableActions('SUBMITTED', ['staff'], ctx)).toEqual(['register', 'refuse', 'merge']);
    expect(availableActions('ASSIGNED', ['lead_unit'], ctx)).toEqual(['sign', 'request_return']);
    expect(availableActions('ASSIGNED', ['lead_unit'], { ...ctx, returnWindowOpen: false })).toEqual([
      'sign',
    ]);
    expect(availableActions('IN_PROGRESS', ['lead_unit'], { ...ctx, contactLogged: false })).toEqual([
      'request_return',
      'request_extension',
    ]);
    // The system's own steps are never offered.
    expect(availableActions('REPLIED', ['lead', 'system'], ctx)).toEqual(['evaluate']);
  });

  it('says which worse rating an evaluation counts', () => {
    expect(worseRating('satisfied', 'satisfied')).toBe('satisfied');
    expect(worseRating('satisfied', 'basically_satisfied')).toBe('basically_satisfied');
    expect(worseRating('unsatisfied', 'satisfied')).toBe('unsatisfied');
    expect(worseRating('basically_satisfied', 'unsatisfied')).toBe('unsatisfied');
  });
});

describe('records beside the state machine', () => {
  /** Every (record, state, who) allowed, by hand; the rest refused. */
  const HANDLING: SuggestionState[] = ['ASSIGNED', 'IN_PROGRESS', 'EXTENSION_REQUESTED', 'REHANDLING'];
  const AFTER_REPLY: SuggestionState[] = [
    'REPLIED',
    'EVALUATED',
    'REHANDLING',
    'ESCALATED',
    'CLOSED',
    'PUBLISHED',
  ];
  const KEYABLE: SuggestionState[] = [
    'REGISTERED',
    'ASSIGNED',
    'RETURN_REQUESTED',
    'IN_PROGRESS',
    'EXTENSION_REQUESTED',
    'REPLIED',
    'EVALUATED',
    'REHANDLING',
    'ESCALATED',
  ];
  const ALLOWED: Record<SuggestionRecord, { in: SuggestionState[]; by: ActorKind[] }> = {
    edit_draft: { in: ['DRAFT'], by: ['lead'] },
    invite: { in: ['DRAFT'], by: ['lead'] },
    answer_invitation: { in: ['DRAFT'], by: ['cosigner'] },
    contact: { in: HANDLING, by: ['lead_unit', 'co_unit'] },
    co_opinion: { in: HANDLING, by: ['co_unit'] },
    amend_reply: { in: ['REPLIED'], by: ['lead_unit'] },
    correct_reply: { in: AFTER_REPLY, by: ['lead_unit', 'staff'] },
    commitment_progress: { in: AFTER_REPLY, by: ['lead_unit', 'staff'] },
    flag_key: { in: KEYABLE, by: ['staff'] },
  };

  it('allows each record only in its states, to its people', () => {
    for (const record of SUGGESTION_RECORDS) {
      for (const state of SUGGESTION_STATES) {
        for (const by of KINDS) {
          const ok = ALLOWED[record].in.includes(state) && ALLOWED[record].by.includes(by);
          const result = recordAllowed(state, record, [by]);
          expect(result.ok, `${record}/${state}/${by}`).toBe(ok);
          if (!result.ok) {
            expect(result.error.code, `${record}/${state}/${by}`).toBe(
              ALLOWED[record].in.includes(state) ? 'NOT_YOURS' : 'NOT_IN_STATE',
            );
          }
        }
      }
    }
  });

  it('lists what each actor may record now', () => {
    expect(availableRecords('DRAFT', ['lead'])).toEqual(['edit_draft', 'invite']);
    expect(availableRecords('IN_PROGRESS', ['co_unit'])).toEqual(['contact', 'co_opinion']);
    expect(availableRecords('CLOSED', ['lead_unit'])).toEqual(['correct_reply', 'commitment_progress']);
    expect(availableRecords('WITHDRAWN', ['lead', 'staff'])).toEqual([]);
  });
});
