/**
 * Import templates: an XLSX workbook with a data sheet (Chinese headers, required ones marked *,
 * one example row, text format on code and phone columns so Excel keeps leading zeros, drop-down
 * lists for vocabularies) and a 说明 sheet explaining every column; or the same header and
 * example as CSV (UTF-8 with a byte-order mark, so Excel opens it in the right encoding).
 */
import ExcelJS from 'exceljs';
import type { Bilingual } from '../../platform/http/errors.ts';
import { MULTI_VALUE_SEPARATOR_TEXT } from './import.cells.ts';
import { columnLetter, IMPORT_COLUMNS, type ImportColumn } from './import.columns.ts';
import { IMPORT_KIND_LABELS, MAX_IMPORT_ROWS, type ImportKind } from './import.domain.ts';
import type { ImportFormat } from './import.parse.ts';

export interface TemplateFile {
  /** 人大代表导入模板.xlsx */
  fileName: string;
  /** The same in ASCII, for clients that ignore RFC 5987 names. */
  asciiFileName: string;
  contentType: string;
  body: Buffer;
}

const TEXT_COLUMNS = new Set(['code', 'ref', 'refs', 'phone']);

/** The header as the template writes it: required columns end with *. */
export function templateHeader(c: ImportColumn): string {
  return c.required ? `${c.header}*` : c.header;
}

function allowedValues(c: ImportColumn): string {
  switch (c.spec.type) {
    case 'choice':
      return Object.values<Bilingual>(c.spec.labels)
        .map((l) => l.zh)
        .join(' / ');
    case 'flag':
      return '是 / 否';
    case 'refs':
      return `可填多个，用 ${MULTI_VALUE_SEPARATOR_TEXT} 分隔`;
    case 'texts':
      return `可填多个，用 ${MULTI_VALUE_SEPARATOR_TEXT} 分隔`;
    case 'date':
      return 'YYYY-MM-DD';
    case 'time':
      return 'HH:MM';
    case 'code':
    case 'ref':
      return '字母、数字、. - _';
    case 'text':
    case 'longtext':
      return `最长 ${c.spec.maxLength} 个字`;
    case 'phone':
    case 'rule':
      return '';
  }
}

/** Column width in Excel's units: a Chinese character takes about two. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function buildTemplate(kind: ImportKind, format: ImportFormat): Promise<TemplateFile> {
  const columns = IMPORT_COLUMNS[kind];
  const label = IMPORT_KIND_LABELS[kind];
  if (format === 'csv') {
    const lines = [
      columns.map((c) => csvField(templateHeader(c))).join(','),
      columns.map((c) => csvField(c.example)).join(','),
    ];
    return {
      fileName: `${label.zh}导入模板.csv`,
      asciiFileName: `${kind}-import-template.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'),
    };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Liaison';
  const sheet = workbook.addWorksheet(label.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: templateHeader(c),
    key: c.key,
    width: Math.max(10, Math.min(40, Math.max(widthOf(templateHeader(c)), widthOf(c.example)) + 4)),
    ...(TEXT_COLUMNS.has(c.spec.type) ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));
  const header = sheet.getRow(1);
  header.height = 22;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = c.help;
    const letter = columnLetter(i);
    const choices =
      c.spec.type === 'choice'
        ? Object.values<Bilingual>(c.spec.labels).map((l) => l.zh)
        : c.spec.type === 'flag'
          ? ['是', '否']
          : null;
    if (choices) {
      // A drop-down to pick from; English labels and values stay accepted, so no error box.
      (
        sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: false,
      });
    }
  });

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '必填', key: 'required', width: 8 },
    { header: '填写说明', key: 'help', width: 70 },
    { header: '可选值 / 格式', key: 'allowed', width: 40 },
    { header: '示例', key: 'example', width: 28 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({
      header: c.header,
      required: c.required ? '是' : '',
      help: c.help,
      allowed: allowedValues(c),
      example: c.example,
    });
  }
  help.addRow({});
  const notes = [
    `导入${label.zh}：第 1 行是表头，请勿修改列名（带 * 的列必填，其余列可删去不用）；第 2 行是示例，导入前请删除或改写。`,
    `一个单元格填多个值时，用 ${MULTI_VALUE_SEPARATOR_TEXT} 分隔。`,
    '编码、代码和电话列已设为“文本”格式，以免 Excel 去掉开头的 0 或显示为科学计数法。',
    '引用的编码（辖区、人大、站点、小组、网格、单位、代表）须已在系统中存在，且在您的管辖范围内；上级站点、上级单位也可以是本文件中排在前面的行。',
    `一个文件最多 ${MAX_IMPORT_ROWS} 行。建议先“检查”（试导入）：系统列出每一处错误（行号、列名、原因），不写入任何数据。`,
    '正式导入时，只要有一行有错误，就不会导入任何数据；全部无误才一次性导入。',
    '也可另存为 CSV（UTF-8 或 GB18030 编码均可）后导入，列名相同。',
  ];
  for (const note of notes) {
    const row = help.addRow({ header: note });
    help.mergeCells(`A${row.number}:E${row.number}`);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }

  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${label.zh}导入模板.xlsx`,
    asciiFileName: `${kind}-import-template.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
