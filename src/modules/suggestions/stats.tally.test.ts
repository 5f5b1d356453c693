import { describe, expect, it } from 'vitest';
import {
  countsOf,
  emptyCounts,
  groupOf,
  monthLabel,
  percent,
  ratesOf,
  statsOf,
  STATS_COUNTS,
  type CaseFacts,
  type StatsCounts,
} from './stats.tally.ts';

const NOW = new Date('2026-07-15T02:00:00.000Z');

/** A registered case nobody has acted on yet; each test changes what it is about. */
function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 1,
    status: 'REGISTERED',
    caseNumber: 1,
    registeredAt: '2026-03-02T01:00:00.000Z',
    assignedAt: null,
    firstRepliedAt: null,
    replyOnTime: null,
    replyClass: null,
    attitudeRating: null,
    resultRating: null,
    closeReason: null,
    rehandleRounds: 0,
    keySupervision: 0,
    replyDue: null,
    commitmentsOpen: 0,
    commitmentsDone: 0,
    congressId: 7,
    congressName: '东湖区第十九届人民代表大会',
    categoryCode: 'housing',
    categoryName: '城乡建设与住房',
    leadUnitId: null,
    leadUnitName: null,
    ...overrides,
  };
}

const replied = (cls: string, extra: Partial<CaseFacts> = {}) =>
  facts({
    status: 'REPLIED',
    assignedAt: '2026-03-02T01:00:00.000Z',
    firstRepliedAt: '2026-03-10T01:00:00.000Z',
    replyOnTime: 1,
    replyClass: cls,
    leadUnitId: 3,
    leadUnitName: '住建局',
    ...extra,
  });

const only = (c: Partial<StatsCounts>): StatsCounts => ({ ...emptyCounts(), ...c });

describe('countsOf', () => {
  const cases: [string, CaseFacts, Partial<StatsCounts>][] = [
    ['registered, nothing else yet', facts(), { registered: 1 }],
    ['merged into another case: counted there, not here', facts({ status: 'MERGED' }), {}],
    ['not registered (no case number)', facts({ status: 'SUBMITTED', caseNumber: null }), {}],
    ['withdrawn by its lead after registration: not counted', facts({ status: 'WITHDRAWN' }), {}],
    ['merged into another case: counted there, not here', facts({ status: 'MERGED' }), {}],
    [
      'assigned, reply deadline not yet passed',
      facts({ status: 'IN_PROGRESS', assignedAt: 'x', replyDue: '2026-07-15T02:00:00.001Z', leadUnitId: 3 }),
      { registered: 1, assigned: 1 },
    ],
    [
      'assigned, reply deadline passed: overdue',
      facts({ status: 'IN_PROGRESS', assignedAt: 'x', replyDue: '2026-07-15T01:59:59.999Z' }),
      { registered: 1, assigned: 1, overdue: 1 },
    ],
    [
      'a return requested past the deadline is still overdue (a unit holds it)',
      facts({ status: 'RETURN_REQUESTED', assignedAt: 'x', replyDue: '2026-06-02T15:59:59.999Z' }),
      { registered: 1, assigned: 1, overdue: 1 },
    ],
    [
      'replied late: past the deadline but no longer held, so not overdue',
      replied('A', { replyOnTime: 0, replyDue: '2026-06-02T15:59:59.999Z' }),
      { registered: 1, assigned: 1, replied: 1, classA: 1 },
    ],
    [
      'replied on time, waiting for the evaluation',
      replied('B', { commitmentsOpen: 2, commitmentsDone: 1 }),
      {
        registered: 1,
        assigned: 1,
        replied: 1,
        repliedOnTime: 1,
        classB: 1,
        commitmentsOpen: 2,
        commitmentsDone: 1,
      },
    ],
    [
      'back to REPLIED after a re-handling: the old evaluation no longer stands',
      replied('C', { rehandleRounds: 1, attitudeRating: 'unsatisfied', resultRating: 'unsatisfied' }),
      { registered: 1, assigned: 1, replied: 1, repliedOnTime: 1, classC: 1, rehandled: 1 },
    ],
    [
      'evaluated 满意 on both',
      replied('A', { status: 'CLOSED', attitudeRating: 'satisfied', resultRating: 'satisfied' }),
      { registered: 1, assigned: 1, replied: 1, repliedOnTime: 1, classA: 1, evaluated: 1, satisfied: 1 },
    ],
    [
      'the worse rating counts: 满意 attitude, 基本满意 result',
      replied('B', { status: 'CLOSED', attitudeRating: 'satisfied', resultRating: 'basically_satisfied' }),
      {
        registered: 1,
        assigned: 1,
        replied: 1,
        repliedOnTime: 1,
        classB: 1,
        evaluated: 1,
        basicallySatisfied: 1,
      },
    ],
    [
      'the worse rating counts: 不满意 attitude, 满意 result, re-handling',
      replied('C', {
        status: 'REHANDLING',
        attitudeRating: 'unsatisfied',
        resultRating: 'satisfied',
        rehandleRounds: 1,
        replyDue: '2026-08-01T00:00:00.000Z',
      }),
      {
        registered: 1,
        assigned: 1,
        replied: 1,
        repliedOnTime: 1,
        classC: 1,
        evaluated: 1,
        unsatisfied: 1,
        rehandled: 1,
      },
    ],
    [
      'closed without an evaluation: unevaluated, never satisfied',
      replied('A', { status: 'CLOSED', closeReason: 'unevaluated', keySupervision: 1 }),
      { registered: 1, assigned: 1, replied: 1, repliedOnTime: 1, classA: 1, unevaluated: 1, key: 1 },
    ],
  ];
  it.each(cases)('%s', (_name, c, expected) => {
    expect(countsOf(c, NOW)).toEqual(only(expected));
  });
});

