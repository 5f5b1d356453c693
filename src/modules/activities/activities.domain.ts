/**
 * Activities (履职活动, DESIGN.md §4.3) as pure rules: what a participant may do with an invitation
 * (sign up, ask for leave, staff decide the leave), when a check-in is accepted (within the
 * activity's window, by someone on its list; a second scan changes nothing), which activities of one
 * representative overlap, and how long an absence counts (half days). The services persist the
 * answers; nothing here reads a clock or a database.
 */
import type { Bilingual } from '../../platform/http/errors.ts';

export const PARTICIPANT_STATUSES = [
  'invited',
  'signed_up',
  'leave_requested',
  'leave_approved',
  'leave_refused',
] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, Bilingual> = {
  invited: { zh: '已邀请', en: 'Invited' },
  signed_up: { zh: '已报名', en: 'Signed up' },
  leave_requested: { zh: '请假待批', en: 'Leave requested' },
  leave_approved: { zh: '已准假', en: 'On leave' },
  leave_refused: { zh: '请假未准', en: 'Leave refused' },
};

export const PARTICIPANT_ACTIONS = ['sign_up', 'request_leave', 'approve_leave', 'refuse_leave'] as const;
export type ParticipantAction = (typeof PARTICIPANT_ACTIONS)[number];
export type ParticipantActor = 'self' | 'staff';

export const ACTIVITY_STATUSES = ['planned', 'cancelled', 'deleted'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ORGANISERS = ['congress', 'station', 'group'] as const;
export type Organiser = (typeof ORGANISERS)[number];
export const ORGANISER_LABELS: Record<Organiser, Bilingual> = {
  congress: { zh: '人大常委会', en: 'Congress' },
  station: { zh: '联络站', en: 'Station' },
  group: { zh: '代表小组', en: 'Group' },
};

export const ACTIVITY_KINDS = ['reception', 'research', 'inspection', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ParticipantRefusal =
  | { code: 'NOT_IN_STATE'; status: ParticipantStatus; action: ParticipantAction }
  | { code: 'NOT_YOURS'; action: ParticipantAction }
  | { code: 'ACTIVITY_CLOSED' }
  | { code: 'STARTED' };

interface ParticipantRule {
  from: readonly ParticipantStatus[];
  by: ParticipantActor;
  to: ParticipantStatus;
  /** Only before the activity starts (sign-up), or before it ends (leave). */
  until: 'start' | 'end' | null;
}

/** The participant's transition table; anything not listed is refused. */
export const PARTICIPANT_RULES: Record<ParticipantAction, ParticipantRule> = {
  sign_up: { from: ['invited', 'leave_refused'], by: 'self', to: 'signed_up', until: 'start' },
  request_leave: {
    from: ['invited', 'signed_up', 'leave_refused'],
    by: 'self',
    to: 'leave_requested',
    until: 'end',
  },
  approve_leave: { from: ['leave_requested'], by: 'staff', to: 'leave_approved', until: null },
  refuse_leave: { from: ['leave_requested'], by: 'staff', to: 'leave_refused', until: null },
};

export interface ActivityTimes {
  status: ActivityStatus;
  startsAt: string;
  endsAt: string;
}

/** The next status of a participant, or why not: the activity first, then the state, then who, then time. */
export function participantStep(
  status: ParticipantStatus,
  action: ParticipantAction,
  by: ParticipantActor,
  activity: ActivityTimes,
  now: Date,
): { ok: true; to: ParticipantStatus } | { ok: false; error: ParticipantRefusal } {
  const rule = PARTICIPANT_RULES[action];
  if (activity.status !== 'planned') return { ok: false, error: { code: 'ACTIVITY_CLOSED' } };
  if (!rule.from.includes(status)) return { ok: false, error: { code: 'NOT_IN_STATE', status, action } };
  if (rule.by !== by) return { ok: false, error: { code: 'NOT_YOURS', action } };
  const limit = rule.until === 'start' ? activity.startsAt : rule.until === 'end' ? activity.endsAt : null;
  if (limit !== null && now.getTime() >= Date.parse(limit)) return { ok: false, error: { code: 'STARTED' } };
  return { ok: true, to: rule.to };
}

/** How early before the start, and how late after the end, a check-in is accepted. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 60;
export const CHECKIN_CLOSES_MINUTES_AFTER = 30;

export function checkinWindow(a: Pick<ActivityTimes, 'startsAt' | 'endsAt'>): { opens: Date; closes: Date } {
  return {
    opens: new Date(Date.parse(a.startsAt) - CHECKIN_OPENS_MINUTES_BEFORE * 60_000),
    closes: new Date(Date.parse(a.endsAt) + CHECKIN_CLOSES_MINUTES_AFTER * 60_000),
  };
}

export type CheckinResult =
  | { ok: true; first: boolean }
  | { ok: false; code: 'NOT_PARTICIPANT' | 'TOO_EARLY' | 'TOO_LATE' | 'ACTIVITY_CLOSED' };

/**
 * Whether a representative's scan checks them in: the activity is on, they are on its list, and it
 * is within the window. A second scan is accepted and changes nothing (`first: false`).
 */
export function checkin(
  activity: ActivityTimes,
  participant: { attendance: string | null } | null,
  now: Date,
): CheckinResult {
  if (activity.status !== 'planned') return { ok: false, code: 'ACTIVITY_CLOSED' };
  if (!participant) return { ok: false, code: 'NOT_PARTICIPANT' };
  const { opens, closes } = checkinWindow(activity);
  if (now.getTime() < opens.getTime()) return { ok: false, code: 'TOO_EARLY' };
  if (now.getTime() > closes.getTime()) return { ok: false, code: 'TOO_LATE' };
  return { ok: true, first: participant.attendance !== 'present' };
}

export interface Interval {
  id: number;
  startsAt: string;
  endsAt: string;
}

/** Pairs of activities (by id, smaller first) whose times overlap: one person cannot be at both. */
export function overlaps(intervals: readonly Interval[]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
  const pairs: [number, number][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsAt < sorted[i]!.endsAt; j++) {
      const [a, b] = [sorted[i]!.id, sorted[j]!.id];
      pairs.push(a < b ? [a, b] : [b, a]);
    }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Half days an activity lasts, for absence penalties: up to 4 hours is one, each further 4 another. */
export function halfDays(a: Pick<ActivityTimes, 'startsAt' | 'endsAt'>): number {
  const hours = (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 3_600_000;
  return Math.max(1, Math.ceil(hours / 4));
}

/**
 * Who is on duty each reception day: the station's roster in turn, `perDay` a day, starting where
 * the day's place in the sequence says (day k takes roster entries k·perDay …), so the duty goes
 * round the whole roster fairly and the same day always gives the same people.
 */
export function onDuty(roster: readonly number[], dayIndex: number, perDay: number): number[] {
  if (roster.length === 0 || perDay <= 0) return [];
  const n = Math.min(perDay, roster.length);
  const sorted = [...roster].sort((a, b) => a - b);
  return Array.from({ length: n }, (_, j) => sorted[(dayIndex * n + j) % sorted.length]!);
}

/**
 * A reception day's title: the station's name and 接待选民日, and for a day moved off a holiday the
 * date the rule gave ('2026-10-01' → （原定10月1日，因节假日调整）).
 */
export function receptionTitle(stationName: string, day: { moved: boolean; ruleDate: string }): string {
  const was = `${Number(day.ruleDate.slice(5, 7))}月${Number(day.ruleDate.slice(8, 10))}日`;
  return `${stationName}接待选民日${day.moved ? `（原定${was}，因节假日调整）` : ''}`;
}
