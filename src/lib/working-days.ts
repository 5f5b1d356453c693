/**
 * Working days on the official Chinese calendar: weekends are off unless a make-up working day
 * (调休) says otherwise, and statutory holidays are off. Deadlines are counted in working days
 * and fall due at the end of the last day, Beijing time. A year whose calendar the State Council
 * has not published (and no administrator has loaded) is counted Monday to Friday and the
 * deadline is marked provisional, so the system can say so.
 */

export interface WorkCalendar {
  /** Statutory holidays, 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休), 'YYYY-MM-DD'. */
  workdays: ReadonlySet<string>;
  /** Years whose official arrangement is known. */
  knownYears: ReadonlySet<number>;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar date of an instant. */
export function beijingDateOf(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Beijing calendar date, as an instant. */
export function endOfBeijingDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59.999Z`) - BEIJING_OFFSET_MS);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

export interface Deadline {
  /** The instant the deadline expires: the end of the last working day, Beijing time. */
  due: Date;
  /** The last working day, 'YYYY-MM-DD'. */
  dueDate: string;
  /** True when the count crossed a year without an official calendar (counted Monday to Friday). */
  provisional: boolean;
  /** The years without an official calendar that the count crossed. */
  unknownYears: number[];
}

/**
 * The deadline `n` working days after `start` (n ≥ 0; the start day itself does not count, so
 * "within 2 working days" of a Friday submission is due at the end of Tuesday).
 */
export function addWorkingDays(cal: WorkCalendar, start: Date, n: number): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('working days must be a whole number ≥ 0');
  let date = beijingDateOf(start);
  const unknown = new Set<number>();
  const note = (d: string) => {
    const year = Number(d.slice(0, 4));
    if (!cal.knownYears.has(year)) unknown.add(year);
  };
  note(date);
  let left = n;
  while (left > 0) {
    date = nextDate(date);
    note(date);
    if (isWorkingDay(cal, date)) left -= 1;
  }
  return {
    due: endOfBeijingDay(date),
    dueDate: date,
    provisional: unknown.size > 0,
    unknownYears: [...unknown].sort(),
  };
}

/** The deadline `n` calendar days after `start` (the feedback window counts plain days). */
export function addCalendarDays(start: Date, n: number): Date {
  return endOfBeijingDay(
    new Date(Date.parse(`${beijingDateOf(start)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10),
  );
}

/** Working days from `from` until `to` (negative when `to` is earlier): for "due in 2 working days". */
export function workingDaysBetween(cal: WorkCalendar, from: Date, to: Date): number {
  let a = beijingDateOf(from);
  const b = beijingDateOf(to);
  if (a === b) return 0;
  const sign = a < b ? 1 : -1;
  let count = 0;
  const [lo, hi] = sign > 0 ? [a, b] : [b, a];
  a = lo;
  while (a < hi) {
    a = nextDate(a);
    if (isWorkingDay(cal, a)) count += 1;
  }
  return count === 0 ? 0 : sign * count;
}
