import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor, type Role } from '../auth/auth.domain.ts';
import { actorKinds, type KindFacts } from './opinions.visibility.ts';
import { decide } from './transitions.service.ts';
import type { TransitionContext } from './opinions.domain.ts';

const actor = (roles: Role[], extra: Partial<Actor> = {}): Actor => ({
  ...SYSTEM_ACTOR,
  userId: 1,
  roles,
  jurisdictionPath: '/1/2/',
  ...extra,
});
const item: KindFacts = {
  jurisdictionPath: '/1/2/5/',
  unitId: 7,
  representativeId: 3,
  representativeServes: false,
};

describe('who the actor is for an item', () => {
  it.each<[string, Actor, KindFacts, string[]]>([
    ['congress staff in scope', actor(['congress_staff']), item, ['staff']],
    ['congress staff of another county', actor(['congress_staff'], { jurisdictionPath: '/1/3/' }), item, []],
    ['a liaison officer in scope', actor(['liaison_officer']), item, ['officer']],
    [
      'the representative it is addressed to',
      actor(['representative'], { representativeId: 3 }),
      item,
      ['representative'],
    ],
    [
      'a representative serving on its station',
      actor(['representative'], { representativeId: 9 }),
      { ...item, representativeServes: true },
      ['representative'],
    ],
    ['another representative', actor(['representative'], { representativeId: 9 }), item, []],
    ['the unit handling it', actor(['unit_staff'], { unitId: 7, jurisdictionPath: '/1/3/' }), item, ['unit']],
    ['another unit', actor(['unit_staff'], { unitId: 8 }), item, []],
    ['a leader', actor(['leader']), item, []],
    ['staff and officer at once', actor(['congress_staff', 'liaison_officer']), item, ['staff', 'officer']],
  ])('%s', (_label, a, o, kinds) => {
    expect(actorKinds(a, o)).toEqual(kinds);
  });
});

describe('deciding between the actor’s kinds', () => {
  const ctx: TransitionContext = {
    pausedFrom: null,
    rating: null,
    rehandleRounds: 0,
    maxRehandleRounds: 1,
    hasUnit: true,
    consentPublish: false,
  };
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return (err as { code: string }).code;
    }
    return 'allowed';
  };

  it('takes the first kind that may act', () => {
    expect(decide('SUBMITTED', 'answer_on_spot', ['representative', 'officer'], ctx)).toEqual({
      by: 'representative',
      to: 'ANSWERED_ON_SPOT',
    });
  });

  it('answers 409 for the wrong state, 403 for the wrong actor, and the guard’s own refusal', () => {
    expect(refusal(() => decide('SUBMITTED', 'assign', ['staff'], ctx))).toBe('INVALID_TRANSITION');
    expect(refusal(() => decide('ACCEPTED', 'assign', ['officer'], ctx))).toBe('FORBIDDEN');
    expect(refusal(() => decide('ACCEPTED', 'assign', [], ctx))).toBe('FORBIDDEN');
    expect(refusal(() => decide('SUBMITTED', 'assign', [], ctx))).toBe('INVALID_TRANSITION');
    expect(refusal(() => decide('CLOSED', 'publish', ['staff'], ctx))).toBe('INVALID_TRANSITION');
  });
});
