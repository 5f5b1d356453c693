import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../lib/working-days.ts';
import {
  addMonths,
  addMonthsToDate,
  assignmentDeadlines,
  evaluationDeadline,
  extensionAllowed,
  minMotionCosigners,
  rehandleDeadline,
  type SuggestionLimits,
} from './suggestions.deadlines.ts';

/** 2026's National Day week and its make-up Saturday, as the official calendar has them. */
const cal: WorkCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-10-10']),
  knownYears: new Set([2026]),
};
const limits: SuggestionLimits = {
  returnWorkingDays: 5,
  coOpinionMonths: 1,
  replyMonths: 3,
  maxReplyMonths: 6,
  evaluationWorkingDays: 15,
  rehandleMonths: 1,
  maxRehandleRounds: 1,
  dueSoonWorkingDays: 10,
  minMotionCosigners: 10,
  minMotionCosignersTownship: 5,
};
/** An instant on a Beijing date (10:00 there). */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('suggestion deadlines', () => {
  it('adds calendar months, keeping the day or falling back to the month’s last day', () => {
    expect(addMonthsToDate('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('moves a deadline in months on to the next working day, at the end of that day in Beijing', () => {
    // 2026-07-01 + 3 months = 2026-10-01, the National Day holiday: the next working day is 10-08.
    const d = addMonths(cal, at('2026-07-01'), 3);
    expect(d.dueDate).toBe('2026-10-08');
    expect(d.due.toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(d.provisional).toBe(false);
    // 2026-07-10 + 3 months = 2026-10-10, a make-up Saturday: a working day, so it stays.
    expect(addMonths(cal, at('2026-07-10'), 3).dueDate).toBe('2026-10-10');
    // A Sunday moves to Monday.
    expect(addMonths(cal, at('2026-08-15'), 3).dueDate).toBe('2026-11-16');
  });

  it('marks a deadline provisional when it runs into a year without an official calendar', () => {
    const d = addMonths(cal, at('2026-11-20'), 3);
    expect(d.dueDate).toBe('2027-02-22');
    expect(d.provisional).toBe(true);
    expect(d.unknownYears).toEqual([2027]);
  });

  it('sets the deadlines of an assignment from T0', () => {
    const d = assignmentDeadlines(cal, at('2026-09-25'), limits);
    // 5 working days from Friday 09-25: 28, 29, 30, then the holiday, 08, 09.
    expect(d.returnDue.dueDate).toBe('2026-10-09');
    expect(d.coOpinionDue.dueDate).toBe('2026-10-26'); // 10-25 is a Sunday
    expect(d.replyDue.dueDate).toBe('2026-12-25');
    expect(d.maxReplyDue.dueDate).toBe('2027-03-25');
  });

  it('counts the evaluation in working days and the re-handling in a month', () => {
    expect(evaluationDeadline(cal, at('2026-09-28'), limits).dueDate).toBe('2026-10-23');
    expect(rehandleDeadline(cal, at('2026-09-01'), limits).dueDate).toBe('2026-10-08');
  });

  it('allows an extension only later than the current deadline and not past T0 + 6 months', () => {
    const current = new Date('2026-12-25T15:59:59.999Z');
    const max = new Date('2027-03-25T15:59:59.999Z');
    expect(extensionAllowed('2026-12-25', current, max)).toEqual({ ok: false, reason: 'not_later' });
    expect(extensionAllowed('2027-03-26', current, max)).toEqual({ ok: false, reason: 'too_late' });
    const ok = extensionAllowed('2027-03-25', current, max);
    expect(ok.ok && ok.due.toISOString()).toBe('2027-03-25T15:59:59.999Z');
  });

  it('asks a motion for 10 co-signers at county level and above, 5 in a township', () => {
    for (const level of ['national', 'provincial', 'city', 'county'])
      expect(minMotionCosigners(level, limits)).toBe(10);
    for (const level of ['township', 'street']) expect(minMotionCosigners(level, limits)).toBe(5);
  });
});
