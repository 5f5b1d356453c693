/**
 * The demo's year of duty performance (履职, DESIGN.md §4.3) as plain rows, like the rest of the
 * demo (demo.types.ts): activities with their participants and outputs, the scoring rule sets, the
 * suggestions marked excellent and the score entries — records refer to each other by business
 * keys (an activity's `key`, representative codes, suggestion keys, tracking codes, user names) and
 * the insert (demo.activities.repo.ts) resolves them to database ids. The columns carry exactly
 * what the activity services write (activities.service.ts, checkin.service.ts, receptions.service.ts).
 */
import type {
  ActivityStatus,
  Organiser,
  ParticipantAction,
  ParticipantActor,
  ParticipantStatus,
} from '../activities/activities.domain.ts';
import type { ScoreCategory, ScoreRules } from '../performance/performance.domain.ts';

/** One step a participant's row went through (not stored: the row keeps its outcome; tests replay these). */
export interface DemoParticipantStep {
  action: ParticipantAction;
  by: ParticipantActor;
  at: string;
}

export interface DemoParticipant {
  representativeCode: string;
  role: 'participant' | 'host';
  status: ParticipantStatus;
  invitedAt: string;
  leaveReason: string | null;
  leaveDecidedAt: string | null;
  leaveDecidedByUsername: string | null;
  /** The note the staff gave with the decision (it goes into the notice and the audit row, not the row). */
  leaveDecisionNote: string | null;
  attendance: 'present' | 'absent' | null;
  checkedInAt: string | null;
  checkinMethod: 'qr' | 'manual' | null;
  /** The phone's user-agent line, shortened to 200 characters as checkin.service.ts stores it. */
  checkinDevice: string | null;
  manualReason: string | null;
  recordedByUsername: string | null;
  /** When the attendance was recorded by hand (补登), for the order of events. */
  recordedAt: string | null;
  steps: DemoParticipantStep[];
}

export interface DemoActivityOutput {
  kind: 'suggestion' | 'report';
  /** The suggestion formed at the activity (kind 'suggestion'). */
  suggestionKey: string | null;
  /** The report's name (kind 'report'). */
  title: string | null;
  createdByUsername: string | null;
  createdAt: string;
}

export interface DemoActivity {
  /** Business key ('ACT-00001'), in order of creation: the ids follow it. */
  key: string;
  typeCode: string;
  title: string;
  organiser: Organiser;
  congressCode: string | null;
  stationCode: string | null;
  groupCode: string | null;
  /** The organiser's jurisdiction (organiserPlace in activities.repo.ts). */
  jurisdictionCode: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  agenda: string | null;
  status: ActivityStatus;
  minutes: string | null;
  /** For a reception day made from its station's rule: the date the rule gave. */
  ruleDate: string | null;
  /** Null for the reception days the scheduler makes. */
  createdByUsername: string | null;
  deletedAt: string | null;
  deletedReason: string | null;
  /** When it was cancelled or deleted, by whom and why (the audit row's detail; the notice's body). */
  closedAt: string | null;
  closedByUsername: string | null;
  closeReason: string | null;
  /** Raised by every write of the row (minutes, cancel, delete), as `where version = ?` does. */
  version: number;
  createdAt: string;
  updatedAt: string;
  participants: DemoParticipant[];
  outputs: DemoActivityOutput[];
}

/** A congress's scoring rules for a year (performance_rule_set). */
export interface DemoRuleSet {
  congressCode: string;
  year: number;
  version: number;
  rules: ScoreRules;
  note: string | null;
  createdByUsername: string | null;
  createdAt: string;
  computedAt: string | null;
}

/** 优秀建议 (excellent_suggestion). */
export interface DemoExcellentSuggestion {
  suggestionKey: string;
  markedByUsername: string | null;
  at: string;
}

/** One line of a score card as `recompute` writes it (score_entry), by business keys. */
export interface DemoScoreEntry {
  congressCode: string;
  year: number;
  representativeCode: string;
  category: ScoreCategory;
  rule: string;
  sourceType: 'activity' | 'suggestion' | 'opinion';
  /** The activity's key, the suggestion's key or the opinion's tracking code. */
  sourceKey: string;
  centi: number;
}

/**
 * One publication of 履职公示 (disclosure.service.ts publishDisclosure / correctDisclosure): the
 * month of a station or of a public representative, published by the 代表工委's staff after the
 * month ended — version 1, or a correction with the note saying what was corrected.
 */
export interface DemoPublication {
  kind: 'station' | 'representative';
  /** The station's code or the representative's. */
  subjectCode: string;
  month: string;
  version: number;
  correctionNote: string | null;
  at: string;
  byUsername: string;
}

/**
 * An attendance typed in by hand (补登) after its station's month was first published: the demo
 * holds the row back until `recordedAt`, so the first version does not count it and the
 * correction does — as it happened.
 */
export interface DemoLateAttendance {
  activityKey: string;
  representativeCode: string;
  recordedAt: string;
}

/** Honours (履职之星) of a congress and year, given to the top of its ranking by its staff. */
export interface DemoHonourAward {
  congressCode: string;
  year: number;
  title: string;
  /** How many places of the ranking are honoured. */
  places: number;
  /** The closing words of each place's citation (the figures come from the ranking). */
  phrases: string[];
  at: string;
  byUsername: string;
}

/** The staff's monthly disclosures and the year's honours (performance.history.ts). */
export interface DemoPerformanceHistory {
  /** The codes of the representatives whose months are published (given when first needed). */
  publicCodes: { representativeCode: string; publicCode: string }[];
  /** In order of time. */
  publications: DemoPublication[];
  lateAttendance: DemoLateAttendance[];
  awards: DemoHonourAward[];
}
