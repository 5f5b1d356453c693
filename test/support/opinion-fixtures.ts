/**
 * The opinion loop's test world, built beneath the services on top of buildOrgFixture: in county A
 * a station (with its liaison officer, a representative on its roster and a grid), a unit under a
 * supervising unit; in county B a station and a unit. One account per role that acts on opinions.
 * Plus public calls without a session, and the check that opinion_stats equals Σ countersOf.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AppContext } from '../../src/platform/context.ts';
import { newPublicCode } from '../../src/modules/org/org.domain.ts';
import { NEW_STATION_DEFAULTS } from '../../src/modules/org/stations.repo.ts';
import { NEW_REPRESENTATIVE_DEFAULTS } from '../../src/modules/org/representatives.repo.ts';
import {
  countersOf,
  emptyCounters,
  keyOf,
  STATS_COUNTERS,
  type Counters,
} from '../../src/modules/opinions/opinions.kpi.ts';
import { PRIVACY_NOTICE_VERSION } from '../../src/modules/opinions/public.schema.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from './fixtures.ts';
import { signIn, type Client } from './http.ts';
import { uniqueCode } from './org-fixtures.ts';

type User = { id: number; username: string; password: string };

export interface LoopWorld extends OrgFixture {
  station: { id: number; publicCode: string; name: string };
  stationB: { id: number; publicCode: string };
  retired: { id: number; publicCode: string; name: string };
  grid: { id: number };
  rep: { id: number; publicCode: string };
  otherRep: { id: number };
  unit: { id: number; name: string };
  supervisor: { id: number };
  unitB: { id: number };
  people: {
    officerA: User;
    unitStaff: User;
    supervisorStaff: User;
    unitStaffB: User;
    repUser: User;
    otherRepUser: User;
  };
}

const stamp = (ctx: AppContext) => {
  const now = ctx.clock.now().toISOString();
  return { created_at: now, updated_at: now };
};

async function station(
  ctx: AppContext,
  jurisdictionId: number,
  extra: { status?: 'active' | 'retired'; parentId?: number | null; officer?: number | null } = {},
) {
  const code = uniqueCode('ST');
  const publicCode = newPublicCode();
  const name = `${code}联络站`;
  const row = await ctx.database.db
    .insertInto('station')
    .values({
      ...NEW_STATION_DEFAULTS,
      code,
      public_code: publicCode,
      name,
      tier: extra.parentId ? 'point' : 'station',
      jurisdiction_id: jurisdictionId,
      status: extra.status ?? 'active',
      parent_id: extra.parentId ?? null,
      liaison_officer_user_id: extra.officer ?? null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, publicCode, name };
}

async function unit(ctx: AppContext, jurisdictionId: number, parentId: number | null, categories: string[]) {
  const code = uniqueCode('UN');
  const name = `${code}局`;
  const row = await ctx.database.db
    .insertInto('unit')
    .values({
      code,
      name,
      short_name: null,
      kind: 'government',
      jurisdiction_id: jurisdictionId,
      parent_id: parentId,
      contact_name: null,
      contact_phone_enc: null,
      status: 'active',
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (categories.length > 0) {
    await ctx.database.db
      .insertInto('unit_category')
      .values(categories.map((c) => ({ unit_id: row.id, category_code: c, jurisdiction_id: jurisdictionId })))
      .execute();
  }
  return { id: row.id, name };
}

async function representative(ctx: AppContext, jurisdictionId: number) {
  const publicCode = newPublicCode();
  const row = await ctx.database.db
    .insertInto('representative')
    .values({
      ...NEW_REPRESENTATIVE_DEFAULTS,
      code: uniqueCode('R'),
      name: '李代表',
      gender: 'female',
      jurisdiction_id: jurisdictionId,
      public_code: publicCode,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, publicCode };
}

export async function buildLoopWorld(ctx: AppContext): Promise<LoopWorld> {
  const org = await buildOrgFixture(ctx);
  const db = ctx.database.db;
  const officerA = await buildUser(ctx, { roles: ['liaison_officer'], jurisdictionId: org.townA1.id });
  const st = await station(ctx, org.townA1.id, { officer: officerA.id });
  const stationB = await station(ctx, org.townB1.id);
  const retired = await station(ctx, org.townA1.id, { status: 'retired', parentId: st.id });
  const gridRow = await db
    .insertInto('grid')
    .values({
      code: uniqueCode('G'),
      name: '一号网格',
      jurisdiction_id: org.townA1.id,
      station_id: st.id,
      description: null,
      ...stamp(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rep = await representative(ctx, org.countyA.id);
  const otherRep = await representative(ctx, org.countyA.id);
  await db.insertInto('station_member').values({ station_id: st.id, representative_id: rep.id }).execute();
  const supervisor = await unit(ctx, org.countyA.id, null, []);
  const u = await unit(ctx, org.countyA.id, supervisor.id, ['city_management', 'transport']);
  const unitB = await unit(ctx, org.countyB.id, null, ['city_management']);
  const people = {
    officerA,
    unitStaff: await buildUser(ctx, { roles: ['unit_staff'], jurisdictionId: org.countyA.id, unitId: u.id }),
    supervisorStaff: await buildUser(ctx, {
      roles: ['unit_staff'],
      jurisdictionId: org.countyA.id,
      unitId: supervisor.id,
    }),
    unitStaffB: await buildUser(ctx, {
      roles: ['unit_staff'],
      jurisdictionId: org.countyB.id,
      unitId: unitB.id,
    }),
    repUser: await buildUser(ctx, {
      roles: ['representative'],
      jurisdictionId: org.countyA.id,
      representativeId: rep.id,
    }),
    otherRepUser: await buildUser(ctx, {
      roles: ['representative'],
      jurisdictionId: org.countyA.id,
      representativeId: otherRep.id,
    }),
  };
  return {
    ...org,
    station: st,
    stationB,
    retired,
    grid: { id: gridRow.id },
    rep,
    otherRep,
    unit: u,
    supervisor,
    unitB,
    people,
  };
}

let keys = 0;
/** A fresh Idempotency-Key. */
export function newKey(): string {
  keys += 1;
  return `test-${process.pid}-${keys}-${Math.random().toString(36).slice(2, 10)}`;
}

