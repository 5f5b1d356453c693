/**
 * Honours and the published method through HTTP: staff award 履职之星 from the ranking of a
 * congress and year; the award keeps the score the ranking showed and the rule set version, even
 * after new rules change everyone's score; a second award of the same title, a representative of
 * another congress, county B's staff and a year without rules are refused. The public list shows
 * the honours with the method of the rules they were scored under, and the method of a congress
 * (or of a station's congress) is published in plain Chinese.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, publicCall, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import type { ActivityDetail } from '../activities/activities.schema.ts';
import type { HonourView, PublicHonours, PublicMethod } from './honours.schema.ts';
import { DEFAULT_RULES, describeRules, type ScoreRules } from './performance.domain.ts';

type Ranking = { items: { rank: number; representative: { id: number; name: string }; total: number }[] };

describeEachDialect(
  'honours and the published method',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let staff: Caller;
    let labels: Record<string, string>;
    let awarded: HonourView;

    const db = () => env().ctx.database.db;
    const award = (c: Caller, body: Record<string, unknown>) => c.post('/api/v1/performance/honours', body);

    beforeAll(async () => {
      w = await buildSuggestionWorld(env().ctx);
      app = await buildTestApp(env().ctx);
      staff = as(app, w.users.staffA);
      labels = Object.fromEntries(
        (await db().selectFrom('activity_type').select(['code', 'label_zh']).execute()).map((t) => [
          t.code,
          t.label_zh,
        ]),
      );
      // One research activity: the representative attends, another member is there too.
      const a = await expectStatus<ActivityDetail>(
        staff.post('/api/v1/activities', {
          typeCode: 'research',
          title: '农村饮水安全调研',
          organiser: 'congress',
          organiserId: w.congressA.id,
          startsAt: '2026-03-03T01:00:00.000Z',
          endsAt: '2026-03-03T03:00:00.000Z',
          representativeIds: [w.rep.id, w.members[2]!.id],
          hostIds: [],
        }),
        201,
      );
      env().clock.set(new Date('2026-03-04T01:00:00.000Z'));
      for (const id of [w.rep.id, w.members[2]!.id])
        await expectStatus(
          staff.post(`/api/v1/activities/${a.id}/attendance`, {
            representativeId: id,
            attendance: 'present',
            reason: '签到表',
          }),
          200,
        );
      // The lead also hosted a reception: a higher score than the other member.
      const r = await expectStatus<ActivityDetail>(
        staff.post('/api/v1/activities', {
          typeCode: 'reception',
          title: '代表接待日',
          organiser: 'station',
          organiserId: w.station.id,
          startsAt: '2026-03-10T01:00:00.000Z',
          endsAt: '2026-03-10T03:00:00.000Z',
          hostIds: [w.rep.id],
        }),
        201,
      );
      env().clock.set(new Date('2026-03-11T01:00:00.000Z'));
      await expectStatus(
        staff.post(`/api/v1/activities/${r.id}/attendance`, {
          representativeId: w.rep.id,
          attendance: 'present',
          reason: '签到表',
        }),
        200,
      );
    });
    afterAll(async () => {
      await app.close();
    });

    it('refuses to award before the year has rules', async () => {
      const res = await award(staff, {
        congressId: w.congressA.id,
        year: 2026,
        representativeIds: [w.rep.id],
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    });

    it('awards from the ranking, keeping the score and the rule set version', async () => {
      await expectStatus(
        staff.put('/api/v1/performance/rules', {
          congressId: w.congressA.id,
          year: 2026,
          rules: DEFAULT_RULES,
        }),
        200,
      );
      const ranking = await expectStatus<Ranking>(
        staff.get(`/api/v1/performance/scores?congressId=${w.congressA.id}&year=2026&pageSize=3`),
        200,
      );
      const top = ranking.items[0]!;
      // Research 3 + reception 2 + hosting 1.
      expect(top).toMatchObject({ rank: 1, representative: { id: w.rep.id }, total: 6 });
      const res = await expectStatus<{ items: HonourView[] }>(
        award(staff, {
          congressId: w.congressA.id,
          year: 2026,
          representativeIds: [top.representative.id],
          citation: '扎根基层，积极履职',
        }),
        201,
      );
      expect(res.items).toHaveLength(1);
      awarded = res.items[0]!;
      expect(awarded).toMatchObject({
        title: '履职之星',
        year: 2026,
        representative: { id: w.rep.id, name: '李代表' },
        score: 6,
        ruleSet: { version: 1 },
        citation: '扎根基层，积极履职',
      });
      const audit = await db()
        .selectFrom('audit_log')
        .select(['entity_id', 'detail'])
        .where('action', '=', 'performance.honour_award')
        .execute();
      expect(audit.map((a) => a.entity_id)).toEqual([String(awarded.id)]);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({
        score: 6,
        ruleSetVersion: 1,
        representativeId: w.rep.id,
      });

      const list = await expectStatus<{ items: HonourView[] }>(
        staff.get(`/api/v1/performance/honours?congressId=${w.congressA.id}&year=2026`),
        200,
      );
      expect(list.items).toEqual([awarded]);
    });

    it('refuses a second award of the title, a stranger, county B and bad input', async () => {
      const again = await award(staff, {
        congressId: w.congressA.id,
        year: 2026,
        representativeIds: [w.rep.id],
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'CONFLICT' });
      // Refused as a whole: the other member is not awarded either.
      const mixed = await award(staff, {
        congressId: w.congressA.id,
        year: 2026,
        representativeIds: [w.members[2]!.id, w.rep.id],
      });
      expect(mixed.statusCode).toBe(409);
      const stranger = await award(staff, {
        congressId: w.congressA.id,
        year: 2026,
        representativeIds: [w.members[2]!.id, w.repB.id],
      });
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json()).toMatchObject({ errors: [{ path: '/representativeIds/1' }] });
      const countyB = await award(as(app, w.users.staffB), {
        congressId: w.congressA.id,
        year: 2026,
        representativeIds: [w.rep.id],
      });
      expect(countyB.statusCode).toBe(404);
      expect(
        (await as(app, w.users.staffB).get(`/api/v1/performance/honours?congressId=${w.congressA.id}`))
          .statusCode,
      ).toBe(404);
      for (const bad of [
        { congressId: w.congressA.id, year: 2026, representativeIds: [] },
        { congressId: w.congressA.id, year: 2026, representativeIds: [w.rep.id], title: '<b>星</b>' },
        { congressId: w.congressA.id, year: 2026, representativeIds: [w.rep.id], score: 100 },
      ]) {
        const res = await award(staff, bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect(await db().selectFrom('honour').select('id').execute()).toHaveLength(1);
    });

    it('shows the honours publicly with the method they were scored under, even after new rules', async () => {
      // New rules double research: the ranking changes, the honour keeps its score and version.
      const doubled: ScoreRules = {
        ...DEFAULT_RULES,
        activity: { ...DEFAULT_RULES.activity, byKind: { ...DEFAULT_RULES.activity.byKind, research: 6 } },
      };
      await expectStatus(
        staff.put('/api/v1/performance/rules', { congressId: w.congressA.id, year: 2026, rules: doubled }),
        200,
      );
      const res = await publicCall(app, { url: '/api/v1/public/honours' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const honours = res.json<PublicHonours>();
      expect(honours).toMatchObject({ year: 2026, years: [2026] });
      expect(honours.groups).toEqual([
        {
          congress: { id: w.congressA.id, name: expect.any(String) as string },
          title: '履职之星',
          ruleSetVersion: 1,
          method: describeRules(DEFAULT_RULES, labels),
          awards: [
            {
              name: '李代表',
              publicCode: w.rep.publicCode,
              score: 6,
              citation: '扎根基层，积极履职',
              awardedAt: awarded.awardedAt,
            },
          ],
        },
      ]);
      expect(honours.groups[0]!.method[1]).toContain('调研每次3分');
      expect((await publicCall(app, { url: '/api/v1/public/honours?year=2025' })).json()).toMatchObject({
        year: 2025,
        groups: [],
      });
    });

    it('publishes the method in force for a congress, or for a station’s congress', async () => {
      const byStation = await publicCall(app, {
        url: `/api/v1/public/performance/method?station=${w.station.publicCode}&year=2026`,
      });
      expect(byStation.statusCode).toBe(200);
      const m = byStation.json<PublicMethod>();
      expect(m).toMatchObject({ congress: { id: w.congressA.id }, year: 2026, version: 2 });
      expect(m.method[1]).toContain('调研每次6分');
      expect(m.congresses).toEqual([{ id: w.congressA.id, name: expect.any(String) as string }]);
      // By default: the first congress with rules this year.
      const first = await publicCall(app, { url: '/api/v1/public/performance/method' });
      expect(first.json<PublicMethod>()).toMatchObject({ congress: { id: w.congressA.id }, version: 2 });
      // A congress without rules: the defaults, said to be so.
      const b = await publicCall(app, {
        url: `/api/v1/public/performance/method?congressId=${w.congressB.id}`,
      });
      expect(b.json<PublicMethod>()).toMatchObject({
        version: 0,
        method: describeRules(DEFAULT_RULES, labels),
      });
      expect(
        (await publicCall(app, { url: '/api/v1/public/performance/method?congressId=999999' })).statusCode,
      ).toBe(404);
      expect(
        (await publicCall(app, { url: '/api/v1/public/performance/method?station=nosuchcode' })).statusCode,
      ).toBe(404);
      expect((await publicCall(app, { url: '/api/v1/public/performance/method?x=1' })).statusCode).toBe(400);
    });
  },
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
