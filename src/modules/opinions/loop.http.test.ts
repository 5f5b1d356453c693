/**
 * The whole loop through HTTP, as the people in it take it: a citizen submits, staff accept and
 * assign, the unit signs and replies, the citizen is unhappy, the unit handles it again, the
 * citizen is satisfied, staff publish. After every step the statistics must equal the counters
 * recomputed from the opinions. Then: two replies racing, and the refusals of the state machine.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import {
  as,
  buildLoopWorld,
  type Caller,
  expectStatsMatchOpinions,
  opinionIdOf,
  publicCall,
  submit,
  type LoopWorld,
} from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import type { OpinionView } from './opinions.schema.ts';
import type { TrackingView } from './public.schema.ts';

describeEachDialect('the opinion loop', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  let staff: Caller;
  let unit: Caller;

  const db = () => env().ctx.database.db;
  const act = (client: Caller, id: number, path: string, body: Record<string, unknown> = {}) =>
    client.post(`/api/v1/opinions/${id}/${path}`, body);
  const view = (client: Caller, id: number) =>
    expectStatus<OpinionView>(client.get(`/api/v1/opinions/${id}`), 200);
  const rate = (code: string, rating: string, comment?: string) =>
    publicCall(app, {
      url: `/api/v1/public/opinions/${code}/rating`,
      body: { rating, ...(comment ? { comment } : {}) },
    });
  const noticesOf = (userId: number, kind: string) =>
    db()
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute();

  /** A new item, accepted and assigned to the unit, signed; returns its id and tracking code. */
  async function signedItem(): Promise<{ id: number; code: string }> {
    const { trackingCode } = await submit(app, world.station.publicCode, { phone: null });
    const id = await opinionIdOf(env().ctx, trackingCode);
    await expectStatus(act(staff, id, 'accept'), 200);
    await expectStatus(act(staff, id, 'assign', { unitId: world.unit.id }), 200);
    await expectStatus(act(unit, id, 'sign'), 200);
    return { id, code: trackingCode };
  }

  beforeAll(async () => {
    world = await buildLoopWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    staff = as(app, world.users.staffA);
    unit = as(app, world.people.unitStaff);
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs from submission to publication, keeping the statistics equal to the opinions at every step', async () => {
    const receipt = await submit(app, world.station.publicCode, { phone: '13512345678' });
    const id = await opinionIdOf(env().ctx, receipt.trackingCode);
    await expectStatsMatchOpinions(env().ctx);

    let v = await view(staff, id);
    expect(v.status).toBe('SUBMITTED');
    expect(v.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'merge', 'answer_on_spot']));
    expect(v.canRevealContact).toBe(true);

    v = await expectStatus<OpinionView>(
      act(staff, id, 'accept', { version: v.version, categoryCode: 'city_management' }),
      200,
    );
    expect(v).toMatchObject({ status: 'ACCEPTED', categoryCode: 'city_management' });
    const acked = await db()
      .selectFrom('opinion')
      .select(['ack_at', 'ack_on_time'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(acked).toEqual({ ack_at: '2026-03-02T01:00:00.000Z', ack_on_time: 1 });
    await expectStatsMatchOpinions(env().ctx);

    env().clock.advanceMinutes(30);
    v = await expectStatus<OpinionView>(
      act(staff, id, 'assign', { version: v.version, unitId: world.unit.id, note: '请尽快修复' }),
      200,
    );
    expect(v).toMatchObject({ status: 'ASSIGNED', unit: { id: world.unit.id } });
    // 1 working day to sign, 15 to reply (Monday 2026-03-02 → Tuesday 03-03, Monday 03-23).
    expect(v.deadlines).toMatchObject({
      signDue: '2026-03-03T15:59:59.999Z',
      replyDue: '2026-03-23T15:59:59.999Z',
    });
    expect(await noticesOf(world.people.unitStaff.id, 'opinion.assigned')).toHaveLength(1);
    await expectStatsMatchOpinions(env().ctx);

    // The unit now sees it in its queue and may sign it.
    const queue = await expectStatus<{ items: { id: number }[] }>(
      unit.get('/api/v1/opinions?view=unit'),
      200,
    );
    expect(queue.items.map((i) => i.id)).toContain(id);
    const unitView = await view(unit, id);
    expect(unitView.actions).toEqual(['sign', 'request_return']);
    v = await expectStatus<OpinionView>(act(unit, id, 'sign', { version: unitView.version }), 200);
    expect(v.status).toBe('SIGNED');
    expect(v.signedAt).not.toBeNull();
    await expectStatsMatchOpinions(env().ctx);

    env().clock.advanceMinutes(24 * 60);
    v = await expectStatus<OpinionView>(
      act(unit, id, 'reply', {
        version: v.version,
        result: 'solved',
        content: '经核查，路灯线路老化，已于3月3日更换，现已恢复照明。',
        contactNote: '3月3日电话联系王先生',
      }),
      200,
    );
    // A reply opens the feedback window at once (the system's follow-up).
    expect(v.status).toBe('AWAITING_FEEDBACK');
    expect(v.events.slice(-2).map((e) => [e.action, e.toStatus, e.actorKind])).toEqual([
      ['reply', 'REPLIED', 'unit'],
      ['open_feedback', 'AWAITING_FEEDBACK', 'system'],
    ]);
    expect(v.deadlines.feedbackDue).toBe('2026-03-10T15:59:59.999Z');
    expect(v.replies[0]).toMatchObject({ round: 1, result: 'solved', onTime: true });
    // The citizen gets an SMS with the tracking link; the number stays encrypted in the outbox.
    const sms = await db().selectFrom('outbox').selectAll().where('channel', '=', 'sms').execute();
    const mine = sms.filter((m) => m.body.includes(receipt.trackingCode));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain(`${env().ctx.config.publicBaseUrl}/t/${receipt.trackingCode}`);
    expect(env().ctx.cipher.decrypt(mine[0]!.recipient_enc)).toBe('13512345678');
    await expectStatsMatchOpinions(env().ctx);

    // 不满意: the same unit handles it again, with a new deadline, and is told so.
    const unhappy = await expectStatus<TrackingView>(
      rate(receipt.trackingCode, 'unsatisfied', '灯还是经常不亮'),
      200,
    );
    expect(unhappy.status).toBe('REHANDLING');
    expect(await noticesOf(world.people.unitStaff.id, 'opinion.unsatisfied')).toHaveLength(1);
    expect(await noticesOf(world.users.staffA.id, 'opinion.unsatisfied')).toHaveLength(1);
    v = await view(unit, id);
    expect(v).toMatchObject({ status: 'REHANDLING', rehandleRounds: 1, lastRating: 'unsatisfied' });
    expect(v.actions).toEqual(['request_extension', 'reply']);
    await expectStatsMatchOpinions(env().ctx);

    v = await expectStatus<OpinionView>(
      act(unit, id, 'reply', {
        version: v.version,
        result: 'solved',
        content: '已更换整条线路，连续观察一周无故障。',
      }),
      200,
    );
    expect(v.status).toBe('AWAITING_FEEDBACK');
    expect(v.replies.map((r) => r.round)).toEqual([1, 2]);
    await expectStatsMatchOpinions(env().ctx);

    const happy = await expectStatus<TrackingView>(rate(receipt.trackingCode, 'satisfied'), 200);
    expect(happy.status).toBe('CLOSED');
    expect(happy.ratings.map((r) => [r.round, r.rating])).toEqual([
      [1, 'unsatisfied'],
      [2, 'satisfied'],
    ]);
    expect(happy.canRate).toBe(false);
    await expectStatsMatchOpinions(env().ctx);

    v = await view(staff, id);
    v = await expectStatus<OpinionView>(
      act(staff, id, 'publish', {
        version: v.version,
        content: '某小区门口路灯损坏',
        reply: '已更换线路，恢复照明',
      }),
      200,
    );
    expect(v).toMatchObject({ status: 'PUBLISHED', publishedContent: '某小区门口路灯损坏' });
    await expectStatsMatchOpinions(env().ctx);

    const stats = await db()
      .selectFrom('opinion_stats')
      .selectAll()
      .where('unit_id', '=', world.unit.id)
      .where('category_code', '=', 'city_management')
      .executeTakeFirstOrThrow();
    expect(stats).toMatchObject({
      collected: 1,
      replied: 1,
      replied_on_time: 1,
      solved: 1,
      rated: 1,
      satisfied: 1,
      rehandled: 1,
    });
  });

  it('lets exactly one of two replies sent at once win (the other gets 409)', async () => {
    const { id } = await signedItem();
    const other = as(app, world.people.unitStaff);
    const { version } = await view(unit, id);
    const body = (n: number) => ({ version, result: 'explained', content: `答复${n}` });
    const results = await Promise.all([act(unit, id, 'reply', body(1)), act(other, id, 'reply', body(2))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json();
    expect(loser.code).toBe('CONFLICT');
    expect(loser.messages['zh-CN']).toBe('该事项已被他人处理，请刷新后重试');
    const replies = await db()
      .selectFrom('opinion_reply')
      .select('content')
      .where('opinion_id', '=', id)
      .execute();
    expect(replies).toHaveLength(1);
    await expectStatsMatchOpinions(env().ctx);
  });

  it('refuses a write from a stale version with 409 CONFLICT, changing nothing', async () => {
    const { id } = await signedItem();
    const { version } = await view(unit, id);
    const res = await act(unit, id, 'request-extension', {
      version: version - 1,
      workingDays: 3,
      reason: '需协调',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
    expect((await view(unit, id)).status).toBe('SIGNED');
  });

  describe('what the state machine refuses', () => {
    it('refuses an action in the wrong state (409 INVALID_TRANSITION) and by the wrong actor (403)', async () => {
      const { trackingCode } = await submit(app, world.station.publicCode, { phone: null });
      const id = await opinionIdOf(env().ctx, trackingCode);
      // Assigning needs the item accepted first.
      const early = await act(staff, id, 'assign', { unitId: world.unit.id });
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('INVALID_TRANSITION');
      expect(early.json().messages['zh-CN']).toContain('待受理');
      // A liaison officer triages but does not assign (交办 is the congress staff's).
      const officer = as(app, world.people.officerA);
      await expectStatus(act(officer, id, 'accept'), 200);
      const byOfficer = await act(officer, id, 'assign', { unitId: world.unit.id });
      expect(byOfficer.statusCode).toBe(403);
      expect(byOfficer.json().code).toBe('FORBIDDEN');
      // The representative of the station may convert it but not assign it.
      const rep = as(app, world.people.repUser);
      expect((await act(rep, id, 'assign', { unitId: world.unit.id })).statusCode).toBe(403);
      await expectStatus(act(staff, id, 'assign', { unitId: world.unit.id }), 200);
      // Staff do not sign for the unit, and the unit cannot reply before signing.
      expect((await act(staff, id, 'sign')).statusCode).toBe(403);
      const unsigned = await act(unit, id, 'reply', { result: 'solved', content: '已办' });
      expect(unsigned.statusCode).toBe(409);
      // Rating is the citizen's (or staff recording it), and only once the answer is in.
      const notYet = await rate(trackingCode, 'satisfied');
      expect(notYet.statusCode).toBe(409);
      expect(notYet.json().code).toBe('INVALID_TRANSITION');
    });

    it('refuses to publish without the submitter’s consent', async () => {
      const { trackingCode } = await submit(app, world.station.publicCode, {
        phone: null,
        consentPublish: false,
      });
      const id = await opinionIdOf(env().ctx, trackingCode);
      await expectStatus(act(staff, id, 'accept'), 200);
      await expectStatus(act(staff, id, 'assign', { unitId: world.unit.id }), 200);
      await expectStatus(act(unit, id, 'sign'), 200);
      await expectStatus(act(unit, id, 'reply', { result: 'partially_solved', content: '部分解决' }), 200);
      // Staff record a rating given on the phone.
      const rated = await expectStatus<OpinionView>(
        act(staff, id, 'rate', { rating: 'basically_satisfied' }),
        200,
      );
      expect(rated.status).toBe('CLOSED');
      expect(rated.ratings[0]).toMatchObject({ rating: 'basically_satisfied', byCitizen: false });
      const res = await act(staff, id, 'publish', { content: '内容', reply: '答复' });
      expect(res.statusCode).toBe(409);
      expect(res.json().messages['zh-CN']).toContain('未同意公开');
      await expectStatsMatchOpinions(env().ctx);
    });

    it('closes after 不满意 when no re-handling round is left', async () => {
      const { id, code } = await signedItem();
      await expectStatus(act(unit, id, 'reply', { result: 'explained', content: '解释说明' }), 200);
      await expectStatus(rate(code, 'unsatisfied'), 200);
      const second = await view(unit, id);
      await expectStatus(
        act(unit, id, 'reply', { version: second.version, result: 'explained', content: '再次说明' }),
        200,
      );
      const last = await expectStatus<TrackingView>(rate(code, 'unsatisfied'), 200);
      expect(last.status).toBe('CLOSED');
      const twice = await rate(code, 'satisfied');
      expect(twice.statusCode).toBe(409);
      await expectStatsMatchOpinions(env().ctx);
    });
  });
});
