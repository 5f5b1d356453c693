/**
 * Calendar arithmetic for the activity pages. Activities are instants; people read them on Beijing
 * time, so the day an activity falls on and the month grid are Beijing calendar dates, whatever
 * the browser's own zone.
 */
import dayjs from 'dayjs';
import { formatBeijingDate, formatDateTime } from '../../lib/format.ts';

/** Today's Beijing date, 'YYYY-MM-DD'. */
export const todayBeijing = (now = new Date()) => formatBeijingDate(now.toISOString());

/** 'HH:mm' of an instant on Beijing time. */
export const beijingTime = (iso: string) => formatDateTime(iso, false).slice(11, 16);

/** The Beijing date of an instant ('YYYY-MM-DD'). */
export const beijingDay = (iso: string) => formatBeijingDate(iso);

/** '2026-12-17 14:30–16:30', or both ends in full when it runs over midnight. */
export function timeRange(startsAt: string, endsAt: string): string {
  const a = formatDateTime(startsAt, false);
  const b = formatDateTime(endsAt, false);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(11)}` : `${a} – ${b}`;
}

/** A Beijing wall-clock time of an instant as a dayjs for the pickers (which show local wall time). */
export const pickerValueOf = (iso: string) => dayjs(formatDateTime(iso));

export const isMonth = (v: string | undefined | null): v is string =>
  !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

export interface GridDay {
  date: string;
  day: number;
  inMonth: boolean;
  /** Monday 0 … Sunday 6. */
  weekday: number;
}

/** The weeks shown for a month, Monday first (as Chinese calendars are), whole weeks only. */
export function monthGrid(month: string): GridDay[] {
  const first = dayjs(`${month}-01`);
  const lead = (first.day() + 6) % 7;
  const start = first.subtract(lead, 'day');
  const days = first.daysInMonth();
  const cells = Math.ceil((lead + days) / 7) * 7;
  return Array.from({ length: cells }, (_, i) => {
    const d = start.add(i, 'day');
    return {
      date: d.format('YYYY-MM-DD'),
      day: d.date(),
      inMonth: d.month() === first.month(),
      weekday: i % 7,
    };
  });
}

export const shiftMonth = (month: string, by: number) =>
  dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM');
