/**
 * Reading an import file (XLSX or CSV) into rows of cells, with exceljs.
 *
 * XLSX is loaded whole with exceljs, after the zip has been checked: every entry present,
 * inflating to its declared size with the right CRC, and the total unpacked size bounded (a zip
 * bomb would otherwise be unpacked in full). exceljs's streaming reader would be about twice as
 * fast, but it decodes each inflated chunk of XML on its own, so a Chinese character that
 * straddles two chunks comes out as "���" (exceljs 4.4, utils/parse-sax.js), and it waits forever
 * on a damaged deflate stream.
 *
 * CSV is decoded first: UTF-8 with or without a byte-order mark, UTF-16 with one, and otherwise
 * GB18030 (what Excel in China saves as "CSV (逗号分隔)"; a superset of GBK and GB2312).
 */
import { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';
import { isBlankCell, type Cell, type RawRow, type RawSheet } from './import.cells.ts';
import { MAX_IMPORT_ROWS } from './import.domain.ts';

export type ImportFormat = 'xlsx' | 'csv';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format an uploaded file claims by its name (or, without an extension, its type); null when neither fits. */
export function formatOf(fileName: string, mimetype?: string): ImportFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv') return 'csv';
  if (ext !== undefined) return null;
  if (mimetype === XLSX_MIME) return 'xlsx';
  if (mimetype === 'text/csv') return 'csv';
  return null;
}

const bad = (zh: string, en: string) => new AppError('BAD_REQUEST', { zh, en });

/** Rows beyond this many (header and title rows included) are not read: the file is refused. */
const ROW_LIMIT = MAX_IMPORT_ROWS + 10;
/**
 * Unpacked size of all the parts of an XLSX file together. A full file of 20,000 rows with long
 * texts unpacks to about 20 MiB; exceljs then needs several times that in memory.
 */
const MAX_UNZIPPED_BYTES = 64 << 20;

function tooManyRows(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', {
    zh: `一个文件最多导入 ${MAX_IMPORT_ROWS} 行，请拆分成几个文件`,
    en: `A file may hold at most ${MAX_IMPORT_ROWS} rows; split it into several files`,
  });
}

const NOT_XLSX = () =>
  bad(
    '文件不是有效的 XLSX 文件（可能已损坏，或只是改了扩展名）',
    'The file is not a valid XLSX workbook (damaged, or only renamed)',
  );

/**
 * Check a zip archive without trusting it: the central directory, then each entry inflated
 * (bounded by its declared size, so a zip bomb stops at once) and compared with its CRC.
 */
export function checkZip(buf: Buffer): void {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw NOT_XLSX();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw bad('文件过大（ZIP64 格式），请拆分后再导入', 'The file is too large (ZIP64); split it first');
  }
  if (cdOffset + cdSize > eocd) throw NOT_XLSX();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw NOT_XLSX();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (flags & 1)
      throw bad('文件已加密，请取消密码后再导入', 'The file is encrypted; remove the password first');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw NOT_XLSX();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > cdOffset) throw NOT_XLSX();
    total += size;
    if (total > MAX_UNZIPPED_BYTES)
      throw bad('文件解压后过大，请拆分后再导入', 'The file unpacks to too much data; split it first');
    const raw = buf.subarray(start, start + packed);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
      } catch {
        throw NOT_XLSX();
      }
    } else throw NOT_XLSX();
    if (data.length !== size || crc32(data) >>> 0 !== crc) throw NOT_XLSX();
  }
}

/** An exceljs cell value as a plain cell: rich text and hyperlinks as their text, formulas as their result. */
export function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    return result === undefined ? { error: 'NO_RESULT' } : toCell(result as ExcelJS.CellValue);
  }
  if ('error' in v) return { error: String(v.error) };
  if ('text' in v) return toCell(v.text as ExcelJS.CellValue);
  return null;
}

/** Row values from exceljs (1-based, sparse) as cells (0-based), or null for a blank row. */
function rowCells(values: ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>): Cell[] | null {
  const list = Array.isArray(values) ? values : [];
  const cells: Cell[] = [];
  let blank = true;
  for (let i = 1; i < list.length; i++) {
    const cell = toCell(list[i]);
    cells.push(cell);
    if (!isBlankCell(cell)) blank = false;
  }
  return blank ? null : cells;
}

/** The sheet holding the data: the first one not named 说明 (the template's explanation sheet). */
async function readXlsx(data: Buffer): Promise<RawSheet> {
  checkZip(data);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw NOT_XLSX();
  }
  const sheet = workbook.worksheets.find((w) => w.name.trim() !== '说明');
  if (!sheet) throw bad('文件中没有可导入的工作表', 'The workbook has no worksheet to import');
  if (sheet.actualRowCount > ROW_LIMIT) throw tooManyRows();
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = rowCells(row.values);
    if (cells) rows.push({ row: number, cells });
  });
  return { rows };
}

/** The text of a CSV file: by its byte-order mark, else UTF-8 when it is valid UTF-8, else GB18030. */
export function decodeCsv(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (data.includes(0)) throw bad('文件不是文本格式的 CSV', 'The file is not a text CSV file');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    const text = new TextDecoder('gb18030').decode(data);
    if (text.includes('\ufffd')) {
      throw bad(
        '无法识别文件的编码，请另存为 UTF-8 或 GB18030 编码的 CSV',
        'The encoding is not recognised; save the CSV as UTF-8 or GB18030',
      );
    }
    return text;
  }
}

/** Comma, unless the header line is clearly separated by tabs or semicolons. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => first.split(ch).length - 1;
  const [commas, tabs, semicolons] = [count(','), count('\t'), count(';')];
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

async function readCsv(data: Buffer): Promise<RawSheet> {
  const text = decodeCsv(data);
  const workbook = new ExcelJS.Workbook();
  // Keep every value as text: exceljs would otherwise turn 0330602 into 330602 and guess dates.
  let sheet: ExcelJS.Worksheet;
  try {
    sheet = await workbook.csv.read(Readable.from([text]), {
      map: (value: unknown) => value,
      parserOptions: { delimiter: delimiterOf(text), ignoreEmpty: false },
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw bad(
      'CSV 文件格式不正确（引号不成对，或引号后还有字符），请在 Excel 中重新另存为 CSV',
      `The CSV file is malformed: ${detail}`,
    );
  }
  const rows: RawRow[] = [];
  let overflow = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = rowCells(row.values);
    if (cells) rows.push({ row: number, cells });
    if (rows.length > ROW_LIMIT) overflow = true;
  });
  if (overflow) throw tooManyRows();
  return { rows };
}

/**
 * The rows of an uploaded file. What the bytes are decides how they are read (a zip is read as
 * XLSX whatever its name); a file that cannot be read at all is refused with 400, one with too
 * many rows with 413.
 */
export async function readImportFile(data: Buffer, format: ImportFormat): Promise<RawSheet> {
  if (data.length === 0) throw bad('文件是空的', 'The file is empty');
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  const isOle = data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0;
  if (isOle) {
    throw bad(
      '文件是旧版 Excel（.xls）格式或设置了打开密码，请在 Excel 中另存为 .xlsx（不设密码）后再导入',
      'The file is an old .xls workbook or password-protected; save it as .xlsx without a password',
    );
  }
  if (isZip) return readXlsx(data);
  if (format === 'xlsx') throw NOT_XLSX();
  return readCsv(data);
}
