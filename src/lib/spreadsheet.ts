/**
 * Spreadsheets people download (rosters, progress tables): XLSX with a bold, frozen header row,
 * or CSV that Excel opens correctly and never runs as formulas.
 */
import ExcelJS from 'exceljs';

/**
 * A CSV cell: quoted when needed, and a leading = + - @ (or tab / carriage return) neutralised with
 * an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly. */
export function toCsv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from('\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** A cell of an XLSX sheet: text, a number (summable, chartable) or empty. */
export type XlsxCell = string | number | null;

export interface XlsxOptions {
  /** The last row is a total (合计): bold. */
  totalRow?: boolean;
  /** 1-based columns holding fractions, shown as percentages with one decimal. */
  percentColumns?: readonly number[];
}

/** XLSX with a bold, frozen header row and columns wide enough for their Chinese text. */
export async function toXlsx(
  sheetName: string,
  rows: readonly (readonly XlsxCell[])[],
  options: XlsxOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  if (options.totalRow && rows.length > 1) sheet.getRow(rows.length).font = { bold: true };
  for (const c of options.percentColumns ?? []) sheet.getColumn(c).numFmt = '0.0%';
  const width = (cell: XlsxCell | undefined) => (typeof cell === 'string' ? cell.length * 2 + 2 : 8);
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(8, ...rows.map((r) => width(r[i]))));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}
