import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, Client, signIn } from '../../../test/support/http.ts';

describeEachDialect('account management', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let sys: Client;
  let sec: Client;
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    sys = await signIn(app, org.users.sysAdmin);
    sec = await signIn(app, org.users.securityAdmin);
  });
  afterAll(async () => {
    await app.close();
  });

  const countUsers = async () =>
    Number(
      (
        await env()
          .ctx.database.db.selectFrom('app_user')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets the system administrator create a staff account whose first password must be changed', async () => {
    const res = await sys.post('/api/v1/users', {
      username: 'wang.fang',
      displayName: '王芳',
      password: 'Start#2026ab',
      roles: ['congress_staff'],
      jurisdictionId: org.countyA.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wang.fang',
      roles: ['congress_staff'],
      jurisdiction: { name: '东湖区' },
    });
    const wang = new Client(app);
    const login = await wang.login('wang.fang', 'Start#2026ab');
    expect(login.json().user.passwordExpired).toBe(true);
    expect((await wang.get('/api/v1/users')).json().code).toBe('PASSWORD_EXPIRED');
    const change = await wang.post('/api/v1/auth/password', {
      currentPassword: 'Start#2026ab',
      newPassword: 'Mine#2026xyz',
    });
    expect(change.statusCode).toBe(200);
    expect((await wang.get('/api/v1/auth/me')).json().user.passwordExpired).toBe(false);
  });

  it('refuses administrator roles from the system administrator, and mixed admin roles from anyone', async () => {
    const before = await countUsers();
    const a = await sys.post('/api/v1/users', {
      username: 'x.audit',
      displayName: '审计',
      password: 'Start#2026ab',
      roles: ['audit_admin'],
      jurisdictionId: org.city.id,
    });
    expect(a.statusCode).toBe(403);
    const b = await sec.post('/api/v1/users', {
      username: 'x.mixed',
      displayName: '混合',
      password: 'Start#2026ab',
      roles: ['audit_admin', 'congress_staff'],
      jurisdictionId: org.city.id,
    });
    expect(b.statusCode).toBe(400);
    expect(b.json().errors[0].rule).toBe('adminAlone');
    const c = await sec.post('/api/v1/users', {
      username: 'x.audit2',
      displayName: '审计二',
      password: 'Start#2026ab',
      roles: ['audit_admin'],
      jurisdictionId: org.city.id,
    });
    expect(c.statusCode).toBe(201);
    expect(await countUsers()).toBe(before + 1);
  });

  it('explains bad input field by field and writes nothing', async () => {
    const before = await countUsers();
    const res = await sys.post('/api/v1/users', {
      username: 'a b',
      displayName: '<b>王</b>',
      password: 'weak',
      roles: ['congress_staff'],
      jurisdictionId: 'one',
      admin: true,
    });
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries(
      problem.errors.map((e: { path: string; messages: { 'zh-CN': string } }) => [
        e.path,
        e.messages['zh-CN'],
      ]),
    );
    expect(byPath['/admin']).toContain('不允许的字段');
    expect(byPath['/username']).toContain('用户名');
    expect(byPath['/displayName']).toContain('不能包含 < >');
    expect(byPath['/jurisdictionId']).toContain('应为整数');
    expect(await countUsers()).toBe(before);
  });

  it('answers malformed and oversized bodies with problem documents', async () => {
    const raw = await sys.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().code).toBe('BAD_REQUEST');
    const text = await sys.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: 'username=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await sys.post('/api/v1/users', {
      username: 'big',
      displayName: 'x'.repeat(2_000_000),
      password: 'x',
      roles: ['leader'],
      jurisdictionId: 1,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps SQL in strings as plain data', async () => {
    const res = await sys.post('/api/v1/users', {
      username: 'o.neil',
      displayName: "x'); drop table app_user; --",
      password: 'Start#2026ab',
      roles: ['leader'],
      jurisdictionId: org.city.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().displayName).toBe("x'); drop table app_user; --");
    const list = await sys.get(`/api/v1/users?q=${encodeURIComponent('drop table')}`);
    expect(list.json().total).toBe(1);
  });

  it('answers in English when asked', async () => {
    const res = await sys.request({
      method: 'GET',
      url: '/api/v1/users/999999',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toBe('Not found');
  });

  it('keeps each county to its own accounts', async () => {
    const countyAdmin = await signIn(
      app,
      await (
        await import('../../../test/support/fixtures.ts')
      ).buildUser(env().ctx, { roles: ['sys_admin'], jurisdictionId: org.countyA.id }),
    );
    const list = await countyAdmin.get('/api/v1/users?pageSize=200');
    const names = (list.json().items as { username: string }[]).map((u) => u.username);
    expect(names).toContain(org.users.staffA.username);
    expect(names).not.toContain(org.users.staffB.username);
    expect((await countyAdmin.get(`/api/v1/users/${org.users.staffB.id}`)).statusCode).toBe(404);
    const create = await countyAdmin.post('/api/v1/users', {
      username: 'into.b',
      displayName: '越权',
      password: 'Start#2026ab',
      roles: ['leader'],
      jurisdictionId: org.countyB.id,
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().errors[0].path).toBe('/jurisdictionId');
  });

  it('lets the security administrator unlock, reset and re-role; nobody changes their own roles', async () => {
    const self = await sec.put(`/api/v1/users/${org.users.securityAdmin.id}/roles`, { roles: ['sys_admin'] });
    expect(self.statusCode).toBe(403);
    const roles = await sec.put(`/api/v1/users/${org.users.leader.id}/roles`, {
      roles: ['leader', 'congress_staff'],
    });
    expect(roles.json().roles).toEqual(['congress_staff', 'leader']);
    const reset = await sec.post(`/api/v1/users/${org.users.leader.id}/reset-password`, {
      password: 'Temp#2026abc',
    });
    expect(reset.statusCode).toBe(200);
    const leader = new Client(app);
    expect((await leader.login(org.users.leader.username, org.users.leader.password)).statusCode).toBe(401);
    expect((await leader.login(org.users.leader.username, 'Temp#2026abc')).json().user.passwordExpired).toBe(
      true,
    );
    const sysTries = await sys.post(`/api/v1/users/${org.users.leader.id}/unlock`);
    expect(sysTries.statusCode).toBe(403);
  });

  it('records every account change in the audit log', async () => {
    const auditor = await signIn(app, org.users.auditAdmin);
    const res = await auditor.get('/api/v1/audit?entityType=user&pageSize=100');
    const actions = new Set((res.json().items as { action: string }[]).map((r) => r.action));
    expect([...actions].sort()).toEqual(
      expect.arrayContaining(['user.create', 'user.roles', 'user.reset_password']),
    );
    const denied = await auditor.get('/api/v1/audit?action=access.denied');
    expect(denied.json().total).toBeGreaterThanOrEqual(1);
  });

  it('gives congress staff a directory of liaison officers in their own scope only', async () => {
    const { buildUser } = await import('../../../test/support/fixtures.ts');
    const officerA = await buildUser(env().ctx, {
      roles: ['liaison_officer'],
      jurisdictionId: org.townA1.id,
      displayName: '联络员甲',
    });
    const officerB = await buildUser(env().ctx, {
      roles: ['liaison_officer'],
      jurisdictionId: org.townB1.id,
      displayName: '联络员乙',
    });
    const staffA = await signIn(app, org.users.staffA);
    const res = await staffA.get('/api/v1/users/directory?role=liaison_officer');
    expect(res.statusCode).toBe(200);
    const ids = (res.json().items as { id: number; displayName: string }[]).map((u) => u.id);
    expect(ids).toContain(officerA.id);
    expect(ids).not.toContain(officerB.id);
    expect(Object.keys(res.json().items[0]).sort()).toEqual([
      'displayName',
      'id',
      'jurisdiction',
      'username',
    ]);
    expect((await staffA.get('/api/v1/users/directory?role=sys_admin')).statusCode).toBe(400);
    const auditor = await signIn(app, org.users.auditAdmin);
    expect((await auditor.get('/api/v1/users/directory?role=liaison_officer')).statusCode).toBe(403);
  });

  it('lets every administrator read the jurisdiction tree, but not the people in it', async () => {
    for (const user of [org.users.securityAdmin, org.users.auditAdmin, org.users.sysAdmin]) {
      const client = await signIn(app, user);
      const tree = await client.get('/api/v1/jurisdictions/tree');
      expect(tree.statusCode, user.username).toBe(200);
      expect(tree.json().nodes.length).toBeGreaterThanOrEqual(5);
    }
    const auditor = await signIn(app, org.users.auditAdmin);
    expect((await auditor.get('/api/v1/representatives')).statusCode).toBe(403);
    expect((await sec.get('/api/v1/units')).statusCode).toBe(403);
  });
});
