import { describe, expect, it } from 'vitest';
import { describeReceptionRule, parseReceptionRule } from '../../lib/recurrence.ts';
import { GLOBAL_SCOPE } from '../../platform/db/scope.ts';
import {
  columnLetter,
  emptyLookups,
  IMPORT_COLUMNS,
  parseDateText,
  parseTimeText,
  readSheet,
  referencedCodes,
  resolveDrafts,
  ruleFromChinese,
  sortErrors,
  toHalfWidth,
  type Cell,
  type Drafts,
  type ImportKind,
  type ImportLookups,
  type RawSheet,
} from './import.domain.ts';

/** A sheet from rows; the first is the header, on row 1. */
function sheet(rows: Cell[][], firstRow = 1): RawSheet {
  return { rows: rows.map((cells, i) => ({ row: firstRow + i, cells })) };
}

function drafts(kind: ImportKind, rows: Cell[][]) {
  const r = readSheet(kind, sheet(rows));
  if (!r.ok) throw new Error(`sheet not readable: ${r.problem.en} ${JSON.stringify(r.errors)}`);
  return r;
}

const REP_HEADER = ['代表编号*', '姓名*', '性别*', '管理辖区代码*'];

describe('cell values', () => {
  it.each([
    ['３３０６０２', '330602'],
    ['Ａ－１', 'A-1'],
    ['９：００', '9:00'],
    ['a\u3000b', 'a b'],
  ])('toHalfWidth(%s) = %s', (input, out) => expect(toHalfWidth(input)).toBe(out));

  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024-02-30', null],
    ['2024-13-01', null],
    ['05/03/2024', null],
    ['明天', null],
  ])('parseDateText(%s) = %s', (input, out) => expect(parseDateText(input)).toBe(out));

  it.each([
    ['9:00', '09:00'],
    ['09:30', '09:30'],
    ['14:00:00', '14:00'],
    ['９：００', '09:00'],
    ['24:00', null],
    ['9:60', null],
    ['9点', null],
  ])('parseTimeText(%s) = %s', (input, out) => expect(parseTimeText(input)).toBe(out));

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
  ])('columnLetter(%i) = %s', (i, letter) => expect(columnLetter(i)).toBe(letter));
});

