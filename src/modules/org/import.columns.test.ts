import { describe, expect, it } from 'vitest';
import { sheetOf } from '../../../test/support/import-fixtures.ts';
import { columnLetter, IMPORT_COLUMNS } from './import.columns.ts';
import { readSheet } from './import.rows.ts';

describe('column letters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
  ])('columnLetter(%i) = %s', (i, letter) => expect(columnLetter(i)).toBe(letter));
});

describe('reading the header', () => {
  it('accepts the template headers (with *), plain names, English keys, and a title row above', () => {
    const r = readSheet(
      'representatives',
      sheetOf([
        ['2026年东湖区人大代表名册'],
        [' 代表编号 * ', 'name', 'Gender', '管理辖区代码（行政区划代码）'],
        ['R1', '张三', '男', '330602'],
      ]),
    );
    expect(r.ok).toBe(true);
    if (r.ok && r.drafts.kind === 'representatives') {
      expect(r.drafts.drafts[0]).toMatchObject({
        row: 3,
        code: 'R1',
        name: '张三',
        gender: 'male',
        jurisdiction: '330602',
      });
    }
  });

  it('reports missing required, unknown, repeated and unnamed columns, all at once', () => {
    const r = readSheet(
      'representatives',
      sheetOf([
        ['代表编号', '姓名', '电话号码', '姓名', null],
        ['R1', '张三', '1', '李四', 'x'],
      ]),
    );
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
    const headerOnly = readSheet('units', sheetOf([['单位编码', '名称', '类型', '所属辖区代码']]));
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
