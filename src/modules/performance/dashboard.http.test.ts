/**
 * The duty-performance views through HTTP, on a small world whose figures are counted by hand:
 * county A's congress (fourteen members in 2026), two groups, a station and three grids; county B
 * with its own congress, group, activity and grid. Activities are driven as people drive them —
 * created and invited by staff, leave asked for and approved, QR check-ins on the test clock,
 * attendance recorded by hand, one cancelled, one still to come — then:
 * - the congress dashboard gives the hand counts (participation by representative, level, group and
 *   station; requirements not met, under the defaults and then under saved rules; activities by
 *   type and month), and county B sees none of it;
 * - a group's year lists its members, its activities, their outputs and the opinions raised there;
 * - grid coverage lists exactly the grids without a serving representative.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildUser } from '../../../test/support/fixtures.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus, gridBody, groupBody, uniqueCode } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import { registerCase, submittedCase } from '../../../test/support/suggestion-scenarios.ts';
import type { ActivityDetail } from '../activities/activities.schema.ts';
import type { AttendanceView, PerformanceDashboard } from './dashboard.schema.ts';
import type { GridCoverage, GroupPerformance } from './groups-grids.schema.ts';
import { DEFAULT_RULES } from './performance.domain.ts';

/** Attendance from (invited, attended, onLeave); absent and rate follow. */
const att = (invited: number, attended: number, onLeave: number): AttendanceView => ({
  invited,
  attended,
  onLeave,
  absent: invited - attended - onLeave,
  rate: invited > 0 ? attended / invited : null,
});

