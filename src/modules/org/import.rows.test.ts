import { describe, expect, it } from 'vitest';
import { readRows } from '../../../test/support/import-fixtures.ts';
import { sortErrors } from './import.columns.ts';

const REP_HEADER = ['代表编号*', '姓名*', '性别*', '管理辖区代码*'];

describe('reading rows', () => {
  it('converts spreadsheet cells: numbers as codes, dates, times, flags, labels, full-width digits', () => {
    const r = readRows('stations', [
      [
        '站点编码',
        '名称',
        '层级',
        '类型',
        '所属辖区代码',
        '接待日规则',
        '接待开始时间',
        '接待结束时间',
        '启用日期',
        '状态',
      ],
      [
        1001,
        '  一号站 ',
        '联络站',
        'Industry',
        330602,
        '每月第三个星期二',
        new Date(Date.UTC(1899, 11, 30, 9, 0)),
        0.4583333333,
        new Date(Date.UTC(2024, 2, 1)),
        'retired',
      ],
      [
        'ST２',
        '二号站',
        'point',
        '园区',
        '３３０６０２',
        'freq=weekly;byday=mo',
        '８：３０',
        '11:00',
        45352,
        '运行中',
      ],
      ['ST3', '三号站', '联系点', null, '330602', null, null, null, '2024年3月1日', null],
    ]);
    expect(r.errors).toEqual([]);
    if (r.drafts.kind !== 'stations') throw new Error('kind');
    expect(
      r.drafts.drafts.map((d) => [
        d.code,
        d.name,
        d.tier,
        d.theme,
        d.jurisdiction,
        d.receptionRule,
        d.receptionStart,
        d.receptionEnd,
        d.openedOn,
        d.status,
      ]),
    ).toEqual([
      [
        '1001',
        '一号站',
        'station',
        'industry',
        '330602',
        'FREQ=MONTHLY;BYDAY=+3TU',
        '09:00',
        '11:00',
        '2024-03-01',
        'retired',
      ],
      [
        'ST2',
        '二号站',
        'point',
        'park',
        '330602',
        'FREQ=WEEKLY;BYDAY=MO',
        '08:30',
        '11:00',
        '2024-03-01',
        'active',
      ],
      ['ST3', '三号站', 'point', 'community', '330602', null, null, null, '2024-03-01', 'active'],
    ]);
  });

  it('reports every problem of a row with its row number, Chinese column and reason', () => {
    const r = readRows('representatives', [
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
    const r = readRows('units', [
      ['单位编码', '名称', '类型', '所属辖区代码', '联系电话', '联系人'],
      ['U1', { error: 'NO_RESULT' }, '法院', '1.23457E+11', 57512345678, { error: '#N/A' }],
      [new Date(Date.UTC(2024, 0, 1)), '某单位', '法院', 3.30602001001001e17, null, null],
    ]);
    const row3 = Object.fromEntries(r.errors.filter((e) => e.row === 3).map((e) => [e.column, e.message.zh]));
    expect(row3['单位编码']).toContain('被 Excel 识别成了日期');
    expect(row3['所属辖区代码']).toContain('位数过多');
    const byColumn = Object.fromEntries(
      r.errors.filter((e) => e.row === 2).map((e) => [e.column, e.message.zh]),
    );
    expect(byColumn['名称']).toContain('没有计算结果的公式');
    expect(byColumn['所属辖区代码']).toContain('科学计数法');
    expect(byColumn['联系电话']).toContain('开头的 0 可能已被 Excel 去掉');
    expect(byColumn['联系人']).toBe('联系人的单元格是错误值 #N/A');
  });

  it('splits multi-value cells on ；;、,， and line breaks, without repeats', () => {
    const r = readRows('representatives', [
      [...REP_HEADER, '所属人大编码', '进站站点编码', '代表小组编码', '网格编码'],
      ['R1', '张三', '女', 'J1', 'C1；C2', 'S1;S2、S3', 'G1,G2，G1', 'GR1\nGR2'],
    ]);
    expect(r.errors).toEqual([]);
    if (r.drafts.kind !== 'representatives') throw new Error('kind');
    expect(r.drafts.drafts[0]).toMatchObject({
      congresses: ['C1', 'C2'],
      stations: ['S1', 'S2', 'S3'],
      groups: ['G1', 'G2'],
      grids: ['GR1', 'GR2'],
    });
  });

  it('checks seats: delegation and constituency need congresses, one value or one per congress', () => {
    const r = readRows('representatives', [
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
    const r = readRows('stations', [
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
