/**
 * The statistics of the demo's opinions, built as the engine keeps them: the opinion_stats table
 * holds Σ countersOf(opinion) per key (month, jurisdiction, station, unit, category) — here by
 * business key, turned into ids on insert — and the figures the seeding report prints.
 */
import {
  countersOf,
  emptyCounters,
  kpisOf,
  STATS_COUNTERS,
  type Counters,
  type Kpis,
} from '../opinions/opinions.kpi.ts';
import type { DemoNotification, DemoOpinion, DemoOpinionStats } from './demo.types.ts';

/** The statistics key of an opinion, by business key (mirrors keyOf in opinions.kpi.ts). */
export function statsKeyOf(o: DemoOpinion): string {
  return [
    o.statsMonth,
    o.jurisdictionCode,
    o.stationCode ?? '',
    o.unitCode ?? '',
    o.facts.category_code ?? '',
  ].join('|');
}

export function addCounters(into: Counters, c: Counters): void {
  for (const k of STATS_COUNTERS) into[k] += c[k];
}

export function statsOf(opinions: readonly DemoOpinion[]): DemoOpinionStats[] {
  const rows = new Map<string, DemoOpinionStats>();
  for (const o of opinions) {
    const key = statsKeyOf(o);
    let row = rows.get(key);
    if (!row) {
      row = {
        month: o.statsMonth,
        jurisdictionCode: o.jurisdictionCode,
        stationCode: o.stationCode,
        unitCode: o.unitCode,
        categoryCode: o.facts.category_code,
        counters: emptyCounters(),
      };
      rows.set(key, row);
    }
    addCounters(row.counters, countersOf(o.facts));
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

export function totalOf(stats: readonly DemoOpinionStats[]): Counters {
  const total = emptyCounters();
  for (const s of stats) addCounters(total, s.counters);
  return total;
}

export interface OpinionCounts {
  total: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  byMonth: Record<string, number>;
  rejectionReasons: Record<string, number>;
  enterprises: number;
  anonymous: number;
  consentPublish: number;
  events: number;
  replies: number;
  ratings: number;
  extensions: number;
  notifications: number;
  statsRows: number;
  /** Open items past a deadline now (what the 超期 lists show). */
  overdue: { ack: number; sign: number; reply: number };
  kpis: Omit<Kpis, 'counts'>;
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function countOpinions(
  opinions: readonly DemoOpinion[],
  stats: readonly DemoOpinionStats[],
  notifications: readonly DemoNotification[],
): OpinionCounts {
  const sum = (f: (o: DemoOpinion) => number) => opinions.reduce((n, o) => n + f(o), 0);
  const k = kpisOf(totalOf(stats));
  // Four places are enough for a summary in the log and the audit record.
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);
  const kpis = {
    responseRate: round(k.responseRate),
    onTimeRate: round(k.onTimeRate),
    resolutionRate: round(k.resolutionRate),
    satisfactionRate: round(k.satisfactionRate),
    responsePending: k.responsePending,
  };
  return {
    total: opinions.length,
    byStatus: tally(opinions, (o) => o.facts.status),
    byChannel: tally(opinions, (o) => o.channel),
    byCategory: tally(opinions, (o) => o.facts.category_code ?? '(none)'),
    byMonth: tally(opinions, (o) => o.statsMonth),
    rejectionReasons: tally(
      opinions.filter((o) => o.facts.rejection_reason !== null),
      (o) => o.facts.rejection_reason ?? '',
    ),
    enterprises: opinions.filter((o) => o.submitterKind === 'enterprise').length,
    anonymous: opinions.filter((o) => o.anonymous).length,
    consentPublish: opinions.filter((o) => o.consentPublish).length,
    events: sum((o) => o.events.length),
    replies: sum((o) => o.replies.length),
    ratings: sum((o) => o.ratings.length),
    extensions: sum((o) => o.extensions.length),
    notifications: notifications.length,
    statsRows: stats.length,
    overdue: {
      ack: opinions.filter((o) => o.facts.status === 'SUBMITTED' && o.facts.ack_overdue === 1).length,
      sign: opinions.filter((o) => o.facts.status === 'ASSIGNED' && o.facts.sign_overdue === 1).length,
      reply: sum((o) => countersOf(o.facts).overdue_open),
    },
    kpis,
  };
}
