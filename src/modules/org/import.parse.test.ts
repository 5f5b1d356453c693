import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { MAX_IMPORT_ROWS } from './import.domain.ts';
import { checkZip, decodeCsv, formatOf, readImportFile } from './import.parse.ts';
import { csvOf, gb18030, xlsxOf } from '../../../test/support/import-fixtures.ts';

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

/** A minimal zip of stored (or deflated) entries, written by hand so tests can damage it. */
function zipOf(entries: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = e.deflate ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name);
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.deflate ? 8 : 0, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(e.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(cd, name);
    offset += 30 + name.length + packed.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

describe('file formats', () => {
  it.each([
    ['代表.xlsx', undefined, 'xlsx'],
    ['UNITS.CSV', undefined, 'csv'],
    ['名册.xls', undefined, null],
    ['名册.txt', 'text/csv', null],
    ['upload', 'text/csv', 'csv'],
    ['upload', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['upload', 'application/octet-stream', null],
  ])('%s (%s) → %s', (name, mime, format) => expect(formatOf(name, mime)).toBe(format));
});

describe('reading XLSX', () => {
  it('reads the first sheet that is not 说明, with rich text, formulas, hyperlinks, errors, dates and numbers as plain cells', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这是说明']);
    const sheet = workbook.addWorksheet('代表');
    sheet.addRow(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    sheet.addRow([
      { richText: [{ text: 'R' }, { font: { bold: true }, text: '001' }] },
      { formula: '1+1', result: 2 },
      { formula: 'A1', result: undefined } as unknown as ExcelJS.CellValue,
      { text: '链接', hyperlink: 'https://example.org' },
      { error: '#N/A' } as ExcelJS.CellValue,
      new Date(Date.UTC(2024, 2, 5)),
      13812345678,
    ]);
    sheet.addRow([]);
    sheet.addRow(['  ', null, '']);
    sheet.addRow(['last']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readImportFile(data, 'xlsx');
    expect(read.rows.map((r) => r.row)).toEqual([1, 2, 5]);
    expect(read.rows[1]!.cells).toEqual([
      'R001',
      2,
      { error: 'NO_RESULT' },
      '链接',
      { error: '#N/A' },
      new Date(Date.UTC(2024, 2, 5)),
      13812345678,
    ]);
  });

  it('keeps every Chinese character intact, however large the sheet (no bytes split between chunks)', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => [`R${i}`, `代表${i}号；东湖区、湖滨街道`, '𠮷野家']);
    const read = await readImportFile(await xlsxOf(rows), 'xlsx');
    expect(read.rows.map((r) => r.cells)).toEqual(rows);
  });

  it('reads a zip with the xlsx content whatever its name says', async () => {
    const data = await xlsxOf([['代表编号'], ['R1']]);
    const read = await readImportFile(data, 'csv');
    expect(read.rows.map((r) => r.cells)).toEqual([['代表编号'], ['R1']]);
  });

  it.each([
    ['random bytes', () => randomBytes(4096)],
    ['a text file renamed .xlsx', () => Buffer.from('代表编号,姓名\nR1,张三\n')],
    ['a zip without a workbook', () => zipOf([{ name: 'hello.txt', data: Buffer.from('hello') }])],
  ])('refuses %s with 400 and a clear message', async (_what, make) => {
    const err = await refusal(readImportFile(make(), 'xlsx'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.status).toBe(400);
    expect(err.detailText?.zh).toMatch(/XLSX|工作表/);
  });

  it('refuses an empty file', async () => {
    const err = await refusal(readImportFile(Buffer.alloc(0), 'xlsx'));
    expect([err.code, err.detailText?.zh]).toEqual(['BAD_REQUEST', '文件是空的']);
  });

  it('refuses an old .xls (or password-protected) workbook with advice', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(1000),
    ]);
    const err = await refusal(readImportFile(ole, 'xlsx'));
    expect(err.detailText?.zh).toContain('另存为 .xlsx');
  });

  it('refuses damaged and truncated workbooks quickly instead of waiting forever', async () => {
    const good = await xlsxOf(Array.from({ length: 2000 }, (_, i) => [`R${i}`, '张三', i]));
    const damaged = Buffer.from(good);
    randomBytes(64).copy(damaged, 1500);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    for (const data of [damaged, truncated]) {
      const err = await refusal(readImportFile(data, 'xlsx'));
      expect(err.code).toBe('BAD_REQUEST');
    }
  });

  it('checks each zip entry against its declared size and CRC', () => {
    const ok = zipOf([{ name: 'a.xml', data: Buffer.from('<a/>'.repeat(100)), deflate: true }]);
    expect(() => checkZip(ok)).not.toThrow();
    const wrongCrc = Buffer.from(ok);
    wrongCrc.writeUInt32LE(1234, wrongCrc.length - 22 - 46 - 5 + 16);
    expect(() => checkZip(wrongCrc)).toThrow(AppError);
    // A "bomb": an entry that inflates to far more than it declares.
    const bomb = zipOf([{ name: 'a.xml', data: Buffer.alloc(1 << 20), deflate: true }]);
    bomb.writeUInt32LE(100, bomb.length - 22 - 46 - 5 + 24);
    expect(() => checkZip(bomb)).toThrow(AppError);
  });

  it('refuses an archive that unpacks to more than 64 MiB before unpacking it', () => {
    const big = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(65 << 20), deflate: true }]);
    expect(big.length).toBeLessThan(1 << 20);
    expect(() => checkZip(big)).toThrow('The file unpacks to too much data; split it first');
  });
});

