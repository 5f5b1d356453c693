/**
 * Published cases and the deployment's KPIs, beneath the HTTP layer: the list keeps to consented,
 * published items with their redacted texts; the KPIs are kpisOf over the summed statistics rows.
 */
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture } from '../../../test/support/fixtures.ts';
import { emptyCounters, kpisOf, STATS_COUNTERS, type Counters } from './opinions.kpi.ts';
import { PRIVACY_NOTICE_VERSION } from './public.schema.ts';
import { deploymentKpis, listPublishedCases } from './published.service.ts';

describeEachDialect('published cases and deployment KPIs', (env) => {
  it('sums every statistics row, whatever its month, place, unit or category, into kpisOf', async () => {
    const { ctx } = env();
    const org = await buildOrgFixture(ctx);
    expect(await deploymentKpis(ctx)).toEqual(kpisOf(emptyCounters()));

    const rows: (Partial<Counters> & { month: string; jurisdiction_id: number; category_code: string })[] = [
      {
        month: '2026-01',
        jurisdiction_id: org.townA1.id,
        category_code: 'transport',
        collected: 10,
        valid: 9,
        handled: 8,
        responded: 8,
        responded_on_time: 7,
        response_overdue: 1,
        replied: 6,
        replied_on_time: 5,
        solved: 4,
        explained: 2,
        rated: 5,
        satisfied: 3,
        basically_satisfied: 1,
        unsatisfied: 1,
      },
      {
        month: '2026-02',
        jurisdiction_id: org.townB1.id,
        category_code: '',
        collected: 7,
        valid: 7,
        handled: 3,
        responded: 5,
        responded_on_time: 5,
        replied: 3,
        replied_on_time: 1,
        partially_solved: 1,
        solved: 2,
        rated: 2,
        basically_satisfied: 2,
        closed_unrated: 1,
      },
    ];
    for (const r of rows)
      await ctx.database.db
        .insertInto('opinion_stats')
        .values({ station_id: 0, unit_id: 0, ...r })
        .execute();

    const expected = emptyCounters();
    for (const r of rows) for (const c of STATS_COUNTERS) expected[c] += r[c] ?? 0;
    const kpis = await deploymentKpis(ctx);
    expect(kpis).toEqual(kpisOf(expected));
    expect(kpis.counts.collected).toBe(17);
    expect(kpis.satisfactionRate).toBeCloseTo((3 + 0.9 * 3) / 7, 10);
    expect(kpis.responseRate).toBeCloseTo(12 / 14, 10);
  });

  it('pages through published cases newest first and never returns an item without consent', async () => {
    const { ctx } = env();
    const org = await buildOrgFixture(ctx);
    const now = ctx.clock.now().toISOString();
    const insert = async (n: number, consent: boolean, status = 'PUBLISHED') =>
      (
        await ctx.database.db
          .insertInto('opinion')
          .values({
            tracking_code: `pub${n}${Math.random().toString(36).slice(2, 8)}`,
            status,
            channel: 'qr',
            submitter_kind: 'citizen',
            jurisdiction_id: org.townA1.id,
            station_id: null,
            representative_id: null,
            grid_id: null,
            category_code: null,
            content: `original ${n}`,
            address: null,
            submitter_name_enc: null,
            submitter_phone_enc: null,
            submitter_phone_hash: null,
            anonymous: 1,
            consent_privacy_at: now,
            privacy_notice_version: PRIVACY_NOTICE_VERSION,
            consent_publish: consent ? 1 : 0,
            registered_by_user_id: null,
            submitted_at: now,
            stats_month: now.slice(0, 7),
            ack_due: now,
            last_result: 'explained',
            last_rating: null,
            published_at:
              status === 'PUBLISHED' ? `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z` : null,
            published_content: `redacted ${n}`,
            published_reply: `reply ${n}`,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const published = [];
    for (let n = 1; n <= 12; n++) published.push(await insert(n, true));
    await insert(20, false);
    await insert(21, true, 'CLOSED');

    const first = await listPublishedCases(ctx, {}, 1, 10);
    expect(first.total).toBe(12);
    expect(first.items.map((i) => i.id)).toEqual(published.slice(2).reverse());
    expect(first.items[0]).toMatchObject({
      content: 'redacted 12',
      reply: 'reply 12',
      result: 'explained',
      rating: null,
    });
    const second = await listPublishedCases(ctx, {}, 2, 10);
    expect(second.items.map((i) => i.id)).toEqual([published[1], published[0]]);
    expect(JSON.stringify([first, second])).not.toContain('original');
  });
});
