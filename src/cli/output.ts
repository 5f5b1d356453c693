/**
 * Terminal output shared by the commands: refusals printed as a message (not a stack trace), and
 * boxes and columns that line up with Chinese text, whose characters take two cells.
 */
import { BackupError } from '../platform/db/backup.ts';
import { AppError } from '../platform/http/errors.ts';

/** A refusal the operator can act on: printed without a stack trace, exit status 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** Print what went wrong and set a failing exit status; rethrow what is not an expected refusal. */
export function reportFailure(err: unknown): void {
  if (err instanceof CliError) {
    console.error(`✗ ${err.message}`);
  } else if (err instanceof BackupError) {
    console.error(`✗ ${err.message}\n  ${err.zh}`);
  } else if (err instanceof AppError) {
    console.error(`✗ ${err.detailText?.en ?? err.code}${err.detailText ? `\n  ${err.detailText.zh}` : ''}`);
    for (const e of err.errors) console.error(`  ${e.path}: ${e.message.zh} / ${e.message.en}`);
  } else {
    throw err;
  }
  process.exitCode = 1;
}

/** Terminal cells a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Rows of cells as aligned columns, two spaces apart. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padCells(cell, widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** Lines in a rounded box. */
export function box(lines: readonly string[]): string {
  const inner = Math.max(...lines.map(displayWidth)) + 2;
  return [
    `╭${'─'.repeat(inner + 2)}╮`,
    ...lines.map((l) => `│  ${padCells(l, inner)}│`),
    `╰${'─'.repeat(inner + 2)}╯`,
  ].join('\n');
}
