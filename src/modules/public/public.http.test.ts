/**
 * The public pages' API as a citizen's phone calls it (no session), and the staff's poster and QR
 * download: what is shown, what never is, and that a retired station's code still leads somewhere.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import { expectStatus, representativeBody, stationBody } from '../../../test/support/org-fixtures.ts';
import { insertCongress } from '../../../test/support/import-fixtures.ts';
import type { AppContext } from '../../platform/context.ts';
import type { PublicRepresentativePage, PublicStationPage } from '../opinions/public.schema.ts';
import { PRIVACY_NOTICE_VERSION } from '../opinions/public.schema.ts';
import { emptyCounters, kpisOf } from '../opinions/opinions.kpi.ts';
import { PUBLIC_READS_PER_MINUTE } from './public.routes.ts';
import { qrPng, qrSvg } from './qr.ts';

/** An opinion row as the engine would have left it; only what these tests look at is varied. */
async function insertOpinion(
  ctx: AppContext,
  o: {
    jurisdictionId: number;
    stationId?: number | null;
    representativeId?: number | null;
    status: string;
    consentPublish: boolean;
    content: string;
    publishedContent?: string | null;
    publishedReply?: string | null;
    publishedAt?: string | null;
  },
): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const row = await ctx.database.db
    .insertInto('opinion')
    .values({
      tracking_code: `t${Math.random().toString(36).slice(2, 12)}`,
      status: o.status,
      channel: 'qr',
      submitter_kind: 'citizen',
      jurisdiction_id: o.jurisdictionId,
      station_id: o.stationId ?? null,
      representative_id: o.representativeId ?? null,
      grid_id: null,
      category_code: 'transport',
      content: o.content,
      address: '湖滨路 88 号 3 单元',
      submitter_name_enc: 'ciphertext-name',
      submitter_phone_enc: 'ciphertext-phone',
      submitter_phone_hash: 'hash',
      anonymous: 0,
      consent_privacy_at: now,
      privacy_notice_version: PRIVACY_NOTICE_VERSION,
      consent_publish: o.consentPublish ? 1 : 0,
      registered_by_user_id: null,
      submitted_at: now,
      stats_month: now.slice(0, 7),
      ack_due: now,
      last_result: 'solved',
      last_rating: 'satisfied',
      published_at: o.publishedAt ?? null,
      published_content: o.publishedContent ?? null,
      published_reply: o.publishedReply ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachDialect('public pages API', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let staffB: Client;
  const ids = { center: 0, station: 0, retired: 0, stationB: 0, pub: 0, priv: 0, gone: 0 };
  const codes = { center: '', station: '', retired: '', stationB: '' };
  const anonymous = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    const { ctx } = env();
    org = await buildOrgFixture(ctx);
    app = await buildTestApp(ctx);
    staffA = await signIn(app, org.users.staffA);
    staffB = await signIn(app, org.users.staffB);
    const create = async (client: Client, url: string, body: unknown) =>
      expectStatus<{ id: number; publicCode: string }>(client.post(url, body), 201);

    const center = await create(
      staffA,
      '/api/v1/stations',
      stationBody(org.countyA.id, { name: '东湖区代表联络中心站', tier: 'center' }),
    );
    const station = await create(
      staffA,
      '/api/v1/stations',
      stationBody(org.townA1.id, {
        name: '湖滨街道代表联络站',
        tier: 'station',
        parentId: center.id,
        address: '湖滨路 1 号',
        receptionRule: 'FREQ=MONTHLY;BYDAY=+3TU',
        receptionStart: '09:00',
        receptionEnd: '11:00',
      }),
    );
    const retired = await create(
      staffA,
      '/api/v1/stations',
      stationBody(org.townA1.id, { name: '老街联系点', tier: 'point', parentId: station.id }),
    );
    const stationB = await create(
      staffB,
      '/api/v1/stations',
      stationBody(org.townB1.id, { name: '溪口镇联络站' }),
    );
    Object.assign(ids, {
      center: center.id,
      station: station.id,
      retired: retired.id,
      stationB: stationB.id,
    });
    Object.assign(codes, {
      center: center.publicCode,
      station: station.publicCode,
      retired: retired.publicCode,
      stationB: stationB.publicCode,
    });

    const cityCongress = await insertCongress(ctx, {
      code: 'QJ18',
      jurisdictionId: org.city.id,
      level: 'city',
    });
    const rep = (body: Record<string, unknown>) =>
      create(staffA, '/api/v1/representatives', representativeBody(org.countyA.id, body));
    ids.pub = (
      await rep({
        name: '李明华',
        employer: '湖滨社区卫生服务中心',
        post: '主任',
        bio: '长期从事社区医疗工作。',
        phone: '13800138000',
        seats: [{ congressId: cityCongress }],
      })
    ).id;
    ids.priv = (
      await rep({
        name: '王秘密',
        isPublic: false,
        employer: '某保密单位',
        post: '处长',
        bio: '不公开的简介',
      })
    ).id;
    ids.gone = (await rep({ name: '赵离任', status: 'terminated', employer: '原单位' })).id;
    await expectStatus(
      staffA.put(`/api/v1/stations/${ids.station}/members`, {
        representativeIds: [ids.pub, ids.priv, ids.gone],
      }),
      200,
    );
    await expectStatus(staffA.patch(`/api/v1/stations/${ids.retired}`, { status: 'retired' }), 200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows a station: schedule in words, next dates, only serving representatives with public profiles', async () => {
    const res = await anonymous(`/api/v1/public/stations/${codes.station}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const page = res.json<PublicStationPage>();
    expect(page).toMatchObject({
      publicCode: codes.station,
      status: 'active',
      name: '湖滨街道代表联络站',
      tier: 'station',
      jurisdictionName: '湖滨街道',
      address: '湖滨路 1 号',
      receptionText: { zh: '每月第三个星期二 9:00–11:00' },
      successor: null,
    });
    // The test clock stands at 2026-03-02: the third Tuesdays from then on.
    expect(page.nextReceptions.slice(0, 2)).toEqual(['2026-03-17', '2026-04-21']);
    expect(page.representatives).toHaveLength(1);
    expect(page.representatives[0]).toMatchObject({
      name: '李明华',
      levels: ['city'],
      employer: '湖滨社区卫生服务中心',
      post: '主任',
    });
    expect(page.representatives[0]!.publicCode).toMatch(/^[a-z2-9]{10}$/);
    expect(res.body).not.toContain('王秘密');
    expect(res.body).not.toContain('赵离任');
    expect(res.body).not.toContain('138');
    // A representative added without a QR code got one, and keeps it.
    const again = (await anonymous(`/api/v1/public/stations/${codes.station}`)).json<PublicStationPage>();
    expect(again.representatives[0]!.publicCode).toBe(page.representatives[0]!.publicCode);
  });

  it('finds a code typed in capitals', async () => {
    const res = await anonymous(`/api/v1/public/stations/${codes.station.toUpperCase()}`);
    expect(res.statusCode).toBe(200);
  });

  it('answers a retired station with a notice and its active parent as successor', async () => {
    const page = (await anonymous(`/api/v1/public/stations/${codes.retired}`)).json<PublicStationPage>();
    expect(page.status).toBe('retired');
    expect(page.successor).toEqual({ publicCode: codes.station, name: '湖滨街道代表联络站' });
    expect(page.representatives).toEqual([]);
    expect(page.nextReceptions).toEqual([]);
  });

  it('looks past a retired parent for the nearest active station', async () => {
    await expectStatus(staffA.patch(`/api/v1/stations/${ids.station}`, { status: 'retired' }), 200);
    try {
      const page = (await anonymous(`/api/v1/public/stations/${codes.retired}`)).json<PublicStationPage>();
      expect(page.successor).toEqual({ publicCode: codes.center, name: '东湖区代表联络中心站' });
    } finally {
      await expectStatus(staffA.patch(`/api/v1/stations/${ids.station}`, { status: 'active' }), 200);
    }
  });

  it('answers an unknown code with a 404 problem', async () => {
    for (const url of [
      '/api/v1/public/stations/nosuchcode9',
      '/api/v1/public/representatives/nosuchcode9',
      '/api/v1/public/published?stationCode=nosuchcode9',
      '/qr/s/nosuchcode9.svg',
      '/qr/r/nosuchcode9.png',
    ]) {
      const res = await anonymous(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json<{ code: string }>().code, url).toBe('NOT_FOUND');
    }
    expect((await anonymous('/api/v1/public/stations/bad%20code')).statusCode).toBe(400);
  });

  it("shows a representative's public page with their stations", async () => {
    const station = (await anonymous(`/api/v1/public/stations/${codes.station}`)).json<PublicStationPage>();
    const code = station.representatives[0]!.publicCode;
    const page = (await anonymous(`/api/v1/public/representatives/${code}`)).json<PublicRepresentativePage>();
    expect(page).toMatchObject({
      publicCode: code,
      profilePublic: true,
      active: true,
      name: '李明华',
      levels: ['city'],
      employer: '湖滨社区卫生服务中心',
      post: '主任',
      bio: '长期从事社区医疗工作。',
      stations: [
        {
          publicCode: codes.station,
          name: '湖滨街道代表联络站',
          receptionText: { zh: '每月第三个星期二 9:00–11:00' },
        },
      ],
    });
    expect(JSON.stringify(page)).not.toContain('138');
  });

  async function repCode(id: number): Promise<string> {
    const row = await env()
      .ctx.database.db.selectFrom('representative')
      .select('public_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (row.public_code) return row.public_code;
    // Not on a public roster, so not given a code yet: the staff's download gives one.
    const download = await staffA.get(`/api/v1/representatives/${id}/qr.png`);
    expect(download.statusCode).toBe(200);
    const after = await env()
      .ctx.database.db.selectFrom('representative')
      .select('public_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return after.public_code!;
  }

  it('shows only the name of a representative whose profile is private', async () => {
    const code = await repCode(ids.priv);
    const res = await anonymous(`/api/v1/public/representatives/${code}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      publicCode: code,
      profilePublic: false,
      name: '王秘密',
      levels: [],
      employer: null,
      post: null,
      bio: null,
      stations: [],
      active: true,
      published: [],
    });
    expect(res.body).not.toContain('保密单位');
    expect(res.body).not.toContain('处长');
  });

  it('says a terminated representative no longer serves', async () => {
    const code = await repCode(ids.gone);
    const page = (await anonymous(`/api/v1/public/representatives/${code}`)).json<PublicRepresentativePage>();
    expect(page.active).toBe(false);
    expect(page.name).toBe('赵离任');
  });

  it('serves QR codes as SVG and PNG that carry the public address, cached long', async () => {
    const base = env().ctx.config.publicBaseUrl;
    const svg = await anonymous(`/qr/s/${codes.station}.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('public, max-age=2592000');
    expect(svg.body).toContain('<path');
    expect(svg.body).toBe(await qrSvg(`${base}/s/${codes.station}`));

    const png = await anonymous(`/qr/s/${codes.station}.png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from('89504e470d0a1a0a', 'hex'));
    expect(png.rawPayload.equals(await qrPng(`${base}/s/${codes.station}`))).toBe(true);

    const repQr = await anonymous(`/qr/r/${await repCode(ids.pub)}.svg`);
    expect(repQr.body).toBe(await qrSvg(`${base}/r/${await repCode(ids.pub)}`));
    // A retired station's code keeps working: the poster on the wall still leads to its page.
    expect((await anonymous(`/qr/s/${codes.retired}.png`)).statusCode).toBe(200);
  });

  it('lists published cases with redacted texts only, never unpublished ones or the original', async () => {
    const { ctx } = env();
    const at = (d: string) => `2026-02-${d}T08:00:00.000Z`;
    const shown = await insertOpinion(ctx, {
      jurisdictionId: org.townA1.id,
      stationId: ids.station,
      status: 'PUBLISHED',
      consentPublish: true,
      content: '原文：我叫张三，电话13912345678，湖滨路路灯坏了',
      publishedContent: '湖滨路路灯损坏，夜间出行不便。',
      publishedReply: '已更换路灯 6 盏。',
      publishedAt: at('10'),
    });
    const newer = await insertOpinion(ctx, {
      jurisdictionId: org.townA1.id,
      representativeId: ids.pub,
      status: 'PUBLISHED',
      consentPublish: true,
      content: '原文二',
      publishedContent: '社区卫生服务中心周末开诊。',
      publishedReply: '已安排周六上午门诊。',
      publishedAt: at('20'),
    });
    // Closed with consent but not published; published without consent (never public); another county's.
    await insertOpinion(ctx, {
      jurisdictionId: org.townA1.id,
      stationId: ids.station,
      status: 'CLOSED',
      consentPublish: true,
      content: '未公开的原文',
    });
    await insertOpinion(ctx, {
      jurisdictionId: org.townA1.id,
      stationId: ids.station,
      status: 'PUBLISHED',
      consentPublish: false,
      content: '不同意公开的原文',
      publishedContent: '不同意公开的摘要',
      publishedReply: '不同意公开的答复',
      publishedAt: at('15'),
    });
    const other = await insertOpinion(ctx, {
      jurisdictionId: org.townB1.id,
      stationId: ids.stationB,
      status: 'PUBLISHED',
      consentPublish: true,
      content: '溪口原文',
      publishedContent: '溪口镇摘要',
      publishedReply: '溪口镇答复',
      publishedAt: at('05'),
    });

    const all = await anonymous('/api/v1/public/published');
    const page = all.json<{ items: { id: number; content: string; reply: string }[]; total: number }>();
    expect(page.items.map((i) => i.id)).toEqual([newer, shown, other]);
    expect(page.total).toBe(3);
    expect(page.items[1]).toEqual({
      id: shown,
      categoryCode: 'transport',
      content: '湖滨路路灯损坏，夜间出行不便。',
      reply: '已更换路灯 6 盏。',
      result: 'solved',
      unitName: null,
      stationName: '湖滨街道代表联络站',
      submittedAt: expect.any(String),
      publishedAt: at('10'),
      rating: 'satisfied',
    });
    for (const secret of ['原文', '张三', '139', '湖滨路 88 号', '不同意公开', 'ciphertext']) {
      expect(all.body).not.toContain(secret);
    }

    const ofStation = (await anonymous(`/api/v1/public/published?stationCode=${codes.station}`)).json<{
      items: { id: number }[];
    }>();
    expect(ofStation.items.map((i) => i.id)).toEqual([shown]);
    const stationPage = (
      await anonymous(`/api/v1/public/stations/${codes.station}`)
    ).json<PublicStationPage>();
    expect(stationPage.published.map((i) => i.id)).toEqual([shown]);
    const repPage = (
      await anonymous(`/api/v1/public/representatives/${await repCode(ids.pub)}`)
    ).json<PublicRepresentativePage>();
    expect(repPage.published.map((i) => i.id)).toEqual([newer]);
    expect((await anonymous('/api/v1/public/published?page=2')).json<{ items: unknown[] }>().items).toEqual(
      [],
    );
  });

  it('gives the headline numbers of the whole deployment: kpisOf over the statistics, serving people and open stations', async () => {
    const { ctx } = env();
    // One row at a time: a multi-row insert would write NULL where a row leaves a counter out.
    for (const row of [
      {
        month: '2026-01',
        jurisdiction_id: org.townA1.id,
        station_id: ids.station,
        unit_id: 0,
        category_code: 'transport',
        collected: 9,
        handled: 6,
        responded: 6,
        responded_on_time: 5,
        replied: 4,
        replied_on_time: 3,
        solved: 3,
        explained: 1,
        rated: 4,
        satisfied: 2,
        basically_satisfied: 1,
        unsatisfied: 1,
      },
      {
        month: '2026-02',
        jurisdiction_id: org.townB1.id,
        station_id: ids.stationB,
        unit_id: 0,
        category_code: '',
        collected: 3,
        handled: 1,
        responded: 1,
        response_overdue: 2,
        replied: 1,
        solved: 1,
        rated: 1,
        satisfied: 1,
      },
    ])
      await ctx.database.db.insertInto('opinion_stats').values(row).execute();
    const res = await anonymous('/api/v1/public/headline');
    expect(res.statusCode).toBe(200);
    const counts = {
      ...emptyCounters(),
      collected: 12,
      handled: 7,
      responded: 7,
      responded_on_time: 5,
      response_overdue: 2,
      replied: 5,
      replied_on_time: 3,
      solved: 4,
      explained: 1,
      rated: 5,
      satisfied: 3,
      basically_satisfied: 1,
      unsatisfied: 1,
    };
    const kpis = kpisOf(counts);
    const representatives = Number(
      (
        await ctx.database.db
          .selectFrom('representative')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(representatives).toBe(2);
    expect(res.json()).toEqual({
      collected: 12,
      handled: 7,
      responseRate: kpis.responseRate,
      onTimeRate: kpis.onTimeRate,
      resolutionRate: kpis.resolutionRate,
      satisfactionRate: kpis.satisfactionRate,
      rated: 5,
      representatives,
      // Three open stations (the centre, the station and county B's); the retired point does not count.
      stations: 3,
    });
    expect(kpis.satisfactionRate).toBeCloseTo(3.9 / 5, 10);
  });

  it('lists the twelve level-1 categories and the privacy notice with its version', async () => {
    const cats = (await anonymous('/api/v1/public/categories')).json<{ code: string; nameZh: string }[]>();
    expect(cats).toHaveLength(12);
    expect(cats[0]).toEqual({
      code: 'housing',
      nameZh: '城乡建设与住房',
      nameEn: 'Urban-rural construction & housing',
    });
    const notice = (await anonymous('/api/v1/public/privacy-notice')).json<{
      version: string;
      text: string;
    }>();
    expect(notice.version).toBe(PRIVACY_NOTICE_VERSION);
    for (const topic of ['收集', '加密', '同意公开', '删除', '年'])
      expect(notice.text, topic).toContain(topic);
  });

  it('prints a poster with the name, schedule, public representatives and the QR code', async () => {
    const res = await staffA.get(`/api/v1/stations/${ids.station}/poster`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('<h1>湖滨街道代表联络站</h1>');
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('每月第三个星期二 9:00–11:00');
    expect(html).toContain('3月17日（星期二）');
    expect(html).toContain('湖滨路 1 号');
    expect(html).toContain('李明华');
    expect(html).toContain('市人大代表');
    expect(html).not.toContain('王秘密');
    expect(html).not.toContain('赵离任');
    expect(html).toContain('扫码联系人大代表 · 一码通');
    const url = `${env().ctx.config.publicBaseUrl}/s/${codes.station}`;
    expect(html).toContain(`<div class="url">${url}</div>`);
    expect(html).toContain(await qrSvg(url));
    expect(html).toContain('您的手机号将加密保存，仅用于告知办理情况');
  });

  it("keeps the poster and the representative's QR download within the staff's jurisdiction", async () => {
    expect((await staffB.get(`/api/v1/stations/${ids.station}/poster`)).statusCode).toBe(404);
    expect((await staffA.get(`/api/v1/stations/${ids.stationB}/poster`)).statusCode).toBe(404);
    expect((await staffB.get(`/api/v1/representatives/${ids.pub}/qr.png`)).statusCode).toBe(404);
    expect((await anonymous(`/api/v1/stations/${ids.station}/poster`)).statusCode).toBe(401);

    const png = await staffA.get(`/api/v1/representatives/${ids.pub}/qr.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toContain(encodeURIComponent('代表二维码-李明华.png'));
    const code = await repCode(ids.pub);
    expect(png.rawPayload.equals(await qrPng(`${env().ctx.config.publicBaseUrl}/r/${code}`, 1024))).toBe(
      true,
    );
  });

  it('limits the reads of one address per minute', async () => {
    let last = 0;
    for (let i = 0; i <= PUBLIC_READS_PER_MINUTE; i++) {
      last = (
        await app.inject({
          method: 'GET',
          url: '/api/v1/public/privacy-notice',
          remoteAddress: '203.0.113.9',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
    const other = await app.inject({
      method: 'GET',
      url: '/api/v1/public/privacy-notice',
      remoteAddress: '203.0.113.10',
    });
    expect(other.statusCode).toBe(200);
  });
});
