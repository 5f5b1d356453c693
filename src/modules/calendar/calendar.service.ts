/**
 * The working-day calendar the deadlines are counted on: the official years from `chinese-days`,
 * replaced year by year by what an administrator loads (for a year the package does not have yet,
 * or a local adjustment). Kept in memory for a minute per process: a change shows everywhere within
 * that minute, and two processes never disagree for longer.
 */
import type { AppContext } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { addWorkingDays, beijingDateOf, type Deadline, type WorkCalendar } from '../../lib/working-days.ts';
import type { Actor } from '../auth/auth.domain.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { OFFICIAL_YEARS } from './calendar.official.ts';
import * as repo from './calendar.repo.ts';

const TTL_MS = 60_000;
const cache = new WeakMap<AppContext['database'], { at: number; calendar: WorkCalendar }>();

export async function workCalendar(ctx: AppContext): Promise<WorkCalendar> {
  const cached = cache.get(ctx.database);
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS) return cached.calendar;
  const loaded = await repo.loadedYears(ctx.database.db);
  const years = new Map<number, { holidays: string[]; workdays: string[] }>(
    OFFICIAL_YEARS.map((y) => [y.year, y]),
  );
  for (const y of loaded) years.set(y.year, y);
  const calendar: WorkCalendar = {
    holidays: new Set([...years.values()].flatMap((y) => y.holidays)),
    workdays: new Set([...years.values()].flatMap((y) => y.workdays)),
    knownYears: new Set(years.keys()),
  };
  cache.set(ctx.database, { at: now, calendar });
  return calendar;
}

/** Forget the cached calendar of this process (after an administrator changed a year). */
export function invalidateCalendar(ctx: AppContext): void {
  cache.delete(ctx.database);
}

/** `n` working days after `start` on this deployment's calendar. */
export async function deadlineAfter(ctx: AppContext, start: Date, n: number): Promise<Deadline> {
  return addWorkingDays(await workCalendar(ctx), start, n);
}

export interface CalendarYearView {
  year: number;
  source: 'official' | 'admin' | 'none';
  holidays: string[];
  workdays: string[];
  note: string | null;
  updatedAt: string | null;
}

/** Last year, this year and the next two, each with where its arrangement comes from. */
export async function listCalendarYears(ctx: AppContext): Promise<CalendarYearView[]> {
  const loaded = new Map((await repo.loadedYears(ctx.database.db)).map((y) => [y.year, y]));
  const official = new Map(OFFICIAL_YEARS.map((y) => [y.year, y]));
  const thisYear = Number(beijingDateOf(ctx.clock.now()).slice(0, 4));
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...loaded.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const admin = loaded.get(year);
      if (admin)
        return {
          year,
          source: 'admin',
          holidays: admin.holidays,
          workdays: admin.workdays,
          note: admin.note,
          updatedAt: admin.updatedAt,
        };
      const off = official.get(year);
      if (off)
        return {
          year,
          source: 'official',
          holidays: off.holidays,
          workdays: off.workdays,
          note: null,
          updatedAt: null,
        };
      return { year, source: 'none', holidays: [], workdays: [], note: null, updatedAt: null };
    });
}

function checkDates(year: number, dates: string[], path: string): FieldError[] {
  return dates.flatMap((d, i) => {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(d) &&
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    if (!valid)
      return [
        {
          path: `${path}/${i}`,
          rule: 'format',
          message: { zh: `“${d}”不是有效日期`, en: `"${d}" is not a valid date` },
        },
      ];
    if (Number(d.slice(0, 4)) !== year) {
      return [
        {
          path: `${path}/${i}`,
          rule: 'year',
          message: { zh: `${d} 不在 ${year} 年`, en: `${d} is not in ${year}` },
        },
      ];
    }
    return [];
  });
}

/** Load (or replace) a year's arrangement: the holidays and the weekend days that are worked. */
export async function saveCalendarYear(
  ctx: AppContext,
  actor: Actor,
  year: number,
  input: { holidays: string[]; workdays: string[]; note?: string | null },
): Promise<CalendarYearView> {
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  const problems = [...checkDates(year, holidays, '/holidays'), ...checkDates(year, workdays, '/workdays')];
  for (const d of workdays.filter((w) => holidays.includes(w))) {
    problems.push({
      path: '/workdays',
      rule: 'overlap',
      message: {
        zh: `${d} 不能既是节假日又是调休工作日`,
        en: `${d} cannot be both a holiday and a working day`,
      },
    });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  await auditedWrite(ctx, actor, async (trx) => {
    await repo.saveYear(trx, {
      year,
      holidays,
      workdays,
      note: input.note ?? null,
      now: ctx.clock.now().toISOString(),
      userId: actor.userId,
    });
    return {
      result: undefined,
      audit: {
        action: 'calendar.save',
        entityType: 'calendar_year',
        entityId: year,
        detail: { holidays: holidays.length, workdays: workdays.length },
      },
    };
  });
  invalidateCalendar(ctx);
  const view = (await listCalendarYears(ctx)).find((y) => y.year === year);
  return view!;
}

/** Drop an administrator's year: the official data (if any) applies again. */
export async function resetCalendarYear(ctx: AppContext, actor: Actor, year: number): Promise<void> {
  await auditedWrite(ctx, actor, async (trx) => {
    // Nothing to reset is a 404, and the transaction (with its audit row) is rolled back.
    if ((await repo.deleteYear(trx, year)) === 0) throw new AppError('NOT_FOUND');
    return {
      result: undefined,
      audit: { action: 'calendar.reset', entityType: 'calendar_year', entityId: year },
    };
  });
  invalidateCalendar(ctx);
}

/** A deadline as the API shows it, with the notice to give when a year's calendar is not known. */
export async function describeDeadline(
  ctx: AppContext,
  from: Date,
  workingDays: number,
): Promise<{
  from: string;
  workingDays: number;
  due: string;
  dueDate: string;
  provisional: boolean;
  unknownYears: number[];
  notice: { zh: string; en: string } | null;
}> {
  const d = await deadlineAfter(ctx, from, workingDays);
  const years = d.unknownYears;
  return {
    from: from.toISOString(),
    workingDays,
    due: d.due.toISOString(),
    dueDate: d.dueDate,
    provisional: d.provisional,
    unknownYears: years,
    notice: d.provisional
      ? {
          zh: `${years.join('、')}年节假日安排尚未发布，按周一至周五推算`,
          en: `The official holiday arrangement for ${years.join(', ')} has not been published; counted Monday to Friday`,
        }
      : null,
  };
}

/**
 * The moment a deadline counts from, as the API receives it: an ISO time with a zone, or a date
 * (taken as noon of that day in Beijing, so the count starts from that date). Refuses impossible
 * dates (2027-02-30) that the pattern lets through.
 */
export function parseDeadlineStart(from: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(from);
  const at = new Date(dateOnly ? `${from}T12:00:00+08:00` : from);
  const day = from.slice(0, 10);
  const midnight = new Date(`${day}T00:00:00Z`);
  const valid =
    !Number.isNaN(at.getTime()) &&
    !Number.isNaN(midnight.getTime()) &&
    midnight.toISOString().slice(0, 10) === day;
  if (!valid) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'querystring:/from',
        rule: 'format',
        message: { zh: `“${from}”不是有效的日期或时间`, en: `"${from}" is not a valid date or time` },
      },
    ]);
  }
  return at;
}
