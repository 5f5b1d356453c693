/**
 * A citizen's opinion converted into a representative's suggestion (转为代表建议): the draft takes
 * the opinion's text and category, links it, and the opinion moves to CONVERTED in the same
 * transaction; the citizen's tracking page then shows the suggestion's number and, once the unit
 * replies, the reply. A conversion that is refused leaves neither a draft nor a changed opinion.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, opinionIdOf, publicCall, submit, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import type { TrackingView } from '../opinions/public.schema.ts';
import type { SuggestionDetail } from './suggestions.schema.ts';

describeEachDialect('opinions converted to suggestions', (env) => {
  let app: FastifyInstance;
  let w: SuggestionWorld;
  let lead: Caller;
  let staff: Caller;
  let unit: Caller;

  const db = () => env().ctx.database.db;
  const track = async (code: string) =>
    expectStatus<TrackingView>(publicCall(app, { url: `/api/v1/public/opinions/${code}` }), 200);
  const counts = async () => ({
    suggestions: Number(
      (
        await db()
          .selectFrom('suggestion')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    w = await buildSuggestionWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    lead = as(app, w.s.lead);
    staff = as(app, w.users.staffA);
    unit = as(app, w.people.unitStaff);
  });
  afterAll(async () => {
    await app.close();
  });

  it('drafts from the opinion, links it, and shows the citizen the number and then the reply', async () => {
    const receipt = await submit(app, w.station.publicCode, {
      content: '学校门口上下学时段交通拥堵严重，建议增设护学岗和临时停车区。',
      categoryCode: 'transport',
    });
    const opinionId = await opinionIdOf(env().ctx, receipt.trackingCode);
    // Staff convert a new item on the representative's behalf (accepted and converted in one step).
    let v = await expectStatus<SuggestionDetail>(
      staff.post('/api/v1/suggestions/from-opinion', {
        opinionId,
        congressId: w.congressA.id,
        leadRepresentativeId: w.rep.id,
      }),
      201,
    );
    const id = v.id;
    const opinion = await db()
      .selectFrom('opinion')
      .select(['status', 'converted_ref'])
      .where('id', '=', opinionId)
      .executeTakeFirstOrThrow();
    expect(opinion).toEqual({ status: 'CONVERTED', converted_ref: `suggestion:${id}` });
    // The lead finds the draft with the opinion's text and category, and the notice.
    v = await expectStatus<SuggestionDetail>(lead.get(`/api/v1/suggestions/${id}`), 200);
    expect(v).toMatchObject({ status: 'DRAFT', categoryCode: 'transport', lead: { id: w.rep.id } });
    expect(v.background).toContain('学校门口上下学时段交通拥堵严重');
    expect(v.opinions).toEqual([{ id: opinionId, trackingCode: receipt.trackingCode }]);
    let t = await track(receipt.trackingCode);
    expect(t.status).toBe('CONVERTED');
    expect(t.suggestion).toMatchObject({ caseLabel: null, status: 'DRAFT' });

    await expectStatus(lead.patch(`/api/v1/suggestions/${id}`, { proposals: '在学校周边增设护学岗。' }), 200);
    await expectStatus(lead.post(`/api/v1/suggestions/${id}/submit`, {}), 200);
    await expectStatus(staff.post(`/api/v1/suggestions/${id}/register`, {}), 200);
    t = await track(receipt.trackingCode);
    expect(t.suggestion).toMatchObject({
      caseLabel: '第1号',
      status: 'REGISTERED',
      statusLabel: '已立案',
      reply: null,
    });

    await expectStatus(staff.post(`/api/v1/suggestions/${id}/assign`, { leadUnitId: w.unit.id }), 200);
    await expectStatus(unit.post(`/api/v1/suggestions/${id}/sign`, {}), 200);
    await expectStatus(
      unit.post(`/api/v1/suggestions/${id}/contacts`, {
        contactedOn: '2026-03-02',
        means: 'phone',
        summary: '电话',
      }),
      200,
    );
    await expectStatus(
      unit.post(`/api/v1/suggestions/${id}/reply`, {
        replyClass: 'A',
        documentNumber: '东交函〔2026〕1号',
        signer: '王局长',
        body: '已在学校周边设置护学岗和临时停车区。',
      }),
      200,
    );
    t = await track(receipt.trackingCode);
    expect(t.suggestion?.reply).toMatchObject({
      replyClass: 'A',
      body: '已在学校周边设置护学岗和临时停车区。',
      unit: w.unit.name,
    });
    // Nothing of people in the citizen's view of the suggestion.
    expect(JSON.stringify(t.suggestion)).not.toContain('李代表');
  });

  it('refuses a conversion the opinion’s state or the caller’s scope does not allow, leaving nothing behind', async () => {
    const receipt = await submit(app, w.station.publicCode);
    const opinionId = await opinionIdOf(env().ctx, receipt.trackingCode);
    await expectStatus(
      staff.post(`/api/v1/opinions/${opinionId}/reject`, { reason: 'litigation', note: '已进入诉讼' }),
      200,
    );
    const before = await counts();
    const refused = await staff.post('/api/v1/suggestions/from-opinion', {
      opinionId,
      congressId: w.congressA.id,
      leadRepresentativeId: w.rep.id,
    });
    expect(refused.statusCode).toBe(409);
    expect(await counts()).toEqual(before);

    // County B's staff cannot reach county A's opinion (nor propose to county A's congress).
    const fresh = await opinionIdOf(env().ctx, (await submit(app, w.station.publicCode)).trackingCode);
    const staffB = as(app, w.users.staffB);
    for (const congressId of [w.congressB.id, w.congressA.id]) {
      const res = await staffB.post('/api/v1/suggestions/from-opinion', {
        opinionId: fresh,
        congressId,
        leadRepresentativeId: w.repB.id,
      });
      expect([400, 403, 404], res.body).toContain(res.statusCode);
    }
    expect(await counts()).toEqual(before);
    const still = await db()
      .selectFrom('opinion')
      .select('status')
      .where('id', '=', fresh)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('SUBMITTED');
  });

  it('refuses bad input with a problem document naming the field, changing nothing', async () => {
    const before = await counts();
    for (const [body, path] of [
      [
        { kind: 'suggestion', congressId: w.congressA.id, period: 'session', title: '标题' },
        '/sessionNumber',
      ],
      [{ kind: 'petition', congressId: w.congressA.id, period: 'recess', title: '标题' }, '/kind'],
      [{ kind: 'suggestion', congressId: 999999, period: 'recess', title: '标题' }, '/congressId'],
      [{ kind: 'suggestion', congressId: w.congressA.id, period: 'recess', title: '<b>标题</b>' }, '/title'],
      [
        {
          kind: 'suggestion',
          congressId: w.congressA.id,
          period: 'recess',
          title: '标题',
          categoryCode: 'nope',
        },
        '/categoryCode',
      ],
      [{ kind: 'suggestion', congressId: w.congressA.id, period: 'recess', title: '标题', extra: 1 }, ''],
    ] as const) {
      const res = await lead.post('/api/v1/suggestions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json() as { errors: { path: string }[]; messages: { 'zh-CN': string; en: string } };
      if (path) expect(problem.errors.map((e) => e.path)).toContain(path);
      expect(problem.messages['zh-CN']).toBeTruthy();
      expect(problem.messages.en).toBeTruthy();
    }
    expect(await counts()).toEqual(before);
  });
});
