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

export async function toXlsx(sheetName: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) sheet.addRow([...row]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(8, ...rows.map((r) => (r[i] ?? '').length * 2 + 2)));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}
