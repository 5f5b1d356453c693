import { describe, expect, it } from 'vitest';
import {
  countersOf,
  emptyCounters,
  kpisOf,
  mergeStatsDeltas,
  statsDeltas,
  STATS_COUNTERS,
  type Counters,
  type OpinionFacts,
  type OpinionKeyFields,
} from './opinions.kpi.ts';

const fresh: OpinionFacts & OpinionKeyFields = {
  status: 'SUBMITTED',
  ack_at: null,
  ack_on_time: null,
  ack_overdue: 0,
  first_reply_at: null,
  reply_on_time: null,
  last_result: null,
  last_rating: null,
  rehandle_rounds: 0,
  reply_overdue: 0,
  stats_month: '2026-03',
  jurisdiction_id: 2,
  station_id: 7,
  unit_id: null,
  category_code: null,
};

function on(c: Counters): string[] {
  return STATS_COUNTERS.filter((k) => c[k] === 1);
}

describe('KPI counters of one opinion', () => {
  it.each<[string, Partial<OpinionFacts>, string[]]>([
    ['just submitted', {}, ['collected', 'valid']],
    ['overdue without a response', { ack_overdue: 1 }, ['collected', 'valid', 'response_overdue']],
    [
      'rejected in time (a response, not valid, handled)',
      { status: 'REJECTED', ack_at: 'x', ack_on_time: 1 },
      ['collected', 'handled', 'responded', 'responded_on_time'],
    ],
    [
      'assigned late',
      { status: 'ASSIGNED', ack_at: 'x', ack_on_time: 0, ack_overdue: 1 },
      ['collected', 'valid', 'responded'],
    ],
    [
      'open past the reply deadline',
      { status: 'SIGNED', ack_at: 'x', ack_on_time: 1, reply_overdue: 1 },
      ['collected', 'valid', 'responded', 'responded_on_time', 'overdue_open'],
    ],
    [
      'replied on time as solved, awaiting feedback',
      {
        status: 'AWAITING_FEEDBACK',
        ack_at: 'x',
        ack_on_time: 1,
        first_reply_at: 'y',
        reply_on_time: 1,
        last_result: 'solved',
      },
      [
        'collected',
        'valid',
        'handled',
        'responded',
        'responded_on_time',
        'replied',
        'replied_on_time',
        'solved',
        'awaiting_feedback',
      ],
    ],
    [
      're-handled after 不满意, then 满意',
      {
        status: 'CLOSED',
        ack_at: 'x',
        ack_on_time: 1,
        first_reply_at: 'y',
        reply_on_time: 0,
        last_result: 'partially_solved',
        last_rating: 'satisfied',
        rehandle_rounds: 1,
      },
      [
        'collected',
        'valid',
        'handled',
        'responded',
        'responded_on_time',
        'replied',
        'partially_solved',
        'rated',
        'satisfied',
        'rehandled',
      ],
    ],
    [
      'closed without a rating: never counted as satisfied',
      {
        status: 'CLOSED_UNRATED',
        ack_at: 'x',
        ack_on_time: 1,
        first_reply_at: 'y',
        reply_on_time: 1,
        last_result: 'explained',
      },
      [
        'collected',
        'valid',
        'handled',
        'responded',
        'responded_on_time',
        'replied',
        'replied_on_time',
        'explained',
        'closed_unrated',
      ],
    ],
  ])('%s', (_what, facts, expected) => {
    expect(on(countersOf({ ...fresh, ...facts }))).toEqual(expected);
  });
});

