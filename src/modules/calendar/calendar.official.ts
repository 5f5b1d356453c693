/**
 * The official holiday arrangements as published by the State Council, from the `chinese-days`
 * package (its data stops at the last year published: when 2027 is announced, update the package
 * or load the year in the admin page).
 */
import { createRequire } from 'node:module';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

export interface OfficialYear {
  year: number;
  holidays: string[];
  workdays: string[];
}

function byYear(dates: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const d of dates.sort()) {
    const y = Number(d.slice(0, 4));
    out.set(y, [...(out.get(y) ?? []), d]);
  }
  return out;
}

const holidays = byYear(Object.keys(data.holidays));
const workdays = byYear(Object.keys(data.workdays));

/** Every year the package knows, oldest first. */
export const OFFICIAL_YEARS: readonly OfficialYear[] = [...holidays.keys()]
  .sort((a, b) => a - b)
  .map((year) => ({ year, holidays: holidays.get(year) ?? [], workdays: workdays.get(year) ?? [] }));

/** The holiday's name (元旦, 春节 …) for a date, when it is one. */
export function officialHolidayName(date: string): string | null {
  const entry = data.holidays[date];
  return entry ? (entry.split(',')[1] ?? null) : null;
}
