import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from '../../../test/support/fixtures.ts';
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

interface Station {
  id: number;
  code: string;
  publicCode: string;
  name: string;
  tier: string;
  status: string;
  parent: { id: number; name: string } | null;
  liaisonOfficer: { id: number; displayName: string } | null;
  receptionRule: string | null;
  receptionText: { zh: string; en: string } | null;
  nextReceptions: string[];
  memberCount: number;
  members: { representativeId: number; levels: string[] }[];
  children: { id: number; tier: string }[];
}

describeEachDialect('liaison stations over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  const reps: number[] = [];
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    staffA = await signIn(app, org.users.staffA);
    for (const name of ['进站甲', '进站乙'])
      reps.push(
        (
          await expectStatus<{ id: number }>(
            staffA.post('/api/v1/representatives', representativeBody(org.countyA.id, { name })),
            201,
          )
        ).id,
      );
  });
  afterAll(async () => {
    await app.close();
  });

  const create = (overrides: Record<string, unknown> = {}) =>
    expectStatus<Station>(staffA.post('/api/v1/stations', stationBody(org.countyA.id, overrides)), 201);

  it('creates a station with a public code that never changes, and its reception schedule', async () => {
    const s = await create({
      receptionRule: 'FREQ=MONTHLY;BYDAY=+3TU',
      receptionStart: '09:00',
      receptionEnd: '11:00',
      address: '湖滨路 1 号',
      theme: 'community',
      openedOn: '2020-06-01',
    });
    expect(s.publicCode).toMatch(/^[a-z2-9]{10}$/);
    expect(s).toMatchObject({
      status: 'active',
      tier: 'station',
      receptionRule: 'FREQ=MONTHLY;BYDAY=+3TU',
      receptionText: { zh: '每月第三个星期二 9:00–11:00', en: '3rd Tue of every month 9:00–11:00' },
    });
    // The test clock stands at 2026-03-02 (Beijing).
    expect(s.nextReceptions).toEqual(['2026-03-17', '2026-04-21', '2026-05-19', '2026-06-16']);
    const renamed = await expectStatus<Station>(
      staffA.patch(`/api/v1/stations/${s.id}`, { name: '湖滨街道人大代表之家', code: `${s.code}-x` }),
      200,
    );
    expect(renamed.publicCode).toBe(s.publicCode);
    const sneaky = await staffA.patch(`/api/v1/stations/${s.id}`, { publicCode: 'aaaaaaaaaa' });
    expect(errorsByPath(sneaky.json())['/publicCode']?.zh).toContain('不允许的字段');
    const other = await create();
    expect(other.publicCode).not.toBe(s.publicCode);
    const [audit] = await auditRows(env().ctx, 'station.update');
    expect(audit?.detail).toMatchObject({ changes: { name: '湖滨街道人大代表之家' } });
  });

  it('refuses a bad reception rule or times with their messages, changing nothing', async () => {
    const before = await snapshotCounts(env().ctx);
    const daily = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { receptionRule: 'FREQ=DAILY' }),
    );
    expect(daily.statusCode).toBe(400);
    expect(errorsByPath(daily.json())['/receptionRule']).toEqual({
      zh: '接待规则只能按周或按月重复',
      en: 'A reception rule repeats weekly or monthly',
    });
    const markup = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { receptionRule: '<script>' }),
    );
    expect(errorsByPath(markup.json())['/receptionRule']?.zh).toContain('格式不正确');
    const half = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { receptionRule: 'FREQ=WEEKLY;BYDAY=MO', receptionStart: '09:00' }),
    );
    expect(Object.keys(errorsByPath(half.json()))).toEqual(['/receptionEnd']);
    const backwards = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { receptionStart: '11:00', receptionEnd: '09:00' }),
    );
    expect(errorsByPath(backwards.json())['/receptionEnd']?.zh).toContain('晚于');
    const badTime = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { receptionStart: '9点', receptionEnd: '11:00' }),
    );
    expect(badTime.statusCode).toBe(400);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
    const s = await create({
      receptionRule: 'FREQ=WEEKLY;BYDAY=MO',
      receptionStart: '09:00',
      receptionEnd: '11:00',
    });
    const patchEnd = await staffA.patch(`/api/v1/stations/${s.id}`, { receptionEnd: '08:00' });
    expect(patchEnd.statusCode).toBe(400);
    const cleared = await expectStatus<Station>(
      staffA.patch(`/api/v1/stations/${s.id}`, {
        receptionRule: null,
        receptionStart: null,
        receptionEnd: null,
      }),
      200,
    );
    expect(cleared).toMatchObject({ receptionRule: null, receptionText: null, nextReceptions: [] });
  });

  it('hangs stations under higher tiers only, without cycles', async () => {
    const general = await create({ tier: 'general', name: '东湖区代表联络总站' });
    const center = await create({ tier: 'center', parentId: general.id });
    const point = await create({ tier: 'point', parentId: center.id });
    expect(center.parent).toEqual({ id: general.id, name: '东湖区代表联络总站' });
    const gView = await expectStatus<Station>(staffA.get(`/api/v1/stations/${general.id}`), 200);
    expect(gView.children).toEqual([expect.objectContaining({ id: center.id, tier: 'center' })]);
    const children = await expectStatus<{ items: Station[] }>(
      staffA.get(`/api/v1/stations?parentId=${center.id}`),
      200,
    );
    expect(children.items.map((x) => x.id)).toEqual([point.id]);

    const before = await snapshotCounts(env().ctx);
    const underPoint = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { tier: 'station', parentId: point.id }),
    );
    expect(underPoint.statusCode).toBe(400);
    expect(errorsByPath(underPoint.json())['/parentId']?.zh).toContain('联系点');
    const sameTier = await staffA.post(
      '/api/v1/stations',
      stationBody(org.countyA.id, { tier: 'center', parentId: center.id }),
    );
    expect(errorsByPath(sameTier.json())['/parentId']).toBeDefined();
    expect(await snapshotCounts(env().ctx)).toEqual(before);
    const self = await staffA.patch(`/api/v1/stations/${general.id}`, { parentId: general.id });
    expect(errorsByPath(self.json())['/parentId']?.en).toContain('itself');
    const loop = await staffA.patch(`/api/v1/stations/${general.id}`, { tier: 'point', parentId: point.id });
    expect(loop.statusCode).toBe(400);
    expect(Object.keys(errorsByPath(loop.json()))).toEqual(expect.arrayContaining(['/parentId', '/tier']));
    const demote = await staffA.patch(`/api/v1/stations/${center.id}`, { tier: 'point' });
    expect(Object.keys(errorsByPath(demote.json()))).toEqual(['/tier']);
    const unchanged = await expectStatus<Station>(staffA.get(`/api/v1/stations/${general.id}`), 200);
    expect(unchanged).toMatchObject({ tier: 'general', parent: null });
  });

  it('takes as liaison officer only an account in scope holding that role', async () => {
    const officer = await buildUser(env().ctx, {
      roles: ['liaison_officer'],
      jurisdictionId: org.townA1.id,
      displayName: '联络员小王',
    });
    const notOfficer = await buildUser(env().ctx, { roles: ['leader'], jurisdictionId: org.countyA.id });
    const officerB = await buildUser(env().ctx, {
      roles: ['liaison_officer'],
      jurisdictionId: org.countyB.id,
    });
    const s = await create({ liaisonOfficerUserId: officer.id });
    expect(s.liaisonOfficer).toEqual({ id: officer.id, displayName: '联络员小王' });
    const wrongRole = await staffA.patch(`/api/v1/stations/${s.id}`, { liaisonOfficerUserId: notOfficer.id });
    expect(errorsByPath(wrongRole.json())['/liaisonOfficerUserId']?.zh).toContain('联络员');
    const outside = await staffA.patch(`/api/v1/stations/${s.id}`, { liaisonOfficerUserId: officerB.id });
    expect(errorsByPath(outside.json())['/liaisonOfficerUserId']?.zh).toContain('不存在或不在您的管辖范围内');
    const none = await expectStatus<Station>(
      staffA.patch(`/api/v1/stations/${s.id}`, { liaisonOfficerUserId: null }),
      200,
    );
    expect(none.liaisonOfficer).toBeNull();
  });

  it('keeps a roster: replace, add, remove', async () => {
    const s = await create();
    const set = await expectStatus<Station>(
      staffA.put(`/api/v1/stations/${s.id}/members`, { representativeIds: reps }),
      200,
    );
    expect(set.members.map((m) => m.representativeId).sort()).toEqual([...reps].sort());
    expect(set.memberCount).toBe(2);
    const duplicate = await staffA.put(`/api/v1/stations/${s.id}/members`, {
      representativeIds: [reps[0], reps[0]],
    });
    expect(duplicate.statusCode).toBe(400);
    const removed = await expectStatus<Station>(
      staffA.delete(`/api/v1/stations/${s.id}/members/${reps[0]}`),
      200,
    );
    expect(removed.members.map((m) => m.representativeId)).toEqual([reps[1]]);
    const added = await expectStatus<Station>(
      staffA.post(`/api/v1/stations/${s.id}/members`, { representativeId: reps[0] }),
      200,
    );
    expect(added.memberCount).toBe(2);
    expect(
      (await staffA.post(`/api/v1/stations/${s.id}/members`, { representativeId: reps[0] })).statusCode,
    ).toBe(409);
    const missing = await staffA.post(`/api/v1/stations/${s.id}/members`, { representativeId: 999999 });
    expect(missing.statusCode).toBe(400);
    const list = await expectStatus<{ items: Station[] }>(
      staffA.get(`/api/v1/stations?q=${encodeURIComponent(s.code)}`),
      200,
    );
    expect(list.items[0]?.memberCount).toBe(2);
    const byStation = await expectStatus<{ total: number }>(
      staffA.get(`/api/v1/representatives?stationId=${s.id}`),
      200,
    );
    expect(byStation.total).toBe(2);
    const audits = await auditRows(env().ctx, 'station.members');
    expect(audits.slice(0, 3).map((a) => a.detail)).toEqual([
      { added: reps[0] },
      { removed: reps[0] },
      { set: reps },
    ]);
  });

  it('deletes only an empty station, and suggests retiring one in use', async () => {
    const s = await create();
    await expectStatus(staffA.put(`/api/v1/stations/${s.id}/members`, { representativeIds: [reps[0]] }), 200);
    await expectStatus(staffA.post('/api/v1/grids', gridBody(org.countyA.id, { stationId: s.id })), 201);
    const refused = await staffA.delete(`/api/v1/stations/${s.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('IN_USE');
    expect(refused.json().messages.en).toContain("'retired'");
    expect(refused.json().messages['zh-CN']).toContain('已撤销');
    const retired = await expectStatus<Station>(
      staffA.patch(`/api/v1/stations/${s.id}`, { status: 'retired' }),
      200,
    );
    expect(retired).toMatchObject({ status: 'retired', publicCode: s.publicCode });
    expect(
      (
        await expectStatus<{ items: Station[] }>(staffA.get('/api/v1/stations?status=retired'), 200)
      ).items.map((x) => x.id),
    ).toContain(s.id);
    const empty = await create();
    await expectStatus(staffA.delete(`/api/v1/stations/${empty.id}`), 200);
    expect((await staffA.get(`/api/v1/stations/${empty.id}`)).statusCode).toBe(404);
    const [audit] = await auditRows(env().ctx, 'station.delete');
    expect(audit).toMatchObject({ entity_id: String(empty.id), detail: { publicCode: empty.publicCode } });
  });

  it('refuses unknown fields, wrong types, markup and duplicate codes', async () => {
    const existing = await create();
    const before = await snapshotCounts(env().ctx);
    for (const [body, path, status] of [
      [stationBody(org.countyA.id, { qr: 'x' }), '/qr', 400],
      [stationBody(org.countyA.id, { tier: 'hub' }), '/tier', 400],
      [stationBody(org.countyA.id, { jurisdictionId: '2' }), '/jurisdictionId', 400],
      [stationBody(org.countyA.id, { name: '站<script>' }), '/name', 400],
      [stationBody(org.countyA.id, { code: existing.code }), '/code', 409],
    ] as const) {
      const res = await staffA.post('/api/v1/stations', body);
      expect(res.statusCode, path).toBe(status);
      expect(Object.keys(errorsByPath(res.json())), path).toContain(path);
    }
    expect(await snapshotCounts(env().ctx)).toEqual(before);
  });
});
