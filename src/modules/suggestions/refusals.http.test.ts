/**
 * Every action the state machine refuses, tried through HTTP on a case in each reachable state:
 * each gets 409 (not in this state, or a guard) or 403 (not this person's), with a message in
 * Chinese and English, and changes nothing — the case's version, its events and the audit chain's
 * business rows stay as they were.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import { ACTION_PATHS, type SuggestionDetail, type UserAction } from './suggestions.schema.ts';
import type { SuggestionState } from './suggestions.vocab.ts';

/** A body each action would accept if it were allowed (so what is tested is the refusal, not the body). */
const BODIES: Record<UserAction, Record<string, unknown>> = {
  submit: {},
  withdraw: {},
  register: {},
  refuse: { reason: 'other', note: '说明' },
  merge: { targetId: 1 },
  assign: { leadUnitId: 1 },
  sign: {},
  request_return: { reason: '理由' },
  approve_return: {},
  refuse_return: { note: '理由' },
  request_extension: { until: '2026-07-01', reason: '理由' },
  approve_extension: {},
  refuse_extension: { note: '理由' },
  reply: { replyClass: 'A', documentNumber: '文号', signer: '签发人', body: '答复' },
  evaluate: { attitude: 'satisfied', result: 'satisfied' },
  resolve_escalation: { note: '说明' },
  publish: { title: '标题', body: '内容', reply: '答复' },
};

