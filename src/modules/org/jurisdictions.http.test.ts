import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildJurisdiction, buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  auditRows,
  errorsByPath,
  expectStatus,
  gridBody,
  representativeBody,
  snapshotCounts,
  stationBody,
  uniqueCode,
  unitBody,
} from '../../../test/support/org-fixtures.ts';

interface Jurisdiction {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  childCount: number;
}

describeEachDialect('jurisdictions over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let city: Client;
  let staffA: Client;
  let leader: Client;
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    city = await signIn(app, org.users.cityStaff);
    staffA = await signIn(app, org.users.staffA);
    leader = await signIn(app, org.users.leader);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the sub-tree with filters and paging', async () => {
    const all = await expectStatus<{ items: Jurisdiction[]; total: number; pageSize: number }>(
      city.get('/api/v1/jurisdictions'),
      200,
    );
    expect(all.total).toBe(5);
    expect(all.pageSize).toBe(20);
    const cityRow = all.items.find((j) => j.id === org.city.id);
    expect(cityRow).toMatchObject({
      name: '清江市',
      level: 'city',
      parentId: null,
      path: org.city.path,
      childCount: 2,
    });
    const children = await expectStatus<{ items: Jurisdiction[] }>(
      city.get(`/api/v1/jurisdictions?parentId=${org.city.id}`),
      200,
    );
    expect(children.items.map((j) => j.name).sort()).toEqual(['东湖区', '南溪县'].sort());
    const towns = await expectStatus<{ items: Jurisdiction[] }>(
      city.get('/api/v1/jurisdictions?level=township'),
      200,
    );
    expect(towns.items.map((j) => j.id).sort()).toEqual([org.townA1.id, org.townB1.id].sort());
    const q = await expectStatus<{ items: Jurisdiction[] }>(
      city.get(`/api/v1/jurisdictions?q=${encodeURIComponent('溪')}`),
      200,
    );
    expect(q.items.map((j) => j.id).sort()).toEqual([org.countyB.id, org.townB1.id].sort());
    const within = await expectStatus<{ items: Jurisdiction[] }>(
      city.get(`/api/v1/jurisdictions?jurisdictionId=${org.countyA.id}`),
      200,
    );
    expect(within.items.map((j) => j.id).sort()).toEqual([org.countyA.id, org.townA1.id].sort());
    const paged = await expectStatus<{ items: Jurisdiction[]; total: number }>(
      city.get('/api/v1/jurisdictions?pageSize=2&page=3'),
      200,
    );
    expect(paged).toMatchObject({ total: 5 });
    expect(paged.items).toHaveLength(1);
  });

  it('gives the tree in tree order with what each node holds directly', async () => {
    await expectStatus(staffA.post('/api/v1/representatives', representativeBody(org.townA1.id)), 201);
    await expectStatus(staffA.post('/api/v1/representatives', representativeBody(org.townA1.id)), 201);
    await expectStatus(staffA.post('/api/v1/stations', stationBody(org.countyA.id)), 201);
    await expectStatus(staffA.post('/api/v1/grids', gridBody(org.townA1.id)), 201);
    await expectStatus(staffA.post('/api/v1/units', unitBody(org.countyA.id)), 201);
    const tree = await expectStatus<{ nodes: (Jurisdiction & { counts: Record<string, number> })[] }>(
      city.get('/api/v1/jurisdictions/tree'),
      200,
    );
    const ids = tree.nodes.map((n) => n.id);
    expect(ids[0]).toBe(org.city.id);
    expect(ids.indexOf(org.townA1.id)).toBe(ids.indexOf(org.countyA.id) + 1);
    expect(ids.indexOf(org.townB1.id)).toBe(ids.indexOf(org.countyB.id) + 1);
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    expect(byId.get(org.townA1.id)?.counts).toEqual({ representatives: 2, stations: 0, grids: 1, units: 0 });
    expect(byId.get(org.countyA.id)?.counts).toEqual({ representatives: 0, stations: 1, grids: 0, units: 1 });
    expect(byId.get(org.countyB.id)?.counts).toEqual({ representatives: 0, stations: 0, grids: 0, units: 0 });
  });

  it('adds a child one level below its parent, with its materialised path', async () => {
    const code = uniqueCode('J');
    const village = await expectStatus<Jurisdiction>(
      staffA.post('/api/v1/jurisdictions', {
        code,
        name: '湖滨社区',
        level: 'village',
        parentId: org.townA1.id,
      }),
      201,
    );
    expect(village).toMatchObject({
      code,
      level: 'village',
      parentId: org.townA1.id,
      path: `${org.townA1.path}${village.id}/`,
      childCount: 0,
    });
    const parent = await expectStatus<Jurisdiction>(
      staffA.get(`/api/v1/jurisdictions/${org.townA1.id}`),
      200,
    );
    expect(parent.childCount).toBe(1);
    const [audit] = await auditRows(env().ctx, 'jurisdiction.create');
    expect(audit).toMatchObject({ entity_id: String(village.id), detail: { code, level: 'village' } });
    await expectStatus(staffA.delete(`/api/v1/jurisdictions/${village.id}`), 200);
    expect(
      (await expectStatus<Jurisdiction>(staffA.get(`/api/v1/jurisdictions/${org.townA1.id}`), 200))
        .childCount,
    ).toBe(0);
  });

  it('refuses a wrong level, a parent out of scope, a duplicate code and bad text, changing nothing', async () => {
    const before = await snapshotCounts(env().ctx);
    const wrongLevel = await staffA.post('/api/v1/jurisdictions', {
      code: uniqueCode('J'),
      name: '错层',
      level: 'county',
      parentId: org.countyA.id,
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(errorsByPath(wrongLevel.json())['/level']?.zh).toContain('东湖区');
    const outside = await staffA.post('/api/v1/jurisdictions', {
      code: uniqueCode('J'),
      name: '越权',
      level: 'township',
      parentId: org.countyB.id,
    });
    expect(errorsByPath(outside.json())['/parentId']?.zh).toContain('不存在或不在您的管辖范围内');
    const missing = await staffA.post('/api/v1/jurisdictions', {
      code: uniqueCode('J'),
      name: '无上级',
      level: 'township',
      parentId: 999999,
    });
    expect(missing.statusCode).toBe(400);
    const duplicate = await staffA.post('/api/v1/jurisdictions', {
      code: (await expectStatus<Jurisdiction>(staffA.get(`/api/v1/jurisdictions/${org.townA1.id}`), 200))
        .code,
      name: '重复',
      level: 'village',
      parentId: org.townA1.id,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('CONFLICT');
    expect(errorsByPath(duplicate.json())['/code']?.en).toContain('in use');
    const script = await staffA.post('/api/v1/jurisdictions', {
      code: uniqueCode('J'),
      name: '<script>x</script>',
      level: 'village',
      parentId: org.townA1.id,
    });
    expect(errorsByPath(script.json())['/name']?.zh).toContain('不能包含 < >');
    const unknown = await staffA.post('/api/v1/jurisdictions', {
      code: uniqueCode('J'),
      name: '多余',
      level: 'village',
      parentId: org.townA1.id,
      path: '/1/',
    });
    expect(errorsByPath(unknown.json())['/path']?.zh).toContain('不允许的字段');
    const badCode = await staffA.post('/api/v1/jurisdictions', {
      code: '代码 1',
      name: '坏代码',
      level: 'village',
      parentId: org.townA1.id,
    });
    expect(errorsByPath(badCode.json())['/code']).toBeDefined();
    expect(await snapshotCounts(env().ctx)).toEqual(before);
  });

  it('renames and re-orders, refusing a code taken by another', async () => {
    const j = await buildJurisdiction(env().ctx, { name: '旧名', level: 'village', parentId: org.townA1.id });
    const renamed = await expectStatus<Jurisdiction & { sortOrder: number }>(
      staffA.patch(`/api/v1/jurisdictions/${j.id}`, { name: '新名', sortOrder: 3 }),
      200,
    );
    expect(renamed).toMatchObject({ name: '新名', sortOrder: 3 });
    const other = await expectStatus<Jurisdiction>(
      staffA.get(`/api/v1/jurisdictions/${org.countyA.id}`),
      200,
    );
    const clash = await staffA.patch(`/api/v1/jurisdictions/${j.id}`, { code: other.code });
    expect(clash.statusCode).toBe(409);
    const moved = await staffA.patch(`/api/v1/jurisdictions/${j.id}`, { parentId: org.countyA.id });
    expect(moved.statusCode).toBe(400);
    expect((await staffA.patch(`/api/v1/jurisdictions/${org.countyB.id}`, { name: '越权' })).statusCode).toBe(
      404,
    );
  });

  it('deletes only an unused leaf', async () => {
    const parent = await buildJurisdiction(env().ctx, {
      name: '待删社区',
      level: 'village',
      parentId: org.townA1.id,
    });
    const used = await buildJurisdiction(env().ctx, {
      name: '有代表的社区',
      level: 'village',
      parentId: org.townA1.id,
    });
    await expectStatus(staffA.post('/api/v1/representatives', representativeBody(used.id)), 201);
    const withChildren = await staffA.delete(`/api/v1/jurisdictions/${org.townA1.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().code).toBe('IN_USE');
    expect(withChildren.json().messages['zh-CN']).toContain('下级辖区');
    const withRep = await staffA.delete(`/api/v1/jurisdictions/${used.id}`);
    expect(withRep.json().code).toBe('IN_USE');
    expect(withRep.json().messages.en).toContain('1 representatives');
    const withAccounts = await staffA.delete(`/api/v1/jurisdictions/${org.countyA.id}`);
    expect(withAccounts.json().messages['zh-CN']).toContain('账号');
    await expectStatus(staffA.delete(`/api/v1/jurisdictions/${parent.id}`), 200);
    expect((await staffA.get(`/api/v1/jurisdictions/${parent.id}`)).statusCode).toBe(404);
    const [audit] = await auditRows(env().ctx, 'jurisdiction.delete');
    expect(audit).toMatchObject({ entity_id: String(parent.id), jurisdiction_id: org.townA1.id });
  });

  it('lets readers read but not write', async () => {
    expect((await leader.get('/api/v1/jurisdictions/tree')).statusCode).toBe(200);
    expect(
      (
        await leader.post('/api/v1/jurisdictions', {
          code: uniqueCode('J'),
          name: '读者',
          level: 'village',
          parentId: org.townA1.id,
        })
      ).statusCode,
    ).toBe(403);
    expect((await leader.delete(`/api/v1/jurisdictions/${org.townA1.id}`)).statusCode).toBe(403);
  });
});
