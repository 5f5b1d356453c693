/**
 * Intake through HTTP: a citizen's message from a QR page and staff registering one, with what
 * must hold on a refusal (nothing written), idempotency keys, the per-phone and per-IP limits,
 * photos checked by content, and the tracking page.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp, signIn } from '../../../test/support/http.ts';
import {
  as,
  buildLoopWorld,
  expectStatsMatchOpinions,
  JPEG_TINY,
  newKey,
  opinionIdOf,
  PNG_1x1,
  publicCall,
  submissionBody,
  submit,
  type LoopWorld,
} from '../../../test/support/opinion-fixtures.ts';
import { auditRows, expectStatus } from '../../../test/support/org-fixtures.ts';
import type { OpinionView } from './opinions.schema.ts';

const SUBMIT = '/api/v1/public/opinions';

describeEachDialect('opinion intake', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  /** Signed in afresh for every call: the per-phone test moves the clock a day on. */
  const officer = {
    get: (url: string) => as(app, world.people.officerA).get(url),
    post: (url: string, body?: unknown, headers?: Record<string, string>) =>
      as(app, world.people.officerA).post(url, body, headers),
  };

  const count = async (
    table: 'opinion' | 'attachment' | 'opinion_event' | 'idempotency_key' | 'notification',
  ) =>
    Number(
      (
        await env()
          .ctx.database.db.selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => ({
    opinion: await count('opinion'),
    attachment: await count('attachment'),
    event: await count('opinion_event'),
    key: await count('idempotency_key'),
  });

  beforeAll(async () => {
    world = await buildLoopWorld(env().ctx);
    app = await buildTestApp(env().ctx);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('from a QR code page', () => {
    it('files the message with a receipt, a deadline, encrypted contact, its event, statistics, audit and notices', async () => {
      const before = await count('notification');
      const receipt = await submit(app, world.station.publicCode);
      expect(receipt.trackingCode).toMatch(/^[a-z2-9]{10}$/);
      expect(receipt.addressedTo).toBe(world.station.name);
      // Submitted Monday 2026-03-02 09:00 Beijing: 2 working days → end of Wednesday, Beijing time.
      expect(receipt.ackDue).toBe('2026-03-04T15:59:59.999Z');
      const row = await env()
        .ctx.database.db.selectFrom('opinion')
        .selectAll()
        .where('tracking_code', '=', receipt.trackingCode)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        status: 'SUBMITTED',
        channel: 'qr',
        jurisdiction_id: world.townA1.id,
        station_id: world.station.id,
        stats_month: '2026-03',
        privacy_notice_version: '2026-11',
        consent_publish: 1,
      });
      expect(row.submitter_phone_enc).not.toContain('1381234');
      expect(env().ctx.cipher.decrypt(row.submitter_phone_enc!)).toBe('13812341234');
      expect(row.submitter_phone_hash).toBe(env().ctx.cipher.blindIndex('13812341234'));
      expect(env().ctx.cipher.decrypt(row.submitter_name_enc!)).toBe('王小明');
      const audit = (await auditRows(env().ctx, 'opinion.submit'))[0]!;
      expect(audit.entity_id).toBe(String(row.id));
      expect(JSON.stringify(audit.detail)).not.toContain('1381234');
      // The county's staff and the station's liaison officer are told.
      const told = await env()
        .ctx.database.db.selectFrom('notification')
        .select('user_id')
        .where('link_id', '=', row.id)
        .execute();
      expect(told.map((n) => n.user_id).sort()).toEqual(
        [world.users.staffA.id, world.people.officerA.id].sort((a, b) => a - b),
      );
      expect(await count('notification')).toBe(before + 2);
      await expectStatsMatchOpinions(env().ctx);
    });

    it('files a message to a representative under the jurisdiction that manages them', async () => {
      const res = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, {
          stationCode: undefined,
          representativeCode: world.rep.publicCode,
        }),
      });
      const receipt = await expectStatus<{ trackingCode: string; addressedTo: string }>(res, 201);
      expect(receipt.addressedTo).toBe('李代表');
      const row = await env()
        .ctx.database.db.selectFrom('opinion')
        .select(['jurisdiction_id', 'representative_id', 'station_id'])
        .where('tracking_code', '=', receipt.trackingCode)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        jurisdiction_id: world.countyA.id,
        representative_id: world.rep.id,
        station_id: null,
      });
    });

    it('keeps no name for an anonymous submitter', async () => {
      const receipt = await submit(app, world.station.publicCode, { anonymous: true, phone: '13900001111' });
      const row = await env()
        .ctx.database.db.selectFrom('opinion')
        .select(['submitter_name_enc', 'anonymous'])
        .where('tracking_code', '=', receipt.trackingCode)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ submitter_name_enc: null, anonymous: 1 });
    });

    it('needs an Idempotency-Key and answers a retry with the first receipt, writing once', async () => {
      const body = submissionBody(world.station.publicCode, { phone: '13700000001' });
      const missing = await publicCall(app, { url: SUBMIT, body });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'BAD_REQUEST' });
      const key = newKey();
      const before = await snapshot();
      const first = await publicCall(app, { url: SUBMIT, body, key });
      const again = await publicCall(app, { url: SUBMIT, body, key });
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(await snapshot()).toEqual({
        ...before,
        opinion: before.opinion + 1,
        event: before.event + 1,
        key: before.key + 1,
      });
      // The same key with another body is a client mistake, refused.
      const other = await publicCall(app, { url: SUBMIT, body: { ...body, content: '另一件事情' }, key });
      expect(other.statusCode).toBe(409);
      expect(other.json()).toMatchObject({ code: 'CONFLICT' });
      expect(await count('opinion')).toBe(before.opinion + 1);
    });

    it('files one message when the same form is sent twice at once (double tap)', async () => {
      const body = submissionBody(world.station.publicCode, { phone: '13700000002' });
      const key = newKey();
      const before = await count('opinion');
      const [a, b] = await Promise.all([
        publicCall(app, { url: SUBMIT, body, key }),
        publicCall(app, { url: SUBMIT, body, key }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(a.json()).toEqual(b.json());
      expect(await count('opinion')).toBe(before + 1);
    });

    it('refuses an out-of-date privacy notice, an unknown or retired station, and a bad phone, writing nothing', async () => {
      const before = await snapshot();
      const stale = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, { privacyNoticeVersion: '2020-01' }),
      });
      expect(stale.statusCode).toBe(400);
      expect(stale.json().errors[0].path).toBe('/privacyNoticeVersion');
      const unknown = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody('nosuchcode99'),
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().messages['zh-CN']).toContain('联络站');
      const retired = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.retired.publicCode),
      });
      expect(retired.statusCode).toBe(404);
      expect(retired.json().messages['zh-CN']).toContain(world.station.name);
      expect(retired.json().successor).toMatchObject({ publicCode: world.station.publicCode });
      const phone = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, { phone: '12345' }),
      });
      expect(phone.statusCode).toBe(400);
      expect(phone.json().errors[0].path).toBe('/phone');
      const markup = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, { content: '<script>alert(1)</script>' }),
      });
      expect(markup.statusCode).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('limits submissions per phone number per day (429), counted by the blind index', async () => {
      const limit = env().ctx.config.opinions.publicPerPhonePerDay;
      for (let i = 0; i < limit; i++)
        await submit(app, world.station.publicCode, { phone: '+86 136-0000-9999' });
      const before = await count('opinion');
      const over = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, { phone: '13600009999' }),
      });
      expect(over.statusCode).toBe(429);
      expect(over.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect(over.json().messages['zh-CN']).toContain('手机号');
      expect(await count('opinion')).toBe(before);
      // A day later the number may write again.
      env().clock.advanceMinutes(24 * 60 + 1);
      await submit(app, world.station.publicCode, { phone: '13600009999' });
    });

    it('refuses, among submissions sent at once, only those over the phone limit or to nowhere', async () => {
      const limit = env().ctx.config.opinions.publicPerPhonePerDay;
      for (let i = 0; i < limit - 1; i++)
        await submit(app, world.station.publicCode, { phone: '13600008888' });
      const before = await snapshot();
      // Sent together, these share one transaction (group commit); each must get its own answer.
      const responses = await Promise.all(
        [
          submissionBody(world.station.publicCode, { phone: '13600008888', content: '第一条' }),
          submissionBody(world.station.publicCode, { phone: '13600008888', content: '第二条' }),
          submissionBody('nosuchcode77'),
          submissionBody(world.station.publicCode, { phone: '13600007777' }),
          submissionBody(world.station.publicCode, { categoryCode: 'no-such-category' }),
        ].map((body) => publicCall(app, { url: SUBMIT, key: newKey(), body })),
      );
      const statuses = responses.map((r) => r.statusCode);
      // One of the two on the nearly used-up phone gets the last place, the other is refused.
      expect([...statuses.slice(0, 2)].sort()).toEqual([201, 429]);
      expect(statuses.slice(2)).toEqual([404, 201, 400]);
      expect(await snapshot()).toEqual({
        ...before,
        opinion: before.opinion + 2,
        event: before.event + 2,
        key: before.key + 2,
      });
      await expectStatsMatchOpinions(env().ctx);
    });

    it('limits submissions per IP address per minute (429)', async () => {
      const limit = env().ctx.config.opinions.publicPerIpPerMinute;
      const ip = '192.0.2.77';
      const statuses: number[] = [];
      for (let i = 0; i <= limit; i++) {
        const res = await publicCall(app, {
          url: SUBMIT,
          key: newKey(),
          ip,
          body: submissionBody(world.station.publicCode, { phone: null, content: `第${i}条意见` }),
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json().messages['zh-CN']).toContain('每分钟');
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(limit);
      expect(statuses.at(-1)).toBe(429);
    });

    it('accepts real PNG and JPEG photos and serves them back to staff with their type', async () => {
      const receipt = await submit(app, world.station.publicCode, {
        phone: null,
        photos: [
          { name: 'lamp.png', dataBase64: PNG_1x1.toString('base64') },
          { name: 'lamp.jpg', dataBase64: `data:image/jpeg;base64,${JPEG_TINY.toString('base64')}` },
        ],
      });
      const id = await opinionIdOf(env().ctx, receipt.trackingCode);
      const view = await expectStatus<OpinionView>(officer.get(`/api/v1/opinions/${id}`), 200);
      expect(view.hasPhotos).toBe(true);
      expect(view.photos.map((p) => p.mime)).toEqual(['image/png', 'image/jpeg']);
      const png = await officer.get(`/api/v1/opinions/${id}/photos/${view.photos[0]!.id}`);
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.equals(PNG_1x1)).toBe(true);
    });

    it('refuses a text file named .jpg, too many photos and too big a photo, by content and size, writing nothing', async () => {
      const before = await snapshot();
      const fake = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, {
          photos: [{ name: 'photo.jpg', dataBase64: Buffer.from('这不是图片，只是文字').toString('base64') }],
        }),
      });
      expect(fake.statusCode).toBe(400);
      expect(fake.json().errors[0]).toMatchObject({ path: '/photos/0/dataBase64', rule: 'fileType' });
      const png = { dataBase64: PNG_1x1.toString('base64') };
      const tooMany = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, { photos: [png, png, png, png] }),
      });
      expect(tooMany.statusCode).toBe(400);
      const big = Buffer.concat([PNG_1x1, Buffer.alloc(env().ctx.config.opinions.maxPhotoBytes)]);
      const tooBig = await publicCall(app, {
        url: SUBMIT,
        key: newKey(),
        body: submissionBody(world.station.publicCode, { photos: [{ dataBase64: big.toString('base64') }] }),
      });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json().errors[0]).toMatchObject({ rule: 'maxSize' });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('the tracking page', () => {
    it('shows the citizen their item by code, without contact details or staff notes', async () => {
      const receipt = await submit(app, world.station.publicCode);
      const id = await opinionIdOf(env().ctx, receipt.trackingCode);
      await expectStatus(
        officer.post(`/api/v1/opinions/${id}/accept`, { note: '内部备注：涉及物业纠纷' }),
        200,
      );
      const res = await publicCall(app, {
        url: `/api/v1/public/opinions/${receipt.trackingCode.toUpperCase()}`,
      });
      const view = await expectStatus<Record<string, unknown>>(res, 200);
      expect(view).toMatchObject({
        trackingCode: receipt.trackingCode,
        status: 'ACCEPTED',
        addressedTo: world.station.name,
      });
      const text = JSON.stringify(view);
      for (const secret of ['内部备注', '王小明', '1381234', 'internal', 'phone'])
        expect(text).not.toContain(secret);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('answers an unknown code with 404', async () => {
      const res = await publicCall(app, { url: '/api/v1/public/opinions/abcdefghjk' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });
  });

  describe('registered by staff', () => {
    it('files a walk-in message for a station with the officer as registrar (Idempotency-Key optional)', async () => {
      const key = newKey();
      const body = {
        channel: 'visit',
        content: '反映菜市场门口占道经营严重。',
        stationId: world.station.id,
        submitterName: '赵大妈',
        submitterPhone: '13911112222',
        consentPrivacy: true,
        receivedAt: '2026-03-01T02:00:00.000Z',
      };
      const first = await officer.post('/api/v1/opinions', body, { 'idempotency-key': key });
      const view = await expectStatus<OpinionView>(first, 201);
      expect(view).toMatchObject({
        status: 'SUBMITTED',
        channel: 'visit',
        station: { id: world.station.id },
        submitterName: '赵*',
        phoneMasked: '139****2222',
        submittedAt: '2026-03-01T02:00:00.000Z',
      });
      expect(view.registeredBy).toBe(world.people.officerA.username);
      expect(view.events[0]).toMatchObject({ action: 'submit', actorKind: 'officer', toStatus: 'SUBMITTED' });
      const again = await officer.post('/api/v1/opinions', body, { 'idempotency-key': key });
      expect((await expectStatus<OpinionView>(again, 201)).id).toBe(view.id);
      const withoutKey = await expectStatus<OpinionView>(officer.post('/api/v1/opinions', body), 201);
      expect(withoutKey.id).not.toBe(view.id);
      await expectStatsMatchOpinions(env().ctx);
    });

    it('refuses an item for a station outside the registrar’s jurisdiction, and a time in the future', async () => {
      const before = await snapshot();
      const base = { channel: 'phone', content: '电话反映噪音扰民', consentPrivacy: true };
      const other = await officer.post('/api/v1/opinions', { ...base, stationId: world.stationB.id });
      expect(other.statusCode).toBe(400);
      expect(other.json().errors[0].path).toBe('/stationId');
      const future = await officer.post('/api/v1/opinions', {
        ...base,
        stationId: world.station.id,
        receivedAt: '2030-01-01T00:00:00.000Z',
      });
      expect(future.statusCode).toBe(400);
      expect(future.json().errors[0].path).toBe('/receivedAt');
      const nowhere = await officer.post('/api/v1/opinions', base);
      expect(nowhere.statusCode).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('lets a representative register an item addressed to themselves', async () => {
      const rep = await signIn(app, world.people.repUser);
      const view = await expectStatus<OpinionView>(
        rep.post('/api/v1/opinions', {
          channel: 'reception',
          content: '接待日群众反映公交站台太远',
          consentPrivacy: true,
        }),
        201,
      );
      expect(view.representative?.id).toBe(world.rep.id);
      expect(view.events[0]!.actorKind).toBe('representative');
    });

    it('is refused to roles without the intake permission', async () => {
      const unit = await signIn(app, world.people.unitStaff);
      const res = await unit.post('/api/v1/opinions', {
        channel: 'phone',
        content: '测试',
        consentPrivacy: true,
        stationId: world.station.id,
      });
      expect(res.statusCode).toBe(403);
    });
  });
});
