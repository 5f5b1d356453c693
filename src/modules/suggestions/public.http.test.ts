/**
 * 代表建议公开 through HTTP, as a phone without a session reads it: only PUBLISHED cases, with the
 * texts the staff wrote when publishing and never the case as drafted (every original text,
 * note, contact, co-unit opinion, unit reply and evaluation comment carries a marker that no
 * public answer may contain); the year's figures against a hand count; bad input refused.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, freshIp, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import { PUBLIC_READS_PER_MINUTE } from '../public/public.routes.ts';
import type {
  PublicSuggestionDetail,
  PublicSuggestionItem,
  PublicSuggestionSummary,
} from './public-suggestions.schema.ts';
import { chineseNumber, excerptOf, sessionLabel } from './public.service.ts';
import type { SuggestionDetail } from './suggestions.schema.ts';

/** Strings that exist only in what must never be public. */
const SECRET = {
  title: 'SECRET-TITLE-原标题',
  background: 'SECRET-BACKGROUND-王大妈家住幸福小区3幢，联系电话13912345678',
  proposals: 'SECRET-PROPOSALS-原建议',
  note: 'SECRET-NOTE-立案备注',
  contact: 'SECRET-CONTACT-沟通记录',
  coOpinion: 'SECRET-COOPINION-协办意见',
  unitReply: 'SECRET-UNITREPLY-答复原文',
  comment: 'SECRET-COMMENT-评价意见',
};
const PHONE = /1[3-9]\d{9}/;

type Page = { items: PublicSuggestionItem[]; total: number; page: number; pageSize: number };

