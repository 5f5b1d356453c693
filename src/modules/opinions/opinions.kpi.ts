/**
 * The numbers leaders read (DESIGN.md §5), counted from the opinions themselves. Each opinion
 * contributes a vector of 0/1 counters (`countersOf`); the monthly statistics table holds the sum
 * of those vectors per (month, jurisdiction, station, unit, category), and every write that
 * changes an opinion applies the difference between its vector before and after in the same
 * transaction. So the table is always exactly Σ countersOf(opinion), and `rebuild` can prove it.
 *
 * 响应率 response rate   = responded on time / (responded + overdue without a response)
 * 按时办结率 on-time rate = replied by the deadline / replied
 * 解决率 resolution rate = replied as solved / replied
 * 满意率 satisfaction    = (满意 + 0.9 × 基本满意) / rated; unrated items are shown apart, never counted as satisfied
 */

export const STATS_COUNTERS = [
  'collected',
  'valid',
  'handled',
  'responded',
  'responded_on_time',
  'response_overdue',
  'replied',
  'replied_on_time',
  'solved',
  'partially_solved',
  'explained',
  'rated',
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'awaiting_feedback',
  'closed_unrated',
  'rehandled',
  'overdue_open',
] as const;
export type StatsCounter = (typeof STATS_COUNTERS)[number];
export type Counters = Record<StatsCounter, number>;

/** The fields of an opinion the counters depend on. */
export interface OpinionFacts {
  status: string;
  ack_at: string | null;
  ack_on_time: number | null;
  ack_overdue: number;
  first_reply_at: string | null;
  reply_on_time: number | null;
  last_result: string | null;
  last_rating: string | null;
  rehandle_rounds: number;
  reply_overdue: number;
}

/** Where an opinion counts: the statistics row's key. */
export interface StatsKey {
  month: string;
  jurisdiction_id: number;
  station_id: number;
  unit_id: number;
  category_code: string;
}

export interface OpinionKeyFields {
  stats_month: string;
  jurisdiction_id: number;
  station_id: number | null;
  unit_id: number | null;
  category_code: string | null;
}

export function keyOf(o: OpinionKeyFields): StatsKey {
  return {
    month: o.stats_month,
    jurisdiction_id: o.jurisdiction_id,
    station_id: o.station_id ?? 0,
    unit_id: o.unit_id ?? 0,
    category_code: o.category_code ?? '',
  };
}

const NOT_VALID = new Set(['REJECTED', 'MERGED']);
/** Handled (已处理): the citizen has had an answer of some kind. */
const HANDLED_WITHOUT_REPLY = new Set(['REJECTED', 'MERGED', 'CONVERTED']);
const OPEN_STATES = new Set([
  'SUBMITTED',
  'ACCEPTED',
  'ASSIGNED',
  'SIGNED',
  'RETURN_REQUESTED',
  'EXTENSION_REQUESTED',
  'REHANDLING',
]);

const bit = (b: boolean) => (b ? 1 : 0);

export function countersOf(o: OpinionFacts): Counters {
  const replied = o.first_reply_at !== null;
  return {
    collected: 1,
    valid: bit(!NOT_VALID.has(o.status)),
    handled: bit(replied || HANDLED_WITHOUT_REPLY.has(o.status)),
    responded: bit(o.ack_at !== null),
    responded_on_time: bit(o.ack_on_time === 1),
    response_overdue: bit(o.ack_at === null && o.ack_overdue === 1),
    replied: bit(replied),
    replied_on_time: bit(replied && o.reply_on_time === 1),
    solved: bit(replied && o.last_result === 'solved'),
    partially_solved: bit(replied && o.last_result === 'partially_solved'),
    explained: bit(replied && o.last_result === 'explained'),
    rated: bit(o.last_rating !== null),
    satisfied: bit(o.last_rating === 'satisfied'),
    basically_satisfied: bit(o.last_rating === 'basically_satisfied'),
    unsatisfied: bit(o.last_rating === 'unsatisfied'),
    awaiting_feedback: bit(o.status === 'AWAITING_FEEDBACK'),
    closed_unrated: bit(o.status === 'CLOSED_UNRATED'),
    rehandled: bit(o.rehandle_rounds > 0),
    overdue_open: bit(OPEN_STATES.has(o.status) && o.reply_overdue === 1),
  };
}

