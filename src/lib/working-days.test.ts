import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  beijingDateOf,
  isWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days.ts';

// 2026 as the State Council published it (the parts these tests touch): 国庆 10-01…10-07 off, 09-20 and 10-10 worked.
const cal: WorkCalendar = {
  holidays: new Set([
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-01-01',
    '2026-01-02',
  ]),
  workdays: new Set(['2026-09-20', '2026-10-10']),
  knownYears: new Set([2026]),
};
const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it.each([
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-10', true], // Saturday, 调休
    ['2026-10-11', false], // Sunday
    ['2026-09-20', true], // Sunday, 调休
  ])('%s working: %s', (date, expected) => {
    expect(isWorkingDay(cal, date)).toBe(expected);
  });

  it('counts from the Beijing date of the start, and the start day does not count', () => {
    // Friday 2026-09-25 10:00 Beijing = 02:00Z; two working days later: Sunday 09-27 is off → Mon 28, Tue 29.
    const d = addWorkingDays(cal, at('2026-09-25T02:00:00Z'), 2);
    expect(d.dueDate).toBe('2026-09-29');
    expect(d.due.toISOString()).toBe('2026-09-29T15:59:59.999Z');
    expect(d.provisional).toBe(false);
  });

  it('skips the national holiday and counts the make-up Saturday', () => {
    // Assigned Wed 2026-09-30: 10-08, 10-09, 10-10 (Sat, worked), 10-12 … the 15th is Tue 10-27.
    const d = addWorkingDays(cal, at('2026-09-30T01:00:00Z'), 15);
    expect(d.dueDate).toBe('2026-10-27');
  });

  it('a late-evening UTC instant is already the next day in Beijing', () => {
    expect(beijingDateOf(at('2026-09-29T17:00:00Z'))).toBe('2026-09-30');
  });

  it('marks a deadline provisional when it runs into a year without an official calendar', () => {
    const d = addWorkingDays(cal, at('2026-12-20T02:00:00Z'), 15);
    expect(d.provisional).toBe(true);
    expect(d.unknownYears).toEqual([2027]);
    // Counted Monday to Friday in 2027.
    expect(d.dueDate).toBe('2027-01-08');
  });

  it('zero working days is the end of the same day', () => {
    expect(addWorkingDays(cal, at('2026-10-01T02:00:00Z'), 0).dueDate).toBe('2026-10-01');
  });

  it('counts calendar days for the feedback window', () => {
    expect(addCalendarDays(at('2026-09-30T20:00:00Z'), 7).toISOString()).toBe('2026-10-08T15:59:59.999Z');
  });

  it('counts the working days between two instants', () => {
    expect(workingDaysBetween(cal, at('2026-09-29T02:00:00Z'), at('2026-10-09T02:00:00Z'))).toBe(3);
    expect(workingDaysBetween(cal, at('2026-10-09T02:00:00Z'), at('2026-09-29T02:00:00Z'))).toBe(-3);
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays(cal, at('2026-10-01T02:00:00Z'), -1)).toThrow(RangeError);
  });
});
