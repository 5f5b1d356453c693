/**
 * What one invited representative did about one activity, as the services record it: sign up
 * before the start, ask for leave with a reason (and the staff's decision an hour or a day later, or
 * none yet), then — once the check-in window opens — scan the QR code on their phone (the time
 * within the window and the phone's user-agent line), or have the staff record the attendance by
 * hand afterwards (补登, with the reason), or simply not come. Every step is checked against the
 * participant table of activities.domain.ts at the instant it is taken, and nothing happens after
 * `until` (now, or when the activity was cancelled).
 */
import {
  checkin,
  checkinWindow,
  participantStep,
  type ParticipantStatus,
} from '../activities/activities.domain.ts';
import {
  APPROVAL_NOTES,
  LEAVE_REASONS,
  MANUAL_ABSENT,
  MANUAL_PRESENT,
  REFUSAL_NOTES,
} from './activities.phrases.ts';
import type { DemoParticipant, DemoParticipantStep } from './activities.types.ts';
import type { Random } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What the participant will do, drawn by the caller (or forced for the demo accounts). */
export interface Plan {
  signUp: boolean;
  /** Ask for leave; 'pending' asks and is never answered. */
  leave: 'approved' | 'refused' | 'pending' | null;
  /** Once the window is open: scan the code, be recorded by hand, be recorded absent, or nothing. */
  attend: 'qr' | 'manual' | 'absent_recorded' | 'none';
  /** A leave reason of the caller's (a clash with another activity) instead of a drawn one. */
  reason?: string;
  /** Scanned by this instant (ms): they registered opinions at the desk from then on. */
  checkInBy?: number;
  /** Their own steps (sign-up, leave request) taken by this instant (ms): the demo accounts' are done. */
  actBy?: number;
}

export interface Occasion {
  startsAt: string;
  endsAt: string;
  invitedAt: string;
  /** Nothing happens after this instant: the seeding instant, or the cancellation. */
  until: Date;
  /** Who decides leave and records attendance by hand for this activity. */
  manager: string;
  /** The first office moment at or after an instant: when the staff do what they do. */
  office: (ms: number) => number;
}

export interface Person {
  code: string;
  role: 'participant' | 'host';
  /** Their phone's user-agent line. */
  device: string;
}

