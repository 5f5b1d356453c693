import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, Client, signIn } from '../../../test/support/http.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import type { AppContext } from '../../platform/context.ts';
import { notify } from './notifications.service.ts';

interface Page {
  items: {
    id: number;
    kind: string;
    title: string;
    link: { type: string; id: number } | null;
    readAt: string | null;
  }[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

async function readAtOf(ctx: AppContext, id: number): Promise<string | null> {
  const row = await ctx.database.db
    .selectFrom('notification')
    .select('read_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.read_at;
}

describeEachDialect('in-app inbox', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let staffB: Client;

  beforeAll(async () => {
    const { ctx, clock } = env();
    org = await buildOrgFixture(ctx);
    // Three notices for staff A (one an hour apart), one for staff B, sent through notify as the
    // opinion engine does.
    for (const [i, title] of ['第一条', '第二条', '第三条'].entries()) {
      await ctx.database.db.transaction().execute((trx) =>
        notify(ctx, trx, {
          to: [{ userIds: [org.users.staffA.id] }],
          kind: 'opinion.assigned',
          title,
          body: `正文${i}`,
          ...(i === 2 ? { link: { type: 'opinion' as const, id: 42 } } : {}),
        }),
      );
      clock.advanceMinutes(60);
    }
    await ctx.database.db.transaction().execute((trx) =>
      notify(ctx, trx, {
        to: [{ userIds: [org.users.staffB.id] }],
        kind: 'opinion.assigned',
        title: 'B 的',
        body: 'b',
      }),
    );
    app = await buildTestApp(ctx);
    staffA = await signIn(app, org.users.staffA);
    staffB = await signIn(app, org.users.staffB);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists only my own notifications, newest first, with the unread count', async () => {
    const page = await expectStatus<Page>(staffA.get('/api/v1/notifications'), 200);
    expect(page.items.map((n) => n.title)).toEqual(['第三条', '第二条', '第一条']);
    expect(page).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(page.items[0]!.link).toEqual({ type: 'opinion', id: 42 });
    expect(page.items[1]!.link).toBeNull();
    const b = await expectStatus<Page>(staffB.get('/api/v1/notifications'), 200);
    expect(b.items.map((n) => n.title)).toEqual(['B 的']);
    expect(b.unread).toBe(1);
  });

  it('pages and filters to the unread ones', async () => {
    const page2 = await expectStatus<Page>(staffA.get('/api/v1/notifications?page=2&pageSize=2'), 200);
    expect(page2.items.map((n) => n.title)).toEqual(['第一条']);
    expect(page2.total).toBe(3);
    const bad = await staffA.get('/api/v1/notifications?pageSize=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('marks one read (idempotently) and refuses another user’s as not found, changing nothing', async () => {
    const { ctx } = env();
    const mine = (await expectStatus<Page>(staffA.get('/api/v1/notifications'), 200)).items;
    const first = mine[2]!;
    const res = await expectStatus(staffA.post(`/api/v1/notifications/${first.id}/read`), 200);
    expect(res).toEqual({ marked: 1, unread: 2 });
    expect(await readAtOf(ctx, first.id)).toBe(env().clock.now().toISOString());
    expect(await expectStatus(staffA.post(`/api/v1/notifications/${first.id}/read`), 200)).toEqual({
      marked: 0,
      unread: 2,
    });

    const unread = await expectStatus<Page>(staffA.get('/api/v1/notifications?unread=true'), 200);
    expect(unread.items.map((n) => n.title)).toEqual(['第三条', '第二条']);
    expect(unread).toMatchObject({ total: 2, unread: 2 });

    const theirs = (await expectStatus<Page>(staffB.get('/api/v1/notifications'), 200)).items[0]!;
    const refused = await staffA.post(`/api/v1/notifications/${theirs.id}/read`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('NOT_FOUND');
    expect(await readAtOf(ctx, theirs.id)).toBeNull();
    expect((await staffA.post('/api/v1/notifications/999999/read')).statusCode).toBe(404);
  });

  it('marks all of mine read and none of anyone else’s', async () => {
    expect(await expectStatus(staffA.post('/api/v1/notifications/read-all'), 200)).toEqual({
      marked: 2,
      unread: 0,
    });
    const after = await expectStatus<Page>(staffA.get('/api/v1/notifications'), 200);
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await expectStatus<Page>(staffB.get('/api/v1/notifications'), 200)).unread).toBe(1);
  });

  it('needs a signed-in user', async () => {
    const anonymous = await new Client(app).start();
    expect((await anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/notifications/read-all')).statusCode).toBe(401);
  });
});
