/**
 * The deadlines of a suggestion (DESIGN.md §4.2, 代表法 Art. 51), as pure functions of the dates
 * the case records and the working-day calendar:
 *
 * - return a misrouted case: 5 working days from assignment (T0);
 * - co-units' opinions to the lead unit: 1 month from T0;
 * - the reply: 3 months from T0; an extension reaches at most 6 months from T0;
 * - the representative's evaluation: 15 working days from the reply;
 * - a new reply after 不满意: 1 month from the evaluation.
 *
 * A deadline in months falls on the same day of the month (the month's last day when it has no
 * such day) and, when that is not a working day, on the next working day; it expires at the end of
 * that day, Beijing time. A count that crosses a year without an official calendar is provisional.
 */
import {
  addWorkingDays,
  beijingDateOf,
  endOfBeijingDay,
  isWorkingDay,
  type Deadline,
  type WorkCalendar,
} from '../../lib/working-days.ts';

export interface SuggestionLimits {
  returnWorkingDays: number;
  coOpinionMonths: number;
  replyMonths: number;
  maxReplyMonths: number;
  evaluationWorkingDays: number;
  rehandleMonths: number;
  maxRehandleRounds: number;
  dueSoonWorkingDays: number;
  minMotionCosigners: number;
  minMotionCosignersTownship: number;
}

/** The same day `n` months after the Beijing date, or the month's last day ('2026-01-31' + 1 → '2026-02-28'). */
export function addMonthsToDate(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The deadline `n` months after `start`, moved on to a working day. */
export function addMonths(cal: WorkCalendar, start: Date, n: number): Deadline {
  let date = addMonthsToDate(beijingDateOf(start), n);
  while (!isWorkingDay(cal, date)) date = nextDate(date);
  const unknown = new Set<number>();
  for (let y = Number(beijingDateOf(start).slice(0, 4)); y <= Number(date.slice(0, 4)); y++)
    if (!cal.knownYears.has(y)) unknown.add(y);
  return {
    due: endOfBeijingDay(date),
    dueDate: date,
    provisional: unknown.size > 0,
    unknownYears: [...unknown].sort(),
  };
}

/** The deadlines set when a case is assigned (T0). */
export function assignmentDeadlines(cal: WorkCalendar, t0: Date, limits: SuggestionLimits) {
  return {
    returnDue: addWorkingDays(cal, t0, limits.returnWorkingDays),
    coOpinionDue: addMonths(cal, t0, limits.coOpinionMonths),
    replyDue: addMonths(cal, t0, limits.replyMonths),
    maxReplyDue: addMonths(cal, t0, limits.maxReplyMonths),
  };
}

export const evaluationDeadline = (cal: WorkCalendar, repliedAt: Date, limits: SuggestionLimits): Deadline =>
  addWorkingDays(cal, repliedAt, limits.evaluationWorkingDays);

export const rehandleDeadline = (cal: WorkCalendar, evaluatedAt: Date, limits: SuggestionLimits): Deadline =>
  addMonths(cal, evaluatedAt, limits.rehandleMonths);

/**
 * Whether an extension to `requested` (a 'YYYY-MM-DD' Beijing date) is allowed: later than the
 * current deadline and not past T0 + 6 months.
 */
export function extensionAllowed(
  requested: string,
  currentDue: Date,
  maxDue: Date,
): { ok: true; due: Date } | { ok: false; reason: 'not_later' | 'too_late' } {
  const due = endOfBeijingDay(requested);
  if (due.getTime() <= currentDue.getTime()) return { ok: false, reason: 'not_later' };
  if (due.getTime() > maxDue.getTime()) return { ok: false, reason: 'too_late' };
  return { ok: true, due };
}

/** The co-signers a motion needs at the congress's level (10 at county level and above). */
export function minMotionCosigners(level: string, limits: SuggestionLimits): number {
  return level === 'township' || level === 'street'
    ? limits.minMotionCosignersTownship
    : limits.minMotionCosigners;
}
