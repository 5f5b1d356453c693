import { describe, expect, it } from 'vitest';
import {
  activitiesByType,
  beijingMonthOf,
  isPublishableMonth,
  isSolved,
  monthLabel,
  monthWindow,
  opinionFigures,
  type OpinionFacts,
} from './disclosure.domain.ts';

const facts = (o: Partial<OpinionFacts>): OpinionFacts => ({
  categoryLabel: '城市管理',
  submittedMonth: '2026-03',
  closedAt: null,
  lastResult: null,
  lastRating: null,
  ratedAt: null,
  replied: false,
  ...o,
});

describe('months in Beijing time', () => {
  it.each([
    ['2026-03', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-01', '2025-12-31T16:00:00.000Z', '2026-01-31T16:00:00.000Z'],
  ])('%s runs from %s to %s', (month, from, to) => {
    expect(monthWindow(month)).toEqual({ fromIso: from, toIso: to });
  });

  it('reads an instant’s month in Beijing, and allows the months begun', () => {
    expect(beijingMonthOf(new Date('2026-03-31T16:30:00.000Z'))).toBe('2026-04');
    const now = new Date('2026-03-31T16:30:00.000Z');
    expect(isPublishableMonth('2026-04', now)).toBe(true);
    expect(isPublishableMonth('2026-05', now)).toBe(false);
    expect(isPublishableMonth('2025-12', now)).toBe(true);
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });
});

describe('opinionFigures', () => {
  it('counts received, solved and rated by their own month, and the satisfaction KPI', () => {
    const f = opinionFigures('2026-03', [
      // Received in March, solved and rated 满意 in March.
      facts({
        closedAt: '2026-03-20T02:00:00.000Z',
        lastResult: 'solved',
        lastRating: 'satisfied',
        ratedAt: '2026-03-20T02:00:00.000Z',
        replied: true,
      }),
      // Received in February, closed in March: partly solved but 基本满意 → solved for the citizen.
      facts({
        submittedMonth: '2026-02',
        categoryLabel: '交通出行',
        closedAt: '2026-03-02T02:00:00.000Z',
        lastResult: 'partially_solved',
        lastRating: 'basically_satisfied',
        ratedAt: '2026-03-02T02:00:00.000Z',
        replied: true,
      }),
      // Received in March, explained, 不满意 in March, not closed.
      facts({
        lastResult: 'explained',
        lastRating: 'unsatisfied',
        ratedAt: '2026-03-25T02:00:00.000Z',
        replied: true,
      }),
      // Received in March, no category, waiting.
      facts({ categoryLabel: null }),
      // Received in March, closed 已解决 in April: not solved in March.
      facts({ closedAt: '2026-04-01T02:00:00.000Z', lastResult: 'solved', replied: true }),
    ]);
    expect(f).toEqual({
      received: 4,
      byCategory: [
        { label: '城市管理', count: 3 },
        { label: '未分类', count: 1 },
      ],
      replied: 3,
      solved: 2,
      rated: 3,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 1,
      satisfactionRate: (1 + 0.9) / 3,
    });
  });

  it('gives no rate when nobody rated, never 0%', () => {
    expect(opinionFigures('2026-03', [facts({})]).satisfactionRate).toBeNull();
    expect(opinionFigures('2026-03', []).received).toBe(0);
  });

  it.each([
    [{ lastResult: 'solved', lastRating: null }, true],
    [{ lastResult: 'explained', lastRating: 'satisfied' }, true],
    [{ lastResult: 'partially_solved', lastRating: 'basically_satisfied' }, true],
    [{ lastResult: 'partially_solved', lastRating: 'unsatisfied' }, false],
    [{ lastResult: 'explained', lastRating: null }, false],
  ])('isSolved(%j) is %s', (o, solved) => {
    expect(isSolved(o)).toBe(solved);
  });

  it('counts activities by type in the order they first occur', () => {
    expect(
      activitiesByType([{ typeLabel: '接待选民' }, { typeLabel: '调研' }, { typeLabel: '接待选民' }]),
    ).toEqual([
      { label: '接待选民', count: 2 },
      { label: '调研', count: 1 },
    ]);
  });
});
