/** Storage of the calendar years an administrator loaded. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface CalendarYearRecord {
  year: number;
  holidays: string[];
  workdays: string[];
  note: string | null;
  updatedAt: string;
}

export async function loadedYears(db: Kysely<DB>): Promise<CalendarYearRecord[]> {
  const rows = await db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
    note: r.note,
    updatedAt: r.updated_at,
  }));
}

export async function saveYear(
  trx: Transaction<DB>,
  y: {
    year: number;
    holidays: string[];
    workdays: string[];
    note: string | null;
    now: string;
    userId: number | null;
  },
): Promise<void> {
  const values = {
    holidays: JSON.stringify(y.holidays),
    workdays: JSON.stringify(y.workdays),
    note: y.note,
    updated_at: y.now,
    updated_by_user_id: y.userId,
  };
  await trx
    .insertInto('calendar_year')
    .values({ year: y.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

export async function deleteYear(trx: Transaction<DB>, year: number): Promise<number> {
  const res = await trx.deleteFrom('calendar_year').where('year', '=', year).executeTakeFirst();
  return Number(res.numDeletedRows);
}
