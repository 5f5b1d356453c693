import { describe, expect, it } from 'vitest';
import { readRows } from '../../../test/support/import-fixtures.ts';
import { GLOBAL_SCOPE } from '../../platform/db/scope.ts';
import type { Cell } from './import.cells.ts';
import type { ImportKind } from './import.domain.ts';
import { emptyLookups, referencedCodes, type ImportLookups } from './import.lookups.ts';
import { resolveDrafts } from './import.resolve.ts';
import type { Drafts } from './import.rows.ts';

const REP_HEADER = ['代表编号*', '姓名*', '性别*', '管理辖区代码*'];

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
  const r = readRows(kind, rows);
  return { read: r, ...resolveDrafts(r.drafts, lookups(), { path: scopePath }) };
}

describe('keys and references', () => {
  it('lists the codes a file refers to, per table', () => {
    const r = readRows('representatives', [
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
      [
        REP_HEADER,
        ['R1', '甲', '男', 'A'],
        ['R2', '乙', '男', 'A'],
        ['R1', '丙', '男', 'A'],
        ['TAKEN', '丁', '男', 'A'],
      ],
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
    expect(
      batch.records.map((r) => [r.code, r.jurisdictionId, r.seats.map((s) => s.congressId), r.stationIds]),
    ).toEqual([['R1', 2, [10, 11, 12], [20]]]);
  });

  it('the system (global scope) may refer to every jurisdiction', () => {
    const { errors } = resolve(
      'representatives',
      [REP_HEADER, ['R1', '甲', '男', 'A'], ['R2', '乙', '男', 'B']],
      GLOBAL_SCOPE.path,
    );
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
    expect(errors.map((e) => [e.row, e.value, e.message.zh])).toEqual([
      [3, '旅游', '办理类别“旅游”不存在（请填类别编码或名称）'],
    ]);
    if (batch.kind !== 'units') throw new Error('kind');
    expect(batch.records[0]!.categoryCodes).toEqual(['housing', 'transport']);
  });

  it('builds no records for rows with problems', () => {
    const d: Drafts = readRows('grids', [
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
