/**
 * 履职公示 through HTTP: staff preview a station's month from the records (an activity held with
 * its attendance, opinions received, one solved and rated), publish it, and the public reads
 * exactly that snapshot — also after the records change. A second publication of the month is
 * refused, there is no way to edit or delete it, and a correction makes a new version while the
 * old one stays readable. County B can neither preview nor publish county A's stations; a
 * representative's month is published only while their profile is public.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, opinionIdOf, publicCall, submit, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import type { ActivityDetail } from '../activities/activities.schema.ts';
import type { DisclosureView, PublicDisclosure } from './disclosure.schema.ts';

type Preview = { content: DisclosureView['content']; published: { version: number } | null };

describeEachDialect(
  '履职公示 (disclosures)',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let staff: Caller;
    let staffB: Caller;
    let unit: Caller;
    let published: DisclosureView;

    const db = () => env().ctx.database.db;
    const at = (iso: string) => env().clock.set(new Date(iso));
    const preview = (c: Caller, kind: string, subjectId: number, month = '2026-03') =>
      c.get(`/api/v1/performance/disclosures/preview?kind=${kind}&subjectId=${subjectId}&month=${month}`);
    const publicPage = (path: string) => publicCall(app, { url: `/api/v1/public/disclosures/${path}` });

    async function stationActivity(title: string, day: string) {
      const a = await expectStatus<ActivityDetail>(
        staff.post('/api/v1/activities', {
          typeCode: 'reception',
          title,
          organiser: 'station',
          organiserId: w.station.id,
          startsAt: `${day}T01:00:00.000Z`,
          endsAt: `${day}T03:00:00.000Z`,
          place: '联络站接待室',
          representativeIds: [w.rep.id, w.otherRep.id],
        }),
        201,
      );
      return a.id;
    }

    async function present(activityId: number, representativeId: number) {
      await expectStatus(
        staff.post(`/api/v1/activities/${activityId}/attendance`, {
          representativeId,
          attendance: 'present',
          reason: '现场签到表',
        }),
        200,
      );
    }

    beforeAll(async () => {
      w = await buildSuggestionWorld(env().ctx);
      app = await buildTestApp(env().ctx);
      staff = as(app, w.users.staffA);
      staffB = as(app, w.users.staffB);
      unit = as(app, w.people.unitStaff);
      // The other representative keeps a private profile: counted, never named.
      await db()
        .updateTable('representative')
        .set({ is_public: 0 })
        .where('id', '=', w.otherRep.id)
        .execute();

      const reception = await stationActivity('三月份代表接待日', '2026-03-03');
      // Two opinions at the station: one solved and rated, one still waiting.
      const solved = await submit(app, w.station.publicCode, { name: '王小明', phone: '13812341234' });
      await submit(app, w.station.publicCode, { content: '菜市场周边占道经营严重。', phone: null });
      const id = await opinionIdOf(env().ctx, solved.trackingCode);
      await expectStatus(
        staff.post(`/api/v1/opinions/${id}/accept`, { categoryCode: 'city_management' }),
        200,
      );
      await expectStatus(staff.post(`/api/v1/opinions/${id}/assign`, { unitId: w.unit.id }), 200);
      await expectStatus(unit.post(`/api/v1/opinions/${id}/sign`, {}), 200);

      at('2026-03-04T02:00:00.000Z');
      await present(reception, w.rep.id);
      await present(reception, w.otherRep.id);
      await expectStatus(
        unit.post(`/api/v1/opinions/${id}/reply`, { result: 'solved', content: '已修复路灯。' }),
        200,
      );
      const rated = await publicCall(app, {
        url: `/api/v1/public/opinions/${solved.trackingCode}/rating`,
        body: { rating: 'satisfied' },
      });
      expect(rated.statusCode, rated.body).toBe(200);
      at('2026-04-01T02:00:00.000Z');
    });
    afterAll(async () => {
      await app.close();
    });

    it('previews a station’s month from the records', async () => {
      const p = await expectStatus<Preview>(preview(staff, 'station', w.station.id), 200);
      expect(p.published).toBeNull();
      expect(p.content).toMatchObject({
        kind: 'station',
        month: '2026-03',
        subject: { name: w.station.name, publicCode: w.station.publicCode, description: '联络站' },
        activitiesByType: [{ label: '接待选民', count: 1 }],
        opinions: {
          received: 2,
          replied: 1,
          solved: 1,
          rated: 1,
          satisfied: 1,
          satisfactionRate: 1,
          byCategory: [
            { label: '城市管理', count: 1 },
            { label: '未分类', count: 1 },
          ],
        },
      });
      expect(p.content.activities).toEqual([
        expect.objectContaining({
          title: '三月份代表接待日',
          typeLabel: '接待选民',
          present: 2,
          // The private profile is counted, not named.
          representatives: ['李代表'],
        }),
      ]);
    });

    it('refuses county B, a month to come and bad input', async () => {
      expect((await preview(staffB, 'station', w.station.id)).statusCode).toBe(404);
      const publishB = await staffB.post('/api/v1/performance/disclosures', {
        kind: 'station',
        subjectId: w.station.id,
        month: '2026-03',
      });
      expect(publishB.statusCode).toBe(404);
      const future = await staff.post('/api/v1/performance/disclosures', {
        kind: 'station',
        subjectId: w.station.id,
        month: '2026-05',
      });
      expect(future.statusCode).toBe(400);
      expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/month' }] });
      for (const bad of [
        { kind: 'station', subjectId: w.station.id, month: '2026-13' },
        { kind: 'grid', subjectId: w.station.id, month: '2026-03' },
        { kind: 'station', subjectId: w.station.id, month: '2026-03', content: { opinions: {} } },
      ]) {
        const res = await staff.post('/api/v1/performance/disclosures', bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
      // A representative cannot publish.
      const asRep = await as(app, w.s.lead).post('/api/v1/performance/disclosures', {
        kind: 'station',
        subjectId: w.station.id,
        month: '2026-03',
      });
      expect(asRep.statusCode).toBe(403);
      expect(await db().selectFrom('disclosure').select('id').execute()).toEqual([]);
    });

    it('publishes a snapshot the public reads, unchanged when the records change', async () => {
      published = await expectStatus<DisclosureView>(
        staff.post('/api/v1/performance/disclosures', {
          kind: 'station',
          subjectId: w.station.id,
          month: '2026-03',
        }),
        201,
      );
      expect(published).toMatchObject({ version: 1, correctionNote: null, month: '2026-03' });
      expect(published.versions).toHaveLength(1);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['entity_id', 'detail'])
        .where('action', '=', 'performance.disclosure_publish')
        .execute();
      expect(audit.map((a) => a.entity_id)).toEqual([String(published.id)]);

      const res = await publicPage(`stations/${w.station.publicCode}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const page = res.json<PublicDisclosure>();
      expect(page).toMatchObject({ kind: 'station', months: ['2026-03'], month: '2026-03' });
      expect(page.disclosure).toMatchObject({ version: 1, latestVersion: 1, correctionNote: null });
      expect(page.disclosure!.content).toEqual(published.content);
      // Nothing of the citizens but counts.
      for (const secret of ['王小明', '13812341234', '路灯', '占道']) expect(res.body).not.toContain(secret);
      // The station's code typed in capitals still finds it.
      expect((await publicPage(`stations/${w.station.publicCode.toUpperCase()}`)).statusCode).toBe(200);

      // The records change: another March activity and opinion. The public page does not.
      at('2026-03-25T02:00:00.000Z');
      const late = await stationActivity('补录的三月接待日', '2026-03-24');
      await present(late, w.rep.id);
      await submit(app, w.station.publicCode, { content: '公交站台缺少遮雨棚。', phone: null });
      at('2026-04-01T03:00:00.000Z');
      const after = (await publicPage(`stations/${w.station.publicCode}`)).json<PublicDisclosure>();
      expect(after.disclosure!.content).toEqual(published.content);
      expect(after.disclosure!.content.opinions.received).toBe(2);
      const p = await expectStatus<Preview>(preview(staff, 'station', w.station.id), 200);
      expect(p.content.opinions.received).toBe(3);
      expect(p.content.activities).toHaveLength(2);
      expect(p.published).toMatchObject({ version: 1 });
    });

    it('never edits or deletes a published month: a second publication is refused', async () => {
      const again = await staff.post('/api/v1/performance/disclosures', {
        kind: 'station',
        subjectId: w.station.id,
        month: '2026-03',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'CONFLICT' });
      expect(again.json<{ messages: { 'zh-CN': string } }>().messages['zh-CN']).toContain('更正');
      const target = `/api/v1/performance/disclosures/${published.id}`;
      for (const [method, res] of [
        ['PUT', await staff.put(target, { content: '{}' })],
        ['PATCH', await staff.patch(target, { content: '{}' })],
        ['DELETE', await staff.delete(target)],
      ] as const)
        expect(res.statusCode, method).toBe(404);
      const rows = await db().selectFrom('disclosure').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.parse(rows[0]!.content)).toEqual(published.content);
    });

    it('publishes a correction as a new version; the earlier one stays readable', async () => {
      expect(
        (
          await staffB.post(`/api/v1/performance/disclosures/${published.id}/corrections`, {
            note: '补录接待活动',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await staff.post(`/api/v1/performance/disclosures/${published.id}/corrections`, {})).statusCode,
      ).toBe(400);
      const corrected = await expectStatus<DisclosureView>(
        staff.post(`/api/v1/performance/disclosures/${published.id}/corrections`, {
          note: '补录3月24日接待活动和一件群众意见',
        }),
        201,
      );
      expect(corrected).toMatchObject({ version: 2, correctionNote: '补录3月24日接待活动和一件群众意见' });
      expect(corrected.id).not.toBe(published.id);
      expect(corrected.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(corrected.content.opinions.received).toBe(3);

      const latest = (
        await publicPage(`stations/${w.station.publicCode}?month=2026-03`)
      ).json<PublicDisclosure>();
      expect(latest.disclosure).toMatchObject({
        version: 2,
        latestVersion: 2,
        correctionNote: '补录3月24日接待活动和一件群众意见',
      });
      expect(latest.disclosure!.versions.map((v) => [v.version, v.correctionNote])).toEqual([
        [1, null],
        [2, '补录3月24日接待活动和一件群众意见'],
      ]);
      expect(latest.disclosure!.content).toEqual(corrected.content);
      const first = (
        await publicPage(`stations/${w.station.publicCode}?month=2026-03&version=1`)
      ).json<PublicDisclosure>();
      expect(first.disclosure).toMatchObject({ version: 1, latestVersion: 2 });
      expect(first.disclosure!.content).toEqual(published.content);
      expect((await publicPage(`stations/${w.station.publicCode}?month=2026-03&version=3`)).statusCode).toBe(
        404,
      );

      const rows = await db()
        .selectFrom('disclosure')
        .select(['version', 'content'])
        .orderBy('version')
        .execute();
      expect(rows.map((r) => r.version)).toEqual([1, 2]);
      expect(JSON.parse(rows[0]!.content)).toEqual(published.content);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['entity_id', 'detail'])
        .where('action', '=', 'performance.disclosure_correct')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({
        version: 2,
        note: '补录3月24日接待活动和一件群众意见',
      });

      // Staff list the latest version of each month in their jurisdiction; county B sees none.
      const list = await expectStatus<{
        items: { id: number; version: number; subject: { name: string } }[];
      }>(staff.get('/api/v1/performance/disclosures?month=2026-03'), 200);
      expect(list.items).toEqual([
        expect.objectContaining({
          id: corrected.id,
          version: 2,
          subject: { id: w.station.id, name: w.station.name },
        }),
      ]);
      const listB = await expectStatus<{ total: number }>(staffB.get('/api/v1/performance/disclosures'), 200);
      expect(listB.total).toBe(0);
      expect((await staffB.get(`/api/v1/performance/disclosures/${corrected.id}`)).statusCode).toBe(404);
      const one = await expectStatus<DisclosureView>(
        staff.get(`/api/v1/performance/disclosures/${published.id}`),
        200,
      );
      expect(one).toMatchObject({ version: 1, versions: [{ version: 1 }, { version: 2 }] });
    });

    it('publishes a representative’s month only while their profile is public', async () => {
      const p = await expectStatus<Preview>(preview(staff, 'representative', w.rep.id), 200);
      expect(p.content).toMatchObject({
        kind: 'representative',
        attendance: { invited: 2, attended: 2, leave: 0 },
        suggestions: { led: 0, cosigned: 0 },
      });
      expect(p.content.activities.map((a) => a.title)).toEqual(['三月份代表接待日', '补录的三月接待日']);
      await expectStatus(
        staff.post('/api/v1/performance/disclosures', {
          kind: 'representative',
          subjectId: w.rep.id,
          month: '2026-03',
        }),
        201,
      );
      const page = await publicPage(`representatives/${w.rep.publicCode}`);
      expect(page.statusCode).toBe(200);
      expect(page.json<PublicDisclosure>()).toMatchObject({
        kind: 'representative',
        subject: { name: '李代表' },
        disclosure: { version: 1, content: { attendance: { attended: 2 } } },
      });
      // A month with nothing published: the page says so, with the months there are.
      const empty = (
        await publicPage(`representatives/${w.rep.publicCode}?month=2026-02`)
      ).json<PublicDisclosure>();
      expect(empty).toMatchObject({ month: '2026-02', months: ['2026-03'], disclosure: null });

      // Made private: nothing of theirs is shown or published any more.
      await db().updateTable('representative').set({ is_public: 0 }).where('id', '=', w.rep.id).execute();
      expect((await publicPage(`representatives/${w.rep.publicCode}`)).statusCode).toBe(404);
      const refused = await staff.post('/api/v1/performance/disclosures', {
        kind: 'representative',
        subjectId: w.rep.id,
        month: '2026-02',
      });
      expect(refused.statusCode).toBe(409);
      expect((await preview(staff, 'representative', w.otherRep.id)).statusCode).toBe(409);
      await db().updateTable('representative').set({ is_public: 1 }).where('id', '=', w.rep.id).execute();
      // A public representative not given a QR code yet gets one: their page is found by it.
      const member = w.members[3]!.id;
      await db().updateTable('representative').set({ public_code: null }).where('id', '=', member).execute();
      const fresh = await expectStatus<Preview>(preview(staff, 'representative', member), 200);
      const { public_code } = await db()
        .selectFrom('representative')
        .select('public_code')
        .where('id', '=', member)
        .executeTakeFirstOrThrow();
      expect(public_code).toMatch(/^[0-9a-z]{6,}$/);
      expect(fresh.content.subject.publicCode).toBe(public_code);
      // Unknown codes.
      expect((await publicPage('stations/zzzzzzzz')).statusCode).toBe(404);
      expect((await publicPage('stations/bad-code')).statusCode).toBe(400);
    });
  },
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