describe('reception rules written in Chinese', () => {
  it.each([
    ['每周一', 'FREQ=WEEKLY;BYDAY=MO'],
    ['每周星期二、星期四', 'FREQ=WEEKLY;BYDAY=TU,TH'],
    ['每两周三', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
    ['每月15日', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['每月5、20日', 'FREQ=MONTHLY;BYMONTHDAY=5,20'],
    ['每月第三个星期二', 'FREQ=MONTHLY;BYDAY=+3TU'],
    ['每月最后一个星期五', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['单月15日', 'FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,3,5,7,9,11'],
    ['双月第一个星期一', 'FREQ=MONTHLY;BYDAY=+1MO;BYMONTH=2,4,6,8,10,12'],
    ['每2个月10号', 'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=10'],
    ['FREQ=MONTHLY;BYDAY=+3TU', null],
    ['随时接待', null],
    ['每周八', null],
  ])('%s → %s', (text, rule) => {
    expect(ruleFromChinese(text)).toBe(rule);
    if (rule) expect(parseReceptionRule(rule).ok).toBe(true);
  });

  it('reads back what describeReceptionRule writes', () => {
    for (const rule of ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=MONTHLY;BYDAY=+3TU', 'FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,3,5,7,9,11']) {
      const words = describeReceptionRule(rule).zh;
      expect(ruleFromChinese(words), words).toBe(rule);
    }
  });
});

describe('reading the header', () => {
  it('accepts the template headers (with *), plain names, English keys, and a title row above', () => {
    const r = readSheet(
      'representatives',
      sheet([['2026年东湖区人大代表名册'], [' 代表编号 * ', 'name', 'Gender', '管理辖区代码（行政区划代码）'], ['R1', '张三', '男', '330602']]),
    );
    expect(r.ok).toBe(true);
    if (r.ok && r.drafts.kind === 'representatives') {
      expect(r.drafts.drafts[0]).toMatchObject({ row: 3, code: 'R1', name: '张三', gender: 'male', jurisdiction: '330602' });
    }
  });

  it('reports missing required, unknown, repeated and unnamed columns, all at once', () => {
    const r = readSheet('representatives', sheet([['代表编号', '姓名', '电话号码', '姓名', null], ['R1', '张三', '1', '李四', 'x']]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => e.message.zh);
    expect(text).toContain('无法识别的列“电话号码”（第 C 列）；可用的列见模板的“说明”工作表');
    expect(text).toContain('列“姓名”出现了两次（第 B 列和第 D 列）');
    expect(text).toContain('第 E 列有数据但没有表头');
    expect(text).toContain('缺少必填列“性别”');
    expect(text).toContain('缺少必填列“管理辖区代码”');
    expect(r.errors.every((e) => e.row === 1)).toBe(true);
  });

  it('refuses an empty sheet and a header without data', () => {
    const empty = readSheet('units', { rows: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problem.zh).toContain('没有表头');
    const headerOnly = readSheet('units', sheet([['单位编码', '名称', '类型', '所属辖区代码']]));
    expect(headerOnly.ok).toBe(false);
    if (!headerOnly.ok) expect(headerOnly.problem.zh).toBe('文件只有表头，没有数据行');
  });

  it('every kind has a code column first and unique headers', () => {
    for (const columns of Object.values(IMPORT_COLUMNS)) {
      expect(columns[0]!.key).toBe('code');
      expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
    }
  });
});

describe('reading rows', () => {
  it('converts spreadsheet cells: numbers as codes, dates, times, flags, labels, full-width digits', () => {
    const r = drafts('stations', [
      ['站点编码', '名称', '层级', '类型', '所属辖区代码', '接待日规则', '接待开始时间', '接待结束时间', '启用日期', '状态'],
      [1001, '  一号站 ', '联络站', 'Industry', 330602, '每月第三个星期二', new Date(Date.UTC(1899, 11, 30, 9, 0)), 0.4583333333, new Date(Date.UTC(2024, 2, 1)), 'retired'],
      ['ST２', '二号站', 'point', '园区', '３３０６０２', 'freq=weekly;byday=mo', '８：３０', '11:00', 45352, '运行中'],
      ['ST3', '三号站', '联系点', null, '330602', null, null, null, '2024年3月1日', null],
    ]);
    expect(r.errors).toEqual([]);
    if (r.drafts.kind !== 'stations') throw new Error('kind');
    expect(r.drafts.drafts.map((d) => [d.code, d.name, d.tier, d.theme, d.jurisdiction, d.receptionRule, d.receptionStart, d.receptionEnd, d.openedOn, d.status])).toEqual([
      ['1001', '一号站', 'station', 'industry', '330602', 'FREQ=MONTHLY;BYDAY=+3TU', '09:00', '11:00', '2024-03-01', 'retired'],
      ['ST2', '二号站', 'point', 'park', '330602', 'FREQ=WEEKLY;BYDAY=MO', '08:30', '11:00', '2024-03-01', 'active'],
      ['ST3', '三号站', 'point', 'community', '330602', null, null, null, '2024-03-01', 'active'],
    ]);
  });

  it('reports every problem of a row with its row number, Chinese column and reason', () => {
    const r = drafts('representatives', [
      [...REP_HEADER, '状态', '公开履职信息', '联系电话', '民族', '简介'],
      ['R1', '张三', '男', '330602', null, null, null, null, null],
      ['R 2', '<b>李四</b>', '未知', null, '退休', '也许', '12345', 'x'.repeat(21), '第一行\n第二行'],
    ]);
    const row3 = r.errors.filter((e) => e.row === 3);
    expect(sortErrors(row3, 'representatives').map((e) => [e.column, e.value, e.message.zh])).toEqual([
      ['代表编号', 'R 2', '代表编号只能包含字母、数字、点、横线和下划线，且以字母或数字开头'],
      ['姓名', '<b>李四</b>', '姓名不能包含 < > 或控制字符（包括换行）'],
      ['性别', '未知', '性别的取值“未知”无效，可选：男 / 女'],
      ['民族', 'x'.repeat(21), '民族不能超过 20 个字符'],
      ['管理辖区代码', null, '管理辖区代码不能为空'],
      ['状态', '退休', '状态的取值“退休”无效，可选：在任 / 暂停执行代表职务 / 代表资格终止'],
      ['公开履职信息', '也许', '公开履职信息应填“是”或“否”'],
      ['联系电话', '12345', '联系电话格式不正确，应为 11 位手机号码或带区号的固定电话'],
    ]);
    expect(r.errors.filter((e) => e.row === 2)).toEqual([]);
  });

  it('explains cells Excel has spoiled: scientific notation, formulas without results, error values, numeric landlines', () => {
    const r = drafts('units', [
      ['单位编码', '名称', '类型', '所属辖区代码', '联系电话', '联系人'],
      ['U1', { error: 'NO_RESULT' }, '法院', '1.23457E+11', 57512345678, { error: '#N/A' }],
      [new Date(Date.UTC(2024, 0, 1)), '某单位', '法院', 3.30602001001001e17, null, null],
    ]);
    const row3 = Object.fromEntries(r.errors.filter((e) => e.row === 3).map((e) => [e.column, e.message.zh]));
    expect(row3['单位编码']).toContain('被 Excel 识别成了日期');
    expect(row3['所属辖区代码']).toContain('位数过多');
    const byColumn = Object.fromEntries(r.errors.filter((e) => e.row === 2).map((e) => [e.column, e.message.zh]));
    expect(byColumn['名称']).toContain('没有计算结果的公式');
    expect(byColumn['所属辖区代码']).toContain('科学计数法');
    expect(byColumn['联系电话']).toContain('开头的 0 可能已被 Excel 去掉');
    expect(byColumn['联系人']).toBe('联系人的单元格是错误值 #N/A');
  });

  it('splits multi-value cells on ；;、,， and line breaks, without repeats', () => {
    const r = drafts('representatives', [
      [...REP_HEADER, '所属人大编码', '进站站点编码', '代表小组编码', '网格编码'],
      ['R1', '张三', '女', 'J1', 'C1；C2', 'S1;S2、S3', 'G1,G2，G1', 'GR1\nGR2'],
    ]);
    expect(r.errors).toEqual([]);
    if (r.drafts.kind !== 'representatives') throw new Error('kind');
    expect(r.drafts.drafts[0]).toMatchObject({ congresses: ['C1', 'C2'], stations: ['S1', 'S2', 'S3'], groups: ['G1', 'G2'], grids: ['GR1', 'GR2'] });
  });

  it('checks seats: delegation and constituency need congresses, one value or one per congress', () => {
    const r = drafts('representatives', [
      [...REP_HEADER, '所属人大编码', '代表团', '选区'],
      ['R1', '张三', '男', 'J1', null, '东湖团', null],
      ['R2', '李四', '男', 'J1', 'C1；C2；C3', '甲团；乙团', '一选区'],
      ['R3', '王五', '男', 'J1', 'C1；C2', '甲团；乙团', '一选区'],
    ]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '代表团'],
      [3, '代表团'],
    ]);
    expect(r.errors[0]!.message.zh).toBe('填写代表团时须同时填写所属人大编码');
    expect(r.errors[1]!.message.zh).toContain('代表团有 2 项，所属人大编码有 3 项');
  });

  it('checks reception times as the station API does: both or neither, start before end', () => {
    const r = drafts('stations', [
      ['站点编码', '名称', '层级', '所属辖区代码', '接待开始时间', '接待结束时间', '接待日规则'],
      ['S1', '一', '联络站', 'J', '09:00', null, null],
      ['S2', '二', '联络站', 'J', '11:00', '09:00', null],
      ['S3', '三', '联络站', 'J', null, null, 'FREQ=DAILY'],
      ['S4', '四', '联络站', 'J', null, null, '每月31日'],
    ]);
    expect(r.errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
      [2, '接待结束时间', '接待开始时间和结束时间须同时填写'],
      [3, '接待结束时间', '接待结束时间须晚于开始时间'],
      [4, '接待日规则', expect.stringContaining('接待日规则：接待规则只能按周或按月重复')],
      [5, '接待日规则', expect.stringContaining('接待日规则：每月的接待日应为 1–28 日')],
    ]);
  });
});

const CITY = '/1/';
const COUNTY_A = '/1/2/';
const COUNTY_B = '/1/3/';

function lookups(): ImportLookups {
  const l = emptyLookups();
  return {
    ...l,
    jurisdictions: new Map([
      ['CITY', { id: 1, path: CITY }],
      ['A', { id: 2, path: COUNTY_A }],
      ['B', { id: 3, path: COUNTY_B }],
    ]),
    congresses: new Map([
      ['NPC', { id: 10, path: null }],
      ['C-CITY', { id: 11, path: CITY }],
      ['C-A', { id: 12, path: COUNTY_A }],
      ['C-B', { id: 13, path: COUNTY_B }],
    ]),
    stations: new Map([
      ['S-A', { id: 20, path: COUNTY_A, tier: 'center' as const }],
      ['S-A-POINT', { id: 22, path: COUNTY_A, tier: 'point' as const }],
      ['S-B', { id: 21, path: COUNTY_B, tier: 'station' as const }],
    ]),
    representatives: new Map([['TAKEN', { id: 30, path: COUNTY_B }]]),
    categories: new Map([
      ['housing', 'housing'],
      ['城乡建设与住房', 'housing'],
      ['transport', 'transport'],
      ['交通出行', 'transport'],
    ]),
  };
}

function resolve(kind: ImportKind, rows: Cell[][], scopePath: string) {
  const r = drafts(kind, rows);
  return { read: r, ...resolveDrafts(r.drafts, lookups(), { path: scopePath }) };
}

describe('keys and references', () => {
  it('lists the codes a file refers to, per table', () => {
    const r = drafts('representatives', [
      [...REP_HEADER, '所属人大编码', '进站站点编码'],
      ['R1', '张三', '男', 'A', 'C-A；NPC', 'S-A'],
    ]);
    const req = referencedCodes(r.drafts);
    expect([...req.representatives]).toEqual(['R1']);
    expect([...req.jurisdictions]).toEqual(['A']);
    expect([...req.congresses]).toEqual(['C-A', 'NPC']);
    expect([...req.stations]).toEqual(['S-A']);
    expect(req.categories).toBe(false);
  });

  it('reports a key repeated in the file on both rows, and a key already taken', () => {
    const { errors } = resolve(
      'representatives',
      [REP_HEADER, ['R1', '甲', '男', 'A'], ['R2', '乙', '男', 'A'], ['R1', '丙', '男', 'A'], ['TAKEN', '丁', '男', 'A']],
      COUNTY_A,
    );
    expect(errors.map((e) => [e.row, e.message.zh])).toEqual([
      [2, '代表编号“R1”在文件中重复出现（第 2、4 行）'],
      [4, '代表编号“R1”在文件中重复出现（第 2、4 行）'],
      [5, '代表编号“TAKEN”已存在'],
    ]);
  });

  it('refuses references outside the importer’s jurisdiction, but allows congresses above it', () => {
    const { errors, batch } = resolve(
      'representatives',
      [
        [...REP_HEADER, '所属人大编码', '进站站点编码'],
        ['R1', '甲', '男', 'A', 'NPC；C-CITY；C-A', 'S-A'],
        ['R2', '乙', '男', 'B', 'C-B', 'S-B'],
        ['R3', '丙', '男', 'NOPE', null, null],
      ],
      COUNTY_A,
    );
    expect(errors.map((e) => [e.row, e.column, e.message.zh])).toEqual([
      [3, '管理辖区代码', '管理辖区代码“B”不存在或不在您的管辖范围内'],
      [3, '所属人大编码', '所属人大编码“C-B”不存在或不在您的管辖范围内'],
      [3, '进站站点编码', '进站站点编码“S-B”不存在或不在您的管辖范围内'],
      [4, '管理辖区代码', '管理辖区代码“NOPE”不存在或不在您的管辖范围内'],
    ]);
    if (batch.kind !== 'representatives') throw new Error('kind');
    expect(batch.records.map((r) => [r.code, r.jurisdictionId, r.seats.map((s) => s.congressId), r.stationIds])).toEqual([['R1', 2, [10, 11, 12], [20]]]);
  });

  it('the system (global scope) may refer to every jurisdiction', () => {
    const { errors } = resolve('representatives', [REP_HEADER, ['R1', '甲', '男', 'A'], ['R2', '乙', '男', 'B']], GLOBAL_SCOPE.path);
    expect(errors).toEqual([]);
  });

  it('links a station to an earlier row or an existing station of a higher tier, in waves of depth', () => {
    const { errors, batch } = resolve(
      'stations',
      [
        ['站点编码', '名称', '层级', '所属辖区代码', '上级站点编码'],
        ['N1', '中心站', '联络中心站', 'A', null],
        ['N2', '站', '联络站', 'A', 'N1'],
        ['N3', '点', '联系点', 'A', 'N2'],
        ['N4', '点二', '联系点', 'A', 'S-A'],
      ],
      COUNTY_A,
    );
    expect(errors).toEqual([]);
    if (batch.kind !== 'stations') throw new Error('kind');
    expect(batch.records.map((r) => [r.code, r.parent, r.depth])).toEqual([
      ['N1', null, 0],
      ['N2', { code: 'N1' }, 1],
      ['N3', { code: 'N2' }, 2],
      ['N4', { id: 20 }, 0],
    ]);
  });

  it('refuses a parent further down the file, itself, of a lower tier, or out of scope', () => {
    const { errors } = resolve(
      'stations',
      [
        ['站点编码', '名称', '层级', '所属辖区代码', '上级站点编码'],
        ['N1', '站', '联络站', 'A', 'N2'],
        ['N2', '中心站', '联络中心站', 'A', null],
        ['N3', '自己', '联络站', 'A', 'N3'],
        ['N4', '中心', '联络中心站', 'A', 'S-A-POINT'],
        ['N5', '站', '联络站', 'A', 'S-B'],
      ],
      COUNTY_A,
    );
    expect(errors.map((e) => [e.row, e.message.zh])).toEqual([
      [2, '上级站点编码“N2”在第 3 行，须排在本行（第 2 行）之前'],
      [4, '上级站点编码不能是本行自己'],
      [5, '上级站点“S-A-POINT”是联系点，层级须高于本站点（联络中心站）'],
      [6, '上级站点编码“S-B”不存在或不在您的管辖范围内'],
    ]);
  });

  it('finds categories by code, Chinese or English name, and refuses unknown ones', () => {
    const { errors, batch } = resolve(
      'units',
      [
        ['单位编码', '名称', '类型', '所属辖区代码', '办理类别'],
        ['U1', '住建局', '政府部门', 'A', '城乡建设与住房；transport；housing'],
        ['U2', '交通局', '政府部门', 'A', '交通出行、旅游'],
      ],
      COUNTY_A,
    );
    expect(errors.map((e) => [e.row, e.value, e.message.zh])).toEqual([[3, '旅游', '办理类别“旅游”不存在（请填类别编码或名称）']]);
    if (batch.kind !== 'units') throw new Error('kind');
    expect(batch.records[0]!.categoryCodes).toEqual(['housing', 'transport']);
  });

  it('builds no records for rows with problems', () => {
    const d: Drafts = drafts('grids', [
      ['网格编码', '名称', '所属辖区代码', '网格代表编号'],
      ['GR1', '一', 'A', 'TAKEN'],
      ['GR2', '二', 'A', null],
    ]).drafts;
    const scoped = resolveDrafts(d, lookups(), { path: COUNTY_A });
    expect(scoped.errors.map((e) => e.row)).toEqual([2]);
    if (scoped.batch.kind !== 'grids') throw new Error('kind');
    expect(scoped.batch.records.map((r) => r.code)).toEqual(['GR2']);
  });
});
