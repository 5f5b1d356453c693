/** What the demo's year of activities and scores holds, for the seeding report and the audit row. */
import { overlaps } from '../activities/activities.domain.ts';
import type { DemoData } from './demo.types.ts';

export interface ActivityCounts {
  total: number;
  byType: Record<string, number>;
  /** Reception days made from the stations' rules (rule date set). */
  receptionDays: number;
  byStatus: Record<string, number>;
  /** Those starting after the seeding instant. */
  upcoming: number;
  participations: number;
  participantsByStatus: Record<string, number>;
  /** present | absent | none (not known: future, or nobody recorded anything). */
  participantsByAttendance: Record<string, number>;
  checkins: Record<string, number>;
  outputs: Record<string, number>;
  withMinutes: number;
  /** Pairs of live activities one representative is booked on at the same time. */
  overlappingBookings: number;
  ruleSets: number;
  excellentSuggestions: number;
  scoreEntries: number;
  notifications: number;
  /** 履职公示 published (every version), by kind; the corrections among them. */
  disclosures: number;
  disclosuresByKind: Record<string, number>;
  corrections: number;
  /** Honours awarded (履职之星 …). */
  honours: number;
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export function countActivities(
  data: Pick<
    DemoData,
    | 'activities'
    | 'ruleSets'
    | 'excellentSuggestions'
    | 'scoreEntries'
    | 'notifications'
    | 'performanceHistory'
    | 'now'
  >,
): ActivityCounts {
  const a = data.activities;
  const people = a.flatMap((x) => x.participants);
  const byRep = new Map<string, { id: number; startsAt: string; endsAt: string }[]>();
  a.forEach((x, i) => {
    if (x.status !== 'planned') return;
    for (const p of x.participants) {
      const list = byRep.get(p.representativeCode) ?? [];
      list.push({ id: i + 1, startsAt: x.startsAt, endsAt: x.endsAt });
      byRep.set(p.representativeCode, list);
    }
  });
  const pairs = new Set<string>();
  for (const list of byRep.values()) for (const [x, y] of overlaps(list)) pairs.add(`${x}/${y}`);
  return {
    total: a.length,
    byType: tally(a, (x) => x.typeCode),
    receptionDays: a.filter((x) => x.ruleDate !== null).length,
    byStatus: tally(a, (x) => x.status),
    upcoming: a.filter((x) => x.startsAt > data.now).length,
    participations: people.length,
    participantsByStatus: tally(people, (p) => p.status),
    participantsByAttendance: tally(people, (p) => p.attendance ?? 'none'),
    checkins: tally(
      people.filter((p) => p.checkinMethod !== null),
      (p) => p.checkinMethod!,
    ),
    outputs: tally(
      a.flatMap((x) => x.outputs),
      (o) => o.kind,
    ),
    withMinutes: a.filter((x) => x.minutes !== null).length,
    overlappingBookings: pairs.size,
    ruleSets: data.ruleSets.length,
    excellentSuggestions: data.excellentSuggestions.length,
    scoreEntries: data.scoreEntries.length,
    notifications: data.notifications.filter((n) => n.linkActivityKey != null).length,
    disclosures: data.performanceHistory.publications.length,
    disclosuresByKind: tally(data.performanceHistory.publications, (p) => p.kind),
    corrections: data.performanceHistory.publications.filter((p) => p.version > 1).length,
    honours: data.performanceHistory.awards.reduce((n, a) => n + a.places, 0),
  };
}
