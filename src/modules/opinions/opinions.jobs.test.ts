/**
 * The loop's clock on the test clock: each deadline flagged and alerted once (every run twice),
 * reminders before the reply deadline, escalation to the supervising unit, feedback windows
 * closing, old idempotency keys going — with the statistics equal to the opinions after each run.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import {
  as,
  buildLoopWorld,
  expectStatsMatchOpinions,
  opinionIdOf,
  submit,
  type Caller,
  type LoopWorld,
} from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import { runOpinionDeadlines } from './opinions.jobs.ts';
import type { OpinionView } from './opinions.schema.ts';

describeEachDialect('opinion deadlines', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  let staff: Caller;
  let unit: Caller;
  const ids = { x: 0, y: 0, z: 0, w: 0 };

  const db = () => env().ctx.database.db;
  const act = (client: Caller, id: number, path: string, body: Record<string, unknown> = {}) =>
    expectStatus<OpinionView>(client.post(`/api/v1/opinions/${id}/${path}`, body), 200);
  const newItem = async () =>
    opinionIdOf(env().ctx, (await submit(app, world.station.publicCode, { phone: null })).trackingCode);
  const at = (iso: string) => env().clock.set(new Date(iso));
  const notices = (kind: string) =>
    db()
      .selectFrom('notification')
      .select(['user_id', 'link_id'])
      .where('kind', '=', kind)
      .orderBy('id')
      .execute();

  /** Run twice: the second run must find nothing left to do. */
  async function runTwice(): Promise<Record<string, number>> {
    const first = await runOpinionDeadlines(env().ctx);
    const second = await runOpinionDeadlines(env().ctx);
    expect(
      Object.values(second).every((n) => n === 0),
      JSON.stringify(second),
    ).toBe(true);
    await expectStatsMatchOpinions(env().ctx);
    return first;
  }

  beforeAll(async () => {
    world = await buildLoopWorld(env().ctx);
    app = await buildTestApp(env().ctx);
    staff = as(app, world.users.staffA);
    unit = as(app, world.people.unitStaff);
    // Monday 2026-03-02, 09:00 Beijing. X waits for triage; Y is assigned, not signed; Z is
    // signed; W is answered and waits for the citizen's rating.
    ids.x = await newItem();
    ids.y = await newItem();
    await act(staff, ids.y, 'accept');
    await act(staff, ids.y, 'assign', { unitId: world.unit.id });
    ids.z = await newItem();
    await act(staff, ids.z, 'accept');
    await act(staff, ids.z, 'assign', { unitId: world.unit.id });
    await act(unit, ids.z, 'sign');
    ids.w = await newItem();
    await act(staff, ids.w, 'accept');
    await act(staff, ids.w, 'assign', { unitId: world.unit.id });
    await act(unit, ids.w, 'sign');
    await act(unit, ids.w, 'reply', { result: 'solved', content: '已处理' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('does nothing while every deadline is ahead', async () => {
    const did = await runTwice();
    expect(Object.values(did).every((n) => n === 0)).toBe(true);
  });

  it('flags and escalates missed acknowledgement and sign-off once, and forgets day-old idempotency keys', async () => {
    at('2026-03-05T02:00:00.000Z'); // Thursday: ack (Wednesday) and sign-off (Tuesday) have passed
    const did = await runTwice();
    expect(did).toMatchObject({
      ack_overdue: 1,
      sign_overdue: 1,
      reply_due_soon: 0,
      reply_overdue: 0,
      feedback_expired: 0,
    });
    expect(did.idempotency_keys_purged).toBe(4);
    const flags = await db()
      .selectFrom('opinion')
      .select(['id', 'ack_overdue', 'sign_overdue'])
      .where('id', 'in', [ids.x, ids.y])
      .orderBy('id')
      .execute();
    expect(flags).toEqual([
      { id: ids.x, ack_overdue: 1, sign_overdue: 0 },
      { id: ids.y, ack_overdue: 0, sign_overdue: 1 },
    ]);
    expect(await notices('opinion.ack_overdue')).toEqual([
      { user_id: world.users.staffA.id, link_id: ids.x },
    ]);
    const sign = await notices('opinion.sign_overdue');
    expect(sign.map((n) => n.user_id).sort((a, b) => a - b)).toEqual(
      [world.people.unitStaff.id, world.people.supervisorStaff.id, world.users.staffA.id].sort(
        (a, b) => a - b,
      ),
    );
    // The list shows it too, from the clock.
    const overdue = await expectStatus<{ items: { id: number }[] }>(
      staff.get('/api/v1/opinions?overdue=true'),
      200,
    );
    expect(overdue.items.map((i) => i.id).sort()).toEqual([ids.x, ids.y].sort((a, b) => a - b));
  });

  it('closes a feedback window that ran out, unrated', async () => {
    at('2026-03-10T02:00:00.000Z'); // the 7 days after the reply ended on Monday 03-09
    const did = await runTwice();
    expect(did.feedback_expired).toBe(1);
    const w = await expectStatus<OpinionView>(staff.get(`/api/v1/opinions/${ids.w}`), 200);
    expect(w.status).toBe('CLOSED_UNRATED');
    expect(w.events.at(-1)).toMatchObject({ action: 'expire_feedback', actorKind: 'system' });
  });

  it('reminds the unit before the reply deadline (临期), once', async () => {
    at('2026-03-20T02:00:00.000Z'); // Friday; the replies are due Monday 03-23
    const did = await runTwice();
    expect(did.reply_due_soon).toBe(2);
    const reminded = await notices('opinion.reply_due_soon');
    expect(reminded.map((n) => n.link_id).sort()).toEqual([ids.y, ids.z].sort((a, b) => a - b));
    expect(reminded.every((n) => n.user_id === world.people.unitStaff.id)).toBe(true);
    const soon = await expectStatus<{ items: { id: number }[] }>(
      unit.get('/api/v1/opinions?dueSoon=true'),
      200,
    );
    expect(soon.items.map((i) => i.id).sort()).toEqual([ids.y, ids.z].sort((a, b) => a - b));
  });

  it('escalates a missed reply to the supervising unit and the staff, once, and counts it overdue', async () => {
    at('2026-03-24T02:00:00.000Z');
    const did = await runTwice();
    expect(did.reply_overdue).toBe(2);
    const escalated = await notices('opinion.reply_overdue');
    const to = (id: number) =>
      escalated
        .filter((n) => n.link_id === id)
        .map((n) => n.user_id)
        .sort((a, b) => a - b);
    expect(to(ids.z)).toEqual(
      [world.people.unitStaff.id, world.people.supervisorStaff.id, world.users.staffA.id].sort(
        (a, b) => a - b,
      ),
    );
    const stats = await db()
      .selectFrom('opinion_stats')
      .select((eb) => eb.fn.sum<number>('overdue_open').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stats.n)).toBe(2);
  });

  it('alerts again for a new deadline after an extension', async () => {
    await act(unit, ids.z, 'request-extension', { workingDays: 3, reason: '需要协调' });
    const approved = await act(staff, ids.z, 'approve-extension', {});
    expect(approved.deadlines).toMatchObject({
      replyDue: '2026-03-26T15:59:59.999Z',
      overdue: { reply: false },
    });
    const did = await runTwice();
    expect(did.reply_due_soon).toBe(1);
    const row = await db()
      .selectFrom('opinion')
      .select('reply_overdue')
      .where('id', '=', ids.z)
      .executeTakeFirstOrThrow();
    expect(row.reply_overdue).toBe(0);
  });
});
