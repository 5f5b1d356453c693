/**
 * Who sees which opinion, through every read: detail, list, photos, export, contact reveal,
 * routing and actions. Outside the one visibility predicate an item is simply not found. Contact
 * details are masked everywhere but in the audited reveal and the permitted export.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildTestApp } from '../../../test/support/http.ts';
import {
  as,
  buildLoopWorld,
  opinionIdOf,
  PNG_1x1,
  submit,
  type Caller,
  type LoopWorld,
} from '../../../test/support/opinion-fixtures.ts';
import { auditRows, expectStatus } from '../../../test/support/org-fixtures.ts';
import type { OpinionListItem, OpinionView } from './opinions.schema.ts';

describeEachDialect('who sees which opinion', (env) => {
  let app: FastifyInstance;
  let world: LoopWorld;
  let itemA: number;
  let photoA: number;
  let anonymousA: number;
  let itemB: number;
  let callers: Record<string, Caller>;

  const list = async (who: Caller, query = '') =>
    (
      await expectStatus<{ items: OpinionListItem[]; total: number }>(
        who.get(`/api/v1/opinions${query}`),
        200,
      )
    ).items;
  const exported = async (who: Caller, query = 'format=csv') => {
    const res = await who.get(`/api/v1/opinions/export?${query}`);
    return { status: res.statusCode, text: res.body, res };
  };

  beforeAll(async () => {
    const { ctx } = env();
    world = await buildLoopWorld(ctx);
    app = await buildTestApp(ctx);
    callers = {
      staffA: as(app, world.users.staffA),
      staffB: as(app, world.users.staffB),
      city: as(app, world.users.cityStaff),
      leader: as(app, world.users.leader),
      officerA: as(app, world.people.officerA),
      unit: as(app, world.people.unitStaff),
      supervisor: as(app, world.people.supervisorStaff),
      unitB: as(app, world.people.unitStaffB),
      rep: as(app, world.people.repUser),
      otherRep: as(app, world.people.otherRepUser),
    };
    const a = await submit(app, world.station.publicCode, {
      content: '路口红绿灯时间太短，老人过马路来不及。',
      photos: [{ name: 'light.png', dataBase64: PNG_1x1.toString('base64') }],
    });
    itemA = await opinionIdOf(ctx, a.trackingCode);
    await expectStatus(
      callers.staffA!.post(`/api/v1/opinions/${itemA}/accept`, { categoryCode: 'transport' }),
      200,
    );
    await expectStatus(
      callers.staffA!.post(`/api/v1/opinions/${itemA}/assign`, { unitId: world.unit.id }),
      200,
    );
    const view = await expectStatus<OpinionView>(callers.staffA!.get(`/api/v1/opinions/${itemA}`), 200);
    photoA = view.photos[0]!.id;
    const anon = await submit(app, world.station.publicCode, {
      anonymous: true,
      name: '不该保存',
      phone: '13322223333',
    });
    anonymousA = await opinionIdOf(ctx, anon.trackingCode);
    const b = await submit(app, world.stationB.publicCode, {
      content: '溪口镇自来水水压不足。',
      phone: '13944445555',
    });
    itemB = await opinionIdOf(ctx, b.trackingCode);
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['county-B staff', 'staffB'],
    ['a unit of another county', 'unitB'],
    ['a unit that never handled it', 'supervisor'],
    ['a representative not on the station', 'otherRep'],
  ])('%s cannot reach a county-A item through any read or write (404)', async (_label, who) => {
    const c = callers[who]!;
    for (const url of [
      `/api/v1/opinions/${itemA}`,
      `/api/v1/opinions/${itemA}/photos/${photoA}`,
      `/api/v1/opinions/${itemA}/routing`,
    ]) {
      expect((await c.get(url)).statusCode, url).toBe(404);
    }
    expect((await list(c)).map((i) => i.id)).not.toContain(itemA);
    const file = await exported(c);
    if (file.status === 200) expect(file.text).not.toContain('红绿灯');
    else expect(file.status).toBe(403);
    const reveal = await c.post(`/api/v1/opinions/${itemA}/contact/reveal`);
    expect([403, 404]).toContain(reveal.statusCode);
    if (who !== 'otherRep') expect(reveal.statusCode).toBe(404);
    const action = await c.post(`/api/v1/opinions/${itemA}/sign`, {});
    expect(action.statusCode).toBe(404);
  });

  it('shows each role what is theirs: jurisdiction, handling unit, the station’s representative', async () => {
    const ids = async (who: string) => (await list(callers[who]!)).map((i) => i.id);
    expect(await ids('staffA')).toEqual(expect.arrayContaining([itemA, anonymousA]));
    expect(await ids('staffA')).not.toContain(itemB);
    expect(await ids('staffB')).toEqual([itemB]);
    expect(await ids('city')).toEqual(expect.arrayContaining([itemA, anonymousA, itemB]));
    expect(await ids('leader')).toEqual(expect.arrayContaining([itemA, itemB]));
    expect(await ids('officerA')).toEqual(expect.arrayContaining([itemA, anonymousA]));
    expect(await ids('unit')).toEqual([itemA]);
    expect(await ids('rep')).toEqual(expect.arrayContaining([itemA, anonymousA]));
    expect(await ids('otherRep')).toEqual([]);
    expect(await ids('unitB')).toEqual([]);
  });

  it('offers the queues: triage for staff, the unit’s work, the representative’s items', async () => {
    const triage = await list(callers.staffA!, '?view=triage');
    expect(triage.map((i) => i.id)).toContain(anonymousA);
    expect(triage.map((i) => i.id)).not.toContain(itemA); // assigned: no longer waiting for triage
    expect((await list(callers.unit!, '?view=unit')).map((i) => i.id)).toEqual([itemA]);
    expect(await list(callers.unit!, '?view=triage')).toEqual([]);
    expect((await list(callers.rep!, '?view=representative')).map((i) => i.id)).toEqual(
      expect.arrayContaining([itemA, anonymousA]),
    );
    const filtered = await list(
      callers.city!,
      `?status=ASSIGNED&categoryCode=transport&q=${encodeURIComponent('红绿灯')}`,
    );
    expect(filtered.map((i) => i.id)).toEqual([itemA]);
    const two = await list(callers.city!, '?status=SUBMITTED&status=ASSIGNED');
    expect(two.map((i) => i.id)).toEqual(expect.arrayContaining([itemA, anonymousA, itemB]));
    const inB = await list(callers.city!, `?jurisdictionId=${world.countyB.id}`);
    expect(inB.map((i) => i.id)).toEqual([itemB]);
  });

  it('masks names and phones in lists and views; an anonymous submitter is 匿名 to everyone', async () => {
    for (const who of ['staffA', 'unit', 'rep']) {
      const items = await list(callers[who]!);
      const a = items.find((i) => i.id === itemA)!;
      expect(a).toMatchObject({ submitterName: '王*', phoneMasked: '138****1234' });
      const anon = items.find((i) => i.id === anonymousA);
      if (anon) expect(anon.submitterName).toBe('匿名');
      const body = JSON.stringify(items);
      for (const secret of ['王小明', '13812341234', '不该保存']) expect(body).not.toContain(secret);
    }
    const detail = await callers.unit!.get(`/api/v1/opinions/${itemA}`);
    expect(detail.body).not.toContain('王小明');
    expect(detail.body).not.toContain('13812341234');
  });

  it('reveals the contact to staff and the handling unit, audited; never to representatives; never an anonymous name', async () => {
    const staff = await expectStatus<{ name: string; phone: string }>(
      callers.staffA!.post(`/api/v1/opinions/${itemA}/contact/reveal`),
      200,
    );
    expect(staff).toEqual({ name: '王小明', phone: '13812341234' });
    const audit = (await auditRows(env().ctx, 'opinion.reveal_contact'))[0]!;
    expect(audit).toMatchObject({ actor_user_id: world.users.staffA.id, entity_id: String(itemA) });
    expect(audit.detail).toMatchObject({ name: true, phone: true });
    expect(JSON.stringify(audit.detail)).not.toContain('1381234');
    const unit = await expectStatus(callers.unit!.post(`/api/v1/opinions/${itemA}/contact/reveal`), 200);
    expect(unit).toEqual({ name: '王小明', phone: '13812341234' });
    expect((await callers.rep!.post(`/api/v1/opinions/${itemA}/contact/reveal`)).statusCode).toBe(403);
    expect((await callers.leader!.post(`/api/v1/opinions/${itemA}/contact/reveal`)).statusCode).toBe(403);
    const anon = await expectStatus(
      callers.staffA!.post(`/api/v1/opinions/${anonymousA}/contact/reveal`),
      200,
    );
    expect(anon).toEqual({ name: null, phone: '13322223333' });
  });

  it('exports the progress table masked, or with contact for those permitted (audited)', async () => {
    const masked = await exported(callers.staffA!);
    expect(masked.status).toBe(200);
    expect(masked.res.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = masked.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      '追踪码,提交时间,渠道,联络站,代表,辖区,类别,内容摘要,状态,承办单位,受理期限,签收期限,答复期限,超期,办理结果,评价,二次办理,反映人,联系电话',
    );
    const rowA = rows.find((r) => r.includes('红绿灯'))!;
    expect(rowA).toContain('交通出行');
    expect(rowA).toContain('已交办');
    expect(rowA).toContain(world.unit.name);
    expect(rowA).toContain('王*');
    expect(rowA).toContain('138****1234');
    expect(masked.text).not.toContain('13812341234');
    expect(masked.text).not.toContain('溪口镇');

    const clear = await exported(callers.staffA!, 'format=csv&includeContact=true');
    expect(clear.text).toContain('王小明');
    expect(clear.text).toContain('13812341234');
    expect(clear.text).not.toContain('不该保存');
    const audit = (await auditRows(env().ctx, 'opinion.export'))[0]!;
    expect(audit.detail).toMatchObject({ includeContact: true, format: 'csv' });

    const refused = await exported(callers.unit!, 'includeContact=true');
    expect(refused.status).toBe(403);

    const xlsx = await callers.unit!.get('/api/v1/opinions/export');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^[a-z2-9]{10}$/);
  });

  it('lets a leader read but not act', async () => {
    const view = await expectStatus<OpinionView>(callers.leader!.get(`/api/v1/opinions/${anonymousA}`), 200);
    expect(view.actions).toEqual([]);
    expect(view.canRevealContact).toBe(false);
    expect((await callers.leader!.post(`/api/v1/opinions/${anonymousA}/accept`, {})).statusCode).toBe(403);
  });

  it('suggests a category from the text and the units that handle it nearest first', async () => {
    const res = await expectStatus<{
      category: { code: string; words: string[] } | null;
      units: { id: number }[];
    }>(callers.staffA!.get(`/api/v1/opinions/${itemA}/routing`), 200);
    expect(res.category).toMatchObject({ code: 'transport' });
    expect(res.category!.words).toContain('红绿灯');
    expect(res.units.map((u) => u.id)).toEqual([world.unit.id]);
  });

  describe('the photo route', () => {
    it('serves a photo only with the item it belongs to', async () => {
      expect((await callers.staffA!.get(`/api/v1/opinions/${anonymousA}/photos/${photoA}`)).statusCode).toBe(
        404,
      );
      const ok = await callers.unit!.get(`/api/v1/opinions/${itemA}/photos/${photoA}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
