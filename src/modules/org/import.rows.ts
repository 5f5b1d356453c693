/**
 * The rows of an import file as drafts: one per data row, each field converted and checked on its
 * own (import.row-reader.ts), plus the rules between the fields of one row (seats, reception
 * times). A field that fails is null in the draft; its problem is in the reading's errors.
 * References are not looked at here: import.resolve.ts checks them against the database.
 */
import type { Bilingual } from '../../platform/http/errors.ts';
import { isBlankCell, type RawRow, type RawSheet } from './import.cells.ts';
import { findHeader, IMPORT_COLUMNS, mapHeader, ProblemList, UNIT_STATUS_LABELS } from './import.columns.ts';
import { msg, type ImportError, type ImportKind } from './import.domain.ts';
import { RowReader } from './import.row-reader.ts';
import {
  checkReceptionTimes,
  GENDER_LABELS,
  REPRESENTATIVE_STATUS_LABELS,
  STATION_STATUS_LABELS,
  STATION_THEME_LABELS,
  STATION_TIER_LABELS,
  UNIT_KIND_LABELS,
  type Gender,
  type RepresentativeStatus,
  type StationStatus,
  type StationTheme,
  type StationTier,
  type UnitKind,
  type UnitStatus,
} from './org.domain.ts';

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
function checkSeatTexts(
  r: RowReader,
  key: 'delegation' | 'constituency',
  values: string[],
  congresses: number,
  congressCellEmpty: boolean,
): void {
  const c = r.column(key);
  if (values.length === 0) return;
  if (congresses === 0 && congressCellEmpty) {
    r.fail(
      key,
      values.join('；'),
      msg(`填写${c.header}时须同时填写所属人大编码`, `${c.en} needs the congress codes it belongs to`),
    );
  } else if (values.length > 1 && congresses > 0 && values.length !== congresses) {
    r.fail(
      key,
      values.join('；'),
      msg(
        `${c.header}有 ${values.length} 项，所属人大编码有 ${congresses} 项：请只填一项，或按所属人大的顺序各填一项`,
        `${c.en} has ${values.length} items for ${congresses} congresses: give one, or one per congress in order`,
      ),
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
  // The station API's rule (checkReceptionTimes), unless a time is missing only because its cell
  // could not be read: that cell's problem is reported already, and "give both" would mislead.
  const { receptionStart: start, receptionEnd: end } = draft;
  const unreadable = (start === null && r.has('receptionStart')) || (end === null && r.has('receptionEnd'));
  if (!unreadable) {
    for (const problem of checkReceptionTimes(start, end)) {
      const key = problem.path === '/receptionStart' ? 'receptionStart' : 'receptionEnd';
      r.fail(key, draft[key], problem.message);
    }
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

export type SheetReading =
  | { ok: true; drafts: Drafts; errors: ImportError[]; totalRows: number; columnOrder: readonly string[] }
  /** The file as a whole cannot be read row by row (no header, missing or unknown columns, no data). */
  | { ok: false; problem: Bilingual; errors: ImportError[]; totalRows: number };

/** Read the rows of a sheet into drafts of the kind, reporting each cell's problems. */
export function readSheet(kind: ImportKind, sheet: RawSheet): SheetReading {
  if (sheet.rows.length === 0) {
    return {
      ok: false,
      problem: msg('文件中没有任何内容（没有表头行）', 'The file is empty: there is no header row'),
      errors: [],
      totalRows: 0,
    };
  }
  const headerAt = findHeader(kind, sheet.rows);
  const header = sheet.rows[headerAt]!;
  const dataRows = sheet.rows.slice(headerAt + 1);
  const { positions, errors: headerErrors } = mapHeader(kind, header, dataRows);
  if (headerErrors.length > 0) {
    return {
      ok: false,
      problem: msg(
        '表头与模板不符，请按模板的列名填写（见“说明”工作表）',
        'The header does not match the template (see its 说明 sheet)',
      ),
      errors: headerErrors,
      totalRows: dataRows.length,
    };
  }
  if (dataRows.length === 0) {
    return {
      ok: false,
      problem: msg('文件只有表头，没有数据行', 'The file has a header but no data rows'),
      errors: [],
      totalRows: 0,
    };
  }
  const problems = new ProblemList(kind);
  const reader = (row: RawRow) => new RowReader(row.row, row.cells, positions, problems);
  const columnOrder = IMPORT_COLUMNS[kind].map((c) => c.header);
  const congressAt = positions.get('congresses');
  let drafts: Drafts;
  switch (kind) {
    case 'representatives':
      drafts = {
        kind,
        drafts: dataRows.map((row) =>
          readRepresentative(reader(row), congressAt !== undefined && !isBlankCell(row.cells[congressAt])),
        ),
      };
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
  return { ok: true, drafts, errors: problems.errors, totalRows: dataRows.length, columnOrder };
}
