import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, Client, signIn } from '../../../test/support/http.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';

describeEachDialect('auth over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs in, reports the session, and signs out', async () => {
    const client = await signIn(app, org.users.staffA);
    const me = await client.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.username).toBe(org.users.staffA.username);
    expect(body.user.roles).toEqual(['congress_staff']);
    expect(body.user.permissions).toContain('org.write');
    expect(body.user.jurisdiction.name).toBe('东湖区');
    const out = await client.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    const after = await client.get('/api/v1/auth/me');
    expect(after.json().user).toBeNull();
  });

  it('refuses a wrong password with a problem document in Chinese and English', async () => {
    const client = await new Client(app).start();
    const res = await client.login(org.users.leader.username, 'Wrong#Pass1');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('INVALID_CREDENTIALS');
    expect(problem.messages['zh-CN']).toContain('用户名或密码错误');
    expect(problem.messages.en).toContain('Wrong user name or password');
    expect(problem.remainingAttempts).toBe(4);
  });

  it('locks an account after five failures for fifteen minutes, then lets it in again', async () => {
    const { ctx, clock } = env();
    const user = await buildUser(ctx, { roles: ['leader'], jurisdictionId: org.city.id });
    const client = await new Client(app).start();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await client.login(user.username, 'Nope#Nope1')).json().code);
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'ACCOUNT_LOCKED',
    ]);
    const right = await client.login(user.username, user.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    clock.advanceMinutes(16);
    const later = await client.login(user.username, user.password);
    expect(later.statusCode).toBe(200);
    clock.advanceMinutes(-16);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const client = await signIn(app, org.users.staffB);
    const res = await client.request({ method: 'POST', url: '/api/v1/auth/logout', csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    const ok = await client.post('/api/v1/auth/logout');
    expect(ok.statusCode).toBe(200);
  });

  it('ends a session after the idle timeout', async () => {
    const { clock } = env();
    const client = await signIn(app, org.users.cityStaff);
    clock.advanceMinutes(31);
    const res = await client.get('/api/v1/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    clock.advanceMinutes(-31);
  });

  it('requires sign-in and the right role', async () => {
    const anonymous = new Client(app);
    expect((await anonymous.get('/api/v1/audit')).json().code).toBe('UNAUTHENTICATED');
    const staff = await signIn(app, org.users.staffA);
    const res = await staff.get('/api/v1/audit');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('records every sign-in in a verifiable hash chain', async () => {
    const auditor = await signIn(app, org.users.auditAdmin);
    const res = await auditor.get('/api/v1/audit?action=auth.login&pageSize=200');
    expect(res.statusCode).toBe(200);
    const rows = res.json().items as { success: boolean; actorUsername: string }[];
    expect(rows.some((r) => !r.success && r.actorUsername === org.users.leader.username)).toBe(true);
    expect(rows.some((r) => r.success && r.actorUsername === org.users.staffA.username)).toBe(true);
    const report = await verifyAuditChain(env().ctx);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(5);
  });
});
