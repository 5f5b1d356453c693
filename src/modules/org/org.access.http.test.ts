import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  errorsByPath,
  expectStatus,
  gridBody,
  groupBody,
  representativeBody,
  snapshotCounts,
  stationBody,
  unitBody,
} from '../../../test/support/org-fixtures.ts';

/**
 * DESIGN.md §2: a county-A officer never reads county-B data, through any endpoint, export or
 * search; and cannot refer to it in a write either.
 */
describeEachDialect('organisation access across jurisdictions', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let staffB: Client;
  let city: Client;
  const b = { rep: { id: 0, name: '', code: '' }, station: 0, unit: 0, group: 0, grid: 0 };
  const a = { rep: 0, station: 0, group: 0, grid: 0 };
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    staffA = await signIn(app, org.users.staffA);
    staffB = await signIn(app, org.users.staffB);
    city = await signIn(app, org.users.cityStaff);
    const rep = await expectStatus<{ id: number; name: string; code: string }>(
      staffB.post(
        '/api/v1/representatives',
        representativeBody(org.countyB.id, {
          name: '溪口代表陈静',
          employer: '溪口镇卫生院',
          phone: '13700001234',
        }),
      ),
      201,
    );
    b.rep = rep;
    b.station = (
      await expectStatus<{ id: number }>(
        staffB.post('/api/v1/stations', stationBody(org.townB1.id, { name: '溪口镇代表联络站' })),
        201,
      )
    ).id;
    b.unit = (
      await expectStatus<{ id: number }>(
        staffB.post(
          '/api/v1/units',
          unitBody(org.countyB.id, { name: '南溪县交通运输局', categories: [{ categoryCode: 'transport' }] }),
        ),
        201,
      )
    ).id;
    b.group = (
      await expectStatus<{ id: number }>(
        staffB.post('/api/v1/groups', groupBody(org.countyB.id, { name: '南溪县第一代表小组' })),
        201,
      )
    ).id;
    b.grid = (
      await expectStatus<{ id: number }>(
        staffB.post('/api/v1/grids', gridBody(org.townB1.id, { name: '溪口一网格' })),
        201,
      )
    ).id;
    a.rep = (
      await expectStatus<{ id: number }>(
        staffA.post('/api/v1/representatives', representativeBody(org.countyA.id, { name: '东湖代表周杰' })),
        201,
      )
    ).id;
    a.station = (
      await expectStatus<{ id: number }>(staffA.post('/api/v1/stations', stationBody(org.countyA.id)), 201)
    ).id;
    a.group = (
      await expectStatus<{ id: number }>(staffA.post('/api/v1/groups', groupBody(org.countyA.id)), 201)
    ).id;
    a.grid = (
      await expectStatus<{ id: number }>(staffA.post('/api/v1/grids', gridBody(org.countyA.id)), 201)
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  describe('a county-B representative, seen from county A', () => {
    it('is not found by id', async () => {
      const res = await staffA.get(`/api/v1/representatives/${b.rep.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect((await staffB.get(`/api/v1/representatives/${b.rep.id}`)).statusCode).toBe(200);
    });

    it('is not in the list', async () => {
      const list = await expectStatus<{ items: { id: number }[]; total: number }>(
        staffA.get('/api/v1/representatives?pageSize=200'),
        200,
      );
      expect(list.items.map((r) => r.id)).toContain(a.rep);
      expect(list.items.map((r) => r.id)).not.toContain(b.rep.id);
      expect(list.total).toBe(list.items.length);
      const all = await expectStatus<{ items: { id: number }[] }>(
        city.get('/api/v1/representatives?pageSize=200'),
        200,
      );
      expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([a.rep, b.rep.id]));
    });

    it('is not found by search on its name, code or employer', async () => {
      for (const q of [b.rep.name, b.rep.code, '溪口镇卫生院']) {
        const res = await expectStatus<{ total: number; items: unknown[] }>(
          staffA.get(`/api/v1/representatives?q=${encodeURIComponent(q)}`),
          200,
        );
        expect(res, q).toMatchObject({ total: 0, items: [] });
        const own = await expectStatus<{ total: number }>(
          staffB.get(`/api/v1/representatives?q=${encodeURIComponent(q)}`),
          200,
        );
        expect(own.total, q).toBe(1);
      }
      const narrowed = await expectStatus<{ total: number }>(
        staffA.get(`/api/v1/representatives?jurisdictionId=${org.countyB.id}`),
        200,
      );
      expect(narrowed.total).toBe(0);
    });

    it('is absent from the XLSX and CSV exports', async () => {
      const xlsx = await staffA.get('/api/v1/representatives/export?format=xlsx');
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      const cells = (workbook.worksheets[0]!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .flatMap((r) => r.map((v) => String(v ?? '')));
      expect(cells).toContain('东湖代表周杰');
      expect(cells).not.toContain(b.rep.name);
      expect(cells).not.toContain(b.rep.code);

      const csv = await staffA.get('/api/v1/representatives/export?format=csv&includePhone=true');
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('东湖代表周杰');
      expect(csv.body).not.toContain(b.rep.name);
      expect(csv.body).not.toContain('13700001234');
      const searched = await staffA.get(
        `/api/v1/representatives/export?format=csv&q=${encodeURIComponent(b.rep.name)}`,
      );
      expect(
        searched.body
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n'),
      ).toHaveLength(1);
    });

    it('cannot be edited, deleted or have its phone revealed', async () => {
      const before = await snapshotCounts(env().ctx);
      expect((await staffA.patch(`/api/v1/representatives/${b.rep.id}`, { name: '改名' })).statusCode).toBe(
        404,
      );
      expect((await staffA.delete(`/api/v1/representatives/${b.rep.id}`)).statusCode).toBe(404);
      expect((await staffA.post(`/api/v1/representatives/${b.rep.id}/phone/reveal`)).statusCode).toBe(404);
      const after = await snapshotCounts(env().ctx);
      expect(after).toEqual(before);
    });

    it('cannot be put on a county-A roster', async () => {
      const before = await snapshotCounts(env().ctx);
      for (const [url, body, path] of [
        [`/api/v1/stations/${a.station}/members`, { representativeId: b.rep.id }, '/representativeId'],
        [`/api/v1/grids/${a.grid}/members`, { representativeId: b.rep.id }, '/representativeId'],
        [`/api/v1/groups/${a.group}/members`, { representativeId: b.rep.id }, '/representativeId'],
      ] as const) {
        const res = await staffA.post(url, body);
        expect(res.statusCode, url).toBe(400);
        expect(errorsByPath(res.json())[path]?.zh, url).toContain('不存在或不在您的管辖范围内');
      }
      const put = await staffA.put(`/api/v1/stations/${a.station}/members`, {
        representativeIds: [a.rep, b.rep.id],
      });
      expect(put.statusCode).toBe(400);
      expect(Object.keys(errorsByPath(put.json()))).toEqual(['/representativeIds/1']);
      expect(await snapshotCounts(env().ctx)).toEqual(before);
    });
  });

  it('hides county-B stations, units, groups and grids by id and in lists', async () => {
    for (const [path, id] of [
      ['stations', b.station],
      ['units', b.unit],
      ['groups', b.group],
      ['grids', b.grid],
    ] as const) {
      const res = await staffA.get(`/api/v1/${path}/${id}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect((await staffB.get(`/api/v1/${path}/${id}`)).statusCode, path).toBe(200);
      const list = await expectStatus<{ items: { id: number }[] }>(
        staffA.get(`/api/v1/${path}?pageSize=200`),
        200,
      );
      expect(
        list.items.map((x) => x.id),
        path,
      ).not.toContain(id);
      expect((await staffA.patch(`/api/v1/${path}/${id}`, { name: '越权修改' })).statusCode, path).toBe(404);
      expect((await staffA.delete(`/api/v1/${path}/${id}`)).statusCode, path).toBe(404);
    }
  });

  it('refuses county-B references in county-A writes', async () => {
    const before = await snapshotCounts(env().ctx);
    const station = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { tier: 'point', parentId: b.station }),
    );
    expect(errorsByPath(station.json())['/parentId']?.zh).toContain('不存在或不在您的管辖范围内');
    const grid = await staffA.post('/api/v1/grids', gridBody(org.countyA.id, { stationId: b.station }));
    expect(errorsByPath(grid.json())['/stationId']?.zh).toContain('不存在或不在您的管辖范围内');
    const unit = await staffA.post(
      '/api/v1/units',
      unitBody(org.countyA.id, {
        parentId: b.unit,
        categories: [{ categoryCode: 'transport', jurisdictionId: org.countyB.id }],
      }),
    );
    expect(Object.keys(errorsByPath(unit.json())).sort()).toEqual([
      '/categories/0/jurisdictionId',
      '/parentId',
    ]);
    const moved = await staffA.patch(`/api/v1/representatives/${a.rep}`, { jurisdictionId: org.countyB.id });
    expect(errorsByPath(moved.json())['/jurisdictionId']?.zh).toContain('不存在或不在您的管辖范围内');
    const routing = await staffA.get(
      `/api/v1/routing?categoryCode=transport&jurisdictionId=${org.countyB.id}`,
    );
    expect(routing.statusCode).toBe(400);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
  });

  it('shows only the own sub-tree of jurisdictions', async () => {
    const tree = await expectStatus<{ nodes: { id: number }[] }>(
      staffA.get('/api/v1/jurisdictions/tree'),
      200,
    );
    expect(tree.nodes.map((n) => n.id)).toEqual([org.countyA.id, org.townA1.id]);
    expect((await staffA.get(`/api/v1/jurisdictions/${org.countyB.id}`)).statusCode).toBe(404);
    const list = await expectStatus<{ items: { id: number }[] }>(
      staffA.get('/api/v1/jurisdictions?pageSize=200'),
      200,
    );
    expect(list.items.map((j) => j.id).sort()).toEqual([org.countyA.id, org.townA1.id].sort());
  });

  it('shows county A a deputy managed by the city who serves on its station, read-only; county B still cannot see them', async () => {
    const station = await expectStatus<{ id: number }>(
      staffA.post('/api/v1/stations', stationBody(org.countyA.id)),
      201,
    );
    const deputy = await expectStatus<{ id: number; editable: boolean }>(
      city.post('/api/v1/representatives', representativeBody(org.city.id, { name: '市代表林涛' })),
      201,
    );
    expect(deputy.editable).toBe(true);
    expect((await staffA.get(`/api/v1/representatives/${deputy.id}`)).statusCode).toBe(404);
    await expectStatus(
      city.put(`/api/v1/stations/${station.id}/members`, { representativeIds: [a.rep, deputy.id] }),
      200,
    );
    const seenByA = await expectStatus<{ memberCount: number; members: { representativeId: number }[] }>(
      staffA.get(`/api/v1/stations/${station.id}`),
      200,
    );
    expect(seenByA.members.map((m) => m.representativeId).sort()).toEqual([a.rep, deputy.id].sort());
    expect(seenByA.memberCount).toBe(2);
    const fromA = await expectStatus<{ editable: boolean; stations: { id: number }[] }>(
      staffA.get(`/api/v1/representatives/${deputy.id}`),
      200,
    );
    expect(fromA.editable).toBe(false);
    expect(fromA.stations.map((s) => s.id)).toEqual([station.id]);
    const listed = await expectStatus<{ items: { id: number; editable: boolean }[] }>(
      staffA.get('/api/v1/representatives?q=市代表林涛'),
      200,
    );
    expect(listed.items).toEqual([expect.objectContaining({ id: deputy.id, editable: false })]);
    const edit = await staffA.patch(`/api/v1/representatives/${deputy.id}`, { post: '改' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().messages['zh-CN']).toContain('清江市人大管理');
    expect((await staffA.delete(`/api/v1/representatives/${deputy.id}`)).statusCode).toBe(403);
    expect((await staffB.get(`/api/v1/representatives/${deputy.id}`)).statusCode).toBe(404);
    const bList = await expectStatus<{ items: { id: number }[] }>(
      staffB.get('/api/v1/representatives?pageSize=200'),
      200,
    );
    expect(bList.items.map((r) => r.id)).not.toContain(deputy.id);
  });
});