/** A uniformly drawn instant in [a, b] (ms), to the second. */
export function between(r: Random, a: number, b: number): number {
  return Math.floor((a + r.next() * Math.max(0, b - a)) / 1000) * 1000;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Play the plan through the participant table; what cannot happen in time is left out. */
export function participate(r: Random, occ: Occasion, person: Person, plan: Plan): DemoParticipant {
  const start = Date.parse(occ.startsAt);
  const end = Date.parse(occ.endsAt);
  const until = occ.until.getTime();
  const times = { status: 'planned' as const, startsAt: occ.startsAt, endsAt: occ.endsAt };
  const p: DemoParticipant = {
    representativeCode: person.code,
    role: person.role,
    status: 'invited',
    invitedAt: occ.invitedAt,
    leaveReason: null,
    leaveDecidedAt: null,
    leaveDecidedByUsername: null,
    leaveDecisionNote: null,
    attendance: null,
    checkedInAt: null,
    checkinMethod: null,
    checkinDevice: null,
    manualReason: null,
    recordedByUsername: null,
    recordedAt: null,
    steps: [],
  };
  let last = Date.parse(occ.invitedAt);
  const step = (
    action: DemoParticipantStep['action'],
    by: DemoParticipantStep['by'],
    drawn: number,
  ): boolean => {
    const at =
      by === 'self' && plan.actBy !== undefined
        ? Math.max(last + 60_000, Math.min(drawn, plan.actBy))
        : drawn;
    if (at <= last || at > until) return false;
    const next = participantStep(p.status, action, by, times, new Date(at));
    if (!next.ok) return false;
    p.status = next.to as ParticipantStatus;
    p.steps.push({ action, by, at: iso(at) });
    last = at;
    return true;
  };

  if (plan.signUp && !plan.leave) {
    step('sign_up', 'self', between(r, last + 10 * MINUTE, Math.min(last + 5 * DAY, start - 30 * MINUTE)));
  }
  if (plan.leave) {
    // Leave is asked before the start, often after having signed up first.
    if (plan.signUp && r.chance(0.4))
      step('sign_up', 'self', between(r, last + 10 * MINUTE, Math.min(last + 3 * DAY, start - 2 * DAY)));
    const asked = step(
      'request_leave',
      'self',
      between(r, last + 30 * MINUTE, Math.min(start - 2 * HOUR, last + 10 * DAY)),
    );
    if (asked) {
      p.leaveReason = plan.reason ?? r.pick(LEAVE_REASONS);
      if (plan.leave !== 'pending') {
        const approve = plan.leave === 'approved';
        const at = occ.office(between(r, last + 40 * MINUTE, last + 30 * HOUR));
        if (step(approve ? 'approve_leave' : 'refuse_leave', 'staff', at)) {
          p.leaveDecidedAt = iso(at);
          p.leaveDecidedByUsername = occ.manager;
          p.leaveDecisionNote = r.pick(approve ? APPROVAL_NOTES : REFUSAL_NOTES);
          // Refused, most sign up after all.
          if (!approve && plan.attend !== 'absent_recorded' && plan.attend !== 'none')
            step('sign_up', 'self', between(r, last + 20 * MINUTE, Math.min(last + DAY, start - HOUR)));
        }
      }
    }
  }
  if (p.status === 'leave_approved') return p;

  const { opens, closes } = checkinWindow({ startsAt: occ.startsAt, endsAt: occ.endsAt });
  switch (plan.attend) {
    case 'qr': {
      // Most scan as they arrive, from a quarter of an hour before the start; a few come late.
      const at = r.chance(0.85)
        ? between(r, start - 25 * MINUTE, start + 8 * MINUTE)
        : between(r, start + 8 * MINUTE, Math.min(end, start + 70 * MINUTE));
      const t = Math.max(Math.min(at, plan.checkInBy ?? at), opens.getTime(), last + MINUTE);
      if (t > until || t > closes.getTime()) break;
      if (!checkin(times, { attendance: null }, new Date(t)).ok) break;
      p.attendance = 'present';
      p.checkedInAt = iso(t);
      p.checkinMethod = 'qr';
      p.checkinDevice = person.device.slice(0, 200);
      break;
    }
    case 'manual': {
      // The staff type it in from the paper sheet after the activity (the service: not before the start).
      const t = occ.office(between(r, end + 30 * MINUTE, end + 28 * HOUR));
      if (t > until || t < start) break;
      p.attendance = 'present';
      p.checkedInAt = iso(t);
      p.checkinMethod = 'manual';
      p.manualReason = r.pick(MANUAL_PRESENT);
      p.recordedByUsername = occ.manager;
      p.recordedAt = iso(t);
      break;
    }
    case 'absent_recorded': {
      const t = occ.office(between(r, end + HOUR, end + 48 * HOUR));
      if (t > until) break;
      p.attendance = 'absent';
      p.manualReason = r.pick(MANUAL_ABSENT);
      p.recordedByUsername = occ.manager;
      p.recordedAt = iso(t);
      break;
    }
    case 'none':
      break;
  }
  return p;
}

/** Chances of what a participant does, per kind of occasion. */
export interface Habits {
  signUp: number;
  leave: number;
  /** Of the leave asked: approved, refused (the rest stays pending — only before the start). */
  approved: number;
  qr: number;
  manual: number;
  absentRecorded: number;
}

export const DUTY: Habits = {
  signUp: 0.55,
  leave: 0.1,
  approved: 0.85,
  qr: 0.87,
  manual: 0.05,
  absentRecorded: 0.03,
};
export const MEETING: Habits = {
  signUp: 0.7,
  leave: 0.09,
  approved: 0.88,
  qr: 0.88,
  manual: 0.05,
  absentRecorded: 0.02,
};

/** A plan drawn from habits; the rest of the attendance share is a silent absence. */
export function drawPlan(r: Random, h: Habits): Plan {
  const signUp = r.chance(h.signUp);
  const leave = r.chance(h.leave) ? (r.chance(h.approved) ? 'approved' : 'refused') : null;
  const x = r.next();
  const attend: Plan['attend'] =
    leave === 'refused' && r.chance(0.3)
      ? 'none'
      : x < h.qr
        ? 'qr'
        : x < h.qr + h.manual
          ? 'manual'
          : x < h.qr + h.manual + h.absentRecorded
            ? 'absent_recorded'
            : 'none';
  return { signUp, leave, attend };
}
