/** Row type of a calendar year loaded by an administrator (overrides the packaged official data). */

export interface CalendarYearTable {
  year: number;
  /** JSON array of 'YYYY-MM-DD' statutory holidays. */
  holidays: string;
  /** JSON array of 'YYYY-MM-DD' weekend days that are worked (调休). */
  workdays: string;
  note: string | null;
  updated_at: string;
  updated_by_user_id: number | null;
}

export interface CalendarTables {
  calendar_year: CalendarYearTable;
}
