/**
 * The reception-schedule builder's model and its RFC 5545 form: 每周几 / 每月第N个星期几 / 每月N日,
 * optionally only in odd (单月) or even (双月) months. Reading a rule back uses the server's own
 * parser (src/lib/recurrence.ts), so the two never disagree.
 */
import { parseReceptionRule } from '../../../../../src/lib/recurrence.ts';

export type ScheduleMode = 'none' | 'weekly' | 'monthlyNth' | 'monthlyDay' | 'custom';
export type MonthFilter = 'all' | 'odd' | 'even';

export interface Schedule {
  mode: ScheduleMode;
  /** 0 = Monday … 6 = Sunday. */
  weekdays: number[];
  nth: number;
  nthWeekday: number;
  days: number[];
  months: MonthFilter;
  /** The rule as typed, for rules the builder cannot show (custom mode). */
  raw: string;
}

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const ODD = [1, 3, 5, 7, 9, 11];
const EVEN = [2, 4, 6, 8, 10, 12];

export const EMPTY_SCHEDULE: Schedule = {
  mode: 'none',
  weekdays: [],
  nth: 1,
  nthWeekday: 0,
  days: [],
  months: 'all',
  raw: '',
};

function monthPart(months: MonthFilter): string {
  if (months === 'odd') return `;BYMONTH=${ODD.join(',')}`;
  if (months === 'even') return `;BYMONTH=${EVEN.join(',')}`;
  return '';
}

/** The RRULE for a schedule, or null when there is none (or it is incomplete). */
export function toRule(s: Schedule): string | null {
  switch (s.mode) {
    case 'none':
      return null;
    case 'custom':
      return s.raw.trim() || null;
    case 'weekly':
      if (s.weekdays.length === 0) return null;
      return `FREQ=WEEKLY;BYDAY=${[...s.weekdays]
        .sort((a, b) => a - b)
        .map((d) => WEEKDAY_CODES[d])
        .join(',')}${monthPart(s.months)}`;
    case 'monthlyNth':
      return `FREQ=MONTHLY;BYDAY=${s.nth > 0 ? `+${s.nth}` : s.nth}${WEEKDAY_CODES[s.nthWeekday]}${monthPart(s.months)}`;
    case 'monthlyDay':
      if (s.days.length === 0) return null;
      return `FREQ=MONTHLY;BYMONTHDAY=${[...s.days].sort((a, b) => a - b).join(',')}${monthPart(s.months)}`;
  }
}

function monthsOf(byMonth: number[]): MonthFilter | null {
  if (byMonth.length === 0) return 'all';
  const sorted = [...byMonth].sort((a, b) => a - b).join(',');
  if (sorted === ODD.join(',')) return 'odd';
  if (sorted === EVEN.join(',')) return 'even';
  return null;
}

/** A stored rule as the builder shows it; rules it cannot express open in custom mode. */
export function fromRule(rule: string | null | undefined): Schedule {
  if (!rule) return { ...EMPTY_SCHEDULE };
  const parsed = parseReceptionRule(rule);
  const custom = { ...EMPTY_SCHEDULE, mode: 'custom' as const, raw: rule };
  if (!parsed.ok) return custom;
  const r = parsed.rule;
  const months = monthsOf(r.byMonth);
  if (r.interval !== 1 || months === null) return custom;
  if (r.freq === 'weekly')
    return { ...EMPTY_SCHEDULE, mode: 'weekly', weekdays: r.byDay.map((d) => d.weekday), months };
  if (r.byMonthDay.length > 0) return { ...EMPTY_SCHEDULE, mode: 'monthlyDay', days: r.byMonthDay, months };
  const only = r.byDay.length === 1 ? r.byDay[0] : undefined;
  if (only && only.n !== null)
    return { ...EMPTY_SCHEDULE, mode: 'monthlyNth', nth: only.n, nthWeekday: only.weekday, months };
  return custom;
}
