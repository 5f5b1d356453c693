import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  auditRows,
  errorsByPath,
  expectStatus,
  gridBody,
  representativeBody,
  snapshotCounts,
  stationBody,
} from '../../../test/support/org-fixtures.ts';

interface Grid {
  id: number;
  code: string;
  name: string;
  station: { id: number; name: string } | null;
  memberCount: number;
  description: string | null;
  members: { representativeId: number; name: string }[];
}

describeEachDialect('grids over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let station = 0;
  const reps: number[] = [];
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    staffA = await signIn(app, org.users.staffA);
    station = (
      await expectStatus<{ id: number }>(
        staffA.post('/api/v1/stations', stationBody(org.townA1.id, { name: '湖滨联络站' })),
        201,
      )
    ).id;
    for (const name of ['网格甲', '网格乙'])
      reps.push(
        (
          await expectStatus<{ id: number }>(
            staffA.post('/api/v1/representatives', representativeBody(org.townA1.id, { name })),
            201,
          )
        ).id,
      );
  });
  afterAll(async () => {
    await app.close();
  });

  const create = (overrides: Record<string, unknown> = {}) =>
    expectStatus<Grid>(staffA.post('/api/v1/grids', gridBody(org.townA1.id, overrides)), 201);

  it('creates, reads, edits and deletes a grid linked to a station', async () => {
    const g = await create({ stationId: station, description: '湖滨路以东\n含 3 个小区' });
    expect(g).toMatchObject({
      station: { id: station, name: '湖滨联络站' },
      memberCount: 0,
      members: [],
      description: '湖滨路以东\n含 3 个小区',
      jurisdiction: { id: org.townA1.id },
    });
    const edited = await expectStatus<Grid>(
      staffA.patch(`/api/v1/grids/${g.id}`, { name: '湖滨二网格', stationId: null }),
      200,
    );
    expect(edited).toMatchObject({ name: '湖滨二网格', station: null });
    await expectStatus(staffA.put(`/api/v1/grids/${g.id}/members`, { representativeIds: [reps[0]] }), 200);
    await expectStatus(staffA.delete(`/api/v1/grids/${g.id}`), 200);
    expect((await staffA.get(`/api/v1/grids/${g.id}`)).statusCode).toBe(404);
    const [audit] = await auditRows(env().ctx, 'grid.delete');
    expect(audit?.detail).toMatchObject({ code: g.code, members: [reps[0]] });
  });

  it('lists by station and finds the grids no representative covers', async () => {
    const covered = await create({ stationId: station });
    const uncovered = await create({ stationId: station });
    await expectStatus(staffA.put(`/api/v1/grids/${covered.id}/members`, { representativeIds: reps }), 200);
    const byStation = await expectStatus<{ items: Grid[] }>(
      staffA.get(`/api/v1/grids?stationId=${station}&pageSize=200`),
      200,
    );
    expect(byStation.items.map((x) => x.id)).toEqual(expect.arrayContaining([covered.id, uncovered.id]));
    expect(byStation.items.find((x) => x.id === covered.id)?.memberCount).toBe(2);
    const gaps = await expectStatus<{ items: Grid[] }>(
      staffA.get('/api/v1/grids?uncovered=true&pageSize=200'),
      200,
    );
    expect(gaps.items.map((x) => x.id)).toContain(uncovered.id);
    expect(gaps.items.map((x) => x.id)).not.toContain(covered.id);
    const coveredOnly = await expectStatus<{ items: Grid[] }>(
      staffA.get('/api/v1/grids?uncovered=false&pageSize=200'),
      200,
    );
    expect(coveredOnly.items.map((x) => x.id)).toEqual([covered.id]);
    const byRep = await expectStatus<{ items: { id: number }[] }>(
      staffA.get(`/api/v1/representatives?gridId=${covered.id}`),
      200,
    );
    expect(byRep.items.map((r) => r.id).sort()).toEqual([...reps].sort());
  });

  it('adds and removes one representative', async () => {
    const g = await create();
    const added = await expectStatus<Grid>(
      staffA.post(`/api/v1/grids/${g.id}/members`, { representativeId: reps[1] }),
      200,
    );
    expect(added.members).toEqual([expect.objectContaining({ representativeId: reps[1], name: '网格乙' })]);
    const rep = await expectStatus<{ grids: { id: number; name: string }[] }>(
      staffA.get(`/api/v1/representatives/${reps[1]}`),
      200,
    );
    expect(rep.grids.map((x) => x.id)).toContain(g.id);
    const removed = await expectStatus<Grid>(staffA.delete(`/api/v1/grids/${g.id}/members/${reps[1]}`), 200);
    expect(removed.memberCount).toBe(0);
    const [audit] = await auditRows(env().ctx, 'grid.members');
    expect(audit).toMatchObject({
      entity_type: 'grid',
      entity_id: String(g.id),
      detail: { removed: reps[1] },
    });
  });

  it('refuses bad bodies and references, changing nothing', async () => {
    const existing = await create();
    const before = await snapshotCounts(env().ctx);
    for (const [body, path, status] of [
      [gridBody(org.townA1.id, { stationId: 999999 }), '/stationId', 400],
      [gridBody(org.countyB.id), '/jurisdictionId', 400],
      [gridBody(org.townA1.id, { name: '' }), '/name', 400],
      [gridBody(org.townA1.id, { description: '<b>粗体</b>' }), '/description', 400],
      [gridBody(org.townA1.id, { code: existing.code }), '/code', 409],
      [gridBody(org.townA1.id, { owner: 1 }), '/owner', 400],
    ] as const) {
      const res = await staffA.post('/api/v1/grids', body);
      expect(res.statusCode, path).toBe(status);
      expect(Object.keys(errorsByPath(res.json())), path).toContain(path);
    }
    const members = await staffA.put(`/api/v1/grids/${existing.id}/members`, { representativeIds: ['x'] });
    expect(members.statusCode).toBe(400);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
  });
});