let ips = 0;
/** A different client address per call, so the per-IP limit does not get in the way unless a test wants it. */
export function freshIp(): string {
  ips += 1;
  return `10.${(ips >> 16) & 255}.${(ips >> 8) & 255}.${ips & 255}`;
}

/** A public call, as a phone without a session makes it. */
export function publicCall(
  app: FastifyInstance,
  opts: { method?: 'GET' | 'POST'; url: string; body?: unknown; key?: string | null; ip?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    url: opts.url,
    remoteAddress: opts.ip ?? freshIp(),
    headers: opts.key ? { 'idempotency-key': opts.key } : {},
    ...(opts.body !== undefined ? { payload: opts.body as Record<string, unknown> } : {}),
  });
}

export function submissionBody(stationCode: string, overrides: Record<string, unknown> = {}) {
  return {
    stationCode,
    content: '小区门口的路灯坏了一个多月，晚上很黑，希望尽快修好。',
    name: '王小明',
    phone: '13812341234',
    consentPrivacy: true,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    consentPublish: true,
    ...overrides,
  };
}

/** Submit from a QR page; returns the receipt. */
export async function submit(
  app: FastifyInstance,
  stationCode: string,
  overrides: Record<string, unknown> = {},
): Promise<{ trackingCode: string; ackDue: string; submittedAt: string; addressedTo: string }> {
  const res = await publicCall(app, {
    url: '/api/v1/public/opinions',
    body: submissionBody(stationCode, overrides),
    key: newKey(),
  });
  if (res.statusCode !== 201) throw new Error(`submission refused: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function opinionIdOf(ctx: AppContext, trackingCode: string): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('opinion')
    .select('id')
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The statistics table must equal the counters recomputed from the opinions themselves, key by
 * key (rows that sum to zero everywhere may remain).
 */
export async function expectStatsMatchOpinions(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const [opinions, stats] = await Promise.all([
    db.selectFrom('opinion').selectAll().execute(),
    db.selectFrom('opinion_stats').selectAll().execute(),
  ]);
  const expected = new Map<string, Counters>();
  for (const o of opinions) {
    const key = JSON.stringify(keyOf(o));
    const sum = expected.get(key) ?? emptyCounters();
    const c = countersOf(o);
    for (const k of STATS_COUNTERS) sum[k] += c[k];
    expected.set(key, sum);
  }
  const actual = new Map<string, Counters>();
  for (const s of stats) {
    const key = JSON.stringify({
      month: s.month,
      jurisdiction_id: s.jurisdiction_id,
      station_id: s.station_id,
      unit_id: s.unit_id,
      category_code: s.category_code,
    });
    const counters = Object.fromEntries(STATS_COUNTERS.map((k) => [k, Number(s[k])])) as Counters;
    if (STATS_COUNTERS.some((k) => counters[k] !== 0) || expected.has(key)) actual.set(key, counters);
  }
  for (const key of expected.keys()) if (!actual.has(key)) actual.set(key, emptyCounters());
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}

/** A 1×1 PNG and a tiny JPEG, real files for the content check. */
export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const JPEG_TINY = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** What the loop's tests call as a signed-in person. */
export interface Caller {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/**
 * A signed-in person whose session comes back after the clock has moved on: the loop's tests move
 * it by hours and days, past the idle timeout, and a 401 then means "sign in again".
 */
export function as(app: FastifyInstance, user: { username: string; password: string }): Caller {
  let client: Client | undefined;
  const call = async (send: (c: Client) => Promise<LightMyRequestResponse>) => {
    client ??= await signIn(app, user);
    const res = await send(client);
    if (res.statusCode !== 401) return res;
    client = await signIn(app, user);
    return send(client);
  };
  return {
    get: (url) => call((c) => c.get(url)),
    post: (url, body, headers) => call((c) => c.post(url, body ?? {}, headers)),
    patch: (url, body) => call((c) => c.patch(url, body)),
    put: (url, body) => call((c) => c.put(url, body)),
    delete: (url) => call((c) => c.delete(url)),
  };
}
