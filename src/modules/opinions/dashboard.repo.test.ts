/**
 * The summary by representative group counts in SQL what `countersOf` counts in TypeScript
 * (dashboard.repo.ts, COUNTER_SQL). Over opinions in every state with every combination of facts
 * that the counters read, the two must agree exactly.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { insertGroup, insertRepresentative } from '../../../test/support/import-fixtures.ts';
import { uniqueCode } from '../../../test/support/org-fixtures.ts';
import { addMembers, insertOpinion } from '../../../test/support/dashboard-fixtures.ts';
import { GLOBAL_SCOPE } from '../../platform/db/scope.ts';
import { sumByGroup } from './dashboard.repo.ts';
import { countersOf, emptyCounters, STATS_COUNTERS, type OpinionFacts } from './opinions.kpi.ts';
import { OPINION_STATES, RATINGS, REPLY_RESULTS } from './opinions.vocab.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function picker(seed: number) {
  let s = seed >>> 0;
  return <T>(values: readonly T[]): T => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return values[Math.floor(r * values.length)]!;
  };
}

describeEachDialect('summary by group counts what countersOf counts', (env) => {
  let org: OrgFixture;
  let group: number;
  const facts: OpinionFacts[] = [];

  beforeAll(async () => {
    const { ctx } = env();
    org = await buildOrgFixture(ctx);
    const rep = await insertRepresentative(ctx, { code: uniqueCode('R'), jurisdictionId: org.countyA.id });
    group = await insertGroup(ctx, { code: uniqueCode('G'), jurisdictionId: org.countyA.id });
    await addMembers(ctx, group, [rep]);
    const pick = picker(20261123);
    const at = '2026-02-10T02:00:00.000Z';
    for (const status of OPINION_STATES) {
      for (let i = 0; i < 12; i++) {
        const acked = pick([true, false]);
        const replied = pick([true, false]);
        const f: OpinionFacts = {
          status,
          ack_at: acked ? at : null,
          ack_on_time: acked ? pick([0, 1, null]) : null,
          ack_overdue: pick([0, 1]),
          first_reply_at: replied ? at : null,
          reply_on_time: pick([0, 1, null]),
          last_result: pick([null, ...REPLY_RESULTS]),
          last_rating: pick([null, ...RATINGS]),
          rehandle_rounds: pick([0, 0, 1, 2]),
          reply_overdue: pick([0, 1]),
        };
        facts.push(f);
        await insertOpinion(ctx, {
          ...f,
          jurisdictionId: org.townA1.id,
          month: '2026-02',
          representativeId: rep,
        });
      }
    }
  });

  it('agrees on every counter, over every state', async () => {
    const [row] = await sumByGroup(env().ctx.database.db, {
      scope: GLOBAL_SCOPE,
      from: '2026-01',
      to: '2026-03',
    });
    const expected = emptyCounters();
    for (const f of facts) {
      const c = countersOf(f);
      for (const k of STATS_COUNTERS) expected[k] += c[k];
    }
    expect(row?.key.id).toBe(group);
    expect(row?.counters).toEqual(expected);
    // The data exercise every counter (a counter that is always 0 would prove nothing).
    for (const k of STATS_COUNTERS) expect(expected[k], k).toBeGreaterThan(0);
  });

  it('leaves out opinions outside the months or the scope', async () => {
    const db = env().ctx.database.db;
    expect(await sumByGroup(db, { scope: GLOBAL_SCOPE, from: '2026-03', to: '2026-12' })).toEqual([]);
    expect(
      await sumByGroup(db, { scope: { path: org.countyB.path }, from: '2026-01', to: '2026-03' }),
    ).toEqual([]);
  });
});
