/**
 * A suggestion through HTTP, as the people in it take it: the lead drafts (autosave), invites a
 * co-signer who accepts, submits; staff register (第1号) and assign to a lead unit and a co-unit;
 * the co-unit sends its opinion; the lead unit signs, cannot reply before logging a contact, logs
 * one, replies class B with a commitment; the lead rates 不满意; the unit re-handles (a new
 * contact, a new reply); the lead rates 满意; staff publish. Then the refusals and the integrity
 * rules around it.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import type { SuggestionDetail } from './suggestions.schema.ts';

describeEachDialect('the suggestion loop', (env) => {
  let app: FastifyInstance;
  let w: SuggestionWorld;
  let lead: Caller;
  let cosigner: Caller;
  let staff: Caller;
  let unit: Caller;
  let coUnit: Caller;

  const db = () => env().ctx.database.db;
  const act = (c: Caller, id: number, path: string, body: Record<string, unknown> = {}) =>
    c.post(`/api/v1/suggestions/${id}/${path}`, body);
  const view = (c: Caller, id: number) =>
    expectStatus<SuggestionDetail>(c.get(`/api/v1/suggestions/${id}`), 200);
  /** The Beijing date of the test clock. */
  const today = () => new Date(env().clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const noticesOf = (userId: number, kind: string) =>
    db()
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute();

  beforeAll(async () => {
    w = await buildSuggestionWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    lead = as(app, w.s.lead);
    cosigner = as(app, w.s.cosigner);
    staff = as(app, w.users.staffA);
    unit = as(app, w.people.unitStaff);
    coUnit = as(app, w.s.coUnitStaff);
  });
  afterAll(async () => {
    await app.close();
  });

  const draftBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'suggestion',
    congressId: w.congressA.id,
    period: 'session',
    sessionNumber: 3,
    title: '关于加快老旧小区加装电梯的建议',
    categoryCode: 'housing',
    background: '辖区内老旧小区多为六层无电梯住宅，老年住户上下楼困难。',
    proposals: '一、简化审批流程；二、加大财政补贴；三、建立长效维护机制。',
    ...overrides,
  });

  it('runs from a draft to publication', async () => {
    // Draft, autosaved in two steps.
    let v = await expectStatus<SuggestionDetail>(
      lead.post('/api/v1/suggestions', draftBody({ title: '关于老旧小区', proposals: '' })),
      201,
    );
    const id = v.id;
    expect(v).toMatchObject({ status: 'DRAFT', caseLabel: null, lead: { id: w.rep.id } });
    // Incomplete: not offered, and refused when tried, changing nothing.
    expect(v.actions).toEqual(['withdraw']);
    const refused = await act(lead, id, 'submit', { version: v.version });
    expect(refused.statusCode).toBe(409);
    v = await expectStatus<SuggestionDetail>(
      lead.patch(`/api/v1/suggestions/${id}`, {
        version: v.version,
        title: '关于加快老旧小区加装电梯的建议',
        proposals: '一、简化审批流程；二、加大财政补贴。',
      }),
      200,
    );
    expect(v.title).toBe('关于加快老旧小区加装电梯的建议');
    expect(v.actions).toEqual(['submit', 'withdraw']);
    // A stale autosave is refused (two tabs).
    expect(
      (await lead.patch(`/api/v1/suggestions/${id}`, { version: v.version - 1, title: 'x' })).statusCode,
    ).toBe(409);
    // Staff do not see a draft at all.
    expect((await staff.get(`/api/v1/suggestions/${id}`)).statusCode).toBe(404);

    // Co-signing.
    v = await expectStatus<SuggestionDetail>(
      lead.post(`/api/v1/suggestions/${id}/cosigners`, { representativeIds: [w.otherRep.id] }),
      200,
    );
    expect(v.signers.map((s) => [s.representative.id, s.role, s.status])).toEqual([
      [w.rep.id, 'lead', 'accepted'],
      [w.otherRep.id, 'cosigner', 'invited'],
    ]);
    expect(await noticesOf(w.s.cosigner.id, 'suggestion.invited')).toHaveLength(1);
    const invited = await expectStatus<{ items: { id: number }[] }>(
      cosigner.get('/api/v1/suggestions?view=to_cosign'),
      200,
    );
    expect(invited.items.map((i) => i.id)).toEqual([id]);
    v = await expectStatus<SuggestionDetail>(
      cosigner.post(`/api/v1/suggestions/${id}/invitation`, { answer: 'accept' }),
      200,
    );
    expect(v.signers[1]).toMatchObject({ status: 'accepted' });
    // The co-signer cannot edit or submit the lead's draft.
    expect((await cosigner.patch(`/api/v1/suggestions/${id}`, { title: '改' })).statusCode).toBe(403);
    expect((await act(cosigner, id, 'submit')).statusCode).toBe(403);

    v = await expectStatus<SuggestionDetail>(
      act(lead, id, 'submit', { version: (await view(lead, id)).version }),
      200,
    );
    expect(v.status).toBe('SUBMITTED');
    expect(v.cosignerCount).toBe(1);
    // Editing after submission is refused.
    expect((await lead.patch(`/api/v1/suggestions/${id}`, { title: '改' })).statusCode).toBe(409);

    // Screening: staff see it in the queue and register it as 第1号.
    const queue = await expectStatus<{ items: { id: number }[] }>(
      staff.get('/api/v1/suggestions?view=screening'),
      200,
    );
    expect(queue.items.map((i) => i.id)).toContain(id);
    v = await expectStatus<SuggestionDetail>(act(staff, id, 'register', {}), 200);
    expect(v).toMatchObject({ status: 'REGISTERED', caseNumber: 1, caseLabel: '第1号' });
    expect(await noticesOf(w.s.cosigner.id, 'suggestion.registered')).toHaveLength(1);

    // Assignment to a lead unit and a co-unit, 重点督办 under the leader (Monday 2026-03-02).
    v = await expectStatus<SuggestionDetail>(
      act(staff, id, 'assign', {
        leadUnitId: w.unit.id,
        coUnitIds: [w.coUnit.id],
        keySupervision: true,
        supervisorUserId: w.s.leaderA.id,
      }),
      200,
    );
    expect(v).toMatchObject({ status: 'ASSIGNED', keySupervision: true, supervisor: { id: w.s.leaderA.id } });
    expect(v.units.map((u) => [u.unit.id, u.role])).toEqual([
      [w.unit.id, 'lead'],
      [w.coUnit.id, 'co'],
    ]);
    expect(v.deadlines).toMatchObject({
      returnDue: '2026-03-09T15:59:59.999Z', // 5 working days
      coOpinionDue: '2026-04-02T15:59:59.999Z', // 1 month
      replyDue: '2026-06-02T15:59:59.999Z', // 3 months
      maxReplyDue: '2026-09-02T15:59:59.999Z', // 6 months
    });
    expect(await noticesOf(w.people.unitStaff.id, 'suggestion.assigned')).toHaveLength(1);
    expect(await noticesOf(w.s.coUnitStaff.id, 'suggestion.assigned')).toHaveLength(1);

    // The co-unit: sees it, may not sign, sends its opinion.
    expect((await act(coUnit, id, 'sign')).statusCode).toBe(403);
    v = await expectStatus<SuggestionDetail>(
      coUnit.post(`/api/v1/suggestions/${id}/co-opinion`, {
        opinion: '财政局将在年度预算中统筹安排补贴资金。',
      }),
      200,
    );
    expect(v.units[1]!.coOpinion).toContain('统筹安排');

    // The lead unit signs; a reply before any contact is refused.
    v = await expectStatus<SuggestionDetail>(act(unit, id, 'sign'), 200);
    expect(v.status).toBe('IN_PROGRESS');
    const replyB = {
      replyClass: 'B',
      documentNumber: '东建函〔2026〕12号',
      signer: '张局长',
      body: '我局已将老旧小区加装电梯列入2026年民生实事，计划年内完成20台。',
      commitments: [{ content: '年内完成20台电梯加装', dueDate: '2026-12-31' }],
    };
    const noContact = await act(unit, id, 'reply', replyB);
    expect(noContact.statusCode).toBe(409);
    expect(noContact.json().messages['zh-CN']).toContain('沟通联系');
    env().clock.advanceMinutes(7 * 24 * 60);
    v = await expectStatus<SuggestionDetail>(
      unit.post(`/api/v1/suggestions/${id}/contacts`, {
        contactedOn: '2026-03-09',
        means: 'visit',
        summary: '登门听取代表意见，介绍加装电梯工作计划。',
      }),
      200,
    );
    expect(v.actions).toContain('reply');
    // A class-B reply must list its commitments.
    expect((await act(unit, id, 'reply', { ...replyB, commitments: [] })).statusCode).toBe(400);
    v = await expectStatus<SuggestionDetail>(act(unit, id, 'reply', replyB), 200);
    expect(v).toMatchObject({ status: 'REPLIED', replyClass: 'B' });
    expect(v.replies).toHaveLength(1);
    expect(v.replies[0]).toMatchObject({ onTime: true, replyClass: 'B' });
    expect(v.commitments).toMatchObject([
      { content: '年内完成20台电梯加装', status: 'open', dueDate: '2026-12-31' },
    ]);
    // The reply goes to the lead and every co-signer.
    expect(await noticesOf(w.s.lead.id, 'suggestion.replied')).toHaveLength(1);
    expect(await noticesOf(w.s.cosigner.id, 'suggestion.replied')).toHaveLength(1);

    // The co-signer may not evaluate; the lead rates 不满意 → re-handling.
    expect(
      (await act(cosigner, id, 'evaluate', { attitude: 'satisfied', result: 'satisfied' })).statusCode,
    ).toBe(403);
    const toEvaluate = await expectStatus<{ items: { id: number }[] }>(
      lead.get('/api/v1/suggestions?view=to_evaluate'),
      200,
    );
    expect(toEvaluate.items.map((i) => i.id)).toEqual([id]);
    v = await expectStatus<SuggestionDetail>(
      act(lead, id, 'evaluate', { attitude: 'satisfied', result: 'unsatisfied', comment: '数量太少' }),
      200,
    );
    expect(v).toMatchObject({ status: 'REHANDLING', rehandleRounds: 1 });
    expect(v.history.slice(-2).map((e) => e.action)).toEqual(['evaluate', 'rehandle']);
    expect(await noticesOf(w.people.unitStaff.id, 'suggestion.rehandle')).toHaveLength(1);
    // A new round needs a new contact before its reply.
    expect((await act(unit, id, 'reply', replyB)).statusCode).toBe(409);
    await expectStatus(
      unit.post(`/api/v1/suggestions/${id}/contacts`, {
        contactedOn: today(),
        means: 'meeting',
        summary: '召开座谈会，与代表共同研究扩大加装范围。',
      }),
      200,
    );
    v = await expectStatus<SuggestionDetail>(
      act(unit, id, 'reply', {
        ...replyB,
        documentNumber: '东建函〔2026〕15号',
        commitments: [{ content: '年内加装电梯增至40台', dueDate: '2026-12-31' }],
      }),
      200,
    );
    expect(v.status).toBe('REPLIED');
    expect(v.replies).toHaveLength(2);
    v = await expectStatus<SuggestionDetail>(
      act(lead, id, 'evaluate', { attitude: 'satisfied', result: 'satisfied' }),
      200,
    );
    expect(v).toMatchObject({ status: 'CLOSED', closeReason: 'evaluated', resultRating: 'satisfied' });
    expect(v.evaluations.map((e) => e.result)).toEqual(['unsatisfied', 'satisfied']);

    // The evaluated reply cannot be edited: a correction is a new record.
    const first = v.replies[0]!;
    expect(
      (await unit.patch(`/api/v1/suggestions/${id}/replies/${first.id}`, { body: '改写' })).statusCode,
    ).toBe(409);
    v = await expectStatus<SuggestionDetail>(
      unit.post(`/api/v1/suggestions/${id}/corrections`, {
        replyId: v.replies[1]!.id,
        documentNumber: '东建函〔2026〕16号',
        signer: '张局长',
        body: '更正：计划完成时间为2026年11月底。',
      }),
      200,
    );
    expect(v.replies).toHaveLength(3);
    expect(v.replies[2]!.correctsReplyId).toBe(v.replies[1]!.id);
    expect(v.replies[1]!.body).toContain('我局已将');

    // Commitment progress, then done.
    const commitment = v.commitments[1]!;
    await expectStatus(
      unit.post(`/api/v1/suggestions/commitments/${commitment.id}/progress`, {
        note: '已完成25台',
        year: 2026,
      }),
      200,
    );
    await expectStatus(
      unit.post(`/api/v1/suggestions/commitments/${commitment.id}/progress`, {
        note: '40台全部完成',
        done: true,
      }),
      200,
    );
    v = await view(staff, id);
    expect(v.commitments[1]).toMatchObject({ status: 'done' });
    expect(v.commitments[1]!.progress.map((p) => p.note)).toEqual(['已完成25台', '40台全部完成']);

    // Publication, redacted by the staff.
    v = await expectStatus<SuggestionDetail>(
      act(staff, id, 'publish', {
        title: v.title,
        body: v.proposals,
        reply: '已列入民生实事，年内完成40台。',
      }),
      200,
    );
    expect(v.status).toBe('PUBLISHED');
    expect(v.published).toMatchObject({ reply: '已列入民生实事，年内完成40台。' });
    // Every step was audited.
    const audited = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'suggestion')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'suggestion.create',
        'suggestion.submit',
        'suggestion.register',
        'suggestion.assign',
        'suggestion.reply',
        'suggestion.evaluate+rehandle',
        'suggestion.evaluate+close',
        'suggestion.publish',
      ]),
    );
  });

  it('escalates a second 不满意 to the staff, who settle it', async () => {
    const id = await registeredAndAssigned();
    for (let round = 0; round < 2; round++) {
      await expectStatus(
        unit.post(`/api/v1/suggestions/${id}/contacts`, {
          contactedOn: today(),
          means: 'phone',
          summary: '电话沟通',
        }),
        200,
      );
      await expectStatus(
        act(unit, id, 'reply', {
          replyClass: 'C',
          documentNumber: `X${round}`,
          signer: '李',
          body: '因条件限制留作参考。',
        }),
        200,
      );
      await expectStatus(act(lead, id, 'evaluate', { attitude: 'unsatisfied', result: 'unsatisfied' }), 200);
    }
    let v = await view(staff, id);
    expect(v.status).toBe('ESCALATED');
    expect(v.actions).toEqual(['resolve_escalation']);
    v = await expectStatus<SuggestionDetail>(
      act(staff, id, 'resolve-escalation', { note: '经主任会议督办，已协调解决' }),
      200,
    );
    expect(v).toMatchObject({ status: 'CLOSED', closeReason: 'escalation_resolved' });
  });

  /** A complete suggestion submitted, registered and assigned to the unit, signed. */
  async function registeredAndAssigned(): Promise<number> {
    const v = await expectStatus<SuggestionDetail>(lead.post('/api/v1/suggestions', draftBody()), 201);
    await expectStatus(act(lead, v.id, 'submit'), 200);
    await expectStatus(act(staff, v.id, 'register'), 200);
    await expectStatus(act(staff, v.id, 'assign', { leadUnitId: w.unit.id }), 200);
    await expectStatus(act(unit, v.id, 'sign'), 200);
    return v.id;
  }

  it('lets the lead unit ask for a return within 5 working days; staff approve and reassign', async () => {
    const v0 = await expectStatus<SuggestionDetail>(lead.post('/api/v1/suggestions', draftBody()), 201);
    const id = v0.id;
    await expectStatus(act(lead, id, 'submit'), 200);
    await expectStatus(act(staff, id, 'register'), 200);
    await expectStatus(act(staff, id, 'assign', { leadUnitId: w.unit.id }), 200);
    let v = await expectStatus<SuggestionDetail>(
      act(unit, id, 'request-return', { reason: '不属于我局职责' }),
      200,
    );
    expect(v.status).toBe('RETURN_REQUESTED');
    v = await expectStatus<SuggestionDetail>(act(staff, id, 'approve-return'), 200);
    expect(v).toMatchObject({ status: 'REGISTERED', leadUnit: null, units: [] });
    // The unit no longer holds it: it sees it (its history) but may do nothing.
    const unitView = await view(unit, id);
    expect(unitView.actions).toEqual([]);
    v = await expectStatus<SuggestionDetail>(act(staff, id, 'assign', { leadUnitId: w.coUnit.id }), 200);
    expect(v.leadUnit).toEqual({ id: w.coUnit.id, name: w.coUnit.name });
    // Past the window, a return is refused.
    env().clock.advanceMinutes(10 * 24 * 60);
    const late = await act(coUnit, id, 'request-return', { reason: '不属于我局' });
    expect(late.statusCode).toBe(409);
    expect(late.json().messages['zh-CN']).toContain('5个工作日');
  });

  it('grants one extension, never past T0 + 6 months', async () => {
    const id = await registeredAndAssigned();
    const v0 = await view(staff, id);
    const tooLate = await act(unit, id, 'request-extension', { until: '2027-12-31', reason: '需要协调' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().errors[0].path).toBe('/until');
    let v = await expectStatus<SuggestionDetail>(
      act(unit, id, 'request-extension', {
        until: v0.deadlines.maxReplyDue!.slice(0, 10),
        reason: '需要跨部门协调',
      }),
      200,
    );
    expect(v.status).toBe('EXTENSION_REQUESTED');
    v = await expectStatus<SuggestionDetail>(act(staff, id, 'approve-extension'), 200);
    expect(v.status).toBe('IN_PROGRESS');
    expect(v.deadlines.replyDue).toBe(v0.deadlines.maxReplyDue);
    const again = await act(unit, id, 'request-extension', { until: '2026-08-01', reason: '再延' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses with a reason from the list, and merges keeping every lead and co-signer', async () => {
    const a = await expectStatus<SuggestionDetail>(lead.post('/api/v1/suggestions', draftBody()), 201);
    await expectStatus(act(lead, a.id, 'submit'), 200);
    const unknown = await act(staff, a.id, 'refuse', { reason: 'nonsense', note: '说明' });
    expect(unknown.statusCode).toBe(400);
    expect((await view(staff, a.id)).status).toBe('SUBMITTED');
    let v = await expectStatus<SuggestionDetail>(
      act(staff, a.id, 'refuse', { reason: 'litigation', note: '该事项正在诉讼中' }),
      200,
    );
    expect(v).toMatchObject({
      status: 'NOT_ACCEPTED',
      refusal: { reason: 'litigation', note: '该事项正在诉讼中' },
    });

    // Two suggestions on the same subject: the second (by another lead, with a co-signer) merges into the first.
    const first = await expectStatus<SuggestionDetail>(lead.post('/api/v1/suggestions', draftBody()), 201);
    await expectStatus(act(lead, first.id, 'submit'), 200);
    const other = as(app, w.s.cosigner);
    const second = await expectStatus<SuggestionDetail>(other.post('/api/v1/suggestions', draftBody()), 201);
    await expectStatus(
      other.post(`/api/v1/suggestions/${second.id}/cosigners`, { representativeIds: [w.members[1]!.id] }),
      200,
    );
    // The invited member has no account: accept beneath the services, as a paper signature would be.
    await db()
      .updateTable('suggestion_signer')
      .set({ status: 'accepted' })
      .where('suggestion_id', '=', second.id)
      .execute();
    await expectStatus(act(other, second.id, 'submit'), 200);
    v = await expectStatus<SuggestionDetail>(act(staff, second.id, 'merge', { targetId: first.id }), 200);
    expect(v).toMatchObject({ status: 'MERGED', mergedInto: { id: first.id } });
    const target = await view(staff, first.id);
    expect(target.signers.map((s) => [s.representative.id, s.role, s.originSuggestionId])).toEqual(
      expect.arrayContaining([
        [w.rep.id, 'lead', null],
        [w.otherRep.id, 'lead', second.id],
        [w.members[1]!.id, 'cosigner', second.id],
      ]),
    );
    expect(target.mergedFrom).toEqual([{ id: second.id, title: second.title }]);
    // Merging into itself or into a case that moved on is refused.
    expect((await act(staff, first.id, 'merge', { targetId: first.id })).statusCode).toBe(400);
  });

  it('refuses co-signers who do not serve on the congress now', async () => {
    const v = await expectStatus<SuggestionDetail>(lead.post('/api/v1/suggestions', draftBody()), 201);
    for (const rid of [w.ended.id, w.suspended.id, w.repB.id]) {
      const res = await lead.post(`/api/v1/suggestions/${v.id}/cosigners`, { representativeIds: [rid] });
      expect(res.statusCode, String(rid)).toBe(400);
      expect(res.json().errors[0].rule).toBe('serving');
    }
    expect((await view(lead, v.id)).signers).toHaveLength(1);
  });

  it('needs the configured number of co-signers for a motion', async () => {
    const motion = await expectStatus<SuggestionDetail>(
      lead.post('/api/v1/suggestions', draftBody({ kind: 'motion', basis: '《城市居住区规划设计标准》' })),
      201,
    );
    const ids = w.members.map((m) => m.id);
    await expectStatus(
      lead.post(`/api/v1/suggestions/${motion.id}/cosigners`, { representativeIds: ids.slice(0, 9) }),
      200,
    );
    await db()
      .updateTable('suggestion_signer')
      .set({ status: 'accepted' })
      .where('suggestion_id', '=', motion.id)
      .execute();
    const short = await act(lead, motion.id, 'submit');
    expect(short.statusCode).toBe(409);
    expect(short.json().messages['zh-CN']).toContain('10');
    await expectStatus(
      lead.post(`/api/v1/suggestions/${motion.id}/cosigners`, { representativeIds: [ids[9]!] }),
      200,
    );
    await db()
      .updateTable('suggestion_signer')
      .set({ status: 'accepted' })
      .where('suggestion_id', '=', motion.id)
      .execute();
    const ok = await expectStatus<SuggestionDetail>(act(lead, motion.id, 'submit'), 200);
    expect(ok.status).toBe('SUBMITTED');
  });

  it('keeps county B out: staff, units and representatives of B see nothing of A', async () => {
    const id = await registeredAndAssigned();
    for (const user of [w.users.staffB, w.people.unitStaffB, w.s.repBUser]) {
      const c = as(app, user);
      expect((await c.get(`/api/v1/suggestions/${id}`)).statusCode, user.username).toBe(404);
      const list = await expectStatus<{ items: { id: number }[] }>(
        c.get('/api/v1/suggestions?view=all'),
        200,
      );
      expect(list.items.map((i) => i.id)).not.toContain(id);
      expect((await act(c, id, 'register')).statusCode).toBe(404);
    }
  });
});