describe('ratesOf', () => {
  it('divides as DESIGN.md §5 says, 基本满意 weighing 0.9', () => {
    const r = ratesOf(
      only({ replied: 5, repliedOnTime: 4, classA: 3, evaluated: 4, satisfied: 2, basicallySatisfied: 1 }),
    );
    expect(r.onTime).toBe(0.8);
    expect(r.solved).toBe(0.6);
    expect(r.satisfaction).toBeCloseTo(0.725, 12);
  });
  it('is null, not 0 or 1, when there is nothing to divide by', () => {
    expect(ratesOf(only({ registered: 3, unevaluated: 1 }))).toEqual({
      onTime: null,
      satisfaction: null,
      solved: null,
    });
  });
});

describe('groupOf', () => {
  it.each([
    ['unit', facts({ leadUnitId: 3, leadUnitName: '住建局' }), { key: '3', label: '住建局' }],
    ['unit', facts(), { key: 'none', label: '未交办' }],
    ['category', facts(), { key: 'housing', label: '城乡建设与住房' }],
    ['class', replied('B'), { key: 'B', label: 'B类（正在解决或列入计划解决）' }],
    ['class', facts({ replyClass: 'A' }), { key: 'none', label: '未答复' }],
    ['congress', facts(), { key: '7', label: '东湖区第十九届人民代表大会' }],
    // 16:00 UTC on 31 March is midnight on 1 April in Beijing.
    ['month', facts({ registeredAt: '2026-03-31T16:00:00.000Z' }), { key: '2026-04', label: '2026年4月' }],
    ['month', facts({ registeredAt: '2026-03-31T15:59:59.999Z' }), { key: '2026-03', label: '2026年3月' }],
  ] as const)('%s of %j', (by, c, expected) => {
    expect(groupOf(c, by)).toEqual(expected);
  });
  it('labels months without a leading zero', () => {
    expect(monthLabel('2026-12')).toBe('2026年12月');
    expect(monthLabel('2026-01')).toBe('2026年1月');
  });
});

describe('statsOf', () => {
  const cases = [
    facts({ id: 1 }),
    replied('A', { id: 2, status: 'CLOSED', attitudeRating: 'satisfied', resultRating: 'satisfied' }),
    replied('A', {
      id: 3,
      leadUnitId: 4,
      leadUnitName: '交通局',
      categoryCode: 'transport',
      categoryName: '交通出行',
    }),
    replied('C', { id: 4, registeredAt: '2026-05-20T01:00:00.000Z' }),
  ];

  it('puts every case in one row, so the rows add up to the total', () => {
    for (const by of ['unit', 'category', 'class', 'congress', 'month'] as const) {
      const t = statsOf(cases, by, NOW);
      const sum = emptyCounts();
      for (const r of t.rows) for (const k of STATS_COUNTS) sum[k] += r.counts[k];
      expect(sum, by).toEqual(t.total.counts);
      expect(t.total.counts.registered, by).toBe(4);
    }
  });

  it('orders units by number of cases, the unassigned last', () => {
    expect(statsOf(cases, 'unit', NOW).rows.map((r) => [r.key, r.counts.registered])).toEqual([
      ['3', 2],
      ['4', 1],
      ['none', 1],
    ]);
  });

  it('always lists the classes A, B, C and unreplied, and months in time order', () => {
    expect(statsOf(cases, 'class', NOW).rows.map((r) => [r.key, r.counts.registered])).toEqual([
      ['A', 2],
      ['B', 0],
      ['C', 1],
      ['none', 1],
    ]);
    expect(statsOf([...cases].reverse(), 'month', NOW).rows.map((r) => r.key)).toEqual([
      '2026-03',
      '2026-05',
    ]);
  });

  it('gives every row its own rates', () => {
    const a = statsOf(cases, 'class', NOW).rows[0]!;
    expect(a.rates).toEqual({ onTime: 1, satisfaction: 1, solved: 1 });
    expect(statsOf([], 'unit', NOW)).toEqual({
      total: { key: 'total', label: '合计', counts: emptyCounts(), rates: ratesOf(emptyCounts()) },
      rows: [],
    });
  });
});

describe('percent', () => {
  it.each([
    [0.725, '72.5%'],
    [2 / 3, '66.7%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [null, '—'],
  ])('%s → %s', (rate, text) => {
    expect(percent(rate)).toBe(text);
  });
});
