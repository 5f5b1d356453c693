import { describe, expect, it } from 'vitest';
import {
  describeReceptionRule,
  nextReceptionDates,
  parseReceptionRule,
  receptionDays,
  receptionRuleFromText,
} from './recurrence.ts';
import { isWorkingDay, type WorkCalendar } from './working-days.ts';

describe('reception rules', () => {
  it.each([
    [
      'FREQ=MONTHLY;BYDAY=+3TU',
      '09:00',
      '11:00',
      '每月第三个星期二 9:00–11:00',
      '3rd Tue of every month 9:00–11:00',
    ],
    ['FREQ=WEEKLY;BYDAY=MO', null, null, '每周星期一', 'Every week on Mon'],
    [
      'FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15',
      '09:00',
      '11:00',
      '单月15日 9:00–11:00',
      'Day 15 of odd months 9:00–11:00',
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1FR',
      '14:30',
      '17:00',
      '每月最后一个星期五 14:30–17:00',
      'last Fri of every month 14:30–17:00',
    ],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH', null, null, '每2周星期二、星期四', 'Every 2 weeks on Tue, Thu'],
  ])('describes %s', (rule, start, end, zh, en) => {
    expect(describeReceptionRule(rule, start, end)).toEqual({ zh, en });
  });

  it.each([
    ['FREQ=DAILY', 'FREQ'],
    ['FREQ=MONTHLY;BYMONTHDAY=31', '1–28'],
    ['FREQ=MONTHLY;BYDAY=TU', '第几个'],
    ['FREQ=WEEKLY', '星期几'],
    ['FREQ=WEEKLY;BYDAY=MO;COUNT=3', 'COUNT'],
    ['<script>', '格式不正确'],
    ['FREQ=MONTHLY;BYDAY=+3TU;BYMONTHDAY=3', '之一'],
  ])('refuses %s', (rule, fragment) => {
    const r = parseReceptionRule(rule);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toContain(fragment === 'FREQ' ? '按周或按月' : fragment);
  });

  it('lists the next reception dates', () => {
    expect(nextReceptionDates('FREQ=MONTHLY;BYDAY=+3TU', '2026-01-01', 3)).toEqual([
      '2026-01-20',
      '2026-02-17',
      '2026-03-17',
    ]);
    expect(nextReceptionDates('FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15', '2026-02-01', 2)).toEqual([
      '2026-03-15',
      '2026-05-15',
    ]);
  });
});

describe('reception rules written in Chinese', () => {
  it.each([
    ['每周一', 'FREQ=WEEKLY;BYDAY=MO'],
    ['每周星期二、星期四', 'FREQ=WEEKLY;BYDAY=TU,TH'],
    ['每两周三', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
    ['每月15日', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['每月5、20日', 'FREQ=MONTHLY;BYMONTHDAY=5,20'],
    ['每月第三个星期二', 'FREQ=MONTHLY;BYDAY=+3TU'],
    ['每月最后一个星期五', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['单月15日', 'FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,3,5,7,9,11'],
    ['双月第一个星期一', 'FREQ=MONTHLY;BYDAY=+1MO;BYMONTH=2,4,6,8,10,12'],
    ['每2个月10号', 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=10'],
    ['FREQ=MONTHLY;BYDAY=+3TU', null],
    ['随时接待', null],
    ['每周八', null],
  ])('%s → %s', (text, rule) => {
    expect(receptionRuleFromText(text)).toBe(rule);
    if (rule) expect(parseReceptionRule(rule).ok).toBe(true);
  });

  it('reads back what describeReceptionRule writes', () => {
    for (const rule of [
      'FREQ=WEEKLY;BYDAY=MO',
      'FREQ=MONTHLY;BYDAY=+3TU',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,3,5,7,9,11',
    ]) {
      const words = describeReceptionRule(rule).zh;
      expect(receptionRuleFromText(words), words).toBe(rule);
    }
  });
});

describe('reception days on the official calendar', () => {
  // 2026's Spring Festival: 15–23 February off, Saturday 14 and Saturday 28 February worked (调休).
  const cal: WorkCalendar = {
    holidays: new Set(['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`)),
    workdays: new Set(['2026-02-14', '2026-02-28']),
    knownYears: new Set([2026]),
  };
  const working = (date: string) => isWorkingDay(cal, date);
  const thirdTuesday = 'FREQ=MONTHLY;BYDAY=+3TU';

  it('moves a third Tuesday that falls in the Spring Festival to the next working day by default', () => {
    expect(receptionDays(thirdTuesday, '2026-01-01', '2026-03-31', working)).toEqual([
      { ruleDate: '2026-01-20', date: '2026-01-20', moved: false },
      { ruleDate: '2026-02-17', date: '2026-02-24', moved: true },
      { ruleDate: '2026-03-17', date: '2026-03-17', moved: false },
    ]);
  });

  it('moves it to the working day before (a make-up Saturday counts), or skips it, as the station says', () => {
    expect(receptionDays(thirdTuesday, '2026-02-01', '2026-02-28', working, 'previous_working_day')).toEqual([
      { ruleDate: '2026-02-17', date: '2026-02-14', moved: true },
    ]);
    expect(receptionDays(thirdTuesday, '2026-02-01', '2026-02-28', working, 'skip')).toEqual([]);
  });

  it('never holds two receptions on one day when two rule dates move onto it', () => {
    // Mondays 16 and 23 February are both in the holiday: both move to Tuesday the 24th, held once.
    expect(receptionDays('FREQ=WEEKLY;BYDAY=MO', '2026-02-09', '2026-03-02', working)).toEqual([
      { ruleDate: '2026-02-09', date: '2026-02-09', moved: false },
      { ruleDate: '2026-02-16', date: '2026-02-24', moved: true },
      { ruleDate: '2026-03-02', date: '2026-03-02', moved: false },
    ]);
  });

  it('gives nothing for a malformed rule or an empty range', () => {
    expect(receptionDays('FREQ=DAILY', '2026-01-01', '2026-12-31', working)).toEqual([]);
    expect(receptionDays(thirdTuesday, '2026-03-01', '2026-02-01', working)).toEqual([]);
  });
});
