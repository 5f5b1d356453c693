import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../../test/support/fixtures.ts';
import {
  codeOfJurisdiction,
  csvOf,
  gb18030,
  insertCongress,
  insertGrid,
  insertGroup,
  insertRepresentative,
  insertStation,
  insertUnit,
  staffActor,
  xlsxOf,
} from '../../../test/support/import-fixtures.ts';
import { AppError } from '../../platform/http/errors.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/auth.domain.ts';
import type { ImportKind, ImportMode } from './import.domain.ts';
import type { ImportFormat } from './import.parse.ts';
import type { ImportReport } from './import.schema.ts';
import { importFile } from './import.service.ts';
import { buildTemplate } from './import.template.ts';
import { countRows } from '../../../test/support/org-fixtures.ts';

const REP_HEADER = [
  '代表编号*',
  '姓名*',
  '性别*',
  '民族',
  '管理辖区代码*',
  '工作单位',
  '职务',
  '界别',
  '状态',
  '公开履职信息',
  '联系电话',
  '所属人大编码',
  '代表团',
  '选区',
  '进站站点编码',
  '代表小组编码',
  '网格编码',
  '简介',
];

describeEachDialect('bulk import', (env) => {
  let org: OrgFixture;
  let code: { city: string; a: string; b: string; townA: string; townB: string };
  let staffA: Actor;
  let cityStaff: Actor;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { ctx } = env();
    org = await buildOrgFixture(ctx);
    code = {
      city: await codeOfJurisdiction(ctx, org.city.id),
      a: await codeOfJurisdiction(ctx, org.countyA.id),
      b: await codeOfJurisdiction(ctx, org.countyB.id),
      townA: await codeOfJurisdiction(ctx, org.townA1.id),
      townB: await codeOfJurisdiction(ctx, org.townB1.id),
    };
    staffA = staffActor(org.users.staffA, org.countyA);
    cityStaff = staffActor(org.users.cityStaff, org.city);
    ids.npc = await insertCongress(ctx, { code: 'NPC-14', jurisdictionId: null, level: 'national' });
    ids.cityCongress = await insertCongress(ctx, {
      code: 'CITY-16',
      jurisdictionId: org.city.id,
      level: 'city',
    });
    ids.congressA = await insertCongress(ctx, { code: 'A-18', jurisdictionId: org.countyA.id });
    ids.congressB = await insertCongress(ctx, { code: 'B-18', jurisdictionId: org.countyB.id });
    ids.stationA = await insertStation(ctx, { code: 'ST-A', jurisdictionId: org.countyA.id, tier: 'center' });
    ids.stationA2 = await insertStation(ctx, { code: 'ST-A2', jurisdictionId: org.townA1.id });
    ids.stationB = await insertStation(ctx, { code: 'ST-B', jurisdictionId: org.countyB.id });
    ids.groupA = await insertGroup(ctx, { code: 'G-A', jurisdictionId: org.countyA.id });
    ids.groupB = await insertGroup(ctx, { code: 'G-B', jurisdictionId: org.countyB.id });
    ids.gridA = await insertGrid(ctx, { code: 'GR-A', jurisdictionId: org.townA1.id });
    ids.unitA = await insertUnit(ctx, { code: 'U-A', jurisdictionId: org.countyA.id });
    ids.repA = await insertRepresentative(ctx, { code: 'REP-A', jurisdictionId: org.countyA.id });
    ids.repB = await insertRepresentative(ctx, { code: 'REP-B', jurisdictionId: org.countyB.id });
  });

  function run(
    actor: Actor,
    kind: ImportKind,
    mode: ImportMode,
    data: Buffer,
    fileName = `${kind}.xlsx`,
    format: ImportFormat = 'xlsx',
  ) {
    return importFile(env().ctx, actor, { kind, mode, fileName, format, data });
  }

  /** The IMPORT_INVALID (or other) refusal of an import, with its report when it has one. */
  async function refused(
    work: Promise<unknown>,
  ): Promise<{ error: AppError; report: ImportReport | undefined }> {
    try {
      await work;
    } catch (err) {
      if (err instanceof AppError)
        return { error: err, report: (err.extra as { report?: ImportReport }).report };
      throw err;
    }
    throw new Error('expected the import to be refused');
  }

  const db = () => env().ctx.database.db;

  it('imports representatives with seats, memberships and an encrypted phone, with one audit row', async () => {
    const { ctx } = env();
    const data = await xlsxOf([
      REP_HEADER,
      [
        'RA-001',
        '张明',
        '男',
        '汉族',
        code.a,
        '第一医院',
        '副院长',
        '专业技术人员',
        '在任',
        '是',
        '１３８ ０００１-２３４５',
        'CITY-16；A-18',
        '东湖区代表团',
        '湖滨第3选区',
        'ST-A、ST-A2',
        'G-A',
        'GR-A',
        '长期从事\n基层医疗',
      ],
      [
        20260002,
        '李红',
        'female',
        null,
        code.townA,
        null,
        null,
        null,
        'Suspended',
        '否',
        null,
        'A-18',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'RA-003',
        '王芳',
        '女',
        '回族',
        code.a,
        null,
        null,
        null,
        null,
        null,
        '057512345678',
        'NPC-14；CITY-16；A-18',
        '甲团；乙团；丙团',
        null,
        null,
        'G-A',
        null,
        null,
      ],
    ]);
    const before = await countRows(ctx, 'audit_log');
    const report = await run(staffA, 'representatives', 'commit', data, '东湖区代表名册.xlsx');
    expect(report).toMatchObject({
      kind: 'representatives',
      mode: 'commit',
      fileName: '东湖区代表名册.xlsx',
      totalRows: 3,
      validRows: 3,
      errorCount: 0,
      errors: [],
      truncated: false,
      created: 3,
      committed: true,
    });

    const reps = await db()
      .selectFrom('representative')
      .selectAll()
      .where('code', 'in', ['RA-001', '20260002', 'RA-003'])
      .orderBy('code')
      .execute();
    expect(
      reps.map((r) => [
        r.code,
        r.name,
        r.gender,
        r.jurisdiction_id,
        r.status,
        r.is_public,
        r.ethnicity,
        r.bio,
      ]),
    ).toEqual([
      ['20260002', '李红', 'female', org.townA1.id, 'suspended', 0, null, null],
      ['RA-001', '张明', 'male', org.countyA.id, 'active', 1, '汉族', '长期从事\n基层医疗'],
      ['RA-003', '王芳', 'female', org.countyA.id, 'active', 1, '回族', null],
    ]);
    const zhang = reps[1]!;
    expect(ctx.cipher.decrypt(zhang.phone_enc!)).toBe('13800012345');
    expect(zhang.phone_hash).toBe(ctx.cipher.blindIndex('13800012345'));
    expect(JSON.stringify(reps)).not.toContain('13800012345');
    expect(ctx.cipher.decrypt(reps[2]!.phone_enc!)).toBe('057512345678');
    expect(reps[0]!.phone_enc).toBeNull();

    const seats = await db()
      .selectFrom('representative_seat')
      .innerJoin('representative', 'representative.id', 'representative_seat.representative_id')
      .select(['representative.code', 'congress_id', 'delegation', 'constituency'])
      .where('representative.code', 'in', ['RA-001', '20260002', 'RA-003'])
      .orderBy('representative.code')
      .orderBy('congress_id')
      .execute();
    expect(seats.map((s) => [s.code, s.congress_id, s.delegation, s.constituency])).toEqual([
      ['20260002', ids.congressA, null, null],
      ['RA-001', ids.cityCongress, '东湖区代表团', '湖滨第3选区'],
      ['RA-001', ids.congressA, '东湖区代表团', '湖滨第3选区'],
      ['RA-003', ids.npc, '甲团', null],
      ['RA-003', ids.cityCongress, '乙团', null],
      ['RA-003', ids.congressA, '丙团', null],
    ]);
    const stationMembers = await db()
      .selectFrom('station_member')
      .select(['station_id'])
      .where('representative_id', '=', zhang.id)
      .orderBy('station_id')
      .execute();
    expect(stationMembers.map((m) => m.station_id)).toEqual([ids.stationA, ids.stationA2]);
    const groupMembers = await db()
      .selectFrom('group_member')
      .select(['group_id', 'representative_id', 'role'])
      .where('group_id', '=', ids.groupA!)
      .orderBy('representative_id')
      .execute();
    expect(groupMembers).toEqual([
      { group_id: ids.groupA, representative_id: zhang.id, role: 'member' },
      { group_id: ids.groupA, representative_id: reps[2]!.id, role: 'member' },
    ]);
    const gridMembers = await db()
      .selectFrom('grid_member')
      .select(['grid_id'])
      .where('representative_id', '=', zhang.id)
      .execute();
    expect(gridMembers).toEqual([{ grid_id: ids.gridA }]);

    const audits = await db().selectFrom('audit_log').selectAll().where('seq', '>', before).execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'import.representatives',
      entity_type: 'representative',
      actor_username: org.users.staffA.username,
      jurisdiction_id: org.countyA.id,
      success: 1,
    });
    expect(JSON.parse(audits[0]!.detail)).toEqual({
      fileName: '东湖区代表名册.xlsx',
      rowCount: 3,
      firstCode: 'RA-001',
      lastCode: 'RA-003',
    });
    expect(audits[0]!.detail).not.toMatch(/1380|0575/);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('a dry run reports and writes nothing', async () => {
    const { ctx } = env();
    const data = await xlsxOf([
      REP_HEADER.slice(0, 5),
      ['RD-1', '赵一', '男', null, code.a],
      ['RD-2', '赵二', '女', null, code.a],
    ]);
    const [reps, audits] = [await countRows(ctx, 'representative'), await countRows(ctx, 'audit_log')];
    const report = await run(staffA, 'representatives', 'dry-run', data);
    expect(report).toMatchObject({
      mode: 'dry-run',
      totalRows: 2,
      validRows: 2,
      errorCount: 0,
      created: 0,
      committed: false,
    });
    expect(await countRows(ctx, 'representative')).toBe(reps);
    expect(await countRows(ctx, 'audit_log')).toBe(audits);
  });

  it('imports stations with parents from the file and the database, reception rules and public codes', async () => {
    const data = await xlsxOf([
      [
        '站点编码*',
        '名称*',
        '层级*',
        '类型',
        '所属辖区代码*',
        '上级站点编码',
        '地址',
        '接待日规则',
        '接待开始时间',
        '接待结束时间',
        '启用日期',
        '状态',
      ],
      [
        'SN-1',
        '东湖区联络中心站',
        '联络中心站',
        '综合（社区）',
        code.a,
        null,
        '湖滨路 1 号',
        '每月第三个星期二',
        '9:00',
        '11:00',
        new Date(Date.UTC(2024, 2, 1)),
        null,
      ],
      [
        'SN-2',
        '湖滨街道联络站',
        '联络站',
        null,
        code.townA,
        'SN-1',
        null,
        'FREQ=WEEKLY;BYDAY=MO',
        '14:00',
        '16:30',
        '2024/3/5',
        '运行中',
      ],
      [
        'SN-3',
        '湖滨社区联系点',
        '联系点',
        '园区',
        code.townA,
        'SN-2',
        null,
        null,
        null,
        null,
        null,
        '已撤销',
      ],
      ['SN-4', '产业园联系点', '联系点', 'industry', code.a, 'ST-A', null, null, null, null, null, null],
    ]);
    const report = await run(staffA, 'stations', 'commit', data);
    expect(report).toMatchObject({ created: 4, committed: true, errorCount: 0 });
    const rows = await db()
      .selectFrom('station')
      .selectAll()
      .where('code', 'like', 'SN-%')
      .orderBy('code')
      .execute();
    const idOf = (c: string) => rows.find((r) => r.code === c)!.id;
    expect(
      rows.map((r) => [
        r.code,
        r.tier,
        r.theme,
        r.jurisdiction_id,
        r.parent_id,
        r.reception_rule,
        r.reception_start,
        r.reception_end,
        r.opened_on,
        r.status,
      ]),
    ).toEqual([
      [
        'SN-1',
        'center',
        'community',
        org.countyA.id,
        null,
        'FREQ=MONTHLY;BYDAY=+3TU',
        '09:00',
        '11:00',
        '2024-03-01',
        'active',
      ],
      [
        'SN-2',
        'station',
        'community',
        org.townA1.id,
        idOf('SN-1'),
        'FREQ=WEEKLY;BYDAY=MO',
        '14:00',
        '16:30',
        '2024-03-05',
        'active',
      ],
      ['SN-3', 'point', 'park', org.townA1.id, idOf('SN-2'), null, null, null, null, 'retired'],
      ['SN-4', 'point', 'industry', org.countyA.id, ids.stationA, null, null, null, null, 'active'],
    ]);
    for (const r of rows) expect(r.public_code).toMatch(/^[a-hjkmnp-z2-9]{10}$/);
    expect(new Set(rows.map((r) => r.public_code)).size).toBe(4);
  });

  it('imports units with parents, categories of their jurisdiction, and an encrypted contact phone', async () => {
    const { ctx } = env();
    const data = await xlsxOf([
      [
        '单位编码*',
        '名称*',
        '简称',
        '类型*',
        '所属辖区代码*',
        '上级单位编码',
        '联系人',
        '联系电话',
        '办理类别',
        '状态',
      ],
      ['UN-GOV', '东湖区人民政府', '区政府', '政府部门', code.a, null, null, null, null, null],
      [
        'UN-ZJ',
        '东湖区住房和城乡建设局',
        '区住建局',
        '政府部门',
        code.a,
        'UN-GOV',
        '李华',
        '13900001111',
        '城乡建设与住房；city_management、Transport',
        '启用',
      ],
      [
        'UN-JD',
        '湖滨街道办事处',
        null,
        '乡镇（街道）',
        code.townA,
        'U-A',
        null,
        null,
        'civil_affairs',
        '停用',
      ],
    ]);
    const report = await run(staffA, 'units', 'commit', data);
    expect(report).toMatchObject({ created: 3, committed: true });
    const units = await db()
      .selectFrom('unit')
      .selectAll()
      .where('code', 'like', 'UN-%')
      .orderBy('code')
      .execute();
    const idOf = (c: string) => units.find((u) => u.code === c)!.id;
    expect(units.map((u) => [u.code, u.kind, u.short_name, u.parent_id, u.contact_name, u.status])).toEqual([
      ['UN-GOV', 'government', '区政府', null, null, 'active'],
      ['UN-JD', 'township', null, ids.unitA, null, 'inactive'],
      ['UN-ZJ', 'government', '区住建局', idOf('UN-GOV'), '李华', 'active'],
    ]);
    const zj = units.find((u) => u.code === 'UN-ZJ')!;
    expect(ctx.cipher.decrypt(zj.contact_phone_enc!)).toBe('13900001111');
    expect(zj.contact_phone_enc).not.toContain('13900001111');
    const categories = await db()
      .selectFrom('unit_category')
      .selectAll()
      .where('unit_id', 'in', [idOf('UN-ZJ'), idOf('UN-JD')])
      .orderBy('unit_id')
      .orderBy('category_code')
      .execute();
    expect(categories.map((c) => [c.unit_id, c.category_code, c.jurisdiction_id])).toEqual(
      [
        [idOf('UN-ZJ'), 'city_management', org.countyA.id],
        [idOf('UN-ZJ'), 'housing', org.countyA.id],
        [idOf('UN-ZJ'), 'transport', org.countyA.id],
        [idOf('UN-JD'), 'civil_affairs', org.townA1.id],
      ].sort((x, y) => Number(x[0]) - Number(y[0]) || String(x[1]).localeCompare(String(y[1]))),
    );
  });

  it('imports grids with their station and representatives', async () => {
    const data = await xlsxOf([
      ['网格编码*', '名称*', '所属辖区代码*', '所属站点编码', '说明', '网格代表编号'],
      ['GN-1', '湖滨一网格', code.townA, 'ST-A2', '湖滨路以东', 'REP-A；RA-001'],
      ['GN-2', '湖滨二网格', code.townA, null, null, null],
    ]);
    const report = await run(staffA, 'grids', 'commit', data);
    expect(report).toMatchObject({ created: 2, committed: true });
    const grids = await db()
      .selectFrom('grid')
      .selectAll()
      .where('code', 'like', 'GN-%')
      .orderBy('code')
      .execute();
    expect(grids.map((g) => [g.code, g.jurisdiction_id, g.station_id, g.description])).toEqual([
      ['GN-1', org.townA1.id, ids.stationA2, '湖滨路以东'],
      ['GN-2', org.townA1.id, null, null],
    ]);
    const members = await db()
      .selectFrom('grid_member')
      .innerJoin('representative', 'representative.id', 'grid_member.representative_id')
      .select('representative.code')
      .where('grid_id', '=', grids[0]!.id)
      .orderBy('representative.code')
      .execute();
    expect(members.map((m) => m.code)).toEqual(['RA-001', 'REP-A']);
  });

  it('refuses duplicate codes within the file (both rows named) and codes already in the database; nothing is written', async () => {
    const { ctx } = env();
    const data = await xlsxOf([
      REP_HEADER.slice(0, 5),
      ['RX-1', '甲', '男', null, code.a],
      ['RX-2', '乙', '男', null, code.a],
      ['RX-1', '丙', '男', null, code.a],
      ['REP-A', '丁', '男', null, code.a],
    ]);
    const before = await countRows(ctx, 'representative');
    const { error, report } = await refused(run(staffA, 'representatives', 'commit', data));
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.status).toBe(422);
    expect(report!.errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
      [2, '代表编号', '代表编号“RX-1”在文件中重复出现（第 2、4 行）'],
      [4, '代表编号', '代表编号“RX-1”在文件中重复出现（第 2、4 行）'],
      [5, '代表编号', '代表编号“REP-A”已存在'],
    ]);
    expect(report).toMatchObject({ totalRows: 4, validRows: 1, errorCount: 3, committed: false, created: 0 });
    expect(await countRows(ctx, 'representative')).toBe(before);
  });

  it('refuses references outside the importer’s jurisdiction (county A staff naming county B)', async () => {
    const data = await xlsxOf([
      REP_HEADER,
      [
        'RS-1',
        '甲',
        '男',
        null,
        code.b,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'RS-2',
        '乙',
        '男',
        null,
        code.a,
        null,
        null,
        null,
        null,
        null,
        null,
        'B-18',
        null,
        null,
        'ST-B',
        'G-B',
        null,
        null,
      ],
      [
        'RS-3',
        '丙',
        '男',
        null,
        code.a,
        null,
        null,
        null,
        null,
        null,
        null,
        'CITY-16；NPC-14',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
    const report = await run(staffA, 'representatives', 'dry-run', data);
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '管理辖区代码', code.b],
      [3, '所属人大编码', 'B-18'],
      [3, '进站站点编码', 'ST-B'],
      [3, '代表小组编码', 'G-B'],
    ]);
    expect(report.errors[0]!.message.zh).toBe(`管理辖区代码“${code.b}”不存在或不在您的管辖范围内`);
    // The city office, one level up, may import all three.
    const city = await run(cityStaff, 'representatives', 'dry-run', data);
    expect(city.errorCount).toBe(0);
    // A grid of county A cannot take county B's representative.
    const grid = await xlsxOf([
      ['网格编码', '名称', '所属辖区代码', '网格代表编号'],
      ['GS-1', '网格', code.townA, 'REP-B'],
    ]);
    const gridReport = await run(staffA, 'grids', 'dry-run', grid);
    expect(gridReport.errors.map((e) => [e.column, e.value])).toEqual([['网格代表编号', 'REP-B']]);
  });

  it.each([
    [
      'missing a required column',
      [
        ['代表编号', '姓名', '管理辖区代码'],
        ['R1', '甲', 'X'],
      ],
      '缺少必填列“性别”',
    ],
    [
      'an unknown column',
      [
        ['代表编号', '姓名', '性别', '管理辖区代码', '电话号码'],
        ['R1', '甲', '男', 'X', '1'],
      ],
      '无法识别的列“电话号码”',
    ],
  ])('refuses a file %s with 422 and a report, in both modes', async (_what, rows, message) => {
    for (const mode of ['dry-run', 'commit'] as const) {
      const { error, report } = await refused(run(staffA, 'representatives', mode, await xlsxOf(rows)));
      expect(error.code).toBe('IMPORT_INVALID');
      expect(error.detailText?.zh).toContain('表头与模板不符');
      expect(report!.errors.map((e) => e.message.zh).join('\n')).toContain(message);
      expect(report!.errors.every((e) => e.row === 1)).toBe(true);
    }
  });

  it('refuses a sheet with only headers, an empty sheet and an unreadable file; nothing is written', async () => {
    const { ctx } = env();
    const before = await countRows(ctx, 'station');
    const headerOnly = await refused(
      run(staffA, 'stations', 'commit', await xlsxOf([['站点编码', '名称', '层级', '所属辖区代码']])),
    );
    expect([headerOnly.error.code, headerOnly.error.detailText?.zh]).toEqual([
      'IMPORT_INVALID',
      '文件只有表头，没有数据行',
    ]);
    const empty = await refused(run(staffA, 'stations', 'commit', await xlsxOf([])));
    expect([empty.error.code, empty.error.detailText?.zh]).toEqual([
      'IMPORT_INVALID',
      '文件中没有任何内容（没有表头行）',
    ]);
    const junk = await refused(run(staffA, 'stations', 'commit', Buffer.from('not a workbook at all')));
    expect(junk.error.code).toBe('BAD_REQUEST');
    expect(await countRows(ctx, 'station')).toBe(before);
  });

  it('counts every error but lists the first 1000, and says so', async () => {
    const rows = [
      ['网格编码', '名称', '所属辖区代码'],
      ...Array.from({ length: 600 }, (_, i) => [`GX-${i}`, null, 'NOPE']),
    ];
    const report = await run(staffA, 'grids', 'dry-run', await xlsxOf(rows));
    expect(report).toMatchObject({ totalRows: 600, validRows: 0, errorCount: 1200, truncated: true });
    expect(report.errors).toHaveLength(1000);
    expect(report.errors.slice(0, 2).map((e) => [e.row, e.column])).toEqual([
      [2, '名称'],
      [2, '所属辖区代码'],
    ]);
  });

  it('reads CSV in UTF-8 with a byte-order mark and in GB18030', async () => {
    const rows = [
      ['网格编码', '名称', '所属辖区代码', '说明'],
      ['GC-1', '溪口一网格', code.townB, '溪口镇东片，含老街'],
    ];
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows))]);
    const report = await run(SYSTEM_ACTOR, 'grids', 'commit', utf8, '网格.csv', 'csv');
    expect(report).toMatchObject({ created: 1, committed: true });
    const gbRows = [rows[0]!, ['GC-2', '溪口二网格', code.townB, '溪口镇西片']];
    const gb = await run(SYSTEM_ACTOR, 'grids', 'commit', gb18030(csvOf(gbRows)), '网格.csv', 'csv');
    expect(gb).toMatchObject({ created: 1, committed: true });
    const grids = await db()
      .selectFrom('grid')
      .select(['code', 'name', 'description', 'jurisdiction_id'])
      .where('code', 'like', 'GC-%')
      .orderBy('code')
      .execute();
    expect(grids).toEqual([
      { code: 'GC-1', name: '溪口一网格', description: '溪口镇东片，含老街', jurisdiction_id: org.townB1.id },
      { code: 'GC-2', name: '溪口二网格', description: '溪口镇西片', jurisdiction_id: org.townB1.id },
    ]);
  });

  it('accepts its own template once the example row is filled in with real codes', async () => {
    const template = await buildTemplate('grids', 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const row = sheet.getRow(2);
    row.getCell(1).value = 'GT-1';
    row.getCell(3).value = code.townA;
    row.getCell(4).value = 'ST-A2';
    row.getCell(6).value = 'REP-A';
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await run(staffA, 'grids', 'dry-run', data);
    expect(report).toMatchObject({ totalRows: 1, validRows: 1, errorCount: 0 });
  });

  it(
    'imports 10,000 representatives in one go, and refuses the whole file for one bad row',
    { timeout: 300_000 },
    async () => {
      const { ctx, dialect } = env();
      const rows = (prefix: string, bad?: number) => [
        REP_HEADER,
        ...Array.from({ length: 10_000 }, (_, i) => [
          `${prefix}${String(i).padStart(5, '0')}`,
          `代表${i}`,
          i === bad ? '未知' : i % 2 ? '女' : '男',
          '汉族',
          i % 3 ? code.a : code.townA,
          '清江市某某有限公司',
          '职员',
          '工人',
          '在任',
          '是',
          `139${String(i).padStart(8, '0')}`,
          'CITY-16；A-18',
          '东湖区代表团',
          `第${i % 40}选区`,
          'ST-A',
          'G-A',
          i % 2 ? 'GR-A' : null,
          null,
        ]),
      ];
      const before = {
        reps: await countRows(ctx, 'representative'),
        seats: await countRows(ctx, 'representative_seat'),
      };

      const badFile = await xlsxOf(rows('RB', 9_998));
      let t = performance.now();
      const { error, report: badReport } = await refused(
        run(cityStaff, 'representatives', 'commit', badFile),
      );
      const badMs = performance.now() - t;
      expect(error.code).toBe('IMPORT_INVALID');
      expect(badReport).toMatchObject({
        totalRows: 10_000,
        validRows: 9_999,
        errorCount: 1,
        committed: false,
      });
      expect(badReport!.errors).toEqual([
        {
          row: 10_000,
          column: '性别',
          value: '未知',
          message: {
            zh: '性别的取值“未知”无效，可选：男 / 女',
            en: 'Gender "未知" is not valid; use one of: Male / Female',
          },
        },
      ]);
      expect(await countRows(ctx, 'representative')).toBe(before.reps);

      const file = await xlsxOf(rows('RP'));
      t = performance.now();
      const dry = await run(cityStaff, 'representatives', 'dry-run', file);
      const dryMs = performance.now() - t;
      expect(dry).toMatchObject({ totalRows: 10_000, validRows: 10_000, errorCount: 0, committed: false });
      expect(await countRows(ctx, 'representative')).toBe(before.reps);

      t = performance.now();
      const done = await run(cityStaff, 'representatives', 'commit', file);
      const commitMs = performance.now() - t;
      expect(done).toMatchObject({ created: 10_000, committed: true });
      console.log(
        `[import 10,000 representatives, ${dialect}] file ${(file.length / 1024).toFixed(0)} KiB; refused (bad row 10,000) ${badMs.toFixed(0)} ms; dry run ${dryMs.toFixed(0)} ms; commit ${commitMs.toFixed(0)} ms`,
      );

      expect(await countRows(ctx, 'representative')).toBe(before.reps + 10_000);
      expect(await countRows(ctx, 'representative_seat')).toBe(before.seats + 20_000);
      const members = async (table: 'station_member' | 'group_member' | 'grid_member') =>
        Number(
          (
            await db()
              .selectFrom(table)
              .innerJoin('representative', 'representative.id', `${table}.representative_id`)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('representative.code', 'like', 'RP%')
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await members('station_member')).toBe(10_000);
      expect(await members('group_member')).toBe(10_000);
      expect(await members('grid_member')).toBe(5_000);
      const last = await db()
        .selectFrom('representative')
        .selectAll()
        .where('code', '=', 'RP09999')
        .executeTakeFirstOrThrow();
      expect([last.name, last.gender, last.jurisdiction_id]).toEqual(['代表9999', 'female', org.townA1.id]);
      expect(ctx.cipher.decrypt(last.phone_enc!)).toBe('13900009999');
      const audit = await db()
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'import.representatives')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({
        rowCount: 10_000,
        firstCode: 'RP00000',
        lastCode: 'RP09999',
      });
    },
  );
});
