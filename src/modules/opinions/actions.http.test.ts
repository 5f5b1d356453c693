/**
 * The loop's side roads through HTTP: extensions and returns decided both ways, merge, reject
 * (the citizen sees where to go instead), an answer on the spot, conversion to a representative's
 * suggestion, and assigning in bulk. The statistics stay equal to the opinions throughout.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import {
  as,
  buildLoopWorld,
  expectStatsMatchOpinions,
  opinionIdOf,
  publicCall,
  submit,
  type Caller,
  type LoopWorld,
} from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import type { OpinionView } from './opinions.schema.ts';
import type { TrackingView } from './public.schema.ts';

describeEachDialect('opinion actions', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  let staff: Caller;
  let unit: Caller;
  let rep: Caller;

  const act = (client: Caller, id: number, path: string, body: Record<string, unknown> = {}) =>
    expectStatus<OpinionView>(client.post(`/api/v1/opinions/${id}/${path}`, body), 200);
  const tracking = (code: string) =>
    expectStatus<TrackingView>(publicCall(app, { url: `/api/v1/public/opinions/${code}` }), 200);

  async function newItem(overrides: Record<string, unknown> = {}) {
    const { trackingCode } = await submit(app, world.station.publicCode, { phone: null, ...overrides });
    return { id: await opinionIdOf(env().ctx, trackingCode), code: trackingCode };
  }
  async function signed() {
    const item = await newItem();
    await act(staff, item.id, 'accept');
    await act(staff, item.id, 'assign', { unitId: world.unit.id });
    await act(unit, item.id, 'sign');
    return item;
  }

  beforeAll(async () => {
    world = await buildLoopWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    staff = as(app, world.users.staffA);
    unit = as(app, world.people.unitStaff);
    rep = as(app, world.people.repUser);
  });
  afterEach(async () => {
    await expectStatsMatchOpinions(env().ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('extensions', () => {
    it('approved: the reply deadline moves by the working days granted, and the item resumes', async () => {
      const { id } = await signed();
      const before = await expectStatus<OpinionView>(unit.get(`/api/v1/opinions/${id}`), 200);
      const tooLong = await unit.post(`/api/v1/opinions/${id}/request-extension`, {
        workingDays: 99,
        reason: '太久',
      });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().errors[0].path).toBe('/workingDays');
      const asked = await act(unit, id, 'request-extension', { workingDays: 5, reason: '需要协调多个部门' });
      expect(asked.status).toBe('EXTENSION_REQUESTED');
      expect(asked.extensions[0]).toMatchObject({
        workingDays: 5,
        approved: null,
        previousDue: before.deadlines.replyDue,
      });
      const staffView = await expectStatus<OpinionView>(staff.get(`/api/v1/opinions/${id}`), 200);
      expect(staffView.actions).toEqual(['approve_extension', 'refuse_extension']);
      // 2026-03-23 (Monday) + 3 working days → Thursday 2026-03-26.
      const approved = await act(staff, id, 'approve-extension', {
        workingDays: 3,
        note: '同意延期3个工作日',
      });
      expect(approved.status).toBe('SIGNED');
      expect(approved.deadlines.replyDue).toBe('2026-03-26T15:59:59.999Z');
      expect(approved.extensions[0]).toMatchObject({ approved: true, newDue: '2026-03-26T15:59:59.999Z' });
      const told = await env()
        .ctx.database.db.selectFrom('notification')
        .select('kind')
        .where('user_id', '=', world.people.unitStaff.id)
        .where('link_id', '=', id)
        .execute();
      expect(told.map((n) => n.kind)).toContain('opinion.extension_decided');
    });

    it('refused: the item resumes with its deadline unchanged', async () => {
      const { id } = await signed();
      const asked = await act(unit, id, 'request-extension', { workingDays: 5, reason: '人手不足' });
      const refused = await act(staff, id, 'refuse-extension', { note: '请按期办结' });
      expect(refused.status).toBe('SIGNED');
      expect(refused.deadlines.replyDue).toBe(asked.deadlines.replyDue);
      expect(refused.extensions[0]).toMatchObject({ approved: false, decisionNote: '请按期办结' });
    });
  });

  describe('returns', () => {
    it('approved: the item goes back to triage without a unit, and can be assigned again', async () => {
      const { id } = await signed();
      const asked = await act(unit, id, 'request-return', { reason: '不属于本单位职责' });
      expect(asked.status).toBe('RETURN_REQUESTED');
      const back = await act(staff, id, 'approve-return');
      expect(back).toMatchObject({ status: 'ACCEPTED', unit: null });
      expect(back.deadlines.replyDue).toBeNull();
      // The unit that handled it still sees it (its event), but may do nothing with it.
      const seen = await expectStatus<OpinionView>(unit.get(`/api/v1/opinions/${id}`), 200);
      expect(seen.actions).toEqual([]);
      const again = await act(staff, id, 'assign', { unitId: world.supervisor.id });
      expect(again).toMatchObject({ status: 'ASSIGNED', unit: { id: world.supervisor.id } });
    });

    it('refused: the item resumes where it was', async () => {
      const { id } = await signed();
      await act(unit, id, 'request-return', { reason: '不属于本单位职责' });
      const refused = await act(staff, id, 'refuse-return', { note: '属于贵单位职责，请继续办理' });
      expect(refused).toMatchObject({ status: 'SIGNED', unit: { id: world.unit.id } });
      // The reason and the answer are staff notes: never on the citizen's page.
      const last = refused.events.at(-1)!;
      expect(last).toMatchObject({
        action: 'refuse_return',
        internalNote: '属于贵单位职责，请继续办理',
        publicNote: null,
      });
    });
  });

  it('merges a duplicate into an open item; the citizen is pointed to it', async () => {
    const target = await newItem({ content: '幸福路的路灯不亮。' });
    const duplicate = await newItem({ content: '幸福路路灯坏了好几天了。' });
    const self = await staff.post(`/api/v1/opinions/${duplicate.id}/merge`, { targetId: duplicate.id });
    expect(self.statusCode).toBe(400);
    const merged = await act(staff, duplicate.id, 'merge', { targetId: target.id, note: '同一路段' });
    expect(merged.status).toBe('MERGED');
    expect(merged.mergedInto).toEqual({ id: target.id, trackingCode: target.code });
    const parent = await expectStatus<OpinionView>(staff.get(`/api/v1/opinions/${target.id}`), 200);
    expect(parent.merged).toEqual([{ id: duplicate.id, trackingCode: duplicate.code }]);
    expect((await tracking(duplicate.code)).mergedInto).toBe(target.code);
    // Nothing merges into an item that is itself merged.
    const third = await newItem();
    const intoMerged = await staff.post(`/api/v1/opinions/${third.id}/merge`, { targetId: duplicate.id });
    expect(intoMerged.statusCode).toBe(400);
    expect(intoMerged.json().errors[0].path).toBe('/targetId');
  });

  it('rejects with a reason, and the citizen reads what to do instead', async () => {
    const { id, code } = await newItem({ content: '我和邻居的借款纠纷，请人大帮我要回来。' });
    const rejected = await act(staff, id, 'reject', { reason: 'personal', note: '建议到司法所申请人民调解' });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejection: { reason: 'personal' } });
    const page = await tracking(code);
    expect(page.status).toBe('REJECTED');
    expect(page.rejection?.guidance.zh).toContain('人民调解');
    expect(page.rejection?.note).toBe('建议到司法所申请人民调解');
    const row = await env()
      .ctx.database.db.selectFrom('opinion')
      .select(['ack_at', 'closed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.ack_at).not.toBeNull();
    expect(row.closed_at).not.toBeNull();
  });

  it('lets the station’s representative answer on the spot; 不满意 sends it back to triage', async () => {
    const { id, code } = await newItem();
    const repView = await expectStatus<OpinionView>(rep.get(`/api/v1/opinions/${id}`), 200);
    expect(repView.actions).toEqual(['answer_on_spot']);
    expect(repView.canRevealContact).toBe(false);
    const answered = await act(rep, id, 'answer-on-spot', {
      result: 'explained',
      content: '已当面解释相关政策',
    });
    expect(answered.status).toBe('AWAITING_FEEDBACK');
    expect(answered.replies[0]).toMatchObject({ kind: 'on_spot', round: 1, unit: null });
    const page = await tracking(code);
    expect(page.canRate).toBe(true);
    expect(page.replies[0]).toMatchObject({ from: '人大代表', content: '已当面解释相关政策' });
    const rated = await expectStatus<TrackingView>(
      publicCall(app, { url: `/api/v1/public/opinions/${code}/rating`, body: { rating: 'unsatisfied' } }),
      200,
    );
    expect(rated.status).toBe('ACCEPTED');
  });

  it('lets the representative convert an accepted item into a suggestion; the citizen sees the reference', async () => {
    const { id, code } = await newItem({ content: '建议在新区规划建设一所公办幼儿园。' });
    await act(staff, id, 'accept');
    const other = as(app, world.people.otherRepUser);
    expect((await other.get(`/api/v1/opinions/${id}`)).statusCode).toBe(404);
    const converted = await act(rep, id, 'convert', { ref: '建议第12号' });
    expect(converted).toMatchObject({ status: 'CONVERTED', convertedRef: '建议第12号' });
    expect((await tracking(code)).convertedRef).toBe('建议第12号');
  });

  it('assigns in bulk: items not yet accepted are accepted first; items that cannot be assigned are reported', async () => {
    const fresh = await newItem();
    const accepted = await newItem();
    await act(staff, accepted.id, 'accept');
    const closed = await newItem();
    await act(staff, closed.id, 'reject', { reason: 'unclear' });
    const res = await expectStatus<{
      assigned: number[];
      failed: { id: number; code: string; message: string }[];
    }>(
      staff.post('/api/v1/opinions/bulk-assign', {
        ids: [fresh.id, accepted.id, closed.id, 999_999],
        unitId: world.unit.id,
      }),
      200,
    );
    expect(res.assigned).toEqual([fresh.id, accepted.id]);
    expect(res.failed.map((f) => [f.id, f.code])).toEqual([
      [closed.id, 'INVALID_TRANSITION'],
      [999_999, 'NOT_FOUND'],
    ]);
    expect(res.failed[0]!.message).toContain('不予受理');
    const v = await expectStatus<OpinionView>(staff.get(`/api/v1/opinions/${fresh.id}`), 200);
    expect(v.events.map((e) => e.action)).toEqual(['submit', 'accept', 'assign']);
  });
});
