/**
 * Bulk import of the organisation (DESIGN.md §1 capability 1): the columns of each import file,
 * and the pure rules a row must obey. A row obeys the same rules as the create bodies of the API
 * (`<record>.schema.ts`: lengths, plain text without < > or control characters, the code pattern,
 * the vocabularies of org.domain.ts), plus what only a file can get wrong: a key repeated within
 * the file, a key already in the database, a reference to something that does not exist or lies
 * outside the importer's jurisdiction, and the oddities of spreadsheet cells (numbers typed as
 * codes, dates, formulas, full-width digits).
 *
 * Reading happens in two passes, so the service can look every referenced code up at once:
 * `readSheet` turns the cells into drafts (field by field), `referencedCodes` lists what the
 * drafts refer to, and `resolveDrafts` checks keys and references against the lookups and
 * returns the records ready to insert. Every problem is reported, not just the first of a row.
 */
import { normalizePhone } from '../../lib/phone.ts';
import { parseReceptionRule } from '../../lib/recurrence.ts';
import { pathInScope, type Scope } from '../../platform/db/scope.ts';
import type { Bilingual } from '../../platform/http/errors.ts';
import {
  GENDER_LABELS,
  isValidParentTier,
  REPRESENTATIVE_STATUS_LABELS,
  STATION_STATUS_LABELS,
  STATION_THEME_LABELS,
  STATION_TIER_LABELS,
  UNIT_KIND_LABELS,
  valueFromLabel,
  type Gender,
  type RepresentativeStatus,
  type StationStatus,
  type StationTheme,
  type StationTier,
  type UnitKind,
  type UnitStatus,
} from './org.domain.ts';

