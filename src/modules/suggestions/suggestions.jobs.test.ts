/**
 * The suggestions' clock on the test clock: the 临期 reminder before the reply deadline, the 超期
 * escalation to the unit, the staff and the supervising leader, the reminder to a co-unit late with
 * its opinion, the reminder to evaluate and the closing of an evaluation window that ran out —
 * each once (every run is run twice, the second must find nothing to do).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, type Caller } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { buildSuggestionWorld, type SuggestionWorld } from '../../../test/support/suggestion-fixtures.ts';
import { runSuggestionDeadlines } from './suggestions.jobs.ts';
import type { SuggestionDetail } from './suggestions.schema.ts';

describeEachDialect(
  'suggestion deadlines',
  (env) => {
    let app: FastifyInstance;
    let w: SuggestionWorld;
    let lead: Caller;
    let staff: Caller;
    let unit: Caller;
    let id = 0;

    const db = () => env().ctx.database.db;
    const at = (iso: string) => env().clock.set(new Date(iso));
    const notices = (kind: string) =>
      db()
        .selectFrom('notification')
        .select(['user_id', 'link_id'])
        .where('kind', '=', kind)
        .where('link_type', '=', 'suggestion')
        .orderBy('id')
        .execute();
    const usersOf = async (kind: string) =>
      [...new Set((await notices(kind)).map((n) => n.user_id))].sort((a, b) => a - b);

    async function runTwice(): Promise<Record<string, number>> {
      const first = await runSuggestionDeadlines(env().ctx);
      const second = await runSuggestionDeadlines(env().ctx);
      expect(
        Object.values(second).every((n) => n === 0),
        JSON.stringify(second),
      ).toBe(true);
      return first;
    }

    beforeAll(async () => {
      w = await buildSuggestionWorld(env().ctx);
      app = await buildTestApp(env().ctx);
      lead = as(app, w.s.lead);
      staff = as(app, w.users.staffA);
      unit = as(app, w.people.unitStaff);
      // Assigned on Monday 2026-03-02 to a lead unit and a co-unit, 重点督办 under the leader.
      const v = await expectStatus<SuggestionDetail>(
        lead.post('/api/v1/suggestions', {
          kind: 'suggestion',
          congressId: w.congressA.id,
          period: 'recess',
          title: '关于增设社区养老服务站的建议',
          categoryCode: 'civil_affairs',
          background: '辖区老年人口多。',
          proposals: '每个社区设一处养老服务站。',
        }),
        201,
      );
      id = v.id;
      await expectStatus(lead.post(`/api/v1/suggestions/${id}/submit`, {}), 200);
      await expectStatus(staff.post(`/api/v1/suggestions/${id}/register`, {}), 200);
      await expectStatus(
        staff.post(`/api/v1/suggestions/${id}/assign`, {
          leadUnitId: w.unit.id,
          coUnitIds: [w.coUnit.id],
          keySupervision: true,
          supervisorUserId: w.s.leaderA.id,
        }),
        200,
      );
      await expectStatus(unit.post(`/api/v1/suggestions/${id}/sign`, {}), 200);
    });
    afterAll(async () => {
      await app.close();
    });

    it('does nothing while every deadline is far', async () => {
      const counts = await runTwice();
      expect(
        Object.values(counts).every((n) => n === 0),
        JSON.stringify(counts),
      ).toBe(true);
    });

    it('reminds a co-unit late with its opinion (after 1 month), once', async () => {
      at('2026-04-03T02:00:00.000Z');
      const counts = await runTwice();
      expect(counts.suggestion_co_opinion_overdue).toBe(1);
      expect(await usersOf('suggestion.co_opinion_overdue')).toEqual([w.s.coUnitStaff.id]);
    });

    it('reminds the lead unit 10 working days before the reply is due (2026-06-02), once', async () => {
      at('2026-05-15T02:00:00.000Z'); // 11 working days before: not yet
      expect((await runTwice()).suggestion_reply_due_soon).toBe(0);
      at('2026-05-20T02:00:00.000Z');
      expect((await runTwice()).suggestion_reply_due_soon).toBe(1);
      expect(await usersOf('suggestion.reply_due_soon')).toEqual([w.people.unitStaff.id]);
    });

    it('escalates a passed reply deadline to the unit, the staff and the supervising leader', async () => {
      at('2026-06-03T02:00:00.000Z');
      expect((await runTwice()).suggestion_reply_overdue).toBe(1);
      expect(await usersOf('suggestion.reply_overdue')).toEqual(
        [w.people.unitStaff.id, w.users.staffA.id, w.s.leaderA.id].sort((a, b) => a - b),
      );
      const overdue = await expectStatus<{ items: { id: number }[] }>(
        staff.get('/api/v1/suggestions?view=overdue'),
        200,
      );
      expect(overdue.items.map((i) => i.id)).toEqual([id]);
    });

    it('reminds the lead to evaluate, then closes the case unevaluated when the 15 working days run out', async () => {
      await expectStatus(
        unit.post(`/api/v1/suggestions/${id}/contacts`, {
          contactedOn: '2026-06-03',
          means: 'phone',
          summary: '电话沟通',
        }),
        200,
      );
      await expectStatus(
        unit.post(`/api/v1/suggestions/${id}/reply`, {
          replyClass: 'A',
          documentNumber: '东民函〔2026〕3号',
          signer: '周局长',
          body: '已在三个社区设立养老服务站。',
        }),
        200,
      );
      // Replied Wednesday 06-03: 15 working days → Thursday 06-25 (the Dragon Boat holiday is Friday 06-19).
      const v = await expectStatus<SuggestionDetail>(staff.get(`/api/v1/suggestions/${id}`), 200);
      expect(v.deadlines.evaluationDue).toBe('2026-06-25T15:59:59.999Z');
      at('2026-06-22T02:00:00.000Z');
      expect((await runTwice()).suggestion_evaluation_due_soon).toBe(1);
      expect(await usersOf('suggestion.evaluation_due_soon')).toEqual([w.s.lead.id]);
      at('2026-06-25T02:00:00.000Z'); // the last day: still open
      expect((await runTwice()).suggestion_evaluation_expired).toBe(0);
      at('2026-06-26T02:00:00.000Z');
      expect((await runTwice()).suggestion_evaluation_expired).toBe(1);
      const closed = await expectStatus<SuggestionDetail>(staff.get(`/api/v1/suggestions/${id}`), 200);
      expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'unevaluated', resultRating: null });
      expect(closed.history.at(-1)).toMatchObject({ action: 'expire_evaluation', actorKind: 'system' });
      // The representative can no longer evaluate.
      expect(
        (
          await lead.post(`/api/v1/suggestions/${id}/evaluate`, {
            attitude: 'satisfied',
            result: 'satisfied',
          })
        ).statusCode,
      ).toBe(409);
    });
  },
  // The suite's clock runs four months: passwords must not expire under it.
  { PASSWORD_MAX_AGE_DAYS: '0' },
);
