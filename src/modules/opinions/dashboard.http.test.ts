/**
 * The dashboard and the ledger summaries over a small world (a city, county A with a township,
 * county B), with opinion_stats rows written directly and every figure checked against numbers
 * worked out by hand in the comments.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, Client, signIn } from '../../../test/support/http.ts';
import { insertStation, insertUnit } from '../../../test/support/import-fixtures.ts';
import { expectStatus, uniqueCode } from '../../../test/support/org-fixtures.ts';
import type { AppContext } from '../../platform/context.ts';
import type { StatsCounter } from './opinions.kpi.ts';
import { insertGroupWorld, type GroupWorld } from '../../../test/support/dashboard-fixtures.ts';

type Counts = Partial<Record<StatsCounter, number>>;

interface Kpi {
  counts: Record<StatsCounter, number>;
  responseRate: number | null;
  onTimeRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  responsePending: number;
}
interface Ref {
  id: number;
  name: string;
}
interface DashboardBody {
  scope: Ref;
  from: string;
  to: string;
  total: Kpi;
  byMonth: { month: string; kpis: Kpi }[];
  byJurisdiction: { jurisdiction: Ref; kpis: Kpi }[];
  byUnit: { unit: Ref; kpis: Kpi }[];
  byCategory: { categoryCode: string; kpis: Kpi }[];
  byStation: { station: Ref; kpis: Kpi }[];
  generatedAt: string;
}
interface LedgerBody {
  groupBy: string;
  rows: { key: Ref & { code?: string }; kpis: Kpi }[];
  total: Kpi;
}

async function insertStats(
  ctx: AppContext,
  key: { month: string; jurisdictionId: number; stationId?: number; unitId?: number; category?: string },
  counts: Counts,
): Promise<void> {
  await ctx.database.db
    .insertInto('opinion_stats')
    .values({
      month: key.month,
      jurisdiction_id: key.jurisdictionId,
      station_id: key.stationId ?? 0,
      unit_id: key.unitId ?? 0,
      category_code: key.category ?? '',
      ...counts,
    })
    .execute();
}

const collected = (rows: { kpis: Kpi }[]) => rows.map((r) => r.kpis.counts.collected);

describeEachDialect('opinion dashboard and ledger summaries', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let staffB: Client;
  let city: Client;
  let leader: Client;
  let ids: { SA: number; SB: number; UA1: number; UA2: number; UB: number; UC: number };
  let groups: GroupWorld;

  beforeAll(async () => {
    const { ctx } = env();
    org = await buildOrgFixture(ctx);
    ids = {
      SA: await insertStation(ctx, { code: uniqueCode('SA'), jurisdictionId: org.townA1.id }),
      SB: await insertStation(ctx, { code: uniqueCode('SB'), jurisdictionId: org.townB1.id }),
      UA1: await insertUnit(ctx, { code: uniqueCode('UA1'), jurisdictionId: org.countyA.id }),
      UA2: await insertUnit(ctx, { code: uniqueCode('UA2'), jurisdictionId: org.countyA.id }),
      UB: await insertUnit(ctx, { code: uniqueCode('UB'), jurisdictionId: org.countyB.id }),
      UC: await insertUnit(ctx, { code: uniqueCode('UC'), jurisdictionId: org.city.id }),
    };
    // A1: January, township A1, station SA, unit UA1, 交通出行.
    await insertStats(
      ctx,
      {
        month: '2026-01',
        jurisdictionId: org.townA1.id,
        stationId: ids.SA,
        unitId: ids.UA1,
        category: 'transport',
      },
      {
        collected: 10,
        valid: 9,
        handled: 8,
        responded: 8,
        responded_on_time: 6,
        response_overdue: 1,
        replied: 6,
        replied_on_time: 5,
        solved: 3,
        partially_solved: 2,
        explained: 1,
        rated: 5,
        satisfied: 2,
        basically_satisfied: 2,
        unsatisfied: 1,
        awaiting_feedback: 1,
        rehandled: 1,
        overdue_open: 1,
      },
    );
    // A2: February, county A itself (no station), unit UA2, 城乡建设与住房.
    await insertStats(
      ctx,
      { month: '2026-02', jurisdictionId: org.countyA.id, unitId: ids.UA2, category: 'housing' },
      {
        collected: 4,
        valid: 4,
        handled: 2,
        responded: 3,
        responded_on_time: 3,
        replied: 2,
        replied_on_time: 1,
        solved: 1,
        explained: 1,
        rated: 2,
        satisfied: 1,
        unsatisfied: 1,
        closed_unrated: 1,
      },
    );
    // A3: February, township A1, station SA, not yet assigned nor categorised, nothing rated.
    await insertStats(
      ctx,
      { month: '2026-02', jurisdictionId: org.townA1.id, stationId: ids.SA },
      { collected: 3, valid: 2 },
    );
    // A4: March 2025, outside the default twelve months.
    await insertStats(
      ctx,
      {
        month: '2025-03',
        jurisdictionId: org.townA1.id,
        stationId: ids.SA,
        unitId: ids.UA1,
        category: 'transport',
      },
      { collected: 100, valid: 100, rated: 50, satisfied: 50 },
    );
    // B1: county B, which county A must never see.
    await insertStats(
      ctx,
      {
        month: '2026-01',
        jurisdictionId: org.townB1.id,
        stationId: ids.SB,
        unitId: ids.UB,
        category: 'transport',
      },
      { collected: 7, valid: 7, replied: 7, solved: 7, rated: 7, satisfied: 7 },
    );
    // C1: the city itself.
    await insertStats(
      ctx,
      { month: '2026-02', jurisdictionId: org.city.id, unitId: ids.UC, category: 'environment' },
      { collected: 5, valid: 5 },
    );
    groups = await insertGroupWorld(ctx, org);
    app = await buildTestApp(ctx);
    staffA = await signIn(app, org.users.staffA);
    staffB = await signIn(app, org.users.staffB);
    city = await signIn(app, org.users.cityStaff);
    leader = await signIn(app, org.users.leader);
  });
  afterAll(async () => {
    await app.close();
  });

  const dashboard = (client: Client, query = '') =>
    expectStatus<DashboardBody>(client.get(`/api/v1/dashboard/opinions${query ? `?${query}` : ''}`), 200);
  const ledger = (client: Client, query: string) =>
    expectStatus<LedgerBody>(client.get(`/api/v1/opinions/ledger-summary?${query}`), 200);

  it('sums county A’s rows over the last twelve months and derives every rate by hand', async () => {
    const d = await dashboard(staffA);
    expect(d.scope).toEqual({ id: org.countyA.id, name: org.countyA.name });
    // Now is 2026-03-02 in Beijing: April 2025 to March 2026.
    expect([d.from, d.to]).toEqual(['2025-04', '2026-03']);
    // A1 + A2 + A3 (A4 is older, B1 and C1 are not county A's).
    expect(d.total.counts).toEqual({
      collected: 17,
      valid: 15,
      handled: 10,
      responded: 11,
      responded_on_time: 9,
      response_overdue: 1,
      replied: 8,
      replied_on_time: 6,
      solved: 4,
      partially_solved: 2,
      explained: 2,
      rated: 7,
      satisfied: 3,
      basically_satisfied: 2,
      unsatisfied: 2,
      awaiting_feedback: 1,
      closed_unrated: 1,
      rehandled: 1,
      overdue_open: 1,
    });
    // 响应率 9 / (11 + 1); 按时办结率 6 / 8; 解决率 4 / 8; 满意率 (3 + 0.9 × 2) / 7; pending 17 − 11 − 1.
    expect(d.total.responseRate).toBeCloseTo(0.75, 12);
    expect(d.total.onTimeRate).toBeCloseTo(0.75, 12);
    expect(d.total.resolutionRate).toBeCloseTo(0.5, 12);
    expect(d.total.satisfactionRate).toBeCloseTo(4.8 / 7, 12);
    expect(d.total.responsePending).toBe(5);
    expect(d.generatedAt).toBe(env().clock.now().toISOString());
  });

  it('lists every month of the range, empty months as zeros with no rates', async () => {
    const d = await dashboard(staffA);
    expect(d.byMonth.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const month = (m: string) => d.byMonth.find((x) => x.month === m)!.kpis;
    expect(month('2026-01').counts.collected).toBe(10);
    // January: (2 + 0.9 × 2) / 5.
    expect(month('2026-01').satisfactionRate).toBeCloseTo(3.8 / 5, 12);
    // February: A2 + A3 = 7 collected; 1 satisfied of 2 rated; A3's unrated items do not count.
    expect(month('2026-02').counts.collected).toBe(7);
    expect(month('2026-02').satisfactionRate).toBe(0.5);
    expect(month('2025-12')).toMatchObject({
      responseRate: null,
      onTimeRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      responsePending: 0,
    });
    expect(month('2025-12').counts.collected).toBe(0);
  });

  it('breaks the scope down by child jurisdiction, units, categories and stations', async () => {
    const d = await dashboard(staffA);
    // County A's own rows (A2) first as 本级, then township A1 (A1 + A3).
    expect(d.byJurisdiction.map((j) => [j.jurisdiction, j.kpis.counts.collected])).toEqual([
      [{ id: org.countyA.id, name: `${org.countyA.name}（本级）` }, 4],
      [{ id: org.townA1.id, name: org.townA1.name }, 13],
    ]);
    // Units and stations: real ones only, most collected first (A3's unassigned items are not a unit).
    expect(d.byUnit.map((u) => u.unit.id)).toEqual([ids.UA1, ids.UA2]);
    expect(collected(d.byUnit)).toEqual([10, 4]);
    expect(d.byUnit[0]!.unit.name).toMatch(/UA1.*单位/);
    expect(d.byStation.map((s) => [s.station.id, s.kpis.counts.collected])).toEqual([[ids.SA, 13]]);
    expect(d.byCategory.map((c) => [c.categoryCode, c.kpis.counts.collected])).toEqual([
      ['transport', 10],
      ['housing', 4],
      ['', 3],
    ]);
    // 城乡建设与住房: 1 satisfied, 1 unsatisfied.
    expect(d.byCategory[1]!.kpis.satisfactionRate).toBe(0.5);
    expect(d.byCategory[2]!.kpis.satisfactionRate).toBeNull();
  });

  it('shows the city its counties, its own rows and everything beneath it', async () => {
    const d = await dashboard(city);
    expect(d.scope.id).toBe(org.city.id);
    // 17 (county A) + 7 (county B) + 5 (the city's own).
    expect(d.total.counts.collected).toBe(29);
    const byId = new Map(d.byJurisdiction.map((j) => [j.jurisdiction.id, j]));
    expect(byId.get(org.city.id)?.jurisdiction.name).toBe(`${org.city.name}（本级）`);
    expect(byId.get(org.city.id)?.kpis.counts.collected).toBe(5);
    expect(byId.get(org.countyA.id)?.kpis.counts.collected).toBe(17);
    expect(byId.get(org.countyB.id)?.kpis.counts.collected).toBe(7);
    expect(byId.get(org.countyB.id)?.kpis.satisfactionRate).toBe(1);
    expect(d.byJurisdiction).toHaveLength(3);
    expect(collected(d.byUnit)).toEqual([10, 7, 5, 4]);
    // The leader (city level) sees the same.
    expect((await dashboard(leader)).total.counts.collected).toBe(29);
    // A jurisdiction chosen inside the scope: the city looking at county A sees what county A sees.
    const a = await dashboard(city, `jurisdictionId=${org.countyA.id}`);
    const own = await dashboard(staffA);
    expect(a.scope).toEqual(own.scope);
    expect(a.total).toEqual(own.total);
    expect(a.byJurisdiction).toEqual(own.byJurisdiction);
  });

  it('never shows county A county B’s numbers', async () => {
    const mine = await dashboard(staffA);
    expect(mine.byUnit.map((u) => u.unit.id)).not.toContain(ids.UB);
    expect(mine.byStation.map((s) => s.station.id)).not.toContain(ids.SB);
    expect(mine.byJurisdiction.map((j) => j.jurisdiction.id)).not.toContain(org.countyB.id);
    for (const url of [
      `/api/v1/dashboard/opinions?jurisdictionId=${org.countyB.id}`,
      `/api/v1/dashboard/opinions?jurisdictionId=${org.townB1.id}`,
      `/api/v1/dashboard/opinions?jurisdictionId=${org.city.id}`,
      `/api/v1/opinions/ledger-summary?groupBy=unit&jurisdictionId=${org.countyB.id}`,
    ]) {
      const res = await staffA.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // Filtering by county B's unit or station from county A finds nothing.
    for (const q of [`unitId=${ids.UB}`, `stationId=${ids.SB}`]) {
      const d = await dashboard(staffA, q);
      expect(d.total.counts.collected, q).toBe(0);
      expect(d.byUnit, q).toEqual([]);
    }
    // And county B sees only its own.
    const b = await dashboard(staffB);
    expect(b.total.counts.collected).toBe(7);
    expect(b.byUnit.map((u) => u.unit.id)).toEqual([ids.UB]);
  });

  it('narrows to a township, a unit, a station or a category', async () => {
    const town = await dashboard(staffA, `jurisdictionId=${org.townA1.id}`);
    expect(town.scope.id).toBe(org.townA1.id);
    expect(town.total.counts.collected).toBe(13);
    // A township without children: its own rows only.
    expect(town.byJurisdiction.map((j) => [j.jurisdiction.id, j.kpis.counts.collected])).toEqual([
      [org.townA1.id, 13],
    ]);
    expect((await dashboard(staffA, `unitId=${ids.UA1}`)).total.counts.collected).toBe(10);
    expect((await dashboard(staffA, `stationId=${ids.SA}`)).total.counts.collected).toBe(13);
    const cat = await dashboard(staffA, 'categoryCode=housing');
    expect(cat.total.counts.collected).toBe(4);
    expect(cat.byCategory.map((c) => c.categoryCode)).toEqual(['housing']);
  });

  it('takes a range of months', async () => {
    const longer = await dashboard(staffA, 'from=2025-03&to=2026-03');
    expect(longer.byMonth).toHaveLength(13);
    // A4 joins: 17 + 100 collected; satisfaction (3 + 50 + 0.9 × 2) / (7 + 50).
    expect(longer.total.counts.collected).toBe(117);
    expect(longer.total.satisfactionRate).toBeCloseTo(54.8 / 57, 12);
    const feb = await dashboard(staffA, 'from=2026-02&to=2026-02');
    expect(feb.byMonth.map((m) => m.month)).toEqual(['2026-02']);
    expect(feb.total.counts.collected).toBe(7);
    // Only `to`: the twelve months before it.
    const toJan = await dashboard(staffA, 'to=2026-01');
    expect([toJan.from, toJan.to]).toEqual(['2025-02', '2026-01']);
    expect(toJan.total.counts.collected).toBe(110);
    for (const q of [
      'from=2026-03&to=2026-01',
      'from=2016-01&to=2026-03',
      'from=2026-13',
      'to=2026-1',
      'unitId=0',
      'x=1',
    ]) {
      const res = await staffA.get(`/api/v1/dashboard/opinions?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code, q).toBe('VALIDATION_FAILED');
    }
  });

  it('summarises the ledger by station, unit, category and jurisdiction, rows adding up to the total', async () => {
    const byStation = await ledger(staffA, 'groupBy=station');
    expect(byStation.groupBy).toBe('station');
    expect(byStation.rows.map((r) => [r.key.id, r.kpis.counts.collected])).toEqual([
      [ids.SA, 13],
      [0, 4],
    ]);
    expect(byStation.rows[1]!.key.name).toBe('未关联联络站');
    expect(byStation.total.counts.collected).toBe(17);
    expect(byStation.total.satisfactionRate).toBeCloseTo(4.8 / 7, 12);

    const byUnit = await ledger(staffA, 'groupBy=unit');
    expect(byUnit.rows.map((r) => [r.key.id, r.kpis.counts.collected])).toEqual([
      [ids.UA1, 10],
      [ids.UA2, 4],
      [0, 3],
    ]);
    expect(byUnit.rows[2]!.key.name).toBe('未交办');
    // UA1: 5 of 6 replies on time; 3 of 6 solved.
    expect(byUnit.rows[0]!.kpis.onTimeRate).toBeCloseTo(5 / 6, 12);
    expect(byUnit.rows[0]!.kpis.resolutionRate).toBe(0.5);

    const byCategory = await ledger(staffA, 'groupBy=category');
    expect(byCategory.rows.map((r) => r.key)).toEqual([
      { id: 2, name: '交通出行', code: 'transport' },
      { id: 1, name: '城乡建设与住房', code: 'housing' },
      { id: 0, name: '未分类', code: '' },
    ]);
    expect(collected(byCategory.rows)).toEqual([10, 4, 3]);

    const byJurisdiction = await ledger(staffA, 'groupBy=jurisdiction');
    expect(byJurisdiction.rows.map((r) => [r.key.id, r.kpis.counts.collected])).toEqual([
      [org.countyA.id, 4],
      [org.townA1.id, 13],
    ]);

    for (const summary of [byStation, byUnit, byCategory, byJurisdiction]) {
      expect(collected(summary.rows).reduce((a, b) => a + b, 0)).toBe(17);
      expect(summary.total).toEqual(byStation.total);
    }
    // Filters and months apply as on the dashboard.
    const feb = await ledger(staffA, 'groupBy=unit&from=2026-02&to=2026-02');
    expect(feb.rows.map((r) => [r.key.id, r.kpis.counts.collected])).toEqual([
      [ids.UA2, 4],
      [0, 3],
    ]);
  });

  it('summarises by representative group from the opinions: each group’s members’ opinions, only the scope’s groups', async () => {
    const a = await ledger(staffA, 'groupBy=group');
    // GA (R1, R2): o1, o2, o3; GA2 (R1): o1, o3. GB is county B's, GC the city's: not listed.
    expect(a.rows.map((r) => [r.key, r.kpis.counts.collected])).toEqual([
      [{ id: groups.GA, name: groups.names.GA }, 3],
      [{ id: groups.GA2, name: groups.names.GA2 }, 2],
    ]);
    const ga = a.rows[0]!.kpis;
    // o3 was rejected (not valid); o1 and o2 were replied, o1 solved and rated 满意.
    expect(ga.counts).toMatchObject({
      valid: 2,
      handled: 3,
      replied: 2,
      solved: 1,
      rated: 1,
      satisfied: 1,
      awaiting_feedback: 1,
    });
    expect(ga.satisfactionRate).toBe(1);
    expect(ga.resolutionRate).toBe(0.5);
    // The total is the scope's, from the statistics, whatever the grouping.
    expect(a.total.counts.collected).toBe(17);

    const all = await ledger(city, 'groupBy=group');
    expect(all.rows.map((r) => [r.key.id, r.kpis.counts.collected])).toEqual([
      [groups.GA, 3],
      [groups.GA2, 2],
      [groups.GC, 2],
      [groups.GB, 1],
    ]);
    // The months apply: o6 (January 2025) counts only when asked for.
    const older = await ledger(staffA, 'groupBy=group&from=2025-01&to=2026-03');
    expect(older.rows.map((r) => [r.key.id, r.kpis.counts.collected])).toEqual([
      [groups.GA, 4],
      [groups.GA2, 3],
    ]);
    const b = await ledger(staffB, 'groupBy=group');
    expect(b.rows.map((r) => r.key.id)).toEqual([groups.GB]);
  });

  it('refuses an unknown grouping and callers without dashboard.read', async () => {
    for (const q of ['groupBy=representative', '']) {
      const res = await staffA.get(`/api/v1/opinions/ledger-summary?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    const { ctx } = env();
    for (const roles of [['representative'], ['unit_staff'], ['sys_admin']] as const) {
      const user = await buildUser(ctx, { roles: [...roles], jurisdictionId: org.countyA.id });
      const client = await signIn(app, user);
      expect((await client.get('/api/v1/dashboard/opinions')).statusCode, roles[0]).toBe(403);
      expect((await client.get('/api/v1/opinions/ledger-summary?groupBy=unit')).statusCode, roles[0]).toBe(
        403,
      );
    }
    const officer = await signIn(
      app,
      await buildUser(ctx, { roles: ['liaison_officer'], jurisdictionId: org.townA1.id }),
    );
    expect((await dashboard(officer)).total.counts.collected).toBe(13);
    const anonymous = await new Client(app).start();
    expect((await anonymous.get('/api/v1/dashboard/opinions')).statusCode).toBe(401);
  });
});
