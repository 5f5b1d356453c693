/**
 * 履职公示 (DESIGN.md §4.3 "the method is published", §1 "履职公示") as pure rules: the month a
 * disclosure covers and its bounds in Beijing time, which months may be published, what a
 * disclosure holds (the snapshot written once and never recomputed), and how its figures are
 * counted from the records a repo reads — opinions received, problems solved, satisfaction.
 *
 * A problem counts as solved when its opinion was closed in the month with the reply's result
 * 已解决, or rated 满意 / 基本满意 by the citizen (a 部分解决 the citizen was satisfied with is
 * solved for them). Satisfaction is the KPI of DESIGN.md §5: (满意 + 0.9 × 基本满意) / rated, over
 * the opinions rated in the month; null when nobody rated (never 0% for "no data").
 */
import type { Bilingual } from '../../platform/http/errors.ts';

export const DISCLOSURE_KINDS = ['station', 'representative'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, Bilingual> = {
  station: { zh: '联络站', en: 'Station' },
  representative: { zh: '人大代表', en: 'Representative' },
};

/** 'YYYY-MM' with a real month. */
export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

const BEIJING_MS = 8 * 3_600_000;

/** The Beijing month of an instant, 'YYYY-MM'. */
export function beijingMonthOf(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_MS).toISOString().slice(0, 7);
}

/** The month's bounds as instants (Beijing midnight of its first day and of the next month's), ISO. */
export function monthWindow(month: string): { fromIso: string; toIso: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const at = (year: number, monthIndex: number) =>
    new Date(Date.UTC(year, monthIndex, 1) - BEIJING_MS).toISOString();
  return { fromIso: at(y, m - 1), toIso: at(y, m) };
}

/**
 * Whether a month may be published now: it has begun (a month still to come has no records). The
 * month under way may be published; its snapshot says up to when it counts (`asOf`).
 */
export function isPublishableMonth(month: string, now: Date): boolean {
  return month <= beijingMonthOf(now);
}

/** '2026-03' → '2026年3月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** An opinion as the figures read it (no text, no person: only what is counted). */
export interface OpinionFacts {
  categoryLabel: string | null;
  /** Beijing month of submission. */
  submittedMonth: string;
  /** When it was closed, if it was (CLOSED, CLOSED_UNRATED, PUBLISHED). */
  closedAt: string | null;
  lastResult: string | null;
  lastRating: string | null;
  ratedAt: string | null;
  /** Whether a reply (or an answer on the spot) was given. */
  replied: boolean;
}

export interface OpinionFigures {
  /** Submitted in the month. */
  received: number;
  /** Of those received, by category ('未分类' last), largest first. */
  byCategory: { label: string; count: number }[];
  /** Of those received, answered by now. */
  replied: number;
  /** Closed in the month as solved (已解决, or rated 满意 / 基本满意). */
  solved: number;
  /** Rated in the month, and how. */
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** (满意 + 0.9 × 基本满意) / rated; null when nobody rated. */
  satisfactionRate: number | null;
}

const within = (iso: string | null, w: { fromIso: string; toIso: string }) =>
  iso !== null && iso >= w.fromIso && iso < w.toIso;

/** Solved: closed with the result 已解决, or the citizen satisfied (满意 / 基本满意). */
export function isSolved(o: Pick<OpinionFacts, 'lastResult' | 'lastRating'>): boolean {
  return o.lastResult === 'solved' || o.lastRating === 'satisfied' || o.lastRating === 'basically_satisfied';
}

export const UNCATEGORISED = '未分类';

/** The month's figures from the opinions that touch it (submitted, closed or rated in the month). */
export function opinionFigures(month: string, opinions: readonly OpinionFacts[]): OpinionFigures {
  const w = monthWindow(month);
  const received = opinions.filter((o) => o.submittedMonth === month);
  const counts = new Map<string, number>();
  for (const o of received) {
    const label = o.categoryLabel ?? UNCATEGORISED;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const byCategory = [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort(
      (a, b) =>
        Number(a.label === UNCATEGORISED) - Number(b.label === UNCATEGORISED) ||
        b.count - a.count ||
        a.label.localeCompare(b.label, 'zh-CN'),
    );
  const rated = opinions.filter((o) => o.lastRating !== null && within(o.ratedAt, w));
  const n = (rating: string) => rated.filter((o) => o.lastRating === rating).length;
  const satisfied = n('satisfied');
  const basicallySatisfied = n('basically_satisfied');
  return {
    received: received.length,
    byCategory,
    replied: received.filter((o) => o.replied).length,
    solved: opinions.filter((o) => within(o.closedAt, w) && isSolved(o)).length,
    rated: rated.length,
    satisfied,
    basicallySatisfied,
    unsatisfied: n('unsatisfied'),
    satisfactionRate: rated.length > 0 ? (satisfied + 0.9 * basicallySatisfied) / rated.length : null,
  };
}

/** An activity as a disclosure shows it. */
export interface DisclosedActivity {
  startsAt: string;
  endsAt: string;
  typeCode: string;
  typeLabel: string;
  title: string;
  place: string | null;
  /** Representatives present. */
  present: number;
  /** The names of those present whose profile is public. */
  representatives: string[];
  /** For a representative's disclosure: whether they hosted it. */
  hosted?: boolean;
}

/** What a disclosure holds, as published: the snapshot the public reads, never recomputed. */
export interface DisclosureContent {
  kind: DisclosureKind;
  month: string;
  /** Up to when the records were counted. */
  asOf: string;
  subject: {
    name: string;
    publicCode: string;
    jurisdictionName: string;
    /** A station's tier label (联络站, 联系点 …); a representative's levels (县（区）人大代表 …). */
    description: string;
  };
  activities: DisclosedActivity[];
  activitiesByType: { label: string; count: number }[];
  opinions: OpinionFigures;
  /** A representative's month: invitations, attended, on approved leave; suggestions registered. */
  attendance?: { invited: number; attended: number; leave: number };
  suggestions?: { led: number; cosigned: number };
}

/** Activities counted by type label, in the order the types first occur (the activities are in date order). */
export function activitiesByType(
  activities: readonly Pick<DisclosedActivity, 'typeLabel'>[],
): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of activities) counts.set(a.typeLabel, (counts.get(a.typeLabel) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}
