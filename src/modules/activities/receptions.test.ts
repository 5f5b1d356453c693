/**
 * Reception days made from a station's rule: the third Tuesday of February 2026 falls in the
 * Spring Festival, so the day is held on the next working day (24 February) by default; those on
 * duty come from the roster in turn and are told; a second run makes nothing twice.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import { stationPage } from '../public/public.service.ts';
import { materialiseReceptions } from './receptions.service.ts';

describeEachDialect('reception days', (env) => {
  let w: SuggestionWorld;
  const db = () => env().ctx.database.db;

  beforeAll(async () => {
    w = await buildSuggestionWorld(env().ctx);
    await db()
      .updateTable('station')
      .set({
        reception_rule: 'FREQ=MONTHLY;BYDAY=+3TU',
        reception_start: '09:00',
        reception_end: '11:30',
        reception_notice_days: 14,
      })
      .where('id', '=', w.station.id)
      .execute();
    await db()
      .insertInto('station_member')
      .values(w.members.slice(0, 3).map((m) => ({ station_id: w.station.id, representative_id: m.id })))
      .execute();
  });

  it('holds the reception moved off the holiday, with those on duty told, once', async () => {
    env().clock.set(new Date('2026-02-10T02:00:00.000Z'));
    expect(await materialiseReceptions(env().ctx)).toEqual({ reception_days_made: 1 });
    expect(await materialiseReceptions(env().ctx)).toEqual({ reception_days_made: 0 });
    const made = await db()
      .selectFrom('activity')
      .select(['id', 'rule_date', 'starts_at', 'ends_at', 'type_code', 'station_id'])
      .where('station_id', '=', w.station.id)
      .execute();
    expect(made).toEqual([
      {
        id: made[0]!.id,
        rule_date: '2026-02-17',
        starts_at: '2026-02-24T01:00:00.000Z',
        ends_at: '2026-02-24T03:30:00.000Z',
        type_code: 'reception',
        station_id: w.station.id,
      },
    ]);
    const duty = await db()
      .selectFrom('activity_participant')
      .select('representative_id')
      .where('activity_id', '=', made[0]!.id)
      .execute();
    expect(duty).toHaveLength(2);
    const roster = [w.rep.id, ...w.members.slice(0, 3).map((m) => m.id)];
    for (const d of duty) expect(roster).toContain(d.representative_id);
    const told = await db()
      .selectFrom('notification')
      .innerJoin('app_user', 'app_user.id', 'notification.user_id')
      .select('app_user.representative_id')
      .where('notification.kind', '=', 'activity.on_duty')
      .execute();
    // Only those on duty with an account hear of it.
    for (const t of told) expect(duty.map((d) => d.representative_id)).toContain(t.representative_id);
  });

  it('shows the coming days with those on duty on the station’s public page', async () => {
    const page = await stationPage(env().ctx, w.station.publicCode);
    expect(page.receptionDays.map((d) => [d.date, d.startsAt, d.onDutyCount])).toEqual([
      ['2026-02-24', '2026-02-24T01:00:00.000Z', 2],
    ]);
    expect(page.receptionDays[0]!.onDuty).toHaveLength(2);
    // A representative whose profile is not public is counted, not named.
    const made = await db()
      .selectFrom('activity')
      .select('id')
      .where('station_id', '=', w.station.id)
      .executeTakeFirstOrThrow();
    const onDuty = await db()
      .selectFrom('activity_participant')
      .select('representative_id')
      .where('activity_id', '=', made.id)
      .execute();
    await db()
      .updateTable('representative')
      .set({ is_public: 0 })
      .where('id', '=', onDuty[0]!.representative_id)
      .execute();
    const again = await stationPage(env().ctx, w.station.publicCode);
    expect(again.receptionDays[0]).toMatchObject({ onDutyCount: 2 });
    expect(again.receptionDays[0]!.onDuty).toHaveLength(1);
  });

  it('makes the next month’s day once it comes within the notice window', async () => {
    env().clock.set(new Date('2026-03-05T02:00:00.000Z'));
    expect(await materialiseReceptions(env().ctx)).toEqual({ reception_days_made: 1 });
    const march = await db()
      .selectFrom('activity')
      .select(['rule_date', 'starts_at'])
      .where('station_id', '=', w.station.id)
      .where('rule_date', '=', '2026-03-17')
      .executeTakeFirstOrThrow();
    expect(march.starts_at).toBe('2026-03-17T01:00:00.000Z');
  });
});
