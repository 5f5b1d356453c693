/**
 * Time for the demo's opinions: the deadline policy (config.opinions), the official working-day
 * calendar the engine counts on (built from chinese-days exactly as calendar.service does, with no
 * administrator years: the database is empty when the demo goes in), and the moments people act —
 * staff and units during office hours on working days, citizens at any reasonable hour. Everything
 * here is in Beijing time and pure: the same inputs give the same instants.
 *
 * Deadlines are working-days.ts's own answers (remembered: a year of opinions asks the same few
 * thousand questions many times). Choosing *when* someone acts ("two working days later") uses a
 * table of the calendar's working days instead, for speed; a test checks it against the library.
 */
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  type Deadline,
  type WorkCalendar,
} from '../../lib/working-days.ts';
import { OFFICIAL_YEARS } from '../calendar/calendar.official.ts';
import type { Random } from './random.ts';

/** The deadlines and limits of the loop (the subset of config.opinions the history depends on). */
export interface OpinionPolicy {
  ackWorkingDays: number;
  signWorkingDays: number;
  replyWorkingDays: number;
  rehandleWorkingDays: number;
  feedbackDays: number;
  maxRehandleRounds: number;
  maxExtensionWorkingDays: number;
}

/** DESIGN.md §4.1's defaults, as config.ts sets them when nothing is configured. */
export const DEFAULT_OPINION_POLICY: OpinionPolicy = {
  ackWorkingDays: 2,
  signWorkingDays: 1,
  replyWorkingDays: 15,
  rehandleWorkingDays: 10,
  feedbackDays: 7,
  maxRehandleRounds: 1,
  maxExtensionWorkingDays: 15,
};

