/**
 * Spreadsheet cells as the import reads them, and the pure conversions from what people type or
 * Excel stores to clean values: dates (date cells, Excel serial numbers, 2024年3月1日), times
 * (time cells, fractions of a day, 9：00), yes/no words, lists in one cell, and the patterns text
 * and codes must match. Nothing here knows about columns or reports problems: the row reader
 * (import.row-reader.ts) does, with these.
 */
import { toHalfWidth } from '../../lib/halfwidth.ts';

/** A spreadsheet error value (#N/A, #REF! …), or a formula whose result was never computed. */
export interface CellError {
  error: string;
}
/** One cell as the parser hands it over: text, a number, a flag, a date, an error, or nothing. */
export type Cell = string | number | boolean | Date | CellError | null;

export interface RawRow {
  row: number;
  cells: readonly Cell[];
}

/** A worksheet as read from the file: its non-blank rows with their spreadsheet row numbers. */
export interface RawSheet {
  rows: readonly RawRow[];
}

/** Whether the cell holds an error value (or a formula without a result) rather than a value. */
export function isCellError(cell: Cell): cell is CellError {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** Midnight UTC of an Excel date, rounded to the second (spreadsheet dates are floating-point days). */
function roundedTime(date: Date): number {
  return Math.round(date.getTime() / 1000) * 1000;
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

/** Whether the cell is empty: nothing, or only spaces. */
export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

// ---------------------------------------------------------------------------------------------
// Text and codes

/** A business key as the API's Code: letters, digits, . _ -, starting with a letter or digit. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** The API's PlainText: no < >, no control characters (so no line breaks). */
// eslint-disable-next-line no-control-regex
export const PLAIN_TEXT = /^[^<>\u0000-\u001f\u007f]*$/;
/** The API's LongText: as PlainText, but tabs and line breaks are allowed. */
// eslint-disable-next-line no-control-regex
export const LONG_TEXT = /^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** What Excel shows for a long number it has turned into a float (1.23457E+11). */
export const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;

/** Length in characters as people count them (a character outside the BMP is one, not two). */
export const charCount = (s: string): number => [...s].length;

const TRUE_WORDS = new Set(['是', '公开', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', '不公开', 'n', 'no', 'false', '0', '×']);

/** A yes/no word (是/否, yes/no, 1/0, √/× …, any case); undefined when it is neither. */
export function flagOfWord(text: string): boolean | undefined {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** Several values in one cell are separated by any of these (half- or full-width; a line break too). */
export const MULTI_VALUE_SEPARATOR = /[;；、,，\n\r]+/;
export const MULTI_VALUE_SEPARATOR_TEXT = '；（或 ; 、 , ，）';

/** The values of a multi-value cell: split, trimmed, without empty items or repeats. */
export function splitValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(MULTI_VALUE_SEPARATOR)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Excel's serial number of 10000-01-01, the first day it cannot show. */
const EXCEL_SERIAL_LIMIT = 2_958_466;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date a date cell or an Excel serial number (45352 = 2024-03-01) stands for, or
 * undefined when the cell is neither and must be read as text.
 */
export function cellDate(cell: Cell): string | undefined {
  if (cell instanceof Date) return new Date(roundedTime(cell)).toISOString().slice(0, 10);
  if (typeof cell === 'number' && cell >= 1 && cell < EXCEL_SERIAL_LIMIT)
    return new Date(EXCEL_EPOCH + Math.round(cell) * DAY_MS).toISOString().slice(0, 10);
  return undefined;
}

/**
 * The time of day 'HH:MM' a time cell or a fraction of a day (0.375 = 09:00) stands for, or
 * undefined when the cell is neither and must be read as text.
 */
export function cellTime(cell: Cell): string | undefined {
  if (cell instanceof Date) {
    const d = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
    return `${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}`;
  }
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 1440) % 1440;
    return `${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`;
  }
  return undefined;
}

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
  return `${twoDigits(h)}:${twoDigits(min)}`;
}
