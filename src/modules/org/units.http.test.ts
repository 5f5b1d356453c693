import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  auditRows,
  errorsByPath,
  expectStatus,
  snapshotCounts,
  unitBody,
} from '../../../test/support/org-fixtures.ts';

interface Unit {
  id: number;
  code: string;
  name: string;
  status: string;
  parent: { id: number; name: string } | null;
  contactPhoneMasked: string | null;
  categories: { categoryCode: string; categoryName: string; jurisdiction: { id: number; name: string } }[];
}

interface Routing {
  units: { id: number; name: string; jurisdiction: { id: number }; distance: number }[];
}

describeEachDialect('handling units and routing over HTTP', (env) => {
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

  const create = (client: Client, jurisdictionId: number, overrides: Record<string, unknown> = {}) =>
    expectStatus<Unit>(client.post('/api/v1/units', unitBody(jurisdictionId, overrides)), 201);

  it('creates a unit with categories (defaulting to its own jurisdiction) and an encrypted contact phone', async () => {
    const u = await create(staffA, org.countyA.id, {
      shortName: '区住建局',
      contactName: '刘科长',
      contactPhone: '0571-8888 6666',
      categories: [
        { categoryCode: 'housing' },
        { categoryCode: 'housing', jurisdictionId: org.townA1.id },
        { categoryCode: 'utilities' },
      ],
    });
    expect(u).toMatchObject({
      shortName: '区住建局',
      contactName: '刘科长',
      contactPhoneMasked: '0571****6666',
      status: 'active',
      parent: null,
    });
    expect(u.categories).toEqual([
      {
        categoryCode: 'housing',
        categoryName: '城乡建设与住房',
        jurisdiction: { id: org.countyA.id, name: '东湖区' },
      },
      {
        categoryCode: 'housing',
        categoryName: '城乡建设与住房',
        jurisdiction: { id: org.townA1.id, name: '湖滨街道' },
      },
      {
        categoryCode: 'utilities',
        categoryName: '水电气与公用事业',
        jurisdiction: { id: org.countyA.id, name: '东湖区' },
      },
    ]);
    const raw = await env()
      .ctx.database.db.selectFrom('unit')
      .select('contact_phone_enc')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(raw.contact_phone_enc).not.toContain('88886666');
    expect(env().ctx.cipher.decrypt(raw.contact_phone_enc!)).toBe('057188886666');
    const [audit] = await auditRows(env().ctx, 'unit.create');
    expect(audit?.detail.phone).toBe('set');
    expect(JSON.stringify(audit?.detail)).not.toContain('8888');
    expect((await leader.post(`/api/v1/units/${u.id}/phone/reveal`)).statusCode).toBe(403);
    expect(await expectStatus(staffA.post(`/api/v1/units/${u.id}/phone/reveal`), 200)).toEqual({
      phone: '057188886666',
    });
    expect((await auditRows(env().ctx, 'unit.reveal_phone'))[0]?.entity_id).toBe(String(u.id));
  });

  it('lists with filters', async () => {
    const court = await create(staffA, org.countyA.id, {
      kind: 'court',
      name: '东湖区人民法院',
      categories: [{ categoryCode: 'public_safety' }],
    });
    const idle = await create(staffA, org.countyA.id, {
      kind: 'public_service',
      status: 'inactive',
      name: '东湖水务',
    });
    const ids = async (q: string) =>
      (await expectStatus<{ items: Unit[] }>(staffA.get(`/api/v1/units?${q}&pageSize=200`), 200)).items.map(
        (u) => u.id,
      );
    expect(await ids('kind=court')).toEqual([court.id]);
    expect(await ids('status=inactive')).toEqual([idle.id]);
    expect(await ids('categoryCode=public_safety')).toEqual([court.id]);
    expect(await ids(`q=${encodeURIComponent('法院')}`)).toEqual([court.id]);
  });

  it('edits: replaces categories, sets a parent, refuses a cycle', async () => {
    const parent = await create(staffA, org.countyA.id, { name: '东湖区人民政府' });
    const child = await create(staffA, org.countyA.id, {
      parentId: parent.id,
      categories: [{ categoryCode: 'transport' }],
    });
    expect(child.parent).toEqual({ id: parent.id, name: '东湖区人民政府' });
    const edited = await expectStatus<Unit>(
      staffA.patch(`/api/v1/units/${child.id}`, {
        categories: [{ categoryCode: 'education' }],
        contactPhone: null,
      }),
      200,
    );
    expect(edited.categories.map((c) => c.categoryCode)).toEqual(['education']);
    expect(edited.contactPhoneMasked).toBeNull();
    const loop = await staffA.patch(`/api/v1/units/${parent.id}`, { parentId: child.id });
    expect(errorsByPath(loop.json())['/parentId']?.en).toContain('itself');
    const self = await staffA.patch(`/api/v1/units/${parent.id}`, { parentId: parent.id });
    expect(self.statusCode).toBe(400);
    const kept = await expectStatus<Unit>(
      staffA.patch(`/api/v1/units/${child.id}`, { name: '东湖区教育局' }),
      200,
    );
    expect(kept.categories.map((c) => c.categoryCode)).toEqual(['education']);
  });

  it('refuses unknown categories, duplicates, bad phones and markup, changing nothing', async () => {
    const existing = await create(staffA, org.countyA.id);
    const before = await snapshotCounts(env().ctx);
    const unknown = await staffA.post(
      '/api/v1/units',
      unitBody(org.countyA.id, { categories: [{ categoryCode: 'housing' }, { categoryCode: 'space' }] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(errorsByPath(unknown.json())['/categories/1/categoryCode']?.zh).toContain('未知的办理类别');
    const twice = await staffA.post(
      '/api/v1/units',
      unitBody(org.countyA.id, {
        categories: [
          { categoryCode: 'housing' },
          { categoryCode: 'housing', jurisdictionId: org.countyA.id },
        ],
      }),
    );
    expect(Object.keys(errorsByPath(twice.json()))).toEqual(['/categories/1']);
    const phone = await staffA.post('/api/v1/units', unitBody(org.countyA.id, { contactPhone: '110' }));
    expect(errorsByPath(phone.json())['/contactPhone']?.zh).toContain('联系电话格式不正确');
    const markup = await staffA.post(
      '/api/v1/units',
      unitBody(org.countyA.id, { name: '<script>alert(1)</script>' }),
    );
    expect(errorsByPath(markup.json())['/name']).toBeDefined();
    const duplicate = await staffA.post('/api/v1/units', unitBody(org.countyA.id, { code: existing.code }));
    expect(duplicate.statusCode).toBe(409);
    expect(errorsByPath(duplicate.json())['/code']?.en).toContain('in use');
    const patch = await staffA.patch(`/api/v1/units/${existing.id}`, {
      categories: [{ categoryCode: 'nope' }],
      name: '改名',
    });
    expect(patch.statusCode).toBe(400);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
    expect((await expectStatus<Unit>(staffA.get(`/api/v1/units/${existing.id}`), 200)).name).toBe(
      existing.name,
    );
  });

  it('deletes a unit only without accounts or sub-units', async () => {
    const withAccount = await create(staffA, org.countyA.id);
    await buildUser(env().ctx, {
      roles: ['unit_staff'],
      jurisdictionId: org.countyA.id,
      unitId: withAccount.id,
    });
    const refused = await staffA.delete(`/api/v1/units/${withAccount.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().messages.en).toContain('inactive');
    const parent = await create(staffA, org.countyA.id);
    await create(staffA, org.countyA.id, { parentId: parent.id });
    expect((await staffA.delete(`/api/v1/units/${parent.id}`)).json().code).toBe('IN_USE');
    const free = await create(staffA, org.countyA.id, { categories: [{ categoryCode: 'health' }] });
    await expectStatus(staffA.delete(`/api/v1/units/${free.id}`), 200);
    expect((await staffA.get(`/api/v1/units/${free.id}`)).statusCode).toBe(404);
    const rows = await env()
      .ctx.database.db.selectFrom('unit_category')
      .select('unit_id')
      .where('unit_id', '=', free.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('routes a category to the nearest units up the tree, active ones only, within the scope', async () => {
    const cityUnit = await create(city, org.city.id, {
      name: '清江市交通运输局',
      categories: [{ categoryCode: 'environment' }],
    });
    const countyUnit = await create(staffA, org.countyA.id, {
      name: '东湖区生态环境分局',
      categories: [{ categoryCode: 'environment' }],
    });
    const townUnit = await create(staffA, org.townA1.id, {
      kind: 'township',
      name: '湖滨街道办事处',
      categories: [{ categoryCode: 'environment' }],
    });
    await create(staffA, org.countyA.id, {
      status: 'inactive',
      categories: [{ categoryCode: 'environment' }],
    });
    const route = (client: Client, jurisdictionId: number, category = 'environment') =>
      client.get(`/api/v1/routing?categoryCode=${category}&jurisdictionId=${jurisdictionId}`);

    const fromCity = await expectStatus<Routing>(route(city, org.townA1.id), 200);
    expect(fromCity.units.map((u) => [u.id, u.distance])).toEqual([
      [townUnit.id, 0],
      [countyUnit.id, 1],
      [cityUnit.id, 2],
    ]);
    expect(fromCity.units[1]?.jurisdiction.id).toBe(org.countyA.id);
    const fromCountyB = await expectStatus<Routing>(route(city, org.townB1.id), 200);
    expect(fromCountyB.units.map((u) => [u.id, u.distance])).toEqual([[cityUnit.id, 2]]);
    const fromA = await expectStatus<Routing>(route(staffA, org.townA1.id), 200);
    expect(fromA.units.map((u) => u.id)).toEqual([townUnit.id, countyUnit.id]);
    expect((await expectStatus<Routing>(route(city, org.townA1.id, 'agriculture'), 200)).units).toEqual([]);

    const unknown = await route(city, org.townA1.id, 'space');
    expect(unknown.statusCode).toBe(400);
    expect(errorsByPath(unknown.json())['querystring:/categoryCode']).toBeDefined();
    expect((await route(staffA, org.townB1.id)).statusCode).toBe(400);
    expect((await city.get('/api/v1/routing?categoryCode=environment')).statusCode).toBe(400);
  });
});
