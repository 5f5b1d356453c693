/**
 * Activities through HTTP: staff create one and invite representatives; one signs up, one asks for
 * leave and gets it; the first checks in by the QR code within the window (a second scan counts
 * once), someone not on the list and a scan outside the window are refused; staff record the third
 * by hand; overlapping activities are flagged; scores follow every step, every point links to its
 * record; deleting the activity takes its points away, with an audit record.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import { DEFAULT_RULES } from '../performance/performance.domain.ts';
import type { ScoreCardView } from '../performance/performance.schema.ts';
import type { ActivityDetail } from './activities.schema.ts';

describeEachDialect(
  'activities',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let staff: Caller;
    let lead: Caller;
    let other: Caller;
    let activityId = 0;
    let code = '';

    const db = () => env().ctx.database.db;
    const at = (iso: string) => env().clock.set(new Date(iso));
    const card = (c: Caller, repId: number) =>
      expectStatus<ScoreCardView>(
        c.get(`/api/v1/performance/representatives/${repId}?congressId=${w.congressA.id}&year=2026`),
        200,
      );

    beforeAll(async () => {
      w = await buildSuggestionWorld(env().ctx);
      app = await buildTestApp(env().ctx);
      staff = as(app, w.users.staffA);
      lead = as(app, w.s.lead);
      other = as(app, w.s.cosigner);
      // The congress's rules for 2026 (the defaults), so scores are kept.
      await expectStatus(
        staff.put('/api/v1/performance/rules', {
          congressId: w.congressA.id,
          year: 2026,
          rules: DEFAULT_RULES,
        }),
        200,
      );
    });
    afterAll(async () => {
      await app.close();
    });

    it('creates an activity with its invitations, and refuses bad input naming the field', async () => {
      const body = {
        typeCode: 'research',
        title: '老旧小区加装电梯专题调研',
        organiser: 'station',
        organiserId: w.station.id,
        startsAt: '2026-03-03T01:00:00.000Z', // Tuesday 09:00 Beijing
        endsAt: '2026-03-03T03:00:00.000Z',
        place: '湖滨街道联络站',
        representativeIds: [w.rep.id, w.otherRep.id, w.members[2]!.id],
      };
      for (const [bad, path] of [
        [{ ...body, endsAt: body.startsAt }, '/endsAt'],
        [{ ...body, typeCode: 'party' }, '/typeCode'],
        [{ ...body, organiserId: w.stationB.id }, '/organiserId'],
        [{ ...body, representativeIds: [999999] }, '/representativeIds/0'],
      ] as const) {
        const res = await staff.post('/api/v1/activities', bad);
        expect(res.statusCode, path).toBe(400);
        expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(path);
      }
      const a = await expectStatus<ActivityDetail>(staff.post('/api/v1/activities', body), 201);
      activityId = a.id;
      expect(a.participants.map((p) => p.status)).toEqual(['invited', 'invited', 'invited']);
      expect(a.checkinUrl).toMatch(/\/c\/[0-9a-z]+$/);
      code = a.checkinUrl!.split('/').pop()!;
      // Nobody else sees it from county B.
      expect((await as(app, w.users.staffB).get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    });

    it('lets representatives sign up and ask for leave; staff decide the leave', async () => {
      let a = await expectStatus<ActivityDetail>(lead.post(`/api/v1/activities/${activityId}/sign-up`), 200);
      expect(a.myStatus).toBe('signed_up');
      a = await expectStatus<ActivityDetail>(
        other.post(`/api/v1/activities/${activityId}/leave`, { reason: '外出参加培训' }),
        200,
      );
      expect(a.myStatus).toBe('leave_requested');
      // A representative cannot decide their own leave.
      expect(
        (
          await other.post(`/api/v1/activities/${activityId}/participants/${w.otherRep.id}/leave`, {
            approve: true,
          })
        ).statusCode,
      ).toBe(403);
      a = await expectStatus<ActivityDetail>(
        staff.post(`/api/v1/activities/${activityId}/participants/${w.otherRep.id}/leave`, { approve: true }),
        200,
      );
      expect(a.participants.find((p) => p.representative.id === w.otherRep.id)?.status).toBe(
        'leave_approved',
      );
    });

    it('checks in by QR code within the window, once, and refuses outside it or off the list', async () => {
      at('2026-03-02T23:59:00.000Z'); // 61 minutes early
      expect((await lead.post(`/api/v1/activities/checkin/${code}`)).statusCode).toBe(409);
      at('2026-03-03T01:10:00.000Z');
      const first = await expectStatus<{ first: boolean; checkedInAt: string }>(
        lead.post(`/api/v1/activities/checkin/${code}`),
        200,
      );
      expect(first).toMatchObject({ first: true, checkedInAt: '2026-03-03T01:10:00.000Z' });
      at('2026-03-03T01:20:00.000Z');
      const again = await expectStatus<{ first: boolean; checkedInAt: string }>(
        lead.post(`/api/v1/activities/checkin/${code}`),
        200,
      );
      expect(again).toMatchObject({ first: false, checkedInAt: '2026-03-03T01:10:00.000Z' });
      const outsider = as(app, w.s.repBUser);
      expect((await outsider.post(`/api/v1/activities/checkin/${code}`)).statusCode).toBe(403);
      // Staff cannot check in for anyone through the QR code.
      expect((await staff.post(`/api/v1/activities/checkin/${code}`)).statusCode).toBe(403);
      const row = await db()
        .selectFrom('activity_participant')
        .select(['attendance', 'checkin_method', 'checkin_device'])
        .where('activity_id', '=', activityId)
        .where('representative_id', '=', w.rep.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attendance: 'present', checkin_method: 'qr' });
      const audits = await db()
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'activity.checkin')
        .execute();
      expect(audits).toHaveLength(1);
      at('2026-03-03T03:31:00.000Z'); // 31 minutes after the end
      expect((await other.post(`/api/v1/activities/checkin/${code}`)).statusCode).toBe(409);
    });

    it('lets staff record attendance by hand with a reason', async () => {
      const a = await expectStatus<ActivityDetail>(
        staff.post(`/api/v1/activities/${activityId}/attendance`, {
          representativeId: w.members[2]!.id,
          attendance: 'present',
          reason: '手机没电，纸质签到',
        }),
        200,
      );
      expect(a.participants.find((p) => p.representative.id === w.members[2]!.id)).toMatchObject({
        attendance: 'present',
        checkinMethod: 'manual',
        manualReason: '手机没电，纸质签到',
      });
      expect(a.presentCount).toBe(2);
    });

    it('gives points traceable to the activity, none for documented leave, and flags overlaps', async () => {
      let c = await card(lead, w.rep.id);
      const line = c.lines.find((l) => l.source.type === 'activity' && l.source.id === activityId);
      expect(line).toMatchObject({
        rule: 'activity.research',
        points: 3,
        source: { title: '老旧小区加装电梯专题调研' },
      });
      c = await card(staff, w.otherRep.id);
      expect(c.lines.filter((l) => l.source.id === activityId)).toEqual([]);
      // A representative sees only their own card.
      expect(
        (await lead.get(`/api/v1/performance/representatives/${w.otherRep.id}?congressId=${w.congressA.id}`))
          .statusCode,
      ).toBe(404);
      // The stored scores follow the check-in.
      const ranked = await expectStatus<{
        items: { representative: { id: number }; participation: number }[];
      }>(staff.get(`/api/v1/performance/scores?congressId=${w.congressA.id}&year=2026&pageSize=50`), 200);
      expect(ranked.items.find((i) => i.representative.id === w.rep.id)?.participation).toBe(3);

      // Another activity at the same time: the lead is flagged as booked twice.
      const clash = await expectStatus<ActivityDetail>(
        staff.post('/api/v1/activities', {
          typeCode: 'inspection',
          title: '河道整治视察',
          organiser: 'congress',
          organiserId: w.congressA.id,
          startsAt: '2026-03-03T02:00:00.000Z',
          endsAt: '2026-03-03T05:00:00.000Z',
          representativeIds: [w.rep.id],
        }),
        201,
      );
      expect(clash.participants[0]!.overlaps).toEqual([
        { id: activityId, title: '老旧小区加装电梯专题调研', startsAt: '2026-03-03T01:00:00.000Z' },
      ]);
    });

    it('takes the points away when the activity is deleted, with an audit record of why', async () => {
      const a = await expectStatus<ActivityDetail>(
        staff.post(`/api/v1/activities/${activityId}/delete`, { reason: '重复录入' }),
        200,
      );
      expect(a.status).toBe('deleted');
      const c = await card(lead, w.rep.id);
      expect(c.lines.filter((l) => l.source.id === activityId)).toEqual([]);
      const entries = await db()
        .selectFrom('score_entry')
        .select('id')
        .where('source_type', '=', 'activity')
        .where('source_id', '=', activityId)
        .execute();
      expect(entries).toEqual([]);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', 'activity.delete')
        .where('entity_id', '=', String(activityId))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({ reason: '重复录入', participants: 3 });
      // A deleted activity takes no more changes.
      expect((await staff.post(`/api/v1/activities/${activityId}/cancel`, { reason: 'x' })).statusCode).toBe(
        409,
      );
    });
  },
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