export interface StatsDelta {
  key: StatsKey;
  counters: Partial<Counters>;
}

function sameKey(a: StatsKey, b: StatsKey): boolean {
  return (
    a.month === b.month &&
    a.jurisdiction_id === b.jurisdiction_id &&
    a.station_id === b.station_id &&
    a.unit_id === b.unit_id &&
    a.category_code === b.category_code
  );
}

function nonZero(c: Counters, sign: 1 | -1): Partial<Counters> {
  const out: Partial<Counters> = {};
  for (const k of STATS_COUNTERS) if (c[k] !== 0) out[k] = sign * c[k];
  return out;
}

/**
 * What to add to the statistics when an opinion goes from `before` (null: it is new) to `after`.
 * One delta when its key stays; two (take away here, add there) when its unit or category moved.
 */
export function statsDeltas(
  before: (OpinionFacts & OpinionKeyFields) | null,
  after: OpinionFacts & OpinionKeyFields,
): StatsDelta[] {
  const next = countersOf(after);
  const nextKey = keyOf(after);
  if (!before) return [{ key: nextKey, counters: nonZero(next, 1) }];
  const prev = countersOf(before);
  const prevKey = keyOf(before);
  if (sameKey(prevKey, nextKey)) {
    const diff: Partial<Counters> = {};
    for (const k of STATS_COUNTERS) if (next[k] !== prev[k]) diff[k] = next[k] - prev[k];
    return Object.keys(diff).length > 0 ? [{ key: nextKey, counters: diff }] : [];
  }
  return [
    { key: prevKey, counters: nonZero(prev, -1) },
    { key: nextKey, counters: nonZero(next, 1) },
  ];
}

/**
 * Deltas on the same key summed into one (counters that cancel out are dropped), in the order
 * each key first appears: what several opinions written in one transaction add to the statistics.
 */
export function mergeStatsDeltas(deltas: readonly StatsDelta[]): StatsDelta[] {
  const merged = new Map<string, StatsDelta>();
  for (const d of deltas) {
    const id = [
      d.key.month,
      d.key.jurisdiction_id,
      d.key.station_id,
      d.key.unit_id,
      d.key.category_code,
    ].join('\u0000');
    let into = merged.get(id);
    if (!into) merged.set(id, (into = { key: d.key, counters: {} }));
    for (const [k, v] of Object.entries(d.counters) as [StatsCounter, number][])
      into.counters[k] = (into.counters[k] ?? 0) + v;
  }
  return [...merged.values()]
    .map((d) => ({
      key: d.key,
      counters: Object.fromEntries(Object.entries(d.counters).filter(([, v]) => v !== 0)),
    }))
    .filter((d) => Object.keys(d.counters).length > 0);
}

export function emptyCounters(): Counters {
  return Object.fromEntries(STATS_COUNTERS.map((k) => [k, 0])) as Counters;
}

export interface Kpis {
  counts: Counters;
  /** null when the denominator is zero (shown as "—", never as 0% or 100%). */
  responseRate: number | null;
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  /** Items not yet responded to whose deadline has not yet come: outside the response rate's denominator. */
  responsePending: number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function kpisOf(c: Counters): Kpis {
  return {
    counts: c,
    responseRate: ratio(c.responded_on_time, c.responded + c.response_overdue),
    onTimeRate: ratio(c.replied_on_time, c.replied),
    resolutionRate: ratio(c.solved, c.replied),
    satisfactionRate: ratio(c.satisfied + 0.9 * c.basically_satisfied, c.rated),
    responsePending: c.collected - c.responded - c.response_overdue,
  };
}