/** The official calendar, as calendar.service's workCalendar() builds it before any year is loaded. */
export function officialCalendar(): WorkCalendar {
  return {
    holidays: new Set(OFFICIAL_YEARS.flatMap((y) => y.holidays)),
    workdays: new Set(OFFICIAL_YEARS.flatMap((y) => y.workdays)),
    knownYears: new Set(OFFICIAL_YEARS.map((y) => y.year)),
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 60 * MINUTE;

/** The Beijing calendar day of an instant, as a day number (days since 1970-01-01). */
export function dayOf(instant: Date): number {
  return Math.floor((instant.getTime() + BEIJING_OFFSET_MS) / DAY);
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function dayOfDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** The instant of a Beijing day at `minutes` past midnight. */
export function instantOf(day: number, minutes: number): Date {
  return new Date(day * DAY - BEIJING_OFFSET_MS + minutes * MINUTE);
}

/** The instant of a Beijing calendar date at `minutes` past midnight. */
export function beijingInstant(date: string, minutes: number): Date {
  return instantOf(dayOfDate(date), minutes);
}

/** Minutes past Beijing midnight of an instant. */
export function beijingMinutes(instant: Date): number {
  return Math.floor(((instant.getTime() + BEIJING_OFFSET_MS) % DAY) / MINUTE);
}

export function addDays(date: string, n: number): string {
  return dateOfDay(dayOfDate(date) + n);
}

/** 'YYYY-MM-DD' → 11月3日 (as replies and notes write dates). */
export function zhDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** An instant → 11月3日 in Beijing. */
export function zhDay(instant: Date): string {
  const d = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** `minutes` after an instant. */
export function later(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE);
}

/**
 * The calendar's working days between two days, as a table: which days are worked and how many
 * were worked up to each. Outside the table it asks working-days.ts.
 */
export class WorkingDays {
  private readonly working: Uint8Array;
  /** rank[i]: working days in [first, first + i]. */
  private readonly rank: Int32Array;
  /** The working days, in order. */
  private readonly list: number[] = [];
  private readonly deadlines = new Map<number, Deadline>();

  constructor(
    readonly cal: WorkCalendar,
    private readonly first: number,
    private readonly last: number,
  ) {
    const size = last - first + 1;
    this.working = new Uint8Array(size);
    this.rank = new Int32Array(size);
    let count = 0;
    for (let i = 0; i < size; i++) {
      if (isWorkingDay(cal, dateOfDay(first + i))) {
        this.working[i] = 1;
        this.list.push(first + i);
        count += 1;
      }
      this.rank[i] = count;
    }
  }

  private inside(day: number): boolean {
    return day >= this.first && day <= this.last;
  }

  isWorking(day: number): boolean {
    return this.inside(day) ? this.working[day - this.first] === 1 : isWorkingDay(this.cal, dateOfDay(day));
  }

  /** n = 0: `day` itself when worked, else the next working day; n > 0: the n-th working day after `day`. */
  after(day: number, n: number): number {
    if (this.inside(day)) {
      const worked = this.rank[day - this.first] ?? 0;
      const index = n === 0 ? (this.working[day - this.first] === 1 ? worked - 1 : worked) : worked + n - 1;
      const found = this.list[index];
      if (found !== undefined) return found;
    }
    if (n === 0) {
      let d = day;
      while (!this.isWorking(d)) d += 1;
      return d;
    }
    return dayOfDate(addWorkingDays(this.cal, instantOf(day, 12 * 60), n).dueDate);
  }

  /** Working days after `from`'s day up to and including `to`'s (negative when `to` is earlier). */
  between(from: Date, to: Date): number {
    const [a, b] = [dayOf(from), dayOf(to)];
    if (this.inside(a) && this.inside(b))
      return (this.rank[b - this.first] ?? 0) - (this.rank[a - this.first] ?? 0);
    return workingDaysBetween(this.cal, from, to);
  }

  /** The deadline `n` working days after `start`: working-days.ts's answer, remembered per day. */
  deadline(start: Date, n: number): Deadline {
    const key = dayOf(start) * 1024 + n;
    let d = this.deadlines.get(key);
    if (!d) this.deadlines.set(key, (d = addWorkingDays(this.cal, start, n)));
    return { ...d, due: new Date(d.due.getTime()) };
  }
}

/** Office hours, in minutes past midnight: 8:30–11:45 and 14:00–17:30. */
const OFFICE: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 11 * 60 + 45],
  [14 * 60, 17 * 60 + 30],
];
const OFFICE_CLOSE = OFFICE[1]![1];

function officeMinutes(rng: Random): number {
  const [lo, hi] = rng.chance(0.55) ? OFFICE[0]! : OFFICE[1]!;
  return rng.int(lo, hi);
}

/**
 * A moment in office hours on the working day `n` working days after `from`'s Beijing day, always
 * later than `from` (n = 0: later the same working day when there is time left, else the next).
 */
export function officeMoment(days: WorkingDays, rng: Random, from: Date, n: number): Date {
  const fromDay = dayOf(from);
  let day = days.after(fromDay, n);
  if (day === fromDay) {
    const after = beijingMinutes(from) + rng.int(8, 90);
    if (after <= OFFICE_CLOSE)
      return instantOf(day, Math.min(Math.max(after, officeMinutes(rng)), OFFICE_CLOSE));
    day = days.after(fromDay + 1, 0);
  }
  return instantOf(day, officeMinutes(rng));
}

/** The working day `n` working days after an instant's day, as 'YYYY-MM-DD'. */
export function workingDateAfter(days: WorkingDays, from: Date, n: number): string {
  return dateOfDay(days.after(dayOf(from), n));
}

/** A moment when a citizen might act (7:00–22:30), `n` calendar days after `from`, always later. */
export function citizenMoment(rng: Random, from: Date, n: number): Date {
  const at = instantOf(dayOf(from) + n, rng.int(7 * 60, 22 * 60 + 30));
  return at.getTime() > from.getTime() ? at : new Date(from.getTime() + rng.int(20, 240) * MINUTE);
}
