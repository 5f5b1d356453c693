/**
 * Bulk import of the organisation (DESIGN.md §1 capability 1): what can be imported, the limits of
 * one file, and the shape of a problem in the report.
 *
 * A row obeys the same rules as the create bodies of the API (`<record>.schema.ts`: lengths, plain
 * text without < > or control characters, the code pattern, the vocabularies of org.domain.ts),
 * plus what only a file can get wrong: a key repeated within the file, a key already in the
 * database, a reference to something that does not exist or lies outside the importer's
 * jurisdiction, and the oddities of spreadsheet cells (numbers typed as codes, dates, formulas,
 * full-width digits). Every problem is reported, not just the first of a row.
 *
 * The way through, one file a step:
 * - import.parse.ts: the bytes of an XLSX or CSV file → rows of cells (import.cells.ts);
 * - import.columns.ts: the columns of each kind, and the header row matched to them;
 * - import.rows.ts: each row → a draft, field by field (import.row-reader.ts), with its problems;
 * - import.lookups.ts: the codes the drafts refer to, looked up at once (import.repo.ts);
 * - import.resolve.ts: keys and references checked → the records to insert (import.records.ts);
 * - import.service.ts: the report, and the commit in one transaction.
 */
import type { Bilingual } from '../../platform/http/errors.ts';

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

/** A message in both languages; the import writes many, and this keeps each on one line. */
export const msg = (zh: string, en: string): Bilingual => ({ zh, en });
