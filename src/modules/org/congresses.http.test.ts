import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  auditRows,
  errorsByPath,
  expectStatus,
  representativeBody,
  snapshotCounts,
  uniqueCode,
} from '../../../test/support/org-fixtures.ts';

interface Congress {
  id: number;
  code: string;
  name: string;
  level: string;
  termNumber: number;
  jurisdiction: { id: number; name: string } | null;
  seatCount: number;
}

describeEachDialect('congresses and categories over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let city: Client;
  let staffA: Client;
  let staffB: Client;
  let leader: Client;
  const body = (overrides: Record<string, unknown>) => ({
    code: uniqueCode('C'),
    name: '东湖区第九届人民代表大会',
    level: 'county',
    termNumber: 9,
    jurisdictionId: org.countyA.id,
    ...overrides,
  });
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    city = await signIn(app, org.users.cityStaff);
    staffA = await signIn(app, org.users.staffA);
    staffB = await signIn(app, org.users.staffB);
    leader = await signIn(app, org.users.leader);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the twelve level-1 categories of the taxonomy', async () => {
    const categories = await expectStatus<
      { code: string; nameZh: string; nameEn: string; level: number; parentCode: string | null }[]
    >(leader.get('/api/v1/categories'), 200);
    expect(categories).toHaveLength(12);
    expect(categories.map((c) => c.nameZh)).toEqual([
      '城乡建设与住房',
      '交通出行',
      '生态环境',
      '教育',
      '医疗卫生',
      '社会保障与就业',
      '营商环境与企业服务',
      '农业农村',
      '城市管理',
      '公共安全',
      '民政与养老',
      '水电气与公用事业',
    ]);
    expect(categories[1]).toEqual({
      code: 'transport',
      parentCode: null,
      level: 1,
      nameZh: '交通出行',
      nameEn: 'Transport',
    });
  });

  it('creates congresses tied to a jurisdiction in scope, and shows them to every reader', async () => {
    const county = await expectStatus<Congress>(
      staffA.post('/api/v1/congresses', body({ termStart: '2021-12-01', termEnd: '2026-11-30' })),
      201,
    );
    expect(county).toMatchObject({
      level: 'county',
      termNumber: 9,
      jurisdiction: { id: org.countyA.id, name: '东湖区' },
      termStart: '2021-12-01',
      termEnd: '2026-11-30',
      seatCount: 0,
    });
    const seenByB = await expectStatus<Congress[]>(staffB.get('/api/v1/congresses'), 200);
    expect(seenByB.map((c) => c.id)).toContain(county.id);
    expect((await expectStatus<Congress>(leader.get(`/api/v1/congresses/${county.id}`), 200)).name).toBe(
      county.name,
    );
    const [audit] = await auditRows(env().ctx, 'congress.create');
    expect(audit).toMatchObject({ entity_id: String(county.id), jurisdiction_id: org.countyA.id });
  });

  it('lets only a root user write a congress tied to no jurisdiction', async () => {
    const before = await snapshotCounts(env().ctx);
    const refused = await staffA.post(
      '/api/v1/congresses',
      body({ name: '全国人民代表大会', level: 'national', termNumber: 14, jurisdictionId: null }),
    );
    expect(refused.statusCode).toBe(403);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
    const national = await expectStatus<Congress>(
      city.post(
        '/api/v1/congresses',
        body({ name: '全国人民代表大会', level: 'national', termNumber: 14, jurisdictionId: null }),
      ),
      201,
    );
    expect(national.jurisdiction).toBeNull();
    expect((await staffA.patch(`/api/v1/congresses/${national.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await staffA.delete(`/api/v1/congresses/${national.id}`)).statusCode).toBe(403);
    const list = await expectStatus<Congress[]>(staffA.get('/api/v1/congresses'), 200);
    expect(list[0]?.level).toBe('national');
  });

  it('refuses a jurisdiction out of scope or of the wrong level, and a term ending before it starts', async () => {
    const before = await snapshotCounts(env().ctx);
    const outside = await staffA.post('/api/v1/congresses', body({ jurisdictionId: org.countyB.id }));
    expect(errorsByPath(outside.json())['/jurisdictionId']?.zh).toContain('不存在或不在您的管辖范围内');
    const wrongLevel = await city.post('/api/v1/congresses', body({ level: 'city' }));
    expect(wrongLevel.statusCode).toBe(400);
    expect(errorsByPath(wrongLevel.json())['/jurisdictionId']?.zh).toContain('市');
    const nationalWithJurisdiction = await city.post(
      '/api/v1/congresses',
      body({ level: 'national', jurisdictionId: org.city.id }),
    );
    expect(nationalWithJurisdiction.statusCode).toBe(400);
    const term = await staffA.post(
      '/api/v1/congresses',
      body({ termStart: '2026-01-01', termEnd: '2025-01-01' }),
    );
    expect(Object.keys(errorsByPath(term.json()))).toEqual(['/termEnd']);
    const badDate = await staffA.post('/api/v1/congresses', body({ termStart: '2026-13-01' }));
    expect(badDate.statusCode).toBe(400);
    expect(errorsByPath(badDate.json())['/termStart']).toBeDefined();
    const missing = await staffA.post('/api/v1/congresses', {
      code: uniqueCode('C'),
      name: '缺少字段',
      level: 'county',
      termNumber: 9,
    });
    expect(errorsByPath(missing.json())['/jurisdictionId']?.zh).toContain('缺少必填项');
    const taken = await expectStatus<Congress>(staffA.post('/api/v1/congresses', body({})), 201);
    const afterOne = await snapshotCounts(env().ctx);
    const duplicate = await staffA.post('/api/v1/congresses', body({ code: taken.code }));
    expect(duplicate.statusCode).toBe(409);
    expect(errorsByPath(duplicate.json())['/code']?.zh).toContain('已被使用');
    expect(await snapshotCounts(env().ctx)).toEqual(afterOne);
    expect(afterOne.congress).toBe(before.congress + 1);
  });

  it('filters by level and by current term', async () => {
    const past = await expectStatus<Congress>(
      staffA.post(
        '/api/v1/congresses',
        body({ termNumber: 8, termStart: '2016-12-01', termEnd: '2021-11-30' }),
      ),
      201,
    );
    const current = await expectStatus<Congress>(
      staffA.post(
        '/api/v1/congresses',
        body({ termNumber: 9, termStart: '2021-12-01', termEnd: '2026-11-30' }),
      ),
      201,
    );
    const ids = (
      await expectStatus<Congress[]>(staffA.get('/api/v1/congresses?level=county&current=true'), 200)
    ).map((c) => c.id);
    expect(ids).toContain(current.id);
    expect(ids).not.toContain(past.id);
    const all = (await expectStatus<Congress[]>(staffA.get('/api/v1/congresses?level=county'), 200)).map(
      (c) => c.id,
    );
    expect(all).toEqual(expect.arrayContaining([past.id, current.id]));
    expect(
      (await expectStatus<Congress[]>(staffA.get('/api/v1/congresses?level=township'), 200)).every(
        (c) => c.level === 'township',
      ),
    ).toBe(true);
  });

  it('edits, and deletes only a congress without seats', async () => {
    const c = await expectStatus<Congress>(staffA.post('/api/v1/congresses', body({})), 201);
    const edited = await expectStatus<Congress>(
      staffA.patch(`/api/v1/congresses/${c.id}`, { name: '东湖区第十届人民代表大会', termNumber: 10 }),
      200,
    );
    expect(edited).toMatchObject({ name: '东湖区第十届人民代表大会', termNumber: 10 });
    await expectStatus(
      staffA.post(
        '/api/v1/representatives',
        representativeBody(org.countyA.id, { seats: [{ congressId: c.id }] }),
      ),
      201,
    );
    expect((await expectStatus<Congress>(staffA.get(`/api/v1/congresses/${c.id}`), 200)).seatCount).toBe(1);
    const refused = await staffA.delete(`/api/v1/congresses/${c.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('IN_USE');
    const empty = await expectStatus<Congress>(staffA.post('/api/v1/congresses', body({})), 201);
    await expectStatus(staffA.delete(`/api/v1/congresses/${empty.id}`), 200);
    expect((await staffA.get(`/api/v1/congresses/${empty.id}`)).statusCode).toBe(404);
    expect((await staffB.patch(`/api/v1/congresses/${c.id}`, { name: '越权' })).statusCode).toBe(403);
  });
});
