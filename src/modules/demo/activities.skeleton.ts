/**
 * An activity before its people have acted: what the organiser set up (type, organiser, times,
 * place, agenda, who is invited and when) and what the people are inclined to do. The generator
 * builds these for the whole year first — reception days, the congresses', groups' and stations'
 * programmes, the demo accounts' own — and then plays them in order of time (activities.generate.ts),
 * so that nobody is in two places at once and the minutes can count who came.
 */
import type { Organiser } from '../activities/activities.domain.ts';
import type { Habits, Plan } from './activities.people.ts';
import type { DemoParticipant } from './activities.types.ts';

export interface Invitee {
  code: string;
  role: 'participant' | 'host';
  invitedAt: string;
  /** What they do, when it is not drawn from the activity's habits (demo accounts, leads, receivers). */
  plan?: Plan;
}

/** What the minutes can say once attendance is known. */
export interface Outcome {
  invited: number;
  present: number;
  onLeave: number;
  hosts: string[];
  participants: readonly DemoParticipant[];
}

export interface Skeleton {
  typeCode: string;
  title: string;
  organiser: Organiser;
  congressCode: string | null;
  stationCode: string | null;
  groupCode: string | null;
  jurisdictionCode: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  agenda: string | null;
  ruleDate: string | null;
  createdByUsername: string | null;
  createdAt: string;
  /** Who decides leave and records attendance by hand: the station's officer, or the congress staff. */
  manager: string;
  habits: Habits;
  invitees: Invitee[];
  /** The minutes written after it (null: none), and when. */
  minutes?: (o: Outcome) => string | null;
  /** A report written from it. */
  report?: string;
  /** Suggestions formed at it (by key), with when each was linked. */
  formed?: { key: string; at: string }[];
  /** Cancelled (取消) or deleted (删除): when, by whom, why. */
  close?: { to: 'cancelled' | 'deleted'; at: string; by: string; reason: string };
}
