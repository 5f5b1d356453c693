/**
 * Reading one row of an import file field by field: each cell is converted as its column says
 * (import.columns.ts) and checked against the same rules as the create API, and every problem is
 * recorded with the row and the column's Chinese header. A field that fails reads as null (or an
 * empty list), so the rest of the row is still checked.
 */
import { toHalfWidth } from '../../lib/halfwidth.ts';
import { normalizePhone } from '../../lib/phone.ts';
import { parseReceptionRule, receptionRuleFromText } from '../../lib/recurrence.ts';
import type { Bilingual } from '../../platform/http/errors.ts';
import {
  cellDate,
  cellTime,
  charCount,
  CODE_PATTERN,
  displayCell,
  flagOfWord,
  isBlankCell,
  isCellError,
  LONG_TEXT,
  parseDateText,
  parseTimeText,
  PLAIN_TEXT,
  SCIENTIFIC,
  splitValues,
  type Cell,
} from './import.cells.ts';
import type { ImportColumn, ProblemList } from './import.columns.ts';
import { msg } from './import.domain.ts';
import { valueFromLabel } from './org.domain.ts';

/** The same longest code as the API's Code. */
const CODE_MAX_LENGTH = 32;

/** A choice by label or value; values are matched case-insensitively too (files say "Active"). */
function choiceOf<T extends string>(labels: Record<T, Bilingual>, text: string): T | undefined {
  return valueFromLabel(labels, text) ?? valueFromLabel(labels, text.toLowerCase());
}

/** Reads the cells of one row by column key, converting and checking each, and records problems. */
export class RowReader {
  constructor(
    readonly row: number,
    private readonly cells: readonly Cell[],
    /** Where each column is in the file, by key (absent: the file has no such column). */
    private readonly positions: ReadonlyMap<string, number>,
    private readonly problems: ProblemList,
  ) {}

  /** The column of this row's kind by its key. */
  column(key: string): ImportColumn {
    return this.problems.column(key);
  }

