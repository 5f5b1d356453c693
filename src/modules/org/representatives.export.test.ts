import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, EXPORT_HEADERS, exportRow, toCsv, toXlsx } from './representatives.export.ts';
import type { RepresentativeRecord } from './representatives.repo.ts';

const record: RepresentativeRecord = {
  id: 7,
  code: 'R-001',
  name: '李华',
  gender: 'female',
  ethnicity: '汉族',
  jurisdiction: { id: 2, name: '东湖区' },
  jurisdictionPath: '/1/2/',
  employer: '东湖区人民医院',
  post: '院长',
  sector: '医疗卫生',
  status: 'active',
  statusNote: null,
  isPublic: true,
  bio: null,
  phoneEnc: 'v1.x.y.z',
  createdAt: '2026-03-02T01:00:00.000Z',
  updatedAt: '2026-03-02T01:00:00.000Z',
};

describe('representatives export', () => {
  it('writes one row per representative under the Chinese headers', () => {
    const row = exportRow(record, ['city', 'county'], '138****5678');
    expect(row).toHaveLength(EXPORT_HEADERS.length);
    expect(Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, row[i]]))).toMatchObject({
      代表编号: 'R-001',
      姓名: '李华',
      性别: '女',
      代表层级: '市人大代表、县（区）人大代表',
      状态: '在任',
      联系电话: '138****5678',
      公开履职信息: '是',
    });
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes the CSV cell %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('starts the CSV with a byte-order mark so Excel reads it as UTF-8', () => {
    const csv = toCsv([['姓名'], ['李华']]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8').slice(1)).toBe('姓名\r\n李华\r\n');
  });

  it('writes an XLSX sheet that reads back', async () => {
    const buffer = await toXlsx('代表名册', [[...EXPORT_HEADERS], exportRow(record, [], null)]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('代表名册');
    expect(sheet?.getRow(1).getCell(1).value).toBe('代表编号');
    expect(sheet?.getRow(2).getCell(2).value).toBe('李华');
    expect(sheet?.rowCount).toBe(2);
  });
});