describeEachDialect(
  'performance dashboard, group performance and grid coverage',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let staff: Caller;
    let staffB: Caller;
    /** The representatives by the names the test counts with. */
    let rep: number;
    let other: number;
    let m: number[];
    let regional = 0;
    let professional = 0;
    let groupB = 0;
    let a1 = 0;
    const grids: Record<'lonely' | 'covered' | 'suspendedOnly' | 'countyB', number> = {
      lonely: 0,
      covered: 0,
      suspendedOnly: 0,
      countyB: 0,
    };
    let suggestionId = 0;

    const at = (iso: string) => env().clock.set(new Date(iso));
    const dashboard = (c: Caller, congressId: number, extra = '') =>
      c.get(`/api/v1/performance/dashboard?congressId=${congressId}&year=2026${extra}`);

    async function activity(c: Caller, body: Record<string, unknown>): Promise<ActivityDetail> {
      return expectStatus<ActivityDetail>(c.post('/api/v1/activities', body), 201);
    }

    beforeAll(async () => {
      const { ctx } = env();
      w = await buildSuggestionWorld(ctx);
      app = await buildTestApp(ctx);
      staff = as(app, w.users.staffA);
      staffB = as(app, w.users.staffB);
      const lead = as(app, w.s.lead);
      const cosigner = as(app, w.s.cosigner);
      rep = w.rep.id;
      other = w.otherRep.id;
      // m[1] … m[11]: 代表1 … 代表11 (m[0] is the other representative, as in the world).
      m = w.members.map((x) => x.id);
      const m1 = as(
        app,
        await buildUser(ctx, {
          roles: ['representative'],
          jurisdictionId: w.countyA.id,
          representativeId: m[1]!,
        }),
      );

      // 代表2 also sits in the city's congress: the dashboard puts them under the city level.
      const now = ctx.clock.now().toISOString();
      const city = await ctx.database.db
        .insertInto('congress')
        .values({
          code: uniqueCode('C'),
          name: '清江市第十六届人民代表大会',
          level: 'city',
          term_number: 16,
          jurisdiction_id: w.city.id,
          term_start: '2022-01-01',
          term_end: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.database.db
        .insertInto('representative_seat')
        .values({
          representative_id: m[2]!,
          congress_id: city.id,
          delegation: null,
          constituency: null,
          elected_on: '2022-01-05',
          ended_on: null,
        })
        .execute();

      // Groups: a regional one of the district (李代表 leads it), a professional one of the street.
      regional = (
        await expectStatus<{ id: number }>(staff.post('/api/v1/groups', groupBody(w.countyA.id)), 201)
      ).id;
      await expectStatus(
        staff.put(`/api/v1/groups/${regional}/members`, {
          members: [
            { representativeId: rep, role: 'leader' },
            { representativeId: other },
            { representativeId: m[1]! },
          ],
        }),
        200,
      );
      professional = (
        await expectStatus<{ id: number }>(
          staff.post(
            '/api/v1/groups',
            groupBody(w.townA1.id, { kind: 'professional', name: '教育专业小组' }),
          ),
          201,
        )
      ).id;
      await expectStatus(
        staff.put(`/api/v1/groups/${professional}/members`, {
          members: [{ representativeId: rep }, { representativeId: m[2]! }],
        }),
        200,
      );
      groupB = (
        await expectStatus<{ id: number }>(staffB.post('/api/v1/groups', groupBody(w.countyB.id)), 201)
      ).id;
      await expectStatus(
        staffB.put(`/api/v1/groups/${groupB}/members`, { members: [{ representativeId: w.repB.id }] }),
        200,
      );

      // Grids: the world's grid has nobody; one has 代表3; one only the suspended 钱暂停; one in county B.
      grids.lonely = w.grid.id;
      grids.covered = (
        await expectStatus<{ id: number }>(staff.post('/api/v1/grids', gridBody(w.townA1.id)), 201)
      ).id;
      await expectStatus(
        staff.post(`/api/v1/grids/${grids.covered}/members`, { representativeId: m[3]! }),
        200,
      );
      grids.suspendedOnly = (
        await expectStatus<{ id: number }>(staff.post('/api/v1/grids', gridBody(w.countyA.id)), 201)
      ).id;
      await expectStatus(
        staff.post(`/api/v1/grids/${grids.suspendedOnly}/members`, { representativeId: w.suspended.id }),
        200,
      );
      grids.countyB = (
        await expectStatus<{ id: number }>(staffB.post('/api/v1/grids', gridBody(w.townB1.id)), 201)
      ).id;

      // A1: the regional group's research, Tuesday 3 March 09:00–11:00 Beijing.
      const first = await activity(staff, {
        typeCode: 'research',
        title: '老旧小区加装电梯专题调研',
        organiser: 'group',
        organiserId: regional,
        startsAt: '2026-03-03T01:00:00.000Z',
        endsAt: '2026-03-03T03:00:00.000Z',
        representativeIds: [rep, other, m[1]!, m[4]!],
      });
      a1 = first.id;
      const code = first.checkinUrl!.split('/').pop()!;
      // A2: a reception day at the station, 10 March.
      const a2 = await activity(staff, {
        typeCode: 'reception',
        title: '三月接待选民日',
        organiser: 'station',
        organiserId: w.station.id,
        startsAt: '2026-03-10T01:00:00.000Z',
        endsAt: '2026-03-10T03:00:00.000Z',
        representativeIds: [rep, m[2]!],
      });
      // A3: the congress's day-long inspection, 7 April; 赵离任 (no longer a member) comes too.
      const a3 = await activity(staff, {
        typeCode: 'inspection',
        title: '河道整治视察',
        organiser: 'congress',
        organiserId: w.congressA.id,
        startsAt: '2026-04-07T01:00:00.000Z',
        endsAt: '2026-04-07T09:00:00.000Z',
        representativeIds: [rep, m[2]!, m[3]!, w.ended.id],
      });
      // A4: cancelled, counts for nothing. A5: still to come in December.
      const a4 = await activity(staff, {
        typeCode: 'group_activity',
        title: '小组学习会',
        organiser: 'group',
        organiserId: regional,
        startsAt: '2026-04-14T01:00:00.000Z',
        endsAt: '2026-04-14T03:00:00.000Z',
        representativeIds: [m[1]!],
      });
      await expectStatus(staff.post(`/api/v1/activities/${a4.id}/cancel`, { reason: '改期' }), 200);
      await activity(staff, {
        typeCode: 'research',
        title: '年终调研',
        organiser: 'congress',
        organiserId: w.congressA.id,
        startsAt: '2026-12-01T01:00:00.000Z',
        endsAt: '2026-12-01T03:00:00.000Z',
        representativeIds: [rep, m[1]!],
      });
      // County B's own activity.
      await activity(staffB, {
        typeCode: 'reception',
        title: '南溪县接待日',
        organiser: 'congress',
        organiserId: w.congressB.id,
        startsAt: '2026-03-10T01:00:00.000Z',
        endsAt: '2026-03-10T03:00:00.000Z',
        representativeIds: [w.repB.id],
      });

      // Leave: 王代表 for A1, 李代表 for A3, both approved.
      await expectStatus(cosigner.post(`/api/v1/activities/${a1}/leave`, { reason: '外出培训' }), 200);
      await expectStatus(
        staff.post(`/api/v1/activities/${a1}/participants/${other}/leave`, { approve: true }),
        200,
      );
      await expectStatus(lead.post(`/api/v1/activities/${a3.id}/leave`, { reason: '出差' }), 200);
      await expectStatus(
        staff.post(`/api/v1/activities/${a3.id}/participants/${rep}/leave`, { approve: true }),
        200,
      );

      // 李代表's registered suggestion, formed at A1; and A1's research report.
      suggestionId = await submittedCase(lead, { congressId: w.congressA.id });
      await registerCase(staff, suggestionId);
      await expectStatus(
        staff.post(`/api/v1/activities/${a1}/outputs`, { kind: 'suggestion', suggestionId }),
        200,
      );
      await expectStatus(
        staff.post(`/api/v1/activities/${a1}/outputs`, { kind: 'report', title: '加装电梯调研报告' }),
        200,
      );

      // A1: 李代表 and 代表1 check in by the QR code; 代表4 never comes.
      at('2026-03-03T01:10:00.000Z');
      await expectStatus(lead.post(`/api/v1/activities/checkin/${code}`), 200);
      await expectStatus(m1.post(`/api/v1/activities/checkin/${code}`), 200);
      // Opinions raised face to face that day: to 李代表 (there) and to 代表4 (absent).
      at('2026-03-03T04:00:00.000Z');
      for (const representativeId of [rep, m[4]!])
        await expectStatus(
          staff.post('/api/v1/opinions', {
            channel: 'visit',
            content: '小区加装电梯费用分摊有争议，希望出台指导意见。',
            representativeId,
            consentPrivacy: true,
            receivedAt: '2026-03-03T02:00:00.000Z',
          }),
          201,
        );

      // A2: recorded by hand — 李代表 present, 代表2 absent.
      at('2026-03-10T02:00:00.000Z');
      for (const [representativeId, attendance] of [
        [rep, 'present'],
        [m[2]!, 'absent'],
      ] as const)
        await expectStatus(
          staff.post(`/api/v1/activities/${a2.id}/attendance`, {
            representativeId,
            attendance,
            reason: '纸质签到表',
          }),
          200,
        );
      // A3: 代表2, 代表3 and 赵离任 present.
      at('2026-04-07T02:00:00.000Z');
      for (const representativeId of [m[2]!, m[3]!, w.ended.id])
        await expectStatus(
          staff.post(`/api/v1/activities/${a3.id}/attendance`, {
            representativeId,
            attendance: 'present',
            reason: '纸质签到表',
          }),
          200,
        );
      // Another opinion to 李代表, on another day: not raised at A1.
      await expectStatus(
        staff.post('/api/v1/opinions', {
          channel: 'reception',
          content: '河道边缺少护栏，存在安全隐患。',
          representativeId: rep,
          consentPrivacy: true,
        }),
        201,
      );
      at('2026-05-01T00:00:00.000Z');
    });
    afterAll(async () => {
      await app.close();
    });

    it('counts the congress’s year by representative, level, type and month, as counted by hand', async () => {
      const d = await expectStatus<PerformanceDashboard>(dashboard(staff, w.congressA.id, '&limit=3'), 200);
      expect(d.congress.id).toBe(w.congressA.id);
      expect(d.scope).toEqual({ id: w.countyA.id, name: w.countyA.name });
      expect(d.ruleSet).toEqual({ id: null, version: 0 });
      // Fourteen members (赵离任's seat ended in 2025); four live activities (A4 cancelled), three over.
      expect(d.totals).toEqual({
        members: 14,
        participating: 4,
        participationRate: 4 / 14,
        activities: 4,
        held: 3,
        attendance: att(9, 5, 2),
        allAttendance: att(10, 6, 2),
      });
      const byId = (rows: { representative: { id: number } }[]) => rows.map((r) => r.representative.id);
      expect(byId(d.byRepresentative.top)).toEqual([rep, m[1], m[3]]);
      expect(d.byRepresentative.top[0]).toEqual({
        representative: { id: rep, name: '李代表' },
        ...att(3, 2, 1),
        upcoming: 1,
      });
      expect(byId(d.byRepresentative.bottom)).toEqual([m[4], other, m[5]]);
      expect(d.byRepresentative.bottom[0]).toMatchObject({ ...att(1, 0, 0), upcoming: 0 });
      expect(d.byRepresentative.neverAttended).toBe(10);
      expect(d.byRepresentative.neverInvited).toBe(8);
      expect(d.byLevel).toEqual([
        {
          level: 'city',
          label: '市人大代表',
          representatives: 1,
          participating: 1,
          attendance: att(2, 1, 0),
        },
        {
          level: 'county',
          label: '县（区）人大代表',
          representatives: 13,
          participating: 3,
          attendance: att(7, 4, 2),
        },
      ]);
      const type = (code: string) => d.byType.find((t) => t.typeCode === code);
      expect(type('research')).toEqual({
        typeCode: 'research',
        label: '调研',
        kind: 'research',
        activities: 2,
        held: 1,
        attendance: att(4, 2, 1),
      });
      expect(type('reception')).toMatchObject({ activities: 1, held: 1, attendance: att(2, 1, 0) });
      expect(type('inspection')).toMatchObject({ activities: 1, held: 1, attendance: att(4, 3, 1) });
      expect(type('group_activity')).toMatchObject({ activities: 0, held: 0, attendance: att(0, 0, 0) });
      expect(d.byMonth.map((x) => x.month)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      );
      expect(d.byMonth.map((x) => x.activities)).toEqual([0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
      expect(d.byMonth[2]).toEqual({ month: '2026-03', activities: 2, held: 2, attendance: att(6, 3, 1) });
      expect(d.byMonth[11]).toEqual({ month: '2026-12', activities: 1, held: 0, attendance: att(0, 0, 0) });
    });

    it('counts groups and stations of the jurisdiction by their members’ attendance and own activities', async () => {
      const d = await expectStatus<PerformanceDashboard>(dashboard(staff, w.congressA.id), 200);
      expect(d.byGroup.map((g) => g.group.id).sort((a, b) => a - b)).toEqual([regional, professional]);
      expect(d.byGroup.find((g) => g.group.id === regional)).toMatchObject({
        kind: 'regional',
        jurisdiction: { id: w.countyA.id },
        members: 3,
        activities: 1,
        held: 1,
        attendance: att(5, 3, 2),
      });
      expect(d.byGroup.find((g) => g.group.id === professional)).toMatchObject({
        kind: 'professional',
        jurisdiction: { id: w.townA1.id },
        members: 2,
        activities: 0,
        held: 0,
        attendance: att(5, 3, 1),
      });
      // The world's active station (its retired point is left out): 李代表 on its roster, A2 its own.
      expect(d.byStation).toEqual([
        expect.objectContaining({
          station: { id: w.station.id, name: w.station.name },
          tier: 'station',
          members: 1,
          activities: 1,
          held: 1,
          attendance: att(3, 2, 1),
        }),
      ]);
    });

    it('lists who has not met each requirement, under the defaults and then under the rules saved', async () => {
      let d = await expectStatus<PerformanceDashboard>(dashboard(staff, w.congressA.id), 200);
      const req = (code: string) => d.requirements.find((r) => r.code === code)!;
      // Defaults: 李代表 led a registered suggestion; 李代表's leave exempts the research requirement;
      // nobody received constituents in January.
      expect(req('suggestion')).toMatchObject({ met: 1, exempt: 0, notMet: 13, listTruncated: false });
      expect(req('suggestion').notMetRepresentatives.map((r) => r.id)).not.toContain(rep);
      expect(req('research')).toMatchObject({ met: 0, exempt: 1, notMet: 13 });
      expect(req('reception')).toMatchObject({ met: 0, exempt: 0, notMet: 14 });

      const rules = {
        ...DEFAULT_RULES,
        requirements: DEFAULT_RULES.requirements.map((q) =>
          q.kind === 'activities' ? { ...q, label: '参加调研、视察活动不少于1次', min: 1 } : q,
        ),
      };
      await expectStatus(
        staff.put('/api/v1/performance/rules', { congressId: w.congressA.id, year: 2026, rules }),
        200,
      );
      d = await expectStatus<PerformanceDashboard>(dashboard(staff, w.congressA.id), 200);
      expect(d.ruleSet.version).toBe(1);
      expect(req('research')).toMatchObject({
        label: '参加调研、视察活动不少于1次',
        met: 4,
        exempt: 1,
        notMet: 9,
      });
      expect(
        req('research')
          .notMetRepresentatives.map((r) => r.id)
          .sort((a, b) => a - b),
      ).toEqual([...m.slice(4), w.suspended.id].sort((a, b) => a - b));
    });

    it('shows county B nothing of county A, and shows the city and A’s leader the same figures', async () => {
      expect((await dashboard(staffB, w.congressA.id)).statusCode).toBe(404);
      const b = await expectStatus<PerformanceDashboard>(dashboard(staffB, w.congressB.id), 200);
      expect(b.totals).toMatchObject({ members: 1, activities: 1, held: 1, attendance: att(1, 0, 0) });
      expect(b.byGroup.map((g) => g.group.id)).toEqual([groupB]);
      expect(b.byStation.map((s) => s.station.id)).toEqual([w.stationB.id]);
      const names = JSON.stringify(b);
      for (const name of ['李代表', '王代表', '代表1', w.station.name]) expect(names).not.toContain(name);

      const mine = await expectStatus<PerformanceDashboard>(dashboard(staff, w.congressA.id), 200);
      for (const who of [w.users.cityStaff, w.s.leaderA]) {
        const seen = await expectStatus<PerformanceDashboard>(dashboard(as(app, who), w.congressA.id), 200);
        expect({ ...seen, generatedAt: '' }).toEqual({ ...mine, generatedAt: '' });
      }
      // A representative reads their own card, not the congress's dashboard; a liaison officer neither.
      expect((await dashboard(as(app, w.s.lead), w.congressA.id)).statusCode).toBe(404);
      expect((await dashboard(as(app, w.people.officerA), w.congressA.id)).statusCode).toBe(403);
      expect((await staff.get('/api/v1/performance/dashboard?congressId=x')).statusCode).toBe(400);
    });

    it('gives a group’s year: members, activities, outputs, opinions raised there, attendance', async () => {
      const g = await expectStatus<GroupPerformance>(
        staff.get(`/api/v1/groups/${regional}/performance?year=2026`),
        200,
      );
      expect(g.group).toMatchObject({ id: regional, kind: 'regional', jurisdiction: { id: w.countyA.id } });
      expect(g.totals).toEqual({
        members: 3,
        activities: 1,
        held: 1,
        suggestions: 1,
        reports: 1,
        opinions: 1,
        attendance: att(4, 2, 1),
        membersAttendance: att(3, 2, 1),
      });
      expect(g.members.map((x) => [x.representative.id, x.role, x.attendance, x.upcoming])).toEqual(
        expect.arrayContaining([
          [rep, 'leader', att(1, 1, 0), 0],
          [other, 'member', att(1, 0, 1), 0],
          [m[1], 'member', att(1, 1, 0), 0],
        ]),
      );
      expect(g.activities).toHaveLength(1);
      const [a] = g.activities;
      expect(a).toMatchObject({
        id: a1,
        typeCode: 'research',
        typeLabel: '调研',
        kind: 'research',
        title: '老旧小区加装电梯专题调研',
        held: true,
        participants: 4,
        attendance: att(4, 2, 1),
      });
      expect(a!.outputs.map((o) => [o.kind, o.suggestion?.id ?? null])).toEqual([
        ['suggestion', suggestionId],
        ['report', null],
      ]);
      expect(a!.outputs[0]!.title).toMatch(/^第\d+号 关于加快老旧小区加装电梯的建议$/);
      expect(a!.outputs[1]!.title).toBe('加装电梯调研报告');
      // Raised face to face with 李代表, who was there — not 代表4's (absent), not 李代表's of another day.
      expect(a!.opinions.map((o) => o.representative)).toEqual([{ id: rep, name: '李代表' }]);

      // Its members see it; others do not, nor does county B; the street's officer sees the street's group.
      expect((await as(app, w.s.lead).get(`/api/v1/groups/${regional}/performance`)).statusCode).toBe(200);
      expect((await as(app, w.s.cosigner).get(`/api/v1/groups/${professional}/performance`)).statusCode).toBe(
        404,
      );
      expect((await staffB.get(`/api/v1/groups/${regional}/performance`)).statusCode).toBe(404);
      expect(
        (await as(app, w.people.officerA).get(`/api/v1/groups/${regional}/performance`)).statusCode,
      ).toBe(404);
      const street = await expectStatus<GroupPerformance>(
        as(app, w.people.officerA).get(`/api/v1/groups/${professional}/performance?year=2026`),
        200,
      );
      expect(street.totals).toMatchObject({ members: 2, activities: 0 });
      // Another year has nothing.
      const before = await expectStatus<GroupPerformance>(
        staff.get(`/api/v1/groups/${regional}/performance?year=2025`),
        200,
      );
      expect(before.totals).toMatchObject({ activities: 0, attendance: att(0, 0, 0) });
    });

    it('lists exactly the grids without a serving representative, in the caller’s scope', async () => {
      const gaps = (c: GridCoverage) => c.gaps.map((g) => g.grid.id).sort((a, b) => a - b);
      const a = await expectStatus<GridCoverage>(staff.get('/api/v1/grids/coverage'), 200);
      expect(a.scope).toEqual({ id: w.countyA.id, name: w.countyA.name });
      expect(a.totals).toEqual({ grids: 3, covered: 1, uncovered: 2, coverageRate: 1 / 3 });
      expect(gaps(a)).toEqual([grids.lonely, grids.suspendedOnly].sort((x, y) => x - y));
      expect(a.gaps.find((g) => g.grid.id === grids.lonely)).toMatchObject({
        jurisdiction: { id: w.townA1.id },
        station: { id: w.station.id, name: w.station.name },
        inactiveMembers: 0,
      });
      expect(a.gaps.find((g) => g.grid.id === grids.suspendedOnly)).toMatchObject({
        jurisdiction: { id: w.countyA.id },
        station: null,
        inactiveMembers: 1,
      });
      expect(a.byJurisdiction).toEqual(
        expect.arrayContaining([
          { jurisdiction: { id: w.townA1.id, name: w.townA1.name }, grids: 2, uncovered: 1 },
          { jurisdiction: { id: w.countyA.id, name: w.countyA.name }, grids: 1, uncovered: 1 },
        ]),
      );

      const b = await expectStatus<GridCoverage>(staffB.get('/api/v1/grids/coverage'), 200);
      expect(b.totals).toEqual({ grids: 1, covered: 0, uncovered: 1, coverageRate: 0 });
      expect(gaps(b)).toEqual([grids.countyB]);
      const city = await expectStatus<GridCoverage>(
        as(app, w.users.cityStaff).get('/api/v1/grids/coverage'),
        200,
      );
      expect(gaps(city)).toEqual([grids.lonely, grids.suspendedOnly, grids.countyB].sort((x, y) => x - y));
      const street = await expectStatus<GridCoverage>(
        staff.get(`/api/v1/grids/coverage?jurisdictionId=${w.townA1.id}`),
        200,
      );
      expect(street.totals).toMatchObject({ grids: 2, uncovered: 1 });
      expect((await staff.get(`/api/v1/grids/coverage?jurisdictionId=${w.countyB.id}`)).statusCode).toBe(404);

      // A serving representative assigned closes the gap.
      await expectStatus(
        staff.post(`/api/v1/grids/${grids.lonely}/members`, { representativeId: m[5]! }),
        200,
      );
      const after = await expectStatus<GridCoverage>(staff.get('/api/v1/grids/coverage'), 200);
      expect(gaps(after)).toEqual([grids.suspendedOnly]);
      expect(after.totals).toMatchObject({ covered: 2, uncovered: 1 });
    });
  },
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