  /** Record a problem of this row's cell in the column `key`. */
  fail(key: string, value: string | null, message: Bilingual): void {
    this.problems.add(this.row, key, value, message);
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
   * be text: a spreadsheet error, or a formula without a computed result. Codes (`asCode`) are
   * made half-width, and refused when Excel has turned them into a date, rounded a long number
   * or shown it in scientific notation: what the cell holds is then not what was typed.
   */
  private text(key: string, asCode: boolean): string | null | undefined {
    const cell = this.cell(key);
    const c = this.column(key);
    if (isCellError(cell)) {
      this.fail(
        key,
        cell.error,
        cell.error === 'NO_RESULT'
          ? msg(
              `${c.header}是没有计算结果的公式，请在 Excel 中打开并保存后再导入`,
              `${c.en} is a formula without a computed result; open and save the file in Excel first`,
            )
          : msg(
              `${c.header}的单元格是错误值 ${cell.error}`,
              `${c.en} holds the spreadsheet error ${cell.error}`,
            ),
      );
      return undefined;
    }
    if (asCode && cell instanceof Date) {
      this.fail(
        key,
        displayCell(cell),
        msg(
          `${c.header}被 Excel 识别成了日期，请将该列设为“文本”格式并重新填写后再导入`,
          `${c.en} was turned into a date by Excel; format the column as text and enter it again`,
        ),
      );
      return undefined;
    }
    if (asCode && typeof cell === 'number' && !Number.isSafeInteger(cell) && Number.isInteger(cell)) {
      this.fail(
        key,
        displayCell(cell),
        msg(
          `${c.header}是位数过多的数字，Excel 已丢失末几位，请将该列设为“文本”格式并重新填写后再导入`,
          `${c.en} is a number too long for Excel to keep exactly; format the column as text and enter it again`,
        ),
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
        msg(
          `${c.header}显示为科学计数法（${text}），请将该列设为“文本”格式并重新填写后再导入`,
          `${c.en} is in scientific notation (${text}); format the column as text and enter it again`,
        ),
      );
      return undefined;
    }
    return text;
  }

  private checkLength(key: string, text: string, maxLength: number): boolean {
    const c = this.column(key);
    if (charCount(text) > maxLength) {
      this.fail(
        key,
        text,
        msg(`${c.header}不能超过 ${maxLength} 个字符`, `${c.en} must be at most ${maxLength} characters`),
      );
      return false;
    }
    return true;
  }

  /** A code (own key or a single reference): half-width, letters, digits, . _ -, at most 32. */
  code(key: string): string | null {
    const text = this.text(key, true);
    if (!text) return null;
    const c = this.column(key);
    if (!this.checkLength(key, text, CODE_MAX_LENGTH)) return null;
    if (!CODE_PATTERN.test(text)) {
      this.fail(
        key,
        text,
        msg(
          `${c.header}只能包含字母、数字、点、横线和下划线，且以字母或数字开头`,
          `${c.en} may contain only letters, digits, dot, dash and underscore, starting with a letter or digit`,
        ),
      );
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
      this.fail(
        key,
        text,
        msg(
          `${c.header}不能包含 < > 或控制字符${long ? '' : '（包括换行）'}`,
          `${c.en} must not contain < >${long ? '' : ', line breaks'} or control characters`,
        ),
      );
      return null;
    }
    return this.checkLength(key, value, max) ? value : null;
  }

  /** One value of a vocabulary, by its Chinese or English label or the value itself. */
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
        msg(
          `${c.header}的取值“${text}”无效，可选：${allowed.map((l) => l.zh).join(' / ')}`,
          `${c.en} "${text}" is not valid; use one of: ${allowed.map((l) => l.en).join(' / ')}`,
        ),
      );
      return null;
    }
    return value;
  }

  /** Yes or no: a TRUE/FALSE cell, or a word such as 是/否, yes/no, 1/0. */
  flag(key: string): boolean | null {
    const cell = this.cell(key);
    if (typeof cell === 'boolean') return cell;
    const text = this.text(key, true);
    if (!text) return null;
    const flag = flagOfWord(text);
    if (flag !== undefined) return flag;
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
          ? msg(
              '；单元格是数字格式，固定电话开头的 0 可能已被 Excel 去掉，请将该列设为“文本”格式',
              '; the cell is a number, so Excel may have dropped a leading 0: format the column as text',
            )
          : msg('', '');
      this.fail(
        key,
        text,
        msg(
          `${c.header}格式不正确，应为 11 位手机号码或带区号的固定电话${hint.zh}`,
          `${c.en} is not valid: use an 11-digit mobile number or a landline with its area code${hint.en}`,
        ),
      );
    }
    return phone;
  }

  /** A calendar date: a date cell, an Excel serial number, or text such as 2024-03-01 or 2024年3月1日. */
  date(key: string): string | null {
    const cell = this.cell(key);
    let value: string | null | undefined = cellDate(cell);
    if (value === undefined) {
      const text = this.text(key, true);
      if (!text) return null;
      value = parseDateText(text);
    }
    if (value === null || value < '1900-01-01' || value > '2100-12-31') {
      const c = this.column(key);
      this.fail(
        key,
        displayCell(cell),
        msg(`${c.header}格式不正确，应为日期（YYYY-MM-DD）`, `${c.en} must be a date (YYYY-MM-DD)`),
      );
      return null;
    }
    return value;
  }

  /** A time of day 'HH:MM': a time cell, a fraction of a day, or text such as 9:00. */
  time(key: string): string | null {
    const cell = this.cell(key);
    let value: string | null | undefined = cellTime(cell);
    if (value === undefined) {
      const text = this.text(key, true);
      if (!text) return null;
      value = parseTimeText(text);
    }
    if (value === null) {
      const c = this.column(key);
      this.fail(
        key,
        displayCell(cell),
        msg(`${c.header}格式不正确，应为 HH:MM（如 09:00）`, `${c.en} must be a time HH:MM (e.g. 09:00)`),
      );
      return null;
    }
    return value;
  }

  /** A reception rule in words (每月第三个星期二) or as RFC 5545 (FREQ=MONTHLY;BYDAY=+3TU), stored as RFC 5545. */
  rule(key: string): string | null {
    const text = this.text(key, false);
    if (!text) return null;
    const c = this.column(key);
    const rule =
      receptionRuleFromText(text) ??
      toHalfWidth(text)
        .replace(/\s+/g, '')
        .replace(/^RRULE:/i, '')
        .toUpperCase();
    const parsed = parseReceptionRule(rule);
    if (!parsed.ok) {
      this.fail(
        key,
        text,
        msg(
          `${c.header}：${parsed.message.zh}（可写作“每周一”“每月15日”“每月第三个星期二”或 FREQ=MONTHLY;BYDAY=+3TU）`,
          `${c.en}: ${parsed.message.en}`,
        ),
      );
      return null;
    }
    return rule;
  }

  /** Several values separated by ；;、, (each trimmed, half-width, without repeats). */
  list(key: string): string[] {
    const c = this.column(key);
    const text = this.text(key, c.spec.type === 'refs');
    if (!text) return [];
    const items = splitValues(text);
    const maxItems = c.spec.type === 'refs' || c.spec.type === 'texts' ? c.spec.maxItems : 1;
    if (items.length > maxItems) {
      this.fail(key, text, msg(`${c.header}最多 ${maxItems} 项`, `${c.en} allows at most ${maxItems} items`));
      return [];
    }
    if (c.spec.type === 'texts') {
      const max = c.spec.maxLength;
      const bad = items.find((s) => !PLAIN_TEXT.test(s) || charCount(s) > max);
      if (bad !== undefined) {
        this.fail(
          key,
          bad,
          msg(
            `${c.header}的每一项不能超过 ${max} 个字符，且不能包含 < > 或控制字符`,
            `Each ${c.en} must be at most ${max} characters without < > or control characters`,
          ),
        );
        return [];
      }
    }
    return items;
  }
}
