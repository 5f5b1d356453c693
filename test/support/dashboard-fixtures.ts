/**
 * Rows for the dashboard's tests, inserted beneath the services: opinions with chosen facts (only
 * the columns the KPI counters read matter), and the representative groups of a small world.
 */
import type { AppContext } from '../../src/platform/context.ts';
import type { OpinionFacts } from '../../src/modules/opinions/opinions.kpi.ts';
import type { OrgFixture } from './fixtures.ts';
import { insertGroup, insertRepresentative } from './import-fixtures.ts';
import { uniqueCode } from './org-fixtures.ts';

let seq = 0;

export async function insertOpinion(
  ctx: AppContext,
  o: Partial<OpinionFacts> & {
    jurisdictionId: number;
    month: string;
    representativeId?: number | null;
    unitId?: number | null;
    stationId?: number | null;
    categoryCode?: string | null;
  },
): Promise<number> {
  seq += 1;
  const at = `${o.month}-10T02:00:00.000Z`;
  const row = await ctx.database.db
    .insertInto('opinion')
    .values({
      tracking_code: `T${process.pid % 10000}x${seq}`.slice(0, 16),
      status: o.status ?? 'SUBMITTED',
      channel: 'qr',
      submitter_kind: 'citizen',
      jurisdiction_id: o.jurisdictionId,
      station_id: o.stationId ?? null,
      representative_id: o.representativeId ?? null,
      unit_id: o.unitId ?? null,
      category_code: o.categoryCode ?? null,
      content: '测试意见',
      consent_privacy_at: at,
      anonymous: 0,
      consent_publish: 0,
      privacy_notice_version: 'v1',
      submitted_at: at,
      stats_month: o.month,
      ack_due: at,
      ack_at: o.ack_at ?? null,
      ack_on_time: o.ack_on_time ?? null,
      ack_overdue: o.ack_overdue ?? 0,
      first_reply_at: o.first_reply_at ?? null,
      reply_on_time: o.reply_on_time ?? null,
      last_result: o.last_result ?? null,
      last_rating: o.last_rating ?? null,
      rehandle_rounds: o.rehandle_rounds ?? 0,
      reply_overdue: o.reply_overdue ?? 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMembers(
  ctx: AppContext,
  groupId: number,
  representativeIds: number[],
): Promise<void> {
  await ctx.database.db
    .insertInto('group_member')
    .values(
      representativeIds.map((representative_id) => ({
        group_id: groupId,
        representative_id,
        role: 'member' as const,
      })),
    )
    .execute();
}

export interface GroupWorld {
  GA: number;
  GA2: number;
  GB: number;
  GC: number;
  names: { GA: string; GA2: string; GB: string; GC: string };
}

/**
 * Representatives R1, R2 (county A) and R3 (county B); groups GA {R1, R2} and GA2 {R1} of county A,
 * GB {R3} of county B, GC {R1} of the city (R1 sits in three groups); and six opinions:
 * o1 R1 2026-01 closed, replied on time as solved, rated 满意; o2 R2 2026-02 replied (explained),
 * awaiting feedback; o3 R1 2026-02 rejected; o4 R3 2026-01 (county B); o5 2026-01 addressed to no
 * representative; o6 R1 2025-01.
 */
export async function insertGroupWorld(ctx: AppContext, org: OrgFixture): Promise<GroupWorld> {
  const R1 = await insertRepresentative(ctx, { code: uniqueCode('R1'), jurisdictionId: org.countyA.id });
  const R2 = await insertRepresentative(ctx, { code: uniqueCode('R2'), jurisdictionId: org.countyA.id });
  const R3 = await insertRepresentative(ctx, { code: uniqueCode('R3'), jurisdictionId: org.countyB.id });
  const codes = { GA: uniqueCode('GA'), GA2: uniqueCode('GA2'), GB: uniqueCode('GB'), GC: uniqueCode('GC') };
  const GA = await insertGroup(ctx, { code: codes.GA, jurisdictionId: org.countyA.id });
  const GA2 = await insertGroup(ctx, { code: codes.GA2, jurisdictionId: org.countyA.id });
  const GB = await insertGroup(ctx, { code: codes.GB, jurisdictionId: org.countyB.id });
  const GC = await insertGroup(ctx, { code: codes.GC, jurisdictionId: org.city.id });
  await addMembers(ctx, GA, [R1, R2]);
  await addMembers(ctx, GA2, [R1]);
  await addMembers(ctx, GB, [R3]);
  await addMembers(ctx, GC, [R1]);
  const t = '2026-01-12T02:00:00.000Z';
  await insertOpinion(ctx, {
    jurisdictionId: org.townA1.id,
    month: '2026-01',
    representativeId: R1,
    status: 'CLOSED',
    ack_at: t,
    ack_on_time: 1,
    first_reply_at: t,
    reply_on_time: 1,
    last_result: 'solved',
    last_rating: 'satisfied',
  });
  await insertOpinion(ctx, {
    jurisdictionId: org.countyA.id,
    month: '2026-02',
    representativeId: R2,
    status: 'AWAITING_FEEDBACK',
    ack_at: t,
    ack_on_time: 1,
    first_reply_at: t,
    reply_on_time: 0,
    last_result: 'explained',
  });
  await insertOpinion(ctx, {
    jurisdictionId: org.townA1.id,
    month: '2026-02',
    representativeId: R1,
    status: 'REJECTED',
    ack_at: t,
    ack_on_time: 1,
  });
  await insertOpinion(ctx, { jurisdictionId: org.townB1.id, month: '2026-01', representativeId: R3 });
  await insertOpinion(ctx, { jurisdictionId: org.countyA.id, month: '2026-01' });
  await insertOpinion(ctx, { jurisdictionId: org.townA1.id, month: '2025-01', representativeId: R1 });
  return {
    GA,
    GA2,
    GB,
    GC,
    names: { GA: `${codes.GA}组`, GA2: `${codes.GA2}组`, GB: `${codes.GB}组`, GC: `${codes.GC}组` },
  };
}
