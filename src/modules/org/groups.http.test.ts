import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  auditRows,
  errorsByPath,
  expectStatus,
  groupBody,
  representativeBody,
  snapshotCounts,
} from '../../../test/support/org-fixtures.ts';

interface Group {
  id: number;
  code: string;
  name: string;
  memberCount: number;
  leader: { id: number; name: string } | null;
  members: { representativeId: number; role: string; name: string; levels: string[] }[];
}

describeEachDialect('representative groups over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let staffB: Client;
  const reps: number[] = [];
  let repB = 0;
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    staffA = await signIn(app, org.users.staffA);
    staffB = await signIn(app, org.users.staffB);
    for (const name of ['甲代表', '乙代表', '丙代表']) {
      reps.push(
        (
          await expectStatus<{ id: number }>(
            staffA.post('/api/v1/representatives', representativeBody(org.countyA.id, { name })),
            201,
          )
        ).id,
      );
    }
    repB = (
      await expectStatus<{ id: number }>(
        staffB.post('/api/v1/representatives', representativeBody(org.countyB.id)),
        201,
      )
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates, reads, lists, edits and deletes a group', async () => {
    const g = await expectStatus<Group & { kind: string; theme: string | null }>(
      staffA.post('/api/v1/groups', groupBody(org.countyA.id, { kind: 'professional', theme: '生态环境' })),
      201,
    );
    expect(g).toMatchObject({
      kind: 'professional',
      theme: '生态环境',
      memberCount: 0,
      leader: null,
      members: [],
      jurisdiction: { id: org.countyA.id },
    });
    const list = await expectStatus<{ items: Group[] }>(staffA.get('/api/v1/groups?kind=professional'), 200);
    expect(list.items.map((x) => x.id)).toContain(g.id);
    expect(
      (await expectStatus<{ items: Group[] }>(staffA.get('/api/v1/groups?kind=regional'), 200)).items.map(
        (x) => x.id,
      ),
    ).not.toContain(g.id);
    expect(
      (
        await expectStatus<{ total: number }>(
          staffA.get(`/api/v1/groups?q=${encodeURIComponent('生态')}`),
          200,
        )
      ).total,
    ).toBe(1);
    const edited = await expectStatus<Group>(
      staffA.patch(`/api/v1/groups/${g.id}`, {
        name: '生态环境专业代表小组',
        description: '关注水环境治理\n每季度活动一次',
      }),
      200,
    );
    expect(edited.name).toBe('生态环境专业代表小组');
    await expectStatus(
      staffA.put(`/api/v1/groups/${g.id}/members`, { members: [{ representativeId: reps[0] }] }),
      200,
    );
    await expectStatus(staffA.delete(`/api/v1/groups/${g.id}`), 200);
    expect((await staffA.get(`/api/v1/groups/${g.id}`)).statusCode).toBe(404);
    const [audit] = await auditRows(env().ctx, 'group.delete');
    expect(audit?.detail).toMatchObject({ members: [reps[0]] });
  });

  it('replaces the roster with roles, shows the leader first, and counts members', async () => {
    const g = await expectStatus<Group>(staffA.post('/api/v1/groups', groupBody(org.countyA.id)), 201);
    const set = await expectStatus<Group>(
      staffA.put(`/api/v1/groups/${g.id}/members`, {
        members: [
          { representativeId: reps[0] },
          { representativeId: reps[1], role: 'leader' },
          { representativeId: reps[2], role: 'deputy_leader' },
        ],
      }),
      200,
    );
    expect(set.members.map((m) => [m.representativeId, m.role])).toEqual([
      [reps[1], 'leader'],
      [reps[2], 'deputy_leader'],
      [reps[0], 'member'],
    ]);
    expect(set).toMatchObject({ memberCount: 3, leader: { id: reps[1], name: '乙代表' } });
    const [audit] = await auditRows(env().ctx, 'group.members');
    expect(audit).toMatchObject({ entity_type: 'group', entity_id: String(g.id) });
    const byGroup = await expectStatus<{ total: number }>(
      staffA.get(`/api/v1/representatives?groupId=${g.id}`),
      200,
    );
    expect(byGroup.total).toBe(3);
    const rep = await expectStatus<{ groups: { id: number; role: string }[] }>(
      staffA.get(`/api/v1/representatives/${reps[1]}`),
      200,
    );
    expect(rep.groups).toEqual([expect.objectContaining({ id: g.id, role: 'leader' })]);
    const shrunk = await expectStatus<Group>(
      staffA.put(`/api/v1/groups/${g.id}/members`, { members: [{ representativeId: reps[2] }] }),
      200,
    );
    expect(shrunk.members.map((m) => m.representativeId)).toEqual([reps[2]]);
    expect(shrunk.leader).toBeNull();
  });

  it('refuses two leaders, a representative twice, or one out of scope, and keeps the roster', async () => {
    const g = await expectStatus<Group>(staffA.post('/api/v1/groups', groupBody(org.countyA.id)), 201);
    await expectStatus(
      staffA.put(`/api/v1/groups/${g.id}/members`, {
        members: [{ representativeId: reps[0], role: 'leader' }],
      }),
      200,
    );
    const before = await snapshotCounts(env().ctx);
    const twoLeaders = await staffA.put(`/api/v1/groups/${g.id}/members`, {
      members: [
        { representativeId: reps[0], role: 'leader' },
        { representativeId: reps[1], role: 'leader' },
      ],
    });
    expect(errorsByPath(twoLeaders.json())['/members/1/role']?.zh).toContain('组长');
    const twice = await staffA.put(`/api/v1/groups/${g.id}/members`, {
      members: [{ representativeId: reps[1] }, { representativeId: reps[1] }],
    });
    expect(Object.keys(errorsByPath(twice.json()))).toEqual(['/members/1/representativeId']);
    const outside = await staffA.put(`/api/v1/groups/${g.id}/members`, {
      members: [{ representativeId: repB }],
    });
    expect(errorsByPath(outside.json())['/members/0/representativeId']?.zh).toContain(
      '不存在或不在您的管辖范围内',
    );
    const badRole = await staffA.put(`/api/v1/groups/${g.id}/members`, {
      members: [{ representativeId: reps[1], role: 'boss' }],
    });
    expect(badRole.statusCode).toBe(400);
    const secondLeader = await staffA.post(`/api/v1/groups/${g.id}/members`, {
      representativeId: reps[1],
      role: 'leader',
    });
    expect(errorsByPath(secondLeader.json())['/role']?.zh).toContain('已有组长');
    const again = await staffA.post(`/api/v1/groups/${g.id}/members`, { representativeId: reps[0] });
    expect(again.statusCode).toBe(409);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
    const unchanged = await expectStatus<Group>(staffA.get(`/api/v1/groups/${g.id}`), 200);
    expect(unchanged.members.map((m) => [m.representativeId, m.role])).toEqual([[reps[0], 'leader']]);
  });

  it('adds and removes one member', async () => {
    const g = await expectStatus<Group>(staffA.post('/api/v1/groups', groupBody(org.countyA.id)), 201);
    const added = await expectStatus<Group>(
      staffA.post(`/api/v1/groups/${g.id}/members`, { representativeId: reps[2], role: 'deputy_leader' }),
      200,
    );
    expect(added.members).toEqual([
      expect.objectContaining({ representativeId: reps[2], role: 'deputy_leader', name: '丙代表' }),
    ]);
    const removed = await expectStatus<Group>(
      staffA.delete(`/api/v1/groups/${g.id}/members/${reps[2]}`),
      200,
    );
    expect(removed.members).toEqual([]);
    expect((await staffA.delete(`/api/v1/groups/${g.id}/members/${reps[2]}`)).statusCode).toBe(404);
    const [audit] = await auditRows(env().ctx, 'group.members');
    expect(audit?.detail).toEqual({ removed: reps[2] });
  });

  it('refuses bad bodies: unknown fields, markup, an unknown kind, a duplicate code, another county', async () => {
    const existing = await expectStatus<Group>(staffA.post('/api/v1/groups', groupBody(org.countyA.id)), 201);
    const before = await snapshotCounts(env().ctx);
    const cases: [Record<string, unknown>, string, number][] = [
      [groupBody(org.countyA.id, { members: [] }), '/members', 400],
      [groupBody(org.countyA.id, { name: '<img src=x>' }), '/name', 400],
      [groupBody(org.countyA.id, { kind: 'secret' }), '/kind', 400],
      [groupBody(org.countyA.id, { code: existing.code }), '/code', 409],
      [groupBody(org.countyB.id), '/jurisdictionId', 400],
    ];
    for (const [body, path, status] of cases) {
      const res = await staffA.post('/api/v1/groups', body);
      expect(res.statusCode, path).toBe(status);
      expect(Object.keys(errorsByPath(res.json())), path).toContain(path);
    }
    expect(await snapshotCounts(env().ctx)).toEqual(before);
  });
});
