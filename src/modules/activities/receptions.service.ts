/**
 * Reception days (接待日) made from the stations' recurring rules: every station with a schedule
 * gets a reception activity for each day its rule gives within its notice window (N days ahead),
 * on the official calendar (a day off moves or is skipped as the station says), with the
 * representatives on duty taken from its roster in turn. Each day is made once — the unique
 * (station, rule date) index makes two processes safe — and those on duty are told. The days then
 * appear on the station's public page, and opinions registered at a reception that day attach to it.
 */
import { receptionDays, type HolidayPolicy } from '../../lib/recurrence.ts';
import { beijingDateOf, isWorkingDay } from '../../lib/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/db-errors.ts';
import { SYSTEM_ACTOR } from '../auth/auth.domain.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { workCalendar } from '../calendar/calendar.service.ts';
import { notifyAll } from '../notifications/notifications.service.ts';
import { newPublicCode } from '../org/org.domain.ts';
import { onDuty, receptionTitle } from './activities.domain.ts';
import * as read from './activities.read.repo.ts';
import * as repo from './activities.repo.ts';

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A Beijing date and 'HH:MM' as an instant. */
const at = (date: string, time: string) => new Date(Date.parse(`${date}T${time}:00+08:00`)).toISOString();

/** The day's place in the rule's sequence since the epoch, so duty rotates steadily. */
const dayIndex = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Make the reception days due within each station's notice window; answers how many were made. */
export async function materialiseReceptions(ctx: AppContext): Promise<Record<string, number>> {
  const db = ctx.database.db;
  const cal = await workCalendar(ctx);
  const today = beijingDateOf(ctx.clock.now());
  let made = 0;
  for (const s of await repo.stationsWithSchedules(db)) {
    const until = shift(today, s.reception_notice_days);
    const days = receptionDays(
      s.reception_rule!,
      today,
      until,
      (d) => isWorkingDay(cal, d),
      s.reception_holiday as HolidayPolicy,
    );
    const done = await repo.madeReceptionDates(db, s.id, today);
    for (const day of days) {
      if (done.has(day.ruleDate)) continue;
      const duty = onDuty(s.roster, Math.floor(dayIndex(day.ruleDate) / 7), s.reception_on_duty);
      const now = ctx.clock.now().toISOString();
      const title = receptionTitle(s.name, day);
      try {
        await db.transaction().execute(async (trx) => {
          const id = await repo.insertActivity(trx, {
            type_code: 'reception',
            title,
            organiser: 'station',
            jurisdiction_id: s.jurisdiction_id,
            congress_id: null,
            station_id: s.id,
            group_id: null,
            starts_at: at(day.date, s.reception_start ?? '09:00'),
            ends_at: at(day.date, s.reception_end ?? '11:30'),
            place: s.address,
            agenda: '接待选民，听取群众意见建议',
            status: 'planned',
            checkin_code: newPublicCode(),
            minutes: null,
            rule_date: day.ruleDate,
            created_by_user_id: null,
            deleted_at: null,
            deleted_reason: null,
            created_at: now,
            updated_at: now,
          });
          await repo.insertParticipants(
            trx,
            duty.map((rid) => ({
              activity_id: id,
              representative_id: rid,
              role: 'participant',
              status: 'invited',
              invited_at: now,
            })),
          );
          await recordAudit(ctx, trx, SYSTEM_ACTOR, {
            action: 'activity.reception_day',
            entityType: 'activity',
            entityId: id,
            jurisdictionId: s.jurisdiction_id,
            detail: { stationId: s.id, date: day.date, ruleDate: day.ruleDate, onDuty: duty },
          });
          await notifyAll(ctx, trx, [
            {
              to: [{ representativeIds: duty }],
              kind: 'activity.on_duty',
              title: `接待值班提醒：${day.date} ${s.name}`,
              body: `${s.reception_start ?? '09:00'}–${s.reception_end ?? '11:30'}，${s.address ?? ''}`,
              link: { type: 'activity', id },
              email: true,
            },
          ]);
        });
        made += 1;
      } catch (err) {
        // Another process made this day first.
        if (!isUniqueViolation(err)) throw err;
      }
    }
  }
  return { reception_days_made: made };
}

/**
 * The station's coming reception days as its public page shows them: within its notice window,
 * with the representatives on duty (named when their profile is public; others are counted).
 */
export async function upcomingReceptionDays(ctx: AppContext, stationId: number, noticeDays: number) {
  const now = ctx.clock.now();
  const until = new Date(
    Date.parse(`${shift(beijingDateOf(now), noticeDays + 1)}T00:00:00+08:00`),
  ).toISOString();
  const from = new Date(Date.parse(`${beijingDateOf(now)}T00:00:00+08:00`)).toISOString();
  const days = await read.receptionDaysOf(ctx.database.db, stationId, from, until);
  return days.map((d) => ({
    date: beijingDateOf(new Date(d.starts_at)),
    startsAt: d.starts_at,
    endsAt: d.ends_at,
    onDuty: d.duty
      .filter((x) => x.is_public === 1 && x.public_code !== null)
      .map((x) => ({ name: x.name, publicCode: x.public_code! })),
    onDutyCount: d.duty.length,
  }));
}
