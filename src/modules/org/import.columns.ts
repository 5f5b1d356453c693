/**
 * The columns of each import file — key, Chinese header, what a cell may hold, whether it is
 * required, and the help and example the template shows — and the header row of a file matched
 * to them. The template (import.template.ts), the row reader and the report all work from these.
 */
import { toHalfWidth } from '../../lib/halfwidth.ts';
import type { Bilingual } from '../../platform/http/errors.ts';
import { displayCell, isBlankCell, MULTI_VALUE_SEPARATOR_TEXT, type RawRow } from './import.cells.ts';
import { msg, type ImportError, type ImportKind } from './import.domain.ts';
import {
  GENDER_LABELS,
  REPRESENTATIVE_STATUS_LABELS,
  STATION_STATUS_LABELS,
  STATION_THEME_LABELS,
  STATION_TIER_LABELS,
  UNIT_KIND_LABELS,
  type UnitStatus,
} from './org.domain.ts';

/** Unit statuses have no labels in org.domain.ts (the API uses the values); import files use these. */
export const UNIT_STATUS_LABELS: Record<UnitStatus, Bilingual> = {
  active: { zh: '启用', en: 'Active' },
  inactive: { zh: '停用', en: 'Inactive' },
};

export type ColumnSpec =
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

const col = (
  key: string,
  header: string,
  en: string,
  spec: ColumnSpec,
  help: string,
  example: string,
  required = false,
): ImportColumn => ({
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

/** The columns of each kind, in the template's order; the code (the record's key) comes first. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  representatives: [
    col('code', '代表编号', 'Code', { type: 'code' }, `代表证号或名册编号；${CODE_HELP}`, 'R2026001', true),
    col('name', '姓名', 'Name', { type: 'text', maxLength: 50 }, '最长 50 个字', '张明', true),
    col('gender', '性别', 'Gender', { type: 'choice', labels: GENDER_LABELS }, '男 或 女', '男', true),
    col('ethnicity', '民族', 'Ethnicity', { type: 'text', maxLength: 20 }, '如：汉族；最长 20 个字', '汉族'),
    col(
      'jurisdiction',
      '管理辖区代码',
      'Jurisdiction code',
      { type: 'ref' },
      REF_HELP('管理该代表的人大常委会所在辖区的行政区划代码'),
      '330602',
      true,
    ),
    col(
      'employer',
      '工作单位',
      'Employer',
      { type: 'text', maxLength: 200 },
      '最长 200 个字',
      '清江市第一人民医院',
    ),
    col('post', '职务', 'Post', { type: 'text', maxLength: 100 }, '最长 100 个字', '副院长'),
    col(
      'sector',
      '界别',
      'Sector',
      { type: 'text', maxLength: 50 },
      '如：工人、农民、专业技术人员、企业负责人、党政干部……；最长 50 个字',
      '专业技术人员',
    ),
    col(
      'status',
      '状态',
      'Status',
      { type: 'choice', labels: REPRESENTATIVE_STATUS_LABELS },
      '不填为“在任”',
      '在任',
    ),
    col('isPublic', '公开履职信息', 'Public profile', { type: 'flag' }, '是 或 否；不填为“是”', '是'),
    col(
      'phone',
      '联系电话',
      'Phone',
      { type: 'phone' },
      '11 位手机号码或带区号的固定电话；加密保存，页面上只显示 138****1234',
      '13800001234',
    ),
    col(
      'congresses',
      '所属人大编码',
      'Congress codes',
      { type: 'refs', maxItems: 6 },
      `该代表当选的人大（届次）的编码${MULTI_HELP}`,
      'QJ-CITY-16；DH-COUNTY-18',
    ),
    col(
      'delegation',
      '代表团',
      'Delegation',
      { type: 'texts', maxLength: 100, maxItems: 6 },
      '所在代表团；填一个则适用于所有所属人大，或按所属人大编码的顺序各填一个',
      '东湖区代表团',
    ),
    col(
      'constituency',
      '选区',
      'Constituency',
      { type: 'texts', maxLength: 100, maxItems: 6 },
      '选举产生的选区；规则同“代表团”',
      '湖滨街道第3选区',
    ),
    col(
      'stations',
      '进站站点编码',
      'Station codes',
      { type: 'refs', maxItems: 500 },
      `${REF_HELP('进驻的联络站点编码')}${MULTI_HELP}`,
      'ST-DH-001',
    ),
    col(
      'groups',
      '代表小组编码',
      'Group codes',
      { type: 'refs', maxItems: 500 },
      `${REF_HELP('所在代表小组的编码（以组员身份加入）')}${MULTI_HELP}`,
      'G-DH-01',
    ),
    col(
      'grids',
      '网格编码',
      'Grid codes',
      { type: 'refs', maxItems: 500 },
      `${REF_HELP('联系的网格编码')}${MULTI_HELP}`,
      'GR-HB-001',
    ),
    col(
      'bio',
      '简介',
      'Biography',
      { type: 'longtext', maxLength: 2000 },
      '最长 2000 个字，可换行',
      '长期从事基层医疗工作。',
    ),
  ],
  stations: [
    col('code', '站点编码', 'Code', { type: 'code' }, CODE_HELP, 'ST-DH-001', true),
    col(
      'name',
      '名称',
      'Name',
      { type: 'text', maxLength: 100 },
      '最长 100 个字',
      '湖滨街道人大代表联络站',
      true,
    ),
    col(
      'tier',
      '层级',
      'Tier',
      { type: 'choice', labels: STATION_TIER_LABELS },
      '联络总站 / 联络中心站 / 联络站 / 联系点',
      '联络站',
      true,
    ),
    col(
      'theme',
      '类型',
      'Theme',
      { type: 'choice', labels: STATION_THEME_LABELS },
      '不填为“综合（社区）”',
      '综合（社区）',
    ),
    col(
      'jurisdiction',
      '所属辖区代码',
      'Jurisdiction code',
      { type: 'ref' },
      REF_HELP('站点所在辖区的行政区划代码'),
      '330602001',
      true,
    ),
    col(
      'parent',
      '上级站点编码',
      'Parent station code',
      { type: 'ref' },
      '已在系统中的站点编码，或本文件中排在前面的站点编码；上级的层级须高于本站点',
      'ST-DH-000',
    ),
    col('address', '地址', 'Address', { type: 'text', maxLength: 200 }, '最长 200 个字', '湖滨路 18 号'),
    col(
      'receptionRule',
      '接待日规则',
      'Reception rule',
      { type: 'rule' },
      '如：每周一、每月15日、每月第三个星期二、单月15日；也可填 RFC 5545 规则，如 FREQ=MONTHLY;BYDAY=+3TU',
      '每月第三个星期二',
    ),
    col(
      'receptionStart',
      '接待开始时间',
      'Reception start',
      { type: 'time' },
      'HH:MM，如 09:00；与结束时间同时填写',
      '09:00',
    ),
    col('receptionEnd', '接待结束时间', 'Reception end', { type: 'time' }, 'HH:MM，须晚于开始时间', '11:00'),
    col('openedOn', '启用日期', 'Opened on', { type: 'date' }, 'YYYY-MM-DD，或 Excel 日期', '2024-03-01'),
    col(
      'status',
      '状态',
      'Status',
      { type: 'choice', labels: STATION_STATUS_LABELS },
      '不填为“运行中”',
      '运行中',
    ),
  ],
  units: [
    col('code', '单位编码', 'Code', { type: 'code' }, CODE_HELP, 'U-DH-ZJ', true),
    col(
      'name',
      '名称',
      'Name',
      { type: 'text', maxLength: 100 },
      '最长 100 个字',
      '东湖区住房和城乡建设局',
      true,
    ),
    col('shortName', '简称', 'Short name', { type: 'text', maxLength: 50 }, '最长 50 个字', '区住建局'),
    col(
      'kind',
      '类型',
      'Kind',
      { type: 'choice', labels: UNIT_KIND_LABELS },
      '政府部门 / 法院 / 检察院 / 乡镇（街道） / 公用事业单位 / 其他',
      '政府部门',
      true,
    ),
    col(
      'jurisdiction',
      '所属辖区代码',
      'Jurisdiction code',
      { type: 'ref' },
      REF_HELP('单位所属辖区的行政区划代码'),
      '330602',
      true,
    ),
    col(
      'parent',
      '上级单位编码',
      'Parent unit code',
      { type: 'ref' },
      '已在系统中的单位编码，或本文件中排在前面的单位编码（逾期事项向上级单位升级）',
      'U-DH-GOV',
    ),
    col('contactName', '联系人', 'Contact name', { type: 'text', maxLength: 50 }, '最长 50 个字', '李华'),
    col(
      'contactPhone',
      '联系电话',
      'Contact phone',
      { type: 'phone' },
      '11 位手机号码或带区号的固定电话；加密保存',
      '057512345678',
    ),
    col(
      'categories',
      '办理类别',
      'Categories',
      { type: 'refs', maxItems: 200 },
      `类别编码或名称（如：城乡建设与住房、交通出行）${MULTI_HELP}；适用于单位所属辖区`,
      '城乡建设与住房；城市管理',
    ),
    col(
      'status',
      '状态',
      'Status',
      { type: 'choice', labels: UNIT_STATUS_LABELS },
      '启用 或 停用；不填为“启用”',
      '启用',
    ),
  ],
  grids: [
    col('code', '网格编码', 'Code', { type: 'code' }, CODE_HELP, 'GR-HB-001', true),
    col('name', '名称', 'Name', { type: 'text', maxLength: 100 }, '最长 100 个字', '湖滨社区第一网格', true),
    col(
      'jurisdiction',
      '所属辖区代码',
      'Jurisdiction code',
      { type: 'ref' },
      REF_HELP('网格所在辖区的行政区划代码'),
      '330602001001',
      true,
    ),
    col(
      'station',
      '所属站点编码',
      'Station code',
      { type: 'ref' },
      REF_HELP('网格对应的联络站点编码'),
      'ST-DH-001',
    ),
    col(
      'description',
      '说明',
      'Description',
      { type: 'longtext', maxLength: 2000 },
      '网格范围等，最长 2000 个字，可换行',
      '湖滨路以东、环城河以南',
    ),
    col(
      'representatives',
      '网格代表编号',
      'Representative codes',
      { type: 'refs', maxItems: 500 },
      `${REF_HELP('联系该网格的代表编号')}${MULTI_HELP}`,
      'R2026001；R2026002',
    ),
  ],
};

const COLUMNS_BY_KEY: Record<ImportKind, ReadonlyMap<string, ImportColumn>> = {
  representatives: new Map(IMPORT_COLUMNS.representatives.map((c) => [c.key, c])),
  stations: new Map(IMPORT_COLUMNS.stations.map((c) => [c.key, c])),
  units: new Map(IMPORT_COLUMNS.units.map((c) => [c.key, c])),
  grids: new Map(IMPORT_COLUMNS.grids.map((c) => [c.key, c])),
};

/** The column of a kind by its key; a key the kind does not have is a mistake in the code. */
export function columnOf(kind: ImportKind, key: string): ImportColumn {
  const c = COLUMNS_BY_KEY[kind].get(key);
  if (!c) throw new Error(`no import column ${key}`);
  return c;
}

/**
 * The problems found in one file, each at a row and at a column named by its key: the row
 * reader and the resolver both add to one of these, and the report names the column by its
 * Chinese header.
 */
export class ProblemList {
  readonly errors: ImportError[] = [];
  constructor(readonly kind: ImportKind) {}

  /** The column of this file's kind by its key. */
  column(key: string): ImportColumn {
    return columnOf(this.kind, key);
  }

  /** A problem of the cell at `row` in the column `key`; `value` is what the cell held, as text. */
  add(row: number, key: string, value: string | null, message: Bilingual): void {
    this.errors.push({ row, column: this.column(key).header, value, message });
  }

  /** How many problems so far: a row that adds none is clean. */
  get count(): number {
    return this.errors.length;
  }
}

/** Errors in reading order: by row, then by the column's place in the template. */
export function sortErrors(errors: ImportError[], kind: ImportKind): ImportError[] {
  const order = new Map(IMPORT_COLUMNS[kind].map((c, i) => [c.header, i]));
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.row - b.e.row || (order.get(a.e.column) ?? 999) - (order.get(b.e.column) ?? 999) || a.i - b.i,
    )
    .map((x) => x.e);
}

// ---------------------------------------------------------------------------------------------
// The header row

/** Rows above the header that may hold a title ("2026年东湖区人大代表名册"). */
const HEADER_SEARCH_ROWS = 10;

/** How a header cell is compared: no spaces, no * marks, no trailing hint in brackets, half-width. */
function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase();
}

