/**
 * Walks every registered /api endpoint, so a new one cannot forget access control:
 * - anonymous callers get 401 on every endpoint that is not public;
 * - a county-A officer asking for, or writing to, any county-B record by id gets 404 (or 403) and
 *   changes nothing. An endpoint with an :id that this table does not know fails the test until
 *   someone decides which record it serves.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, Client, signIn } from '../../../test/support/http.ts';
import { PNG_1x1 } from '../../../test/support/opinion-fixtures.ts';
import {
  expectStatus,
  gridBody,
  groupBody,
  representativeBody,
  snapshotCounts,
  stationBody,
  unitBody,
} from '../../../test/support/org-fixtures.ts';

/** Collections whose records are shared reference data, visible to every signed-in office. */
const SHARED = new Set(['congresses']);

describeEachDialect('every endpoint', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  /** A county-B record of each collection, by the collection's URL segment. */
  const countyB: Record<string, number> = {};
  let congressOfB = 0;

  beforeAll(async () => {
    const { ctx } = env();
    org = await buildOrgFixture(ctx);
    app = await buildTestApp(ctx);
    staffA = await signIn(app, org.users.staffA);
    const staffB = await signIn(app, org.users.staffB);
    const created = async (url: string, body: unknown) =>
      (await expectStatus<{ id: number }>(staffB.post(url, body), 201)).id;
    countyB.representatives = await created('/api/v1/representatives', representativeBody(org.countyB.id));
    countyB.stations = await created('/api/v1/stations', stationBody(org.townB1.id));
    countyB.units = await created('/api/v1/units', unitBody(org.countyB.id));
    countyB.groups = await created('/api/v1/groups', groupBody(org.countyB.id));
    countyB.grids = await created('/api/v1/grids', gridBody(org.townB1.id));
    countyB.jurisdictions = org.townB1.id;
    const opinion = await expectStatus<{ id: number; photos: { id: number }[] }>(
      staffB.post('/api/v1/opinions', {
        channel: 'visit',
        content: '南溪县的意见',
        stationId: countyB.stations,
        consentPrivacy: true,
        photos: [{ dataBase64: PNG_1x1.toString('base64') }],
      }),
      201,
    );
    countyB.opinions = opinion.id;
    countyB.photos = opinion.photos[0]!.id;
    // A suggestion of county B's congress, filed on paper by its staff for a serving representative.
    const congressB = await ctx.database.db
      .insertInto('congress')
      .values({
        code: 'CB19',
        name: '南溪县第十九届人民代表大会',
        level: 'county',
        term_number: 19,
        jurisdiction_id: org.countyB.id,
        term_start: null,
        term_end: null,
        created_at: ctx.clock.now().toISOString(),
        updated_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .insertInto('representative_seat')
      .values({
        representative_id: countyB.representatives,
        congress_id: congressB.id,
        delegation: null,
        constituency: null,
        elected_on: null,
        ended_on: null,
      })
      .execute();
    countyB.suggestions = await created('/api/v1/suggestions', {
      kind: 'suggestion',
      congressId: congressB.id,
      period: 'recess',
      title: '南溪县的建议',
      categoryCode: 'transport',
      background: '事由',
      proposals: '建议',
      leadRepresentativeId: countyB.representatives,
      submitNow: true,
    });
    countyB.activities = await created('/api/v1/activities', {
      typeCode: 'research',
      title: '南溪县的调研',
      organiser: 'congress',
      organiserId: congressB.id,
      startsAt: '2026-03-10T01:00:00.000Z',
      endsAt: '2026-03-10T03:00:00.000Z',
      representativeIds: [countyB.representatives],
    });
    // Score cards are read by representative, under a congress.
    countyB.performance = countyB.representatives;
    congressOfB = congressB.id;
    countyB.users = (await buildUser(ctx, { roles: ['leader'], jurisdictionId: org.countyB.id })).id;
    countyB.notifications = (
      await ctx.database.db
        .insertInto('notification')
        .values({
          user_id: org.users.staffB.id,
          kind: 'test',
          title: 'B',
          body: 'B',
          link_type: null,
          link_id: null,
          created_at: ctx.clock.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 401 to anonymous callers on every endpoint that is not public', async () => {
    const anonymous = await new Client(app).start();
    const guarded = app.apiRoutes.filter((r) => r.access !== 'public' && r.access !== 'session');
    expect(guarded.length).toBeGreaterThan(40);
    for (const route of guarded) {
      const url = route.url.replace(/:[A-Za-z]+/g, '1').replace('/imports/:kind', '/imports/representatives');
      const res = await anonymous.request({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('never lets county A read or change a county-B record through any endpoint with an id', async () => {
    const users = await signIn(
      app,
      await buildUser(env().ctx, { roles: ['sys_admin'], jurisdictionId: org.countyA.id }),
    );
    const before = await snapshotCounts(env().ctx);
    const withId = app.apiRoutes.filter((r) => r.url.includes('/:id'));
    const checked: string[] = [];
    for (const route of withId) {
      const collection = route.url.split('/')[3]!;
      // Shared reference data, and what anyone may read without signing in (published records).
      if (SHARED.has(collection) || route.access === 'public') continue;
      // Marking a suggestion excellent takes a suggestion's id.
      const id = route.url.includes('excellent-suggestions') ? countyB.suggestions : countyB[collection];
      expect(id, `no county-B record for ${route.method} ${route.url}: add one to this test`).toBeDefined();
      const client = collection === 'users' ? users : staffA;
      const url = route.url
        .replace(':id', String(id))
        .replace(':representativeId', String(countyB.representatives))
        .replace(':photoId', String(countyB.photos))
        .replace(':replyId', '1')
        .replace(':attachmentId', '1')
        .concat(route.url.includes('/performance/representatives/') ? `?congressId=${congressOfB}` : '');
      const payload =
        route.method === 'GET' || route.method === 'DELETE'
          ? undefined
          : route.url.endsWith('/members')
            ? { representativeIds: [], members: [] }
            : {};
      const res = await client.request({
        method: route.method as 'GET',
        url,
        ...(payload ? { payload } : {}),
      });
      // 404 for a record outside the scope; 400 only where the body is refused before the lookup,
      // and 403 where the route itself is not the caller's — never 2xx.
      expect(
        [400, 403, 404],
        `${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 200)}`,
      ).toContain(res.statusCode);
      if (route.method === 'GET') expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked.length).toBeGreaterThan(25);
    // Nothing changed; the only new audit rows record the refusals themselves.
    const after = await snapshotCounts(env().ctx);
    const suggestionB = await env()
      .ctx.database.db.selectFrom('suggestion')
      .select(['status', 'version'])
      .where('id', '=', countyB.suggestions!)
      .executeTakeFirstOrThrow();
    expect(suggestionB).toEqual({ status: 'SUBMITTED', version: 1 });
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    const added = await env()
      .ctx.database.db.selectFrom('audit_log')
      .select(['action', 'success'])
      .where('seq', '>', before.audit_log)
      .execute();
    expect(
      added.every((r) => r.action === 'access.denied' && r.success === 0),
      JSON.stringify(added),
    ).toBe(true);
  });
});