describeEachDialect('refused suggestion actions change nothing', (env) => {
  let app: FastifyInstance;
  let w: SuggestionWorld;
  let people: Record<string, Caller>;
  const cases = new Map<SuggestionState, number>();

  const db = () => env().ctx.database.db;
  const snapshot = async (id: number) => ({
    row: await db()
      .selectFrom('suggestion')
      .select(['status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    events: Number(
      (
        await db()
          .selectFrom('suggestion_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('suggestion_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    ),
    audits: Number(
      (
        await db()
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity_type', '=', 'suggestion')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  beforeAll(async () => {
    w = await buildSuggestionWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    people = {
      lead: as(app, w.s.lead),
      cosigner: as(app, w.s.cosigner),
      staff: as(app, w.users.staffA),
      unit: as(app, w.people.unitStaff),
      coUnit: as(app, w.s.coUnitStaff),
    };
    const { lead, staff, unit } = people as Record<string, Caller>;
    const ok = (p: Promise<{ statusCode: number; body: string }>) => expectStatus(p as never, 200);
    const step = (c: Caller, id: number, path: string, body: Record<string, unknown> = {}) =>
      ok(c.post(`/api/v1/suggestions/${id}/${path}`, body) as never);
    const draft = async () =>
      (
        await expectStatus<SuggestionDetail>(
          lead!.post('/api/v1/suggestions', {
            kind: 'suggestion',
            congressId: w.congressA.id,
            period: 'recess',
            title: '关于改造背街小巷的建议',
            categoryCode: 'city_management',
            background: '背街小巷路面破损。',
            proposals: '纳入年度改造计划。',
          }),
          201,
        )
      ).id;
    const contact = (id: number) =>
      ok(
        unit!.post(`/api/v1/suggestions/${id}/contacts`, {
          contactedOn: '2026-03-02',
          means: 'phone',
          summary: '电话',
        }) as never,
      );
    const reply = (id: number) => step(unit!, id, 'reply', BODIES.reply);
    const make = async (upTo: SuggestionState) => {
      const id = await draft();
      const path: [SuggestionState, () => Promise<unknown>][] = [
        ['DRAFT', async () => {}],
        ['SUBMITTED', () => step(lead!, id, 'submit')],
        ['REGISTERED', () => step(staff!, id, 'register')],
        ['ASSIGNED', () => step(staff!, id, 'assign', { leadUnitId: w.unit.id, coUnitIds: [w.coUnit.id] })],
        ['IN_PROGRESS', () => step(unit!, id, 'sign')],
        ['REPLIED', async () => (await contact(id), await reply(id))],
        ['REHANDLING', () => step(lead!, id, 'evaluate', { attitude: 'unsatisfied', result: 'unsatisfied' })],
        [
          'ESCALATED',
          async () => (
            await contact(id),
            await reply(id),
            await step(lead!, id, 'evaluate', { attitude: 'unsatisfied', result: 'unsatisfied' })
          ),
        ],
        ['CLOSED', () => step(staff!, id, 'resolve-escalation', { note: '已督办' })],
        ['PUBLISHED', () => step(staff!, id, 'publish', BODIES.publish)],
      ];
      for (const [state, go] of path) {
        await go();
        if (state === upTo) return id;
      }
      throw new Error(upTo);
    };
    for (const s of [
      'DRAFT',
      'SUBMITTED',
      'REGISTERED',
      'ASSIGNED',
      'IN_PROGRESS',
      'REPLIED',
      'REHANDLING',
      'ESCALATED',
      'CLOSED',
      'PUBLISHED',
    ] as const) {
      cases.set(s, await make(s));
    }
    // The other end states: withdrawn, not accepted, merged; and the paused ones.
    const withdrawn = await draft();
    await step(lead!, withdrawn, 'withdraw');
    cases.set('WITHDRAWN', withdrawn);
    const refused = await draft();
    await step(lead!, refused, 'submit');
    await step(staff!, refused, 'refuse', BODIES.refuse);
    cases.set('NOT_ACCEPTED', refused);
    const merged = await draft();
    await step(lead!, merged, 'submit');
    await step(staff!, merged, 'merge', { targetId: cases.get('REGISTERED')! });
    cases.set('MERGED', merged);
    const returning = await make('ASSIGNED');
    await step(unit!, returning, 'request-return', { reason: '不属于我局' });
    cases.set('RETURN_REQUESTED', returning);
    const extending = await make('IN_PROGRESS');
    await step(unit!, extending, 'request-extension', { until: '2026-07-01', reason: '协调' });
    cases.set('EXTENSION_REQUESTED', extending);
  });
  afterAll(async () => {
    await app.close();
  });

  it('built a case in every state a person can meet', () => {
    // EVALUATED is passed through at once (the system closes, re-handles or escalates).
    expect([...cases.keys()].sort()).toEqual(
      [
        'DRAFT',
        'SUBMITTED',
        'WITHDRAWN',
        'REGISTERED',
        'NOT_ACCEPTED',
        'MERGED',
        'ASSIGNED',
        'RETURN_REQUESTED',
        'IN_PROGRESS',
        'EXTENSION_REQUESTED',
        'REPLIED',
        'REHANDLING',
        'ESCALATED',
        'CLOSED',
        'PUBLISHED',
      ].sort(),
    );
  });

  it('refuses every action the case page does not offer, with 409 or 403 and no change', async () => {
    let tried = 0;
    for (const [state, id] of cases) {
      for (const [who, caller] of Object.entries(people)) {
        const offered = await caller.get(`/api/v1/suggestions/${id}`);
        const actions: string[] =
          offered.statusCode === 200 ? (offered.json() as SuggestionDetail).actions : [];
        for (const action of Object.keys(ACTION_PATHS) as UserAction[]) {
          if (actions.includes(action)) continue;
          const before = await snapshot(id);
          const res = await caller.post(`/api/v1/suggestions/${id}/${ACTION_PATHS[action]}`, BODIES[action]);
          const label = `${state} ${who} ${action} → ${res.statusCode} ${res.body.slice(0, 160)}`;
          expect([403, 404, 409], label).toContain(res.statusCode);
          if (offered.statusCode !== 200) expect(res.statusCode, label).toBe(404);
          const body = res.json() as { messages: { 'zh-CN': string; en: string } };
          expect(body.messages['zh-CN'], label).toBeTruthy();
          expect(body.messages.en, label).toBeTruthy();
          expect(await snapshot(id), label).toEqual(before);
          tried += 1;
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });
});