/** Every name a column answers to: its Chinese header, its key, its English name. */
function namesOf(c: ImportColumn): string[] {
  return [headerKey(c.header), c.key.toLowerCase(), headerKey(c.en)];
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

/** The row holding the header: the first (of the first few) with a known column name, else the first row. */
export function findHeader(kind: ImportKind, rows: readonly RawRow[]): number {
  const known = new Set(IMPORT_COLUMNS[kind].flatMap(namesOf));
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    if (rows[i]!.cells.some((cell) => typeof cell === 'string' && known.has(headerKey(cell)))) return i;
  }
  return 0;
}

/**
 * Match the header cells to the kind's columns: where each column is (by key), and the missing,
 * unknown, repeated and unnamed columns, reported at the header's row.
 */
export function mapHeader(
  kind: ImportKind,
  header: RawRow,
  dataRows: readonly RawRow[],
): { positions: Map<string, number>; errors: ImportError[] } {
  const columns = IMPORT_COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const c of columns) for (const name of namesOf(c)) byName.set(name, c);
  const positions = new Map<string, number>();
  const errors: ImportError[] = [];
  const width = Math.max(header.cells.length, ...dataRows.map((r) => r.cells.length));
  for (let i = 0; i < width; i++) {
    const cell = header.cells[i] ?? null;
    const name = displayCell(cell)?.trim() ?? null;
    if (name === null || name === '') {
      if (dataRows.some((r) => !isBlankCell(r.cells[i]))) {
        errors.push({
          row: header.row,
          column: `第 ${columnLetter(i)} 列`,
          value: null,
          message: msg(
            `第 ${columnLetter(i)} 列有数据但没有表头`,
            `Column ${columnLetter(i)} has data but no header`,
          ),
        });
      }
      continue;
    }
    const column = byName.get(headerKey(name));
    if (!column) {
      errors.push({
        row: header.row,
        column: name,
        value: name,
        message: msg(
          `无法识别的列“${name}”（第 ${columnLetter(i)} 列）；可用的列见模板的“说明”工作表`,
          `Unknown column "${name}" (column ${columnLetter(i)}); the template's 说明 sheet lists the columns`,
        ),
      });
      continue;
    }
    const seen = positions.get(column.key);
    if (seen !== undefined) {
      errors.push({
        row: header.row,
        column: column.header,
        value: name,
        message: msg(
          `列“${column.header}”出现了两次（第 ${columnLetter(seen)} 列和第 ${columnLetter(i)} 列）`,
          `Column "${column.en}" appears twice (columns ${columnLetter(seen)} and ${columnLetter(i)})`,
        ),
      });
      continue;
    }
    positions.set(column.key, i);
  }
  for (const c of columns) {
    if (c.required && !positions.has(c.key)) {
      errors.push({
        row: header.row,
        column: c.header,
        value: null,
        message: msg(`缺少必填列“${c.header}”`, `The required column "${c.en}" is missing`),
      });
    }
  }
  return { positions, errors };
}
