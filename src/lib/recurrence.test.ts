import { describe, expect, it } from 'vitest';
import { describeReceptionRule, nextReceptionDates, parseReceptionRule } from './recurrence.ts';

describe('reception rules', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=+3TU', '09:00', '11:00', '每月第三个星期二 9:00–11:00', '3rd Tue of every month 9:00–11:00'],
    ['FREQ=WEEKLY;BYDAY=MO', null, null, '每周星期一', 'Every week on Mon'],
    ['FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15', '09:00', '11:00', '单月15日 9:00–11:00', 'Day 15 of odd months 9:00–11:00'],
    ['FREQ=MONTHLY;BYDAY=-1FR', '14:30', '17:00', '每月最后一个星期五 14:30–17:00', 'last Fri of every month 14:30–17:00'],
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
    expect(nextReceptionDates('FREQ=MONTHLY;BYDAY=+3TU', '2026-01-01', 3)).toEqual(['2026-01-20', '2026-02-17', '2026-03-17']);
    expect(nextReceptionDates('FREQ=MONTHLY;BYMONTH=1,3,5,7,9,11;BYMONTHDAY=15', '2026-02-01', 2)).toEqual(['2026-03-15', '2026-05-15']);
  });
});