describe('statistics deltas', () => {
  it('adds a new opinion where it counts', () => {
    expect(statsDeltas(null, fresh)).toEqual([
      {
        key: { month: '2026-03', jurisdiction_id: 2, station_id: 7, unit_id: 0, category_code: '' },
        counters: { collected: 1, valid: 1 },
      },
    ]);
  });

  it('adds only the difference when the key stays', () => {
    const after = { ...fresh, status: 'ACCEPTED', ack_at: 'x', ack_on_time: 1 };
    expect(statsDeltas(fresh, after)).toEqual([
      { key: expect.objectContaining({ unit_id: 0 }), counters: { responded: 1, responded_on_time: 1 } },
    ]);
    expect(statsDeltas(after, after)).toEqual([]);
  });

  it('sums the deltas of several opinions per key, dropping what cancels out', () => {
    const other = { ...fresh, station_id: 8 };
    const moved = { ...fresh, status: 'ACCEPTED', ack_at: 'x', ack_on_time: 1, unit_id: 9 };
    const merged = mergeStatsDeltas([
      ...statsDeltas(null, fresh),
      ...statsDeltas(null, other),
      ...statsDeltas(null, fresh),
      ...statsDeltas(fresh, moved),
    ]);
    expect(merged).toEqual([
      { key: expect.objectContaining({ station_id: 7, unit_id: 0 }), counters: { collected: 1, valid: 1 } },
      { key: expect.objectContaining({ station_id: 8 }), counters: { collected: 1, valid: 1 } },
      {
        key: expect.objectContaining({ station_id: 7, unit_id: 9 }),
        counters: { collected: 1, valid: 1, responded: 1, responded_on_time: 1 },
      },
    ]);
    expect(mergeStatsDeltas([...statsDeltas(null, fresh), ...statsDeltas(fresh, moved)])).toEqual([
      merged[2],
    ]);
  });

  it('moves the whole vector when the unit or category changes', () => {
    const before = { ...fresh, status: 'ACCEPTED', ack_at: 'x', ack_on_time: 1 };
    const after = { ...before, status: 'ASSIGNED', unit_id: 9, category_code: 'transport' };
    const deltas = statsDeltas(before, after);
    expect(deltas).toHaveLength(2);
    expect(deltas[0]).toEqual({
      key: expect.objectContaining({ unit_id: 0, category_code: '' }),
      counters: { collected: -1, valid: -1, responded: -1, responded_on_time: -1 },
    });
    expect(deltas[1]).toEqual({
      key: expect.objectContaining({ unit_id: 9, category_code: 'transport' }),
      counters: { collected: 1, valid: 1, responded: 1, responded_on_time: 1 },
    });
  });

  it('sums of deltas along a life equal the final vector', () => {
    const steps: (typeof fresh)[] = [
      fresh,
      { ...fresh, status: 'ACCEPTED', ack_at: 'x', ack_on_time: 1 },
      { ...fresh, status: 'ASSIGNED', ack_at: 'x', ack_on_time: 1, unit_id: 3, category_code: 'housing' },
      {
        ...fresh,
        status: 'AWAITING_FEEDBACK',
        ack_at: 'x',
        ack_on_time: 1,
        unit_id: 3,
        category_code: 'housing',
        first_reply_at: 'y',
        reply_on_time: 1,
        last_result: 'solved',
      },
      {
        ...fresh,
        status: 'CLOSED',
        ack_at: 'x',
        ack_on_time: 1,
        unit_id: 3,
        category_code: 'housing',
        first_reply_at: 'y',
        reply_on_time: 1,
        last_result: 'solved',
        last_rating: 'basically_satisfied',
      },
    ];
    const table = new Map<string, Counters>();
    let prev: typeof fresh | null = null;
    for (const s of steps) {
      for (const d of statsDeltas(prev, s)) {
        const k = JSON.stringify(d.key);
        const row = table.get(k) ?? emptyCounters();
        for (const [c, v] of Object.entries(d.counters)) row[c as keyof Counters] += v;
        table.set(k, row);
      }
      prev = s;
    }
    const nonEmpty = [...table.entries()].filter(([, c]) => STATS_COUNTERS.some((k) => c[k] !== 0));
    expect(nonEmpty).toHaveLength(1);
    expect(nonEmpty[0]![1]).toEqual(countersOf(steps.at(-1)!));
  });
});

describe('KPIs', () => {
  it('divides as DESIGN.md §5 says, and leaves empty denominators empty', () => {
    const c = {
      ...emptyCounters(),
      collected: 10,
      valid: 9,
      responded: 8,
      responded_on_time: 6,
      response_overdue: 1,
      replied: 5,
      replied_on_time: 4,
      solved: 3,
      rated: 4,
      satisfied: 2,
      basically_satisfied: 1,
      unsatisfied: 1,
    };
    const k = kpisOf(c);
    expect(k.responseRate).toBeCloseTo(6 / 9);
    expect(k.onTimeRate).toBeCloseTo(0.8);
    expect(k.resolutionRate).toBeCloseTo(0.6);
    expect(k.satisfactionRate).toBeCloseTo((2 + 0.9) / 4);
    expect(k.responsePending).toBe(1);
    expect(kpisOf(emptyCounters())).toMatchObject({
      responseRate: null,
      onTimeRate: null,
      resolutionRate: null,
      satisfactionRate: null,
    });
  });
});