describe('reading CSV', () => {
  const rows = [
    ['代表编号', '姓名', '简介'],
    ['0330602', '张三', '第一行\n第二行，有逗号'],
    ['R2', '李四', '他说"好"'],
  ];

  it.each([
    [
      'UTF-8 with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows))]),
    ],
    ['UTF-8 without one', () => Buffer.from(csvOf(rows))],
    ['GB18030 (Excel in China)', () => gb18030(csvOf(rows))],
    [
      'UTF-16 with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf(rows), 'utf16le')]),
    ],
  ])('decodes %s and keeps values as text (leading zeros, quotes, line breaks)', async (_what, make) => {
    const read = await readImportFile(make(), 'csv');
    expect(read.rows.map((r) => r.cells)).toEqual(rows);
    expect(read.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('tells GB18030 from UTF-8', () => {
    expect(decodeCsv(gb18030('网格编码,名称'))).toBe('网格编码,名称');
    expect(decodeCsv(Buffer.from('网格编码,名称'))).toBe('网格编码,名称');
  });

  it('reads tab- and semicolon-separated files, skipping blank lines but keeping row numbers', async () => {
    const tabs = await readImportFile(Buffer.from('代表编号\t姓名\r\n\r\nR1\t张三\r\n'), 'csv');
    expect(tabs.rows).toEqual([
      { row: 1, cells: ['代表编号', '姓名'] },
      { row: 3, cells: ['R1', '张三'] },
    ]);
    const semicolons = await readImportFile(Buffer.from('代表编号;姓名\nR1;张三\n'), 'csv');
    expect(semicolons.rows[1]!.cells).toEqual(['R1', '张三']);
  });

  it.each([
    ['an unclosed quote', 'a,"b\nc,d'],
    ['text after a closing quote', '"a"x,b\n1,2'],
  ])('refuses a CSV with %s with 400', async (_what, text) => {
    const err = await refusal(readImportFile(Buffer.from(text), 'csv'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.detailText?.zh).toContain('CSV 文件格式不正确');
  });

  it('refuses binary content named .csv', async () => {
    const err = await refusal(
      readImportFile(Buffer.concat([Buffer.from('abc'), Buffer.alloc(10), randomBytes(100)]), 'csv'),
    );
    expect(err.detailText?.zh).toBe('文件不是文本格式的 CSV');
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows with 413`, async () => {
    const text = ['代表编号', ...Array.from({ length: MAX_IMPORT_ROWS + 20 }, (_, i) => `R${i}`)].join('\n');
    const err = await refusal(readImportFile(Buffer.from(text), 'csv'));
    expect([err.code, err.status]).toEqual(['PAYLOAD_TOO_LARGE', 413]);
  });
});