describeEachDialect('public suggestions (代表建议公开)', (env) => {
  let app: FastifyInstance;
  let w: SuggestionWorld;
  let lead: Caller;
  let cosigner: Caller;
  let staff: Caller;
  let unit: Caller;
  let coUnit: Caller;
  /** Every public answer of the suite, checked for the markers at the end. */
  const answers: string[] = [];
  const ids = {} as Record<
    | 'published'
    | 'publishedTransport'
    | 'closed'
    | 'replied'
    | 'registered'
    | 'rehandling'
    | 'late'
    | 'withdrawn'
    | 'submitted'
    | 'refused'
    | 'draft',
    number
  >;

  /** An anonymous GET (no cookies, a fresh address), remembered for the marker check. */
  async function pub(url: string, ip = freshIp()): Promise<LightMyRequestResponse> {
    const res = await app.inject({ method: 'GET', url, remoteAddress: ip });
    answers.push(res.body);
    return res;
  }
  const nameOf = async (representativeId: number) =>
    (
      await env()
        .ctx.database.db.selectFrom('representative')
        .select('name')
        .where('id', '=', representativeId)
        .executeTakeFirstOrThrow()
    ).name;
  const act = (c: Caller, id: number, path: string, body: Record<string, unknown> = {}) =>
    expectStatus<SuggestionDetail>(c.post(`/api/v1/suggestions/${id}/${path}`, body), 200);

  async function drafted(categoryCode = 'housing'): Promise<number> {
    const v = await expectStatus<SuggestionDetail>(
      lead.post('/api/v1/suggestions', {
        kind: 'suggestion',
        congressId: w.congressA.id,
        period: 'session',
        sessionNumber: 3,
        title: SECRET.title,
        categoryCode,
        background: SECRET.background,
        proposals: SECRET.proposals,
      }),
      201,
    );
    return v.id;
  }

  async function registered(categoryCode = 'housing', withCosigner = false): Promise<number> {
    const id = await drafted(categoryCode);
    if (withCosigner) {
      await expectStatus(
        lead.post(`/api/v1/suggestions/${id}/cosigners`, { representativeIds: [w.otherRep.id] }),
        200,
      );
      await expectStatus(cosigner.post(`/api/v1/suggestions/${id}/invitation`, { answer: 'accept' }), 200);
    }
    await act(lead, id, 'submit');
    await act(staff, id, 'register', { note: SECRET.note });
    return id;
  }

  /** Registered, assigned (with the co-unit when asked), signed, contacted: ready for a reply. */
  async function inProgress(opts: { categoryCode?: string; full?: boolean } = {}): Promise<number> {
    const id = await registered(opts.categoryCode, opts.full);
    await act(staff, id, 'assign', {
      leadUnitId: w.unit.id,
      ...(opts.full ? { coUnitIds: [w.coUnit.id] } : {}),
    });
    if (opts.full)
      await expectStatus(
        coUnit.post(`/api/v1/suggestions/${id}/co-opinion`, { opinion: SECRET.coOpinion }),
        200,
      );
    await act(unit, id, 'sign');
    await contacted(id);
    return id;
  }

  async function contacted(id: number) {
    const today = new Date(env().clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    await expectStatus(
      unit.post(`/api/v1/suggestions/${id}/contacts`, {
        contactedOn: today,
        means: 'visit',
        summary: SECRET.contact,
      }),
      200,
    );
  }

  const replyOf = (replyClass: 'A' | 'B' | 'C') => ({
    replyClass,
    documentNumber: `东建函〔2026〕${replyClass}号`,
    signer: '张局长',
    body: SECRET.unitReply,
    ...(replyClass === 'B' ? { commitments: [{ content: '年内完成', dueDate: '2026-12-31' }] } : {}),
  });

  async function publish(id: number, title: string, body: string, reply: string) {
    const v = await expectStatus<SuggestionDetail>(staff.get(`/api/v1/suggestions/${id}`), 200);
    await act(staff, id, 'publish', { version: v.version, title, body, reply });
  }

  beforeAll(async () => {
    w = await buildSuggestionWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    lead = as(app, w.s.lead);
    cosigner = as(app, w.s.cosigner);
    staff = as(app, w.users.staffA);
    unit = as(app, w.people.unitStaff);
    coUnit = as(app, w.s.coUnitStaff);

    // Published: class A, 满意/满意, with a co-signer and a co-unit.
    ids.published = await inProgress({ full: true });
    await act(unit, ids.published, 'reply', replyOf('A'));
    await act(lead, ids.published, 'evaluate', {
      attitude: 'satisfied',
      result: 'satisfied',
      comment: SECRET.comment,
    });
    await publish(
      ids.published,
      '关于加快老旧小区加装电梯的建议',
      '辖区老旧小区多为六层住宅，老年住户上下楼困难。\n建议简化审批、加大补贴。',
      '已列入民生实事，年内完成40台。\n后续将建立长效维护机制。',
    );
    // Published: class B, 满意/满意, another category.
    ids.publishedTransport = await inProgress({ categoryCode: 'transport' });
    await act(unit, ids.publishedTransport, 'reply', replyOf('B'));
    await act(lead, ids.publishedTransport, 'evaluate', { attitude: 'satisfied', result: 'satisfied' });
    await publish(
      ids.publishedTransport,
      '关于增设公交站点的建议',
      '建议在新区增设公交站点。',
      '已规划两处站点。',
    );
    // Closed, not published: class B, 满意/基本满意.
    ids.closed = await inProgress();
    await act(unit, ids.closed, 'reply', replyOf('B'));
    await act(lead, ids.closed, 'evaluate', { attitude: 'satisfied', result: 'basically_satisfied' });
    // Replied, not evaluated: class C.
    ids.replied = await inProgress();
    await act(unit, ids.replied, 'reply', replyOf('C'));
    // Registered only.
    ids.registered = await registered();
    // Re-handling after 不满意 on a class-C reply: its evaluation in force is 不满意.
    ids.rehandling = await inProgress();
    await act(unit, ids.rehandling, 'reply', replyOf('C'));
    await act(lead, ids.rehandling, 'evaluate', { attitude: 'basically_satisfied', result: 'unsatisfied' });
    // Registered then withdrawn; submitted only; refused; a draft: none counts as registered.
    ids.withdrawn = await registered();
    await act(lead, ids.withdrawn, 'withdraw', { reason: '已另行反映' });
    ids.submitted = await drafted();
    await act(lead, ids.submitted, 'submit');
    ids.refused = await drafted();
    await act(lead, ids.refused, 'submit');
    await act(staff, ids.refused, 'refuse', { reason: 'no_proposal', note: SECRET.note });
    ids.draft = await drafted();
    // Replied late: class A, not evaluated. Three months would outlast the test accounts'
    // passwords, so the deadline is moved into the past beneath the services instead.
    ids.late = await inProgress();
    await env()
      .ctx.database.db.updateTable('suggestion')
      .set({ reply_due: '2026-03-01T15:59:59.999Z' })
      .where('id', '=', ids.late)
      .execute();
    await act(unit, ids.late, 'reply', replyOf('A'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists the published cases only, newest first, with the published texts', async () => {
    const res = await pub('/api/v1/public/suggestions');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const page = res.json<Page>();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 10 });
    expect(page.items.map((i) => i.id)).toEqual([ids.publishedTransport, ids.published]);
    const item = page.items[1]!;
    expect(item).toEqual({
      id: ids.published,
      caseLabel: expect.stringMatching(/^第\d+号$/),
      kind: 'suggestion',
      kindLabel: '建议',
      congress: { id: w.congressA.id, name: '东湖区第十九届人民代表大会' },
      period: 'session',
      sessionNumber: 3,
      sessionLabel: '第三次会议',
      year: 2026,
      categoryCode: 'housing',
      title: '关于加快老旧小区加装电梯的建议',
      excerpt: '辖区老旧小区多为六层住宅，老年住户上下楼困难。 建议简化审批、加大补贴。',
      lead: '李代表',
      cosignerCount: 1,
      leadUnit: w.unit.name,
      replyClass: 'A',
      replyClassLabel: 'A类（已解决或基本解决）',
      evaluation: 'satisfied',
      evaluationLabel: '满意',
      publishedAt: expect.any(String),
    });
    expect(page.items[0]).toMatchObject({
      categoryCode: 'transport',
      replyClass: 'B',
      cosignerCount: 0,
      evaluation: 'satisfied',
    });
  });

  it('filters by year, congress, category and words of the published text or the case number', async () => {
    const list = async (query: string) =>
      (await pub(`/api/v1/public/suggestions?${query}`)).json<Page>().items.map((i) => i.id);
    expect(await list('year=2026')).toEqual([ids.publishedTransport, ids.published]);
    expect(await list('year=2025')).toEqual([]);
    expect(await list(`congressId=${w.congressA.id}`)).toHaveLength(2);
    expect(await list(`congressId=${w.congressB.id}`)).toEqual([]);
    expect(await list('categoryCode=transport')).toEqual([ids.publishedTransport]);
    expect(await list(`q=${encodeURIComponent('电梯')}`)).toEqual([ids.published]);
    expect(await list(`q=${encodeURIComponent('增设公交')}`)).toEqual([ids.publishedTransport]);
    expect(await list(`q=${encodeURIComponent('  ')}`)).toHaveLength(2);
    // The original text is not searched: searching for it finds nothing.
    for (const word of ['SECRET', '幸福小区', '原建议', '13912345678'])
      expect(await list(`q=${encodeURIComponent(word)}`), word).toEqual([]);
    const label = (await pub(`/api/v1/public/suggestions/${ids.published}`)).json<PublicSuggestionDetail>()
      .caseLabel!;
    expect(await list(`q=${encodeURIComponent(label)}`)).toContain(ids.published);
    const paged = (await pub('/api/v1/public/suggestions?pageSize=1&page=2')).json<Page>();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((i) => i.id)).toEqual([ids.published]);
  });

  it('shows one published case with its reply, units, signers and evaluation', async () => {
    const res = await pub(`/api/v1/public/suggestions/${ids.published}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const d = res.json<PublicSuggestionDetail>();
    expect(d).toMatchObject({
      id: ids.published,
      title: '关于加快老旧小区加装电梯的建议',
      body: '辖区老旧小区多为六层住宅，老年住户上下楼困难。\n建议简化审批、加大补贴。',
      reply: '已列入民生实事，年内完成40台。\n后续将建立长效维护机制。',
      replyClass: 'A',
      replyClassLabel: 'A类（已解决或基本解决）',
      leadUnit: w.unit.name,
      coUnits: [w.coUnit.name],
      lead: '李代表',
      jointLeads: [],
      cosigners: [await nameOf(w.otherRep.id)],
      evaluation: {
        attitude: 'satisfied',
        attitudeLabel: '满意',
        result: 'satisfied',
        resultLabel: '满意',
        overall: 'satisfied',
        overallLabel: '满意',
      },
      sessionLabel: '第三次会议',
      congress: { name: '东湖区第十九届人民代表大会' },
    });
    expect(d.registeredAt).toEqual(expect.any(String));
    expect(d.repliedAt).toEqual(expect.any(String));
    expect(d.publishedAt >= d.repliedAt!).toBe(true);
  });

  it('answers 404 for every case that is not published, and for no case at all', async () => {
    for (const key of [
      'closed',
      'replied',
      'registered',
      'rehandling',
      'late',
      'withdrawn',
      'submitted',
      'refused',
      'draft',
    ] as const) {
      const res = await pub(`/api/v1/public/suggestions/${ids[key]}`);
      expect(res.statusCode, key).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'NOT_FOUND',
        messages: { 'zh-CN': expect.stringContaining('公开'), en: expect.stringContaining('published') },
      });
    }
    expect((await pub('/api/v1/public/suggestions/999999')).statusCode).toBe(404);
  });

  it('works without a session and the same with one', async () => {
    const anonymous = await pub('/api/v1/public/suggestions');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['set-cookie']).toBeUndefined();
    const signedIn = await staff.get('/api/v1/public/suggestions');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<Page>().items.map((i) => i.id)).toEqual(
      anonymous.json<Page>().items.map((i) => i.id),
    );
  });

  it('refuses bad query input with a problem document and changes nothing', async () => {
    for (const url of [
      '/api/v1/public/suggestions?year=abc',
      '/api/v1/public/suggestions?year=1800',
      '/api/v1/public/suggestions?pageSize=500',
      '/api/v1/public/suggestions?page=0',
      '/api/v1/public/suggestions?congressId=-1',
      '/api/v1/public/suggestions?categoryCode=%3Cscript%3E',
      `/api/v1/public/suggestions?q=${encodeURIComponent('<b>电梯</b>')}`,
      `/api/v1/public/suggestions?q=${'长'.repeat(51)}`,
      '/api/v1/public/suggestions?status=CLOSED',
      '/api/v1/public/suggestions/abc',
      '/api/v1/public/suggestions/0',
      '/api/v1/public/suggestions/summary?year=x',
      '/api/v1/public/suggestions/summary?view=all',
    ]) {
      const res = await pub(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json().code, url).toBe('VALIDATION_FAILED');
    }
  });

  it('counts the year’s figures over every registered case, as by hand', async () => {
    const res = await pub('/api/v1/public/suggestions/summary?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const s = res.json<PublicSuggestionSummary>();
    // Registered: published ×2, closed, replied, registered, re-handling, late (not the withdrawn,
    // submitted, refused or draft ones). Replied: all but "registered"; on time: all but "late".
    // Evaluations in force: 满意 ×2 (published), 基本满意 (closed), 不满意 (re-handling).
    expect(s).toEqual({
      year: 2026,
      years: [2026],
      registered: 7,
      motions: 0,
      replied: 6,
      repliedOnTime: 5,
      onTimeRate: 5 / 6,
      classes: { A: 2, B: 2, C: 2 },
      evaluated: 4,
      satisfied: 2,
      basicallySatisfied: 1,
      unsatisfied: 1,
      satisfactionRate: (2 + 0.9 * 1) / 4,
      published: 2,
    });
    // The latest year by default; a congress filter; an empty year has no rates (not 0%).
    expect((await pub('/api/v1/public/suggestions/summary')).json()).toEqual(s);
    expect(
      (await pub(`/api/v1/public/suggestions/summary?year=2026&congressId=${w.congressA.id}`)).json(),
    ).toEqual(s);
    expect((await pub('/api/v1/public/suggestions/summary?year=2025')).json()).toMatchObject({
      year: 2025,
      registered: 0,
      onTimeRate: null,
      satisfactionRate: null,
    });
    expect(
      (await pub(`/api/v1/public/suggestions/summary?congressId=${w.congressB.id}`)).json(),
    ).toMatchObject({ years: [], registered: 0 });
  });

  it('limits the reads of one address per minute', async () => {
    const url = `/api/v1/public/suggestions/${ids.published}`;
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i <= PUBLIC_READS_PER_MINUTE; i++)
      last = await app.inject({ method: 'GET', url, remoteAddress: '203.0.113.7' });
    expect(last!.statusCode).toBe(429);
    expect(last!.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await pub(url, '203.0.113.8')).statusCode).toBe(200);
  });

  it('never let the case as drafted, any note or a phone number out in a public answer', () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const body of answers) {
      for (const [what, marker] of Object.entries(SECRET)) expect(body, what).not.toContain(marker);
      expect(body).not.toContain('SECRET');
      expect(body).not.toMatch(PHONE);
    }
  });
});

describe('public suggestion wording', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [21, '二十一'],
  ])('writes %i as %s', (n, zh) => expect(chineseNumber(n)).toBe(zh));

  it('names the session or the recess', () => {
    expect(sessionLabel('session', 3)).toBe('第三次会议');
    expect(sessionLabel('recess', null)).toBe('闭会期间');
  });

  it('cuts an excerpt on one line', () => {
    expect(excerptOf('一二\n三  四')).toBe('一二 三 四');
    expect(excerptOf('甲'.repeat(95), 90)).toBe(`${'甲'.repeat(90)}…`);
    expect(excerptOf('甲'.repeat(90), 90)).toBe('甲'.repeat(90));
  });
});
