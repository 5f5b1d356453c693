import { describe, expect, it } from 'vitest';
import {
  receptionTitle,
  checkin,
  halfDays,
  onDuty,
  overlaps,
  PARTICIPANT_ACTIONS,
  PARTICIPANT_STATUSES,
  participantStep,
  type ActivityTimes,
  type ParticipantAction,
  type ParticipantActor,
  type ParticipantStatus,
} from './activities.domain.ts';

const activity: ActivityTimes = {
  status: 'planned',
  startsAt: '2026-03-17T01:00:00.000Z', // 09:00 Beijing
  endsAt: '2026-03-17T03:00:00.000Z', // 11:00
};
const before = new Date('2026-03-16T01:00:00.000Z');
const during = new Date('2026-03-17T02:00:00.000Z');
const after = new Date('2026-03-17T04:00:00.000Z');

describe('a participant’s steps', () => {
  /** Every allowed (status, action, who) → status, by hand; every other combination is refused. */
  const ALLOWED: [ParticipantStatus, ParticipantAction, ParticipantActor, ParticipantStatus][] = [
    ['invited', 'sign_up', 'self', 'signed_up'],
    ['leave_refused', 'sign_up', 'self', 'signed_up'],
    ['invited', 'request_leave', 'self', 'leave_requested'],
    ['signed_up', 'request_leave', 'self', 'leave_requested'],
    ['leave_refused', 'request_leave', 'self', 'leave_requested'],
    ['leave_requested', 'approve_leave', 'staff', 'leave_approved'],
    ['leave_requested', 'refuse_leave', 'staff', 'leave_refused'],
  ];

  it('allows exactly the listed steps before the activity, and refuses the rest', () => {
    const allowed = new Map(ALLOWED.map(([s, a, b, to]) => [`${s}/${a}/${b}`, to]));
    for (const status of PARTICIPANT_STATUSES)
      for (const action of PARTICIPANT_ACTIONS)
        for (const by of ['self', 'staff'] as const) {
          const r = participantStep(status, action, by, activity, before);
          const want = allowed.get(`${status}/${action}/${by}`);
          expect(r, `${status}/${action}/${by}`).toEqual(
            want ? { ok: true, to: want } : expect.objectContaining({ ok: false }),
          );
        }
  });

  it('refuses signing up once it has started, and leave once it has ended; staff decide leave any time', () => {
    expect(participantStep('invited', 'sign_up', 'self', activity, during)).toEqual({
      ok: false,
      error: { code: 'STARTED' },
    });
    expect(participantStep('invited', 'request_leave', 'self', activity, during).ok).toBe(true);
    expect(participantStep('invited', 'request_leave', 'self', activity, after)).toEqual({
      ok: false,
      error: { code: 'STARTED' },
    });
    expect(participantStep('leave_requested', 'approve_leave', 'staff', activity, after).ok).toBe(true);
  });

  it('refuses everything on a cancelled or deleted activity', () => {
    for (const status of ['cancelled', 'deleted'] as const)
      expect(participantStep('invited', 'sign_up', 'self', { ...activity, status }, before)).toEqual({
        ok: false,
        error: { code: 'ACTIVITY_CLOSED' },
      });
  });
});

describe('check-in', () => {
  const listed = { attendance: null };
  it('accepts a listed representative from an hour before to half an hour after', () => {
    expect(checkin(activity, listed, new Date('2026-03-17T00:00:00.000Z'))).toEqual({
      ok: true,
      first: true,
    });
    expect(checkin(activity, listed, new Date('2026-03-17T03:30:00.000Z'))).toEqual({
      ok: true,
      first: true,
    });
    expect(checkin(activity, listed, new Date('2026-03-16T23:59:59.000Z'))).toEqual({
      ok: false,
      code: 'TOO_EARLY',
    });
    expect(checkin(activity, listed, new Date('2026-03-17T03:30:01.000Z'))).toEqual({
      ok: false,
      code: 'TOO_LATE',
    });
  });
  it('refuses someone not on the list, and any cancelled activity', () => {
    expect(checkin(activity, null, during)).toEqual({ ok: false, code: 'NOT_PARTICIPANT' });
    expect(checkin({ ...activity, status: 'cancelled' }, listed, during)).toEqual({
      ok: false,
      code: 'ACTIVITY_CLOSED',
    });
  });
  it('counts a second scan once: accepted, but not first', () => {
    expect(checkin(activity, { attendance: 'present' }, during)).toEqual({ ok: true, first: false });
  });
});

describe('overlaps, half days and duty rosters', () => {
  it('finds the activities of one person that overlap, touching ends do not', () => {
    expect(
      overlaps([
        { id: 3, startsAt: '2026-03-17T01:00:00Z', endsAt: '2026-03-17T03:00:00Z' },
        { id: 1, startsAt: '2026-03-17T02:00:00Z', endsAt: '2026-03-17T05:00:00Z' },
        { id: 2, startsAt: '2026-03-17T05:00:00Z', endsAt: '2026-03-17T06:00:00Z' },
        { id: 4, startsAt: '2026-03-17T00:00:00Z', endsAt: '2026-03-17T08:00:00Z' },
      ]),
    ).toEqual([
      [1, 3],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    expect(overlaps([])).toEqual([]);
  });
  it('counts half days: up to 4 hours one, then one per 4 hours more', () => {
    expect(halfDays({ startsAt: '2026-03-17T01:00:00Z', endsAt: '2026-03-17T03:00:00Z' })).toBe(1);
    expect(halfDays({ startsAt: '2026-03-17T01:00:00Z', endsAt: '2026-03-17T05:00:00Z' })).toBe(1);
    expect(halfDays({ startsAt: '2026-03-17T01:00:00Z', endsAt: '2026-03-17T09:00:00Z' })).toBe(2);
    expect(halfDays({ startsAt: '2026-03-17T01:00:00Z', endsAt: '2026-03-17T09:30:00Z' })).toBe(3);
  });
  it('takes the roster in turn, the same people for the same day', () => {
    const roster = [7, 3, 5, 9, 1];
    expect(onDuty(roster, 0, 2)).toEqual([1, 3]);
    expect(onDuty(roster, 1, 2)).toEqual([5, 7]);
    expect(onDuty(roster, 2, 2)).toEqual([9, 1]);
    expect(onDuty(roster, 1, 2)).toEqual(onDuty([...roster].reverse(), 1, 2));
    expect(onDuty([4], 5, 3)).toEqual([4]);
    expect(onDuty([], 0, 2)).toEqual([]);
  });
});

describe('reception titles', () => {
  it('name a day moved off a holiday by the date the rule gave', () => {
    expect(receptionTitle('湖滨街道代表联络站', { moved: false, ruleDate: '2026-10-13' })).toBe(
      '湖滨街道代表联络站接待选民日',
    );
    expect(receptionTitle('湖滨街道代表联络站', { moved: true, ruleDate: '2026-10-01' })).toBe(
      '湖滨街道代表联络站接待选民日（原定10月1日，因节假日调整）',
    );
  });
});
