import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import { buildTestApp, signIn, type Client } from '../../../test/support/http.ts';
import { codeOfJurisdiction, insertCongress, xlsxOf } from '../../../test/support/import-fixtures.ts';
import { IMPORT_COLUMNS } from './import.columns.ts';
import { contentDisposition } from './import.routes.ts';
import { templateHeader } from './import.template.ts';
import { countRows } from '../../../test/support/org-fixtures.ts';

/** A multipart/form-data body with one file, serialised by the platform's FormData. */
async function multipart(fileName: string, data: Buffer, field = 'file', type = 'application/octet-stream') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(data)], { type }), fileName);
  const res = new Response(form);
  return {
    payload: Buffer.from(await res.arrayBuffer()),
    headers: { 'content-type': res.headers.get('content-type')! },
  };
}

describeEachDialect('bulk import over HTTP', (env) => {
  let app: FastifyInstance;
  let org: OrgFixture;
  let staff: Client;
  let countyA: string;
  let countyB: string;

  beforeAll(async () => {
    const { ctx } = env();
    org = await buildOrgFixture(ctx);
    countyA = await codeOfJurisdiction(ctx, org.countyA.id);
    countyB = await codeOfJurisdiction(ctx, org.countyB.id);
    await insertCongress(ctx, { code: 'H-A-18', jurisdictionId: org.countyA.id });
    app = await buildTestApp(ctx);
    staff = await signIn(app, org.users.staffA);
  });
  afterAll(async () => {
    await app.close();
  });

  async function upload(client: Client, url: string, fileName: string, data: Buffer, field?: string) {
    const body = await multipart(fileName, data, field);
    return client.post(url, body.payload, body.headers);
  }

  const repFile = (rows: (string | null)[][]) =>
    xlsxOf([['代表编号*', '姓名*', '性别*', '管理辖区代码*', '所属人大编码', '联系电话'], ...rows]);

  it('serves the XLSX template: data sheet with Chinese headers and an example, and a 说明 sheet', async () => {
    const res = await staff.get('/api/v1/imports/templates/representatives?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      contentDisposition('人大代表导入模板.xlsx', 'representatives-import-template.xlsx'),
    );
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E4%BA%BA%E5%A4%A7%E4%BB%A3%E8%A1%A8",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['人大代表', '说明']);
    const [data, help] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const columns = IMPORT_COLUMNS.representatives;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map(templateHeader));
    expect(data.getRow(1).getCell(1).value).toBe('代表编号*');
    expect(data.getRow(2).getCell(3).value).toBe('男');
    const helpText = JSON.stringify(help.getSheetValues());
    for (const c of columns) expect(helpText).toContain(c.help);
    expect(helpText).toContain('在任 / 暂停执行代表职务 / 代表资格终止');
    expect(helpText).toContain('分隔');
  });

  it('serves the CSV template in UTF-8 with a byte-order mark', async () => {
    const res = await staff.get('/api/v1/imports/templates/units?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('units-import-template.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header] = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(header).toBe(IMPORT_COLUMNS.units.map(templateHeader).join(','));
  });

  it('refuses an unknown kind or mode', async () => {
    const res = await staff.get('/api/v1/imports/templates/cats');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const mode = await upload(staff, '/api/v1/imports/grids?mode=now', 'g.csv', Buffer.from('网格编码\n'));
    expect(mode.statusCode).toBe(400);
    expect(mode.json().code).toBe('VALIDATION_FAILED');
  });

  it('documents the import endpoints in the OpenAPI document', async () => {
    const res = await staff.get('/docs/json');
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/imports/{kind}', '/api/v1/imports/templates/{kind}']),
    );
    expect(doc.paths['/api/v1/imports/{kind}'].post.description).toContain(
      'multipart/form-data with one file field named `file`',
    );
  });

  it('checks a file (dry run is the default) and writes nothing', async () => {
    const { ctx } = env();
    const before = await countRows(ctx, 'representative');
    const res = await upload(
      staff,
      '/api/v1/imports/representatives',
      '东湖区代表.xlsx',
      await repFile([['HD-1', '张三', '男', countyA, 'H-A-18', '13800001111']]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'representatives',
      mode: 'dry-run',
      fileName: '东湖区代表.xlsx',
      totalRows: 1,
      validRows: 1,
      errorCount: 0,
      errors: [],
      truncated: false,
      created: 0,
      committed: false,
    });
    expect(await countRows(ctx, 'representative')).toBe(before);
  });

  it('commits a good file with one audit row under the signed-in user', async () => {
    const { ctx } = env();
    const res = await upload(
      staff,
      '/api/v1/imports/representatives?mode=commit',
      'reps.xlsx',
      await repFile([
        ['HC-1', '张三', '男', countyA, 'H-A-18', '13800001111'],
        ['HC-2', '李四', '女', countyA, null, null],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'commit', totalRows: 2, created: 2, committed: true });
    const reps = await ctx.database.db
      .selectFrom('representative')
      .select(['code', 'phone_enc'])
      .where('code', 'in', ['HC-1', 'HC-2'])
      .orderBy('code')
      .execute();
    expect(reps.map((r) => r.code)).toEqual(['HC-1', 'HC-2']);
    expect(ctx.cipher.decrypt(reps[0]!.phone_enc!)).toBe('13800001111');
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import.representatives')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_username).toBe(org.users.staffA.username);
    expect(JSON.parse(audit.detail)).toEqual({
      fileName: 'reps.xlsx',
      rowCount: 2,
      firstCode: 'HC-1',
      lastCode: 'HC-2',
    });
  });

  it('reports bad rows on a dry run (200), and refuses them on commit: 422 IMPORT_INVALID with the report, nothing written', async () => {
    const { ctx } = env();
    const before = await countRows(ctx, 'representative');
    const file = await repFile([
      ['HB-1', '张三', '男', countyA, null, null],
      ['HB-2', '李四', '女', countyB, null, '12345'],
    ]);
    const dry = await upload(staff, '/api/v1/imports/representatives?mode=dry-run', 'reps.xlsx', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ validRows: 1, errorCount: 2, committed: false });
    expect(dry.json().errors[0]).toEqual({
      row: 3,
      column: '管理辖区代码',
      value: countyB,
      message: {
        zh: `管理辖区代码“${countyB}”不存在或不在您的管辖范围内`,
        en: `Jurisdiction code "${countyB}" does not exist or is outside your jurisdiction`,
      },
    });
    const res = await upload(staff, '/api/v1/imports/representatives?mode=commit', 'reps.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('IMPORT_INVALID');
    expect(problem.messages['zh-CN']).toBe('文件中有 2 处错误，未导入任何数据');
    expect(problem.report).toMatchObject({
      mode: 'commit',
      totalRows: 2,
      validRows: 1,
      errorCount: 2,
      committed: false,
      created: 0,
    });
    expect(problem.report.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, '管理辖区代码'],
      [3, '联系电话'],
    ]);
    expect(await countRows(ctx, 'representative')).toBe(before);
  });

  it('refuses a file whose header does not match with 422 and the header problems', async () => {
    const res = await upload(
      staff,
      '/api/v1/imports/grids',
      'grids.xlsx',
      await xlsxOf([
        ['网格编码', '名字'],
        ['G1', 'x'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('IMPORT_INVALID');
    expect(problem.report.errors.map((e: { message: { zh: string } }) => e.message.zh)).toEqual([
      '无法识别的列“名字”（第 B 列）；可用的列见模板的“说明”工作表',
      '缺少必填列“名称”',
      '缺少必填列“所属辖区代码”',
    ]);
  });

  it('refuses an unreadable workbook with 400', async () => {
    const res = await upload(staff, '/api/v1/imports/units?mode=commit', 'units.xlsx', randomBytes(2048));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
    expect(res.json().messages['zh-CN']).toContain('不是有效的 XLSX');
  });

  it('refuses other file types and non-multipart bodies with 415', async () => {
    const txt = await upload(staff, '/api/v1/imports/units', 'units.txt', Buffer.from('单位编码,名称\n'));
    expect(txt.statusCode).toBe(415);
    expect(txt.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const xls = await upload(staff, '/api/v1/imports/units', 'units.xls', randomBytes(100));
    expect(xls.statusCode).toBe(415);
    const json = await staff.post('/api/v1/imports/units', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('wants the file in the field named file', async () => {
    const res = await upload(
      staff,
      '/api/v1/imports/units',
      'units.csv',
      Buffer.from('单位编码\n'),
      'upload',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().messages['zh-CN']).toBe('请在字段 file 中上传文件');
  });

  it('refuses a file over the upload limit with 413', async () => {
    const { ctx } = env();
    const small = await buildTestApp({
      ...ctx,
      config: { ...ctx.config, http: { ...ctx.config.http, uploadLimitBytes: 4096 } },
    });
    try {
      const client = await signIn(small, org.users.staffA);
      const res = await upload(
        client,
        '/api/v1/imports/units',
        'units.csv',
        Buffer.from('单位编码,名称\n' + 'U1,某单位\n'.repeat(1000)),
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('needs org.write, and the CSRF token', async () => {
    const leader = await signIn(app, org.users.leader);
    const file = await repFile([['HL-1', '张三', '男', countyA, null, null]]);
    const denied = await upload(leader, '/api/v1/imports/representatives', 'r.xlsx', file);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    expect((await leader.get('/api/v1/imports/templates/representatives')).statusCode).toBe(403);
    const body = await multipart('r.xlsx', file);
    const noToken = await staff.request({
      method: 'POST',
      url: '/api/v1/imports/representatives',
      payload: body.payload,
      headers: body.headers,
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_INVALID');
  });
});
