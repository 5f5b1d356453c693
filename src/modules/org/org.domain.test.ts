import { describe, expect, it } from 'vitest';
import {
  ancestorDistance,
  beijingDate,
  checkDateOrder,
  checkGroupRoster,
  checkReceptionTimes,
  childPath,
  isCurrentSeat,
  isRootPath,
  isValidChildLevel,
  isValidParentTier,
  newPublicCode,
  orderAsTree,
  pathIds,
  sortLevels,
  valueFromLabel,
  STATION_TIER_LABELS,
} from './org.domain.ts';

describe('organisation rules', () => {
  it.each([
    ['province', 'city', true],
    ['city', 'county', true],
    ['county', 'township', true],
    ['township', 'village', true],
    ['city', 'township', false],
    ['county', 'county', false],
    ['village', 'province', false],
  ] as const)('a %s may have a %s child: %s', (parent, child, ok) => {
    expect(isValidChildLevel(parent, child)).toBe(ok);
  });

  it.each([
    ['general', 'center', true],
    ['general', 'point', true],
    ['station', 'point', true],
    ['station', 'station', false],
    ['point', 'station', false],
    ['center', 'general', false],
  ] as const)('a %s may be the parent of a %s: %s', (parent, child, ok) => {
    expect(isValidParentTier(parent, child)).toBe(ok);
  });

  it('sorts levels highest first without repeats', () => {
    expect(sortLevels(['county', 'national', 'street', 'county', 'city'])).toEqual([
      'national',
      'city',
      'county',
      'street',
    ]);
    expect(sortLevels([])).toEqual([]);
  });

  it('counts a seat as current until the day it ends', () => {
    expect(isCurrentSeat(null, '2026-03-02')).toBe(true);
    expect(isCurrentSeat('2026-03-03', '2026-03-02')).toBe(true);
    expect(isCurrentSeat('2026-03-02', '2026-03-02')).toBe(false);
    expect(isCurrentSeat('2025-12-31', '2026-03-02')).toBe(false);
  });

  it('takes the date in Beijing, not in UTC', () => {
    expect(beijingDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(beijingDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(beijingDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('reads materialised paths', () => {
    expect(pathIds('/1/4/17/')).toEqual([1, 4, 17]);
    expect(pathIds('/')).toEqual([]);
    expect(childPath('/1/4/', 17)).toBe('/1/4/17/');
    expect(isRootPath('/1/')).toBe(true);
    expect(isRootPath('/')).toBe(true);
    expect(isRootPath('/1/4/')).toBe(false);
    expect(ancestorDistance('/1/4/17/', 17)).toBe(0);
    expect(ancestorDistance('/1/4/17/', 4)).toBe(1);
    expect(ancestorDistance('/1/4/17/', 1)).toBe(2);
    expect(ancestorDistance('/1/4/17/', 5)).toBeUndefined();
  });

  it('arranges nodes parents first, depth first, keeping sibling order', () => {
    const nodes = [
      { id: 3, parentId: 1 },
      { id: 1, parentId: null },
      { id: 5, parentId: 3 },
      { id: 2, parentId: 1 },
      { id: 9, parentId: 42 },
    ];
    expect(orderAsTree(nodes).map((n) => n.id)).toEqual([1, 3, 5, 2, 9]);
  });

  it('allows one leader and each representative once in a group roster', () => {
    expect(
      checkGroupRoster([
        { representativeId: 1, role: 'leader' },
        { representativeId: 2, role: 'deputy_leader' },
        { representativeId: 3, role: 'deputy_leader' },
        { representativeId: 4 },
      ]),
    ).toEqual([]);
    const twice = checkGroupRoster([{ representativeId: 1 }, { representativeId: 1 }]);
    expect(twice.map((e) => [e.path, e.rule])).toEqual([['/members/1/representativeId', 'unique']]);
    const leaders = checkGroupRoster([
      { representativeId: 1, role: 'leader' },
      { representativeId: 2, role: 'leader' },
    ]);
    expect(leaders.map((e) => [e.path, e.rule])).toEqual([['/members/1/role', 'oneLeader']]);
    expect(leaders[0]?.message.zh).toContain('组长');
  });

  it('wants reception times in pairs and in order', () => {
    expect(checkReceptionTimes(null, null)).toEqual([]);
    expect(checkReceptionTimes('09:00', '11:30')).toEqual([]);
    expect(checkReceptionTimes('09:00', null)[0]?.path).toBe('/receptionEnd');
    expect(checkReceptionTimes(null, '11:00')[0]?.path).toBe('/receptionStart');
    expect(checkReceptionTimes('11:00', '09:00')[0]?.rule).toBe('order');
    expect(checkReceptionTimes('09:00', '09:00')[0]?.rule).toBe('order');
  });

  it('checks that a date range does not end before it starts', () => {
    const label = { zh: '届期结束日期', en: 'The end' };
    expect(checkDateOrder('2026-01-01', '2030-12-31', '/termEnd', label)).toEqual([]);
    expect(checkDateOrder(null, '2030-12-31', '/termEnd', label)).toEqual([]);
    expect(checkDateOrder('2026-01-02', '2026-01-01', '/termEnd', label)[0]?.path).toBe('/termEnd');
  });

  it('reads a value from its Chinese or English label', () => {
    expect(valueFromLabel(STATION_TIER_LABELS, '联系点')).toBe('point');
    expect(valueFromLabel(STATION_TIER_LABELS, 'general station')).toBe('general');
    expect(valueFromLabel(STATION_TIER_LABELS, 'center')).toBe('center');
    expect(valueFromLabel(STATION_TIER_LABELS, '总部')).toBeUndefined();
  });

  it('makes public codes of 10 letters and digits without look-alikes, different each time', () => {
    const codes = Array.from({ length: 50 }, () => newPublicCode());
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