export const IMPORT_KINDS = ['representatives', 'stations', 'units', 'grids'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, Bilingual> = {
  representatives: { zh: '人大代表', en: 'Representatives' },
  stations: { zh: '联络站点', en: 'Liaison stations' },
  units: { zh: '承办单位', en: 'Handling units' },
  grids: { zh: '网格', en: 'Grids' },
};

export const IMPORT_MODES = ['dry-run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * The most data rows one file may hold; larger rosters are split into several files. A whole
 * city's roster (8,300 representatives in the seeds) fits; exceljs holds the workbook in memory
 * (about 6 KiB per row of 18 columns while loading), which is what bounds it.
 */
export const MAX_IMPORT_ROWS = 20_000;
/** The report lists at most this many errors (and says when it left some out). */
export const MAX_REPORTED_ERRORS = 1000;
/** Rows above the header that may hold a title ("2026年东湖区人大代表名册"). */
const HEADER_SEARCH_ROWS = 10;

/** Unit statuses have no labels in org.domain.ts (the API uses the values); import files use these. */
export const UNIT_STATUS_LABELS: Record<UnitStatus, Bilingual> = {
  active: { zh: '启用', en: 'Active' },
  inactive: { zh: '停用', en: 'Inactive' },
};

/** Several values in one cell are separated by any of these (half- or full-width; a line break too). */
export const MULTI_VALUE_SEPARATOR = /[;；、,，\n\r]+/;
export const MULTI_VALUE_SEPARATOR_TEXT = '；（或 ; 、 , ，）';

// ---------------------------------------------------------------------------------------------
// Cells

/** A spreadsheet error value (#N/A, #REF! …), or a formula whose result was never computed. */
export interface CellError {
  error: string;
}
/** One cell as the parser hands it over: text, a number, a flag, a date, an error, or nothing. */
export type Cell = string | number | boolean | Date | CellError | null;

/** A problem of one cell (or of the header, at row 1), in the report's words. */
export interface ImportError {
  /** The row number the spreadsheet shows (the header row is 1 in the template). */
  row: number;
  /** The column's Chinese header. */
  column: string;
  /** What the cell held, as text; null when empty. */
  value: string | null;
  message: Bilingual;
}

export interface RawRow {
  row: number;
  cells: readonly Cell[];
}

/** A worksheet as read from the file: its non-blank rows with their spreadsheet row numbers. */
export interface RawSheet {
  rows: readonly RawRow[];
}

/** Full-width ASCII (０-９, Ａ-Ｚ, ：, －) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

function isCellError(cell: Cell): cell is CellError {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** Midnight UTC of an Excel date, rounded to the second (spreadsheet dates are floating-point days). */
function roundedTime(date: Date): number {
  return Math.round(date.getTime() / 1000) * 1000;
}

function isoDate(date: Date): string {
  return new Date(roundedTime(date)).toISOString().slice(0, 10);
}

/** The cell as a person would read it, for the report. */
export function displayCell(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return cell.trim() === '' ? null : cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const t = new Date(roundedTime(cell)).toISOString();
    return t.endsWith('T00:00:00.000Z') ? t.slice(0, 10) : t.slice(0, 19).replace('T', ' ');
  }
  return cell.error;
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

// ---------------------------------------------------------------------------------------------
// Columns

type ColumnSpec =
  /** A business key: letters, digits, . _ - (the API's Code). */
  | { type: 'code' }
  /** Single-line text (the API's PlainText). */
  | { type: 'text'; maxLength: number }
  /** Text that may span lines (the API's LongText). */
  | { type: 'longtext'; maxLength: number }
  /** One value of a vocabulary, by its Chinese or English label or the value itself. */
  | { type: 'choice'; labels: Record<string, Bilingual> }
  | { type: 'flag' }
  | { type: 'phone' }
  | { type: 'date' }
  | { type: 'time' }
  | { type: 'rule' }
  /** The code of another record. */
  | { type: 'ref' }
  /** Several codes (or names, for categories) of other records. */
  | { type: 'refs'; maxItems: number }
  /** Several short texts, one per seat (代表团, 选区). */
  | { type: 'texts'; maxLength: number; maxItems: number };

export interface ImportColumn {
  key: string;
  /** The Chinese header as written in the template (without the * of required columns). */
  header: string;
  en: string;
  required: boolean;
  spec: ColumnSpec;
  /** What to write, for the 说明 sheet. */
  help: string;
  /** The template's example row. */
  example: string;
}

const col = (key: string, header: string, en: string, spec: ColumnSpec, help: string, example: string, required = false): ImportColumn => ({
  key,
  header,
  en,
  required,
  spec,
  help,
  example,
});

const CODE_HELP = '字母、数字、点（.）、横线（-）、下划线（_），最长 32 个字符，在系统中唯一';
const REF_HELP = (what: string) => `${what}，须已在系统中存在且在您的管辖范围内`;
const MULTI_HELP = `，可填多个，用 ${MULTI_VALUE_SEPARATOR_TEXT} 分隔`;

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  representatives: [
    col('code', '代表编号', 'Code', { type: 'code' }, `代表证号或名册编号；${CODE_HELP}`, 'R2026001', true),
    col('name', '姓名', 'Name', { type: 'text', maxLength: 50 }, '最长 50 个字', '张明', true),
    col('gender', '性别', 'Gender', { type: 'choice', labels: GENDER_LABELS }, '男 或 女', '男', true),
    col('ethnicity', '民族', 'Ethnicity', { type: 'text', maxLength: 20 }, '如：汉族；最长 20 个字', '汉族'),
    col('jurisdiction', '管理辖区代码', 'Jurisdiction code', { type: 'ref' }, REF_HELP('管理该代表的人大常委会所在辖区的行政区划代码'), '330602', true),
    col('employer', '工作单位', 'Employer', { type: 'text', maxLength: 200 }, '最长 200 个字', '清江市第一人民医院'),
    col('post', '职务', 'Post', { type: 'text', maxLength: 100 }, '最长 100 个字', '副院长'),
    col('sector', '界别', 'Sector', { type: 'text', maxLength: 50 }, '如：工人、农民、专业技术人员、企业负责人、党政干部……；最长 50 个字', '专业技术人员'),
    col('status', '状态', 'Status', { type: 'choice', labels: REPRESENTATIVE_STATUS_LABELS }, '不填为“在任”', '在任'),
    col('isPublic', '公开履职信息', 'Public profile', { type: 'flag' }, '是 或 否；不填为“是”', '是'),
    col('phone', '联系电话', 'Phone', { type: 'phone' }, '11 位手机号码或带区号的固定电话；加密保存，页面上只显示 138****1234', '13800001234'),
    col('congresses', '所属人大编码', 'Congress codes', { type: 'refs', maxItems: 6 }, `该代表当选的人大（届次）的编码${MULTI_HELP}`, 'QJ-CITY-16；DH-COUNTY-18'),
    col('delegation', '代表团', 'Delegation', { type: 'texts', maxLength: 100, maxItems: 6 }, '所在代表团；填一个则适用于所有所属人大，或按所属人大编码的顺序各填一个', '东湖区代表团'),
    col('constituency', '选区', 'Constituency', { type: 'texts', maxLength: 100, maxItems: 6 }, '选举产生的选区；规则同“代表团”', '湖滨街道第3选区'),
    col('stations', '进站站点编码', 'Station codes', { type: 'refs', maxItems: 500 }, `${REF_HELP('进驻的联络站点编码')}${MULTI_HELP}`, 'ST-DH-001'),
    col('groups', '代表小组编码', 'Group codes', { type: 'refs', maxItems: 500 }, `${REF_HELP('所在代表小组的编码（以组员身份加入）')}${MULTI_HELP}`, 'G-DH-01'),
    col('grids', '网格编码', 'Grid codes', { type: 'refs', maxItems: 500 }, `${REF_HELP('联系的网格编码')}${MULTI_HELP}`, 'GR-HB-001'),
    col('bio', '简介', 'Biography', { type: 'longtext', maxLength: 2000 }, '最长 2000 个字，可换行', '长期从事基层医疗工作。'),
  ],
  stations: [
    col('code', '站点编码', 'Code', { type: 'code' }, CODE_HELP, 'ST-DH-001', true),
    col('name', '名称', 'Name', { type: 'text', maxLength: 100 }, '最长 100 个字', '湖滨街道人大代表联络站', true),
    col('tier', '层级', 'Tier', { type: 'choice', labels: STATION_TIER_LABELS }, '联络总站 / 联络中心站 / 联络站 / 联系点', '联络站', true),
    col('theme', '类型', 'Theme', { type: 'choice', labels: STATION_THEME_LABELS }, '不填为“综合（社区）”', '综合（社区）'),
    col('jurisdiction', '所属辖区代码', 'Jurisdiction code', { type: 'ref' }, REF_HELP('站点所在辖区的行政区划代码'), '330602001', true),
    col('parent', '上级站点编码', 'Parent station code', { type: 'ref' }, '已在系统中的站点编码，或本文件中排在前面的站点编码；上级的层级须高于本站点', 'ST-DH-000'),
    col('address', '地址', 'Address', { type: 'text', maxLength: 200 }, '最长 200 个字', '湖滨路 18 号'),
    col('receptionRule', '接待日规则', 'Reception rule', { type: 'rule' }, '如：每周一、每月15日、每月第三个星期二、单月15日；也可填 RFC 5545 规则，如 FREQ=MONTHLY;BYDAY=+3TU', '每月第三个星期二'),
    col('receptionStart', '接待开始时间', 'Reception start', { type: 'time' }, 'HH:MM，如 09:00；与结束时间同时填写', '09:00'),
    col('receptionEnd', '接待结束时间', 'Reception end', { type: 'time' }, 'HH:MM，须晚于开始时间', '11:00'),
    col('openedOn', '启用日期', 'Opened on', { type: 'date' }, 'YYYY-MM-DD，或 Excel 日期', '2024-03-01'),
    col('status', '状态', 'Status', { type: 'choice', labels: STATION_STATUS_LABELS }, '不填为“运行中”', '运行中'),
  ],
  units: [
    col('code', '单位编码', 'Code', { type: 'code' }, CODE_HELP, 'U-DH-ZJ', true),
    col('name', '名称', 'Name', { type: 'text', maxLength: 100 }, '最长 100 个字', '东湖区住房和城乡建设局', true),
    col('shortName', '简称', 'Short name', { type: 'text', maxLength: 50 }, '最长 50 个字', '区住建局'),
    col('kind', '类型', 'Kind', { type: 'choice', labels: UNIT_KIND_LABELS }, '政府部门 / 法院 / 检察院 / 乡镇（街道） / 公用事业单位 / 其他', '政府部门', true),
    col('jurisdiction', '所属辖区代码', 'Jurisdiction code', { type: 'ref' }, REF_HELP('单位所属辖区的行政区划代码'), '330602', true),
    col('parent', '上级单位编码', 'Parent unit code', { type: 'ref' }, '已在系统中的单位编码，或本文件中排在前面的单位编码（逾期事项向上级单位升级）', 'U-DH-GOV'),
    col('contactName', '联系人', 'Contact name', { type: 'text', maxLength: 50 }, '最长 50 个字', '李华'),
    col('contactPhone', '联系电话', 'Contact phone', { type: 'phone' }, '11 位手机号码或带区号的固定电话；加密保存', '057512345678'),
    col('categories', '办理类别', 'Categories', { type: 'refs', maxItems: 200 }, `类别编码或名称（如：城乡建设与住房、交通出行）${MULTI_HELP}；适用于单位所属辖区`, '城乡建设与住房；城市管理'),
    col('status', '状态', 'Status', { type: 'choice', labels: UNIT_STATUS_LABELS }, '启用 或 停用；不填为“启用”', '启用'),
  ],
  grids: [
    col('code', '网格编码', 'Code', { type: 'code' }, CODE_HELP, 'GR-HB-001', true),
    col('name', '名称', 'Name', { type: 'text', maxLength: 100 }, '最长 100 个字', '湖滨社区第一网格', true),
    col('jurisdiction', '所属辖区代码', 'Jurisdiction code', { type: 'ref' }, REF_HELP('网格所在辖区的行政区划代码'), '330602001001', true),
    col('station', '所属站点编码', 'Station code', { type: 'ref' }, REF_HELP('网格对应的联络站点编码'), 'ST-DH-001'),
    col('description', '说明', 'Description', { type: 'longtext', maxLength: 2000 }, '网格范围等，最长 2000 个字，可换行', '湖滨路以东、环城河以南'),
    col('representatives', '网格代表编号', 'Representative codes', { type: 'refs', maxItems: 500 }, `${REF_HELP('联系该网格的代表编号')}${MULTI_HELP}`, 'R2026001；R2026002'),
  ],
};

/** How a header cell is compared: no spaces, no * marks, no trailing hint in brackets, half-width. */
function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase();
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const msg = (zh: string, en: string): Bilingual => ({ zh, en });

// ---------------------------------------------------------------------------------------------
// Values

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
// eslint-disable-next-line no-control-regex
const PLAIN_TEXT = /^[^<>\u0000-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex
const LONG_TEXT = /^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;

const charCount = (s: string) => [...s].length;

/** A choice by label or value; values are matched case-insensitively too (files say "Active"). */
function choiceOf<T extends string>(labels: Record<T, Bilingual>, text: string): T | undefined {
  return valueFromLabel(labels, text) ?? valueFromLabel(labels, text.toLowerCase());
}

const TRUE_WORDS = new Set(['是', '公开', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '不公开', 'n', 'no', 'false', '0', '×']);

/** 'YYYY-MM-DD' from the ways people write a date: 2024-3-5, 2024/03/05, 2024.3.5, 2024年3月5日. */
export function parseDateText(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** 'HH:MM' from 9:00, 09:00, 09:00:00 or 9：00. */
export function parseTimeText(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const WEEKDAY_CODES: Record<string, string> = { 一: 'MO', 二: 'TU', 三: 'WE', 四: 'TH', 五: 'FR', 六: 'SA', 日: 'SU', 天: 'SU' };
const CHINESE_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const RULE_SEPARATOR = /[、,，和及]/;

function countOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return CHINESE_NUMBERS[text] ?? null;
}

/**
 * A reception schedule written as people write it — 每周一, 每两周星期三, 每月15日, 每月5、20日,
 * 每月第三个星期二, 每月最后一个星期五, 单月15日, 双月第一个星期一 — as an RFC 5545 rule; null when the
 * text is not one of these forms (it may then be a rule already).
 */
export function ruleFromChinese(input: string): string | null {
  let s = toHalfWidth(input).replace(/\s+/g, '');
  let months = '';
  const monthPrefix = /^(单月|双月)/.exec(s);
  if (monthPrefix) {
    months = monthPrefix[1] === '单月' ? ';BYMONTH=1,3,5,7,9,11' : ';BYMONTH=2,4,6,8,10,12';
    s = s.slice(2);
  }
  const weekly = /^每(?:(\d+|[两二三四五六])周|周)(.+)$/.exec(s);
  if (weekly) {
    const interval = weekly[1] === undefined ? 1 : countOf(weekly[1]);
    const days = (weekly[2] ?? '').split(RULE_SEPARATOR).map((d) => /^(?:星期|周)?([一二三四五六日天])$/.exec(d)?.[1]);
    if (interval === null || days.some((d) => d === undefined)) return null;
    const byDay = days.map((d) => WEEKDAY_CODES[d!]).join(',');
    return `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${byDay}${months}`;
  }
  const monthly = /^每(?:(\d+|[两二三四五六]|十一|十二)个月|月)(.+)$/.exec(s);
  let interval = 1;
  let rest: string;
  if (monthly) {
    const n = monthly[1] === undefined ? 1 : countOf(monthly[1]);
    if (n === null) return null;
    interval = n;
    rest = monthly[2] ?? '';
  } else if (months) {
    rest = s;
  } else {
    return null;
  }
  const parts = rest.split(RULE_SEPARATOR);
  const head = `FREQ=MONTHLY${interval > 1 ? `;INTERVAL=${interval}` : ''}`;
  if (/[日号]$/.test(rest) && parts.every((p) => /^\d{1,2}[日号]?$/.test(p))) {
    return `${head};BYMONTHDAY=${parts.map((p) => Number(p.replace(/[日号]/, ''))).join(',')}${months}`;
  }
  const byDay: string[] = [];
  for (const p of parts) {
    const nth = /^第([一二三四五1-5])个?(?:星期|周)([一二三四五六日天])$/.exec(p);
    const last = /^最后一个?(?:星期|周)([一二三四五六日天])$/.exec(p);
    if (nth) byDay.push(`+${countOf(nth[1]!)}${WEEKDAY_CODES[nth[2]!]}`);
    else if (last) byDay.push(`-1${WEEKDAY_CODES[last[1]!]}`);
    else return null;
  }
  return `${head};BYDAY=${byDay.join(',')}${months}`;
}

// ---------------------------------------------------------------------------------------------
// Reading a row

/** Reads the cells of one row by column key, converting and checking each, and records problems. */
export class RowReader {
  constructor(
    readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly positions: ReadonlyMap<string, number>,
    private readonly columns: ReadonlyMap<string, ImportColumn>,
    private readonly errors: ImportError[],
  ) {}

  column(key: string): ImportColumn {
    const c = this.columns.get(key);
    if (!c) throw new Error(`no import column ${key}`);
    return c;
  }

  fail(key: string, value: string | null, message: Bilingual): void {
    this.errors.push({ row: this.row, column: this.column(key).header, value, message });
  }

  private cell(key: string): Cell {
    const at = this.positions.get(key);
    return at === undefined ? null : (this.cells[at] ?? null);
  }

  /** Whether the cell holds anything (a value that failed its checks included). */
  has(key: string): boolean {
    return !isBlankCell(this.cell(key));
  }

  /**
   * The cell's text, trimmed (null when empty), or undefined after reporting a cell that cannot
   * be text: a spreadsheet error, or a formula without a computed result.
   */
  private text(key: string, asCode: boolean): string | null | undefined {
    const cell = this.cell(key);
    const c = this.column(key);
    if (isCellError(cell)) {
      this.fail(
        key,
        cell.error,
        cell.error === 'NO_RESULT'
          ? msg(`${c.header}是没有计算结果的公式，请在 Excel 中打开并保存后再导入`, `${c.en} is a formula without a computed result; open and save the file in Excel first`)
          : msg(`${c.header}的单元格是错误值 ${cell.error}`, `${c.en} holds the spreadsheet error ${cell.error}`),
      );
      return undefined;
    }
    if (asCode && cell instanceof Date) {
      this.fail(
        key,
        displayCell(cell),
        msg(`${c.header}被 Excel 识别成了日期，请将该列设为“文本”格式并重新填写后再导入`, `${c.en} was turned into a date by Excel; format the column as text and enter it again`),
      );
      return undefined;
    }
    if (asCode && typeof cell === 'number' && !Number.isSafeInteger(cell) && Number.isInteger(cell)) {
      this.fail(
        key,
        displayCell(cell),
        msg(`${c.header}是位数过多的数字，Excel 已丢失末几位，请将该列设为“文本”格式并重新填写后再导入`, `${c.en} is a number too long for Excel to keep exactly; format the column as text and enter it again`),
      );
      return undefined;
    }
    const shown = displayCell(cell);
    if (shown === null) {
      if (c.required) this.fail(key, null, msg(`${c.header}不能为空`, `${c.en} is required`));
      return null;
    }
    const text = asCode ? toHalfWidth(shown).trim() : shown.trim();
    if (asCode && SCIENTIFIC.test(text)) {
      this.fail(
        key,
        shown,
        msg(`${c.header}显示为科学计数法（${text}），请将该列设为“文本”格式并重新填写后再导入`, `${c.en} is in scientific notation (${text}); format the column as text and enter it again`),
      );
      return undefined;
    }
    return text;
  }

  private checkLength(key: string, text: string, maxLength: number): boolean {
    const c = this.column(key);
    if (charCount(text) > maxLength) {
      this.fail(key, text, msg(`${c.header}不能超过 ${maxLength} 个字符`, `${c.en} must be at most ${maxLength} characters`));
      return false;
    }
    return true;
  }

  /** A code (own key or a single reference): half-width, letters, digits, . _ -, at most 32. */
  code(key: string): string | null {
    const text = this.text(key, true);
    if (!text) return null;
    const c = this.column(key);
    if (!this.checkLength(key, text, 32)) return null;
    if (!CODE_PATTERN.test(text)) {
      this.fail(key, text, msg(`${c.header}只能包含字母、数字、点、横线和下划线，且以字母或数字开头`, `${c.en} may contain only letters, digits, dot, dash and underscore, starting with a letter or digit`));
      return null;
    }
    return text;
  }

  /** Text as the API's PlainText (single line) or LongText (line breaks allowed). */
  plain(key: string): string | null {
    const c = this.column(key);
    const text = this.text(key, false);
    if (!text) return null;
    const long = c.spec.type === 'longtext';
    const max = c.spec.type === 'text' || c.spec.type === 'longtext' ? c.spec.maxLength : 100;
    const value = long ? text.replace(/\r\n?/g, '\n') : text;
    if (!(long ? LONG_TEXT : PLAIN_TEXT).test(value)) {
      this.fail(key, text, msg(`${c.header}不能包含 < > 或控制字符${long ? '' : '（包括换行）'}`, `${c.en} must not contain < >${long ? '' : ', line breaks'} or control characters`));
      return null;
    }
    return this.checkLength(key, value, max) ? value : null;
  }

  choice<T extends string>(key: string, labels: Record<T, Bilingual>): T | null {
    const text = this.text(key, false);
    if (!text) return null;
    const value = choiceOf(labels, text);
    if (value === undefined) {
      const c = this.column(key);
      const allowed = Object.values<Bilingual>(labels);
      this.fail(
        key,
        text,
        msg(`${c.header}的取值“${text}”无效，可选：${allowed.map((l) => l.zh).join(' / ')}`, `${c.en} "${text}" is not valid; use one of: ${allowed.map((l) => l.en).join(' / ')}`),
      );
      return null;
    }
    return value;
  }

  flag(key: string): boolean | null {
    const cell = this.cell(key);
    if (typeof cell === 'boolean') return cell;
    const text = this.text(key, true);
    if (!text) return null;
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    const c = this.column(key);
    this.fail(key, text, msg(`${c.header}应填“是”或“否”`, `${c.en} must be 是 (yes) or 否 (no)`));
    return null;
  }

  /** A phone number normalised as the API does (normalizePhone); the caller encrypts it. */
  phone(key: string): string | null {
    const text = this.text(key, true);
    if (!text) return null;
    const phone = normalizePhone(text);
    if (phone === null) {
      const c = this.column(key);
      const hint =
        typeof this.cell(key) === 'number'
          ? msg('；单元格是数字格式，固定电话开头的 0 可能已被 Excel 去掉，请将该列设为“文本”格式', '; the cell is a number, so Excel may have dropped a leading 0: format the column as text')
          : msg('', '');
      this.fail(
        key,
        text,
        msg(`${c.header}格式不正确，应为 11 位手机号码或带区号的固定电话${hint.zh}`, `${c.en} is not valid: use an 11-digit mobile number or a landline with its area code${hint.en}`),
      );
    }
    return phone;
  }

  /** A calendar date: a date cell, an Excel serial number, or text such as 2024-03-01 or 2024年3月1日. */
  date(key: string): string | null {
    const cell = this.cell(key);
    const c = this.column(key);
    let value: string | null;
    if (cell instanceof Date) value = isoDate(cell);
    else if (typeof cell === 'number' && cell >= 1 && cell < 2_958_466) value = new Date(EXCEL_EPOCH + Math.round(cell) * DAY_MS).toISOString().slice(0, 10);
    else {
      const text = this.text(key, true);
      if (!text) return null;
      value = parseDateText(text);
    }
    if (value === null || value < '1900-01-01' || value > '2100-12-31') {
      this.fail(key, displayCell(cell), msg(`${c.header}格式不正确，应为日期（YYYY-MM-DD）`, `${c.en} must be a date (YYYY-MM-DD)`));
      return null;
    }
    return value;
  }

  /** A time of day 'HH:MM': a time cell, a fraction of a day, or text such as 9:00. */
  time(key: string): string | null {
    const cell = this.cell(key);
    const c = this.column(key);
    let value: string | null;
    if (cell instanceof Date) {
      const d = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
      value = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    } else if (typeof cell === 'number' && cell >= 0 && cell < 1) {
      const minutes = Math.round(cell * 1440) % 1440;
      value = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    } else {
      const text = this.text(key, true);
      if (!text) return null;
      value = parseTimeText(text);
    }
    if (value === null) {
      this.fail(key, displayCell(cell), msg(`${c.header}格式不正确，应为 HH:MM（如 09:00）`, `${c.en} must be a time HH:MM (e.g. 09:00)`));
      return null;
    }
    return value;
  }

  /** A reception rule in words (每月第三个星期二) or as RFC 5545 (FREQ=MONTHLY;BYDAY=+3TU), stored as RFC 5545. */
  rule(key: string): string | null {
    const text = this.text(key, false);
    if (!text) return null;
    const c = this.column(key);
    const rule = ruleFromChinese(text) ?? toHalfWidth(text).replace(/\s+/g, '').replace(/^RRULE:/i, '').toUpperCase();
    const parsed = parseReceptionRule(rule);
    if (!parsed.ok) {
      this.fail(key, text, msg(`${c.header}：${parsed.message.zh}（可写作“每周一”“每月15日”“每月第三个星期二”或 FREQ=MONTHLY;BYDAY=+3TU）`, `${c.en}: ${parsed.message.en}`));
      return null;
    }
    return rule;
  }

  /** Several values separated by ；;、, (each trimmed, half-width, without repeats). */
  list(key: string): string[] {
    const c = this.column(key);
    const text = this.text(key, c.spec.type === 'refs');
    if (!text) return [];
    const items = [...new Set(text.split(MULTI_VALUE_SEPARATOR).map((s) => s.trim()).filter((s) => s !== ''))];
    const maxItems = c.spec.type === 'refs' || c.spec.type === 'texts' ? c.spec.maxItems : 1;
    if (items.length > maxItems) {
      this.fail(key, text, msg(`${c.header}最多 ${maxItems} 项`, `${c.en} allows at most ${maxItems} items`));
      return [];
    }
    if (c.spec.type === 'texts') {
      const max = c.spec.maxLength;
      const bad = items.find((s) => !PLAIN_TEXT.test(s) || charCount(s) > max);
      if (bad !== undefined) {
        this.fail(key, bad, msg(`${c.header}的每一项不能超过 ${max} 个字符，且不能包含 < > 或控制字符`, `Each ${c.en} must be at most ${max} characters without < > or control characters`));
        return [];
      }
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Drafts: one row's fields, converted and checked one by one

export interface RepresentativeDraft {
  row: number;
  code: string | null;
  name: string | null;
  gender: Gender | null;
  ethnicity: string | null;
  jurisdiction: string | null;
  employer: string | null;
  post: string | null;
  sector: string | null;
  status: RepresentativeStatus;
  isPublic: boolean;
  phone: string | null;
  congresses: string[];
  delegation: string[];
  constituency: string[];
  stations: string[];
  groups: string[];
  grids: string[];
  bio: string | null;
}

export interface StationDraft {
  row: number;
  code: string | null;
  name: string | null;
  tier: StationTier | null;
  theme: StationTheme;
  jurisdiction: string | null;
  parent: string | null;
  address: string | null;
  receptionRule: string | null;
  receptionStart: string | null;
  receptionEnd: string | null;
  openedOn: string | null;
  status: StationStatus;
}

export interface UnitDraft {
  row: number;
  code: string | null;
  name: string | null;
  shortName: string | null;
  kind: UnitKind | null;
  jurisdiction: string | null;
  parent: string | null;
  contactName: string | null;
  contactPhone: string | null;
  categories: string[];
  status: UnitStatus;
}

export interface GridDraft {
  row: number;
  code: string | null;
  name: string | null;
  jurisdiction: string | null;
  station: string | null;
  description: string | null;
  representatives: string[];
}

export type Drafts =
  | { kind: 'representatives'; drafts: RepresentativeDraft[] }
  | { kind: 'stations'; drafts: StationDraft[] }
  | { kind: 'units'; drafts: UnitDraft[] }
  | { kind: 'grids'; drafts: GridDraft[] };

/** Seats: one value of 代表团/选区 applies to every congress, or one per congress in the same order. */
function checkSeatTexts(r: RowReader, key: 'delegation' | 'constituency', values: string[], congresses: number, congressCellEmpty: boolean): void {
  const c = r.column(key);
  if (values.length === 0) return;
  if (congresses === 0 && congressCellEmpty) {
    r.fail(key, values.join('；'), msg(`填写${c.header}时须同时填写所属人大编码`, `${c.en} needs the congress codes it belongs to`));
  } else if (values.length > 1 && congresses > 0 && values.length !== congresses) {
    r.fail(
      key,
      values.join('；'),
      msg(`${c.header}有 ${values.length} 项，所属人大编码有 ${congresses} 项：请只填一项，或按所属人大的顺序各填一项`, `${c.en} has ${values.length} items for ${congresses} congresses: give one, or one per congress in order`),
    );
  }
}

function readRepresentative(r: RowReader, hasCongressCell: boolean): RepresentativeDraft {
  const congresses = r.list('congresses');
  const delegation = r.list('delegation');
  const constituency = r.list('constituency');
  checkSeatTexts(r, 'delegation', delegation, congresses.length, !hasCongressCell);
  checkSeatTexts(r, 'constituency', constituency, congresses.length, !hasCongressCell);
  return {
    row: r.row,
    code: r.code('code'),
    name: r.plain('name'),
    gender: r.choice('gender', GENDER_LABELS),
    ethnicity: r.plain('ethnicity'),
    jurisdiction: r.code('jurisdiction'),
    employer: r.plain('employer'),
    post: r.plain('post'),
    sector: r.plain('sector'),
    status: r.choice('status', REPRESENTATIVE_STATUS_LABELS) ?? 'active',
    isPublic: r.flag('isPublic') ?? true,
    phone: r.phone('phone'),
    congresses,
    delegation,
    constituency,
    stations: r.list('stations'),
    groups: r.list('groups'),
    grids: r.list('grids'),
    bio: r.plain('bio'),
  };
}

function readStation(r: RowReader): StationDraft {
  const draft: StationDraft = {
    row: r.row,
    code: r.code('code'),
    name: r.plain('name'),
    tier: r.choice('tier', STATION_TIER_LABELS),
    theme: r.choice('theme', STATION_THEME_LABELS) ?? 'community',
    jurisdiction: r.code('jurisdiction'),
    parent: r.code('parent'),
    address: r.plain('address'),
    receptionRule: r.rule('receptionRule'),
    receptionStart: r.time('receptionStart'),
    receptionEnd: r.time('receptionEnd'),
    openedOn: r.date('openedOn'),
    status: r.choice('status', STATION_STATUS_LABELS) ?? 'active',
  };
  // The same rule as the station API: both times or neither, the start before the end.
  const { receptionStart: start, receptionEnd: end } = draft;
  if (start !== null && end === null && !r.has('receptionEnd')) {
    r.fail('receptionEnd', null, msg('接待开始时间和结束时间须同时填写', 'Give both the start and the end time, or neither'));
  } else if (start === null && end !== null && !r.has('receptionStart')) {
    r.fail('receptionStart', null, msg('接待开始时间和结束时间须同时填写', 'Give both the start and the end time, or neither'));
  } else if (start !== null && end !== null && start >= end) {
    r.fail('receptionEnd', end, msg('接待结束时间须晚于开始时间', 'The end time must be after the start time'));
  }
  return draft;
}

function readUnit(r: RowReader): UnitDraft {
  return {
    row: r.row,
    code: r.code('code'),
    name: r.plain('name'),
    shortName: r.plain('shortName'),
    kind: r.choice('kind', UNIT_KIND_LABELS),
    jurisdiction: r.code('jurisdiction'),
    parent: r.code('parent'),
    contactName: r.plain('contactName'),
    contactPhone: r.phone('contactPhone'),
    categories: r.list('categories'),
    status: r.choice('status', UNIT_STATUS_LABELS) ?? 'active',
  };
}

function readGrid(r: RowReader): GridDraft {
  return {
    row: r.row,
    code: r.code('code'),
    name: r.plain('name'),
    jurisdiction: r.code('jurisdiction'),
    station: r.code('station'),
    description: r.plain('description'),
    representatives: r.list('representatives'),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a sheet

export type SheetReading =
  | { ok: true; drafts: Drafts; errors: ImportError[]; totalRows: number; columnOrder: readonly string[] }
  /** The file as a whole cannot be read row by row (no header, missing or unknown columns, no data). */
  | { ok: false; problem: Bilingual; errors: ImportError[]; totalRows: number };

/** The row holding the header: the first (of the first few) with a known column name, else the first row. */
function findHeader(kind: ImportKind, rows: readonly RawRow[]): number {
  const known = new Set(IMPORT_COLUMNS[kind].flatMap((c) => [headerKey(c.header), c.key.toLowerCase(), headerKey(c.en)]));
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    if (rows[i]!.cells.some((cell) => typeof cell === 'string' && known.has(headerKey(cell)))) return i;
  }
  return 0;
}

/** Match the header cells to the kind's columns; report missing, unknown, repeated and unnamed columns. */
function mapHeader(kind: ImportKind, header: RawRow, dataRows: readonly RawRow[]): { positions: Map<string, number>; errors: ImportError[] } {
  const columns = IMPORT_COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) {
    byName.set(headerKey(c.header), c);
    byName.set(c.key.toLowerCase(), c);
    byName.set(headerKey(c.en), c);
  }
  const positions = new Map<string, number>();
  const errors: ImportError[] = [];
  const width = Math.max(header.cells.length, ...dataRows.map((r) => r.cells.length));
  for (let i = 0; i < width; i++) {
    const cell = header.cells[i] ?? null;
    const name = displayCell(cell)?.trim() ?? null;
    if (name === null || name === '') {
      if (dataRows.some((r) => !isBlankCell(r.cells[i]))) {
        errors.push({ row: header.row, column: `第 ${columnLetter(i)} 列`, value: null, message: msg(`第 ${columnLetter(i)} 列有数据但没有表头`, `Column ${columnLetter(i)} has data but no header`) });
      }
      continue;
    }
    const column = byName.get(headerKey(name));
    if (!column) {
      errors.push({
        row: header.row,
        column: name,
        value: name,
        message: msg(`无法识别的列“${name}”（第 ${columnLetter(i)} 列）；可用的列见模板的“说明”工作表`, `Unknown column "${name}" (column ${columnLetter(i)}); the template's 说明 sheet lists the columns`),
      });
      continue;
    }
    const seen = positions.get(column.key);
    if (seen !== undefined) {
      errors.push({
        row: header.row,
        column: column.header,
        value: name,
        message: msg(`列“${column.header}”出现了两次（第 ${columnLetter(seen)} 列和第 ${columnLetter(i)} 列）`, `Column "${column.en}" appears twice (columns ${columnLetter(seen)} and ${columnLetter(i)})`),
      });
      continue;
    }
    positions.set(column.key, i);
  }
  for (const c of columns) {
    if (c.required && !positions.has(c.key)) {
      errors.push({ row: header.row, column: c.header, value: null, message: msg(`缺少必填列“${c.header}”`, `The required column "${c.en}" is missing`) });
    }
  }
  return { positions, errors };
}

/** Read the rows of a sheet into drafts of the kind, reporting each cell's problems. */
export function readSheet(kind: ImportKind, sheet: RawSheet): SheetReading {
  if (sheet.rows.length === 0) {
    return { ok: false, problem: msg('文件中没有任何内容（没有表头行）', 'The file is empty: there is no header row'), errors: [], totalRows: 0 };
  }
  const headerAt = findHeader(kind, sheet.rows);
  const header = sheet.rows[headerAt]!;
  const dataRows = sheet.rows.slice(headerAt + 1);
  const { positions, errors: headerErrors } = mapHeader(kind, header, dataRows);
  if (headerErrors.length > 0) {
    return {
      ok: false,
      problem: msg('表头与模板不符，请按模板的列名填写（见“说明”工作表）', 'The header does not match the template (see its 说明 sheet)'),
      errors: headerErrors,
      totalRows: dataRows.length,
    };
  }
  if (dataRows.length === 0) {
    return { ok: false, problem: msg('文件只有表头，没有数据行', 'The file has a header but no data rows'), errors: [], totalRows: 0 };
  }
  const columns = new Map(IMPORT_COLUMNS[kind].map((c) => [c.key, c]));
  const errors: ImportError[] = [];
  const reader = (row: RawRow) => new RowReader(row.row, row.cells, positions, columns, errors);
  const columnOrder = IMPORT_COLUMNS[kind].map((c) => c.header);
  const congressAt = positions.get('congresses');
  let drafts: Drafts;
  switch (kind) {
    case 'representatives':
      drafts = { kind, drafts: dataRows.map((row) => readRepresentative(reader(row), congressAt !== undefined && !isBlankCell(row.cells[congressAt]))) };
      break;
    case 'stations':
      drafts = { kind, drafts: dataRows.map((row) => readStation(reader(row))) };
      break;
    case 'units':
      drafts = { kind, drafts: dataRows.map((row) => readUnit(reader(row))) };
      break;
    case 'grids':
      drafts = { kind, drafts: dataRows.map((row) => readGrid(reader(row))) };
      break;
  }
  return { ok: true, drafts, errors, totalRows: dataRows.length, columnOrder };
}

// ---------------------------------------------------------------------------------------------
// References

/** The codes a file refers to, per table, so they can be looked up in one query each. */
export interface CodeRequest {
  jurisdictions: Set<string>;
  congresses: Set<string>;
  stations: Set<string>;
  groups: Set<string>;
  grids: Set<string>;
  units: Set<string>;
  representatives: Set<string>;
  categories: boolean;
}

export function referencedCodes(d: Drafts): CodeRequest {
  const req: CodeRequest = {
    jurisdictions: new Set(),
    congresses: new Set(),
    stations: new Set(),
    groups: new Set(),
    grids: new Set(),
    units: new Set(),
    representatives: new Set(),
    categories: false,
  };
  const add = (set: Set<string>, ...codes: (string | null)[]) => {
    for (const c of codes) if (c !== null) set.add(c);
  };
  switch (d.kind) {
    case 'representatives':
      for (const x of d.drafts) {
        add(req.representatives, x.code);
        add(req.jurisdictions, x.jurisdiction);
        add(req.congresses, ...x.congresses);
        add(req.stations, ...x.stations);
        add(req.groups, ...x.groups);
        add(req.grids, ...x.grids);
      }
      break;
    case 'stations':
      for (const x of d.drafts) {
        add(req.stations, x.code, x.parent);
        add(req.jurisdictions, x.jurisdiction);
      }
      break;
    case 'units':
      req.categories = true;
      for (const x of d.drafts) {
        add(req.units, x.code, x.parent);
        add(req.jurisdictions, x.jurisdiction);
      }
      break;
    case 'grids':
      for (const x of d.drafts) {
        add(req.grids, x.code);
        add(req.jurisdictions, x.jurisdiction);
        add(req.stations, x.station);
        add(req.representatives, ...x.representatives);
      }
      break;
  }
  return req;
}

/** A record found by its code: its id and the path of its jurisdiction (null: above the deployment). */
export interface Target {
  id: number;
  path: string | null;
}

export interface ImportLookups {
  jurisdictions: ReadonlyMap<string, Target>;
  congresses: ReadonlyMap<string, Target>;
  stations: ReadonlyMap<string, Target & { tier: StationTier }>;
  groups: ReadonlyMap<string, Target>;
  grids: ReadonlyMap<string, Target>;
  units: ReadonlyMap<string, Target>;
  representatives: ReadonlyMap<string, Target>;
  /** Category code, Chinese name and lower-case English name → code. */
  categories: ReadonlyMap<string, string>;
}

export const emptyLookups = (): ImportLookups => ({
  jurisdictions: new Map(),
  congresses: new Map(),
  stations: new Map(),
  groups: new Map(),
  grids: new Map(),
  units: new Map(),
  representatives: new Map(),
  categories: new Map(),
});

/** A record of the importer's jurisdiction or below. */
function inScope(scope: Scope, t: Target | undefined): t is Target {
  return t !== undefined && t.path !== null && pathInScope(scope, t.path);
}

/**
 * A congress a representative of this scope may sit in: one of the scope's own sub-tree, or one
 * above it (a county office records that its representatives also sit in the city and the
 * national congress), but never a sibling's (county B's congress for county A).
 */
function congressVisible(scope: Scope, t: Target | undefined): t is Target {
  return t !== undefined && (t.path === null || pathInScope(scope, t.path) || scope.path.startsWith(t.path));
}

// ---------------------------------------------------------------------------------------------
// Records ready to insert

export interface RepresentativeRecord {
  row: number;
  code: string;
  name: string;
  gender: Gender;
  ethnicity: string | null;
  jurisdictionId: number;
  employer: string | null;
  post: string | null;
  sector: string | null;
  status: RepresentativeStatus;
  isPublic: boolean;
  phone: string | null;
  seats: { congressId: number; delegation: string | null; constituency: string | null }[];
  stationIds: number[];
  groupIds: number[];
  gridIds: number[];
  bio: string | null;
}

/** A parent that already exists (its id) or one created by an earlier row of the same file (its code). */
export type ParentRef = { id: number } | { code: string } | null;

export interface StationRecord {
  row: number;
  code: string;
  name: string;
  tier: StationTier;
  theme: StationTheme;
  jurisdictionId: number;
  parent: ParentRef;
  /** 0 for rows whose parent is not in the file; else one more than the parent row's depth. */
  depth: number;
  address: string | null;
  receptionRule: string | null;
  receptionStart: string | null;
  receptionEnd: string | null;
  openedOn: string | null;
  status: StationStatus;
}

export interface UnitRecord {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  jurisdictionId: number;
  parent: ParentRef;
  depth: number;
  contactName: string | null;
  contactPhone: string | null;
  categoryCodes: string[];
  status: UnitStatus;
}

export interface GridRecord {
  row: number;
  code: string;
  name: string;
  jurisdictionId: number;
  stationId: number | null;
  description: string | null;
  representativeIds: number[];
}

export type ImportBatch =
  | { kind: 'representatives'; records: RepresentativeRecord[] }
  | { kind: 'stations'; records: StationRecord[] }
  | { kind: 'units'; records: UnitRecord[] }
  | { kind: 'grids'; records: GridRecord[] };

/** Checks of one kind's rows against each other and against the database. */
class Resolver {
  readonly errors: ImportError[] = [];
  constructor(
    readonly kind: ImportKind,
    readonly scope: Scope,
    readonly lookups: ImportLookups,
  ) {}

  private header(key: string): ImportColumn {
    return IMPORT_COLUMNS[this.kind].find((c) => c.key === key)!;
  }

  fail(row: number, key: string, value: string | null, message: Bilingual): void {
    this.errors.push({ row, column: this.header(key).header, value, message });
  }

  private notFound(row: number, key: string, code: string): void {
    const c = this.header(key);
    this.fail(row, key, code, msg(`${c.header}“${code}”不存在或不在您的管辖范围内`, `${c.en} "${code}" does not exist or is outside your jurisdiction`));
  }

  /** The id of a scoped record by its code, or null after reporting it. */
  ref(row: number, key: string, map: ReadonlyMap<string, Target>, code: string | null): number | null {
    if (code === null) return null;
    const t = map.get(code);
    if (inScope(this.scope, t)) return t.id;
    this.notFound(row, key, code);
    return null;
  }

  /** The ids of several scoped records, or null when any is missing (each reported). */
  refs(row: number, key: string, map: ReadonlyMap<string, Target>, codes: readonly string[], visible = inScope): number[] | null {
    const ids: number[] = [];
    let ok = true;
    for (const code of codes) {
      const t = map.get(code);
      if (visible(this.scope, t)) ids.push(t.id);
      else {
        this.notFound(row, key, code);
        ok = false;
      }
    }
    return ok ? ids : null;
  }

  congresses(row: number, codes: readonly string[]): number[] | null {
    return this.refs(row, 'congresses', this.lookups.congresses, codes, congressVisible);
  }

  /** Each key once in the file and not yet in the database. */
  uniqueKeys(drafts: readonly { row: number; code: string | null }[], existing: ReadonlyMap<string, Target>): void {
    const rowsByCode = new Map<string, number[]>();
    for (const d of drafts) {
      if (d.code === null) continue;
      const rows = rowsByCode.get(d.code);
      if (rows) rows.push(d.row);
      else rowsByCode.set(d.code, [d.row]);
    }
    const c = this.header('code');
    for (const d of drafts) {
      if (d.code === null) continue;
      const rows = rowsByCode.get(d.code)!;
      if (rows.length > 1) {
        this.fail(
          d.row,
          'code',
          d.code,
          msg(`${c.header}“${d.code}”在文件中重复出现（第 ${rows.join('、')} 行）`, `${c.en} "${d.code}" appears more than once in the file (rows ${rows.join(', ')})`),
        );
      }
      if (existing.has(d.code)) {
        this.fail(d.row, 'code', d.code, msg(`${c.header}“${d.code}”已存在`, `${c.en} "${d.code}" already exists`));
      }
    }
  }

  /**
   * A parent by code: a row further up the file, or an existing record in scope. Returns the
   * reference and the depth of the new record, or null after reporting the problem.
   */
  parent<D extends { row: number; code: string | null; parent: string | null }>(
    drafts: readonly D[],
    index: number,
    firstIndex: ReadonlyMap<string, number>,
    depths: number[],
    existing: ReadonlyMap<string, Target>,
  ): { parent: ParentRef; depth: number; inFile: D | null; existing: Target | null } | null {
    const self = drafts[index]!;
    const code = self.parent;
    if (code === null) return { parent: null, depth: 0, inFile: null, existing: null };
    const c = this.header('parent');
    if (code === self.code) {
      this.fail(self.row, 'parent', code, msg(`${c.header}不能是本行自己`, `${c.en} cannot be the row itself`));
      return null;
    }
    const at = firstIndex.get(code);
    if (at !== undefined) {
      if (at > index) {
        this.fail(
          self.row,
          'parent',
          code,
          msg(`${c.header}“${code}”在第 ${drafts[at]!.row} 行，须排在本行（第 ${self.row} 行）之前`, `${c.en} "${code}" is on row ${drafts[at]!.row}; it must come before this row (${self.row})`),
        );
        return null;
      }
      return { parent: { code }, depth: depths[at]! + 1, inFile: drafts[at]!, existing: null };
    }
    const t = existing.get(code);
    if (inScope(this.scope, t)) return { parent: { id: t.id }, depth: 0, inFile: null, existing: t };
    this.notFound(self.row, 'parent', code);
    return null;
  }
}

function firstIndexByCode(drafts: readonly { code: string | null }[]): Map<string, number> {
  const first = new Map<string, number>();
  drafts.forEach((d, i) => {
    if (d.code !== null && !first.has(d.code)) first.set(d.code, i);
  });
  return first;
}

/** Check keys and references of the drafts; the records are complete only when there are no errors. */
export function resolveDrafts(d: Drafts, lookups: ImportLookups, scope: Scope): { batch: ImportBatch; errors: ImportError[]; rowsWithErrors: Set<number> } {
  const rz = new Resolver(d.kind, scope, lookups);
  /** No new problem since `before`: the row can become a record. */
  const clean = (before: number) => rz.errors.length === before;
  let batch: ImportBatch;
  switch (d.kind) {
    case 'representatives': {
      rz.uniqueKeys(d.drafts, lookups.representatives);
      const records: RepresentativeRecord[] = [];
      for (const x of d.drafts) {
        const before = rz.errors.length;
        const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
        const congressIds = rz.congresses(x.row, x.congresses);
        const stationIds = rz.refs(x.row, 'stations', lookups.stations, x.stations);
        const groupIds = rz.refs(x.row, 'groups', lookups.groups, x.groups);
        const gridIds = rz.refs(x.row, 'grids', lookups.grids, x.grids);
        if (!clean(before) || x.code === null || x.name === null || x.gender === null || jurisdictionId === null) continue;
        if (congressIds === null || stationIds === null || groupIds === null || gridIds === null) continue;
        const seatText = (values: string[], i: number) => (values.length === 0 ? null : (values.length === 1 ? values[0] : values[i]) ?? null);
        records.push({
          row: x.row,
          code: x.code,
          name: x.name,
          gender: x.gender,
          ethnicity: x.ethnicity,
          jurisdictionId,
          employer: x.employer,
          post: x.post,
          sector: x.sector,
          status: x.status,
          isPublic: x.isPublic,
          phone: x.phone,
          seats: congressIds.map((congressId, i) => ({ congressId, delegation: seatText(x.delegation, i), constituency: seatText(x.constituency, i) })),
          stationIds,
          groupIds,
          gridIds,
          bio: x.bio,
        });
      }
      batch = { kind: d.kind, records };
      break;
    }
    case 'stations': {
      rz.uniqueKeys(d.drafts, lookups.stations);
      const first = firstIndexByCode(d.drafts);
      const depths: number[] = [];
      const records: StationRecord[] = [];
      d.drafts.forEach((x, i) => {
        const before = rz.errors.length;
        const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
        const p = rz.parent(d.drafts, i, first, depths, lookups.stations);
        depths.push(p?.depth ?? 0);
        const parentTier = p?.inFile?.tier ?? (p?.existing ? lookups.stations.get(x.parent!)?.tier : undefined) ?? null;
        if (x.tier !== null && parentTier !== null && !isValidParentTier(parentTier, x.tier)) {
          const [pt, ct] = [STATION_TIER_LABELS[parentTier], STATION_TIER_LABELS[x.tier]];
          rz.fail(
            x.row,
            'parent',
            x.parent,
            msg(`上级站点“${x.parent ?? ''}”是${pt.zh}，层级须高于本站点（${ct.zh}）`, `The parent station "${x.parent ?? ''}" is a ${pt.en}; it must be of a higher tier than this ${ct.en}`),
          );
        }
        if (!clean(before) || x.code === null || x.name === null || x.tier === null || jurisdictionId === null || p === null) return;
        records.push({
          row: x.row,
          code: x.code,
          name: x.name,
          tier: x.tier,
          theme: x.theme,
          jurisdictionId,
          parent: p.parent,
          depth: p.depth,
          address: x.address,
          receptionRule: x.receptionRule,
          receptionStart: x.receptionStart,
          receptionEnd: x.receptionEnd,
          openedOn: x.openedOn,
          status: x.status,
        });
      });
      batch = { kind: d.kind, records };
      break;
    }
    case 'units': {
      rz.uniqueKeys(d.drafts, lookups.units);
      const first = firstIndexByCode(d.drafts);
      const depths: number[] = [];
      const records: UnitRecord[] = [];
      d.drafts.forEach((x, i) => {
        const before = rz.errors.length;
        const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
        const p = rz.parent(d.drafts, i, first, depths, lookups.units);
        depths.push(p?.depth ?? 0);
        const categoryCodes: string[] = [];
        for (const name of x.categories) {
          const code = lookups.categories.get(name) ?? lookups.categories.get(name.toLowerCase());
          if (code === undefined) {
            rz.fail(x.row, 'categories', name, msg(`办理类别“${name}”不存在（请填类别编码或名称）`, `No category "${name}" (give its code or name)`));
          } else if (!categoryCodes.includes(code)) {
            categoryCodes.push(code);
          }
        }
        if (!clean(before) || x.code === null || x.name === null || x.kind === null || jurisdictionId === null || p === null) return;
        records.push({
          row: x.row,
          code: x.code,
          name: x.name,
          shortName: x.shortName,
          kind: x.kind,
          jurisdictionId,
          parent: p.parent,
          depth: p.depth,
          contactName: x.contactName,
          contactPhone: x.contactPhone,
          categoryCodes,
          status: x.status,
        });
      });
      batch = { kind: d.kind, records };
      break;
    }
    case 'grids': {
      rz.uniqueKeys(d.drafts, lookups.grids);
      const records: GridRecord[] = [];
      for (const x of d.drafts) {
        const before = rz.errors.length;
        const jurisdictionId = rz.ref(x.row, 'jurisdiction', lookups.jurisdictions, x.jurisdiction);
        const stationId = rz.ref(x.row, 'station', lookups.stations, x.station);
        const representativeIds = rz.refs(x.row, 'representatives', lookups.representatives, x.representatives);
        if (!clean(before) || x.code === null || x.name === null || jurisdictionId === null || representativeIds === null) continue;
        records.push({ row: x.row, code: x.code, name: x.name, jurisdictionId, stationId, description: x.description, representativeIds });
      }
      batch = { kind: d.kind, records };
      break;
    }
  }
  return { batch, errors: rz.errors, rowsWithErrors: new Set(rz.errors.map((e) => e.row)) };
}

/** Errors in reading order: by row, then by the column's place in the template. */
export function sortErrors(errors: ImportError[], kind: ImportKind): ImportError[] {
  const order = new Map(IMPORT_COLUMNS[kind].map((c, i) => [c.header, i]));
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.row - b.e.row || (order.get(a.e.column) ?? 999) - (order.get(b.e.column) ?? 999) || a.i - b.i)
    .map((x) => x.e);
}
