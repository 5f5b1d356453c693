/**
 * Case numbers (第N号) stay unique and without gaps when many registrations arrive at once: forty
 * cases registered by parallel requests get exactly 1…40; a registration that fails (a stale
 * version) takes no number; another session counts on its own.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import type { SuggestionDetail } from './suggestions.schema.ts';

describeEachDialect('case numbers under concurrent registration', (env) => {
  let app: FastifyInstance;
  let w: SuggestionWorld;
  let staff: Caller;
  let staff2: Caller;

  beforeAll(async () => {
    w = await buildSuggestionWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    staff = as(app, w.users.staffA);
    staff2 = as(app, w.users.cityStaff);
    // Sign both in before the parallel requests (each would otherwise sign in on its first call).
    await staff.get('/api/v1/auth/me');
    await staff2.get('/api/v1/auth/me');
  });
  afterAll(async () => {
    await app.close();
  });

  /** A complete paper suggestion filed by the staff for the lead, handed in at once. */
  const paper = async (overrides: Record<string, unknown> = {}) =>
    (
      await expectStatus<SuggestionDetail>(
        staff.post('/api/v1/suggestions', {
          kind: 'suggestion',
          congressId: w.congressA.id,
          period: 'session',
          sessionNumber: 4,
          title: '关于改善公交线路的建议',
          categoryCode: 'transport',
          background: '部分新建小区无公交线路覆盖。',
          proposals: '增开社区微循环公交。',
          leadRepresentativeId: w.rep.id,
          submitNow: true,
          ...overrides,
        }),
        201,
      )
    ).id;

  it('gives forty parallel registrations the numbers 1 to 40, once each', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push(await paper());
    // Two staff sessions, interleaved, all at once.
    const results = await Promise.all(
      ids.map((id, i) => (i % 2 === 0 ? staff : staff2).post(`/api/v1/suggestions/${id}/register`, {})),
    );
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => (r.json() as SuggestionDetail).caseNumber!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const counter = await env()
      .ctx.database.db.selectFrom('suggestion_case_counter')
      .selectAll()
      .where('congress_id', '=', w.congressA.id)
      .where('session_key', '=', 'S4')
      .executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(40);
  });

  it('takes no number for a registration that fails, and counts each session apart', async () => {
    const id = await paper({ sessionNumber: 5 });
    const v = await expectStatus<SuggestionDetail>(staff.get(`/api/v1/suggestions/${id}`), 200);
    // The same case registered twice at once: one wins (第1号), the other gets a conflict or "not now".
    const [a, b] = await Promise.all([
      staff.post(`/api/v1/suggestions/${id}/register`, { version: v.version }),
      staff2.post(`/api/v1/suggestions/${id}/register`, { version: v.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const next = await paper({ sessionNumber: 5 });
    const registered = await expectStatus<SuggestionDetail>(
      staff.post(`/api/v1/suggestions/${next}/register`, {}),
      200,
    );
    expect(registered.caseNumber).toBe(2);
    // The numbers count per session: session 5 started again at 1 while session 4 is at 40.
    const counters = await env()
      .ctx.database.db.selectFrom('suggestion_case_counter')
      .select(['session_key', 'last_number'])
      .where('congress_id', '=', w.congressA.id)
      .orderBy('session_key')
      .execute();
    expect(counters).toEqual([
      { session_key: 'S4', last_number: 40 },
      { session_key: 'S5', last_number: 2 },
    ]);
  });
});
