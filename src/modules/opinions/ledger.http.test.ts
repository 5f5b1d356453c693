/**
 * The ledger list (台账) through HTTP: each order, page after page, with its total, filtered by
 * unit and status and by scope — compared with the same rows sorted here. The list picks a page's
 * ids among the opinions alone and only then reads and joins their rows (opinions.read.repo.ts),
 * so what is checked is that the page, its order and the total are those of a plain sort.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import { as, buildLoopWorld, type Caller, type LoopWorld } from '../../../test/support/opinion-fixtures.ts';
import { expectStatus } from '../../../test/support/org-fixtures.ts';
import type { OpinionListItem } from './opinions.schema.ts';
import { PRIVACY_NOTICE_VERSION } from './public.schema.ts';

interface Row {
  id: number;
  jurisdictionId: number;
  unitId: number | null;
  status: string;
  submittedAt: string;
  updatedAt: string;
  replyDue: string | null;
}

const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
const ORDERS: Record<string, (a: Row, b: Row) => number> = {
  submittedAt: (a, b) => desc(a.submittedAt, b.submittedAt) || b.id - a.id,
  updatedAt: (a, b) => desc(a.updatedAt, b.updatedAt) || b.id - a.id,
  // Without a reply deadline last, then the nearest deadline first.
  replyDue: (a, b) =>
    (a.replyDue === null ? 1 : 0) - (b.replyDue === null ? 1 : 0) ||
    -desc(a.replyDue ?? '', b.replyDue ?? '') ||
    a.id - b.id,
};

describeEachDialect('the ledger list', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  let city: Caller;
  let countyA: Caller;
  const rows: Row[] = [];

  beforeAll(async () => {
    const { ctx } = env();
    world = await buildLoopWorld(ctx);
    app = await buildTestApp(ctx);
    city = as(app, world.users.cityStaff);
    countyA = as(app, world.users.staffA);
    const places = [world.townA1.id, world.countyA.id, world.townB1.id, world.countyB.id];
    const units = [null, world.unit.id, world.unitB.id];
    const statuses = ['SUBMITTED', 'ASSIGNED', 'SIGNED', 'CLOSED'];
    for (let i = 0; i < 23; i++) {
      // Every third pair shares its instants, so the id decides between them.
      const minute = (n: number) => new Date(Date.UTC(2026, 1, 1, 8, n)).toISOString();
      const submittedAt = minute(Math.floor(i / 2) * 7);
      const row = {
        jurisdictionId: places[i % places.length]!,
        unitId: units[i % units.length]!,
        status: statuses[(i >> 1) % statuses.length]!,
        submittedAt,
        updatedAt: minute(((i * 11) % 17) * 5),
        replyDue: i % 4 === 0 ? null : minute(((i * 7) % 13) * 60),
      };
      const inserted = await ctx.database.db
        .insertInto('opinion')
        .values({
          tracking_code: `ledger${String(i).padStart(4, '0')}`,
          status: row.status,
          channel: 'qr',
          submitter_kind: 'citizen',
          jurisdiction_id: row.jurisdictionId,
          unit_id: row.unitId,
          content: `台账测试 ${i}`,
          anonymous: 1,
          consent_privacy_at: submittedAt,
          privacy_notice_version: PRIVACY_NOTICE_VERSION,
          consent_publish: 0,
          submitted_at: submittedAt,
          stats_month: submittedAt.slice(0, 7),
          ack_due: submittedAt,
          reply_due: row.replyDue,
          created_at: submittedAt,
          updated_at: row.updatedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      rows.push({ id: inserted.id, ...row });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const page = (who: Caller, query: string) =>
    expectStatus<{ items: OpinionListItem[]; total: number }>(who.get(`/api/v1/opinions?${query}`), 200);

  /** Every page of the list, in order, checked against the rows sorted here. */
  async function expectPages(who: Caller, query: string, expected: Row[]) {
    const pageSize = 5;
    for (let p = 1; p <= Math.ceil(expected.length / pageSize) + 1; p++) {
      const body = await page(who, `${query}&page=${p}&pageSize=${pageSize}`);
      expect(body.total, `${query} page ${p}`).toBe(expected.length);
      expect(
        body.items.map((i) => i.id),
        `${query} page ${p}`,
      ).toEqual(expected.slice((p - 1) * pageSize, p * pageSize).map((r) => r.id));
    }
  }

  it('pages through the whole ledger in each order, with the same total on every page', async () => {
    for (const [sort, order] of Object.entries(ORDERS))
      await expectPages(city, `sort=${sort}`, [...rows].sort(order));
    // No sort asked: newest first.
    await expectPages(city, 'view=all', [...rows].sort(ORDERS.submittedAt));
  });

  it('filters by unit and status, and by the reader’s scope, before paging', async () => {
    const byUnit = rows.filter(
      (r) => r.unitId === world.unit.id && ['ASSIGNED', 'SIGNED'].includes(r.status),
    );
    expect(byUnit.length).toBeGreaterThan(1);
    await expectPages(
      city,
      `unitId=${world.unit.id}&status=ASSIGNED&status=SIGNED&sort=replyDue`,
      byUnit.sort(ORDERS.replyDue),
    );
    const inA = rows.filter((r) => [world.countyA.id, world.townA1.id].includes(r.jurisdictionId));
    await expectPages(countyA, 'sort=submittedAt', inA.sort(ORDERS.submittedAt));
    await expectPages(city, `jurisdictionId=${world.townA1.id}&sort=updatedAt`, [
      ...rows.filter((r) => r.jurisdictionId === world.townA1.id).sort(ORDERS.updatedAt),
    ]);
  });
});
