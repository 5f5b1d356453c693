/** The working-day calendar: which years are official, loaded by an administrator, or not known. */
import { http } from './client.ts';
import type { CalendarYear, CalendarYearList, DeadlineView, Ok, SaveCalendarYearBody } from './types.ts';

export const listCalendarYears = async () => (await http.get<CalendarYearList>('/calendar/years')).items;
export const saveCalendarYear = (year: number, body: SaveCalendarYearBody) =>
  http.put<CalendarYear>(`/calendar/years/${year}`, body);
export const resetCalendarYear = (year: number) => http.delete<Ok>(`/calendar/years/${year}`);
/** The deadline `workingDays` working days after `from` (a date YYYY-MM-DD, Beijing, or an ISO instant). */
export const getDeadline = (from: string, workingDays: number) =>
  http.get<DeadlineView>('/calendar/deadline', { from, workingDays });
