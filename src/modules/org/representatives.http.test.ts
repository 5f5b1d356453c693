import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, buildUser, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import {
  auditRows,
  errorsByPath,
  expectStatus,
  representativeBody,
  snapshotCounts,
  uniqueCode,
} from '../../../test/support/org-fixtures.ts';

interface Rep {
  id: number;
  code: string;
  name: string;
  phoneMasked: string | null;
  levels: string[];
  seats: { congress: { id: number }; endedOn: string | null }[];
  updatedAt: string;
}

describeEachDialect('representatives over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staffA: Client;
  let leader: Client;
  let cityCongress: number;
  let countyCongress: number;
  beforeAll(async () => {
    org = await buildOrgFixture(env().ctx);
    app = await buildTestApp(env().ctx);
    staffA = await signIn(app, org.users.staffA);
    leader = await signIn(app, org.users.leader);
    const city = await signIn(app, org.users.cityStaff);
    cityCongress = (
      await expectStatus<{ id: number }>(
        city.post('/api/v1/congresses', {
          code: uniqueCode('C'),
          name: '清江市第十六届人民代表大会',
          level: 'city',
          termNumber: 16,
          jurisdictionId: org.city.id,
        }),
        201,
      )
    ).id;
    countyCongress = (
      await expectStatus<{ id: number }>(
        city.post('/api/v1/congresses', {
          code: uniqueCode('C'),
          name: '东湖区第九届人民代表大会',
          level: 'county',
          termNumber: 9,
          jurisdictionId: org.countyA.id,
        }),
        201,
      )
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  const create = (body: Record<string, unknown>) =>
    expectStatus<Rep>(staffA.post('/api/v1/representatives', body), 201);

  it('creates a representative with seats, stores the phone encrypted and shows it masked', async () => {
    const body = representativeBody(org.countyA.id, {
      name: '李华',
      gender: 'female',
      employer: '东湖区人民医院',
      sector: '医疗卫生',
      phone: '138 1234 5678',
      seats: [
        { congressId: countyCongress, constituency: '第三选区', electedOn: '2021-12-20' },
        { congressId: cityCongress, delegation: '东湖区代表团' },
      ],
    });
    const rep = await create(body);
    expect(rep).toMatchObject({
      code: body.code,
      name: '李华',
      gender: 'female',
      jurisdiction: { id: org.countyA.id, name: '东湖区' },
      status: 'active',
      isPublic: true,
      phoneMasked: '138****5678',
      levels: ['city', 'county'],
    });
    expect(rep).not.toHaveProperty('phone');
    expect(JSON.stringify(rep)).not.toContain('13812345678');
    expect(rep.seats.map((s) => s.congress.id).sort()).toEqual([cityCongress, countyCongress].sort());

    const raw = await env()
      .ctx.database.db.selectFrom('representative')
      .select(['phone_enc', 'phone_hash'])
      .where('id', '=', rep.id)
      .executeTakeFirstOrThrow();
    expect(raw.phone_enc).not.toContain('13812345678');
    expect(raw.phone_enc).not.toContain('5678');
    expect(env().ctx.cipher.decrypt(raw.phone_enc!)).toBe('13812345678');
    expect(raw.phone_hash).toBe(env().ctx.cipher.blindIndex('13812345678'));

    const [audit] = await auditRows(env().ctx, 'representative.create');
    expect(audit).toMatchObject({
      entity_type: 'representative',
      entity_id: String(rep.id),
      jurisdiction_id: org.countyA.id,
    });
    expect(audit?.detail.phone).toBe('set');
    // Neither the number nor its masked form's hidden digits (the code holds the process id, so
    // a shorter string could match by chance).
    expect(JSON.stringify(audit?.detail)).not.toContain('13812345678');
    expect(JSON.stringify(audit?.detail)).not.toContain('812345678');
  });

  it('reads one by id, and answers 404 for an id that does not exist', async () => {
    const rep = await create(representativeBody(org.townA1.id, { name: '王强' }));
    const got = await expectStatus<Rep & { groups: unknown[]; stations: unknown[]; grids: unknown[] }>(
      staffA.get(`/api/v1/representatives/${rep.id}`),
      200,
    );
    expect(got).toMatchObject({
      id: rep.id,
      name: '王强',
      jurisdiction: { name: '湖滨街道' },
      phoneMasked: null,
      levels: [],
      groups: [],
      stations: [],
      grids: [],
    });
    const missing = await staffA.get('/api/v1/representatives/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('edits fields, replaces seats, and clears the phone', async () => {
    const rep = await create(
      representativeBody(org.countyA.id, { phone: '13900001111', seats: [{ congressId: countyCongress }] }),
    );
    const edited = await expectStatus<Rep & { statusNote: string }>(
      staffA.patch(`/api/v1/representatives/${rep.id}`, {
        name: '赵敏',
        phone: null,
        status: 'suspended',
        statusNote: '暂停执行代表职务',
        seats: [{ congressId: cityCongress }],
      }),
      200,
    );
    expect(edited).toMatchObject({
      name: '赵敏',
      phoneMasked: null,
      status: 'suspended',
      statusNote: '暂停执行代表职务',
      levels: ['city'],
    });
    expect(edited.seats.map((s) => s.congress.id)).toEqual([cityCongress]);
    const raw = await env()
      .ctx.database.db.selectFrom('representative')
      .select(['phone_enc', 'phone_hash'])
      .where('id', '=', rep.id)
      .executeTakeFirstOrThrow();
    expect(raw).toEqual({ phone_enc: null, phone_hash: null });
    const [audit] = await auditRows(env().ctx, 'representative.update');
    expect(audit?.detail).toMatchObject({ changes: { name: '赵敏', phone: 'cleared', status: 'suspended' } });
  });

  it('counts only current seats in levels: an ended seat no longer gives its level', async () => {
    const rep = await create(
      representativeBody(org.countyA.id, {
        seats: [
          { congressId: cityCongress, endedOn: '2026-03-02' },
          { congressId: countyCongress, endedOn: '2026-03-03' },
        ],
      }),
    );
    expect(rep.levels).toEqual(['county']);
    const byLevel = await expectStatus<{ items: { id: number }[] }>(
      staffA.get(`/api/v1/representatives?level=city&pageSize=200`),
      200,
    );
    expect(byLevel.items.map((r) => r.id)).not.toContain(rep.id);
    const byCongress = await expectStatus<{ items: { id: number }[] }>(
      staffA.get(`/api/v1/representatives?congressId=${cityCongress}&pageSize=200`),
      200,
    );
    expect(byCongress.items.map((r) => r.id)).toContain(rep.id);
  });

  it('filters, searches, sorts and pages the list', async () => {
    const tag = uniqueCode('Q').toLowerCase().replace(/-/g, '');
    const a = await create(
      representativeBody(org.countyA.id, {
        code: `${tag}-a`,
        name: `甲${tag}`,
        employer: '清江钢铁集团',
        gender: 'female',
        sector: '工人',
        seats: [{ congressId: cityCongress }],
      }),
    );
    const b = await create(
      representativeBody(org.townA1.id, {
        code: `${tag}-b`,
        name: `乙${tag}`,
        status: 'terminated',
        isPublic: false,
      }),
    );
    const c = await create(
      representativeBody(org.countyA.id, {
        code: `${tag}-c`,
        name: `丙${tag}`,
        employer: `${tag} 科技有限公司`,
      }),
    );
    const ids = async (query: string) =>
      (
        await expectStatus<{ items: { id: number }[] }>(staffA.get(`/api/v1/representatives?${query}`), 200)
      ).items.map((r) => r.id);

    expect(await ids(`q=${tag}`)).toEqual([a.id, b.id, c.id]);
    expect(await ids(`q=${encodeURIComponent(`乙${tag}`)}`)).toEqual([b.id]);
    expect(await ids(`q=${tag.toUpperCase()}-C`)).toEqual([c.id]);
    expect(await ids(`q=${encodeURIComponent('清江钢铁')}`)).toEqual([a.id]);
    expect(await ids(`q=${tag}&level=city`)).toEqual([a.id]);
    expect(await ids(`q=${tag}&status=terminated`)).toEqual([b.id]);
    expect(await ids(`q=${tag}&gender=female`)).toEqual([a.id]);
    expect(await ids(`q=${tag}&sector=${encodeURIComponent('工人')}`)).toEqual([a.id]);
    expect(await ids(`q=${tag}&isPublic=false`)).toEqual([b.id]);
    expect(await ids(`q=${tag}&jurisdictionId=${org.townA1.id}`)).toEqual([b.id]);
    expect(await ids(`q=${tag}&sort=updatedAt`)).toEqual([c.id, b.id, a.id]);
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual([]);

    const page1 = await expectStatus<{
      items: { id: number }[];
      total: number;
      page: number;
      pageSize: number;
    }>(staffA.get(`/api/v1/representatives?q=${tag}&pageSize=2`), 200);
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((r) => r.id)).toEqual([a.id, b.id]);
    const page2 = await expectStatus<{ items: { id: number }[] }>(
      staffA.get(`/api/v1/representatives?q=${tag}&pageSize=2&page=2`),
      200,
    );
    expect(page2.items.map((r) => r.id)).toEqual([c.id]);
    const defaults = await expectStatus<{ pageSize: number }>(staffA.get('/api/v1/representatives'), 200);
    expect(defaults.pageSize).toBe(20);
    const tooBig = await staffA.get('/api/v1/representatives?pageSize=201');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().code).toBe('VALIDATION_FAILED');
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const taken = await create(representativeBody(org.countyA.id));
    const cases: [string, Record<string, unknown>, string, string, string?][] = [
      [
        'unknown field',
        representativeBody(org.countyA.id, { admin: true }),
        'VALIDATION_FAILED',
        '/admin',
        '不允许的字段',
      ],
      [
        'wrong type',
        representativeBody(org.countyA.id, { jurisdictionId: 'one' }),
        'VALIDATION_FAILED',
        '/jurisdictionId',
        '应为整数',
      ],
      [
        'markup in a name',
        representativeBody(org.countyA.id, { name: '<script>alert(1)</script>' }),
        'VALIDATION_FAILED',
        '/name',
        '不能包含 < >',
      ],
      [
        'markup in an optional field',
        representativeBody(org.countyA.id, { employer: '<b>厂</b>' }),
        'VALIDATION_FAILED',
        '/employer',
        '工作单位不能包含 < >',
      ],
      [
        'bad phone',
        representativeBody(org.countyA.id, { phone: '12345' }),
        'VALIDATION_FAILED',
        '/phone',
        '联系电话格式不正确',
      ],
      ['unknown gender', representativeBody(org.countyA.id, { gender: 'x' }), 'VALIDATION_FAILED', '/gender'],
      [
        'a congress twice',
        representativeBody(org.countyA.id, {
          seats: [{ congressId: cityCongress }, { congressId: cityCongress }],
        }),
        'VALIDATION_FAILED',
        '/seats/1/congressId',
      ],
      [
        'an unknown congress',
        representativeBody(org.countyA.id, { seats: [{ congressId: 999999 }] }),
        'VALIDATION_FAILED',
        '/seats/0/congressId',
      ],
      [
        'a seat ending before it starts',
        representativeBody(org.countyA.id, {
          seats: [{ congressId: cityCongress, electedOn: '2026-01-02', endedOn: '2026-01-01' }],
        }),
        'VALIDATION_FAILED',
        '/seats/0/endedOn',
      ],
      [
        'another county',
        representativeBody(org.countyB.id),
        'VALIDATION_FAILED',
        '/jurisdictionId',
        '不存在或不在您的管辖范围内',
      ],
      [
        'a duplicate code',
        representativeBody(org.countyA.id, { code: taken.code }),
        'CONFLICT',
        '/code',
        '已被使用',
      ],
    ];
    const before = await snapshotCounts(env().ctx);
    for (const [what, body, code, path, zh] of cases) {
      const res = await staffA.post('/api/v1/representatives', body);
      expect(res.json().code, what).toBe(code);
      expect(res.statusCode, what).toBe(code === 'CONFLICT' ? 409 : 400);
      const errors = errorsByPath(res.json());
      expect(Object.keys(errors), what).toContain(path);
      if (zh) expect(errors[path]?.zh, what).toContain(zh);
      expect(errors[path]?.en, what).toBeTruthy();
    }
    const patch = await staffA.patch(`/api/v1/representatives/${taken.id}`, {
      phone: '021-1',
      name: '<b>x</b>',
    });
    expect(Object.keys(errorsByPath(patch.json())).sort()).toEqual(['/name']);
    const patchPhone = await staffA.patch(`/api/v1/representatives/${taken.id}`, { phone: '021-1' });
    expect(errorsByPath(patchPhone.json())['/phone']?.en).toContain('not valid');
    const empty = await staffA.patch(`/api/v1/representatives/${taken.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(await snapshotCounts(env().ctx)).toEqual(before);
    const unchanged = await expectStatus<Rep>(staffA.get(`/api/v1/representatives/${taken.id}`), 200);
    expect(unchanged.updatedAt).toBe(taken.updatedAt);
  });

  it('refuses a write in the middle of a seat change without keeping half of it', async () => {
    const rep = await create(representativeBody(org.countyA.id, { seats: [{ congressId: countyCongress }] }));
    const other = await create(representativeBody(org.countyA.id));
    const res = await staffA.patch(`/api/v1/representatives/${rep.id}`, {
      code: other.code,
      seats: [{ congressId: cityCongress }],
    });
    expect(res.statusCode).toBe(409);
    const after = await expectStatus<Rep>(staffA.get(`/api/v1/representatives/${rep.id}`), 200);
    expect(after.code).toBe(rep.code);
    expect(after.seats.map((s) => s.congress.id)).toEqual([countyCongress]);
  });

  it('lets readers read but not write', async () => {
    expect((await leader.get('/api/v1/representatives')).statusCode).toBe(200);
    const res = await leader.post('/api/v1/representatives', representativeBody(org.countyA.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('reveals the phone only with the permission, and audits every reveal', async () => {
    const rep = await create(representativeBody(org.countyA.id, { phone: '0571-8765 4321' }));
    expect(rep.phoneMasked).toBe('0571****4321');
    const denied = await leader.post(`/api/v1/representatives/${rep.id}/phone/reveal`);
    expect(denied.statusCode).toBe(403);
    const before = (await auditRows(env().ctx, 'representative.reveal_phone')).length;
    const revealed = await expectStatus<{ phone: string }>(
      staffA.post(`/api/v1/representatives/${rep.id}/phone/reveal`),
      200,
    );
    expect(revealed.phone).toBe('057187654321');
    const rows = await auditRows(env().ctx, 'representative.reveal_phone');
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({
      actor_username: org.users.staffA.username,
      entity_id: String(rep.id),
      success: 1,
    });
    expect(JSON.stringify(rows[0]?.detail)).not.toContain('4321');
    expect((await staffA.post('/api/v1/representatives/999999/phone/reveal')).statusCode).toBe(404);
  });

  it('deletes a record entered by mistake, but not one linked to an account', async () => {
    const rep = await create(representativeBody(org.countyA.id, { seats: [{ congressId: countyCongress }] }));
    await buildUser(env().ctx, {
      roles: ['representative'],
      jurisdictionId: org.countyA.id,
      representativeId: rep.id,
    });
    const refused = await staffA.delete(`/api/v1/representatives/${rep.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('IN_USE');
    expect(refused.json().messages.en).toContain('terminated');
    expect(refused.json().messages['zh-CN']).toContain('代表资格终止');
    expect((await staffA.get(`/api/v1/representatives/${rep.id}`)).statusCode).toBe(200);

    const mistake = await create(
      representativeBody(org.countyA.id, { seats: [{ congressId: countyCongress }] }),
    );
    await expectStatus(staffA.delete(`/api/v1/representatives/${mistake.id}`), 200);
    expect((await staffA.get(`/api/v1/representatives/${mistake.id}`)).statusCode).toBe(404);
    const seats = await env()
      .ctx.database.db.selectFrom('representative_seat')
      .select('id')
      .where('representative_id', '=', mistake.id)
      .execute();
    expect(seats).toEqual([]);
    const [audit] = await auditRows(env().ctx, 'representative.delete');
    expect(audit).toMatchObject({ entity_id: String(mistake.id), detail: { code: mistake.code } });
  });

  it('exports the filtered roster as XLSX and CSV with masked phones, full ones only with the permission', async () => {
    const tag = uniqueCode('E').toLowerCase().replace(/-/g, '');
    await create(
      representativeBody(org.countyA.id, {
        code: `${tag}-1`,
        name: '导出甲',
        phone: '13811112222',
        seats: [{ congressId: countyCongress }],
      }),
    );
    await create(
      representativeBody(org.countyA.id, {
        code: `${tag}-2`,
        name: '导出乙',
        employer: '=cmd|calc',
        gender: 'female',
      }),
    );

    const xlsx = await staffA.get(`/api/v1/representatives/export?q=${tag}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows = (sheet.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    expect(rows[0]).toEqual([
      '代表编号',
      '姓名',
      '性别',
      '民族',
      '管理辖区',
      '代表层级',
      '工作单位',
      '职务',
      '界别',
      '状态',
      '联系电话',
      '公开履职信息',
    ]);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['导出甲', '导出乙']);
    expect(rows[1]?.[10]).toBe('138****2222');
    expect(rows[1]?.[5]).toBe('县（区）人大代表');

    const csv = await staffA.get(`/api/v1/representatives/export?format=csv&q=${tag}&gender=female`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('导出乙');
    expect(lines[1]).toContain("'=cmd|calc");

    expect((await leader.get(`/api/v1/representatives/export?q=${tag}&includePhone=true`)).statusCode).toBe(
      403,
    );
    const full = await staffA.get(`/api/v1/representatives/export?format=csv&q=${tag}&includePhone=true`);
    expect(full.body).toContain('13811112222');
    const [audit] = await auditRows(env().ctx, 'representative.export');
    expect(audit?.detail).toMatchObject({ format: 'csv', includePhone: true, count: 2 });
    expect(JSON.stringify(audit?.detail)).not.toContain('13811112222');
  });
});
